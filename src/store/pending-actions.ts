/** Actions that wait for /confirm in a chat: plan drafts sent as files, and deletions. */
import type { PlanDraft } from '../domain/task';
import { PendingAction } from './models';
import { idOf } from './types';

export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;
/** A deletion not confirmed soon is forgotten: a /confirm typed much later is more likely meant for a plan. */
export const DELETE_TTL_MS = 30 * 60 * 1000;

export interface ChatRef {
  platform: string;
  chatId: string;
  userId: string;
}

export type PendingRecord =
  | {
      id: string;
      kind: 'import';
      org: string;
      userId: string;
      draft: PlanDraft;
      sourceText: string;
      fileName: string;
      createdAt: Date;
      expiresAt: Date;
    }
  | {
      id: string;
      kind: 'delete';
      org: string;
      userId: string;
      taskNumber: number;
      createdAt: Date;
      expiresAt: Date;
    };

/** Forgets what expired in this chat; a new plan draft replaces the chat's earlier one. */
async function clearChat(where: ChatRef, now: Date, kind: 'import' | 'delete'): Promise<void> {
  await PendingAction.deleteMany({
    platform: where.platform,
    chatId: where.chatId,
    $or: [{ expiresAt: { $lte: now } }, { kind }],
  });
}

export async function savePendingImport(
  where: ChatRef,
  data: { org: string; draft: PlanDraft; sourceText: string; fileName: string },
  now: Date,
): Promise<void> {
  await clearChat(where, now, 'import');
  await PendingAction.create({
    ...where,
    kind: 'import',
    ...data,
    createdAt: now,
    expiresAt: new Date(now.getTime() + DRAFT_TTL_MS),
  });
}

export async function savePendingDelete(
  where: ChatRef,
  data: { org: string; taskNumber: number },
  now: Date,
): Promise<void> {
  await clearChat(where, now, 'delete');
  await PendingAction.create({
    ...where,
    kind: 'delete',
    ...data,
    createdAt: now,
    expiresAt: new Date(now.getTime() + DELETE_TTL_MS),
  });
}

/** The newest action of this chat that has not expired by `now` (the service clock). */
export async function latestPending(
  platform: string,
  chatId: string,
  now: Date,
): Promise<PendingRecord | null> {
  const d = await PendingAction.findOne({ platform, chatId, expiresAt: { $gt: now } })
    .sort({ createdAt: -1 })
    .lean();
  if (!d) return null;
  const base = {
    id: idOf(d._id),
    org: d.org,
    userId: d.userId,
    createdAt: d.createdAt,
    expiresAt: d.expiresAt,
  };
  if (d.kind === 'delete') return { ...base, kind: 'delete', taskNumber: d.taskNumber ?? 0 };
  return {
    ...base,
    kind: 'import',
    draft: d.draft as PlanDraft,
    sourceText: d.sourceText ?? '',
    fileName: d.fileName ?? '',
  };
}

/** True when this call removed it: two /confirm at once load the plan once. */
export async function takePending(id: string): Promise<boolean> {
  const res = await PendingAction.deleteOne({ _id: id });
  return res.deletedCount === 1;
}

export async function countPending(platform: string, chatId: string): Promise<number> {
  return PendingAction.countDocuments({ platform, chatId });
}
