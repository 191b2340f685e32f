/**
 * The ReminderLog delivery protocol, per (key, platform, chat), unique in the store, for every reminder of
 * one group's message (jobs/deliver.ts orchestrates it; jobs/README.md explains the window to operators):
 *   1. a 'sent' or 'failed' row → done, never sent again;
 *   2. else a 'sending' row is claimed (inserted, resumed after 'waiting', or taken over) BEFORE the send,
 *   3. and marked 'sent' with the platform's message id right after it.
 * A 'sending' row found later means the outcome of an earlier attempt is unknown: the platform may have
 * posted the message and the worker died before step 3. Such a row is taken over once `staleMs` old on the
 * clock the caller passes in (at once when the earlier attempt recorded its error). 'waiting': nothing was
 * posted and the channel asked to wait; 'superseded': its day passed (or its task no longer needs it) while
 * it waited. Every state carries a typed reason, so a reader asks "waiting for a session?" of the row itself.
 */
import { randomUUID } from 'node:crypto';
import { ReminderLog } from './models';
import type { REMINDER_LOG_STATES } from './models/reminder-log';
import type { StoreId } from './types';

export type ReminderLogState = (typeof REMINDER_LOG_STATES)[number];

/** How the attempt now sending got the row. */
export type ClaimReason = 'claimed' | 'resumed' | 'taken-over';
/**
 * Why nothing was posted yet, as the channel said (SendDeferredError's reasons): no session, the chat
 * refused it for now, the account's send budget is spent or the account is paused (is23's Zalo budget).
 */
export type WaitReason = 'offline' | 'chat-refused' | 'budget' | 'paused';
/** Why the reminder will never go to this group. */
export type FailReason = 'refused' | 'unreachable' | 'migrated';
/** Why a waiting reminder was dropped: the check that found it no longer due. */
export type SupersedeReason = 'past-day' | 'done' | 'not-planned' | 'task-gone';

/** A row's state with the reasons that state can have: the whole protocol, as a type. */
export type ReminderLogStatus =
  | { state: 'sending'; reason: ClaimReason }
  | { state: 'sent'; reason: null }
  | { state: 'waiting'; reason: WaitReason }
  | { state: 'failed'; reason: FailReason }
  | { state: 'superseded'; reason: SupersedeReason };

/** A row's id, as handed out by a claim; opaque to callers. */
export type LogRowId = string;

/** What a new row records about the reminder it is for. */
export interface LogDraft {
  key: string;
  org: StoreId | string;
  task: StoreId | string;
  taskNumber: number;
  kind: string;
  target: string;
}

export interface ClaimInput<T> {
  platform: string;
  chatId: string;
  items: readonly { item: T; row: LogDraft }[];
  /** The claim's time, on the service clock. */
  now: Date;
  /** How old an unfinished 'sending' row with no error must be before it is taken over. */
  staleMs: number;
}

export type ClaimResult<T> = { wait: number } | { claimed: { item: T; id: LogRowId }[]; resent: boolean };

type LogRow = {
  _id: StoreId;
  key: string;
  state: ReminderLogState;
  error?: string | null;
  updatedAt: Date;
  claimedAt?: Date | null;
  claim?: string | null;
};

const status = <S extends ReminderLogStatus>(s: S): S => s;

function isDuplicateKey(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; writeErrors?: { code?: unknown }[] };
  return e.code === 11000 || Boolean(e.writeErrors?.some((w) => w.code === 11000));
}

/**
 * Compare-and-set on updatedAt (bumped by every write, so it versions the row): of two workers taking over
 * the same unfinished row, one wins.
 */
async function takeOver(row: LogRow, now: Date): Promise<LogRowId | null> {
  const taken = await ReminderLog.findOneAndUpdate(
    { _id: row._id, state: 'sending', updatedAt: row.updatedAt },
    { $set: { ...status({ state: 'sending', reason: 'taken-over' }), error: null, claimedAt: now } },
    { returnDocument: 'after' },
  ).lean();
  return taken ? String(taken._id) : null;
}

/** A row the channel asked to wait: this attempt takes it, like a fresh one (nothing was posted). */
async function resumeWaiting(row: LogRow, now: Date): Promise<LogRowId | null> {
  const taken = await ReminderLog.findOneAndUpdate(
    { _id: row._id, state: 'waiting' },
    { $set: { ...status({ state: 'sending', reason: 'resumed' }), error: null, claimedAt: now } },
    { returnDocument: 'after' },
  ).lean();
  return taken ? String(taken._id) : null;
}

/**
 * Claims a 'sending' row for each item not yet delivered to this group. Items already 'sent' or 'failed'
 * are left out. A row of an earlier attempt whose outcome is unknown is taken over once stale (at once
 * when it recorded an error); a younger one makes the whole message wait (`wait` ms), so it is never split.
 */
