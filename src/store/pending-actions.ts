/** Actions that wait for /confirm in a chat: plan drafts sent as files, and deletions. */
import type { PlanDraft } from '../domain/task';
import { PendingAction } from './models';
import { idOf } from './types';

export interface SetupProposalData {
  name: string;
  departments: Array<{ slug: string; name: string; aliases: string[] }>;
}

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
      kind: 'setup';
      org: string;
      userId: string;
      /** The organisation a first plan proposes: its name and departments, as the secretary will confirm them. */
      proposal: SetupProposalData;
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
async function clearChat(where: ChatRef, now: Date, kind: 'import' | 'delete' | 'setup'): Promise<void> {
  // A plan replaces the chat's earlier plan, whether it was to load into an organisation or to start one.
  const kinds: Array<'import' | 'delete' | 'setup'> = kind === 'delete' ? ['delete'] : ['import', 'setup'];
  await PendingAction.deleteMany({
    platform: where.platform,
    chatId: where.chatId,
    $or: [{ expiresAt: { $lte: now } }, { kind: { $in: kinds } }],
  });
}

export async function savePendingSetup(
  where: ChatRef,
  data: { proposal: SetupProposalData; sourceText: string; fileName: string },
  now: Date,
): Promise<void> {
  await clearChat(where, now, 'setup');
  await PendingAction.create({
    ...where,
    kind: 'setup',
    org: '',
    draft: data.proposal,
    sourceText: data.sourceText,
    fileName: data.fileName,
    createdAt: now,
    expiresAt: new Date(now.getTime() + DRAFT_TTL_MS),
  });
}

/** A draft read again after its directory changed (an unknown unit added or named as a department). */
export async function replacePendingDraft(id: string, draft: PlanDraft): Promise<void> {
  await PendingAction.updateOne({ _id: id, kind: 'import' }, { $set: { draft } });
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
  const d = await PendingAction.findOne({
    platform,
    chatId,
    kind: { $in: ['import', 'delete', 'setup'] },
    expiresAt: { $gt: now },
  })
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
  if (d.kind === 'setup')
    return {
      ...base,
      kind: 'setup',
      proposal: d.draft as SetupProposalData,
      sourceText: d.sourceText ?? '',
      fileName: d.fileName ?? '',
    };
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
