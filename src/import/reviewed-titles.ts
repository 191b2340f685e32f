/**
 * A reviewed draft shipped next to a scanned plan: the titles as the secretary corrected them, keyed by
 * the item's reference (`data/seeds/003_….reviewed.json`). The sample data loads these, so a new user
 * meets the plan as an alliance would have it after its review; the scan itself stays the input the
 * title repair is tested on.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { PlanDraft } from '../domain/task';

export interface ReviewedTitles {
  plan?: string;
  titles: Record<string, string>;
}

export function reviewedTitlesFile(planFile: string): string {
  return planFile.replace(/\.[^./]+$/, '') + '.reviewed.json';
}

export function readReviewedTitles(planFile: string): ReviewedTitles | null {
  const file = reviewedTitlesFile(planFile);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReviewedTitles) : null;
}

/** The draft with the reviewed titles in place; a reference the review does not name keeps its title. */
export function applyReviewedTitles(draft: PlanDraft, reviewed: ReviewedTitles | null): PlanDraft {
  if (!reviewed) return draft;
  return {
    ...draft,
    title: reviewed.plan ?? draft.title,
    proposed_title: undefined,
    tasks: draft.tasks.map((t) => {
      const title = reviewed.titles[t.ref];
      return title ? { ...t, title, proposed_title: undefined } : t;
    }),
  };
}
