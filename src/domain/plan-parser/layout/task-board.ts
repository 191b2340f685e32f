/**
 * A task board exported as text (Trello, Planner, an office's own tool): columns of cards, each card a
 * piece of work with its people and dates.
 *
 *   --------------------- CỘT: ĐANG LÀM (5 thẻ) ---------------------
 *   [#208] Xây dựng Kế hoạch Tháng hành động vì HTX năm 2027
 *     Phụ trách: Trần Minh Khoa (Ban Thành viên và Thi đua)
 *     Tham gia: Huỳnh Văn Lợi (Văn phòng)
 *     Bắt đầu: 04/01/2027  Hạn: 26/02/2027
 *     Danh sách kiểm tra "Chuẩn bị" (1/3):
 *       [ ] Gửi giấy mời đại biểu - hạn 12/01/2027 - Huỳnh Văn Lợi (Văn phòng)
 *
 * Each open card becomes a numbered item with the field lines the rest of the parser reads; a person's
 * unit, in brackets, is who leads or helps. Cards in a column of finished or archived work, cancelled
 * cards and notes with no one and no date are none. An open checklist item with its own due date is a
 * step of its own; a ticked one is done. Comments change nothing.
 */
import { fold } from './fold';
import { issueLine, spanWords, withItems } from './record-list';

