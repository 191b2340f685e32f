/**
 * A `deliver-<platform>` job: one reminder to one group, exactly once as far as the store can tell.
 *
 * The ReminderLog protocol, per (key, platform, chat), unique in the store:
 *   1. a 'sent' or 'failed' row → done, never sent again;
 *   2. else a 'sending' row is written (or taken over) BEFORE the platform call,
 *   3. and marked 'sent' with the platform's message id right after it.
 * A 'sending' row found later means the outcome of an earlier attempt is unknown: the platform may have
 * posted the message and the worker died (or the answer was lost) before step 3. Such a row is sent again
 * once it is `sendingStaleMs` old (at once when the earlier attempt recorded its error): a reminder is never
 * lost, and it may be duplicated only inside that window. jobs/README.md says so for operators.
 */
import { DelayedError, UnrecoverableError, Worker, type Job, type Queue } from 'bullmq';
import type { Platform } from '../src/bot/messages';
import { ChatMigratedError } from '../src/channels/telegram/errors';
import { RateLimitedError, SendDeferredError, SendRefusedError } from '../src/channels/sender';
import {
  DELIVERY_JOB_OPTIONS,
  JOB_NAMES,
  deliveryJobId,
  type DeliveryJobData,
} from '../src/scheduler/reminder-queue';
import { moveChat } from '../src/store/binding-repository';
import { redactUrl } from '../src/shared/logger';
import { ChatBinding, ReminderLog } from '../src/store/models';
import { loadDueReminder } from './load-reminder';
import { reminderReply } from './render';
import type { ReminderRuntime } from './runtime';
import { targetChats } from './targets';
import { isUnreachable, markUnreachable } from './unreachable';

export type DeliveryResult =
  | { status: 'sent'; messageId: string; resent: boolean }
  | { status: 'already-sent' | 'already-failed' }
  | { status: 'skipped'; reason: string }
  | { status: 'migrated'; newChatId: string };

type LogRow = { _id: unknown; state: string; error?: string | null; updatedAt: Date };

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
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/**
 * Writes the 'sending' row, or finds the existing one. Insert first: the unique index answers "is there a
 * row?" without a lookup on the usual path, where there is none.
 */
