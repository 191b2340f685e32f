/**
 * A plan saved or pasted as HTML source (a web page's "view source", an e-office's export): paragraphs
 * in <p>, the work in a <table>. The text becomes lines, each table row a "| … | … |" row the pipe-table
 * reader takes (text-tables.ts), its header row followed by a rule; a row of one cell spanning the table
 * ("I. THÁNG 01/2027") is a section row. Entities are decoded; a <br> inside a cell joins its lines.
 */
import { pipeRow, pipeRule, spanningRow } from './pipe-rows';

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** Tags it takes to read a text as HTML rather than as a plan that mentions "<b>". */
const MIN_TAGS = 6;

function decode(text: string): string {
  return text
    .replace(/&#(\d{1,6});/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole);
}

/** A cell's or a paragraph's words, its tags gone. */
function plain(html: string): string {
  return decode(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function rowOf(tr: string, width: number): { cells: string[]; header: boolean } {
  const cells = [...tr.matchAll(/<(t[hd])\b([^>]*)>([\s\S]*?)<\/t[hd]>/gi)];
  const header = cells.length > 0 && cells.every((c) => (c[1] ?? '').toLowerCase() === 'th');
  const texts = cells.map((c) => plain(c[3] ?? '').replace(/\|/g, '/'));
  const span = Number(/colspan\s*=\s*"?(\d+)/i.exec(cells[0]?.[2] ?? '')?.[1] ?? 1);
  if (cells.length === 1 && span >= 2 && width > 1) {
    return { cells: spanningRow(texts[0] ?? '', width), header: false };
  }
  return { cells: texts, header };
}

export function htmlAsText(text: string): string {
  const tags = text.match(/<\/?(?:p|br|table|tr|td|th|div|b|i|li|h[1-6])\b[^>]*>/gi) ?? [];
  if (tags.length < MIN_TAGS) return text;
  const out: string[] = [];
  let width = 0;
  const blocks = text.split(/(<table\b[\s\S]*?<\/table>)/i);
  for (const block of blocks) {
    if (/^<table\b/i.test(block)) {
      let ruled = false;
      for (const tr of block.match(/<tr\b[\s\S]*?<\/tr>/gi) ?? []) {
        const { cells, header } = rowOf(tr, width);
        if (header || width === 0) width = Math.max(width, cells.length);
        out.push(pipeRow(cells));
        if (header && !ruled) {
          out.push(pipeRule(cells.length));
          ruled = true;
        }
      }
      continue;
    }
    const lines = block
      .replace(/<li\b[^>]*>/gi, '\n- ')
      .replace(/<\/?(?:p|div|h[1-6]|ul|ol|li|tr)\b[^>]*>/gi, '\n')
      .replace(/<br\s*\/?>/gi, '\n')
      .split('\n')
      .map((l) => decode(l.replace(/<[^>]+>/g, '')).trim())
      .filter((l) => l.length > 0);
    out.push(...lines);
  }
  return out.join('\n');
}
