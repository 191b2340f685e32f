/**
 * A table of tasks (STT | Nội dung | Đơn vị chủ trì | Phối hợp | Thời gian …), whatever carried it —
 * a Word table, `|` or tab separated text, columns aligned with spaces, a PDF page rebuilt from text
 * positions — becomes the lines the parser reads elsewhere: one item per row, "(n) <content>", with the
 * other cells as "- <column>: <value>" lines under it, and section rows ("I", "A", "II. TẬP HUẤN …")
 * as numbered groups "k. <title>" above the rows they hold.
 */
import { foldWords } from './fold';
import { DITTO_CELLS, SAME_TIME_CELLS, MATRIX_LEAD_MARKS, MATRIX_SUPPORT_MARKS } from '../lexicon';

export type Row = string[];

/** Header words, folded: the number column, the content column, and the columns that describe it. */
const NUMBER_HEAD = /^(stt|tt|so tt|so thu tu)$/;
const CONTENT_HEAD =
  /^(noi dung|nhiem vu|cong viec|ten (cong viec|nhiem vu|hoat dong|bao cao)|hoat dong|danh muc|chuong trinh|(?:htx|hop tac xa|don vi|co so|doi tuong|to chuc) duoc [a-z]+)/;
/** "HTX được kiểm tra": a column of whom the work is done to, its verb the work ("Kiểm tra HTX …"). */
const DONE_TO = /^(?:htx|hop tac xa|don vi|co so|doi tuong|to chuc) duoc (.+)$/;
/**
 * Who and when: a table of work names them; one of costs or products alone ("Kinh phí") is no task table.
 * A reporting schedule's "Kỳ báo cáo" (Tháng, Quý, 6 tháng, Năm) and "Hạn nộp" are its when.
 */
const DESCRIBING_HEAD =
  /^(don vi|co quan|bo phan|chu tri|phoi hop|thoi gian|thoi han|tien do|han hoan thanh|du kien|lanh dao phu trach|phan cong|ky bao cao|han (nop|gui)|ngay(?: thang)?$|(?:to|doan)(?: kiem tra| cong tac| giam sat)?$)/;

const label = (cell: string): string => foldWords(cell).join(' ');

/** One line that is a column heading alone ("STT", "Nội dung công việc", "Đơn vị chủ trì", "Ghi chú"). */
export function isHeaderCell(line: string): boolean {
  const l = label(line);
  if (l.length === 0 || l.split(' ').length > 5) return false;
  return NUMBER_HEAD.test(l) || CONTENT_HEAD.test(l) || DESCRIBING_HEAD.test(l) || OTHER_HEAD.test(l);
}

/** Headings of columns that describe a row without being work, who or when. */
export const OTHER_HEAD = /^(ghi chu|ket qua|san pham|kinh phi|dia diem|hinh thuc|nguon kinh phi)/;

/** The kind of column a heading names, for reading cells that are not aligned. */
export function columnKind(cell: string): 'number' | 'content' | 'unit' | 'time' | 'other' {
  const l = label(cell);
  if (NUMBER_HEAD.test(l)) return 'number';
  if (CONTENT_HEAD.test(l)) return 'content';
  if (
    /^(thoi gian|thoi han|tien do|han hoan thanh|du kien|ky bao cao|han (nop|gui)|ngay(?: thang)?$)/.test(l)
  )
    return 'time';
  if (DESCRIBING_HEAD.test(l)) return 'unit';
  return 'other';
}

/** The row names the columns of work: the work and who or when, or a number and two of who and when. */
export function isHeaderRow(row: readonly string[]): boolean {
  const labels = row.map(label);
  const content = labels.some((l) => CONTENT_HEAD.test(l));
  const describing = labels.filter((l) => DESCRIBING_HEAD.test(l)).length;
  const number = labels.some((l) => NUMBER_HEAD.test(l));
  return (content && describing >= 1) || (number && describing >= 2);
}

function columnOf(header: Row, re: RegExp): number {
  return header.findIndex((c) => re.test(label(c)));
}

const SECTION_NUMBER = /^(?:[IVX]{1,4}|[A-ZĐ])\.?$/;
const ITEM_NUMBER = /^\d{1,3}(?:\.\d{1,2})*\.?$/;

function upperShare(text: string): number {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length === 0 ? 0 : letters.replace(/[^\p{Lu}]/gu, '').length / letters.length;
}

export interface TableLayout {
  header: Row;
  number: number;
  content: number;
}

export function layoutOf(header: Row): TableLayout {
  const number = columnOf(header, NUMBER_HEAD);
  const content = columnOf(header, CONTENT_HEAD);
  return {
    header,
    number,
    content: content >= 0 ? content : number === 0 ? 1 : 0,
  };
}

/** Whether the number cell opens a row (an item or a section) rather than continuing the row above. */
export function opensRow(cell: string): boolean {
  const c = cell.trim();
  return SECTION_NUMBER.test(c) || ITEM_NUMBER.test(c);
}

