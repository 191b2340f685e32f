/**
 * What is left of a word once OCR has had its way: no case, no diacritics, đ → d, and the glyphs a scan
 * reads for letters ("t6" for tổ, "x4" for xã, "K&" for Kế, "¢" for ở) turned back into those letters.
 * Two words with the same skeleton may be the same word; the distance below says how far apart two
 * skeletons are in the way scans damage them.
 */

const GLYPHS: Record<string, string> = {
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'o',
  '8': 'a',
  '&': 'e',
  '€': 'e',
  '¢': 'o',
  '©': 'o',
  $: 's',
  '|': 'l',
  '!': 'l',
};

export function skeleton(word: string): string {
  let out = '';
  for (const c of word.normalize('NFD').toLowerCase()) {
    if (/\p{M}/u.test(c)) continue;
    if (c === 'đ') out += 'd';
    else if (/[a-z]/.test(c)) out += c;
    else if (GLYPHS[c]) out += GLYPHS[c];
    // Anything else inside a scanned word ("th}_rc", "d(f)n,g", "céng téc‘") is dirt on the page.
  }
  return out;
}

const VOWELS = new Set('aeiouy');
/** Letters a scan mistakes for each other (thin strokes, open bowls). */
const LOOK_ALIKE = new Set([
  'il',
  'li',
  'it',
  'ti',
  'ce',
  'ec',
  'hb',
  'bh',
  'gq',
  'qg',
  'nu',
  'un',
  'mn',
  'nm',
  'rt',
  'tr',
  'jy',
  'yj',
  'ij',
  'ji',
  'dp',
  'pd',
]);

/** A vowel read as another vowel is the commonest damage (the marks that told them apart are gone). */
export const VOWEL_SWAP = 0.5;
export const LOOK_ALIKE_SWAP = 0.6;
export const OTHER_SWAP = 1;
/** A stray letter in, or one lost: "chirc" for chức, "hd" for hỗ. */
export const GAP = 0.8;

function swapCost(a: string, b: string): number {
  if (a === b) return 0;
  if (VOWELS.has(a) && VOWELS.has(b)) return VOWEL_SWAP;
  if (LOOK_ALIKE.has(a + b)) return LOOK_ALIKE_SWAP;
  return OTHER_SWAP;
}

/** Weighted edit distance between two skeletons; gives up (returns Infinity) once it exceeds `limit`. */
export function scanDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) * GAP > limit) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j * GAP);
  for (let i = 1; i <= a.length; i++) {
    const row = [i * GAP];
    let best = row[0]!;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j - 1]! + swapCost(a[i - 1]!, b[j - 1]!), prev[j]! + GAP, row[j - 1]! + GAP);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return Infinity;
    prev = row;
  }
  const d = prev[b.length]!;
  return d > limit ? Infinity : d;
}
