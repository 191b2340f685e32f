/**
 * Folding of Vietnamese text for matching: case, diacritics and the usual damage of OCR scans.
 *
 * `fold` keeps the string's length (one folded character per input character) so that a match found in
 * the folded text can be cut out of the original text at the same offsets.
 */

const LIGATURES: Record<string, string> = { ﬁ: 'fi', ﬂ: 'fl', ﬀ: 'ff', ﬃ: 'ffi', ﬄ: 'ffl' };

/** Word exports mark labels as **bold** or *italic*; only a star that opens a line as a bullet is kept. */
function dropEmphasis(line: string): string {
  const bullet = /^\s*\*\s/.exec(line)?.[0] ?? '';
  return bullet + line.slice(bullet.length).replace(/\*/g, '');
}

/** Puts raw text into one canonical form (NFC, plain spaces, no markdown emphasis) before any parsing. */
export function normalizeText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[ﬁﬂﬀﬃﬄ]/g, (c) => LIGATURES[c] ?? c)
    .split('\n')
    .map(dropEmphasis)
    .join('\n');
}

function foldChar(c: string): string {
  if (c === 'đ' || c === 'Đ') return 'd';
  const base = c.normalize('NFD').charAt(0).toLowerCase();
  return base.length === 1 ? base : c;
}

/**
 * Lower case, no diacritics, đ → d; same length as the input (which must be normalizeText'ed).
 * OCR reads Đ as P ("Pai hoi" for Đại hội); a native Vietnamese word starts with p only in "ph", so a
 * word-initial p without h folds to d.
 */
export function fold(text: string): string {
  let out = '';
  for (const c of text) out += c.length === 1 ? foldChar(c) : c;
  return out.replace(/(^|[^a-z0-9])p(?=[a-gi-z])/g, '$1d');
}

/** Folded words only: letters and digits, everything else is a separator. */
export function foldWords(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Folded text with punctuation collapsed to single spaces, for phrase matching. */
export function foldPhrase(text: string): string {
  return foldWords(text).join(' ');
}

/** Levenshtein distance, bounded: returns `max + 1` as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/** How many edits an OCR'd word of this length may carry and still count as the same word. */
function wordTolerance(length: number): number {
  if (length <= 2) return 0;
  if (length <= 6) return 1;
  return 2;
}

/** Two folded words are the same word, allowing for OCR damage. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  // OCR damages vowels and tone marks inside a word; a different first letter is a different word
  // ("thường trực" is not "phương thức").
  if (a[0] !== b[0]) return false;
  const tol = wordTolerance(Math.max(a.length, b.length));
  return tol > 0 && editDistance(a, b, tol) <= tol;
}

/** Whether `words` (folded) begins with the phrase (folded words), allowing OCR damage per word. */
export function startsWithWords(words: readonly string[], phrase: readonly string[], offset = 0): boolean {
  if (words.length - offset < phrase.length) return false;
  return phrase.every((p, i) => sameWord(words[offset + i] ?? '', p));
}

/** Whether the folded word list contains the phrase anywhere; returns its word index or -1. */
export function findWords(words: readonly string[], phrase: readonly string[], from = 0): number {
  for (let i = from; i + phrase.length <= words.length; i++) {
    if (startsWithWords(words, phrase, i)) return i;
  }
  return -1;
}

/** Whether the two folded phrases are alike within a relative edit budget (for whole unit names). */
export function similarPhrase(a: string, b: string, ratio = 0.15): boolean {
  if (a === b) return true;
  const budget = Math.floor(Math.max(a.length, b.length) * ratio);
  return budget > 0 && editDistance(a, b, budget) <= budget;
}

/** Character trigrams of the folded phrase, padded with spaces, as the scorer and similarity use them. */
export function trigrams(text: string): Set<string> {
  const f = ` ${foldPhrase(text)} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= f.length; i++) out.add(f.slice(i, i + 3));
  return out;
}

/** Share of `a`'s trigrams found in `b`. */
export function containment(a: Set<string>, b: Set<string>): number {
  if (a.size === 0) return 0;
  let n = 0;
  for (const g of a) if (b.has(g)) n++;
  return n / a.size;
}

export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

/** Folded words with their offsets in the (normalised) original text. */
export function wordSpans(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  const re = /[a-z0-9]+/g;
  const folded = fold(text);
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}
