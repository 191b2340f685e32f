/**
 * Rebuilds paragraphs from extracted text. PDF and OCR text breaks every printed line (often with a
 * blank line between), while Word text gives one line per paragraph; both must yield the same paragraphs.
 */
import { foldWords, startsWithWords } from './fold';
import { detectMarker } from './markers';
import { readField } from '../items/fields';
import { DOCUMENT_TYPES, LEAD_VERBS_BY_REFERENCE, NOTE_LEAD_VERBS } from '../lexicon';
import { unitTypeAt } from '../plan/unit-words';
import { isTimeHead } from '../time/time-words';

export interface Paragraph {
  text: string;
  /** 0-based index of the paragraph's first physical line. */
  line: number;
}

const JUNK_PREFIX = /^[\s_‘’'`´\]]+/;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function isUpperHeading(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  // A lone acronym ("HTX") wrapped onto a line of its own is no heading.
  if (letters.length < 3 || !/\p{L}\s+\p{L}/u.test(line)) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length > 0.8;
}

/** Share of body lines in capitals above which the document is a scan set all in capitals. */
const ALL_CAPS_SHARE = 0.6;

function startsNewParagraph(line: string): boolean {
  if (detectMarker(line)) return true;
  if (isUpperHeading(line)) return true;
  return readField(line)?.colon === true;
}

/**
 * The signature block and the list of recipients end the plan's body: "Nơi nhận:" alone on its line, or
 * with the signature set beside it ("Nơi nhận:        TM. BAN THƯỜNG VỤ").
 */
export function isClosingLine(line: string): boolean {
  const words = foldWords(line);
  return (
    startsWithWords(words, ['noi', 'nhan']) && (words.length <= 3 || /^\S+\s+\S+\s*:/u.test(line.trim()))
  );
}

/** "PHỤ LỤC", "PHỤ LỤC I", "Phụ lục 2": an appendix after the signature, its own part of the plan. */
export function isAppendixHeading(line: string): boolean {
  return /^ph[uụ]\s+l[uụ]c(?:\s+(?:[IVX]{1,4}|\d{1,2}))?\s*[.:]?\s*$/iu.test(line.trim());
}

/**
 * "KẾ HOẠCH" alone in capitals after a signature: the plan attached to a decision that issues it
 * ("Quyết định … Ban hành kèm theo Quyết định này Kế hoạch …"). The decision's articles come first and
 * are signed; the plan itself starts again with its own head.
 */
export function isAttachedDocumentHead(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  if (letters.length < 6 || letters !== letters.toUpperCase()) return false;
  const phrase = foldWords(line).join(' ');
  return DOCUMENT_TYPES.some(([type]) => phrase === type);
}

/** How many parentheses the text opened and left open. */
function openParens(text: string): number {
  return (text.match(/\(/g) ?? []).length - (text.match(/\)/g) ?? []).length;
}

/** A rule a PDF export draws between pages: a run of underscores, dashes or equals signs alone. */
const PAGE_RULE = /^\s*[_\-–—=]{10,}\s*$/;
/** A page's number alone on its line: "2", "- 3 -", "Trang 4". */
const PAGE_NUMBER = /^\s*(?:trang\s*)?[-–]?\s*\d{1,3}\s*[-–]?\s*$/iu;
/** A running header names the plan by its number ("KH số 15/KH-LMHTX") even when it is met only once. */
const NAMES_DOCUMENT = /\b(?:số|so)\s*:?\s*\d{1,4}\s*\/\s*[A-ZĐ]/u;

/**
 * Page furniture of a PDF export, blanked out so that the text runs on across the page: the page number
 * and the rule under it, and the running header on the first line after the rule ("LIÊN MINH HTX TỈNH
 * LONG AN … KH số 15/KH-LMHTX"), a line met after every rule or one naming the plan's number.
 */
function withoutPageFurniture(lines: string[]): string[] {
  const out = [...lines];
  const nextText = (from: number): number => {
    let k = from;
    while (k < out.length && (out[k] ?? '').trim() === '') k++;
    return k;
  };
  const rules = out.flatMap((l, k) => (PAGE_RULE.test(l) ? [k] : []));
  const heads = rules.map((k) => nextText(k + 1)).filter((k) => k < out.length);
  const key = (k: number): string => (out[k] ?? '').replace(/\s+/g, ' ').trim();
  const count = new Map<string, number>();
  for (const k of heads) count.set(key(k), (count.get(key(k)) ?? 0) + 1);
  for (const k of heads) {
    if ((count.get(key(k)) ?? 0) > 1 || NAMES_DOCUMENT.test(key(k))) out[k] = '';
  }
  out.forEach((l, k) => {
    if (!PAGE_NUMBER.test(l)) return;
    const next = nextText(k + 1);
    if (next >= out.length || PAGE_RULE.test(out[next] ?? '') || (out[next] ?? '').includes('\f'))
      out[k] = '';
  });
  for (const k of rules) out[k] = '';
  return out;
}

