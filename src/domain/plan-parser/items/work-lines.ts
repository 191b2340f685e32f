/**
 * Work written as lines under a numbered heading instead of as numbered items:
 *   "2. Công tác nhân sự" / "- Xây dựng đề án nhân sự (Ban TC-KT chủ trì; thời gian: tháng 9 – tháng 10)"
 *   "1. Chuẩn bị văn kiện" / "Ngày 05/9/2025: Ban hành đề cương …" / "Trước ngày 20/9/2025: Hoàn thành …"
 * A heading is such a list when most of its bullets and plain lines carry facts of their own (a time, a
 * lead, or a date that opens the line); then each line is an item and the heading only a group.
 */
import { readField } from './fields';
import { fold, foldWords, startsWithWords } from '../layout/fold';
import { ACTION_OPENINGS, ON_DEMAND, TOPIC_OPENINGS } from '../lexicon';
import { inlineFields, verbFields } from './inline-fields';
import { hasLeadVerb, onlyDue } from './item-facts';
import { isBullet, isNumbered, type OutlineNode } from '../layout/outline';
import { findRecurrence, hasScheduleWords, hasTimeCue, isTimeHead, STEP_HEAD_MAX } from '../time/time-words';
import { unitTypeAt } from '../plan/unit-words';

/** "Ngày 05/9/2025: Ban hành …" → the time words and the work, or null when the line opens otherwise. */
export function datedStep(text: string): { time: string; rest: string } | null {
  const at = text.indexOf(':');
  if (at >= 4 && at <= STEP_HEAD_MAX) {
    const head = text.slice(0, at).trim();
    const rest = text.slice(at + 1).trim();
    if (/\p{L}{2}/u.test(rest) && isTimeHead(head)) return { time: head, rest };
  }
  return rhythmStep(text) ?? dashedStep(text);
}

/**
 * "Hằng tháng, trước ngày 22 (trong thời gian …, từ tháng 4 đến tháng 7/2027): Trung tâm X báo cáo …": a
 * rhythm of a few words (its note in parentheses aside) heads the line before the colon or dash as a date
 * does.
 */
/** Words a rhythm heading a line may take: "Hằng quý, trước ngày 10 của tháng đầu quý sau". */
const RHYTHM_STEP_WORDS = 12;

function rhythmStep(text: string): { time: string; rest: string } | null {
  const bare = text.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
  // "…: Trung tâm X báo cáo …" or "… – Trung tâm X gửi báo cáo …".
  const sep = /:\s*|\s[-–—]\s+/u.exec(bare);
  const at = sep?.index ?? -1;
  if (!sep || at < 4) return null;
  const head = text.slice(0, at).trim();
  const rest = text.slice(at + sep[0].length).trim();
  const words = foldWords(bare.slice(0, at)).length;
  // It opens with the rhythm ("Báo cáo hằng tháng: …" names the work instead).
  if (!/^(?:hang|moi|dinh ky|dinh ky hang)\s/.test(fold(head))) return null;
  if (words > RHYTHM_STEP_WORDS || findRecurrence(head) === null || !/\p{L}{2}/u.test(rest)) return null;
  return { time: head, rest };
}

/**
 * "Tháng 02 - 3/2027 - Khảo sát nhu cầu vay vốn …; Quỹ chủ trì": a hand that writes the time first, then a
 * dash. The last dash within a step's head after which the work begins (a dash may join two months).
 */
const RHYTHM_HEAD_WORDS = 6;

function dashedStep(text: string): { time: string; rest: string } | null {
  const dashes = [...text.slice(0, STEP_HEAD_MAX + 3).matchAll(/\s[-–—]\s+/gu)].reverse();
  for (const d of dashes) {
    const head = text.slice(0, d.index).trim();
    const rest = text.slice(d.index + d[0].length).trim();
    // "Tháng cuối mỗi quý - Ban Thường vụ họp …": a rhythm of a few words heads the line as a date does.
    const rhythm = foldWords(head).length <= RHYTHM_HEAD_WORDS && findRecurrence(head) !== null;
    if (/^\p{Lu}\p{Ll}/u.test(rest) && (isTimeHead(head) || rhythm) && !PLACE_OPENING.test(fold(rest)))
      return { time: head, rest };
  }
  return null;
}

/** "Tháng 3/2027 — Trụ sở Liên minh (phường Việt Trì) — 60 học viên": a class's time and place, no step. */
const PLACE_OPENING =
  /^(?:tru so|hoi truong|phong hop|tai|phuong|xa|thi tran|thanh pho|tp|huyen|tinh|dac khu|khu vuc|dia diem)\b/;

