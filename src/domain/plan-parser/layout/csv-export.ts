/**
 * A spreadsheet saved as CSV and sent as the plan (a reporting schedule kept in Excel, "Lưu dưới dạng
 * CSV"): Excel in a Vietnamese locale separates cells with ";", elsewhere with ","; a cell that runs over
 * several lines is quoted. Read as text, each record becomes one tab-separated line — a quoted cell's
 * lines joined — so the table readers (text-tables.ts) see the tab table it was, and a record with one
 * cell (a title, a note under the table) stays a line of prose.
 *
 * Only a text that is mostly records of the same number of cells is taken for CSV: a plan whose prose has
 * a semicolon or a comma here and there has records of every length, and is left alone.
 */

/** Cells a record must have for the text to be a table: fewer is prose with a separator in it. */
const MIN_CSV_CELLS = 4;
/** Share of the non-blank records that have the table's width (Excel pads every record to it). */
const MIN_SAME_WIDTH = 0.8;
const MIN_RECORDS = 3;

type CsvRecord = string[];

/** RFC 4180 records with `sep`; null when a quote is left open (not CSV). */
function records(text: string, sep: string): CsvRecord[] | null {
  const out: CsvRecord[] = [];
  let row: CsvRecord = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (quoted) return null;
  row.push(cell);
  out.push(row);
  return out;
}

function isCsvTable(rows: readonly CsvRecord[]): boolean {
  const filled = rows.filter((r) => r.some((c) => c.trim().length > 0));
  if (filled.length < MIN_RECORDS) return false;
  const widths = new Map<number, number>();
  for (const r of filled) widths.set(r.length, (widths.get(r.length) ?? 0) + 1);
  const [width, count] = [...widths].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return width >= MIN_CSV_CELLS && count / filled.length >= MIN_SAME_WIDTH;
}

function recordLine(row: CsvRecord): string {
  const cells = row.map((c) => c.trim());
  const filled = cells.filter((c) => c.length > 0);
  if (filled.length === 0) return '';
  // A title or a note in the first cell: its own lines, as written.
  if (filled.length === 1) return filled[0]!;
  return cells.map((c) => c.replace(/\s*\n\s*/g, ' ')).join('\t');
}

/** `text` with a CSV export rewritten as tab-separated lines; any other text unchanged. */
export function csvAsTabs(text: string): string {
  for (const sep of [';', ',']) {
    const rows = records(text, sep);
    if (rows && isCsvTable(rows)) return rows.map(recordLine).join('\n');
  }
  return text;
}
