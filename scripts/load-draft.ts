/** Loading from the command line: the store from MONGODB_URI, the organisation from the directory. */
import type { OrgDirectory, PlanDraft } from '../src/domain/task';
import { connectStore, disconnectStore } from '../src/store/connect';
import { findOrgBySlug, upsertOrgDirectory } from '../src/store/org-repository';
import { loadPlan, previewMerge, type LoadResult } from '../src/store/plan-loader';
import { loadConfigOrExit } from '../src/app/load-env';
import { agreeServiceClock } from '../src/store/service-clock';

export async function loadDraft(
  draft: PlanDraft,
  text: string,
  file: string,
  directory: OrgDirectory,
  /** Conflicts (numbered as printed) where the document's value wins over a change made in chat. */
  takeDocument: readonly number[] | 'all' = [],
): Promise<LoadResult> {
  const config = loadConfigOrExit();
  await connectStore(config.mongodbUri);
  try {
    const entry = directory[draft.org];
    if (entry) await upsertOrgDirectory(draft.org, entry);
    const now = (await agreeServiceClock(config.botNow)).now();
    if (takeDocument !== 'all') return await loadPlan(draft, text, file, now, { takeDocument });
    const org = await findOrgBySlug(draft.org);
    const all = org ? (await previewMerge(org.id, draft)).conflicts.map((c) => c.index) : [];
    return await loadPlan(draft, text, file, now, { takeDocument: all });
  } finally {
    await disconnectStore();
  }
}
