/**
 * A plan saved from Word as Rich Text (.rtf, or its source pasted into a text file):
 *
 *   {\rtf1\ansi\ansicpg1258 {\fonttbl …}{\header … \par}
 *   \pard\qc{\b K\u7870? HO\u7840?CH}\par
 *   \trowd\cellx900\cellx6000 1\cell H\u7897?i ngh\u7883? …\cell\row
 *
 * It becomes the text Word shows: Vietnamese letters from their "\uNNNN?" and "\'hh" escapes, a line per
 * "\par", the font, colour and style tables, document information, running headers and footers, fields'
 * instructions and every "{\* …}" group left out, and a table's rows ("\trowd … \cell … \row") pipe rows,
 * a rule under the first (text-tables.ts reads them).
 */
import { pipeRule } from './pipe-rows';

/** Groups whose text is not the document's: tables of fonts and colours, metadata, headers, footers. */
const SKIPPED = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'listtable',
  'listoverridetable',
  'info',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'pict',
  'fldinst',
  'themedata',
  'colorschememapping',
  'latentstyles',
  'datastore',
  'xmlnstbl',
  'rsidtbl',
  'generator',
  'mmathPr',
  'filetbl',
  'revtbl',
  'pgdsctbl',
  'object',
  'bkmkstart',
  'bkmkend',
  'annotation',
  'atnid',
  'atnauthor',
]);

/** Bytes of a "\'hh" escape in the document's code page (Vietnamese Windows by default). */
function decodeBytes(bytes: number[], codePage: string): string {
  try {
    return new TextDecoder(codePage).decode(Uint8Array.from(bytes));
  } catch {
    return String.fromCharCode(...bytes);
  }
}

export function isRtf(text: string): boolean {
  return /^\s*\{\\rtf\d/.test(text);
}

export function rtfAsText(source: string): string {
  if (!isRtf(source)) return source;
  const codePage = `windows-${/\\ansicpg(\d+)/.exec(source)?.[1] ?? '1258'}`;
  const out: string[] = [];
  const stack: { skip: boolean; uc: number }[] = [];
  let skip = false;
  let uc = 1;
  let pendingSkip = 0;
  let bytes: number[] = [];
  let rowCells: string[] | null = null;
  let cell = '';
  let firstRow = true;
  const flushBytes = (): void => {
    if (bytes.length === 0) return;
    emit(decodeBytes(bytes, codePage));
    bytes = [];
  };
  const emit = (s: string): void => {
    if (skip) return;
    if (rowCells) cell += s;
    else {
      out.push(s);
      // Text outside a table ends it: the next table's first row is its header.
      if (/\S/.test(s)) firstRow = true;
    }
  };
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i] ?? '';
    if (c === '{' || c === '}') {
      flushBytes();
      if (c === '{') stack.push({ skip, uc });
      else {
        const prev = stack.pop();
        skip = prev?.skip ?? false;
        uc = prev?.uc ?? 1;
      }
      i++;
      continue;
    }
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (next === "'") {
        const hex = source.slice(i + 2, i + 4);
        i += 4;
        if (pendingSkip > 0) {
          pendingSkip--;
          continue;
        }
        if (!skip) bytes.push(parseInt(hex, 16));
        continue;
      }
      flushBytes();
      if (next === '*') {
        skip = true;
        i += 2;
        continue;
      }
      if (!/[a-zA-Z]/.test(next)) {
        // Control symbols: "\~" a hard space, "\_" a hard hyphen, "\{" "\}" "\\" themselves.
        const symbol: Record<string, string> = {
          '~': ' ',
          _: '-',
          '{': '{',
          '}': '}',
          '\\': '\\',
          '\n': '\n',
          '\r': '',
        };
        emit(symbol[next] ?? '');
        i += 2;
        continue;
      }
      const m = /^\\([a-zA-Z]+)(-?\d+)? ?/.exec(source.slice(i, i + 40));
      if (!m) {
        i++;
        continue;
      }
      i += m[0].length;
      const word = m[1] ?? '';
      const arg = m[2] === undefined ? null : Number(m[2]);
      if (SKIPPED.has(word)) skip = true;
      else if (word === 'uc' && arg !== null) uc = arg;
      else if (word === 'u' && arg !== null) {
        emit(String.fromCharCode(arg < 0 ? arg + 65536 : arg));
        pendingSkip = uc;
      } else if (word === 'par' || word === 'line' || word === 'sect' || word === 'page') emit('\n');
      else if (word === 'tab') emit('\t');
      else if (word === 'emdash') emit('—');
      else if (word === 'endash') emit('–');
      else if (word === 'bullet') emit('•');
      else if (word === 'lquote' || word === 'rquote') emit("'");
      else if (word === 'ldblquote' || word === 'rdblquote') emit('"');
      else if (word === 'trowd' && !skip) {
        rowCells ??= [];
      } else if (word === 'cell' && rowCells) {
        rowCells.push(cell.replace(/\s+/g, ' ').trim());
        cell = '';
      } else if (word === 'row' && rowCells) {
        out.push(`\n| ${rowCells.join(' | ')} |\n`);
        if (firstRow) out.push(`${pipeRule(rowCells.length)}\n`);
        firstRow = false;
        rowCells = null;
        cell = '';
      }
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (pendingSkip > 0) {
      pendingSkip--;
      i++;
      continue;
    }
    flushBytes();
    emit(c);
    i++;
  }
  flushBytes();
  return out
    .join('')
    .normalize('NFC')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}
