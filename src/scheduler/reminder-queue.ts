/**
 * The reminder queues. Payloads carry ids only (plus the task's revision, for the logs): the worker reads
 * everything else from the store when the job runs, so a queued job can never send stale wording or leak
 * task text into Redis.
 *
 * - `reminders`: one delayed job per planned reminder, id = the planner's key, so planning twice is a no-op.
 *   When it fires it fans out into
 * - `deliver-<platform>`: one job per (reminder, group), id = key + chat, each retried, rate-limited and
 *   given up on separately, so one group that removed the bot never holds back the others.
 */
import type { JobsOptions } from 'bullmq';
import type { Platform } from '../domain/platform';
import type { LocalDate } from '../domain/task';

export const REMINDER_QUEUE = 'reminders';
export const DEFAULT_PREFIX = 'bull';

export function deliveryQueueName(platform: Platform): string {
  return `deliver-${platform}`;
}

export const JOB_NAMES = {
  reminder: 'reminder',
  digest: 'weekly-digest',
  deliver: 'deliver',
  /** A digest for a group on a platform whose Sender lives in another process (Zalo: the bot's). */
  deliverDigest: 'deliver-digest',
} as const;

export interface ReminderJobData {
  taskId: string;
  /** The task's revision when the job was planned; the worker trusts a fresh re-plan, not this. */
  revision: number;
}

/**
 * One group's reminders of one morning: every reminder due for the group that day goes out as ONE message.
 * The keys are gathered in a Redis set (`slotKey`) as reminders fan out; the job reads them when it runs.
 */
export interface DeliveryJobData {
  /** The local day of the reminders (the last part of their keys). */
  day: LocalDate;
  chatId: string;
  /** A delivery queued by an older version carried one reminder; it is folded into its group's morning. */
  key?: string;
}

export interface DigestDeliveryJobData {
  orgId: string;
  week: LocalDate;
  chatId: string;
}

export interface DigestJobData {
  /** Monday of the week, local: one digest job per week whatever the number of cron firings. */
  week: LocalDate;
}

/** BullMQ uses ':' to build its own keys and refuses it in custom ids. */
function idPart(s: string): string {
  return s.replace(/:/g, '-');
}

export function deliveryJobId(day: LocalDate, chatId: string): string {
  return `slot_${day}__${idPart(chatId)}`;
}

/** The Redis set of reminder keys due for one group on one day. */
export function slotKey(prefix: string, platform: Platform, chatId: string, day: LocalDate): string {
  return `${prefix}:${REMINDER_QUEUE}:slot:${platform}:${idPart(chatId)}:${day}`;
}

/** Slot sets outlive their morning by a few days, for retries and late restarts, then expire. */
export const SLOT_TTL_S = 3 * 86_400;

export function digestJobId(week: LocalDate): string {
  return `digest_${week}`;
}

export function digestDeliveryJobId(week: LocalDate, chatId: string): string {
  return `digest_${week}__${idPart(chatId)}`;
}

export function isReminderJobId(id: string): boolean {
  return !id.startsWith('digest_');
}

/** The task id a reminder key starts with (`${taskId}_${kind}_${target}_${localDate}`). */
export function keyTaskId(key: string): string {
  const i = key.indexOf('_');
  return i < 0 ? key : key.slice(0, i);
}

/** The local day a reminder key ends with. */
export function keyLocalDate(key: string): LocalDate {
  return key.slice(key.lastIndexOf('_') + 1);
}

/** The Redis set of keys planned for one task, so a re-plan can find and drop the ones no longer planned. */
export function taskIndexKey(prefix: string, taskId: string): string {
  return `${prefix}:${REMINDER_QUEUE}:by-task:${idPart(taskId)}`;
}

export function taskIndexPattern(prefix: string): string {
  return `${prefix}:${REMINDER_QUEUE}:by-task:*`;
}

/** The revision each task was last planned at, so a slow reconcile cannot undo a newer syncTask. */
export function revisionsKey(prefix: string): string {
  return `${prefix}:${REMINDER_QUEUE}:revisions`;
}

/**
 * Completed jobs are dropped at once: the ReminderLog, not the queue, is the record of what was sent, and
 * a re-added job of a reminder already delivered only finds its log rows and stops.
 */
export const REMINDER_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: true,
  removeOnFail: { age: 14 * 86_400 },
};

/** 5 s, 10 s, 20 s … about 10 minutes in all before a group's delivery is given up. */
export const DELIVERY_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: { age: 14 * 86_400 },
};

export const DIGEST_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: { age: 8 * 86_400 },
  removeOnFail: { age: 14 * 86_400 },
};
