import type { Segment } from '../../../src/bot/messages';
import { renderChunks, splitSegments, TELEGRAM_TEXT_LIMIT } from '../../../src/channels/telegram/split';
import { parseTelegramHtml } from './valid-html';

const visible = (chunks: string[]): string => chunks.map(parseTelegramHtml).join('');
const squash = (s: string): string => s.replace(/\s+/g, '');

/** A long reply in the shape the core writes: a bold heading per task and hostile user text. */
function longReply(chars: number): Segment[] {
  const segments: Segment[] = [];
  let n = 0;
  for (let i = 1; n < chars; i++) {
    const parts: Segment[] = [
      { text: `${i}. ` },
      { text: `Nhiệm vụ <số ${i}> & "báo cáo"`, style: 'bold' },
      { text: ` — hạn 31/03/2025, ghi chú: a<b && c>d\n` },
    ];
    segments.push(...parts);
    n += parts.reduce((k, p) => k + p.text.length, 0);
  }
  return segments;
}

describe('splitting replies for Telegram', () => {
  it('keeps a short reply as one message, unchanged', () => {
    const segments: Segment[] = [{ text: 'Xin chào ' }, { text: 'Lan', style: 'bold' }];
    expect(renderChunks(segments)).toEqual(['Xin chào <b>Lan</b>']);
  });

  it('sends nothing for a reply without visible text', () => {
    expect(splitSegments([{ text: ' \n ' }])).toEqual([]);
  });

  it('splits a 10,000-character reply into valid messages within the limit, in order, losing nothing', () => {
    const segments = longReply(10_000);
    const chunks = renderChunks(segments);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
      expect(() => parseTelegramHtml(chunk)).not.toThrow();
    }
    const original = segments.map((s) => s.text).join('');
    // Only the line breaks at message boundaries go.
    expect(squash(visible(chunks))).toBe(squash(original));
    // Split between lines: every message but the first starts a numbered line.
    for (const chunk of chunks.slice(1)) expect(chunk).toMatch(/^\d+\. <b>/);
  });

  it('splits one over-long line at spaces, and a word longer than a message inside it', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `từ${i}&`).join(' ');
    const giant = 'x'.repeat(5000);
    const segments: Segment[] = [{ text: words, style: 'bold' }, { text: ` ${giant} <end>` }];
    const chunks = renderChunks(segments);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
      expect(() => parseTelegramHtml(chunk)).not.toThrow();
    }
    expect(visible(chunks)).toBe(`${words} ${giant} <end>`);
    // Word breaks fall after a space, never inside a word (except the giant one).
    const bold = chunks.filter((c) => c.startsWith('<b>'));
    for (const chunk of bold.slice(0, -1)) expect(chunk).toMatch(/&amp; <\/b>$/);
  });

  it('never cuts an entity or a surrogate pair, even at a tiny limit', () => {
    const segments: Segment[] = [{ text: '&&&&&&&&&&😀😀😀😀😀😀😀😀😀😀<<<<<<<<<<', style: 'code' }];
    const chunks = renderChunks(segments, 40);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(40);
      expect(() => parseTelegramHtml(chunk)).not.toThrow();
      expect(chunk).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
    expect(visible(chunks)).toBe(segments[0]?.text);
  });
});
