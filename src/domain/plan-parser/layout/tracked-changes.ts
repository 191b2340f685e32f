/**
 * A draft copied from Word with "All Markup" on (Theo dõi thay đổi), as secretaries pass a plan on before
 * it is signed:
 *
 *   Đồng Nai, ngày [Đã xóa: 05][Đã chèn: 12] tháng 10 năm 2026
 *   1. Hội chợ …, [Đã xóa: từ ngày 05/11 …][Đã chèn: từ ngày 19/11 …][PCT1] tại …
 *   …
 *   [PCT1] Nguyễn Văn Hòa (08/10/2026 16:20): Đề nghị lùi 2 tuần …
 *
 * The plan is the text as it stands with the changes accepted: deleted words go, inserted words stay,
 * comment anchors go, and the comments printed after the plan are no part of it. Line breaks inside a
 * change are kept, so later lines keep their numbers in the review.
 */

const DELETED = /\[(?:Đã xóa|Đã xoá|Deleted):\s?([^\][]*)\]/giu;
const INSERTED = /\[(?:Đã chèn|Inserted):\s?([^\][]*)\]/giu;
/** "[PCT1]", "[NTL2]": where a comment is anchored. */
const ANCHOR = /\[\p{Lu}{1,5}\d{1,3}\]/gu;
/** "[PCT1] Nguyễn Văn Hòa (08/10/2026 16:20): …": a comment printed on its own line. */
const COMMENT_LINE = /^\s*\[\p{Lu}{1,5}\d{1,3}\]\s+[^:]{2,80}\(\d{1,2}\/\d{1,2}\/\d{4}[^)]*\):/u;
/** "[Tệp: … .docx - sao chép từ Microsoft Word …]": the note a copy opens with. */
const FILE_NOTE = /^\s*\[Tệp:[^\]]*\]/u;

/** Changes it takes to read a text as a tracked draft: one marker could be a plan's own bracket. */
const MIN_CHANGES = 2;

const keepBreaks = (s: string): string => s.replace(/[^\n]/g, '');

export function acceptTrackedChanges(text: string): string {
  const changes = (text.match(DELETED) ?? []).length + (text.match(INSERTED) ?? []).length;
  if (changes < MIN_CHANGES) return text;
  // The comments run to the end of the copy (the changes keep the count of lines, so it holds after them).
  const first = text.split('\n').findIndex((l) => COMMENT_LINE.test(l));
  const lines = text
    .replace(FILE_NOTE, keepBreaks)
    .replace(DELETED, (_, deleted: string) => keepBreaks(deleted))
    .replace(INSERTED, (_, inserted: string) => inserted)
    .replace(ANCHOR, '')
    .split('\n');
  return (first < 0 ? lines : [...lines.slice(0, first), ...lines.slice(first).map(() => '')]).join('\n');
}
