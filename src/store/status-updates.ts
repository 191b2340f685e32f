/** Reading the audit records of status changes; they are written by `commitTaskChange` (task-commit.ts). */
import type { AuditAction } from '../domain/task-rules';
import { StatusUpdate } from './models';
import { idOf } from './types';

export type UpdateAction = AuditAction;

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
