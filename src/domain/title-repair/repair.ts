/**
 * A proposed repair of a title a scan damaged: each word is replaced by the known word whose skeleton is
 * nearest (scan distance) and that best follows the word before it (counts of the vocabulary), chosen
 * for the whole title at once (Viterbi over the candidates), so "To chirc Thang hanh déng" becomes
 * "Tổ chức Tháng hành động" and not "To chức thang hành đồng". A noisy-channel speller: the channel is
 * the scan distance, the language the genre's own plans. Pure.
 */
import { checkTitle, suspiciousWords } from '../ocr-check';
import { scanDistance, skeleton } from './skeleton';
import type { Vocabulary } from './vocabulary';

/**
 * How much one unit of scan distance weighs against the language's odds (natural log). At 3 a rare name
 * the vocabulary learnt ("phường Kinh Bắc", set S) drew "tinh Bac Giang" to "kinh Bắc Giang"; at 4 the word
 * that needs no change of letters keeps it, and the scan 003 is read as well as before.
 */
export const CHANNEL_WEIGHT = 4;
/** A word farther than this (per letter of its skeleton, plus a constant) from every known word is left. */
export const LIMIT_PER_LETTER = 0.35;
export const LIMIT_BASE = 0.3;
/** Candidates kept per word, nearest first. */
export const MAX_CANDIDATES = 12;
/** Weight of the single-word odds inside the pair odds (interpolation for pairs never seen). */
export const BACKOFF = 2;

export interface TitleRepair {
  /** The title with the repair applied (the same as the input when nothing was found to change). */
  title: string;
  changed: boolean;
  /** Damaged words for which no known word was near enough: the repair left them as they were. */
  unresolved: string[];
}

export interface RepairOptions {
  /**
   * Every word may be wrong, not only those spelled impossibly: the title comes from a scan (the plan's
   * text is damaged) or was typed without accents, where "Thang" is a syllable and still not "Tháng".
   */
  everyWord?: boolean;
}

interface Token {
  lead: string;
  core: string;
  trail: string;
  /** Lower-case candidates with their scan distance; empty when the token is kept as written. */
  candidates: { word: string; cost: number }[];
}

