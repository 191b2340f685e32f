/**
 * What was said rather than written: a meeting recorded and turned into text by speech recognition, a
 * voice message. Dates come as words and speakers correct themselves.
 *
 *   "[00:01:20] CHỦ TỊCH: Văn phòng làm, nộp Sở Tài chính chậm nhất ngày ba mươi tháng mười."
 *   → "1. Văn phòng làm, nộp Sở Tài chính chậm nhất ngày 30 tháng 10."
 *
 * Numbers after "ngày", "tháng", "quý" and "năm" are written as digits ("năm hai không hai bảy" → "năm
 * 2027"); "ngày mười lăm, à không, ngày mười tám" keeps what was meant. In a transcript with timestamps,
 * what the one who chairs says is the plan (each turn an item); the others' answers are not.
 */

import { fold } from './fold';
import { findMentions } from '../time/time-mentions';
import { issueLine } from './record-list';

const DIGITS: Record<string, number> = {
  không: 0,
  linh: 0,
  lẻ: 0,
  một: 1,
  mốt: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  tư: 4,
  năm: 5,
  lăm: 5,
  sáu: 6,
  bảy: 7,
  tám: 8,
  chín: 9,
};

/** "ba mươi" → 30, "mười tám" → 18, "hai mươi lăm" → 25, "mười" → 10; with how many words it took. */
function spokenNumber(words: readonly string[]): { value: number; used: number } | null {
  const w = words.map((x) => x.toLowerCase());
  const d = (k: number): number | undefined => DIGITS[w[k] ?? ''];
  if (w[0] === 'mười') {
    const unit = d(1);
    return unit !== undefined && unit > 0 ? { value: 10 + unit, used: 2 } : { value: 10, used: 1 };
  }
  const tens = d(0);
  if (tens !== undefined && tens > 1 && w[1] === 'mươi') {
    const unit = d(2);
    return unit !== undefined && unit > 0 && w[2] !== 'không'
      ? { value: tens * 10 + unit, used: 3 }
      : { value: tens * 10, used: 2 };
  }
  return tens !== undefined && tens > 0 ? { value: tens, used: 1 } : null;
}

/** "hai không hai bảy" → 2027: a year said digit by digit. */
function spokenYear(words: readonly string[]): number | null {
  const digits = words.slice(0, 4).map((x) => DIGITS[x.toLowerCase()]);
  return digits.length === 4 && digits.every((x) => x !== undefined) && digits[0] === 2
    ? Number(digits.join(''))
    : null;
}

const CONTEXT = /^(?:ngày|tháng|quý|năm)$/iu;
const LIMIT: Record<string, number> = { ngày: 31, tháng: 12, quý: 4 };

/** Number words after a date's words, written as digits. */
export function spokenDates(text: string): string {
  // "ngày mười lăm, à không, ngày mười tám": the correction replaces what it corrects.
  const corrected = text.replace(
    /(ngày|tháng)\s+[^\s,.;]+(?:\s+[^\s,.;]+){0,2},?\s+(?:à|ờ|ơ)\s+không,?\s+(?=(?:ngày|tháng)\s)/giu,
    '',
  );
  const tokens = corrected.split(/(\s+)/);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    out.push(token);
    if (!CONTEXT.test(token)) continue;
    const key = token.toLowerCase();
    const words: string[] = [];
    for (let k = i + 2; k < tokens.length && words.length < 4; k += 2) words.push(tokens[k] ?? '');
    const clean = words.map((x) => x.replace(/[,.;:!?]+$/u, ''));
    if (key === 'năm') {
      const year = spokenYear(clean);
      if (year === null) continue;
      const last = words[3] ?? '';
      out.push(tokens[i + 1] ?? ' ', `${year}${last.slice(clean[3]?.length ?? 0)}`);
      i += 8;
      continue;
    }
    const n = spokenNumber(clean);
    if (!n || n.value > (LIMIT[key] ?? 31)) continue;
    const last = words[n.used - 1] ?? '';
    out.push(tokens[i + 1] ?? ' ', `${n.value}${last.slice(clean[n.used - 1]?.length ?? 0)}`);
    i += 2 * n.used;
  }
  return out.join('');
}

