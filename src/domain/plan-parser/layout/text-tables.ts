/**
 * Tables of tasks inside plain text: cells separated by `|` (a table pasted from a chat or a
 * markdown export), by tabs (copied from Word or Excel), or set in columns aligned with runs of spaces
 * (pdftotext -layout, a PDF page rebuilt from text positions, a typed plan), or one cell per line (a
 * Word table saved as plain text, see cell-lines.ts). Each is found by its
 * header row and rewritten as task-table lines (see task-table.ts); the rest of the text is untouched.
 * A header whose rows give no item is reported, so the review can say that a table was not read.
 */
import { isHeaderRow, isHeaderCell, layoutOf, opensRow, renderTaskTable, type Row } from './task-table';
import { cellPerLineTable } from './cell-lines';

export interface TextTables {
  text: string;
  /** 0-based lines of table headers under which no row could be read. */
  unread: number[];
}

const SEPARATOR = /^[\s|:+=\-–—]+$/;

function pipeCells(line: string): Row | null {
  if ((line.match(/\|/g) ?? []).length < 2) return null;
  const cells = line.split('|');
  if (cells[0]?.trim() === '') cells.shift();
  if (cells[cells.length - 1]?.trim() === '') cells.pop();
  return cells.map((c) => c.trim());
}

function tabCells(line: string): Row | null {
  if (!line.includes('\t')) return null;
  const cells = line.split('\t').map((c) => c.trim());
  return cells.some((c) => c.length > 0) ? cells : null;
}

/**
 * "TT;Nội dung công việc;Chủ trì;Phối hợp;Thời gian;Ghi chú": a Word table converted to text with semicolons
 * between its cells. A row whose work runs onto the next line ("…, thành viên" / "có hoàn cảnh khó khăn;VP;…")
 * is joined before it is split (see semicolonLines).
 */
function semicolonCells(line: string): Row | null {
  if ((line.match(/;/g) ?? []).length < 3) return null;
  return line.split(';').map((c) => c.trim());
}

/** The table's lines from its header, a line with too few semicolons joined to the row it continues. */
function semicolonLines(lines: readonly string[], i: number): string[] {
  const width = (lines[i] ?? '').split(';').length;
  const out = [...lines];
  for (let j = i + 1; j < out.length; j++) {
    const line = out[j] ?? '';
    const count = line.split(';').length;
    const next = out[j + 1] ?? '';
    // "3;Thăm, tặng quà … thành viên" then "có hoàn cảnh khó khăn;VP;…": the two make one row of the width.
    if (count < width && count > 1 && line.trim() !== '' && count + next.split(';').length - 1 === width) {
      out[j] = `${line} ${next.trim()}`;
      out[j + 1] = '';
    }
  }
  return out;
}

interface Segment {
  text: string;
  at: number;
}

