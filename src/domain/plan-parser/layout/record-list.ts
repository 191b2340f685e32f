/**
 * A list of records exported from a document-management system ("Danh sách công việc theo văn bản giao
 * việc"): each record a block of "Label : value" lines, one work each.
 *
 *   [1] Mã CV: CV-2026-0311
 *   Tên công việc      : Rà soát danh sách HTX thành viên …
 *   Đơn vị xử lý chính : Phòng Chính sách và Thành viên
 *   Đơn vị phối hợp    : Văn phòng; Văn phòng đại diện Hải Dương
 *   Ngày bắt đầu       : 16/03/2026
 *   Hạn xử lý          : 30/04/2026 17:00
 *   Trạng thái         : Chưa xử lý
 *
 * Each record becomes a numbered item with the field lines the rest of the parser reads ("Đơn vị chủ
 * trì:", "Đơn vị phối hợp:", "Thời gian: từ ngày … đến hết ngày …"). A cancelled record ("Đã hủy") is
 * none; a record whose sub-records follow it indented is their heading, not work of its own.
 */
import { fold } from './fold';

/** "Tên công việc      : …": a label, the spaces that align the colons, the value. */
const FIELD = /^(\s*)([\p{L}][\p{L}\s./]{1,40}?)\s*:\s(.*)$/u;
const RULE = /^\s*[=\-_]{10,}\s*$/;

const TITLE = ['ten cong viec', 'ten nhiem vu', 'noi dung cong viec', 'trich yeu'];
// "Người xử lý chính : Đặng Thị Hoa (Trung tâm …)": the person's unit, in brackets, leads.
const LEAD = [
  'don vi xu ly chinh',
  'don vi chu tri',
  'don vi thuc hien',
  'don vi dau moi',
  'nguoi xu ly chinh',
];
const SUPPORT = ['don vi phoi hop'];
const START = ['ngay bat dau', 'tu ngay'];
const DUE = ['han xu ly', 'han hoan thanh', 'thoi han', 'han chot'];
const CYCLE = ['chu ky'];
const STATUS = ['trang thai'];
const CANCELLED = /^(?:da huy|huy|thu hoi|da thu hoi)\b/;
/** A list worth reading this way: this many records with a title. */
const MIN_RECORDS = 3;

interface Record {
  indent: number;
  fields: Map<string, string>;
}

const labelOf = (raw: string): string => fold(raw).replace(/\s+/g, ' ').trim();
const pick = (r: Record, labels: readonly string[]): string =>
  labels.map((l) => r.fields.get(l)).find((v) => v !== undefined && v.trim() !== '') ?? '';
/** "30/04/2026 17:00" → "30/04/2026". */
const day = (v: string): string => /\d{1,2}\/\d{1,2}\/\d{4}/.exec(v)?.[0] ?? '';

function readRecords(lines: readonly string[]): { records: Record[]; from: number; to: number } {
  const records: Record[] = [];
  let current: Record | null = null;
  let last = '';
  let from = -1;
  let to = -1;
  lines.forEach((line, i) => {
    if (RULE.test(line) || /^\s*\[\d{1,3}(?:\.\d{1,2})?\]/.test(line)) {
      current = null;
      return;
    }
    const m = FIELD.exec(line);
    if (m) {
      const label = labelOf(m[2] ?? '');
      if (TITLE.includes(label)) {
        current = { indent: (m[1] ?? '').length, fields: new Map() };
        records.push(current);
        if (from < 0) from = i;
      }
      if (current) {
        current.fields.set(label, (m[3] ?? '').trim());
        last = label;
        to = i;
      }
      return;
    }
    // A value over two lines: the second is indented under the first.
    if (current && /^\s{8,}\S/.test(line) && last) {
      const fields: Map<string, string> = (current as Record).fields;
      fields.set(last, `${fields.get(last) ?? ''} ${line.trim()}`);
    }
  });
  return { records, from, to };
}

export function recordListAsItems(text: string): string {
  const lines = text.split('\n');
  const { records, from, to } = readRecords(lines);
  if (records.length < MIN_RECORDS || from < 0) return text;
  const items: string[] = [];
  records.forEach((r, i) => {
    const next = records[i + 1];
    if (CANCELLED.test(fold(pick(r, STATUS)))) return;
    // A parent record: the records under it, indented, are the work.
    if (next && next.indent > r.indent) return;
    items.push(`${items.length + 1}. ${pick(r, TITLE)}`);
    const lead = pick(r, LEAD);
    const support = pick(r, SUPPORT);
    if (lead) items.push(`   - Đơn vị chủ trì: ${lead}`);
    if (support) items.push(`   - Đơn vị phối hợp: ${support}`);
    const start = day(pick(r, START));
    const due = day(pick(r, DUE));
    const cycle = pick(r, CYCLE);
    // "Không thời hạn": from its start to the end of that year.
    const open = /^khong thoi han\b/.test(fold(pick(r, ['tinh chat'])));
    const time = cycle || spanWords(start, due, open);
    if (time) items.push(`   - Thời gian: ${time}`);
  });
  // The day the work was given ("Ngày giao"), written as a document's date line, is the plan's date of
  // issue: periods over before it are no work it gives.
  const given = records.map((r) => day(r.fields.get('ngay giao') ?? '')).find((d) => d !== '');
  return withItems(lines, { from, to }, items, issueLine('Ngày giao việc', given ?? ''));
}

/** "Ngày xuất: ngày 04 tháng 01 năm 2027": an export's day written as a document's date line, read as its date of issue. */
export function issueLine(label: string, day: string): string[] {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(day);
  return m ? [`${label}: ngày ${m[1]} tháng ${m[2]} năm ${m[3]}`] : [];
}

/** A record's start and due day as a plan writes them; "open" runs from its start to the end of that year. */
export function spanWords(start: string, due: string, open = false): string {
  if (start && due) return start === due ? `ngày ${due}` : `từ ngày ${start} đến hết ngày ${due}`;
  if (due) return `hạn chót ngày ${due}`;
  if (start && open) return `từ ngày ${start} đến ngày 31/12/${start.slice(-4)}`;
  return start ? `từ ngày ${start}` : '';
}

/** The export's lines give way to its items under a part of their own; the lines before and after stay. */
export function withItems(
  lines: readonly string[],
  span: { from: number; to: number },
  items: readonly string[],
  dated: readonly string[],
): string {
  return [
    ...dated,
    ...lines.slice(0, span.from),
    'II. DANH SÁCH CÔNG VIỆC',
    ...items,
    ...lines.slice(span.to + 1),
  ].join('\n');
}
