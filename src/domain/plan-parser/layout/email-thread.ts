/**
 * A plan handed out in an e-mail thread: the newest message on top, each earlier one quoted below it with
 * one more ">" a level.
 *
 *   Văn phòng chốt lại phân công …: - Nội dung 3: lùi sang ngày 21/11/2026.
 *   > Vào Thứ Năm, 08/10/2026 09:15, … đã viết:
 *   > Ban Thành viên - Thi đua đề nghị lùi hạn …
 *   >> Vào Thứ Tư, 07/10/2026 14:03, … đã viết:
 *   >> 1. Phiên chợ nông sản HTX …, ngày 24-25/10/2026: TT Dịch vụ thương mại HTX chủ trì …
 *
 * The messages are set out oldest first, their quote marks gone, so that the work handed out comes first
 * and the replies that change it after it, as an amending plan follows the plan it amends.
 */

const QUOTE = /^\s*((?:>\s?)+)/;
/** Quoted lines it takes to read a text as a thread rather than a plan that quotes one line. */
const MIN_QUOTED = 5;

export function emailThreadAsText(text: string): string {
  const lines = text.split('\n');
  if (lines.filter((l) => QUOTE.test(l)).length < MIN_QUOTED) return text;
  const depth = (line: string): number => (QUOTE.exec(line)?.[1] ?? '').replace(/\s/g, '').length;
  const deepest = Math.max(...lines.map(depth));
  const out: string[] = [];
  for (let d = deepest; d >= 0; d--) {
    const level = lines.filter((l) => depth(l) === d).map((l) => l.replace(QUOTE, ''));
    if (level.length > 0) out.push(...level, '');
  }
  return out.join('\n');
}
