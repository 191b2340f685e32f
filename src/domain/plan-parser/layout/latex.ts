/**
 * A plan kept as LaTeX source (an office that types its documents in LaTeX and sends the PDF): the words
 * without their commands, and each ruled table ("\hline") a "| … |" table the pipe-table reader takes
 * (text-tables.ts), its first row the header.
 *
 *   \begin{longtable}{|c|p{8cm}|p{2.6cm}|p{2.4cm}|}
 *   \hline \textbf{TT} & \textbf{Nội dung công việc} & \textbf{Chủ trì} & \textbf{Thời gian} \\ \hline \endhead
 *   \multicolumn{4}{|l|}{\textbf{I. THÁNG 01/2027}} \\ \hline
 *   1 & Họp BTV phiên thường kỳ tháng 01: \newline - Cho ý kiến … & VP & 08/01/2027 \\ \hline
 *   % 10 & Hội thảo … (moved to the next quarter)
 *
 * A line commented out with "%" is no part of the plan. A row spanning the table is a group row when it
 * is numbered or in capitals ("I. THÁNG 01/2027"), otherwise a note ("Nghỉ Tết …") and no row at all. A
 * table without rules only lays the letterhead out: its cells become lines.
 */
import { isNumberedSpan, pipeRow, pipeRule, spanningRow } from './pipe-rows';

/** Commands it takes to read a text as LaTeX rather than as a plan that mentions "\n". */
const MIN_COMMANDS = 5;
const COMMAND =
  /\\(?:documentclass|usepackage|begin|end|textbf|textit|hline|multicolumn|noindent|newline)\b/g;
/** Commands whose argument is layout, not words: "\rule{3cm}{0.4pt}", "\vspace{1em}". */
const LAYOUT_ARGS =
  /\\(?:rule|vspace|hspace|usepackage|documentclass|setlength|label)\*?(?:\[[^\]]*\])?(?:\{[^{}]*\})*/g;

/** A line without its comment: "%" to the end, unless written "\%". */
function uncommented(line: string): string | null {
  const at = line.search(/(?<!\\)%/);
  if (at < 0) return line;
  return line.slice(0, at).trim() === '' ? null : line.slice(0, at);
}

/** A piece of LaTeX as plain words. */
function words(tex: string): string {
  let text = tex.replace(LAYOUT_ARGS, ' ');
  // \textbf{…}, \textit{…}, \emph{…}: the words inside; nested braces from the inside out.
  for (let i = 0; i < 4; i++) text = text.replace(/\\[a-zA-Z]+\*?\{([^{}]*)\}/g, '$1');
  return text
    .replace(/\\\\(?:\[[^\]]*\])?/g, '\n')
    .replace(/\\newline\b/g, ' ')
    .replace(/\\hfill\b/g, '      ')
    .replace(
      /\\(?:centering|noindent|raggedright|raggedleft|small|large|footnotesize|endhead|endfirsthead)\b/g,
      '',
    )
    .replace(/\\([%&$#_{}])/g, '$1')
    .replace(/\\[a-zA-Z]+\*?/g, '')
    .replace(/[{}]/g, '')
    .replace(/~/g, ' ');
}

function spanning(row: string): string | null {
  const m = /^\s*\\multicolumn\{\d+\}\{[^}]*\}\{([\s\S]*)\}\s*$/.exec(row);
  return m
    ? words(m[1] ?? '')
        .replace(/\s+/g, ' ')
        .trim()
    : null;
}

function tableAsPipes(spec: string, body: string): string[] {
  const ruled = /\\hline|\\midrule/.test(body);
  if (!ruled) return words(body.replace(/(?<!\\)&/g, '\n')).split('\n');
  const width = (spec.match(/[lcrpmbX](?:\{[^}]*\})?/g) ?? []).length;
  const out: string[] = [];
  let header = true;
  const raw = body.replace(/\\hline|\\endhead|\\endfirsthead/g, ' ').split(/\\\\(?:\[[^\]]*\])?/);
  for (const r of raw) {
    if (r.trim() === '') continue;
    const span = spanning(r);
    if (span !== null) {
      // "I. THÁNG 01/2027" across the table groups the rows below; "Nghỉ Tết …" is only a note.
      const capitals = span.replace(/[^\p{L}]/gu, '') === span.replace(/[^\p{L}]/gu, '').toUpperCase();
      if (!isNumberedSpan(span) && !capitals) continue;
      out.push(pipeRow(spanningRow(span, width)));
      continue;
    }
    const cells = r.split(/(?<!\\)&/).map((c) => words(c).replace(/\s+/g, ' ').trim());
    out.push(pipeRow(cells.map((c) => c.replace(/\|/g, '/'))));
    if (header) out.push(pipeRule(cells.length));
    header = false;
  }
  return out;
}

export function latexAsText(text: string): string {
  if ((text.match(COMMAND) ?? []).length < MIN_COMMANDS) return text;
  const kept = text
    .split('\n')
    .map(uncommented)
    .filter((l): l is string => l !== null)
    .join('\n');
  const out: string[] = [];
  const parts = kept.split(
    /(\\begin\{(?:longtable|tabular\*?|tabularx)\}[\s\S]*?\\end\{(?:longtable|tabular\*?|tabularx)\})/,
  );
  for (const part of parts) {
    const table =
      /^\\begin\{(longtable|tabular\*?|tabularx)\}((?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})+)([\s\S]*)\\end\{\1\}$/.exec(
        part,
      );
    if (table) {
      out.push(...tableAsPipes(table[2] ?? '', table[3] ?? ''));
      continue;
    }
    const plain = words(part.replace(/\\(?:begin|end)\{[^}]*\}/g, '\n'));
    out.push(...plain.split('\n').map((l) => l.replace(/\s+$/, '')));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