/** Runs of text separated by two or more spaces, with their columns. */
function segments(line: string): Segment[] {
  const out: Segment[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push({ text: m[0], at: m.index });
  return out;
}

/** Lines a page break leaves between two parts of a table: blanks, "Trang 2", "- 3 -". */
function pageJunk(line: string): boolean {
  const t = line.trim();
  return t === '' || /^(?:trang\s*)?[-–\s]*\d{1,3}[-–\s]*(?:\/\s*\d{1,3})?$/i.test(t);
}

/** Rows that are printed lines of one row, cell by cell. */
function mergeRows(rows: readonly Row[]): Row {
  const out: Row = [];
  for (const row of rows)
    row.forEach((cell, k) => {
      out[k] = [out[k] ?? '', cell.trim()].filter((c) => c.length > 0).join(' ');
    });
  return out;
}

/** A table of separated cells (`|` or tabs) from line i: its rows and the line after it. */
function separatedTable(
  lines: readonly string[],
  i: number,
  split: (l: string) => Row | null,
): { rows: Row[]; next: number } {
  const rows: Row[] = [];
  let j = i;
  let ruled = false;
  while (j < lines.length) {
    const line = lines[j] ?? '';
    const cells = split(line);
    if (cells) {
      if (!SEPARATOR.test(line)) rows.push(cells);
      // "| Nội dung kiểm tra, | … | Đơn vị |" / "| giám sát | … | chủ trì |" / "|----|": the rows above the
      // first rule are all the header, its headings written over two lines.
      else if (!ruled && rows.length > 1) rows.splice(0, rows.length, mergeRows(rows));
      if (SEPARATOR.test(line)) ruled = true;
      j++;
      continue;
    }
    // A page break may cut the table; it goes on if its rows resume after a few junk lines.
    let k = j;
    while (k < lines.length && k - j < 6 && pageJunk(lines[k] ?? '')) k++;
    if (k > j && k < lines.length && split(lines[k] ?? '')) j = k;
    else break;
  }
  return { rows, next: j };
}

/** Column starts of a header written with runs of spaces, or null when the line is no such header. */
function alignedHeader(line: string): Segment[] | null {
  if (!/\S {2,}\S/.test(line)) return null;
  const segs = segments(line);
  return segs.length >= 3 && isHeaderRow(segs.map((s) => s.text)) ? segs : null;
}

/**
 * The cells of an aligned line: a run of text belongs to the last column whose left neighbour's heading
 * ends before it starts, so that a heading centred over its column still takes the text at its left edge.
 */
/**
 * A run that overflows its column up to the next one, a single space before the next column's first word
 * ("Quý III - IV/2025 Ban Hỗ trợ HTX" with "Ban" right under "Chủ trì"), is two cells: cut where a word
 * starts exactly at a column's left edge.
 */
function splitAtColumns(seg: Segment, columns: readonly Segment[]): Segment[] {
  // Only a cell overflows: a run from the left margin ("1. Ban Hỗ trợ … là đầu mối") is prose again.
  if (seg.at < (columns[1]?.at ?? 0)) return [seg];
  for (const col of columns) {
    // Typed by hand, a column's words may stand one place off its heading.
    for (const off of [0, -1, 1]) {
      const cut = col.at + off - seg.at;
      if (cut <= 1 || cut >= seg.text.length) continue;
      if (seg.text[cut - 1] !== ' ' || seg.text[cut] === ' ') continue;
      const head = { at: seg.at, text: seg.text.slice(0, cut - 1) };
      return [head, ...splitAtColumns({ at: seg.at + cut, text: seg.text.slice(cut) }, columns)];
    }
  }
  return [seg];
}

function alignedCells(line: string, columns: readonly Segment[]): Row {
  const row: Row = columns.map(() => '');
  for (const seg of segments(line).flatMap((s) => splitAtColumns(s, columns))) {
    let k = 0;
    for (let c = 1; c < columns.length; c++) {
      const prev = columns[c - 1];
      const at = Math.min(columns[c]?.at ?? 0, prev ? prev.at + prev.text.length + 1 : 0);
      if (at <= seg.at) k = c;
    }
    row[k] = row[k] ? `${row[k]} ${seg.text}` : seg.text;
  }
  return row;
}

/** A table in aligned columns from its header at line i: rows end at text that starts a paragraph. */
function alignedTable(
  lines: readonly string[],
  i: number,
  columns: Segment[],
): { rows: Row[]; next: number } {
  const header = columns.map((c) => c.text);
  const layout = layoutOf(header);
  const rows: Row[] = [header];
  // Where the second column begins: past the first heading's end (headings may be centred).
  const first0 = columns[0];
  const second = Math.min(columns[1]?.at ?? Infinity, first0 ? first0.at + first0.text.length + 1 : Infinity);
  let j = i + 1;
  let blanks = 0;
  // Rows as blocks of printed lines with a blank line between them (a calendar "Thời gian / Nội dung /
  // Đơn vị" with no numbers, each row over 2–5 lines): each block is one row.
  const blocks: Row[][] = [[]];
  for (; j < lines.length; j++) {
    const line = (lines[j] ?? '').trimEnd();
    if (pageJunk(line)) {
      if (line.trim() === '') {
        if (++blanks > 2) break;
        if ((blocks.at(-1) ?? []).length > 0) blocks.push([]);
      }
      continue;
    }
    const repeated = alignedHeader(line);
    // "------" rules under the header and between groups of rows.
    if (repeated || SEPARATOR.test(line)) continue;
    const row = alignedCells(line, columns);
    const first = segments(line)[0];
    // "III. TỔ CHỨC THỰC HIỆN": the plan's next part.
    if (first && first.at < second && /^[IVX]{1,4}\.\s/.test(first.text)) break;
    // "THÁNG 4/2026" from the left margin, alone on its line in capitals: a group row across the table.
    const only = segments(line);
    if (
      only.length === 1 &&
      first &&
      first.at < second &&
      first.text === first.text.toUpperCase() &&
      /\p{Lu}{2}/u.test(first.text) &&
      first.text.length <= GROUP_ROW_MAX
    ) {
      const m = /^([A-ZĐ]|[IVX]{1,4}|\d{1,2})[.)]\s+(.*)$/u.exec(first.text);
      const group: Row = columns.map(() => '');
      group[Math.max(layout.number, 0)] = m ? (m[1] ?? '') : '';
      group[Math.max(layout.number + 1, 1)] = m ? (m[2] ?? '') : first.text;
      blocks.at(-1)?.push(group);
      blanks = 0;
      continue;
    }
    // Text from the left margin that is no row number, and runs past the first column, is the plan again.
    const numberCell = layout.number >= 0 ? (row[layout.number] ?? '') : '';
    if (first && first.at < second && layout.number >= 0 && !opensRow(numberCell)) break;
    // Without numbers, a line from the left margin after a blank is the plan again, unless it fills
    // cells of its own in other columns (the next row of a table whose rows stand apart).
    const filled = row.filter((c) => c.trim().length > 0).length;
    if (first && layout.number < 0 && blanks > 0 && first.at < second && filled < MIN_ROW_CELLS) break;
    blanks = 0;
    blocks.at(-1)?.push(row);
  }
  const full = blocks.filter((b) => b.length > 0);
  const apart = layout.number < 0 && full.length >= MIN_BLOCKS && full.some((b) => b.length > 1);
  rows.push(...(apart ? full.map(mergeRows) : full.flat()));
  return { rows, next: j };
}

