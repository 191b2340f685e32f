/**
 * A table kept as reStructuredText (a plan written in an internal editor, Sphinx, a wiki that exports
 * rST): the directive's rows as bullet lists, a cell wrapping onto lines indented under it.
 *
 *   .. list-table:: CHƯƠNG TRÌNH LÀM VIỆC QUÝ I/2027
 *      :header-rows: 1
 *
 *      * - TT
 *        - Nội dung
 *      * - 1
 *        - Cho ý kiến Kế hoạch …
 *          năm 2027
 *
 * and ".. csv-table::" with its ":header:" option and rows of quoted cells. It becomes the pipe table it
 * was (text-tables.ts reads it): a row whose one filled cell is its first ("**THÁNG 01/2027**") a row
 * spanning the table, emphasis marks left out. rST grid tables ("+----+") are box-table.ts's.
 */
import { pipeRow, pipeRule, spanningRow } from './pipe-rows';

const DIRECTIVE = /^(\s*)\.\.\s+(list-table|csv-table)::\s*(.*)$/;
const OPTION = /^\s*:([\w-]+):\s*(.*)$/;

const plain = (cell: string): string =>
  cell
    .replace(/\*\*([^*]+)\*\*|\*([^*]+)\*|``([^`]+)``/g, '$1$2$3')
    .replace(/\s+/g, ' ')
    .trim();

const indentOf = (line: string): number => /^\s*/.exec(line)?.[0].length ?? 0;

/** "a, "b, c", d" → its cells, quotes doubled inside a quoted cell. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map(plain);
}

/** A list-table's rows: "* - a" opens a row, "- b" a cell, deeper lines go on with the cell. */
function listRows(body: readonly string[]): string[][] {
  const rows: string[][] = [];
  for (const line of body) {
    const row = /^\s*\*\s+-\s?(.*)$/.exec(line);
    const cell = /^\s*-\s?(.*)$/.exec(line);
    const last = rows[rows.length - 1];
    if (row) rows.push([row[1] ?? '']);
    else if (cell && last) last.push(cell[1] ?? '');
    else if (last && last.length > 0) last[last.length - 1] += ` ${line.trim()}`;
  }
  return rows.map((r) => r.map(plain));
}

function csvRows(body: readonly string[]): string[][] {
  const rows: string[][] = [];
  let pending = '';
  for (const line of body) {
    pending = pending ? `${pending}\n${line.trim()}` : line.trim();
    // A quoted cell over lines: the row ends when its quotes close.
    if (((pending.match(/"/g) ?? []).length & 1) === 0) {
      rows.push(csvCells(pending.replace(/\n/g, ' ')));
      pending = '';
    }
  }
  if (pending) rows.push(csvCells(pending));
  return rows;
}

function tableLines(kind: string, title: string, options: Map<string, string>, body: string[]): string[] {
  const rows = kind === 'list-table' ? listRows(body) : csvRows(body);
  const header = options.has('header') ? csvCells(options.get('header') ?? '') : null;
  const headerRows = header ? 0 : Math.max(1, Number(options.get('header-rows') ?? '1') || 1);
  const all = header ? [header, ...rows] : rows;
  const width = Math.max(...all.map((r) => r.length), 2);
  const out = title ? ['', title, ''] : [''];
  all.forEach((row, k) => {
    const filled = row.filter((c) => c !== '');
    const spans =
      k >= (header ? 1 : headerRows) && filled.length === 1 && row[0] !== '' && !/^\d+$/.test(row[0] ?? '');
    out.push(
      pipeRow(
        spans ? spanningRow(row[0] ?? '', width) : [...row, ...Array<string>(width - row.length).fill('')],
      ),
    );
    if (k === (header ? 0 : headerRows - 1)) out.push(pipeRule(width));
  });
  out.push('');
  return out;
}

export function rstTablesAsPipes(text: string): string {
  if (!/^\s*\.\.\s+(?:list|csv)-table::/m.test(text)) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i] ?? '');
    if (!m) {
      out.push(lines[i] ?? '');
      continue;
    }
    const base = (m[1] ?? '').length;
    const options = new Map<string, string>();
    const body: string[] = [];
    let j = i + 1;
    // The directive's content: every line indented deeper than it, blank lines among them.
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (line.trim() === '') continue;
      if (indentOf(line) <= base) break;
      const option = body.length === 0 ? OPTION.exec(line) : null;
      if (option) options.set(option[1] ?? '', option[2] ?? '');
      else body.push(line);
    }
    out.push(...tableLines(m[2] ?? '', plain(m[3] ?? ''), options, body));
    i = j - 1;
  }
  return out.join('\n');
}
