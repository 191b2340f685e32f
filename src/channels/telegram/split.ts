/**
 * Splits a reply into messages Telegram accepts. The limit is measured on the rendered HTML (Telegram counts
 * the parsed text, which is never longer, so this is safe). Splitting happens on segments before rendering,
 * so every message is valid HTML on its own: no tag is left open and no `&amp;` is cut in half.
 */
import type { Segment } from '../../bot/messages';
import { escapedLength, renderHtml, tagOverhead } from './html';

/** Telegram's limit for a text message. */
export const TELEGRAM_TEXT_LIMIT = 4096;
/** Telegram's limit for a photo caption. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/** Below this a single styled character could not fit, and the splitter could not make progress. */
const SMALLEST_LIMIT = 32;

type Line = Segment[];

function hasVisibleText(segments: readonly Segment[]): boolean {
  return segments.some((s) => s.text.trim() !== '');
}

function segmentCost(segment: Segment): number {
  return segment.text === '' ? 0 : tagOverhead(segment.style) + escapedLength(segment.text);
}

function lineCost(line: readonly Segment[]): number {
  return line.reduce((n, s) => n + segmentCost(s), 0);
}

/** Joins neighbours of one style, so a chunk renders as one tag pair per run rather than one per word. */
function mergeAdjacent(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    if (s.text === '') continue;
    const last = out[out.length - 1];
    if (last && last.style === s.style) last.text += s.text;
    else out.push(s.style ? { text: s.text, style: s.style } : { text: s.text });
  }
  return out;
}

function toLines(segments: readonly Segment[]): Line[] {
  const lines: Line[] = [[]];
  for (const s of segments) {
    s.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      lines[lines.length - 1]?.push(s.style ? { text: part, style: s.style } : { text: part });
    });
  }
  return lines;
}

/** Cuts one word that is longer than a message, by code point so no surrogate pair is split. */
function hardSplit(segment: Segment, limit: number): Segment[] {
  const budget = Math.max(1, limit - tagOverhead(segment.style));
  const pieces: Segment[] = [];
  let text = '';
  let used = 0;
  for (const ch of segment.text) {
    const n = escapedLength(ch);
    if (used + n > budget && text !== '') {
      pieces.push({ ...segment, text });
      text = '';
      used = 0;
    }
    text += ch;
    used += n;
  }
  if (text !== '') pieces.push({ ...segment, text });
  return pieces;
}

/** Breaks a line longer than a message at spaces (a word keeps its trailing space). */
function breakLine(line: Line, limit: number): Line[] {
  const atoms: Segment[] = [];
  for (const s of line) {
    for (const word of s.text.match(/\S+\s*|\s+/g) ?? []) {
      const atom = { ...s, text: word };
      atoms.push(...(segmentCost(atom) > limit ? hardSplit(atom, limit) : [atom]));
    }
  }
  const pieces: Line[] = [];
  let current: Segment[] = [];
  let used = 0;
  for (const atom of atoms) {
    const last = current[current.length - 1];
    // Same style as the previous atom: the merge will share its tags.
    const cost = last && last.style === atom.style ? escapedLength(atom.text) : segmentCost(atom);
    if (used + cost > limit && current.length > 0) {
      pieces.push(current);
      current = [];
      used = segmentCost(atom);
    } else {
      used += cost;
    }
    current.push(atom);
  }
  if (current.length > 0) pieces.push(current);
  return pieces;
}

/**
 * Splits segments into chunks whose rendered HTML is at most `limit` characters: between lines where
 * possible, at a space inside an over-long line, and inside a word only when the word alone is too long.
 * Order is kept; only line breaks at chunk boundaries and blank lines at the start of a chunk are dropped.
 * A reply with no visible text gives no chunks.
 */
export function splitSegments(segments: readonly Segment[], limit = TELEGRAM_TEXT_LIMIT): Segment[][] {
  if (limit < SMALLEST_LIMIT) throw new RangeError(`limit must be at least ${SMALLEST_LIMIT}`);
  if (!hasVisibleText(segments)) return [];
  if (lineCost(segments) <= limit) return [mergeAdjacent(segments)];

  const chunks: Segment[][] = [];
  let current: Segment[] = [];
  let used = 0;
  const flush = (): void => {
    if (hasVisibleText(current)) chunks.push(mergeAdjacent(current));
    current = [];
    used = 0;
  };
  const append = (line: Line, cost: number): void => {
    if (current.length > 0) {
      current.push({ text: '\n' });
      used += 1;
    }
    current.push(...line);
    used += cost;
  };

  for (const line of toLines(segments)) {
    // A message never starts with blank lines (Telegram would trim them anyway).
    if (current.length === 0 && !hasVisibleText(line)) continue;
    const cost = lineCost(line);
    if (cost > limit) {
      flush();
      const pieces = breakLine(line, limit);
      const last = pieces.pop() ?? [];
      for (const piece of pieces) chunks.push(mergeAdjacent(piece));
      append(last, lineCost(mergeAdjacent(last)));
      continue;
    }
    if (current.length > 0 && used + 1 + cost > limit) flush();
    append(line, cost);
  }
  flush();
  return chunks;
}

/** Renders a reply as one or more Telegram HTML messages, each within `limit`. */
export function renderChunks(segments: readonly Segment[], limit = TELEGRAM_TEXT_LIMIT): string[] {
  return splitSegments(segments, limit).map(renderHtml);
}
