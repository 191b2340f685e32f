import { escapeHtml, escapedLength, renderHtml, renderSegment } from '../../../src/channels/telegram/html';
import { parseTelegramHtml } from './valid-html';

describe('Telegram HTML rendering', () => {
  it('escapes &, <, > and " (ampersand first, so entities are not double-decoded)', () => {
    expect(escapeHtml('a & b < c > d "e"')).toBe('a &amp; b &lt; c &gt; d &quot;e&quot;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapedLength('<&>"x')).toBe(escapeHtml('<&>"x').length);
  });

  it('renders styles as b, i and code, escaping inside every tag', () => {
    const html = renderHtml([
      { text: 'Nhiệm vụ ' },
      { text: '</b><script>alert(1)</script>', style: 'bold' },
      { text: ' hạn &amp; ', style: 'italic' },
      { text: '/done 12 <ghi chú>', style: 'code' },
    ]);
    expect(html).toBe(
      'Nhiệm vụ <b>&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;</b><i> hạn &amp;amp; </i><code>/done 12 &lt;ghi chú&gt;</code>',
    );
    expect(parseTelegramHtml(html)).toBe(
      'Nhiệm vụ </b><script>alert(1)</script> hạn &amp; /done 12 <ghi chú>',
    );
  });

  it('drops empty segments instead of emitting empty tags', () => {
    expect(renderSegment({ text: '', style: 'bold' })).toBe('');
    expect(renderHtml([])).toBe('');
  });
});
