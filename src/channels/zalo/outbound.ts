/**
 * Core → Zalo text: Segment[] rendered as plain text with zca-js text styles (bold, italic), cut into
 * chunks Zalo accepts, and the metadata zca-js needs to upload a PNG from memory.
 */
import type { Segment } from '../../bot/messages';
import { TextStyle, type AttachmentSource, type Style } from './zca';

/**
 * Zalo publishes no text limit and zca-js enforces none (docs/zalo-zca-js.md §3: asked in #229, never
 * answered). The web client has been seen posting a few thousand characters; 1500 UTF-16 units keeps a
 * long /status report well clear of whatever the limit is, at the cost of an extra message now and then.
 */
export const ZALO_TEXT_LIMIT = 1500;

export interface StyledText {
  text: string;
  styles: Style[];
}

/** `code` has no Zalo style (there is no monospace), so it is sent as plain text. */
export function renderSegments(segments: readonly Segment[]): StyledText {
  let text = '';
  const styles: Style[] = [];
  for (const segment of segments) {
    const st =
      segment.style === 'bold' ? TextStyle.Bold : segment.style === 'italic' ? TextStyle.Italic : undefined;
    if (st && segment.text.trim()) styles.push({ start: text.length, len: segment.text.length, st });
    text += segment.text;
  }
  return { text, styles };
}

/**
 * Cuts at a paragraph break, else a line break, else a space, in the second half of the window (so no
 * chunk is tiny), and never inside a surrogate pair. Styles are clipped and re-based onto each chunk.
 * Whitespace at a cut is dropped; blank chunks are not returned.
 */
export function splitStyledText(input: StyledText, limit = ZALO_TEXT_LIMIT): StyledText[] {
  const { text } = input;
  const chunks: StyledText[] = [];
  let start = skipSpace(text, 0);
  while (start < text.length) {
    let end = text.length;
    let next = text.length;
    if (text.length - start > limit) {
      end = cutPoint(text, start, limit);
      next = skipSpace(text, end);
    }
    let trimmedEnd = end;
    while (trimmedEnd > start && /\s/.test(text.charAt(trimmedEnd - 1))) trimmedEnd--;
    if (trimmedEnd > start)
      chunks.push({ text: text.slice(start, trimmedEnd), styles: clip(input.styles, start, trimmedEnd) });
    start = next;
  }
  return chunks;
}

function cutPoint(text: string, start: number, limit: number): number {
  const hardEnd = start + limit;
  const window = text.slice(start, hardEnd + 1);
  const minCut = Math.floor(limit / 2);
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(separator, limit);
    if (at >= minCut) return start + at;
  }
  const code = text.charCodeAt(hardEnd - 1);
  return code >= 0xd800 && code <= 0xdbff ? hardEnd - 1 : hardEnd;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text.charAt(i))) i++;
  return i;
}

function clip(styles: readonly Style[], start: number, end: number): Style[] {
  const clipped: Style[] = [];
  for (const style of styles) {
    const from = Math.max(style.start, start);
    const to = Math.min(style.start + style.len, end);
    if (to > from) clipped.push({ ...style, start: from - start, len: to - from });
  }
  return clipped;
}

/**
 * zca-js uploads a Buffer with the metadata it is given (it cannot measure images itself without an
 * `imageMetadataGetter`), so width and height are read from the PNG header when the bytes are a PNG.
 */
export function pngAttachment(data: Buffer, filename: `${string}.png` = 'chart.png'): AttachmentSource {
  const metadata: { totalSize: number; width?: number; height?: number } = { totalSize: data.length };
  const size = pngSize(data);
  if (size) Object.assign(metadata, size);
  return { data, filename, metadata };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngSize(data: Buffer): { width: number; height: number } | undefined {
  // The IHDR chunk always comes first: width and height are its first two big-endian uint32s.
  if (data.length < 24 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  if (data.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** Any other file (an .xlsx report, an .ics calendar) is uploaded as is; zca-js only needs its size. */
export function fileAttachment(data: Buffer, filename: `${string}.${string}`): AttachmentSource {
  return { data, filename, metadata: { totalSize: data.length } };
}

/** zca-js types a file name as "name.ext"; a name without an extension gets ".bin" rather than failing. */
export function withExtension(filename: string): `${string}.${string}` {
  return /\.[^.]+$/.test(filename) ? (filename as `${string}.${string}`) : `${filename}.bin`;
}