/** How far into a line its lead verb may come: past a unit's name ("Phòng Tổ chức - Kiểm tra chủ trì"). */
const LEAD_VERB_REACH = 14;

/**
 * "4. Xét chọn HTX, cá nhân tiêu biểu để tôn vinh tại Lễ kỷ niệm" over "Phòng Tổ chức - Kiểm tra chủ trì
 * tổng hợp hồ sơ, …": a line that opens with a unit and gives it a lead verb, under a numbered heading
 * with no end mark, assigns that heading's work. It is a sentence of its own, not the heading's second
 * printed line. (A heading wrapped before a unit's name, "… phối hợp với" / "Ban Tuyên giáo …", gives
 * that unit no lead verb of its own.)
 */
function assignsHeadingAbove(prev: string, line: string): boolean {
  // A note in brackets under the heading, "(Ban TT-TĐ chủ trì; …)", belongs to it and is read there.
  if (!detectMarker(prev) || /[.!?;:,]["”)]*$/.test(prev) || !/^\p{Lu}/u.test(line)) return false;
  const words = foldWords(line);
  // "Quý III/2026 (Ban X chủ trì)" opens with a quarter, not a Quỹ: both fold to "quy".
  if (!unitTypeAt(words, 0) || (words[0] === 'quy' && /^(?:[ivx]{1,4}|[1-4])$/.test(words[1] ?? '')))
    return false;
  const head = ` ${words.slice(0, LEAD_VERB_REACH).join(' ')} `;
  return [...LEAD_VERBS_BY_REFERENCE, ...NOTE_LEAD_VERBS].some((v) => head.includes(` ${v} `));
}

/** Words that open a line of an item's schedule without a date: "Theo thông báo triệu tập …", "02 đợt: …". */
const SCHEDULE_OPENING = /^(?:theo (?:thong bao|ke hoach|lich)|(?:0?[2-9]|hai|ba) dot\b|dot 1\b)/;

/**
 * "1. Lớp kế toán HTX" over "Tháng 3/2027 - phường Đông Hà - 60 học viên": a line that opens with the time
 * (a date, a month, a quarter, "Theo thông báo triệu tập …") under a numbered heading with no end mark is
 * the item's schedule on a line of its own, not the heading's second printed line.
 */
function timesHeadingAbove(prev: string, line: string): boolean {
  const marker = detectMarker(prev);
  // ("… tại đặc khu Phú Quốc, trong" / "Quý III/2026 (…)" is one sentence broken before its time.)
  if (!marker || marker.kind === 'bullet' || /[.!?;:,]["”)]*$/.test(prev) || endsOnJoiner(prev)) return false;
  // ("2024. Cao điểm …" goes on with a year a bullet's line broke before.)
  if (!/^\p{Lu}/u.test(line) && !/^0?\d\s+đợt\b/iu.test(line)) return false;
  const head = line.split(/\s[-–—]\s|[;:,(]/u)[0]?.trim() ?? '';
  return isTimeHead(head.replace(/[\s.]+$/, '')) || SCHEDULE_OPENING.test(foldWords(line).join(' '));
}

/** Lines of a paragraph's first-line indent, and how many continuations at the margin show the style. */
const FIRST_LINE_INDENT = /^ {3,}\S/;
const MIN_INDENT_EVIDENCE = 3;

/**
 * Word saved as text with a first-line indent: each paragraph's first line is indented, the lines it
 * wraps onto start at the margin. Then an indented line opens a paragraph, whatever ended the line above
 * ("     2. Lễ kỷ niệm …, tôn vinh HTX tiêu biểu" / "     Lễ kỷ niệm tổ chức sáng thứ Sáu …").
 */
function indentOpensParagraphs(raw: readonly string[]): boolean {
  let evidence = 0;
  for (let i = 1; i < raw.length; i++) {
    const prev = raw[i - 1] ?? '';
    const line = raw[i] ?? '';
    if (FIRST_LINE_INDENT.test(prev) && /^\p{Ll}/u.test(line)) evidence++;
  }
  return evidence >= MIN_INDENT_EVIDENCE;
}

/** Words a sentence does not end on: prepositions, conjunctions, the words before a date or a name. */
const JOINERS = new Set(
  'trong cua va voi tai tu den cho ve theo cac nhung ngay thang nam quy tuan hoac la do vao tren duoi sau truoc'.split(
    ' ',
  ),
);

function endsOnJoiner(line: string): boolean {
  if (/[.!?:;,)]["”]?\s*$/.test(line)) return false;
  const words = foldWords(line);
  const last = words[words.length - 1];
  return words.length >= 4 && last !== undefined && JOINERS.has(last);
}

export function toParagraphs(text: string): Paragraph[] {
  const raw = withoutPageFurniture(text.split('\n'));
  const indented = indentOpensParagraphs(raw);
  const lines = raw.map((l) => l.replace(JUNK_PREFIX, '').trimEnd());
  // A printed line that stops well short of the usual width ends its paragraph.
  const width = percentile(
    lines.map((l) => l.length).filter((n) => n > 20),
    0.75,
  );
  const shortLine = width * 0.6;
  // A scan in capitals throughout: a line in capitals is no heading by that alone, and a line that the
  // one before did not end runs on (as a lower-case start does in ordinary text).
  const body = lines.filter((l) => l.trim().length > 20);
  const allCaps = body.length > 0 && body.filter(isUpperHeading).length / body.length > ALL_CAPS_SHARE;
  const heading = (l: string): boolean => !allCaps && isUpperHeading(l);
  const out: Paragraph[] = [];
  let prev = '';
  let prevIndex = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    // After the signature, only an appendix ("PHỤ LỤC" over a table of classes) or the plan a decision
    // issues (its own "KẾ HOẠCH" head) is the plan's again.
    if (isClosingLine(line)) {
      const next = lines.findIndex((l, k) => k > i && (isAppendixHeading(l) || isAttachedDocumentHead(l)));
      if (next < 0) break;
      i = next - 1;
      prev = '';
      continue;
    }
    const current = out[out.length - 1];
    const prevEnds = /[.!?]["”)]*$/.test(prev);
    const prevPause = /[:;]["”)]*$/.test(prev);
    const lowerStart =
      (allCaps ? /^[\p{L}\d(]/u.test(line) : /^[\p{Ll}\d(]/u.test(line)) && !/^\d{1,2}[.)]\s/.test(line);
    let fresh =
      current === undefined ||
      (allCaps ? detectMarker(line) !== null || readField(line)?.colon === true : startsNewParagraph(line)) ||
      heading(prev) ||
      prev.length < shortLine ||
      prevEnds ||
      (prevPause && !lowerStart);
    // "(Cụm Hòa Bình – Kỳ Sơn; Cụm Lương Sơn – Kim Bôi;" / "Cụm Lạc Sơn – Yên Thủy) để bầu …": a line
    // inside a parenthesis the paragraph opened and has not closed goes on with it.
    // ("(Trưởng phòng Tài chính" / "- Kế toán) trình bày.": a name's dash at the start of a line that closes
    // the parenthesis is no bullet.)
    const closes = detectMarker(line)?.kind === 'bullet' && /^\s*[-–]\s/.test(line) && openParens(line) < 0;
    if (
      current !== undefined &&
      (!detectMarker(line) || closes) &&
      !heading(prev) &&
      openParens(current.text) > 0
    )
      fresh = false;
    // A line that opens in lower case continues a sentence, even after a short line (a page break).
    if (lowerStart && !prevEnds && !detectMarker(line) && current !== undefined && !heading(prev)) {
      fresh = false;
    }
    // "… tại đặc khu Phú Quốc, trong" / "Quý III/2026 (Ban …)": a line that stops on a word that cannot
    // end a sentence ("trong", "của", "và" …) runs on, whatever case the next line opens with.
    if (
      current !== undefined &&
      !startsNewParagraph(line) &&
      !heading(prev) &&
      !readField(prev)?.colon &&
      endsOnJoiner(prev)
    )
      fresh = false;
    if (assignsHeadingAbove(prev, line)) fresh = true;
    // "   - Tiếp nhận: … chủ trì kể từ 01/02/2027;" / "     Ban X phối hợp thẩm định thực địa.": a field
    // bullet's value goes on, indented deeper than the bullet, after a clause it ended with ";".
    const deeper =
      (/^\s*/.exec(raw[i] ?? '')?.[0].length ?? 0) > (/^\s*/.exec(raw[prevIndex] ?? '')?.[0].length ?? 0);
    if (
      current !== undefined &&
      deeper &&
      /;["”)]*$/.test(prev) &&
      detectMarker(prev)?.kind === 'bullet' &&
      readField(prev.replace(/^\s*[-–—•+*]\s*/u, ''))?.colon === true &&
      !detectMarker(line)
    )
      fresh = false;
    // Indented under the heading, or going on after its time ("Tháng 3/2027 - phường …"): a printed line
    // that only wraps the heading's last words ("… trọng tâm" / "Quý II/2026.") is neither.
    const indent = (k: number): number => /^\s*/.exec(raw[k] ?? '')?.[0].length ?? 0;
    const apart = indent(i) > indent(prevIndex) || /^[^-–—]{3,48}\s[-–—]\s/u.test(line);
    if (apart && timesHeadingAbove(prev, line) && openParens(current?.text ?? '') <= 0) fresh = true;
    if (indented && FIRST_LINE_INDENT.test(raw[i] ?? '') && openParens(current?.text ?? '') <= 0)
      fresh = true;
    if (fresh || current === undefined) out.push({ text: line, line: i });
    else current.text = `${current.text} ${line}`;
    prev = line;
    prevIndex = i;
  }
  return out;
}
