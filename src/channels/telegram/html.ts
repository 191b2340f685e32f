/**
 * Segments → Telegram HTML (parse_mode "HTML"). Telegram rejects the whole message with
 * "can't parse entities" on one stray `<` or `&`, so every piece of text is escaped here, including text
 * that users typed (task titles, notes, names).
 */
import type { Segment } from '../../bot/messages';

type Style = NonNullable<Segment['style']>;

const TAGS: Record<Style, string> = { bold: 'b', italic: 'i', code: 'code' };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes the four characters Telegram's HTML parser knows named entities for; `&` goes first by construction. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
}

/** The length `escapeHtml(text)` will have, without building the string. */
export function escapedLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) n += ESCAPES[text.charAt(i)]?.length ?? 1;
  return n;
}

/** Characters the opening and closing tags of a style add. */
export function tagOverhead(style: Segment['style']): number {
  if (!style) return 0;
  return TAGS[style].length * 2 + 5;
}

export function renderSegment(segment: Segment): string {
  // An empty tag pair is pointless and, for code, has been seen to trip clients.
  if (segment.text === '') return '';
  const text = escapeHtml(segment.text);
  if (!segment.style) return text;
  const tag = TAGS[segment.style];
  return `<${tag}>${text}</${tag}>`;
}

export function renderHtml(segments: readonly Segment[]): string {
  return segments.map(renderSegment).join('');
}