/**
 * The body rows as the table means them: a header repeated on a new page is dropped, and in a numbered
 * table a row with no number continues the row above (a cell run over two printed lines).
 */
export function joinRows(layout: TableLayout, body: readonly Row[]): Row[] {
  const same = (row: Row): boolean =>
    row.map(label).join('|') === layout.header.map(label).join('|') || isHeaderRow(row);
  const rows = body.filter((row) => !same(row) && row.some((c) => c.trim().length > 0));
  if (layout.number < 0) return rows.map((r) => [...r]);
  // A table that numbers its rows: the rows without a number are printed lines of the one above.
  const numbered = rows.filter((r) => opensRow(r[layout.number] ?? '')).length;
  if (numbered < 2) return rows.map((r) => [...r]);
  const out: Row[] = [];
  // "THÁNG 5/2026" in capitals across the table, no number and nothing in the other cells: a section row
  // of its own, not a line of the row above.
  const sectionRow = (row: Row): boolean => {
    const main = (row[layout.content] ?? '').trim();
    const others = row.filter((c, k) => k !== layout.content && c.trim().length > 0);
    return others.length === 0 && main.split(/\s+/).length >= 2 && upperShare(main) > 0.8;
  };
  for (const row of rows) {
    const prev = out[out.length - 1];
    if (prev && !opensRow(row[layout.number] ?? '') && !sectionRow(row)) {
      row.forEach((cell, k) => {
        if (cell.trim()) prev[k] = prev[k] ? `${prev[k]} ${cell.trim()}` : cell.trim();
      });
    } else out.push(row.map((c) => c.trim()));
  }
  return out;
}

/**
 * An assignment matrix ("| Nội dung | VP | BTH | BKT | … |" with "CT", "PH", "x" in the cells): the
 * columns that hold only such marks. Two at least: one column of marks is a tick list, not who does what.
 */
const MIN_MATRIX_COLUMNS = 2;

function markOf(cell: string): 'lead' | 'support' | null {
  const l = label(cell);
  if ((MATRIX_LEAD_MARKS as readonly string[]).includes(l)) return 'lead';
  if ((MATRIX_SUPPORT_MARKS as readonly string[]).includes(l)) return 'support';
  return null;
}

function matrixColumns(body: readonly Row[], skip: readonly number[]): number[] {
  const width = Math.max(0, ...body.map((r) => r.length));
  const columns: number[] = [];
  for (let k = 0; k < width; k++) {
    if (skip.includes(k)) continue;
    const cells = body.map((r) => (r[k] ?? '').trim()).filter((c) => c.length > 0);
    if (cells.length > 0 && cells.every((c) => markOf(c) !== null)) columns.push(k);
  }
  return columns.length >= MIN_MATRIX_COLUMNS ? columns : [];
}

const isDitto = (cell: string): boolean => (DITTO_CELLS as readonly string[]).includes(label(cell));
const isSameTime = (cell: string): boolean => (SAME_TIME_CELLS as readonly string[]).includes(label(cell));

/** Month columns it takes to read a table as a Gantt chart of the year. */
const MIN_GANTT_MONTHS = 6;
/** The marks a Gantt row puts under its months. */
const GANTT_MARK = /^(?:x|X|●|•|○|■|✓|✔|\*|\+)$/u;

/** "T3", "Tháng 3", "… (tháng) T1": the month a heading names, or null. */
function monthOfHeading(cell: string): number | null {
  const m = /(?:^|\s)(?:t|th[ae]ng\s*)(\d{1,2})$/.exec(label(cell));
  const n = m ? Number(m[1]) : 0;
  return n >= 1 && n <= 12 ? n : null;
}

/**
 * [3, 4, 5] → "từ tháng 3 đến hết tháng 5"; [4, 5, 8] → "từ tháng 4 đến hết tháng 5; tháng 8"; [3, 6, 9] →
 * "tháng 3, tháng 6 và tháng 9": each run of months marked together, as a plan writes it.
 */
function monthsAsWords(months: readonly number[]): string {
  const sorted = [...new Set(months)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const m of sorted) {
    const run = runs[runs.length - 1];
    if (run && m === run[1] + 1) run[1] = m;
    else runs.push([m, m]);
  }
  const words = runs.map(([a, b]) => (a === b ? `tháng ${a}` : `từ tháng ${a} đến hết tháng ${b}`));
  // Single months as a list ("tháng 3, tháng 6, tháng 9 và tháng 12"), which a rule beside them may take.
  if (runs.every(([a, b]) => a === b) && words.length > 1)
    return `${words.slice(0, -1).join(', ')} và ${words[words.length - 1] ?? ''}`;
  return words.join('; ');
}