const STEP_FIELDS: readonly string[] = ['lead', 'support', 'lead-support', 'advise', 'time'];

/**
 * "Ngày 05/02/2025: Ban Thường vụ họp …" / "Thực hiện: Ban TC-KT." — the unit and time lines right after a
 * dated step are that step's, not its heading's: a timeline writes each step's doer on the next line.
 * Moves them under their step, in every part of the outline.
 */
export function attachStepFields(node: OutlineNode): void {
  const kept: OutlineNode[] = [];
  let step: OutlineNode | null = null;
  for (const child of node.children) {
    const field = child.marker === null ? readField(child.text) : null;
    if (step && field?.colon && STEP_FIELDS.includes(field.kind)) {
      step.children.push(child);
      continue;
    }
    step = (child.marker === null || isBullet(child)) && datedStep(child.text) ? child : null;
    kept.push(child);
  }
  node.children = kept;
  for (const child of kept) attachStepFields(child);
}

/** Bullets and plain lines that are not fields ("Thời gian: …" describes the heading, it is no work). */
function candidates(node: OutlineNode): OutlineNode[] {
  const lines = node.children.filter(
    (c) =>
      (isBullet(c) || c.marker === null) &&
      !readField(c.text) &&
      !introducesLines(c.text) &&
      !onlyDue(c.text),
  );
  // "Giao Ban TC-KT … theo dõi tiến độ các bước chuẩn bị sau đây:" opening a heading's plain lines
  // introduces them; it is no step itself.
  const [first] = lines;
  const intro = first && first.marker === null && /:\s*$/.test(first.text) && !datedStep(first.text);
  return intro ? lines.slice(1) : lines;
}

/** "Giao Văn phòng chủ trì, phối hợp với … thực hiện các nội dung sau:": it assigns the lines below it. */
function introducesLines(text: string): boolean {
  return /:\s*$/.test(text) && (verbFields(text).length > 0 || hasLeadVerb(text));
}

/** "- Đợt 1: cao điểm tháng 4/2025", "- Giai đoạn 2: …": the words that name a phase of the work. */
export const PHASE_HEAD = /^(?:dot|giai doan|lan|vong|buoc)\s+(?:\d{1,2}|[ivx]{1,4}|thu\s+\S+)$/;

/** The line says something of its own about when or by whom. */
export function ownsFacts(line: OutlineNode): boolean {
  if (datedStep(line.text)) return true;
  // "- Hội thảo chuỗi giá trị nông sản: tháng 8/2026.": work, a colon, and its time. A phase ("- Đợt 1:
  // cao điểm tháng 4") is a time of its item, not a line of work.
  const colon = line.text.indexOf(':');
  const head = colon > 3 ? foldWords(line.text.slice(0, colon)).join(' ') : '';
  const rest = line.text
    .slice(colon + 1)
    .replace(/[\s.;]+$/, '')
    .trim();
  if (head && !PHASE_HEAD.test(head) && isTimeHead(rest)) return true;
  // "- Ban Tổng hợp - Chính sách: dự thảo Báo cáo tổng kết …" under a heading that is a time: the unit
  // that opens the line, before its colon, does the work.
  const opening = foldWords(line.text.slice(0, Math.max(colon, 0)));
  // ("Phong trào …" folds as "Phòng …" does.)
  if (colon > 3 && colon <= UNIT_HEAD_MAX && unitTypeAt(opening, 0) && opening[1] !== 'trao') return true;
  // "- Tổ chức 01 đoàn học tập … (Quý III/2026).", "- Cử cán bộ … (theo thông báo triệu tập).": a closing
  // note in brackets that is only its time, or says the time is given later.
  const note = closingNote(line.text);
  if (note && (isTimeHead(note) || ON_DEMAND.test(fold(note)))) return true;
  // "- Báo cáo tiến độ … trước ngày 25 hằng tháng (Ban Hỗ trợ phát triển thị trường).": a unit's name alone
  // in the closing note is its doer.
  if (note && unitTypeAt(foldWords(note), 0)) return true;
  // "trước ngày 25 hằng tháng": a rhythm with the words that schedule is a time of its own.
  if (findRecurrence(line.text) && hasScheduleWords(line.text)) return true;
  const inline = inlineFields(line.text);
  if (inline.fields.some((f) => f.kind !== 'other' && f.value.length > 0)) return true;
  return hasTimeCue(line.text);
}

