/**
 * What the person loading a plan should check, computed once from the draft and shown by the chat review
 * (before /confirm) and by `npm run import -- --dry-run` alike:
 *  - every task already past on the day it is loaded (the wrong year, or an old plan: nothing would be reminded);
 *  - no lead found for most tasks (the plan assigns work some way the parser did not read);
 *  - department names that matched no department of the organisation;
 *  - items that were skipped, with their line;
 *  - work whose time the plan leaves to later instructions ("theo chỉ đạo của cấp trên");
 *  - titles a scan damaged, each with the repair proposed from known words (src/import/title-repairs.ts).
 * Pure: the day of loading is a parameter.
 */
import { checkTitle } from '../domain/ocr-check';
import type { DraftTask, LocalDate, PlanDraft } from '../domain/task';

/** Share of dated tasks without a lead above which the review says the plan's assignments were not read. */
export const MOSTLY_NO_LEAD = 0.5;

export type ReviewCheck =
  | { code: 'all-past'; lastEnd: LocalDate; today: LocalDate }
  | { code: 'few-leads'; without: number; total: number }
  | { code: 'unknown-unit'; name: string; refs: string[] }
  | { code: 'skipped-item'; ref: string | null; line: number | null; text: string }
  | { code: 'time-on-demand'; refs: string[] }
  | { code: 'unread-table'; line: number | null }
  | { code: 'damaged-titles'; titles: DamagedTitle[] };

/** A title that reads like a bad scan; `ref` null is the plan's own title. */
export interface DamagedTitle {
  ref: string | null;
  title: string;
  proposed: string | null;
}

/** Tasks counted for leads: standing duties of "Tổ chức thực hiện" name their unit by construction. */
const counted = (t: DraftTask): boolean => t.kind !== 'duty';

export function reviewChecks(draft: PlanDraft, today: LocalDate): ReviewCheck[] {
  const out: ReviewCheck[] = [];
  const ends = draft.tasks.map((t) => t.end).filter((e): e is string => e !== null);
  const lastEnd = ends.sort().at(-1);
  // Undated tasks are counted elsewhere; among the dated ones, none may still be ahead.
  if (lastEnd && lastEnd < today) out.push({ code: 'all-past', lastEnd, today });
  const work = draft.tasks.filter(counted);
  const without = work.filter((t) => t.lead.length === 0).length;
  if (work.length > 0 && without / work.length > MOSTLY_NO_LEAD)
    out.push({ code: 'few-leads', without, total: work.length });
  const unknown = new Map<string, string[]>();
  const onDemand: string[] = [];
  for (const w of draft.warnings) {
    if (w.code === 'unknown-unit' && w.detail) {
      const refs = unknown.get(w.detail) ?? [];
      if (w.ref && !refs.includes(w.ref)) refs.push(w.ref);
      unknown.set(w.detail, refs);
    } else if (w.code === 'skipped-item')
      out.push({ code: 'skipped-item', ref: w.ref, line: w.line ?? null, text: w.detail ?? '' });
    else if (w.code === 'time-on-demand' && w.ref) onDemand.push(w.ref);
    else if (w.code === 'unread-table') out.push({ code: 'unread-table', line: w.line ?? null });
  }
  for (const [name, refs] of unknown) out.push({ code: 'unknown-unit', name, refs });
  if (onDemand.length > 0) out.push({ code: 'time-on-demand', refs: onDemand });
  const titles: DamagedTitle[] = [draft, ...draft.tasks]
    .filter((t) => checkTitle(t.title).damaged)
    .map((t) => ({ ref: 'ref' in t ? t.ref : null, title: t.title, proposed: t.proposed_title ?? null }));
  if (titles.length > 0) out.push({ code: 'damaged-titles', titles });
  return out;
}

/** The kinds of task as a Vietnamese secretary calls them (the review and the dry-run table). */
export const KIND_VI: Record<DraftTask['kind'], string> = {
  agenda: 'nội dung họp',
  review: 'sơ kết, tổng kết',
  event: 'họp, sự kiện',
  deadline: 'hạn chót',
  campaign: 'cao điểm',
  banner: 'băng rôn',
  recurring: 'định kỳ',
  duty: 'thường xuyên',
};
