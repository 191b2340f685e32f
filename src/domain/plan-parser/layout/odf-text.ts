/**
 * A plan kept as an OpenDocument text saved flat (LibreOffice's .fodt: one XML file, not a zip):
 *
 *   <office:document …><office:body><office:text>
 *     <text:p>LIÊN MINH HTX THÀNH PHỐ …</text:p> …
 *     <table:table>
 *       <table:table-row><table:table-cell><text:p>TT</text:p></table:table-cell> …</table:table-row>
 *       <table:table-row><table:table-cell table:number-columns-spanned="5"><text:p>I. THÁNG 01/2027</text:p>
 *         </table:table-cell><table:covered-table-cell/> …</table:table-row>
 *       <table:table-row> … <table:table-cell table:number-rows-spanned="2"><text:p>Sáng 07/01</text:p> …
 *       <table:table-row> … <text:span text:style-name="T_Gach">Tọa đàm …</text:span> …
 *
 * Paragraphs and headings become lines, list items "- " lines, and each table row a "| … |" row the
 * pipe-table reader takes (text-tables.ts), its first row the header: a cell merged down several rows is
 * written again in each, a row of one cell across the table is a section row. Text struck through (its
 * style's line-through) was taken out of the plan: a row left with nothing of its own is dropped.
 */
import { DOMParser } from '@xmldom/xmldom';
import { pipeRow, pipeRule, spanningRow } from './pipe-rows';

interface OdfNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<OdfNode>;
  getAttribute?(name: string): string | null;
}

const ELEMENT = 1;
const TEXT = 3;

const kids = (node: OdfNode): OdfNode[] => Array.from(node.childNodes);
const attr = (node: OdfNode, name: string): string => node.getAttribute?.(name) ?? '';

function* elements(node: OdfNode, name: string): Generator<OdfNode> {
  for (const c of kids(node)) {
    if (c.nodeType !== ELEMENT) continue;
    if (c.nodeName === name) yield c;
    else yield* elements(c, name);
  }
}

/** Styles whose text is struck through: `style:text-line-through-style` set and not "none". */
function struckStyles(root: OdfNode): Set<string> {
  const struck = new Set<string>();
  for (const style of elements(root, 'style:style')) {
    for (const props of elements(style, 'style:text-properties')) {
      const line = attr(props, 'style:text-line-through-style');
      if (line && line !== 'none') struck.add(attr(style, 'style:name'));
    }
  }
  return struck;
}

/** A paragraph's words, struck text left out; a tab, a line break and spaces are one space. */
function words(node: OdfNode, struck: ReadonlySet<string>): string {
  let out = '';
  for (const c of kids(node)) {
    if (c.nodeType === TEXT) out += c.nodeValue ?? '';
    else if (c.nodeType !== ELEMENT) continue;
    else if (/^text:(?:s|tab|line-break)$/.test(c.nodeName)) out += ' ';
    else if (struck.has(attr(c, 'text:style-name'))) continue;
    else if (!/^(?:office:annotation|text:note)$/.test(c.nodeName)) out += words(c, struck);
  }
  return out.replace(/\s+/g, ' ').trim();
}

function hasStruck(node: OdfNode, struck: ReadonlySet<string>): boolean {
  return kids(node).some(
    (c) => c.nodeType === ELEMENT && (struck.has(attr(c, 'text:style-name')) || hasStruck(c, struck)),
  );
}

/** The lines of a block: paragraphs and headings one each, list items opened by "- ". */
function blockLines(node: OdfNode, struck: ReadonlySet<string>, out: string[]): void {
  for (const c of kids(node)) {
    if (c.nodeType !== ELEMENT) continue;
    if (c.nodeName === 'text:p' || c.nodeName === 'text:h') {
      const line = words(c, struck);
      if (line) out.push(line);
    } else if (c.nodeName === 'text:list-item') {
      const inner: string[] = [];
      blockLines(c, struck, inner);
      out.push(...inner.map((l, i) => (i === 0 && !/^[-–•+*]\s/u.test(l) ? `- ${l}` : l)));
    } else if (c.nodeName === 'table:table') out.push(...tableLines(c, struck));
    else blockLines(c, struck, out);
  }
}

function tableLines(table: OdfNode, struck: ReadonlySet<string>): string[] {
  const rows = [...elements(table, 'table:table-row')];
  const width = Math.max(
    ...rows.map((r) =>
      kids(r)
        .filter((c) => c.nodeType === ELEMENT && /^table:(?:covered-)?table-cell$/.test(c.nodeName))
        .reduce((n, c) => n + Math.max(1, Number(attr(c, 'table:number-columns-repeated') || 1)), 0),
    ),
  );
  const held = new Map<number, { text: string; rows: number }>();
  const out: string[] = [];
  rows.forEach((row, r) => {
    const cells: string[] = [];
    let own = 0;
    let struckOut = false;
    let spanning = '';
    for (const cell of kids(row).filter((c) => c.nodeType === ELEMENT)) {
      const col = cells.length;
      if (cell.nodeName === 'table:covered-table-cell') {
        const above = held.get(col);
        cells.push(above && above.rows > 0 ? above.text : '');
        if (above) above.rows--;
        continue;
      }
      if (cell.nodeName !== 'table:table-cell') continue;
      const lines: string[] = [];
      blockLines(cell, struck, lines);
      const text = lines.join(' ').replace(/\|/g, '/');
      if (text) own++;
      if (Number(attr(cell, 'table:number-columns-spanned') || 1) >= width && col === 0) spanning = text;
      const down = Number(attr(cell, 'table:number-rows-spanned') || 1);
      if (down > 1) held.set(col, { text, rows: down - 1 });
      const repeat = Math.max(1, Number(attr(cell, 'table:number-columns-repeated') || 1));
      for (let k = 0; k < repeat; k++) cells.push(k === 0 ? text : '');
      // A number or a content struck through takes the row out of the plan.
      if (!text && col <= 1 && hasStruck(cell, struck)) struckOut = true;
    }
    if (own === 0 || struckOut) return;
    out.push(
      pipeRow(
        spanning ? spanningRow(spanning, width) : [...cells, ...Array<string>(width - cells.length).fill('')],
      ),
    );
    if (r === 0) out.push(pipeRule(width));
  });
  return out;
}

/** Only a flat OpenDocument file is tried: its root element and its body's text. */
const looksLikeOdf = (text: string): boolean =>
  /<office:document\b/.test(text) && /<office:text\b/.test(text);

export function odfTextAsText(source: string): string {
  if (!looksLikeOdf(source)) return source;
  let doc: { documentElement: OdfNode | null } | undefined;
  try {
    const quiet = { warning: () => undefined, error: () => undefined, fatalError: () => undefined };
    doc = new DOMParser({ errorHandler: quiet }).parseFromString(source, 'text/xml') as unknown as {
      documentElement: OdfNode | null;
    };
  } catch {
    return source;
  }
  const root = doc?.documentElement;
  const body = root ? [...elements(root, 'office:text')][0] : undefined;
  if (!root || !body) return source;
  const lines: string[] = [];
  blockLines(body, struckStyles(root), lines);
  return lines.length > 0 ? lines.join('\n') : source;
}
