/**
 * Tasks added or deleted in chat, and the history of a task's plan. Edits of a task's title, window or
 * departments go through `commitTaskChange` (task-commit.ts), like every other change.
 */
import { Plan, StatusUpdate, Task, TaskEdit } from './models';
import { EDIT_FIELDS, type EditField } from './models/task-edit';
import { nextNumber } from './plan-loader';
import { toTask } from './task-repository';
import type { Author } from './task-commit';
import { idOf, type TaskRecord } from './types';

export { EDIT_FIELDS, type EditField } from './models/task-edit';
export type { Author } from './task-commit';

export interface EditMeta {
  by: Author;
  dedupeKey: string;
  messageId: string | null;
  text: string;
  at: Date;
}

export type { TaskPatch } from '../domain/task-rules';

export type EditValue = string | string[] | null;

type TaskLean = Parameters<typeof toTask>[0];

function authorFields(meta: EditMeta) {
  return {
    platform: meta.by.platform,
    chatId: meta.by.chatId,
    messageId: meta.messageId,
    userId: meta.by.userId,
    userName: meta.by.userName,
    text: meta.text,
    at: meta.at,
  };
}

export type NewTask = Pick<
  TaskRecord,
  'title' | 'kind' | 'lead' | 'support' | 'start' | 'end' | 'timeText' | 'source'
>;

/**
 * Tasks added in chat belong to one plan per organisation and year, "added in chat", so they live beside
 * the imported ones without ever being taken for part of a document on re-import.
 */
export async function addTask(
  orgId: string,
  year: number,
  planTitle: string,
  fields: NewTask,
  meta: EditMeta,
): Promise<{ task: TaskRecord; duplicate: boolean }> {
  const existing = await TaskEdit.findOne({ dedupeKey: meta.dedupeKey }).lean();
  if (existing) {
    const d = await Task.findById(existing.task).lean();
    if (d) return { task: toTask(d as TaskLean, planTitle), duplicate: true };
  }
  const plan = await Plan.findOneAndUpdate(
    { org: orgId, key: `chat:${year}` },
    {
      $setOnInsert: {
        title: planTitle,
        docNumber: null,
        issuedOn: null,
        year,
        sourceHash: 'chat',
        sourceName: null,
      },
    },
    { upsert: true, returnDocument: 'after' },
  ).lean();
  if (!plan) throw new Error('the plan for tasks added in chat could not be saved');
  const number = await nextNumber(orgId);
  const doc = await Task.create({ org: orgId, plan: plan._id, number, ref: `chat-${number}`, ...fields });
  const task = toTask(doc.toObject() as TaskLean, plan.title);
  await TaskEdit.create({
    org: orgId,
    task: task.id,
    taskNumber: number,
    dedupeKey: meta.dedupeKey,
    ...authorFields(meta),
    field: 'created',
    before: null,
    after: task.title,
    applied: true,
  });
  return { task, duplicate: false };
}

/**
 * Deletes the task. Its audit records stay (the deletion's keeps the title), so /history still tells who
 * removed what; its status updates stay too.
 */
export async function deleteTask(task: TaskRecord, meta: EditMeta): Promise<void> {
  await TaskEdit.updateOne(
    { dedupeKey: meta.dedupeKey },
    {
      $setOnInsert: {
        org: task.org,
        task: task.id,
        taskNumber: task.number,
        dedupeKey: meta.dedupeKey,
        ...authorFields(meta),
        field: 'deleted',
        before: task.title,
        after: null,
        applied: true,
      },
    },
    { upsert: true },
  );
  // The plan remembers it as its document had it, so loading a new version does not bring it back.
  const gone = await Task.findOne({ _id: task.id }, { doc: 1 }).lean();
  const doc = (gone?.doc ?? null) as { title?: string; start?: string | null; end?: string | null } | null;
  const { deletedCount } = await Task.deleteOne({ _id: task.id });
  if (deletedCount)
    await Plan.updateOne(
      { _id: task.plan },
      {
        $push: {
          chatDeleted: {
            number: task.number,
            ref: task.ref,
            title: doc?.title ?? task.title,
            start: doc ? (doc.start ?? null) : task.start,
            end: doc ? (doc.end ?? null) : task.end,
          },
        },
      },
    );
}

export type HistoryEntry =
  | { kind: 'edit'; at: Date; userName: string; field: EditField; before: EditValue; after: EditValue }
  | {
      kind: 'update';
      at: Date;
      userName: string;
      action: string;
      status: string | null;
      progress: number | null;
      note: string | null;
    };

/** Everything that happened to task `number` of the organisation, oldest first. */
export async function taskHistory(orgId: string, number: number, limit = 30): Promise<HistoryEntry[]> {
  const [edits, updates] = await Promise.all([
    TaskEdit.find({ org: orgId, taskNumber: number, applied: true }).sort({ at: -1 }).limit(limit).lean(),
    StatusUpdate.find({ org: orgId, taskNumber: number, applied: true }).sort({ at: -1 }).limit(limit).lean(),
  ]);
  const entries: HistoryEntry[] = [
    ...edits.map((e): HistoryEntry => ({
      kind: 'edit',
      at: e.at,
      userName: e.userName,
      field: e.field as EditField,
      before: (e.before ?? null) as EditValue,
      after: (e.after ?? null) as EditValue,
    })),
    ...updates.map((u): HistoryEntry => ({
      kind: 'update',
      at: u.at,
      userName: u.userName,
      action: u.action,
      status: u.after?.status ?? null,
      progress: u.after?.progress ?? null,
      note: u.note ?? null,
    })),
  ];
  entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  return entries.slice(-limit);
}

/** The latest chat edits of a task, newest first, for /task. */
export async function recentEdits(taskId: string, limit = 3) {
  const rows = await TaskEdit.find({ task: taskId, applied: true }).sort({ at: -1 }).limit(limit).lean();
  return rows.map((r) => ({
    at: r.at,
    userName: r.userName,
    field: r.field as EditField,
    before: (r.before ?? null) as EditValue,
    after: (r.after ?? null) as EditValue,
    id: idOf(r._id),
  }));
}

export const isEditField = (x: string): x is EditField => (EDIT_FIELDS as readonly string[]).includes(x);
