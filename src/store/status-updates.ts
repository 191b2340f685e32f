import type { TaskStatus } from '../domain/task';
import { StatusUpdate, Task } from './models';
import { toTask } from './task-repository';
import { idOf, type TaskRecord } from './types';

/** Tries against a revision that moved under us; each conflict means another change landed first. */
const MAX_TRIES = 20;
export type UpdateAction = 'done' | 'progress' | 'blocked' | 'note' | 'reopen';

export interface ChangeRequest {
  task: TaskRecord;
  action: UpdateAction;
  progress?: number;
  note?: string | null;
  by: { platform: string; chatId: string; userId: string; userName: string };
  /** platform:chat:message — the same platform message applied twice changes nothing twice. */
  dedupeKey: string;
  messageId: string | null;
  text: string;
  at: Date;
}

export interface ChangeResult {
  task: TaskRecord;
  before: { status: TaskStatus; progress: number };
  /** True when this platform message had already been applied. */
  duplicate: boolean;
}

function nextState(req: ChangeRequest): { status: TaskStatus; progress: number } {
  const { task } = req;
  switch (req.action) {
    case 'done':
      return { status: 'done', progress: 100 };
    case 'progress': {
      const p = req.progress ?? task.progress;
      return { status: p >= 100 ? 'done' : 'in_progress', progress: p };
    }
    case 'blocked':
      return { status: 'blocked', progress: task.progress };
    case 'reopen':
      return { status: task.progress > 0 ? 'in_progress' : 'open', progress: Math.min(task.progress, 99) };
    case 'note':
      return { status: task.status, progress: task.progress };
  }
}

/**
 * Records a change and applies it. The audit record is written first (its unique dedupe key makes a
 * redelivered message a no-op), then the task is updated guarded by its revision, so two people updating
 * at once cannot overwrite each other. No multi-document transaction: both MongoDB and FerretDB do this.
 */
export async function applyChange(req: ChangeRequest): Promise<ChangeResult> {
  const existing = await StatusUpdate.findOne({ dedupeKey: req.dedupeKey }).lean();
  if (existing?.applied) {
    const current = await Task.findById(req.task.id).lean();
    return {
      task: current ? toTask(current as Parameters<typeof toTask>[0], req.task.planTitle) : req.task,
      before: {
        status: existing.before?.status ?? req.task.status,
        progress: existing.before?.progress ?? 0,
      },
      duplicate: true,
    };
  }

  // The audit record is written once: a second try after a revision conflict reuses it (a second insert
  // would collide with its own dedupe key).
  let record = existing;
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const fresh = attempt === 0 ? req.task : await reload(req.task);
    const before = { status: fresh.status, progress: fresh.progress };
    const after = nextState({ ...req, task: fresh });
    const note = req.note ?? null;
    record ??= await insertRecord(req, before, after, note);
    // A write whose answer was lost in an outage may have landed: then it is done, not to be done again.
    const recordId = idOf(record._id);
    if (fresh.history.some((h) => h.update === recordId)) {
      await StatusUpdate.updateOne({ _id: record._id }, { $set: { applied: true } });
      return { task: fresh, before: landedBefore(record.before) ?? before, duplicate: false };
    }
    const completedAt = after.status === 'done' ? (fresh.completedAt ?? req.at) : null;
    const updated = await Task.findOneAndUpdate(
      { _id: fresh.id, revision: fresh.revision },
      {
        $set: {
          status: after.status,
          progress: after.progress,
          completedAt,
          blockedReason: after.status === 'blocked' ? note : null,
        },
        $push: {
          history: {
            at: req.at,
            by: `${req.by.userName} (${req.by.platform}:${req.by.userId})`,
            ...after,
            note,
            update: record._id,
          },
        },
        $inc: { revision: 1 },
      },
      { returnDocument: 'after' },
    ).lean();
    if (updated) {
      await StatusUpdate.updateOne({ _id: record._id }, { $set: { applied: true, before, after } });
      return {
        task: toTask(updated as Parameters<typeof toTask>[0], req.task.planTitle),
        before,
        duplicate: false,
      };
    }
  }
  throw new Error(`task ${req.task.number} is being changed by others; try again`);
}

function landedBefore(
  b: { status?: TaskStatus | null; progress?: number | null } | null | undefined,
): { status: TaskStatus; progress: number } | null {
  return b?.status ? { status: b.status, progress: b.progress ?? 0 } : null;
}

async function reload(task: TaskRecord): Promise<TaskRecord> {
  const d = await Task.findById(task.id).lean();
  if (!d) throw new Error(`task ${task.number} no longer exists`);
  return toTask(d as Parameters<typeof toTask>[0], task.planTitle);
}

async function insertRecord(
  req: ChangeRequest,
  before: { status: TaskStatus; progress: number },
  after: { status: TaskStatus; progress: number },
  note: string | null,
) {
  return StatusUpdate.create({
    org: req.task.org,
    task: req.task.id,
    taskNumber: req.task.number,
    dedupeKey: req.dedupeKey,
    platform: req.by.platform,
    chatId: req.by.chatId,
    messageId: req.messageId,
    userId: req.by.userId,
    userName: req.by.userName,
    text: req.text,
    action: req.action,
    before,
    after,
    note,
    at: req.at,
    applied: false,
  });
}

export async function recentUpdates(taskId: string, limit = 3) {
  const rows = await StatusUpdate.find({ task: taskId, applied: true }).sort({ at: -1 }).limit(limit).lean();
  return rows.map((r) => ({
    at: r.at,
    userName: r.userName,
    action: r.action as UpdateAction,
    after: r.after,
    note: r.note ?? null,
    id: idOf(r._id),
  }));
}
