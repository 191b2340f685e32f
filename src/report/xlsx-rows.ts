/**
 * Row heights for wrapped text. Excel and LibreOffice keep a row at its stored height (exceljs writes the
 * default, 15 pt), so a wrapped title ran over the next row when printed. The lines each cell needs are
 * estimated from its column width — generously, since a line too many is a little white space and a line
 * too few hides text — and the row is made as tall as its tallest cell.
 */
import type ExcelJS from 'exceljs';

/** Line height for 10 pt type, in points, and the cell's padding. */
const LINE_PT = 13.2;
const PADDING_PT = 3;

/** Characters of 10 pt Arial that fit a column `width` wide (Excel's unit: one '0' of the default font). */
export function charsPerLine(width: number): number {
  return Math.max(1, Math.floor(width * 1.2) - 1);
}

/** Lines a text takes in a column: each paragraph is broken at spaces, long words at the edge. */
export function wrappedLines(text: string, width: number): number {
  const room = charsPerLine(width);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const len = [...word].length;
      if (line === 0) line = len;
      else if (line + 1 + len <= room) line += 1 + len;
      else {
        count++;
        line = len;
      }
      while (line > room) {
        count++;
        line -= room;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return 'dd/mm/yyyy';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return String(value);
}

export function rowHeight(ws: ExcelJS.Worksheet, row: ExcelJS.Row): number {
  let lines = 1;
  row.eachCell((cell, col) => {
    if (!cell.alignment?.wrapText) return; // an unwrapped cell stays one line, cut at its edge
    const width = ws.getColumn(col).width ?? 10;
    lines = Math.max(lines, wrappedLines(cellText(cell.value), width));
  });
  return lines * LINE_PT + PADDING_PT;
}