async function claimRow(where: object, fields: object): Promise<{ id: unknown } | { row: LogRow }> {
  try {
    return { id: (await ReminderLog.create({ ...where, ...fields, state: 'sending' }))._id };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const row = await ReminderLog.findOne(where, 'state error updatedAt').lean<LogRow>();
  if (!row) throw new Error('reminder log row vanished while claiming it');
  return { row };
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
  id: unknown,
  messageId: string,
  messageIds?: readonly string[],
): Promise<void> {
  const all = messageIds && messageIds.length > 1 ? { messageIds: [...messageIds] } : {};
  for (let attempt = 1; ; attempt++) {
    try {
      await ReminderLog.updateOne(
        { _id: id },
        { $set: { state: 'sent', messageId, ...all, sentAt: rt.clock.now(), error: null } },
      );
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
  id: unknown,
  err: unknown,
): Promise<DeliveryResult> {
  const { chatId } = job.data;
  if (err instanceof SendRefusedError) {
    // The chat kept refusing past the channel's cap: this delivery fails; the binding stays as it is.
    await ReminderLog.updateOne({ _id: id }, { $set: { state: 'failed', error: err.message } });
    throw new UnrecoverableError(err.message);
  }
  if (isUnreachable(err)) {
    await ReminderLog.updateOne({ _id: id }, { $set: { state: 'failed', error: err.message } });
    await markUnreachable(rt, platform, chatId, err);
    throw new UnrecoverableError(err.message);
  }
  if (err instanceof RateLimitedError) {
    // A 429 means the platform refused the message: nothing was posted, so the row goes.
    await ReminderLog.deleteOne({ _id: id, state: 'sending' });
    await queue.rateLimit(err.retryAfterMs);
    throw Worker.RateLimitError();
  }
  if (err instanceof ChatMigratedError) {
    await ReminderLog.updateOne({ _id: id }, { $set: { state: 'failed', error: err.message } });
    const taken = await ChatBinding.exists({ platform, chatId: err.newChatId });
    if (!taken) await moveChat(platform, chatId, err.newChatId);
    rt.directory.forget(String(orgId));
    const data = { ...job.data, chatId: err.newChatId };
    await queue.add(JOB_NAMES.deliver, data, {
      ...DELIVERY_JOB_OPTIONS,
      jobId: deliveryJobId(data.key, data.chatId),
    });
    return { status: 'migrated', newChatId: err.newChatId };
  }
  // Kept for operators; a network error's message can hold the request URL, and Telegram's holds the token.
  const message = redactUrl(err instanceof Error ? err.message : String(err));
  await ReminderLog.updateOne({ _id: id }, { $set: { error: message.slice(0, 500) } });
  throw err;
}

export async function processDelivery(
  rt: ReminderRuntime,
  platform: Platform,
  queue: Pick<Queue<DeliveryJobData>, 'add' | 'rateLimit'>,
  job: Job<DeliveryJobData>,
  token?: string,
): Promise<DeliveryResult> {
  const { key, chatId, taskId } = job.data;
  const sender = rt.senders.get(platform);
  if (!sender) throw new UnrecoverableError(`no ${platform} sender in this worker`);
  const due = await loadDueReminder(rt, taskId, key);
  if (!due.ok) {
    if (due.reason === 'early') return waitThenRetry(job, token, due.waitMs);
    // Kept waiting until its day passed (or its task no longer needs it): not sent late, and not a failure.
    await ReminderLog.updateOne(
      { key, platform, chatId, state: 'waiting' },
      { $set: { state: 'superseded' } },
    );
    return { status: 'skipped', reason: due.reason };
  }
  const { task, reminder } = due;
  const chats = await targetChats(rt.directory, task, reminder.target);
  const chat = chats.find((c) => c.platform === platform && c.chatId === chatId);
  if (!chat) return { status: 'skipped', reason: 'not-a-target' };

  const gap = await chatGap(rt, platform, chatId);
  if (gap > 0) return waitThenRetry(job, token, gap);
  const reply = await reminderReply(rt, task, reminder, due.today, chat.locale ?? rt.defaultLocale);

  const where = { key, platform, chatId };
  const fields = {
    org: task.org,
    task: task._id,
    taskNumber: task.number,
    kind: reminder.kind,
    target: reminder.target,
  };
  const claimed = await claimRow(where, fields);
  let id: unknown;
  let resent = false;
  if ('id' in claimed) {
    id = claimed.id;
  } else if (claimed.row.state === 'waiting') {
    id = await resumeWaiting(claimed.row);
    if (!id) return waitThenRetry(job, token, 1000);
  } else {
    const { row } = claimed;
    if (row.state === 'sent') return { status: 'already-sent' };
    if (row.state === 'failed') return { status: 'already-failed' };
    if (row.state === 'superseded') return { status: 'skipped', reason: 'superseded' };
    const age = Date.now() - row.updatedAt.getTime();
    // No error recorded: the attempt may still be running somewhere, or died mid-send. Wait, then resend.
    if (!row.error && age < rt.sendingStaleMs) return waitThenRetry(job, token, rt.sendingStaleMs - age);
    id = await takeOver(row);
    if (!id) return waitThenRetry(job, token, 1000);
    resent = true;
  }

  let sent: { messageId: string; messageIds?: readonly string[] };
  try {
    sent = await sender.send(chatId, reply);
  } catch (err) {
    if (err instanceof SendDeferredError) {
      // Nothing was posted; only this delivery waits (no attempt used, the queue keeps moving).
      await ReminderLog.updateOne(
        { _id: id },
        { $set: { state: 'waiting', error: err.message.slice(0, 500) } },
      );
      return waitThenRetry(job, token, err.retryAfterMs);
    }
    return onSendError(rt, queue, job, platform, task.org, id, err);
  }
  const { messageId } = sent;
  await markSent(rt, id, messageId, sent.messageIds);
  if (resent)
    rt.logger.warn({ key, platform, chatId }, 'reminder sent again after an attempt of unknown outcome');
  return { status: 'sent', messageId, resent };
}
