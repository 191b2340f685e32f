/**
 * A plan kept as MediaWiki source (an agency's internal wiki, "view source"): the words without their
 * markup, and each table ("{| … |}") a "| … |" table the pipe-table reader takes (text-tables.ts).
 *
 *   {| class="wikitable"
 *   ! TT !! Nội dung công việc !! Đơn vị chủ trì !! Thời gian
 *   |-
 *   | colspan="4" | '''THÁNG 01/2027'''
 *   |-
 *   | 1 || Họp Ban Thường vụ … || Văn phòng || Tuần 2
 *   |-
 *   | 4 || Hoàn thiện hồ sơ quyết toán … || rowspan="2" | Phòng Kế toán || Trước 25/01
 *   |}
 *
 * A row's cells may sit on one line split by "||" or one per line. A cell spanning rows ("rowspan") is
 * written again in the rows below it, as the reader sees it. A row spanning the table is a group row when
 * it is numbered or in capitals ("THÁNG 01/2027"), otherwise a note ("Nghỉ Tết …") and no row at all.
 */
import { isNumberedSpan, pipeRow, pipeRule, spanningRow } from './pipe-rows';

/** A cell's attributes before its content: `colspan="6" style="…" | text`. */
const ATTRIBUTES = /^\s*((?:[a-z-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s|]+)\s*)+)\|(?!\|)/i;

/** Wiki markup as plain words: bold, italics, links, line breaks, tags. */
function words(wiki: string): string {
  return wiki
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/'{2,}/g, '')
    .replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, '$1')
    .replace(/\[(?:https?:)?\/\/\S+\s+([^\]]*)\]/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Cell {
  text: string;
  colspan: number;
  rowspan: number;
}

function cellOf(raw: string): Cell {
  const m = ATTRIBUTES.exec(raw);
  const attrs = m?.[1] ?? '';
  const text = m ? raw.slice(m[0].length) : raw;
  const num = (name: string): number =>
    Number(new RegExp(`${name}\\s*=\\s*"?(\\d+)`, 'i').exec(attrs)?.[1] ?? 1);
  return { text: words(text).replace(/\|/g, '/'), colspan: num('colspan'), rowspan: num('rowspan') };
}

interface Row {
  cells: Cell[];
  header: boolean;
}

/** The rows of one table, each a list of cells as written (before rowspans are filled in). */
function rowsOf(lines: readonly string[]): Row[] {
  // Every "|-" opens a row; a row left without cells (before the first "|-", or two rules running) is none.
  const rows: Row[] = [{ cells: [], header: true }];
  let last: Cell | null = null;
  for (const line of lines) {
    const t = line.trim();
    const row = rows[rows.length - 1] ?? { cells: [], header: true };
    if (/^\|-/.test(t)) {
      rows.push({ cells: [], header: true });
      last = null;
    } else if (/^\|\+/.test(t)) {
      continue;
    } else if (t.startsWith('!')) {
      for (const c of t.slice(1).split('!!')) row.cells.push((last = cellOf(c)));
    } else if (t.startsWith('|')) {
      row.header = false;
      for (const c of t.slice(1).split('||')) row.cells.push((last = cellOf(c)));
    } else if (last && t !== '') {
      // A cell's text running on to the next line.
      last.text = `${last.text} ${words(t)}`.trim();
    }
  }
  return rows.filter((r) => r.cells.length > 0);
}

function tableAsPipes(lines: readonly string[]): string[] {
  const rows = rowsOf(lines);
  const width = Math.max(0, ...rows.map((r) => r.cells.reduce((n, c) => n + c.colspan, 0)));
  const out: string[] = [];
  let ruled = false;
  // Cells still spanning down: column → { text, rows left }.
  const carried = new Map<number, { text: string; left: number }>();
  for (const row of rows) {
    if (row.cells.length === 1 && (row.cells[0]?.colspan ?? 1) >= 2 && width > 1) {
      const span = row.cells[0]?.text ?? '';
      const letters = span.replace(/[^\p{L}]/gu, '');
      if (isNumberedSpan(span) || (letters !== '' && letters === letters.toUpperCase())) {
        out.push(pipeRow(spanningRow(span, width)));
      }
      continue;
    }
    const cells: string[] = [];
    let col = 0;
    const fillCarried = (): void => {
      for (let held = carried.get(col); held; held = carried.get(col)) {
        cells.push(held.text);
        if (--held.left === 0) carried.delete(col);
        col++;
      }
    };
    for (const cell of row.cells) {
      fillCarried();
      if (cell.rowspan > 1) carried.set(col, { text: cell.text, left: cell.rowspan - 1 });
      for (let i = 0; i < cell.colspan; i++) cells.push(i === 0 ? cell.text : '');
      col += cell.colspan;
    }
    fillCarried();
    out.push(pipeRow(cells));
    if (row.header && !ruled) {
      out.push(pipeRule(cells.length));
      ruled = true;
    }
  }
  return out;
}

/** The plan's text outside tables: headings, bullets and emphasis as plain lines. */
function proseLine(line: string): string {
  const heading = /^\s*(=+)\s*(.*?)\s*\1\s*$/.exec(line);
  if (heading) return words(heading[2] ?? '');
  const bullet = /^\s*([*#]+)\s*(.*)$/.exec(line);
  if (bullet) return `- ${words(bullet[2] ?? '')}`;
  return line.replace(/'{2,}/g, '').replace(/<br\s*\/?>/gi, ' ');
}

export function mediawikiAsText(text: string): string {
  const lines = text.split('\n');
  if (!lines.some((l) => /^\s*\{\|/.test(l)) || !lines.some((l) => /^\s*\|\}/.test(l))) return text;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!/^\s*\{\|/.test(line)) {
      out.push(proseLine(line));
      continue;
    }
    let end = i + 1;
    while (end < lines.length && !/^\s*\|\}/.test(lines[end] ?? '')) end++;
    const caption = lines.slice(i + 1, end).find((l) => /^\s*\|\+/.test(l));
    if (caption) out.push(words(caption.replace(/^\s*\|\+/, '')));
    out.push(...tableAsPipes(lines.slice(i + 1, end)));
    i = end;
  }
  return out.join('\n');
}