const CARD = /^\s*\[(?:#\w{1,12}|\d{1,6})\]\s+(\S.*)$/u;
const COLUMN = /^\s*[-=─]*\s*(?:cột|cot|column|danh sách|list)\s*:\s*([^(\n-]+)/iu;
/** Columns whose cards are not work to do: done, archived, cancelled. */
const CLOSED_COLUMN = /^(?:da xong|xong|hoan thanh|da hoan thanh|done|luu tru|archive|da huy|huy)\b/;
const CANCELLED = /\((?:da huy|huy|tao nham|trung)\b|^ban sao\b/;
const FIELD = /(phụ trách|người thực hiện|tham gia|thành viên|bắt đầu|hạn|lặp lại)\s*:\s*/giu;
const CHECK_OPEN = /^\s*\[\s\]\s+(.+)$/u;
/** A board worth reading this way: this many cards. */
const MIN_CARDS = 3;

interface Card {
  title: string;
  closed: boolean;
  fields: Map<string, string>;
  steps: string[];
}

/** "18/01/2027 08:00" → "18/01/2027". */
const day = (v: string): string => /\d{1,2}\/\d{1,2}\/\d{4}/.exec(v)?.[0] ?? '';

/** "Trần Minh Khoa (Ban Thành viên và Thi đua), Lâm Thị Ngọc (Văn phòng)" → the units in brackets. */
function unitsOf(people: string): string {
  const inBrackets = [...people.matchAll(/\(([^()]+)\)/g)].map((m) => (m[1] ?? '').trim());
  return (inBrackets.length > 0 ? inBrackets : [people.trim()]).join(', ');
}

/** "Bắt đầu: 09/03/2027  Hạn: 15/03/2027": several labelled values on one line. */
function readFields(line: string, into: Map<string, string>): boolean {
  const found = [...line.matchAll(FIELD)];
  if (found.length === 0 || (found[0]?.index ?? 0) > 4) return false;
  found.forEach((m, k) => {
    const end = found[k + 1]?.index ?? line.length;
    into.set(fold(m[1] ?? ''), line.slice((m.index ?? 0) + m[0].length, end).trim());
  });
  return true;
}

function readCards(lines: readonly string[]): { cards: Card[]; from: number; to: number } {
  const cards: Card[] = [];
  let closed = false;
  let card: Card | null = null;
  let inComments = false;
  let from = -1;
  let to = -1;
  lines.forEach((line, i) => {
    const column = COLUMN.exec(line);
    if (column) {
      closed = CLOSED_COLUMN.test(fold(column[1] ?? '').trim());
      card = null;
      return;
    }
    const opened = CARD.exec(line);
    if (opened) {
      card = { title: (opened[1] ?? '').trim(), closed, fields: new Map(), steps: [] };
      cards.push(card);
      inComments = false;
      if (from < 0) from = i;
      to = i;
      return;
    }
    if (!card || !/^\s+\S/.test(line)) return;
    to = i;
    const current: Card = card;
    if (/^\s*bình luận|^\s*binh luan/iu.test(line)) inComments = true;
    if (inComments) return;
    const step = CHECK_OPEN.exec(line);
    if (step) current.steps.push((step[1] ?? '').trim());
    else readFields(line, current.fields);
  });
  return { cards, from, to };
}

/** "Gửi giấy mời … - hạn 12/01/2027 - Huỳnh Văn Lợi (Văn phòng)": an open step with its own due date. */
function stepItem(step: string): string[] {
  const parts = step.split(/\s[-–—]\s/u);
  const due = parts.map((p) => /^(?:hạn|han)\s+(.+)$/iu.exec(p.trim())?.[1] ?? '').find((d) => day(d));
  if (!due) return [];
  const who = parts.slice(1).find((p) => /\(/.test(p));
  return [
    parts[0]?.trim() ?? '',
    ...(who ? [`   - Đơn vị chủ trì: ${unitsOf(who)}`] : []),
    `   - Thời gian: hạn chót ngày ${day(due)}`,
  ];
}

/** "hằng tháng vào ngày 22, kết thúc 31/03/2027" from a card due 22/01/2027 → a rule over those months. */
function cycleText(rule: string, due: string): string {
  const end = day(
    /kết thúc|ket thuc|đến|den/iu.test(rule) ? rule.slice(rule.search(/kết thúc|ket thuc|đến|den/iu)) : '',
  );
  const head = rule.replace(/,?\s*(?:kết thúc|ket thuc|đến|den)\b.*$/iu, '').trim();
  const [, m1 = '', y1 = ''] = /^\d{1,2}\/(\d{1,2})\/(\d{4})$/.exec(due) ?? [];
  const [, m2 = '', y2 = ''] = /^\d{1,2}\/(\d{1,2})\/(\d{4})$/.exec(end) ?? [];
  return m1 && m2 ? `${head}, từ tháng ${Number(m1)}/${y1} đến tháng ${Number(m2)}/${y2}` : head;
}

export function taskBoardAsItems(text: string): string {
  const lines = text.split('\n');
  // A board names its columns; a list of records numbered "[1]" with "Label : value" lines is another
  // export (record-list.ts).
  if (!lines.some((l) => COLUMN.test(l))) return text;
  const { cards, from, to } = readCards(lines);
  const dated = cards.filter((c) => c.fields.has('phu trach') || c.fields.has('han'));
  if (dated.length < MIN_CARDS || from < 0) return text;
  const items: string[] = [];
  const push = (title: string, rest: string[]): void => {
    items.push(`${items.filter((l) => /^\d+\.\s/.test(l)).length + 1}. ${title}`, ...rest);
  };
  for (const card of cards) {
    if (card.closed || CANCELLED.test(fold(card.title))) continue;
    const f = (k: string): string => card.fields.get(k) ?? '';
    const lead = f('phu trach') || f('nguoi thuc hien');
    const start = day(f('bat dau'));
    const due = day(f('han'));
    if (!lead && !due) continue;
    const rest: string[] = [];
    if (lead) rest.push(`   - Đơn vị chủ trì: ${unitsOf(lead)}`);
    const help = f('tham gia') || f('thanh vien');
    if (help) rest.push(`   - Đơn vị phối hợp: ${unitsOf(help)}`);
    const cycle = f('lap lai');
    const time = cycle ? cycleText(cycle, due) : spanWords(start, due);
    if (time) rest.push(`   - Thời gian: ${time}`);
    push(card.title, rest);
    for (const step of card.steps) {
      const [title, ...fields] = stepItem(step);
      if (title) push(title, fields);
    }
  }
  // The export's date ("Xuất lúc: 04/01/2027 16:42") stands as the plan's date of issue.
  const exported = lines
    .map((l) => /(?:xuất lúc|ngày xuất)\s*:\s*(\d{1,2}\/\d{1,2}\/\d{4})/iu.exec(l)?.[1])
    .find(Boolean);
  return withItems(lines, { from, to }, items, issueLine('Ngày xuất', exported ?? ''));
}
