import { pngAttachment, pngSize, renderSegments, splitStyledText } from '../../../src/channels/zalo/outbound';
import { TextStyle } from '../../../src/channels/zalo/zca';

/** A 1×1 PNG: signature, then the IHDR chunk with width 3 and height 2 patched in. */
function png(width: number, height: number): Buffer {
  const buf = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(buf, 0);
  buf.writeUInt32BE(13, 8);
  buf.write('IHDR', 12, 'latin1');
  buf.writeUInt32BE(width, 16);
  buf.writeUInt32BE(height, 20);
  return buf;
}

describe('zalo outbound text', () => {
  it('renders segments as plain text with bold and italic styles at UTF-16 offsets', () => {
    const rendered = renderSegments([
      { text: 'Việc ' },
      { text: 'Báo cáo quý II', style: 'bold' },
      { text: ' hạn ' },
      { text: '30/06', style: 'italic' },
      { text: ' ' },
      { text: '/done 3', style: 'code' },
    ]);

    expect(rendered.text).toBe('Việc Báo cáo quý II hạn 30/06 /done 3');
    expect(rendered.styles).toEqual([
      { start: 5, len: 14, st: TextStyle.Bold },
      { start: 24, len: 5, st: TextStyle.Italic },
    ]);
  });

  it('keeps short text in one chunk', () => {
    expect(splitStyledText({ text: 'Xin chào', styles: [] }, 100)).toEqual([
      { text: 'Xin chào', styles: [] },
    ]);
  });

  it('splits long text at line breaks under the limit, re-basing styles onto each chunk', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `${i + 1}. Nhiệm vụ số ${i + 1} của phòng`);
    const text = lines.join('\n');
    const boldStart = text.indexOf('20. ');
    const chunks = splitStyledText({ text, styles: [{ start: boldStart, len: 3, st: TextStyle.Bold }] }, 200);

    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(200);
    expect(chunks.map((c) => c.text).join('\n')).toBe(text);
    const withBold = chunks.find((c) => c.styles.length > 0);
    expect(
      withBold && withBold.text.slice(withBold.styles[0]?.start, (withBold.styles[0]?.start ?? 0) + 3),
    ).toBe('20.');
  });

  it('never cuts inside a surrogate pair when it has to cut mid-word', () => {
    const text = '📌'.repeat(150);
    const chunks = splitStyledText({ text, styles: [] }, 101);

    expect(chunks.join('')).not.toContain('\ufffd');
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    for (const chunk of chunks) expect(chunk.text.length % 2).toBe(0);
  });

  it('drops whitespace-only input', () => {
    expect(splitStyledText({ text: ' \n ', styles: [] })).toEqual([]);
  });
});

describe('zalo outbound images', () => {
  it('reads width and height from the PNG header for the upload metadata', () => {
    const data = png(640, 480);
    expect(pngSize(data)).toEqual({ width: 640, height: 480 });
    expect(pngAttachment(data)).toEqual({
      data,
      filename: 'chart.png',
      metadata: { totalSize: 33, width: 640, height: 480 },
    });
  });

  it('sends bytes that are not a PNG with their size only', () => {
    const data = Buffer.from('not a png at all, just bytes');
    expect(pngAttachment(data)).toEqual({
      data,
      filename: 'chart.png',
      metadata: { totalSize: data.length },
    });
  });
});
