/**
 * Word files as plan text. Raw text loses what Word draws itself — automatic numbering ("1.", "a)")
 * and table layout — so the file goes through mammoth's HTML and back to lines the parser knows:
 * list items get their numbers, and a table of tasks (STT | Nội dung | Đơn vị chủ trì | Thời gian …)
 * becomes one item per row with its cells as "- <column>: <value>" lines.
 */
import type * as Mammoth from 'mammoth';
import { renderTaskTable } from '../domain/plan-parser/layout/task-table';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const LETTERS = 'abcdefghiklmnopqrstuvxy';

/** The mark Word would draw for item n of an ordered list at this depth. */
function listMark(depth: number, n: number, ordered: boolean): string {
  if (!ordered) return depth <= 1 ? '-' : '+';
  if (depth <= 1) return `${n}.`;
  if (depth === 2) return `${LETTERS[n - 1] ?? n})`;
  return '-';
}

type Row = string[];

/** A table with a header row gives one item per row (task-table.ts); any other table, one line per cell. */
function renderTable(rows: Row[]): string[] {
  return renderTaskTable(rows) ?? rows.flat().filter((c) => c.length > 0);
}

/** mammoth's HTML → lines of plan text. */
export function htmlToPlanText(html: string): string {
  const out: string[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  let para: string | null = null;
  let prefix = '';
  let table: Row[] | null = null;
  let cell: string[] | null = null;
  const flush = (): void => {
    const text = (para ?? '').replace(/\s+/g, ' ').trim();
    if (cell) {
      if (text) cell.push(text);
    } else if (text) out.push(prefix ? `${prefix} ${text}` : text);
    para = null;
    prefix = '';
  };
  const re = /<(\/?)([a-z0-9]+)\b[^>]*>|([^<]+)/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[3] !== undefined) {
      para = (para ?? '') + decode(m[3]);
      continue;
    }
    const close = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    if (tag === 'br') para = `${para ?? ''} `;
    else if (/^(p|h[1-6])$/.test(tag)) flush();
    else if (tag === 'ol' || tag === 'ul') {
      flush();
      if (close) lists.pop();
      else lists.push({ ordered: tag === 'ol', n: 0 });
    } else if (tag === 'li') {
      flush();
      const list = lists[lists.length - 1];
      if (!close && list && !cell) {
        list.n += 1;
        prefix = listMark(lists.length, list.n, list.ordered);
        para = '';
      }
    } else if (tag === 'table') {
      flush();
      if (close && table) {
        out.push(...renderTable(table));
        table = null;
      } else if (!close) table = [];
    } else if (tag === 'tr' && !close && table) table.push([]);
    else if (tag === 'td' || tag === 'th') {
      flush();
      if (close && cell && table) {
        table[table.length - 1]?.push(cell.join('; '));
        cell = null;
      } else if (!close) cell = [];
    }
  }
  flush();
  return out.join('\n');
}

export async function docxToPlanText(buffer: Buffer): Promise<string> {
  // Loaded by the first Word plan, not when the bot starts (~6 MB once loaded).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
  const mammoth = require('mammoth') as typeof Mammoth;
  const { value } = await mammoth.convertToHtml({ buffer });
  return htmlToPlanText(value);
}
