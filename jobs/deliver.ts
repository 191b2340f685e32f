/**
 * A `deliver-<platform>` job: one group's reminders of one morning, as ONE message, each reminder in it
 * exactly once as far as the store can tell.
 *
 * The ReminderLog protocol, per (key, platform, chat), unique in the store, for every reminder of the message:
 *   1. a 'sent' or 'failed' row → done, never sent again;
 *   2. else a 'sending' row is written (or taken over) BEFORE the platform call,
 *   3. and marked 'sent' with the platform's message id right after it.
 * A 'sending' row found later means the outcome of an earlier attempt is unknown: the platform may have
 * posted the message and the worker died (or the answer was lost) before step 3. Such a row is sent again
 * once it is `sendingStaleMs` old (at once when the earlier attempt recorded its error): a reminder is never
 * lost, and it may be duplicated only inside that window. jobs/README.md says so for operators.
 * Two more states come from channels that cannot send for a while (Zalo without a session): 'waiting'
 * (nothing was posted; taken again like a fresh row when the channel is back) and 'superseded' (its day
 * passed while it waited: not sent late, not a failure).
 */
import { DelayedError, UnrecoverableError, Worker, type Job, type Queue } from 'bullmq';
import type { Platform } from '../src/bot/messages';
import { ChatMigratedError } from '../src/channels/telegram/errors';
import { RateLimitedError, SendDeferredError, SendRefusedError } from '../src/channels/sender';
import {
  DELIVERY_JOB_OPTIONS,
  JOB_NAMES,
  SLOT_TTL_S,
  deliveryJobId,
  keyLocalDate,
  keyTaskId,
  slotKey,
  type DeliveryJobData,
} from '../src/scheduler/reminder-queue';
import type { LocalDate } from '../src/domain/task';
import { Types } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { moveChat } from '../src/store/binding-repository';
import { redactUrl } from '../src/shared/logger';
import { ChatBinding, ReminderLog, Task } from '../src/store/models';
import { checkDue, type StoredTask } from './load-reminder';
import { deliveryRank } from './morning-order';
import { reminderBatchReply, type DueItem } from './render';
import type { ReminderRuntime } from './runtime';
import { targetChats, type TargetChat } from './targets';
import { isUnreachable, markUnreachable } from './unreachable';

export type DeliveryResult =
  | { status: 'sent'; messageId: string; resent: boolean; items: number }
  | { status: 'already-sent' | 'already-failed' }
  | { status: 'skipped'; reason: string }
  | { status: 'migrated'; newChatId: string };

type LogRow = {
  _id: unknown;
  key: string;
  state: string;
  error?: string | null;
  updatedAt: Date;
  claim?: string | null;
};

async function waitThenRetry(job: Job, token: string | undefined, ms: number): Promise<never> {
  await job.moveToDelayed(Date.now() + Math.max(ms, 50), token);
  throw new DelayedError();
}

/** 0 when this group may get a message now, else how long to wait; shared by all workers through Redis. */
async function chatGap(rt: ReminderRuntime, platform: Platform, chatId: string): Promise<number> {
  const gap = rt.chatGapMs[platform] ?? 0;
  if (gap <= 0) return 0;
  const key = `${rt.prefix}:pace:${platform}:${chatId}`;
  if ((await rt.connection.set(key, '1', 'PX', gap, 'NX')) === 'OK') return 0;
  return Math.max(await rt.connection.pttl(key), 50);
}

function isDuplicateKey(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; writeErrors?: { code?: unknown }[] };
  return e.code === 11000 || Boolean(e.writeErrors?.some((w) => w.code === 11000));
}

/** Compare-and-set on updatedAt: of two workers taking over the same unfinished row, one wins. */
async function takeOver(row: LogRow): Promise<unknown> {
  const taken = await ReminderLog.findOneAndUpdate(
    { _id: row._id, state: 'sending', updatedAt: row.updatedAt },
    { $set: { error: null } },
    { returnDocument: 'after' },
  ).lean();
  return taken?._id ?? null;
}

