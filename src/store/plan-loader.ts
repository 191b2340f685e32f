/**
 * Loads a reviewed plan draft into the store. Loading is idempotent: the same plan imported again updates
 * its tasks in place (same short numbers), keeping their status and history.
 */
import { createHash } from 'node:crypto';
import type { DraftTask, PlanDraft } from '../domain/task';
import { Counter, Organisation, Plan, Task } from './models';
import { idOf } from './types';

export interface LoadResult {
  planId: string;
  created: number;
  updated: number;
  unchanged: number;
  /** Tasks of an earlier import that the document no longer has; kept (with their history), reported. */
  missing: Array<{ number: number; title: string }>;
  taskIds: string[];
  numbers: Map<string, number>;
}

export class UnknownOrganisationError extends Error {
  constructor(readonly slug: string) {
    super(`unknown organisation ${slug}`);
    this.name = 'UnknownOrganisationError';
  }
}

export function planKey(draft: Pick<PlanDraft, 'doc_number' | 'title' | 'year'>): string {
  return draft.doc_number ? `no:${draft.doc_number}` : `title:${draft.year}:${draft.title.toLowerCase()}`;
}

/** Refs a document repeats (two "(1)" in different lists) get a suffix so each task keeps its own row. */
export function uniqueRefs(tasks: DraftTask[]): string[] {
  const seen = new Map<string, number>();
  return tasks.map((t) => {
    const n = (seen.get(t.ref) ?? 0) + 1;
    seen.set(t.ref, n);
    return n === 1 ? t.ref : `${t.ref}#${n}`;
  });
}

export async function nextNumber(orgId: string): Promise<number> {
  const c = await Counter.findOneAndUpdate(
    { _id: `task:${orgId}` },
    { $inc: { seq: 1 } },
    { upsert: true, returnDocument: 'after' },
  ).lean();
  return c?.seq ?? 1;
}

export async function loadPlan(
  draft: PlanDraft,
  sourceText: string,
  sourceName: string | null,
  /** The service clock's now (BOT_NOW counts): whether an end had passed at load is judged against it. */
  loadedAt: Date,
): Promise<LoadResult> {
  const org = await Organisation.findOne({ slug: draft.org }).lean();
  if (!org) throw new UnknownOrganisationError(draft.org);
  const sourceHash = createHash('sha256').update(sourceText).digest('hex');
  const plan = await Plan.findOneAndUpdate(
    { org: org._id, key: planKey(draft) },
    {
      $set: {
        title: draft.title,
        docNumber: draft.doc_number,
        issuedOn: draft.issued_on,
        year: draft.year,
        sourceHash,
        sourceName,
      },
    },
    { upsert: true, returnDocument: 'after' },
  ).lean();
  if (!plan) throw new Error('the plan could not be saved');

  const refs = uniqueRefs(draft.tasks);
  const existing = new Map((await Task.find({ plan: plan._id }).lean()).map((t) => [t.ref, t]));
  const result: LoadResult = {
    planId: idOf(plan._id),
    created: 0,
    updated: 0,
    unchanged: 0,
    missing: [],
    taskIds: [],
    numbers: new Map(),
  };

  for (const [i, t] of draft.tasks.entries()) {
    const ref = refs[i]!;
    const fields = {
      title: t.title,
      kind: t.kind,
      lead: t.lead,
      support: t.support,
      start: t.start,
      end: t.end,
      timeText: t.time_text,
      series: t.series ?? null,
    };
    const old = existing.get(ref);
    existing.delete(ref);
    if (!old) {
      const number = await nextNumber(idOf(org._id));
      const doc = await Task.create({ org: org._id, plan: plan._id, number, ref, loadedAt, ...fields });
      result.created++;
      result.taskIds.push(idOf(doc._id));
      result.numbers.set(ref, number);
      continue;
    }
    const same =
      old.title === fields.title &&
      old.kind === fields.kind &&
      sameList(old.lead, fields.lead) &&
      sameList(old.support, fields.support) &&
      (old.start ?? null) === fields.start &&
      (old.end ?? null) === fields.end &&
      (old.timeText ?? null) === fields.timeText &&
      JSON.stringify(old.series ?? null) === JSON.stringify(fields.series);
    if (same) result.unchanged++;
    else {
      // A new window or new departments change the reminders: bump the revision so queued ones are re-planned.
      await Task.updateOne({ _id: old._id }, { $set: fields, $inc: { revision: 1 } });
      result.updated++;
    }
    result.taskIds.push(idOf(old._id));
    result.numbers.set(ref, old.number);
  }
  result.missing = [...existing.values()].map((t) => ({ number: t.number, title: t.title }));
  return result;
}

function sameList(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return (a ?? []).length === b.length && (a ?? []).every((x, i) => x === b[i]);
}