/** Renders a table: with a header row, one item per row; null when the first row names no columns. */
export function renderTaskTable(rows: readonly Row[], opts: { joinLines?: boolean } = {}): string[] | null {
  const [header, ...others] = rows;
  let rest = others;
  if (!header || !isHeaderRow(header)) return null;
  // A heading set over two lines ("Đơn vị" / "chủ trì"): its second line has no number and no content.
  const head = [...header];
  const layout0 = layoutOf(head);
  while (rest.length > 0) {
    const next = rest[0] ?? [];
    const blank = (k: number): boolean => k < 0 || (next[k] ?? '').trim() === '';
    // "| | công việc | | | hoàn thành |": with no number, cells that go on in lower case are headings
    // wrapped, even over the content column.
    const filled = next.map((c) => c.trim()).filter((c) => c.length > 0);
    const wrapped = filled.length > 0 && filled.every((c) => /^\p{Ll}/u.test(c));
    if (!blank(layout0.number) || !(blank(layout0.content) || wrapped) || filled.length === 0) break;
    next.forEach((c, k) => {
      if (c.trim()) head[k] = `${head[k] ?? ''} ${c.trim()}`.trim();
    });
    rest = rest.slice(1);
  }
  const layout = layoutOf(head);
  const body = opts.joinLines ? joinRows(layout, rest) : rest.filter((r) => !isHeaderRow(r));
  const { number: stt, content } = layout;
  const lines: string[] = [];
  let sections = 0;
  // A time cell merged over several rows is blank below its first row once flattened: those rows keep
  // the time above them, up to the next section row ("| Tháng 3 | … |" then "|   | … |"). Only in a
  // schedule, whose time column comes before the work: its rows run in order of time. Where the time
  // comes after the work, a blank time cell is none given (the section's or the plan's time).
  const timeColumns = head.flatMap((h, k) =>
    k !== stt && k < content && columnKind(h) === 'time' ? [k] : [],
  );
  let merged = new Map<number, string>();
  // A Gantt table: a column a month ("T1" … "T12", "Tháng 1" …), the months of each row marked "x" or "●".
  const months = head.map(monthOfHeading);
  const monthColumns = months.flatMap((m, k) => (m !== null && k !== stt && k !== content ? [k] : []));
  const gantt = monthColumns.length >= MIN_GANTT_MONTHS ? monthColumns : [];
  const matrix = matrixColumns(body, [stt, content, ...gantt]);
  // "HTX được kiểm tra" over "HTX Nông nghiệp Thành Long": the row is "Kiểm tra HTX Nông nghiệp …".
  const verb = DONE_TO.exec(label(head[content] ?? ''))?.[1]
    ? (head[content] ?? '').replace(/^.*?(?:^|\s)được\s+/iu, '').trim()
    : '';
  const doneTo = verb ? `${verb.charAt(0).toUpperCase()}${verb.slice(1)}` : '';
  let above: Row = [];
  body.forEach((written, i) => {
    let row = written;
    const main = (row[content] ?? '').trim();
    if (main.length === 0) return;
    const number = (row[stt] ?? '').trim().replace(/\.$/, '');
    const others = row.filter((c, k) => k !== stt && k !== content && c.trim().length > 0);
    // Section rows (I, II, A, B …, or a title in capitals alone on its row) group the rows under them.
    if (SECTION_NUMBER.test(number) || (number === '' && others.length === 0 && upperShare(main) > 0.8)) {
      lines.push(`${++sections}. ${main}`);
      merged = new Map();
      return;
    }
    for (const k of timeColumns) {
      const cell = (row[k] ?? '').trim();
      if (cell) merged.set(k, cell);
      else if (merged.has(k)) row = row.map((c, j) => (j === k ? (merged.get(k) ?? '') : c));
    }
    // "-nt-", "như trên" (ditto): the cell of the task row above.
    row = row.map((c, k) =>
      isDitto(c) || (isSameTime(c) && columnKind(head[k] ?? '') === 'time') ? (above[k] ?? '') : c,
    );
    above = row;
    lines.push(`(${/^\d{1,3}$/.test(number) ? number : i + 1}) ${doneTo ? `${doneTo} ${main}` : main}`);
    // The matrix's marks become the unit fields the items stage reads: "CT" under "VP" → "Chủ trì: VP".
    const marked = (role: 'lead' | 'support'): string =>
      matrix
        .filter((k) => markOf(row[k] ?? '') === role)
        .map((k) => (head[k] ?? '').trim())
        .join(', ');
    if (marked('lead')) lines.push(`- Chủ trì: ${marked('lead')}`);
    if (marked('support')) lines.push(`- Phối hợp: ${marked('support')}`);
    const during = gantt.flatMap((k) => (GANTT_MARK.test((row[k] ?? '').trim()) ? [months[k] ?? 0] : []));
    if (during.length > 0) lines.push(`- Thời gian: ${monthsAsWords(during)}`);
    row.forEach((value, k) => {
      if (k === stt || k === content || matrix.includes(k) || gantt.includes(k) || value.trim().length === 0)
        return;
      lines.push(`- ${(head[k] ?? '').replace(/[:\s]+$/, '')}: ${value.trim()}`);
    });
  });
  return lines;
}
