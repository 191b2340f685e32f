/**
 * The BullMQ workers of the reminder pipeline: one on `reminders` (due reminders fan out; the weekly
 * digest), and one on `deliver-<platform>` for each platform this process has a Sender for. Used by
 * src/app/worker.ts, the tests and the benchmark alike; the bot process can run just its Zalo deliveries
 * (`fanOut: false`), since the Zalo session lives there.
 */
import { Queue, Worker, type Job } from 'bullmq';
import type { Platform } from '../src/bot/messages';
import {
  JOB_NAMES,
  REMINDER_QUEUE,
  deliveryQueueName,
  type DeliveryJobData,
  type DigestDeliveryJobData,
  type DigestJobData,
  type ReminderJobData,
} from '../src/scheduler/reminder-queue';
import { redactUrl } from '../src/shared/logger';
import { processDelivery } from './deliver';
import { LOCK_DURATION_MS, type ReminderRuntime } from './runtime';
import { processReminderJob } from './send-reminder';
import { processDigestDelivery, sendWeeklyDigests } from './weekly-digest';

export interface RateLimit {
  max: number;
  duration: number;
}

export interface ReminderWorkerOptions {
  /** Run the `reminders` worker (fan-out and digest); false in a process that only delivers. */
  fanOut?: boolean;
  /** Deliveries in flight per platform (default DELIVERY_CONCURRENCY). */
  deliveryConcurrency?: number;
  reminderConcurrency?: number;
  /** Overall send rate per platform, across all workers (BullMQ's limiter lives in Redis). */
  limits?: Partial<Record<Platform, RateLimit>>;
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/**
 * No job-start limiter by default: Telegram's overall limit is kept at the moment of each send by the
 * Sender's pacer (jobs/send-pacer.ts), which job-start spacing could not do (sends bunched up behind
 * store work of varying length). A 429 still pauses the whole queue for the time Telegram asked.
 * Zalo's Sender paces the account itself.
 */
export const DEFAULT_LIMITS: Partial<Record<Platform, RateLimit>> = {};

/**
 * Deliveries in flight per platform. Each waits mostly on the store (small writes around the send), so 6
 * keep the pacer's ~29/s busy on FerretDB; it is also the most a crash can repeat (jobs/README.md).
 */
export const DELIVERY_CONCURRENCY = 6;

/** Carries both delivery jobs and hand-over digests, so it is left untyped as BullMQ's default. */
export type DeliveryQueue = Queue;

export interface ReminderWorkers {
  readonly workers: readonly Worker[];
  /** A queue per platform of the runtime, whether or not this process delivers on it. */
  readonly deliveryQueues: ReadonlyMap<Platform, DeliveryQueue>;
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function startReminderWorkers(
  rt: ReminderRuntime,
  options: ReminderWorkerOptions = {},
): ReminderWorkers {
  const { connection, prefix, logger } = rt;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const common = {
    connection,
    prefix,
    lockDuration: options.lockDurationMs ?? LOCK_DURATION_MS,
    stalledInterval: options.stalledIntervalMs ?? 5_000,
    // A job is taken over after a crash, not failed: reminders stay due across a restart.
    maxStalledCount: 3,
  };

  const deliveryQueues = new Map<Platform, DeliveryQueue>();
  const workers: Worker[] = [];
  for (const platform of new Set([...rt.platforms, ...rt.senders.keys()])) {
    const queue: DeliveryQueue = new Queue(deliveryQueueName(platform), { connection, prefix });
    deliveryQueues.set(platform, queue);
    if (!rt.senders.has(platform)) continue;
    const limiter = limits[platform];
    workers.push(
      new Worker<DeliveryJobData | DigestDeliveryJobData>(
        deliveryQueueName(platform),
        (job, token) =>
          job.name === JOB_NAMES.deliverDigest
            ? processDigestDelivery(rt, platform, job as Job<DigestDeliveryJobData>)
            : processDelivery(rt, platform, queue, job as Job<DeliveryJobData>, token),
        {
          ...common,
          concurrency: options.deliveryConcurrency ?? DELIVERY_CONCURRENCY,
          ...(limiter ? { limiter } : {}),
        },
      ),
    );
  }

  if (options.fanOut !== false) {
    workers.push(
      new Worker<ReminderJobData | DigestJobData>(
        REMINDER_QUEUE,
        async (job, token) => {
          if (job.name === JOB_NAMES.digest) return sendWeeklyDigests(rt, { queues: deliveryQueues });
          return processReminderJob(rt, deliveryQueues, job as Job<ReminderJobData>, token);
        },
        { ...common, concurrency: options.reminderConcurrency ?? 5 },
      ),
    );
  }

  for (const w of workers) {
    w.on('failed', (job, err) => {
      const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'UnrecoverableError';
      logger[final ? 'error' : 'warn'](
        { queue: w.name, job: job?.id, attempt: job?.attemptsMade, err: redactUrl(err.message) },
        final ? 'job failed for good' : 'job failed; will retry',
      );
    });
    w.on('error', (err) => logger.error({ queue: w.name, err: redactUrl(err.message) }, 'worker error'));
  }

  return {
    workers,
    deliveryQueues,
    ready: async () => {
      await Promise.all(workers.map((w) => w.waitUntilReady()));
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...deliveryQueues.values()].map((q) => q.close()));
    },
  };
}
