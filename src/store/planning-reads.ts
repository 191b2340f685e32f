/**
 * What reminder planning reads from the store: the planning projection of tasks (the producer's reconcile
 * streams all of them), the organisation's reminder settings, and the worker's re-read of a task.
 */
import { Organisation, Task } from './models';
import { isStoreId, type StoreId } from './types';

/**
 * The task fields planning reads, as a projection (for mongoose and the driver alike) so reconciling 10,000
 * tasks stays light. No title: planning never reads it, and real titles are the bulk of each document.
 */
export const PLAN_FIELDS = {
  org: 1,
  kind: 1,
  start: 1,
  end: 1,
  status: 1,
  completedAt: 1,
  support: 1,
  revision: 1,
  loadedAt: 1,
  snoozedFrom: 1,
  snoozedUntil: 1,
} as const;

export interface PlannableTask {
  _id: StoreId;
  org: StoreId;
  kind: string;
  start?: string | null;
  end?: string | null;
  status?: string | null;
  completedAt?: Date | null;
  support?: string[] | null;
  revision?: number | null;
  loadedAt?: Date | null;
  snoozedFrom?: string | null;
  snoozedUntil?: string | null;
}

/** A whole stored task as the reminder worker reads it (lean), for planning and for the message. */
export interface StoredTask extends PlannableTask {
  number: number;
  title: string;
  plan: StoreId;
  lead?: string[] | null;
}

/**
 * Every task's planning fields, in the server's batches, so planning and Redis writes start with the first
 * batch instead of after the whole read. Batches are taken from the driver's buffer at once rather than one
 * awaited document at a time (10,000 promise round trips through the iterators were a visible share of the
 * reconcile), and the next batch is requested before this one is handed over: the server's time per batch
 * is then hidden. If the server drops the cursor mid-way (FerretDB can, under concurrent writes), the rest
 * is read again in one query (`onLost` is told); the caller skips the tasks it has already seen.
 */
export async function* streamPlannableTasks(
  batchSize: number,
  onLost: (err: Error) => void,
): AsyncGenerator<PlannableTask[]> {
  // The raw driver, not mongoose: no document hydration or casting per row (jobs/README.md's figures).
  const cursor = Task.collection.find<PlannableTask>({}, { projection: PLAN_FIELDS, batchSize });
  try {
    let more = await cursor.hasNext();
    while (more) {
      const docs = cursor.readBufferedDocuments();
      // Ask for the next batch before handing this one over, so the server prepares it while we plan.
      const next = cursor.hasNext();
      next.catch(() => undefined);
      yield docs;
      more = await next;
    }
  } catch (err) {
    onLost(err as Error);
    yield await Task.find({}, PLAN_FIELDS).lean<PlannableTask[]>();
  } finally {
    await cursor.close().catch(() => undefined);
  }
}

/** Every task's planning fields in one read (the benchmark plans them apart from any queue). */
export async function allPlannableTasks(): Promise<PlannableTask[]> {
  return Task.find({}, PLAN_FIELDS).lean<PlannableTask[]>();
}

/** One task's planning fields; null for an id that is not one or a task that is gone. */
export async function findPlannableTask(taskId: string): Promise<PlannableTask | null> {
  return isStoreId(taskId) ? Task.findById(taskId, PLAN_FIELDS).lean<PlannableTask>() : null;
}

/** One whole task for the reminder worker; null for an id that is not one or a task that is gone. */
export async function findStoredTask(taskId: string): Promise<StoredTask | null> {
  return isStoreId(taskId) ? Task.findById(taskId).lean<StoredTask>() : null;
}

/** The tasks of a group's morning message, by id; ids that are not ids, or whose task is gone, are left out. */
export async function findStoredTasks(taskIds: readonly string[]): Promise<StoredTask[]> {
  // By _id one at a time: FerretDB answers `_id: { $in }` with a collection scan, and a morning holds few.
  const found = await Promise.all(
    taskIds.filter(isStoreId).map((id) => Task.findById(id).lean<StoredTask>()),
  );
  return found.filter((t): t is StoredTask => t !== null);
}

/** Which of these task ids still have a task (the reconcile's sweep of stray jobs). */
export async function existingTaskIds(ids: readonly string[]): Promise<Set<string>> {
  const valid = ids.filter(isStoreId);
  const out = new Set<string>();
  for (let i = 0; i < valid.length; i += 1000) {
    const docs = await Task.find({ _id: { $in: valid.slice(i, i + 1000) } }, '_id').lean();
    for (const d of docs) out.add(String(d._id));
  }
  return out;
}

/** An organisation's zone and stored reminder overrides (unvalidated: the scheduler checks them). */
export async function orgReminderSettings(
  orgId: string,
): Promise<{ timezone: string | null; reminderSettings: unknown } | null> {
  const org = await Organisation.findById(orgId, 'timezone reminderSettings').lean();
  return org ? { timezone: org.timezone ?? null, reminderSettings: org.reminderSettings ?? null } : null;
}