export async function claimRows<T>(input: ClaimInput<T>): Promise<ClaimResult<T>> {
  const { platform, chatId, items, now, staleMs } = input;
  const claim = randomUUID();
  const docs = items.map(({ row }) => ({
    ...row,
    claim,
    platform,
    chatId,
    ...status({ state: 'sending', reason: 'claimed' }),
    claimedAt: now,
  }));
  // Insert first: on the usual path there is no row yet, and the unique index answers without a lookup.
  try {
    const made = await ReminderLog.insertMany(docs, { ordered: false });
    return { claimed: made.map((doc, i) => ({ item: items[i]!.item, id: String(doc._id) })), resent: false };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  // Some rows existed: the rest were inserted just now (unordered), under this attempt's claim.
  const rows = await ReminderLog.find(
    { platform, chatId, key: { $in: items.map((i) => i.row.key) } },
    'key state error updatedAt claimedAt claim',
  ).lean<LogRow[]>();
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const fresh: { item: T; row: LogDraft }[] = [];
  const mine: { item: T; id: LogRowId }[] = [];
  const stale: { item: T; row: LogRow }[] = [];
  const waiting: { item: T; row: LogRow }[] = [];
  for (const entry of items) {
    const row = byKey.get(entry.row.key);
    if (!row) fresh.push(entry);
    else if (row.claim === claim) mine.push({ item: entry.item, id: String(row._id) });
    else if (row.state === 'waiting') waiting.push({ item: entry.item, row });
    else if (row.state === 'sending') {
      // Rows written before claimedAt existed fall back to their last write.
      const age = now.getTime() - (row.claimedAt ?? row.updatedAt).getTime();
      // No error recorded: the attempt may still be running somewhere, or died mid-send. Wait, then resend.
      if (!row.error && age < staleMs) {
        await ReminderLog.deleteMany({ _id: { $in: mine.map((m) => m.id) }, claim, state: 'sending' });
        return { wait: staleMs - age };
      }
      stale.push({ item: entry.item, row });
    }
  }
  const claimed: { item: T; id: LogRowId }[] = [...mine];
  for (const { item, row } of waiting) {
    const id = await resumeWaiting(row, now);
    if (!id) return { wait: 1000 };
    claimed.push({ item, id });
  }
  for (const { item, row } of stale) {
    const id = await takeOver(row, now);
    if (!id) return { wait: 1000 };
    claimed.push({ item, id });
  }
  if (fresh.length) {
    const keys = new Set(fresh.map((i) => i.row.key));
    try {
      const made = await ReminderLog.insertMany(
        docs.filter((d) => keys.has(d.key)),
        { ordered: true },
      );
      made.forEach((doc, i) => claimed.push({ item: fresh[i]!.item, id: String(doc._id) }));
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Another attempt claimed one of them in between: undo ours (by this claim, never the other's rows),
      // and look again in a moment.
      await ReminderLog.deleteMany({ platform, chatId, key: { $in: [...keys] }, claim, state: 'sending' });
      return { wait: 1000 };
    }
  }
  return { claimed, resent: stale.length > 0 };
}

/** The message is out: record it, trying a few times, since failing here is what opens the window. */
export async function markSent(
  ids: readonly LogRowId[],
  sent: { messageId: string; messageIds?: readonly string[]; at: Date },
): Promise<void> {
  // Every chunk's id, when a long message went out in several: a reply to any of them finds the tasks.
  const all = sent.messageIds && sent.messageIds.length > 1 ? { messageIds: [...sent.messageIds] } : {};
  const set = {
    $set: {
      ...status({ state: 'sent', reason: null }),
      messageId: sent.messageId,
      ...all,
      sentAt: sent.at,
      error: null,
    },
  };
  for (let attempt = 1; ; attempt++) {
    try {
      // One update per row, by _id: FerretDB answers `_id: { $in }` with a collection scan.
      await Promise.all(ids.map((id) => ReminderLog.updateOne({ _id: id }, set)));
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

/** Nothing was posted and the channel asked this delivery to wait; the next attempt resumes the rows. */
export async function markWaiting(
  ids: readonly LogRowId[],
  reason: WaitReason,
  error: string,
): Promise<void> {
  const set = { $set: { ...status({ state: 'waiting', reason }), error: error.slice(0, 500) } };
  await Promise.all(ids.map((id) => ReminderLog.updateOne({ _id: id }, set)));
}

/** The reminder will never go to this group; the rows say why. */
export async function markFailed(ids: readonly LogRowId[], reason: FailReason, error: string): Promise<void> {
  await ReminderLog.updateMany(
    { _id: { $in: ids } },
    { $set: { ...status({ state: 'failed', reason }), error } },
  );
}

/**
 * The send failed in a way a retry may fix: the rows stay 'sending' with the error kept for operators, which
 * also lets the retry take them over at once.
 */
export async function recordSendError(ids: readonly LogRowId[], error: string): Promise<void> {
  await ReminderLog.updateMany({ _id: { $in: ids } }, { $set: { error: error.slice(0, 500) } });
}

/** The platform refused the message outright (a 429): nothing was posted, so the claims are dropped. */
export async function releaseClaims(ids: readonly LogRowId[]): Promise<void> {
  await ReminderLog.deleteMany({ _id: { $in: ids }, state: 'sending' });
}

/** A reminder kept waiting until it was no longer due: not sent late, not a failure. */
export async function supersedeWaiting(
  row: { key: string; platform: string; chatId: string },
  reason: SupersedeReason,
): Promise<void> {
  await ReminderLog.updateOne(
    { ...row, state: 'waiting' },
    { $set: status({ state: 'superseded', reason }) },
  );
}

/** The rows of a platform waiting for the reason given (all waiting rows without one). */
export async function waitingRows(
  platform: string,
  reason?: WaitReason,
): Promise<Array<{ key: string; chatId: string }>> {
  return ReminderLog.find(
    { platform, state: 'waiting', ...(reason ? { reason } : {}) },
    { key: 1, chatId: 1 },
  ).lean<Array<{ key: string; chatId: string }>>();
}

export async function countWaiting(platform: string, reason: WaitReason): Promise<number> {
  return ReminderLog.countDocuments({ platform, state: 'waiting', reason });
}

/** How many rows are in this state (the benchmark counts what was logged as sent). */
export async function countRowsInState(state: ReminderLogState): Promise<number> {
  return ReminderLog.countDocuments({ state });
}
