/**
 * The text layer of a PDF, page after page, through unpdf.
 *
 * unpdf is ESM-only inside (its CommonJS entry itself calls `import('unpdf/pdfjs')`), so this CommonJS
 * project loads it with a dynamic import. Under a VM sandbox that disables import() — jest without
 * --experimental-vm-modules — the same module is loaded through Node's own loader instead.
 */
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { isHeaderRow } from '../domain/plan-parser/layout/task-table';

const importUnpdf = () => import('unpdf');
type Unpdf = Awaited<ReturnType<typeof importUnpdf>>;

function importDisabled(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING');
}

async function loadUnpdf(): Promise<Unpdf> {
  try {
    return await importUnpdf();
  } catch (e) {
    if (!importDisabled(e)) throw e;
    const load = vm.runInThisContext('(url) => import(url)', {
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    }) as (url: string) => Promise<Unpdf>;
    return load(pathToFileURL(require.resolve('unpdf')).href);
  }
}

interface Placed {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

function placed(items: readonly unknown[]): Placed[] {
  const out: Placed[] = [];
  for (const it of items) {
    const item = it as { str?: unknown; transform?: unknown; width?: unknown };
    if (typeof item.str !== 'string' || !Array.isArray(item.transform)) continue;
    const [a, b, , , x, y] = item.transform as number[];
    out.push({
      // Composed letters, so that a line's length in characters is its width in columns.
      str: item.str.normalize('NFC'),
      x: x ?? 0,
      y: y ?? 0,
      width: typeof item.width === 'number' ? item.width : 0,
      size: Math.hypot(a ?? 0, b ?? 0) || 10,
    });
  }
  return out;
}

/**
 * A page's text laid out in character columns from the items' positions, so that a table whose
 * borders the PDF lost keeps its columns (cells apart by two or more spaces, each at its own column)
 * and a cell wrapped over several printed lines keeps its place. Words of one line stay one space apart.
 */
export function layoutLines(items: readonly Placed[], left: number): string[] {
  const sizes = items.map((i) => i.size).sort((a, b) => a - b);
  const size = sizes[Math.floor(sizes.length / 2)] ?? 10;
  const char = size * 0.5;
  const rows: Placed[][] = [];
  for (const item of [...items].sort((p, q) => q.y - p.y || p.x - q.x)) {
    const row = rows[rows.length - 1];
    if (row && Math.abs((row[0]?.y ?? 0) - item.y) < size * 0.4) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    let line = '';
    let end = -Infinity;
    for (const item of row.sort((p, q) => p.x - q.x)) {
      if (item.str.trim() === '') continue;
      const gap = item.x - end;
      if (gap < char * 1.5) line += gap > char * 0.15 && !line.endsWith(' ') ? ` ${item.str}` : item.str;
      else {
        const column = Math.max(Math.round((item.x - left) / char), line.length + (line ? 2 : 0));
        line = line.padEnd(column) + item.str;
      }
      end = item.x + item.width;
    }
    return line.trimEnd();
  });
}

/** A line of the page that names a table's columns, its cells being items far apart. */
function hasTableHeader(lines: readonly string[]): boolean {
  return lines.some((l) => {
    const cells = l.trim().split(/ {2,}/);
    return cells.length >= 3 && isHeaderRow(cells);
  });
}

export async function extractPdfText(data: Uint8Array): Promise<string> {
  const { extractText, getDocumentProxy } = await loadUnpdf();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(data));
  try {
    const pages: Placed[][] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      pages.push(placed((await page.getTextContent()).items));
    }
    const left = Math.min(...pages.flat().map((i) => i.x));
    const laid = pages.map((items) => layoutLines(items, left));
    // A table's columns need the positions; any other page reads as pdf.js joins its lines.
    if (laid.some(hasTableHeader)) return laid.map((lines) => lines.join('\n')).join('\n\n');
    const { text } = await extractText(pdf, { mergePages: false });
    return text.join('\n\n');
  } finally {
    await pdf.destroy();
  }
}
