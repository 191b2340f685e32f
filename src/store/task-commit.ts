/**
 * The one way a task changes: the domain's `decide` says what to write, this writes it with its audit
 * record. The record is written first under a unique dedupe key (a redelivered message or a second press
 * of the same button changes nothing twice), then the task is updated guarded by its revision, so two
 * people changing it at once cannot overwrite each other: on a lost race the task is read again and the
 * rules asked again. The revision bump also tells queued reminders of the old version to stand down.
 * No multi-document transaction: both MongoDB and FerretDB do this.
 */
import {
  decide,
  type Actor,
  type Policy,
  type RefusalCode,
  type TaskAction,
  type TaskChange,
  type TaskPatch,
} from '../domain/task-rules';
import type { LocalDate } from '../domain/task';
import { StatusUpdate, Task, TaskEdit } from './models';
import type { EditField } from './models/task-edit';
import { toTask } from './task-repository';
import type { TaskRecord } from './types';

export interface Author {
  platform: string;
  chatId: string;
  userId: string;
  userName: string;
}

export interface CommitMeta {
  by: Author;
  /** platform:chat:message (or message and button) — the same platform event applied twice changes nothing twice. */
  dedupeKey: string;
  messageId: string | null;
  text: string;
  at: Date;
  today: LocalDate;
}

export type CommitOutcome =
  | { kind: 'applied'; task: TaskRecord; before: TaskRecord; change: TaskChange }
  | { kind: 'refused'; code: RefusalCode; task: TaskRecord }
  | { kind: 'duplicate'; task: TaskRecord };

type TaskLean = Parameters<typeof toTask>[0];

const ATTEMPTS = 5;

export const authorLabel = (by: Author): string => `${by.userName} (${by.platform}:${by.userId})`;

export async function commitTaskChange(
  task: TaskRecord,
  action: TaskAction,
  roles: Actor['roles'],
  policy: Policy,
  meta: CommitMeta,
): Promise<CommitOutcome> {
  const isEdit = action.kind === 'edit';
  const existing = isEdit
    ? await TaskEdit.findOne({ dedupeKey: meta.dedupeKey }).lean()
    : await StatusUpdate.findOne({ dedupeKey: meta.dedupeKey }).lean();
  if (existing?.applied) return { kind: 'duplicate', task: (await reload(task)) ?? task };
  const who: Actor = { roles, label: authorLabel(meta.by) };

  let recordId = existing?._id ?? null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const fresh = attempt === 0 ? task : await reload(task);
    if (!fresh) throw new Error(`task ${task.number} no longer exists`);
    // A write whose answer was lost (the store went away mid-call) may have landed: the task's history
    // names the update it applied, so running the message again does not apply it twice.
    if (recordId && fresh.history.some((h) => h.update === String(recordId))) {
      await StatusUpdate.updateOne({ _id: recordId }, { $set: { applied: true } });
      return { kind: 'duplicate', task: fresh };
    }
    const decision = decide(fresh, action, who, { at: meta.at, today: meta.today }, policy);
    if (!decision.ok) return { kind: 'refused', code: decision.code, task: fresh };
    const { change } = decision;
    const after: TaskRecord = { ...fresh, ...(change.set as Partial<TaskRecord>) };
    recordId ??= isEdit
      ? await insertEdit(fresh, after, (action as { patch: TaskPatch }).patch, meta)
      : await insertUpdate(fresh, after, change, meta);

    const push: Record<string, unknown> = {};
    if (change.extension) push.extensions = change.extension;
    if (change.evidence?.length) push.attachments = { $each: change.evidence };
    if (change.history)
      push.history = {
        at: meta.at,
        by: who.label,
        status: after.status,
        progress: after.progress,
        note: change.audit.note,
        update: recordId,
      };
    const updated = await Task.findOneAndUpdate(
      { _id: fresh.id, revision: fresh.revision },
      {
        $set: change.set,
        ...(Object.keys(push).length ? { $push: push } : {}),
        $inc: { revision: 1 },
      },
      { returnDocument: 'after' },
    ).lean();
    if (updated) {
      const model = isEdit ? TaskEdit : StatusUpdate;
      const state = { status: after.status, progress: after.progress };
      await (model as typeof StatusUpdate).updateOne(
        { _id: recordId },
        { $set: isEdit ? { applied: true } : { applied: true, after: state } },
      );
      return {
        kind: 'applied',
        task: toTask(updated as TaskLean, task.planTitle),
        before: fresh,
        change,
      };
    }
  }
  throw new Error(`task ${task.number} is being changed by others; try again`);
}

async function reload(task: TaskRecord): Promise<TaskRecord | null> {
  const d = await Task.findById(task.id).lean();
  return d ? toTask(d as TaskLean, task.planTitle) : null;
}

function metaFields(task: TaskRecord, meta: CommitMeta) {
  return {
    org: task.org,
    task: task.id,
    taskNumber: task.number,
    dedupeKey: meta.dedupeKey,
    platform: meta.by.platform,
    chatId: meta.by.chatId,
    messageId: meta.messageId,
    userId: meta.by.userId,
    userName: meta.by.userName,
    text: meta.text,
    at: meta.at,
    applied: false,
  };
}

async function insertUpdate(before: TaskRecord, after: TaskRecord, change: TaskChange, meta: CommitMeta) {
  const doc = await StatusUpdate.create({
    ...metaFields(before, meta),
    action: change.audit.action,
    before: { status: before.status, progress: before.progress },
    after: { status: after.status, progress: after.progress },
    note: change.audit.note,
    ...(change.extension ? { extension: change.extension } : {}),
  });
  return doc._id;
}

/** The audit field a patch is recorded under: a window change is recorded as its end, or its start. */
function fieldOf(patch: TaskPatch): keyof TaskPatch & EditField {
  const keys = Object.keys(patch) as Array<keyof TaskPatch>;
  if (keys.includes('end')) return 'end';
  const first = keys[0];
  if (!first) throw new Error('empty edit');
  return first;
}

async function insertEdit(before: TaskRecord, after: TaskRecord, patch: TaskPatch, meta: CommitMeta) {
  const field = fieldOf(patch);
  const both = field === 'end' && 'start' in patch;
  const doc = await TaskEdit.create({
    ...metaFields(before, meta),
    field,
    before: both ? [before.start ?? '', before.end ?? ''] : before[field],
    after: both ? [after.start ?? '', after.end ?? ''] : after[field],
  });
  return doc._id;
}
