/** Loading from the command line: the store from MONGODB_URI, the organisation from the directory. */
import type { OrgDirectory, PlanDraft } from '../src/domain/task';
import { connectStore, disconnectStore } from '../src/store/connect';
import { upsertOrgDirectory } from '../src/store/org-repository';
import { loadPlan, type LoadResult } from '../src/store/plan-loader';
import { loadConfigOrExit } from '../src/app/load-env';
import { agreeServiceClock } from '../src/store/service-clock';

export async function loadDraft(
  draft: PlanDraft,
  text: string,
  file: string,
  directory: OrgDirectory,
): Promise<LoadResult> {
  const config = loadConfigOrExit();
  await connectStore(config.mongodbUri);
  try {
    const entry = directory[draft.org];
    if (entry) await upsertOrgDirectory(draft.org, entry);
    return await loadPlan(draft, text, file, (await agreeServiceClock(config.botNow)).now());
  } finally {
    await disconnectStore();
  }
}
