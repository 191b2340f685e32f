/**
 * Work told in running prose: a question-and-answer leaflet, an interview, a news item. One paragraph
 * holds several pieces of work, each a sentence that says when and whose subject is a unit or a
 * gathering: "Đáp: Có. Ban X mở 02 lớp … trong tháng 4 …. Văn phòng treo băng rôn … từ ngày 01/4 …". A
 * sentence after it that a unit opens without a time of its own says who else works on that piece
 * ("Hội nghị đối thoại … dự kiến tổ chức trong tháng 6; Văn phòng phối hợp … chuẩn bị."); the rest
 * (the question, a target, what was done last year) is no work.
 */
import type { ParseContext } from '../plan/context';
import type { OutlineNode } from '../layout/outline';
import { fold, foldWords, startsWithWords } from '../layout/fold';
import { isSpecificTime } from '../time/time-words';
import { GATHERINGS } from '../lexicon';
import { subjectLeads } from './task-builder';
import { LEAD_IN } from './titles';
import { unitTypeAt, type UnitType } from '../plan/unit-words';

/** "Đáp:", "Trả lời:", "TL:" before an answer, and the "Có." / "Không." that opens it: no work. */
const ANSWER_LABEL = /^(?:(?:đáp|trả lời|tl)\s*:\s*)?(?:(?:có|không|vâng|đúng vậy)\s*[.,!]\s*)?/iu;

/** A speaker's name before the colon that opens an answer: a few words, no sentence mark. */
const SPEAKER = /^[\p{Lu}][^:?.;]{1,40}:\s+/u;

