/**
 * A Word table converted to text with each row opened by its number in braces and each cell in «…» pairs,
 * in column order, a cell wrapping over lines and «» an empty one, under a header of the same pairs
 * ("Cột: «TT» «Nội dung» «Thời gian» …"), with "══ THÁNG 01/2027 ══" rows grouping the rows by month:
 *
 *   {3} «Thăm, chúc Tết các HTX …» «Từ 18/01 đến
 *       05/02/2027» «P.TCKT» «Công đoàn cơ quan»
 *
 * It becomes the pipe table it was (text-tables.ts reads it), a group row a row spanning the table.
 */
import { pipeRow, pipeRule, spanningRow } from './pipe-rows';

const ROW_START = /^\s*\{(\d{1,3})\}\s*/;
const CELL = /«([^«»]*)»/g;
/** "══ THÁNG 01/2027 ══", "== CẢ QUÝ ==": a row naming the group below it. */
const GROUP = /^\s*[═=]{2,}\s*(.+?)\s*[═=]{2,}\s*$/;
/** Rows needed before a text is taken for such a table: a line or two with braces is a footnote. */
const MIN_ROWS = 3;

const cellsOf = (text: string): string[] =>
  Array.from(text.matchAll(CELL), (m) => (m[1] ?? '').replace(/\s+/g, ' ').trim());

const isOpen = (text: string): boolean => (text.match(/«/g) ?? []).length > (text.match(/»/g) ?? []).length;

export function quotedCellsAsPipes(text: string): string {
  const lines = text.split('\n');
  const starts = lines.filter((l) => ROW_START.test(l) && l.includes('«')).length;
  if (starts < MIN_ROWS) return text;
  const firstRow = lines.findIndex((l) => ROW_START.test(l) && l.includes('«'));
  const headerAt = lines.slice(0, firstRow).findLastIndex((l) => cellsOf(l).length >= 3);
  const header = headerAt >= 0 ? cellsOf(lines[headerAt] ?? '') : [];
  const numbered = header.length > 0 && /^(?:tt|stt|số tt)$/iu.test(header[0] ?? '');
  const width = Math.max(header.length, 2);
  const out = lines.slice(0, Math.max(headerAt, firstRow));
  if (header.length > 0) out.push(pipeRow(header), pipeRule(header.length));
  let i = firstRow;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const group = GROUP.exec(line);
    if (group) {
      out.push(pipeRow(spanningRow(group[1] ?? '', width)));
      i++;
      continue;
    }
    const start = ROW_START.exec(line);
    if (!start || !line.includes('«')) {
      out.push(line);
      i++;
      continue;
    }
    // The row runs on while a cell is open or the next line goes on with cells, indented.
    let row = line.slice(start[0].length);
    i++;
    while (i < lines.length) {
      const next = lines[i] ?? '';
      if (ROW_START.test(next) || GROUP.test(next)) break;
      if (!isOpen(row) && !/^\s+«/.test(next)) break;
      row += `\n${next}`;
      i++;
    }
    const cells = cellsOf(row);
    out.push(pipeRow(numbered && cells.length < header.length ? [start[1] ?? '', ...cells] : cells));
  }
  return out.join('\n');
}
