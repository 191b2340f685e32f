/**
 * A plan kept as troff source (a clerk who typesets with groff and sends the source file), its tables in
 * tbl:
 *
 *   .\" comment
 *   .ce 2
 *   .B "CHƯƠNG TRÌNH CÔNG TÁC QUÝ I NĂM 2027"
 *   .TS
 *   allbox center tab(^);
 *   cb cb cb cb cb
 *   n lw(7c) cw(2.5c) cw(2.5c) lw(3c).
 *   TT^Nội dung^Thời gian^Chủ trì^Phối hợp
 *   .T&
 *   cb s s s s.
 *   THÁNG 01/2027
 *   .T&
 *   n lw(7c) cw(2.5c) cw(2.5c) lw(3c).
 *   1^T{
 *   Họp Ban Thường vụ phiên tháng 01 …
 *   T}^08/01/2027^Ban TH-TĐ^VP
 *   .TE
 *
 * It becomes the text it prints: comments and requests (".sp", ".ce", ".nr" …) gone, ".B"/".I" words
 * plain, ".IP 1." the number of the paragraph after it, escapes ("\-", "\(em") their characters, and each
 * table the pipe table it draws (text-tables.ts reads it): a row whose format spans every column ("cb s s
 * s s") a row across the table, a text block "T{ … T}" one cell, "\^" the cell above carried down.
 */
import { pipeRow, pipeRule, spanningRow } from './pipe-rows';

/** Requests a troff source opens lines with; a file with several of them and a table or macro is one. */
const REQUEST =
  /^\.(?:TS|TE|T&|PP|LP|IP|SH|NH|sp|ce|rj|nr|nf|fi|br|bp|ne|B|I|R|ft|ps|vs|in|ti|ad|na|ls|ds|de|TL|AU|DA)\b/;
const MIN_REQUESTS = 5;

function unescape(text: string): string {
  return text
    .replace(/\\f[BIRP]|\\f\(\w\w|\\&|\\c$/g, '')
    .replace(/\\\(em/g, '—')
    .replace(/\\\(en/g, '–')
    .replace(/\\\(hy|\\-/g, '-')
    .replace(/\\e/g, '\\')
    .replace(/\\ /g, ' ');
}

/** ".B "CHƯƠNG TRÌNH"" → CHƯƠNG TRÌNH: the words a font request prints. */
function fontWords(line: string): string {
  const rest = line.replace(/^\.[BIR]\s+/, '');
  const quoted = [...rest.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
  return quoted.join(' ');
}

interface Format {
  /** Columns a row of this format has. */
  width: number;
  /** The first column spans all the others ("cb s s s s"). */
  spans: boolean;
}

function readFormat(line: string): Format {
  const columns = line
    .replace(/\.\s*$/, '')
    .split(',')[0]
    ?.trim()
    .split(/\s+/)
    .filter((c) => c.length > 0) ?? [''];
  return {
    width: columns.length,
    spans: columns.length > 1 && columns.slice(1).every((c) => /^s/i.test(c)),
  };
}

/** The lines of one table, ".TS" and ".TE" left out, as pipe rows. */
function tableRows(lines: readonly string[]): string[] {
  let i = 0;
  let tab = '\t';
  // Options, one line ending with ";": "allbox center tab(^);".
  if (/;\s*$/.test(lines[0] ?? '')) {
    tab = /tab\s*\((.)\)/.exec(lines[0] ?? '')?.[1] ?? '\t';
    i = 1;
  }
  // Format lines up to the one ending with "."; the last one formats the rows after it.
  const formats = (): Format => {
    let last: Format = { width: 1, spans: false };
    for (; i < lines.length; i++) {
      const line = lines[i] ?? '';
      last = readFormat(line);
      if (/\.\s*$/.test(line)) {
        i++;
        return last;
      }
    }
    return last;
  };
  let format = formats();
  const rows: string[][] = [];
  let width = format.width;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('.T&')) {
      i++;
      format = formats();
      i--;
      width = Math.max(width, format.width);
      continue;
    }
    if (/^\.\\"/.test(line) || /^\s*[_=]\s*$/.test(line) || line.startsWith('.')) continue;
    // A row, its text blocks "T{ … T}" gathered over the lines they take.
    let text = line;
    while (/T\{\s*$/.test(text) || (/T\{/.test(text) && !/T\}/.test(text.slice(text.lastIndexOf('T{'))))) {
      i++;
      if (i >= lines.length) break;
      const next = lines[i] ?? '';
      text += next.startsWith('T}') ? next : `\n${next}`;
    }
    const cells = text
      .split(tab)
      .map((c) =>
        unescape(
          c
            .replace(/^T\{\s*/, '')
            .replace(/\s*T\}$/, '')
            .replace(/T\}/g, ''),
        ),
      )
      .map((c) => c.replace(/\s+/g, ' ').trim());
    if (format.spans) {
      rows.push(spanningRow(cells.join(' ').trim(), width));
      continue;
    }
    // "\^": the cell above goes on down.
    const above = rows.at(-1);
    rows.push(cells.map((c, k) => (c === '\\^' ? (above?.[k] ?? '') : c)));
  }
  if (rows.length === 0) return [];
  const cols = Math.max(width, ...rows.map((r) => r.length));
  const fill = (r: string[]): string[] => [...r, ...Array<string>(cols - r.length).fill('')];
  return [pipeRow(fill(rows[0] ?? [])), pipeRule(cols), ...rows.slice(1).map((r) => pipeRow(fill(r)))];
}

export function troffAsText(source: string): string {
  const lines = source.split(/\r?\n/);
  const requests = lines.filter((l) => REQUEST.test(l)).length;
  if (requests < MIN_REQUESTS || !lines.some((l) => /^\.(?:TS|PP|IP|SH|B|ce)\b/.test(l))) return source;
  const out: string[] = [];
  let number = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\.\\"/.test(line) || /^'\\"/.test(line)) continue;
    if (line.startsWith('.TS')) {
      const end = lines.findIndex((l, k) => k > i && l.startsWith('.TE'));
      const stop = end < 0 ? lines.length : end;
      out.push('', ...tableRows(lines.slice(i + 1, stop)), '');
      i = stop;
      continue;
    }
    // ".IP 1." numbers the paragraph that follows; ".IP \(bu" bullets it.
    const ip = /^\.IP\s+"?([^"\s]+)"?/.exec(line);
    if (ip) {
      number = ip[1] === '\\(bu' ? '- ' : `${ip[1] ?? ''} `;
      out.push('');
      continue;
    }
    if (/^\.[BIR]\s+\S/.test(line)) {
      out.push(`${number}${unescape(fontWords(line))}`);
      number = '';
      continue;
    }
    if (/^\.(?:PP|LP|SH|NH|sp|bp)\b/.test(line)) {
      out.push('');
      continue;
    }
    if (line.startsWith('.')) continue;
    out.push(`${number}${unescape(line.replace(/\s*\\".*$/, ''))}`);
    number = '';
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
