/**
 * Loads a reviewed plan draft into the store. Loading is idempotent: the same plan imported again updates
 * its tasks in place (same short numbers), keeping their status and history.
 */
import { createHash } from 'node:crypto';
import type { Types } from 'mongoose';
import type { DraftTask, PlanDraft } from '../domain/task';
import {
  mergePlan,
  sameFields,
  withChoices,
  type Conflict,
  type DeletedTask,
  type DocFields,
  type LoadedTask,
  type MergedTask,
  type PlanMerge,
} from '../domain/plan-merge';
import { Counter, Organisation, Plan, Task, TaskEdit } from './models';
import { idOf } from './types';

export interface LoadResult {
  planId: string;
  created: number;
  updated: number;
  unchanged: number;
  /** Tasks of an earlier import that the document no longer has; kept (with their history), reported. */
  missing: Array<{ number: number; title: string }>;
  /** Items of the document that were deleted in chat since the last load: not brought back. */
  keptDeleted: Array<{ number: number; title: string }>;
  /** Fields the document and chat both changed; each was settled as `takeDocument` said (else chat's). */
  conflicts: Conflict[];
  taskIds: string[];
  numbers: Map<string, number>;
}

export interface LoadOptions {
  /** Conflict numbers (as the review lists them) for which the document's value wins over chat's. */
  takeDocument?: readonly number[];
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

/** What loading `draft` would do to the organisation's plan, without writing: for the review. */
export async function previewMerge(
  orgId: string,
  draft: PlanDraft,
): Promise<PlanMerge & { loaded: boolean }> {
  const plan = await Plan.findOne({ org: orgId, key: planKey(draft) }).lean();
  if (!plan) return { ...mergePlan([], [], draft.tasks, uniqueRefs(draft.tasks)), loaded: false };
  return { ...(await mergeWithStore(plan, draft)), loaded: true };
}

type PlanLean = {
  _id: Types.ObjectId;
  chatDeleted?: ReadonlyArray<{ [K in keyof DeletedTask]?: DeletedTask[K] | null }> | null;
};

async function mergeWithStore(plan: PlanLean, draft: PlanDraft): Promise<PlanMerge> {
  const rows = await Task.find({ plan: plan._id }).lean();
  const legacy = rows.filter((t) => !t.doc).map((t) => t._id);
  const edits = legacy.length
    ? await TaskEdit.find({ task: { $in: legacy }, applied: true }, { task: 1, field: 1, before: 1, at: 1 })
        .sort({ at: 1 })
        .lean()
    : [];
  const loaded: LoadedTask[] = rows.map((t) => {
    const current = fieldsOfTask(t);
    const base =
      (t.doc as DocFields | null) ??
      legacyBase(
        current,
        edits.filter((e) => String(e.task) === String(t._id)),
      );
    return { id: idOf(t._id), number: t.number, ref: t.ref, current, base };
  });
  const deleted: DeletedTask[] = (plan.chatDeleted ?? []).map((d) => ({
    number: d.number ?? 0,
    ref: d.ref ?? '',
    title: d.title ?? '',
    start: d.start ?? null,
    end: d.end ?? null,
  }));
  return mergePlan(loaded, deleted, draft.tasks, uniqueRefs(draft.tasks));
}

type TaskLean = {
  title: string;
  kind: string;
  lead?: string[] | null;
  support?: string[] | null;
  start?: string | null;
  end?: string | null;
  timeText?: string | null;
  series?: { key?: string | null; index?: number | null; count?: number | null } | null;
};

function fieldsOfTask(t: TaskLean): DocFields {
  return {
    title: t.title,
    kind: t.kind as DocFields['kind'],
    lead: [...(t.lead ?? [])],
    support: [...(t.support ?? [])],
    start: t.start ?? null,
    end: t.end ?? null,
    timeText: t.timeText ?? null,
    series: t.series?.key
      ? { key: t.series.key, index: t.series.index ?? 0, count: t.series.count ?? 0 }
      : null,
  };
}

/**
 * A task loaded before the document's values were kept with it: its base is what it says now, except the
 * fields changed in chat, whose first edit's "before" is what the document said.
 */
function legacyBase(current: DocFields, edits: Array<{ field: string; before?: unknown }>): DocFields {
  const base = { ...current, lead: [...current.lead], support: [...current.support] };
  const seen = new Set<string>();
  for (const e of edits) {
    if (seen.has(e.field)) continue;
    seen.add(e.field);
    const before = e.before;
    if (e.field === 'end' && Array.isArray(before) && before.length === 2) {
      base.start = (before[0] as string) || null;
      base.end = (before[1] as string) || null;
      seen.add('start');
    } else if (e.field === 'title' && typeof before === 'string') base.title = before;
    else if ((e.field === 'start' || e.field === 'end') && (typeof before === 'string' || before === null))
      base[e.field] = before;
    else if ((e.field === 'lead' || e.field === 'support') && Array.isArray(before))
      base[e.field] = before.map(String);
  }
  return base;
}

export async function loadPlan(
  draft: PlanDraft,
  sourceText: string,
  sourceName: string | null,
  /** The service clock's now (BOT_NOW counts): whether an end had passed at load is judged against it. */
  loadedAt: Date,
  options: LoadOptions = {},
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

  const merge = await mergeWithStore(plan, draft);
  const takeDocument = new Set(options.takeDocument ?? []);
  const result: LoadResult = {
    planId: idOf(plan._id),
    created: 0,
    updated: 0,
    unchanged: 0,
    missing: merge.missing.map((t) => ({ number: t.number, title: t.current.title })),
    keptDeleted: [],
    conflicts: merge.conflicts,
    taskIds: [],
    numbers: new Map(),
  };

  // Renumbered items swap places: park their refs first, so the (plan, ref) index never sees two alike.
  const moving = merge.tasks.filter(
    (m): m is Extract<MergedTask, { kind: 'matched' }> => m.kind === 'matched' && m.ref !== m.task.ref,
  );
  for (const m of moving) await Task.updateOne({ _id: m.task.id }, { $set: { ref: `~moving~${m.task.id}` } });

  for (const m of merge.tasks) {
    if (m.kind === 'deleted') {
      result.keptDeleted.push({ number: m.deleted.number, title: m.deleted.title });
      continue;
    }
    if (m.kind === 'new') {
      const number = await nextNumber(idOf(org._id));
      const doc = await Task.create({
        org: org._id,
        plan: plan._id,
        number,
        ref: m.ref,
        loadedAt,
        ...m.fields,
        doc: m.fields,
      });
      result.created++;
      result.taskIds.push(idOf(doc._id));
      result.numbers.set(m.ref, number);
      continue;
    }
    const fields = withChoices(m, takeDocument);
    const changed = !sameFields(fields, m.task.current);
    if (changed) {
      // A new window or new departments change the reminders: bump the revision so queued ones are re-planned.
      await Task.updateOne(
        { _id: m.task.id },
        { $set: { ...fields, ref: m.ref, doc: m.doc }, $inc: { revision: 1 } },
      );
      result.updated++;
    } else {
      // Nothing to write when the document says what it said before: the same file again changes nothing.
      if (m.ref !== m.task.ref || !sameFields(m.doc, m.task.base))
        await Task.updateOne({ _id: m.task.id }, { $set: { ref: m.ref, doc: m.doc } });
      result.unchanged++;
    }
    result.taskIds.push(m.task.id);
    result.numbers.set(m.ref, m.task.number);
  }
  return result;
}
