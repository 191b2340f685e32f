/**
 * A table drawn with box characters (a plan typed in a text editor, or Word's "save as text" with
 * borders):
 *
 *   ┌────┬──────────────────────┬──────────┐
 *   │ TT │ Nội dung công việc   │ Đơn vị   │
 *   ├────┼──────────────────────┼──────────┤
 *   │ 1  │ Cho ý kiến đối với   │ P.TT-TĐ  │
 *   │    │ Kế hoạch …           │          │
 *
 * Each row runs over the lines between two rules, a cell wrapped onto the lines below; a row of one
 * cell across the table is a heading ("│ A. THÁNG 4/2026 │"). The table is rewritten as a pipe table, one
 * line a row, which text-tables.ts reads.
 */

const V = /[│┃║]/;
const RULE = /^\s*[┌├└╞╘╒┏┣┗─━═┬┼┴┐┤┘╡╛╕┓┫┛\s]+$/u;
/**
 * The same table drawn in ASCII, as Word's and pandoc's "grid tables" are: "+----+-----+" rules, "+====+"
 * under the header, "|" between cells. Read so only when such rules are there: a plain pipe table has
 * a row a line and text-tables.ts reads it as it is.
 */
const GRID_V = /[│┃║|]/;
const GRID_RULE = /^\s*\+(?:[-=:]+\+){2,}\s*$/;
/** A table worth reading this way has this many lines of cells. */
const MIN_CELL_LINES = 3;

function cells(line: string, v: RegExp): string[] {
  const parts = line.split(v);
  // The text before the first and after the last border is outside the table.
  return parts.slice(1, -1).map((c) => c.trim());
}

function joinRow(lines: readonly string[], v: RegExp): string[] {
  const rows = lines.map((l) => cells(l, v));
  const width = Math.max(...rows.map((r) => r.length));
  return Array.from({ length: width }, (_, k) =>
    rows
      .map((r) => r[k] ?? '')
      .filter((c) => c !== '')
      .join(' ')
      .replace(/(\p{L})- (\p{Ll})/gu, '$1$2'),
  );
}

/**
 * A box of one column ("┌────┐" / "│ NHỮNG MỐC CHÍNH │" / "│ • 15/01: Hội nghị … │" / "└────┘"), a newspaper's
 * boxed list or a note in a frame, holds lines of text, not a table: its lines without the frame.
 */
function unframed(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const top = lines[i] ?? '';
    if (!/^\s*[┌╔┏]\s*[─═━]+[┐╗┓]\s*$/u.test(top)) {
      out.push(top);
      continue;
    }
    let j = i + 1;
    while (
      j < lines.length &&
      /^\s*[│║┃].*[│║┃]\s*$/u.test(lines[j] ?? '') &&
      cells(lines[j] ?? '', V).length === 1
    )
      j++;
    if (j === i + 1 || !/^\s*[└╚┗]\s*[─═━]+[┘╝┛]\s*$/u.test(lines[j] ?? '')) {
      out.push(top);
      continue;
    }
    out.push('', ...lines.slice(i + 1, j).map((l) => cells(l, V)[0] ?? ''), '');
    i = j;
  }
  return out;
}

export function boxTableAsPipes(text: string): string {
  const lines = unframed(text.split('\n'));
  const grid = lines.some((l) => GRID_RULE.test(l));
  const v = grid ? GRID_V : V;
  const rule = (l: string): boolean => RULE.test(l) || (grid && GRID_RULE.test(l));
  if (lines.filter((l) => v.test(l) && !rule(l)).length < MIN_CELL_LINES) return lines.join('\n');
  const out: string[] = [];
  let group: string[] = [];
  let width = 0;
  let rows = 0;
  const flush = (): void => {
    if (group.length === 0) return;
    const row = joinRow(group, v);
    group = [];
    if (row.length === 1 && width > 1) {
      // "A. THÁNG 4/2026" across the table: its mark in the first column, its words in the second.
      const m = /^([A-ZĐ]|[IVX]{1,4}|\d{1,2})[.)]\s+(.*)$/u.exec(row[0] ?? '');
      const heading = m ? [m[1] ?? '', m[2] ?? ''] : ['', row[0] ?? ''];
      out.push(`| ${[...heading, ...Array.from({ length: width - 2 }, () => '')].join(' | ')} |`);
    } else {
      width = Math.max(width, row.length);
      out.push(`| ${row.join(' | ')} |`);
    }
    // The header's rule, which the pipe table looks for under its header.
    if (rows === 0) out.push(`|${Array.from({ length: row.length }, () => '---').join('|')}|`);
    rows++;
  };
  for (const line of lines) {
    if (v.test(line) && !rule(line)) {
      group.push(line);
      continue;
    }
    if (rule(line) && line.trim() !== '') {
      flush();
      continue;
    }
    flush();
    rows = 0;
    out.push(line);
  }
  flush();
  return out.join('\n');
}
