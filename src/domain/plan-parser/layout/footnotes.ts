/**
 * Word's footnotes and table of contents, as a plan saved as text keeps them:
 *
 *   3.2.1. Hội nghị phổ biến khu vực Cần Thơ (cũ), tại Hội trường …[6].
 *   …
 *   Chú thích
 *   [6] Dự kiến ngày 24/3/2026; Trung tâm Tư vấn, Đào tạo và Hỗ trợ HTX chủ trì.
 *
 * A plan may give an item's time and lead only in its footnote. Each mark "[n]" is replaced by its note
 * in brackets, "(Dự kiến ngày 24/3/2026; Trung tâm … chủ trì)", where the item's own parenthesis would
 * stand, and the notes are taken out of the end. The lines of a table of contents ("3.1. Tuyên truyền
 * trên báo chí ........ 2") are no items and are blanked. Lines keep their places.
 */

const MARK = /\[(\d{1,2})\]/g;
const NOTE = /^\s*\[(\d{1,2})\]\s+(\S.*)$/;
/** "Chú thích", "Ghi chú:" heading the notes, or the rule Word draws above them. */
const NOTES_HEAD = /^\s*(?:chú thích|chu thich|ghi chú|ghi chu)\s*:?\s*$|^\s*_{5,}\s*$/iu;
/** A line of a table of contents: dot leaders and a page number. */
const CONTENTS_LINE = /(?:\.\s*){4,}\s*\d{1,3}\s*$/;
const CONTENTS_HEAD = /^\s*(?:mục lục|muc luc)\s*$/iu;
/** Notes worth reading this way: a plan with this many of them, each marked in the text. */
const MIN_NOTES = 2;

export function footnotesInline(text: string): string {
  const lines = text.split('\n');
  const out = lines.map((l) => (CONTENTS_LINE.test(l) || CONTENTS_HEAD.test(l) ? '' : l));
  const notes = new Map<string, string>();
  const noteLines = new Set<number>();
  for (let i = 0; i < out.length; i++) {
    const m = NOTE.exec(out[i] ?? '');
    if (!m) continue;
    let body = m[2] ?? '';
    noteLines.add(i);
    // A note runs on over the lines after it, up to the next note or a blank line.
    let j = i + 1;
    for (; j < out.length; j++) {
      const next = out[j] ?? '';
      if (next.trim() === '' || NOTE.test(next)) break;
      body = `${body} ${next.trim()}`;
      noteLines.add(j);
    }
    notes.set(m[1] ?? '', body.replace(/[\s.;]+$/u, ''));
    i = j - 1;
  }
  const marked = out.some((l, i) => !noteLines.has(i) && MARK.test(l));
  MARK.lastIndex = 0;
  if (notes.size < MIN_NOTES || !marked) return out.join('\n');
  return out
    .map((line, i) => {
      if (noteLines.has(i) || NOTES_HEAD.test(line)) return '';
      return line.replace(MARK, (whole, n: string) => {
        const note = notes.get(n);
        return note ? ` (${note.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim()})` : whole;
      });
    })
    .join('\n');
}
