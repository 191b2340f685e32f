/** What the chat import asks of plans already stored: is this very document loaded, which tasks exist. */
import { Organisation, Plan, Task } from './models';

/** The source hash of the organisation's plan under this key, or null when there is none. */
export async function storedPlanHash(orgSlug: string, key: string): Promise<string | null> {
  const org = await Organisation.findOne({ slug: orgSlug }, { _id: 1 }).lean();
  if (!org) return null;
  const plan = await Plan.findOne({ org: org._id, key }, { sourceHash: 1, _id: 1 }).lean();
  return plan?.sourceHash ?? null;
}

/** The refs of the tasks an earlier import of this plan created, or null when the plan is new. */
export async function storedTaskRefs(orgId: string, key: string): Promise<Set<string> | null> {
  const plan = await Plan.findOne({ org: orgId, key }, { _id: 1 }).lean();
  if (!plan) return null;
  return new Set((await Task.find({ plan: plan._id }, { ref: 1 }).lean()).map((t) => t.ref));
}

/** Whether any plan is loaded at all (the dev runner seeds a demo plan into an empty store). */
export async function anyPlanLoaded(): Promise<boolean> {
  return Boolean(await Plan.exists({}));
}