/** Sentences end at ".", ";", "!" or "?" before a capital or a quote. */
const SENTENCE_END = /(?<=[.;!?])\s+(?=[\p{Lu}"“])/u;

/** Work done already: "Văn phòng đã hỗ trợ thành lập 92 HTX" is a report, not a task. */
const DONE = /\b(?:da|vua) (?!dang\b)/;

/** A clause of time this short may open the sentence before its subject: "Trong Quý II, Ban X …". */
const TIME_CLAUSE = 40;

/**
 * Pieces of work a paragraph must tell to be read sentence by sentence; a paragraph that asks a
 * question first (a leaflet, an interview) is an answer, read so from its first piece.
 */
const MIN_PIECES = 2;

/** "Cuối năm, …", "Đầu quý, …", "Năm nay, …": a time no window reads, opening the sentence all the same. */
const TIME_OF_YEAR = /^(?:(?:cuoi|dau|giua) (?:nam|quy|thang)|nam nay|thang toi|sau do|tiep theo)$/;

/** Clauses of time or circumstance a sentence may open with before its subject. */
const OPENING_CLAUSES = 2;

/**
 * "Trong Quý II, Ban X sẽ tổ chức …", "Để làm được, ngay trong tháng 3, Ban X …": where the subject
 * starts, after the clauses of time or lead-in the sentence opens with (0 when it opens with it).
 */
function subjectStart(sentence: string): number {
  let from = LEAD_IN.exec(sentence)?.[0].length ?? 0;
  for (let k = 0; k < OPENING_CLAUSES; k++) {
    const comma = sentence.indexOf(', ', from);
    const clause = sentence.slice(from, comma);
    if (
      comma < 0 ||
      comma - from > TIME_CLAUSE ||
      !(isSpecificTime(clause) || TIME_OF_YEAR.test(fold(clause)))
    )
      break;
    from = comma + 2;
  }
  return from;
}

function opensWithUnit(sentence: string, ctx: ParseContext): boolean {
  const from = subjectStart(sentence);
  const leads = subjectLeads(sentence.slice(from), ctx);
  return leads !== null && leads.lead.length > 0;
}

/** "… sẽ tổ chức …", "… dự kiến tổ chức …", "Năm nay sẽ có hai lớp …": what will be done. */
const WILL = /\b(?:se|du kien)\s/;

function opensWithSubject(sentence: string, ctx: ParseContext): boolean {
  if (opensWithUnit(sentence, ctx)) return true;
  const words = foldWords(sentence.slice(subjectStart(sentence)).replace(/^["“]/, ''));
  return GATHERINGS.some((g) => startsWithWords(words, g.split(' '))) || WILL.test(fold(sentence));
}

/**
 * "Ban sẽ phát động …" after "Ban Tuyên truyền - Thi đua sẽ chủ trì …": a sentence whose subject is a
 * unit's kind alone means the unit of that kind named last; written out, the sentence reads on its own.
 */
function withNamedSubject(sentence: string, named: Map<UnitType, string>, ctx: ParseContext): string {
  const from = subjectStart(sentence);
  const rest = sentence.slice(from);
  const words = foldWords(rest);
  const type = unitTypeAt(words, 0);
  const first = ctx.units.scan(rest).hits[0];
  const name = type ? named.get(type.type) : undefined;
  if (!type || !name || (first && first.from === 0)) return sentence;
  const cut = /^\S+(?:\s+\S+)?/u.exec(rest)?.[0] ?? '';
  const kindWords = type.words === 1 ? (/^\S+/u.exec(rest)?.[0] ?? '') : cut;
  return `${sentence.slice(0, from)}${name}${rest.slice(kindWords.length)}`;
}

function remember(sentence: string, named: Map<UnitType, string>, ctx: ParseContext): void {
  for (const h of ctx.units.scan(sentence).hits) {
    const type = ctx.units.typeOf(h.slug);
    if (type) named.set(type, sentence.slice(h.from, h.to));
  }
}

function isWork(sentence: string, ctx: ParseContext): boolean {
  if (/\?\s*$/.test(sentence) || !isSpecificTime(sentence)) return false;
  if (DONE.test(fold(sentence.slice(0, 80)))) return false;
  return opensWithSubject(sentence, ctx);
}

/**
 * "Trong Quý III, Ban Kiểm tra sẽ kiểm tra …" → "Ban Kiểm tra kiểm tra … (trong Quý III).": the piece read as
 * an item of a plan is written that way, its doer and work first, the time after ("sẽ", the future of
 * speech, said nothing a plan would write).
 */
/** Marks the parenthesis a moved time stands in, so that the title can leave it out again. */
const MOVED_MARK = '\u2060';
const MOVED = new RegExp(`^\\s+\\(${MOVED_MARK}`);

function subjectFirst(piece: string): string {
  const from = subjectStart(piece);
  const opening = piece.slice(0, from).replace(/,\s*$/, '').trim();
  const rest = piece.slice(from).replace(/^([^,;:]*?)\s+(?:cũng\s+)?sẽ\s+/u, '$1 ');
  if (!opening) return rest;
  const [body, end] = /[.;]$/.test(rest) ? [rest.slice(0, -1), rest.slice(-1)] : [rest, ''];
  return `${body.charAt(0).toUpperCase()}${body.slice(1)} (${MOVED_MARK}${opening.charAt(0).toLowerCase()}${opening.slice(1)})${end}`;
}

/**
 * The pieces of work a plain paragraph tells, each as a paragraph of its own; null when it tells fewer
 * than MIN_PIECES and answers nothing (the paragraph is read whole, as before).
 */
export function proseWork(node: OutlineNode, ctx: ParseContext, afterQuestion = false): OutlineNode[] | null {
  if (node.marker !== null || node.children.length > 0) return null;
  // "Đáp: …" or a paragraph after one that asks: an answer.
  let asked = afterQuestion || /^(?:đáp|trả lời|tl)\s*:/iu.test(node.text);
  // "Ông Nông Văn Khánh: Năm 2026, …" after "PV: … thưa ông?": the one who answers, named before it.
  const answer = asked ? node.text.replace(SPEAKER, '') : node.text;
  const named = new Map<UnitType, string>();
  const sentences = answer
    .split(SENTENCE_END)
    .map((s) => s.replace(ANSWER_LABEL, '').trim())
    .filter(Boolean)
    .map((s) => {
      const written = withNamedSubject(s, named, ctx);
      remember(written, named, ctx);
      return written;
    });
  const pieces: string[] = [];
  let open = false;
  for (const s of sentences) {
    if (isWork(s, ctx)) {
      pieces.push(s);
      open = true;
    } else if (open && opensWithUnit(s, ctx)) pieces[pieces.length - 1] += ` ${s}`;
    else {
      open = false;
      if (pieces.length === 0 && /\?\s*$/.test(s)) asked = true;
    }
  }
  if (pieces.length < (asked ? 1 : MIN_PIECES)) return null;
  return pieces.map((s) => ({ ...node, text: subjectFirst(s.replace(/;\s*$/, '.')) }));
}

/** A piece's title without the time moved after it (its window says it). */
export function proseTitle(title: string): string {
  return title.replace(/\s+\([^()]*\)$/u, (m) => (MOVED.test(m) ? '' : m));
}
