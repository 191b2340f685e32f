/**
 * A `deliver-<platform>` job: one group's reminders of one morning, as ONE message, each reminder in it
 * exactly once as far as the store can tell. This file orchestrates: which reminders are still due here,
 * the group's pacing, the claim (src/store/reminder-log.ts holds the ReminderLog protocol: claim, take
 * over, mark sent, mark waiting, fail), the send, and how a send error maps to a BullMQ outcome.
 * A reminder is never lost, and it may be duplicated only inside the take-over window (jobs/README.md).
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
import { moveChat } from '../src/store/binding-repository';
import { chatIdBound } from '../src/store/chat-reach';
import { findStoredTasks } from '../src/store/planning-reads';
import {
  claimRows,
  markFailed,
  markSent,
  markWaiting,
  recordSendError,
  releaseClaims,
  supersedeWaiting,
  type LogRowId,
} from '../src/store/reminder-log';
import { redactUrl } from '../src/shared/logger';
import { checkDue } from './load-reminder';
import { clearUrgent, deliveryRank, urgentAhead } from './morning-order';
import { reminderBatchReply, type DueItem } from './render';
import type { ReminderRuntime } from './runtime';
import { targetChats, type TargetChat } from './targets';
import { isUnreachable, markUnreachable } from './unreachable';

export type DeliveryResult =
  | { status: 'sent'; messageId: string; resent: boolean; items: number }
  | { status: 'already-sent' | 'already-failed' }
  | { status: 'skipped'; reason: string }
  | { status: 'migrated'; newChatId: string };

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

async function onSendError(
  rt: ReminderRuntime,
  queue: Pick<Queue<DeliveryJobData>, 'add' | 'rateLimit'>,
  job: Job<DeliveryJobData>,
  platform: Platform,
  orgId: unknown,
  ids: readonly LogRowId[],
  err: unknown,
): Promise<DeliveryResult> {
  const { chatId, day } = job.data;
  if (err instanceof SendRefusedError) {
    // The chat kept refusing past the channel's cap: this delivery fails; the binding stays as it is.
    await markFailed(ids, 'refused', err.message);
    throw new UnrecoverableError(err.message);
  }
  if (isUnreachable(err)) {
    await markFailed(ids, 'unreachable', err.message);
    await markUnreachable(rt, platform, chatId, err);
    throw new UnrecoverableError(err.message);
  }
  if (err instanceof RateLimitedError) {
    // A 429 means the platform refused the message: nothing was posted, so the rows go.
    await releaseClaims(ids);
    await queue.rateLimit(err.retryAfterMs);
    throw Worker.RateLimitError();
  }
  if (err instanceof ChatMigratedError) {
    await markFailed(ids, 'migrated', err.message);
    if (!(await chatIdBound(platform, err.newChatId))) await moveChat(platform, chatId, err.newChatId);
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
  await recordSendError(ids, message);
  throw err;
}

/** The group's reminders of the day that still stand and still go to this group. */
async function dueItems(
  rt: ReminderRuntime,
  platform: Platform,
  chatId: string,
  keys: readonly string[],
): Promise<{ items: DueItem[]; today: LocalDate | null; waitMs: number; locale: TargetChat['locale'] }> {
  const found = await findStoredTasks([...new Set(keys.map(keyTaskId))]);
  const tasks = new Map(found.map((t) => [String(t._id), t]));
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
      else await supersedeWaiting({ key, platform, chatId }, due.reason);
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

/** Claims this attempt's rows: the store decides what is fresh, stale, waiting or already done. */
function claimFor(rt: ReminderRuntime, platform: Platform, chatId: string, items: readonly DueItem[]) {
  return claimRows({
    platform,
    chatId,
    now: rt.clock.now(),
    staleMs: rt.sendingStaleMs,
    items: items.map((item) => ({
      item,
      row: {
        key: item.reminder.key,
        org: item.task.org,
        task: item.task._id,
        taskNumber: item.task.number,
        kind: item.reminder.kind,
        target: item.reminder.target,
      },
    })),
  });
}

export async function processDelivery(
  rt: ReminderRuntime,
  platform: Platform,
  queue: Pick<Queue<DeliveryJobData>, 'add' | 'rateLimit'>,
  job: Job<DeliveryJobData>,
  token?: string,
): Promise<DeliveryResult> {
  const id = job.id ?? '';
  try {
    const result = await deliver(rt, platform, queue, job, token);
    await clearUrgent(rt.connection, rt.prefix, platform, id);
    return result;
  } catch (err) {
    // Ended for good; a delivery put off (delayed, rate-limited, retried) still counts as queued.
    if (err instanceof UnrecoverableError) await clearUrgent(rt.connection, rt.prefix, platform, id);
    throw err;
  }
}

async function deliver(
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

  const claim = await claimFor(rt, platform, chatId, due.items);
  if ('wait' in claim) return waitThenRetry(job, token, claim.wait);
  if (claim.claimed.length === 0) return { status: 'already-sent' };
  const ids = claim.claimed.map((c) => c.id);
  const orgId = claim.claimed[0]!.item.task.org;
  const reply = await reminderBatchReply(
    rt,
    claim.claimed.map((c) => c.item),
    due.today ?? day,
    due.locale ?? rt.defaultLocale,
    platform,
  );

  let sent: { messageId: string; messageIds?: readonly string[] };
  try {
    const rank = deliveryRank(claim.claimed.map((c) => c.item));
    // Room kept for urgent deliveries queued, and for reminders still fanning out (they may be urgent).
    const reservedAhead =
      rank > 0
        ? (await urgentAhead(rt.connection, rt.prefix, platform, job.id ?? '')) +
          ((await rt.pendingFanOut?.()) ?? 0)
        : 0;
    sent = await sender.send(chatId, reply, { rank, reservedAhead });
  } catch (err) {
    if (err instanceof SendDeferredError) {
      // Nothing was posted; only this delivery waits (no attempt used, the queue keeps moving).
      await markWaiting(ids, err.reason, err.message);
      return waitThenRetry(job, token, err.retryAfterMs);
    }
    return onSendError(rt, queue, job, platform, orgId, ids, err);
  }
  const { messageId } = sent;
  await markSent(ids, { messageId, messageIds: sent.messageIds, at: rt.clock.now() });
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
