/**
 * A plan posted on a forum or an intranet board in BBCode:
 *
 *   [center][b]CHƯƠNG TRÌNH CÔNG TÁC QUÝ I/2027[/b][/center]
 *   [table]
 *   [tr][th]TT[/th][th]Nội dung công việc[/th][th]Thời gian[/th][th]Đơn vị chủ trì[/th][/tr]
 *   [tr][td colspan=4][b]THÁNG 01/2027[/b][/td][/tr]
 *   [tr][td]1[/td][td]Họp Ban Thường vụ …[/td][td]Sáng 08/01/2027[/td][td rowspan=2]VP[/td][/tr]
 *   [/table]
 *
 * It becomes the text the board shows: markup ("[b]", "[center]", "[size=150]", "[color=red]", "[quote]")
 * gone, "[*]" items bullets, and each "[table]" the pipe table it draws (text-tables.ts reads it): a cell
 * across the table a row spanning it, a cell down several rows written again in each, a row struck
 * through in every cell ("[s]…[/s]", a row withdrawn) left out.
 */
import { gridRows, pipeRow, pipeRule, type SpanCell } from './pipe-rows';

/** Tags it takes to read a text as BBCode rather than as a plan that writes "[1]". */
const MIN_TAGS = 6;
// Lower case, as boards write them: "[A] … [B] …" are a spreadsheet's column letters (letter-cells.ts).
const TAG =
  /\[\/?(?:b|i|u|s|center|right|left|size|color|font|quote|url|table|tr|td|th|list|\*)(?:=[^\]]*)?(?:\s[^\]]*)?\]/g;

/** A cell's or a line's words, the markup gone. */
function plain(text: string): string {
  return text
    .replace(/\[\*\]/g, '\n- ')
    .replace(/\[img\][\s\S]*?\[\/img\]/gi, '')
    .replace(TAG, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Struck through whole: every word of the cell inside "[s]…[/s]" (or empty, as a note cell may be). */
function struck(cell: string): boolean {
  const bare = cell
    .replace(/\[s\][\s\S]*?\[\/s\]/gi, '')
    .replace(TAG, '')
    .trim();
  return /\[s\]/i.test(cell) && bare.length === 0;
}

function tableLines(table: string): string[] {
  const rows = [...table.matchAll(/\[tr\]([\s\S]*?)\[\/tr\]/gi)].map((m) => m[1] ?? '');
  const cellsOf = (row: string): { tag: string; attrs: string; body: string }[] =>
    [...row.matchAll(/\[(t[dh])([^\]]*)\]([\s\S]*?)\[\/t[dh]\]/gi)].map((m) => ({
      tag: (m[1] ?? '').toLowerCase(),
      attrs: m[2] ?? '',
      body: m[3] ?? '',
    }));
  const first = cellsOf(rows[0] ?? '');
  const header = first.length > 0 && first.every((c) => c.tag === 'th');
  const width = Math.max(
    1,
    ...rows.map((r) =>
      cellsOf(r).reduce((n, c) => n + Number(/colspan\s*=\s*"?(\d+)/i.exec(c.attrs)?.[1] ?? 1), 0),
    ),
  );
  const cells: SpanCell[] = [];
  for (const row of header ? rows.slice(1) : rows) {
    const own = cellsOf(row);
    // A row withdrawn: its words struck through, a note beside them ("Bỏ – chuyển sang Quý II").
    const words = own.filter((c) => plain(c.body).length > 0);
    if (
      words.length > 1 &&
      words.filter((c) => struck(c.body)).length >= words.length - 1 &&
      own.some((c) => struck(c.body))
    )
      continue;
    for (const c of own)
      cells.push({
        text: plain(c.body).replace(/\|/g, '/').replace(/\n/g, ' '),
        colspan: Number(/colspan\s*=\s*"?(\d+)/i.exec(c.attrs)?.[1] ?? 1),
        rowspan: Number(/rowspan\s*=\s*"?(\d+)/i.exec(c.attrs)?.[1] ?? 1),
      });
  }
  const head = header ? [pipeRow(first.map((c) => plain(c.body))), pipeRule(width)] : [];
  return ['', ...head, ...gridRows(cells, width).map(pipeRow), ''];
}

export function bbcodeAsText(text: string): string {
  const tags = text.match(TAG) ?? [];
  if (tags.length < MIN_TAGS || !/\[\/(?:b|i|table|center|quote|size|color)\]/.test(text)) return text;
  const out: string[] = [];
  for (const block of text.split(/(\[table[^\]]*\][\s\S]*?\[\/table\])/i)) {
    if (/^\[table/i.test(block)) out.push(...tableLines(block));
    else out.push(...block.split('\n').map(plain));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