/** The line opens with the heading's own words and says more. */
function repeats(line: string, heading: string): boolean {
  const h = foldWords(heading);
  const l = foldWords(line);
  return h.length > 0 && l.length > h.length && h.every((w, i) => l[i] === w);
}

/** How long the names before a line's colon may run: two full names ("Văn phòng đại diện khu vực …, …"). */
export const UNIT_HEAD_MAX = 90;

/** The note in brackets that closes a line ("… tại tỉnh Lâm Đồng (Quý III/2026)."), if any. */
export function closingNote(line: string): string | null {
  return /\(([^()]{3,48})\)[\s.;]*$/.exec(line)?.[1]?.trim() ?? null;
}

/** Minimum number of lines with facts of their own: one such line is a detail, two make a list. */
const MIN_WORK_LINES = 2;

const TOPICS = TOPIC_OPENINGS.map((p) => p.split(' '));
const ACTIONS = ACTION_OPENINGS.map((p) => p.split(' '));

/** "Công tác tuyên truyền", "Về tổ chức": a heading that names a field of work, not a piece of it. */
export function isTopicHeading(text: string): boolean {
  const words = foldWords(text);
  return TOPICS.some((t) => startsWithWords(words, t)) && !/:\s*$/.test(text) && text.length <= 120;
}

/** "Sau Hội nghị", "Trước Đại hội": a phase named by the event the plan is for. */
const EVENT_PHASE =
  /^(?:sau|truoc|trong)\s+(?:khi\s+)?(?:ket thuc\s+)?(?:dai hoi|hoi nghi|hoi cho|hoi thao|le ky niem)\b/;
const PHASE_WORDS = 6;

function isTimeOnlyHeading(text: string): boolean {
  const head = text.replace(/[\s:.]+$/, '');
  if (isTimeHead(head)) return true;
  return EVENT_PHASE.test(fold(head)) && foldWords(head).length <= PHASE_WORDS;
}

/** The line opens with an action: "Tổ chức …", "Rà soát …". */
export function opensWithAction(text: string): boolean {
  const words = foldWords(text);
  return ACTIONS.some((a) => startsWithWords(words, a));
}

/**
 * The lines that are items, when the node is a heading over a list of work; [] otherwise. Either most
 * lines carry facts of their own, or the heading names a topic and its bullets open with actions (a long
 * yearly programme: "1. Công tác tuyên truyền" / "- Tuyên truyền Luật HTX …" / "- Biên tập bản tin …").
 */
export function workLines(node: OutlineNode): OutlineNode[] {
  if (node.children.some(isNumbered)) return [];
  const lines = candidates(node);
  const owning = lines.filter(ownsFacts);
  if (owning.length >= MIN_WORK_LINES && owning.length * 2 >= lines.length) return lines;
  // "5. Báo cáo kết quả" over "Báo cáo kết quả tổ chức … : trước ngày 15/5/2026": the heading labels
  // its one line, which is the item.
  const [only] = lines;
  if (lines.length === 1 && only && ownsFacts(only) && repeats(only.text, node.text)) return lines;
  // "2. Công chức, cán bộ cấp xã" over one "- Tập huấn … Thời gian: … Chủ trì: …": a heading that names
  // whom the work is for, not work, over the one piece of work it holds.
  if (
    lines.length === 1 &&
    only &&
    isBullet(only) &&
    ownsFacts(only) &&
    opensWithAction(only.text) &&
    !opensWithAction(node.text)
  )
    return lines;
  // One dated step ("Ngày 15/7/2025: Ban hành …") under a heading is already a list of one.
  const steps = lines.filter((l) => datedStep(l.text));
  if (steps.length > 0 && steps.length * 2 >= lines.length) return lines;
  const bullets = lines.filter(isBullet);
  // "2. Ngày 13/01/2026", "1. Từ nay đến trước ngày 12/01/2026", "5. Sau Hội nghị" over bullets: a heading
  // that is only a time (a step of a timeline) gives its time to the work listed under it.
  if (bullets.length > 0 && bullets.length === lines.length && isTimeOnlyHeading(node.text)) return bullets;
  const acting = bullets.filter((b) => opensWithAction(b.text));
  if (isTopicHeading(node.text) && acting.length >= MIN_WORK_LINES && acting.length * 2 > bullets.length)
    return bullets;
  return [];
}