const LEAD = /^[("“'‘«[]+/;
const TRAIL = /[)"”'’»\],.;:!?…]+$/;

function keepAsWritten(core: string): boolean {
  if (!/\p{L}/u.test(core)) return true; // numbers, dates, dashes
  if (core.includes('/')) return true; // document numbers "882/KH-BTVLMHTXVN"
  const letters = core.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && !/\d/.test(core); // HTX, UBND, VII
}

function logUnigram(vocab: Vocabulary, word: string): number {
  return Math.log(((vocab.words.get(word) ?? 0) + 0.1) / (vocab.total + 0.1 * (vocab.words.size + 1)));
}

function logNext(vocab: Vocabulary, prev: string | null, word: string): number {
  const uni = Math.exp(logUnigram(vocab, word));
  if (prev === null) return Math.log(uni);
  const pair = vocab.pairs.get(`${prev} ${word}`) ?? 0;
  const context = vocab.words.get(prev) ?? 0;
  return Math.log((pair + BACKOFF * uni) / (context + BACKOFF));
}

/** Titles of one plan repeat their words ("thành phố", "Hải Phòng"): each skeleton is searched once. */
const searched = new WeakMap<Vocabulary, Map<string, { word: string; cost: number }[]>>();

function nearWords(key: string, vocab: Vocabulary): { word: string; cost: number }[] {
  let cache = searched.get(vocab);
  if (!cache) searched.set(vocab, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;
  const found: { word: string; cost: number }[] = [];
  const limit = LIMIT_BASE + LIMIT_PER_LETTER * key.length;
  for (const [other, words] of vocab.bySkeleton) {
    const d = scanDistance(key, other, limit);
    if (d !== Infinity) for (const word of words) found.push({ word, cost: d });
  }
  cache.set(key, found);
  return found;
}

function candidatesFor(core: string, vocab: Vocabulary): { word: string; cost: number }[] {
  const key = skeleton(core);
  const own = core.normalize('NFC').toLowerCase();
  // The word as written costs nothing; any other with the same skeleton a little (its marks differ).
  const found = key
    ? nearWords(key, vocab).map((c) => ({ word: c.word, cost: c.word === own ? 0 : c.cost + 0.01 }))
    : [];
  found.sort((a, b) => a.cost - b.cost || (vocab.words.get(b.word) ?? 0) - (vocab.words.get(a.word) ?? 0));
  const kept = found.slice(0, MAX_CANDIDATES);
  if (!kept.some((c) => c.word === own)) kept.push({ word: own, cost: 0 }); // leaving it is always possible
  return kept;
}

function tokenize(title: string, vocab: Vocabulary, everyWord: boolean): Token[] {
  const damaged = new Set(suspiciousWords(title));
  return title
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => {
      const lead = LEAD.exec(raw)?.[0] ?? '';
      const rest = raw.slice(lead.length);
      const trail = TRAIL.exec(rest)?.[0] ?? '';
      const core = rest.slice(0, rest.length - trail.length);
      const open = core && !keepAsWritten(core) && (everyWord || damaged.has(core) || damaged.has(raw));
      return { lead, core, trail, candidates: open ? candidatesFor(core, vocab) : [] };
    });
}

/** The repaired word written as the scan wrote it: capital where the scan had one. */
function inCase(word: string, like: string): string {
  const first = like.replace(/[^\p{L}\d&€¢©$|!]/gu, '').charAt(0);
  return first && first !== first.toLowerCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

export function repairTitle(title: string, vocab: Vocabulary, options: RepairOptions = {}): TitleRepair {
  const tokens = tokenize(title.normalize('NFC'), vocab, options.everyWord ?? false);
  // Viterbi with back-pointers: per token, each candidate's best score and the candidate before it.
  type State = { word: string | null; score: number; back: number };
  const steps: State[][] = [];
  let prev: State[] = [{ word: null, score: 0, back: -1 }];
  for (const token of tokens) {
    // A token kept as written (number, abbreviation, a word left alone) is a single state; a word still
    // tells the word before it what may precede it ("… hogt động").
    const options = token.candidates.length ? token.candidates : [{ word: wordOrNull(token.core), cost: 0 }];
    const states = options.map((c): State => {
      let score = -Infinity;
      let back = 0;
      prev.forEach((p, i) => {
        const s = p.score - CHANNEL_WEIGHT * c.cost + (c.word ? logNext(vocab, p.word, c.word) : 0);
        if (s > score) [score, back] = [s, i];
      });
      return { word: c.word, score, back };
    });
    steps.push(states);
    prev = states;
  }
  const chosen: string[] = new Array<string>(tokens.length);
  let at = prev.reduce((b, s, i) => (s.score > prev[b]!.score ? i : b), 0);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const state = steps[i]![at]!;
    chosen[i] = state.word ?? '';
    at = state.back;
  }
  const unresolved: string[] = [];
  const out = tokens.map((t, i) => {
    if (t.candidates.length === 0) return t.lead + t.core + t.trail;
    const word = chosen[i]!;
    const same = word === t.core.normalize('NFC').toLowerCase();
    if (same && !vocab.words.has(word) && suspiciousWords(t.core).length) unresolved.push(t.core);
    return t.lead + (same ? t.core : inCase(word, t.core)) + t.trail;
  });
  const repaired = out.join(' ');
  const original = tokens.map((t) => t.lead + t.core + t.trail).join(' ');
  return { title: repaired, changed: repaired !== original, unresolved };
}

function wordOrNull(core: string): string | null {
  const w = core.normalize('NFC').toLowerCase();
  return /^\p{L}+$/u.test(w) ? w : null;
}

/** Whether a repair is worth proposing: it changed something and what is left reads as Vietnamese. */
export function isCompleteRepair(repair: TitleRepair): boolean {
  return repair.changed && repair.unresolved.length === 0 && !checkTitle(repair.title).damaged;
}
