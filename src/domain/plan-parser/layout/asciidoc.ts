/**
 * A plan kept as AsciiDoc source (written once, published as PDF and on the alliance's web page):
 *
 *   // a comment
 *   = CHƯƠNG TRÌNH CÔNG TÁC QUÝ I/2027
 *   :so-van-ban: 97/CTr-LMHTX
 *   *LIÊN MINH HTX TỈNH …* +
 *   Số: {so-van-ban}
 *   == II. NỘI DUNG
 *   [cols="1,9,3,4,4",options="header"]
 *   |===
 *   |TT |Nội dung công việc |Thời gian |Đơn vị chủ trì |Đơn vị phối hợp
 *   5+^h|THÁNG 01/2027
 *   |1
 *   |Họp Ban Thường vụ …
 *   .2+|Ban Kinh tế – Đối ngoại
 *   |===
 *   . Văn phòng theo dõi, đôn đốc …
 *
 * It becomes the text it publishes: comments and attribute lines gone and "{attributes}" written out,
 * headings "= …" and block titles ".Bảng 1" as lines, "*strong*" and "_emphasis_" plain, " +" line breaks
 * dropped, ". " items numbered, and each "|===" table the pipe table it draws (text-tables.ts reads it): a
 * cell's spec "5+" spans columns, ".2+" rows, styles ("^h", "e", "a") are left out.
 */
import { gridRows, pipeRow, pipeRule, type SpanCell } from './pipe-rows';

/** "5+^h|", ".2+|", "2.3+a|", "|": a cell's spec, then its bar. */
const CELL_START = /(?:^|(?<=\s))((?:\d+)?(?:\.\d+)?\+?[<^>]?(?:\.[<^>])?[adehlmsv]?)\|/g;

function plain(text: string, attributes: ReadonlyMap<string, string>): string {
  return text
    .replace(/\{([\w-]+)\}/g, (m, name: string) => attributes.get(name) ?? m)
    .replace(/\*([^*\n]+)\*/g, '$1')
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,;:])/g, '$1$2')
    .replace(/\s+\+$/, '')
    .trim();
}

function cellsOf(lines: readonly string[], attributes: ReadonlyMap<string, string>): SpanCell[] {
  const cells: SpanCell[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const starts = [...line.matchAll(CELL_START)];
    if (starts.length === 0 || (starts[0]?.index ?? 0) > 0) {
      // A line without a bar goes on with the cell above.
      const last = cells[cells.length - 1];
      if (last) last.text = `${last.text} ${plain(line, attributes)}`;
      if (starts.length === 0) continue;
    }
    starts.forEach((m, k) => {
      const spec = m[1] ?? '';
      const from = (m.index ?? 0) + m[0].length;
      const to = starts[k + 1]?.index ?? line.length;
      const span = /^(\d+)?(?:\.(\d+))?\+/.exec(spec);
      cells.push({
        text: plain(line.slice(from, to), attributes),
        colspan: span?.[1] ? Number(span[1]) : 1,
        rowspan: span?.[2] ? Number(span[2]) : 1,
      });
    });
  }
  return cells;
}

/** "1,9,3,4,4", "5*", "3*,2": the columns a "cols" attribute names. */
function columnsOf(spec: string): number {
  return spec
    .split(',')
    .map((c) => /^(\d+)\*/.exec(c.trim())?.[1])
    .reduce((n, times) => n + (times ? Number(times) : 1), 0);
}

function tableLines(
  body: readonly string[],
  options: string,
  attributes: ReadonlyMap<string, string>,
): string[] {
  const cells = cellsOf(body, attributes);
  const cols = /cols\s*=\s*"([^"]*)"/.exec(options)?.[1];
  // Without "cols", the first line's cells are the columns.
  const firstLine = body.find((l) => l.trim() !== '') ?? '';
  const width = cols ? columnsOf(cols) : [...firstLine.matchAll(CELL_START)].length;
  if (width < 2) return body.map((l) => plain(l, attributes));
  const rows = gridRows(cells, width);
  const [head, ...rest] = rows;
  return ['', ...(head ? [pipeRow(head), pipeRule(width)] : []), ...rest.map(pipeRow), ''];
}

function looksLikeAsciidoc(text: string): boolean {
  return /^\|===\s*$/m.test(text) && (/^=+ \S/m.test(text) || /^:[\w-]+:/m.test(text));
}

export function asciidocAsText(source: string): string {
  if (!looksLikeAsciidoc(source)) return source;
  const lines = source.replace(/^\/{4,}\s*$[\s\S]*?^\/{4,}\s*$/gm, '').split('\n');
  const attributes = new Map<string, string>();
  for (const l of lines) {
    const m = /^:([\w-]+):\s*(.*)$/.exec(l);
    if (m) attributes.set(m[1] ?? '', (m[2] ?? '').trim());
  }
  const out: string[] = [];
  let options = '';
  let number = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\/\//.test(line) || /^:[\w-]+:/.test(line)) continue;
    if (/^\[[^\]]*\]\s*$/.test(line)) {
      options = line;
      continue;
    }
    if (/^\|===\s*$/.test(line)) {
      const end = lines.findIndex((l, k) => k > i && /^\|===\s*$/.test(l));
      const stop = end < 0 ? lines.length : end;
      out.push(
        ...tableLines(
          lines.slice(i + 1, stop).filter((l) => !/^\/\//.test(l)),
          options,
          attributes,
        ),
      );
      options = '';
      i = stop;
      continue;
    }
    options = '';
    const item = /^\.\s+(.*)$/.exec(line);
    if (item) {
      out.push(`${++number}. ${plain(item[1] ?? '', attributes)}`);
      continue;
    }
    if (line.trim() === '') number = 0;
    out.push(plain(line.replace(/^=+\s+/, '').replace(/^\.(?=\S)/, ''), attributes));
  }
  return out.join('\n');
}