const TURN = /^\s*\[\d{1,2}:\d{2}(?::\d{2})?\]\s+([^:\n]{2,60}?):\s+(.*)$/u;
/** A transcript worth reading this way: this many timestamped turns. */
const MIN_TURNS = 5;

/** A turn of this few words assigns nothing ("Ừ được", "Dạ rõ"). */
const MIN_TURN_WORDS = 5;
/** Turns that open or close the meeting, or put a matter off. */
const CHATTER = /\b(?:mình bắt đầu|kết thúc ở đây|chưa giao|để sang năm|ai ý kiến)\b/iu;
/** What a speaker says before the matter: "Rồi, ", "Thứ hai, ", "Việc thứ nhất là ". */
const OPENING =
  /^(?:(?:rồi|ừ|dạ|vâng|còn|à)[,.]?\s+)?(?:(?:việc\s+)?thứ\s+(?:nhất|hai|ba|tư|năm|sáu)(?:\s+là)?[,.]?\s+)?/iu;
/** "Vậy thôi, …", "Thôi thì …": settling the matter just discussed. */
const SETTLES = /^(?:vậy thôi|thôi thì|vậy thì|vậy)[,.]?\s+/iu;

/** A transcript's turns: the chair's become numbered items under a part of their own; answers go. */
export function transcriptAsItems(text: string): string {
  const lines = text.split('\n');
  const turns = lines.map((l) => TURN.exec(l));
  const said = turns.filter((t): t is RegExpExecArray => t !== null);
  if (said.length < MIN_TURNS) return text;
  const counts = new Map<string, number>();
  for (const t of said) counts.set(t[1] ?? '', (counts.get(t[1] ?? '') ?? 0) + 1);
  const chair = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const first = turns.findIndex((t) => t !== null);
  let n = 0;
  let lastItem = -1;
  const body = lines.map((line, i) => {
    const t = turns[i];
    if (!t) return i < first ? line : '';
    if (t[1] !== chair) return '';
    const words = spokenDates(t[2] ?? '');
    if (CHATTER.test(words) || words.split(/\s+/).length < MIN_TURN_WORDS) return '';
    const matter = words.replace(OPENING, '').replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    // Said, a time needs no "vào" or "trong" before it: "Cuối tháng 11 có Hội chợ …", "đầu tháng 12, giao …".
    const when = findMentions(fold(matter)).find((m) => m.kind === 'span' || m.kind === 'deadline');
    const body = matter.replace(/[\s.]+$/u, '');
    if (!when) return `${++n}. ${body}.`;
    // The note closes the sentence that holds the time, which names the matter.
    const stop = body.indexOf('. ', when.to);
    const at = stop < 0 ? body.length : stop;
    const note = ` (thời gian: ${matter.slice(when.from, when.to)})`;
    return `${++n}. ${body.slice(0, at)}${note}${body.slice(at)}.`;
  });
  // "Vậy thôi, X chủ trì lớp đó": a turn that settles the one before is part of it, said again.
  for (let i = 0; i < body.length; i++) {
    const item = /^(\d+)\.\s(.*)$/u.exec(body[i] ?? '');
    if (!item) continue;
    if (lastItem >= 0 && SETTLES.test(item[2] ?? '')) {
      body[lastItem] = `${body[lastItem] ?? ''} ${(item[2] ?? '').replace(SETTLES, '')}`;
      body[i] = '';
    } else lastItem = i;
  }
  // The meeting's day, written in its head ("Thời gian: 8 giờ 00, thứ Hai, ngày 12/10/2026"), dates it.
  const day = lines
    .slice(0, first)
    .map((l) => /ngày\s+(\d{1,2}\/\d{1,2}\/\d{4})/u.exec(l)?.[1])
    .find(Boolean);
  const dated = issueLine('Ngày họp', day ?? '');
  return [...dated, ...body.slice(0, first), 'II. NỘI DUNG GIAO VIỆC', ...body.slice(first)].join('\n');
}
