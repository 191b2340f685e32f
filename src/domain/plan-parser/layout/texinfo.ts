/**
 * A plan kept as Texinfo source (a clerk who publishes documents to the intranet as Info/HTML):
 *
 *   \input texinfo   @c -*-texinfo-*-
 *   @center @strong{CHƯƠNG TRÌNH}
 *   @multitable @columnfractions .05 .43 .14 .16 .22
 *   @headitem TT @tab Nội dung @tab Thời gian @tab Đơn vị chủ trì @tab Đơn vị phối hợp
 *   @item @tab @strong{THÁNG 01/2027} @tab @tab @tab
 *   @item 1
 *   @tab Họp Ban Thường vụ phiên thường kỳ tháng 01 …
 *   @tab Sáng 08/01
 *   @tab VP
 *   @end multitable
 *
 * It becomes the text it prints: comments ("@c", "@comment", "@ignore … @end ignore") and settings gone,
 * "@strong{…}", "@emph{…}" plain, "@*" a line break, "@minus{}" a dash, "@section" headings their words,
 * "@item" of a list a bullet, and each "@multitable" the pipe table it draws (text-tables.ts reads it): a
 * row with words in one cell only a row across the table (a month's heading).
 */
import { pipeRow, pipeRule, spanningRow } from './pipe-rows';

/** Commands that open lines of a Texinfo file; several of them make one. */
const COMMAND =
  /^@(?:node|top|chapter|section|subsection|unnumbered|center|noindent|multitable|itemize|enumerate|item|headitem|tab|end|c|comment|settitle|setfilename|documentencoding|flushright|flushleft|quotation|sp|page)\b/;
const MIN_COMMANDS = 6;
/** Commands whose line says nothing the plan prints. */
const SETTINGS =
  /^@(?:c|comment|setfilename|settitle|documentencoding|node|noindent|page|bye|titlepage|contents|set|clear|finalout|setchapternewpage|headings|paragraphindent|firstparagraphindent|columnfractions|vskip|need|group|end\s+group)\b/;

function inline(text: string): string {
  let out = text;
  // Innermost braces first: "@strong{@emph{x}}".
  for (let k = 0; k < 5 && /@[a-zA-Z]+\{[^{}]*\}/.test(out); k++)
    out = out.replace(/@([a-zA-Z]+)\{([^{}]*)\}/g, (_, name: string, body: string) =>
      name === 'minus' ? '-' : name === 'dots' || name === 'enddots' ? '…' : name === 'bullet' ? '•' : body,
    );
  return out
    .replace(/@\*/g, '\n')
    .replace(/@@/g, '@')
    .replace(/@([{}])/g, '$1')
    .replace(/@[.,:!? ]/g, (m) => m.slice(1));
}

function tableLines(lines: readonly string[]): string[] {
  const rows: { cells: string[]; header: boolean }[] = [];
  for (const line of lines) {
    const start = /^@(headitem|item)\b\s?(.*)$/.exec(line);
    if (start) {
      const row = { cells: [''], header: start[1] === 'headitem' };
      rows.push(row);
      addCells(row.cells, start[2] ?? '');
      continue;
    }
    const row = rows.at(-1);
    if (!row) continue;
    if (/^@tab\b/.test(line)) addCells(row.cells, line);
    else row.cells[row.cells.length - 1] += ` ${line}`;
  }
  const width = Math.max(1, ...rows.map((r) => r.cells.length));
  const out: string[] = [''];
  let ruled = false;
  for (const r of rows) {
    const cells = r.cells.map((c) => inline(c).replace(/\s+/g, ' ').replace(/\|/g, '/').trim());
    const filled = cells.filter((c) => c.length > 0);
    if (!r.header && filled.length === 1 && width > 2 && !cells[0])
      out.push(pipeRow(spanningRow(filled[0] ?? '', width)));
    else out.push(pipeRow([...cells, ...Array<string>(width - cells.length).fill('')]));
    if (r.header && !ruled) {
      out.push(pipeRule(width));
      ruled = true;
    }
  }
  out.push('');
  return out;
}

/** "… @tab Thời gian @tab VP": the words before the first "@tab" go on the last cell, each "@tab" opens one. */
function addCells(cells: string[], text: string): void {
  const parts = text.split(/\s*@tab\b\s?/);
  cells[cells.length - 1] += ` ${parts[0] ?? ''}`;
  for (const p of parts.slice(1)) cells.push(p);
}

export function texinfoAsText(source: string): string {
  const raw = source.split(/\r?\n/);
  const commands = raw.filter((l) => COMMAND.test(l)).length;
  if (
    commands < MIN_COMMANDS ||
    (!(raw[0] ?? '').startsWith('\\input texinfo') && !raw.some((l) => /^@multitable\b/.test(l)))
  )
    return source;
  const lines = raw
    .join('\n')
    .replace(/^@ignore\b[\s\S]*?^@end ignore\b.*$/gm, '')
    .split('\n')
    .filter((l) => !/^@c(?:omment)?\b/.test(l))
    .map((l) => l.replace(/\s@c\s.*$/, ''));
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (i === 0 && line.startsWith('\\input')) continue;
    if (/^@multitable\b/.test(line)) {
      const end = lines.findIndex((l, k) => k > i && /^@end multitable\b/.test(l));
      const stop = end < 0 ? lines.length : end;
      out.push(...tableLines(lines.slice(i + 1, stop)));
      i = stop;
      continue;
    }
    if (
      SETTINGS.test(line) ||
      /^@end\b/.test(line) ||
      /^@(?:itemize|enumerate|table|flushright|flushleft|quotation|example|display)\b/.test(line)
    )
      continue;
    const heading =
      /^@(?:top|chapter|section|subsection|subsubsection|unnumbered\w*|appendix\w*|heading|subheading|center)\s+(.*)$/.exec(
        line,
      );
    if (heading) {
      out.push('', inline(heading[1] ?? '').trim());
      continue;
    }
    const item = /^@itemx?\s*(.*)$/.exec(line);
    if (item) {
      out.push(`- ${inline(item[1] ?? '').trim()}`);
      continue;
    }
    if (/^@sp\b/.test(line)) {
      out.push('');
      continue;
    }
    out.push(inline(line));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
