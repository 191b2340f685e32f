/**
 * The `reminders` job: when a reminder falls due, check it still stands and queue one delivery per target
 * group. Delivery ids are derived from (key, chat), so a re-run of this job, after a crash or a reconcile,
 * queues nothing twice; and a delivery already made stops at its ReminderLog row.
 */
import { DelayedError, type Job, type Queue } from 'bullmq';
import type { Platform } from '../src/bot/messages';
import {
  DELIVERY_JOB_OPTIONS,
  JOB_NAMES,
  SLOT_TTL_S,
  deliveryJobId,
  slotKey,
  type DeliveryJobData,
  type ReminderJobData,
} from '../src/scheduler/reminder-queue';
import { loadDueReminder } from './load-reminder';
import { morningPriority, noteUrgent } from './morning-order';
import type { ReminderRuntime } from './runtime';
import { targetChats } from './targets';

/** Structural, so the union-typed queues of jobs/workers.ts fit. */
export type DeliveryQueues = ReadonlyMap<Platform, Pick<Queue<DeliveryJobData>, 'addBulk'>>;

export type ReminderJobResult =
  { status: 'skipped'; reason: string } | { status: 'queued'; deliveries: number; unsupported: number };

export async function processReminderJob(
  rt: ReminderRuntime,
  queues: DeliveryQueues,
  job: Job<ReminderJobData>,
  token?: string,
): Promise<ReminderJobResult> {
  const key = job.id ?? '';
  const log = rt.logger.child({ job: 'reminder', key });
  const due = await loadDueReminder(rt, job.data.taskId, key);
  if (!due.ok) {
    if (due.reason === 'early') {
      await job.moveToDelayed(Date.now() + due.waitMs, token);
      throw new DelayedError();
    }
    log.info({ reason: due.reason }, 'reminder skipped');
    return { status: 'skipped', reason: due.reason };
  }
  const chats = await targetChats(rt.directory, due.task, due.reminder.target);
  if (chats.length === 0) log.warn({ target: due.reminder.target }, 'reminder has no bound group to go to');

  let unsupported = 0;
  const day = due.reminder.localDate;
  const byPlatform = new Map<
    Platform,
    { name: string; data: DeliveryJobData; opts: typeof DELIVERY_JOB_OPTIONS & { priority: number } }[]
  >();
  // The key joins its group's set for the day before the group's job is queued, so the job sees it.
  const gather = rt.connection.pipeline();
  for (const chat of chats) {
    if (!queues.has(chat.platform)) {
      unsupported++;
      continue;
    }
    const set = slotKey(rt.prefix, chat.platform, chat.chatId, day);
    gather.sadd(set, key).expire(set, SLOT_TTL_S);
    const list = byPlatform.get(chat.platform) ?? [];
    list.push({
      name: JOB_NAMES.deliver,
      data: { day, chatId: chat.chatId },
      // One job per group and day (same id: added once). It waits a moment so that the other reminders
      // of the morning, fanning out at the same instant, join it rather than follow as more messages.
      // Leaders' and overdue reminders first when a channel cannot send the whole morning at once.
      opts: {
        ...DELIVERY_JOB_OPTIONS,
        jobId: deliveryJobId(day, chat.chatId),
        delay: rt.collectMs,
        priority: morningPriority(due.reminder),
      },
    });
    byPlatform.set(chat.platform, list);
  }
  await gather.exec();
  if (unsupported) log.warn({ unsupported }, 'groups on a platform this deployment does not send on');
  let deliveries = 0;
  for (const [platform, jobs] of byPlatform) {
    // Noted before the job exists, so no less urgent delivery spends the room this one needs.
    const urgent = jobs.flatMap((j) => (j.opts.priority === 1 && j.opts.jobId ? [j.opts.jobId] : []));
    await noteUrgent(rt.connection, rt.prefix, platform, urgent);
    await queues.get(platform)?.addBulk(jobs);
    deliveries += jobs.length;
  }
  log.debug({ deliveries }, 'reminder fanned out');
  return { status: 'queued', deliveries, unsupported };
}
