/**
 * A plan kept as Typst source (a clerk who typesets the plan with Typst and sends the .typ file):
 *
 *   #set page(paper: "a4", flipped: true)
 *   #align(center)[*CHƯƠNG TRÌNH* \ Công tác Quý I năm 2027 …]
 *   #table(
 *     columns: (auto, 4fr, 1.2fr, 1.6fr, 1.8fr),
 *     table.header([*TT*], [*Nội dung*], [*Thời gian*], [*Chủ trì*], [*Phối hợp*]),
 *     table.cell(colspan: 5)[*THÁNG 01/2027*],
 *     [1], [Họp Ban Thường vụ …], [Tuần 2], table.cell(rowspan: 2)[Văn phòng], [],
 *   )
 *
 * It becomes the text it typesets: comments ("//", "/* … *\/") and settings ("#set", "#show") gone, the
 * words of "#align(…)[…]", "#grid(…)" and "#text(…)[…]" on lines of their own (a "\" a line break),
 * "*strong*" and "_emphasis_" plain, "+ " and "- " list items as bullets, and each "#table" the pipe table
 * it draws (text-tables.ts reads it): a cell across the table a row spanning it, a cell down two rows
 * written again in the second.
 */
import { gridRows, pipeRow, pipeRule, type SpanCell } from './pipe-rows';

/** The end of the bracket or parenthesis opened at `open`, past strings and nested pairs. */
function closing(text: string, open: number): number {
  const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [];
  let quoted = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\\') {
      i++;
      continue;
    }
    const inCode = stack[stack.length - 1] !== ']';
    if (c === '"' && inCode) quoted = !quoted;
    if (quoted) continue;
    if (pairs[c]) stack.push(pairs[c] ?? '');
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

/** Markup inside content: "*x*" → x, "_x_" → x, "\" → a line break, "#text(…)[x]" → x. */
function words(content: string): string {
  let out = content;
  for (let at = out.search(/#\w+(?:\.\w+)*\(/); at >= 0; at = out.search(/#\w+(?:\.\w+)*\(/)) {
    const open = out.indexOf('(', at);
    const end = closing(out, open);
    if (end < 0) break;
    const body = out[end + 1] === '[' ? closing(out, end + 1) : -1;
    out = `${out.slice(0, at)}${body > 0 ? out.slice(end + 2, body) : ''}${out.slice((body > 0 ? body : end) + 1)}`;
  }
  return out
    .replace(/\*([^*\n]+)\*/g, '$1')
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,;:])/g, '$1$2')
    .replace(/\s*\\\s*(?:\n\s*)?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .join('\n')
    .trim();
}

/** The call's arguments split at its top-level commas. */
function args(inner: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i] ?? '';
    if ('([{'.includes(c)) {
      const end = closing(inner, i);
      if (end > 0) i = end;
    } else if (c === '"') {
      const end = inner.indexOf('"', i + 1);
      if (end > 0) i = end;
    } else if (c === ',') {
      out.push(inner.slice(from, i).trim());
      from = i + 1;
    }
  }
  out.push(inner.slice(from).trim());
  return out.filter(Boolean);
}

/** "[x]" or "table.cell(colspan: 5)[x]" → the cell; anything else (a setting) → null. */
function cellOf(arg: string): SpanCell | null {
  const plain = /^\[([\s\S]*)\]$/.exec(arg);
  if (plain) return { text: words(plain[1] ?? ''), colspan: 1, rowspan: 1 };
  const call = /^(?:table\.)?cell\(([^)]*)\)\s*\[([\s\S]*)\]$/.exec(arg);
  if (!call) return null;
  const span = (name: string): number =>
    Number(new RegExp(`${name}:\\s*(\\d+)`).exec(call[1] ?? '')?.[1] ?? 1);
  return { text: words(call[2] ?? ''), colspan: span('colspan'), rowspan: span('rowspan') };
}

function columnsOf(settings: readonly string[]): number {
  const columns = settings.find((a) => /^columns\s*:/.test(a))?.replace(/^columns\s*:\s*/, '') ?? '';
  if (/^\d+$/.test(columns)) return Number(columns);
  const list = /^\(([\s\S]*)\)$/.exec(columns)?.[1];
  return list ? args(list).length : 0;
}

function tableLines(inner: string): string[] {
  const all = args(inner);
  const width = columnsOf(all);
  if (width < 2) return [];
  const header = all.find((a) => /^table\.header\(/.test(a));
  const head = (header ? args(header.slice(header.indexOf('(') + 1, -1)).map(cellOf) : [])
    .filter((c): c is SpanCell => c !== null)
    .map((c) => c.text.replace(/\n/g, ' '));
  const rows = gridRows(
    all.map(cellOf).filter((c): c is SpanCell => c !== null),
    width,
  );
  return [
    '',
    ...(head.length > 0 ? [pipeRow(head), pipeRule(head.length)] : []),
    ...rows.flatMap((r, i) => (head.length === 0 && i === 1 ? [pipeRule(width), pipeRow(r)] : [pipeRow(r)])),
    '',
  ];
}

/** A Typst source: settings or calls at the margin, and a table or a block of content. */
function looksLikeTypst(text: string): boolean {
  return /^#(?:set|show|let|import)\s/m.test(text) && /^#(?:table|grid|align|text|block)\(/m.test(text);
}

export function typstAsText(source: string): string {
  if (!looksLikeTypst(source)) return source;
  const text = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/(?<!:)\/\/.*$/gm, '');
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const at = text.slice(i).search(/^#[a-z]+(?:\.[a-z]+)*(?:\(|\[|\s)/m);
    if (at < 0) {
      out.push(words(text.slice(i)));
      break;
    }
    out.push(words(text.slice(i, i + at)));
    const start = i + at;
    const name = /^#([a-z]+(?:\.[a-z]+)*)/.exec(text.slice(start))?.[1] ?? '';
    const open = start + name.length + 1;
    if (
      ['set', 'show', 'let', 'import', 'include'].includes(name) ||
      (text[open] !== '(' && text[open] !== '[')
    ) {
      const eol = text.indexOf('\n', start);
      // "#set page(…)" may run over lines: to its closing parenthesis.
      const paren = text.indexOf('(', start);
      const end = paren >= 0 && (eol < 0 || paren < eol) ? closing(text, paren) : eol;
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    const end = closing(text, open);
    if (end < 0) {
      out.push(text.slice(start));
      break;
    }
    const inner = text.slice(open + 1, end);
    const trailing = text[end + 1] === '[' ? closing(text, end + 1) : -1;
    if (name === 'table') out.push(...tableLines(inner));
    else if (text[open] === '[') out.push(words(inner));
    else {
      // "#grid(columns: …, [cell], [cell])", "#align(center)[…]": the content, each cell a block of lines.
      const parts = args(inner)
        .map(cellOf)
        .filter((c): c is SpanCell => c !== null);
      out.push(...parts.map((c) => c.text), ...(trailing > 0 ? [words(text.slice(end + 2, trailing))] : []));
    }
    i = (trailing > 0 ? trailing : end) + 1;
  }
  return out
    .join('\n')
    .replace(/^\s*\+\s+/gm, '- ')
    .replace(/\n{3,}/g, '\n\n');
}