/** The longest a group row across an aligned table runs ("THÁNG 4/2026", "B. CÔNG VIỆC THƯỜNG XUYÊN"). */
const GROUP_ROW_MAX = 60;

/** Cells a row from the left margin fills at least: a paragraph is one run, a row has its columns. */
const MIN_ROW_CELLS = 2;
/** Blocks of lines it takes to read blank-separated blocks as rows: a one-block table has lines as rows. */
const MIN_BLOCKS = 2;

export function rewriteTextTables(text: string): TextTables {
  const lines = text.split('\n');
  const out: string[] = [];
  const unread: number[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    let found: { rows: Row[]; next: number } | null = null;
    const pipe = pipeCells(line);
    const tab = pipe ? null : tabCells(line);
    const semi = pipe || tab ? null : semicolonCells(line);
    const aligned = pipe || tab || (semi && isHeaderRow(semi)) ? null : alignedHeader(line);
    if (pipe && isHeaderRow(pipe)) found = separatedTable(lines, i, pipeCells);
    else if (semi && isHeaderRow(semi)) found = separatedTable(semicolonLines(lines, i), i, semicolonCells);
    else if (tab && isHeaderRow(tab)) found = separatedTable(lines, i, tabCells);
    else if (aligned) found = alignedTable(lines, i, aligned);
    else if (isHeaderCell(line)) found = cellPerLineTable(lines, i);
    if (!found) {
      out.push(line);
      i++;
      continue;
    }
    const rendered = renderTaskTable(found.rows, { joinLines: true });
    if (!rendered || !rendered.some((l) => l.startsWith('('))) {
      unread.push(i);
      out.push(...lines.slice(i, found.next));
    } else {
      out.push(...rendered);
      // Keep the line count where the table is no shorter, so later lines keep their numbers in the review.
      for (let k = rendered.length; k < found.next - i; k++) out.push('');
    }
    i = found.next;
  }
  return { text: out.join('\n'), unread };
}
