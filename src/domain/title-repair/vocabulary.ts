/**
 * The words a repair may propose, and how often each follows another. Built from text known to be
 * clean: well-typed plans of the genre, the organisation's own names (its departments, itself) and the
 * plan at hand when most of it survived the scan. Pure: the caller brings the texts.
 */
import { checkTitle, hasMarks, suspiciousWords } from '../ocr-check';
import { skeleton } from './skeleton';

/** A text with more damaged words than this share is a scan itself and teaches nothing. */
export const MAX_DAMAGED_SHARE = 0.02;
/** Names of the organisation and its departments count as this many plain occurrences: they are sure. */
export const NAME_WEIGHT = 3;

export interface Vocabulary {
  /** Lower-case word → occurrences. */
  readonly words: ReadonlyMap<string, number>;
  /** "prev next" (lower case) → occurrences. */
  readonly pairs: ReadonlyMap<string, number>;
  /** Skeleton → the words that have it, most frequent first. */
  readonly bySkeleton: ReadonlyMap<string, readonly string[]>;
  readonly total: number;
}

const WORD = /[\p{L}\p{M}]+/gu;

export function wordsOf(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(WORD) ?? []).filter((w) => w.length > 0);
}

/** Vietnamese carries marks on most words; a text with fewer was typed without them (or lost them). */
export const MIN_ACCENTED_SHARE = 0.4;

/** Most of the text survived: few words spelled as no Vietnamese word is, and the marks are there. */
export function isClean(text: string): boolean {
  const words = wordsOf(text);
  if (words.length === 0) return false;
  const marked = words.filter(hasMarks).length;
  // Table rules and pipes ("|", "___") are layout, not misread words.
  const damaged = suspiciousWords(text).filter((w) => /\p{L}/u.test(w)).length;
  return damaged / words.length <= MAX_DAMAGED_SHARE && marked / words.length >= MIN_ACCENTED_SHARE;
}

/** Counts as stored in a file: what the genre's plans taught, to start a vocabulary from. */
export interface WordCounts {
  words: Record<string, number>;
  pairs: Record<string, number>;
}

type Counts = { words: Map<string, number>; pairs: Map<string, number> };

/** Adds a run of words (one line, one name) to the counts: each word, and each word after the one before. */
function tally(into: Counts, sequence: readonly string[], weight: number): void {
  let prev: string | null = null;
  for (const w of sequence) {
    into.words.set(w, (into.words.get(w) ?? 0) + weight);
    if (prev) into.pairs.set(`${prev} ${w}`, (into.pairs.get(`${prev} ${w}`) ?? 0) + weight);
    prev = w;
  }
}

/** The lines of clean texts only that carry no damaged word. */
function tallyTexts(into: Counts, texts: readonly string[]): void {
  for (const text of texts) {
    if (!isClean(text)) continue;
    // A line with a damaged word teaches nothing, even in a plan that mostly survived: its other
    // words may be misread too ("Hoat déng truyén thong" spells syllables and is still wrong).
    for (const line of text.split('\n')) if (!checkTitle(line).damaged) tally(into, wordsOf(line), 1);
  }
}

/** The counts of clean texts, in a form a file can hold (see data/genre-words.json). */
export function countWords(texts: readonly string[]): WordCounts {
  const counts: Counts = { words: new Map(), pairs: new Map() };
  tallyTexts(counts, texts);
  return { words: Object.fromEntries(counts.words), pairs: Object.fromEntries(counts.pairs) };
}

export function buildVocabulary(
  texts: readonly string[],
  names: readonly string[] = [],
  base: WordCounts = { words: {}, pairs: {} },
): Vocabulary {
  const counts: Counts = {
    words: new Map(Object.entries(base.words)),
    pairs: new Map(Object.entries(base.pairs)),
  };
  tallyTexts(counts, texts);
  for (const name of names) tally(counts, wordsOf(name), NAME_WEIGHT);
  const { words, pairs } = counts;
  const total = [...words.values()].reduce((a, b) => a + b, 0);
  const groups = new Map<string, string[]>();
  for (const w of words.keys()) {
    const key = skeleton(w);
    if (!key) continue;
    const list = groups.get(key) ?? [];
    list.push(w);
    groups.set(key, list);
  }
  for (const list of groups.values()) list.sort((a, b) => (words.get(b) ?? 0) - (words.get(a) ?? 0));
  return { words, pairs, bySkeleton: groups, total };
}
