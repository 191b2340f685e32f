/**
 * The "| … |" rows the pipe-table reader takes (text-tables.ts), written by the readers that rebuild a
 * table from another form (HTML, LaTeX, cells tagged by column letter).
 */

export function pipeRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The rule under a header of `width` cells. */
export function pipeRule(width: number): string {
  return `|${Array.from({ length: width }, () => '---').join('|')}|`;
}

/**
 * "I. THÁNG 01/2027" across a table of `width` columns: its numeral in the number column, its title beside
 * it, the other cells empty.
 */
export function spanningRow(text: string, width: number): string[] {
  const m = /^([IVX]{1,4}|[A-ZĐ])\.\s+(.*)$/u.exec(text);
  const row = Array.from({ length: Math.max(width, 2) }, () => '');
  row[0] = m ? (m[1] ?? '') : '';
  row[1] = m ? (m[2] ?? '') : text;
  return row;
}

/** Whether a row across the table is numbered as a section ("I.", "A.") rather than plain words. */
export function isNumberedSpan(text: string): boolean {
  return /^(?:[IVX]{1,4}|[A-ZĐ])\.\s+/u.test(text);
}

/** A cell of a table kept as markup source, with the columns and rows it spans. */
export interface SpanCell {
  text: string;
  colspan: number;
  rowspan: number;
}

/**
 * The cells of a table kept as markup source (Typst, AsciiDoc), in reading order, laid into rows of `width`:
 * a cell across the table a row spanning it (a month's heading), a cell down several rows written again in
 * each of them, one across some columns followed by empty cells.
 */
export function gridRows(cells: readonly SpanCell[], width: number): string[][] {
  const rows: string[][] = [];
  const held = new Map<number, { text: string; rows: number }>();
  let row: string[] = [];
  const put = (text: string): void => {
    row.push(text);
    if (row.length === width) {
      rows.push(row);
      row = [];
    }
  };
  const fillHeld = (): void => {
    for (let k = held.get(row.length); k && k.rows > 0; k = held.get(row.length)) {
      k.rows--;
      put(k.text);
    }
  };
  for (const cell of cells) {
    fillHeld();
    const text = cell.text.replace(/\s+/g, ' ').trim();
    if (cell.colspan >= width && row.length === 0) {
      rows.push(spanningRow(text, width));
      continue;
    }
    if (cell.rowspan > 1) held.set(row.length, { text, rows: cell.rowspan - 1 });
    for (let k = 0; k < cell.colspan; k++) put(k === 0 ? text : '');
  }
  fillHeld();
  if (row.length > 0) rows.push([...row, ...Array<string>(width - row.length).fill('')]);
  return rows;
}
