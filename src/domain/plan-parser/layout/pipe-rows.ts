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