/** A row the channel asked to wait: this attempt takes it, like a fresh one (nothing was posted). */
async function resumeWaiting(row: LogRow): Promise<unknown> {
  const taken = await ReminderLog.findOneAndUpdate(
    { _id: row._id, state: 'waiting' },
    { $set: { state: 'sending', error: null } },
    { returnDocument: 'after' },
  ).lean();
  return taken?._id ?? null;
}

/** The message is out: record it, trying a few times, since failing here is what opens the window. */
async function markSent(
  rt: ReminderRuntime,
  ids: readonly unknown[],
  messageId: string,
  messageIds?: readonly string[],
): Promise<void> {
  // Every chunk's id, when a long message went out in several: a reply to any of them finds the tasks.
  const all = messageIds && messageIds.length > 1 ? { messageIds: [...messageIds] } : {};
  for (let attempt = 1; ; attempt++) {
    try {
      // One update per row, by _id: FerretDB answers `_id: { $in }` with a collection scan.
      const set = { $set: { state: 'sent', messageId, ...all, sentAt: rt.clock.now(), error: null } };
      await Promise.all(ids.map((id) => ReminderLog.updateOne({ _id: id }, set)));
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

async function onSendError(
  rt: ReminderRuntime,
  queue: Pick<Queue<DeliveryJobData>, 'add' | 'rateLimit'>,
  job: Job<DeliveryJobData>,
  platform: Platform,
  orgId: unknown,
  ids: readonly unknown[],
  err: unknown,
): Promise<DeliveryResult> {
  const { chatId, day } = job.data;
  const rows = { _id: { $in: ids } };
  if (err instanceof SendRefusedError) {
    // The chat kept refusing past the channel's cap: this delivery fails; the binding stays as it is.
    await ReminderLog.updateMany(rows, { $set: { state: 'failed', error: err.message } });
    throw new UnrecoverableError(err.message);
  }
  if (isUnreachable(err)) {
    await ReminderLog.updateMany(rows, { $set: { state: 'failed', error: err.message } });
    await markUnreachable(rt, platform, chatId, err);
    throw new UnrecoverableError(err.message);
  }
  if (err instanceof RateLimitedError) {
    // A 429 means the platform refused the message: nothing was posted, so the rows go.
    await ReminderLog.deleteMany({ ...rows, state: 'sending' });
    await queue.rateLimit(err.retryAfterMs);
    throw Worker.RateLimitError();
  }
  if (err instanceof ChatMigratedError) {
    await ReminderLog.updateMany(rows, { $set: { state: 'failed', error: err.message } });
    const taken = await ChatBinding.exists({ platform, chatId: err.newChatId });
    if (!taken) await moveChat(platform, chatId, err.newChatId);
    rt.directory.forget(String(orgId));
    // The group's reminders of the day follow it to its new id.
    const to = slotKey(rt.prefix, platform, err.newChatId, day);
    await rt.connection
      .multi()
      .sunionstore(to, to, slotKey(rt.prefix, platform, chatId, day))
      .expire(to, SLOT_TTL_S)
      .exec();
    const data = { day, chatId: err.newChatId };
    await queue.add(JOB_NAMES.deliver, data, {
      ...DELIVERY_JOB_OPTIONS,
      jobId: deliveryJobId(day, data.chatId),
    });
    return { status: 'migrated', newChatId: err.newChatId };
  }
  // Kept for operators; a network error's message can hold the request URL, and Telegram's holds the token.
  const message = redactUrl(err instanceof Error ? err.message : String(err));
  await ReminderLog.updateMany(rows, { $set: { error: message.slice(0, 500) } });
  throw err;
}

/** The group's reminders of the day that still stand and still go to this group. */
async function dueItems(
  rt: ReminderRuntime,
  platform: Platform,
  chatId: string,
  keys: readonly string[],
): Promise<{ items: DueItem[]; today: LocalDate | null; waitMs: number; locale: TargetChat['locale'] }> {
  const taskIds = [...new Set(keys.map(keyTaskId))].filter((id) => Types.ObjectId.isValid(id));
  // By _id one at a time: FerretDB answers `_id: { $in }` with a collection scan, and a morning holds few.
  const found = await Promise.all(taskIds.map((id) => Task.findById(id).lean<StoredTask>()));
  const tasks = new Map(found.filter((t): t is StoredTask => t !== null).map((t) => [String(t._id), t]));
  const items: DueItem[] = [];
  let today: LocalDate | null = null;
  let waitMs = 0;
  let locale: TargetChat['locale'] = null;
  for (const key of keys) {
    const task = tasks.get(keyTaskId(key));
    if (!task) continue;
    const due = await checkDue(rt, task, key);
    if (!due.ok) {
      if (due.reason === 'early') waitMs = Math.max(waitMs, due.waitMs);
      // Kept waiting until its day passed (or its task no longer needs it): not sent late, not a failure.
      else
        await ReminderLog.updateOne(
          { key, platform, chatId, state: 'waiting' },
          { $set: { state: 'superseded' } },
        );
      continue;
    }
    const chats = await targetChats(rt.directory, task, due.reminder.target);
    const chat = chats.find((c) => c.platform === platform && c.chatId === chatId);
    if (!chat) continue;
    locale = chat.locale;
    today = due.today;
    items.push({ task, reminder: due.reminder });
  }
  return { items, today, waitMs, locale };
}

/**
 * Claims a 'sending' row for each item not yet delivered here. Items already 'sent' or 'failed' are left
 * out of the message. A row of an earlier attempt whose outcome is unknown is taken over once stale (at
 * once when it recorded an error); a younger one makes the whole message wait, so it is never split.
 */
async function claimRows(
  rt: ReminderRuntime,
  platform: Platform,
  chatId: string,
  items: readonly DueItem[],
): Promise<{ wait: number } | { claimed: { item: DueItem; id: unknown }[]; resent: boolean }> {
  const claim = randomUUID();
  const docs = items.map(({ task, reminder }) => ({
    claim,
    key: reminder.key,
    platform,
    chatId,
    org: task.org,
    task: task._id,
    taskNumber: task.number,
    kind: reminder.kind,
    target: reminder.target,
    state: 'sending',
  }));
  // Insert first: on the usual path there is no row yet, and the unique index answers without a lookup.
  try {
    const made = await ReminderLog.insertMany(docs, { ordered: false });
    return { claimed: made.map((doc, i) => ({ item: items[i]!, id: doc._id })), resent: false };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  // Some rows existed: the rest were inserted just now (unordered), under this attempt's claim.
  const rows = await ReminderLog.find(
    { platform, chatId, key: { $in: items.map((i) => i.reminder.key) } },
    'key state error updatedAt claim',
  ).lean<LogRow[]>();
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const fresh: DueItem[] = [];
  const mine: { item: DueItem; id: unknown }[] = [];
  const stale: { item: DueItem; row: LogRow }[] = [];
  const waiting: { item: DueItem; row: LogRow }[] = [];
  for (const item of items) {
    const row = byKey.get(item.reminder.key);
    if (!row) fresh.push(item);
    else if (row.claim === claim) mine.push({ item, id: row._id });
    else if (row.state === 'waiting') waiting.push({ item, row });
    else if (row.state === 'sending') {
      const age = Date.now() - row.updatedAt.getTime();
      // No error recorded: the attempt may still be running somewhere, or died mid-send. Wait, then resend.
      if (!row.error && age < rt.sendingStaleMs) {
        await ReminderLog.deleteMany({ _id: { $in: mine.map((m) => m.id) }, claim, state: 'sending' });
        return { wait: rt.sendingStaleMs - age };
      }
      stale.push({ item, row });
    }
  }
  const claimed: { item: DueItem; id: unknown }[] = [...mine];
  for (const { item, row } of waiting) {
    const id = await resumeWaiting(row);
    if (!id) return { wait: 1000 };
    claimed.push({ item, id });
  }
  for (const { item, row } of stale) {
    const id = await takeOver(row);
    if (!id) return { wait: 1000 };
    claimed.push({ item, id });
  }
  if (fresh.length) {
    const keys = new Set(fresh.map((i) => i.reminder.key));
    try {
      const made = await ReminderLog.insertMany(
        docs.filter((d) => keys.has(d.key)),
        { ordered: true },
      );
      made.forEach((doc, i) => claimed.push({ item: fresh[i]!, id: doc._id }));
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Another attempt claimed one of them in between: undo ours, and look again in a moment.
      await ReminderLog.deleteMany({
        platform,
        chatId,
        key: { $in: [...keys] },
        state: 'sending',
        updatedAt: { $gte: new Date(Date.now() - 60_000) },
        error: null,
      });
      return { wait: 1000 };
    }
  }
  return { claimed, resent: stale.length > 0 };
}

export async function processDelivery(
  rt: ReminderRuntime,
  platform: Platform,
  queue: Pick<Queue<DeliveryJobData>, 'add' | 'rateLimit'>,
  job: Job<DeliveryJobData>,
  token?: string,
): Promise<DeliveryResult> {
  const { chatId } = job.data;
  const day = job.data.day ?? (job.data.key ? keyLocalDate(job.data.key) : '');
  const sender = rt.senders.get(platform);
  if (!sender) throw new UnrecoverableError(`no ${platform} sender in this worker`);
  const set = slotKey(rt.prefix, platform, chatId, day);
  const keys = [
    ...new Set([...(await rt.connection.smembers(set)), ...(job.data.key ? [job.data.key] : [])]),
  ];
  if (keys.length === 0) return { status: 'skipped', reason: 'nothing-due' };

  const due = await dueItems(rt, platform, chatId, keys);
  if (due.items.length === 0) {
    if (due.waitMs > 0) return waitThenRetry(job, token, due.waitMs);
    return { status: 'skipped', reason: 'nothing-due' };
  }
  const gap = await chatGap(rt, platform, chatId);
  if (gap > 0) return waitThenRetry(job, token, gap);

  const claim = await claimRows(rt, platform, chatId, due.items);
  if ('wait' in claim) return waitThenRetry(job, token, claim.wait);
  if (claim.claimed.length === 0) return { status: 'already-sent' };
  const ids = claim.claimed.map((c) => c.id);
  const orgId = claim.claimed[0]!.item.task.org;
  const reply = await reminderBatchReply(
    rt,
    claim.claimed.map((c) => c.item),
    due.today ?? day,
    due.locale ?? rt.defaultLocale,
  );

  let sent: { messageId: string; messageIds?: readonly string[] };
  try {
    sent = await sender.send(chatId, reply, { rank: deliveryRank(claim.claimed.map((c) => c.item)) });
  } catch (err) {
    if (err instanceof SendDeferredError) {
      // Nothing was posted; only this delivery waits (no attempt used, the queue keeps moving).
      const error = err.message.slice(0, 500);
      await Promise.all(
        ids.map((id) => ReminderLog.updateOne({ _id: id }, { $set: { state: 'waiting', error } })),
      );
      return waitThenRetry(job, token, err.retryAfterMs);
    }
    return onSendError(rt, queue, job, platform, orgId, ids, err);
  }
  const { messageId } = sent;
  await markSent(rt, ids, messageId, sent.messageIds);
  if (claim.resent)
    rt.logger.warn({ day, platform, chatId }, 'reminder sent again after an attempt of unknown outcome');

  // A reminder that joined the set while this message was being sent gets its own, later message.
  const late = (await rt.connection.smembers(set)).filter((k) => !keys.includes(k));
  if (late.length) {
    await queue.add(
      JOB_NAMES.deliver,
      { day, chatId },
      {
        ...DELIVERY_JOB_OPTIONS,
        jobId: `${deliveryJobId(day, chatId)}__${keys.length}`,
        delay: rt.collectMs,
      },
    );
  }
  return { status: 'sent', messageId, resent: claim.resent, items: claim.claimed.length };
}
