/**
 * The worker's clockwork, on the organisation's wall clock (Asia/Ho_Chi_Minh by default, whatever the
 * server's TZ): reconcile the queue with the store at start-up and every morning at 06:00, before the 08:00
 * reminders; queue the weekly digest on Mondays at 08:00. node-cron reads the system clock: with BOT_NOW
 * these fire at real times, while what they plan still uses the service clock.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../shared/logger';

export const RECONCILE_CRON = '0 6 * * *';
export const DIGEST_CRON = '0 8 * * 1';

export interface SchedulerCronOptions {
  timezone: string;
  logger: Logger;
  reconcile(): Promise<unknown>;
  weeklyDigest(): Promise<unknown>;
  /** Reconcile once right away (the default): a restart must not wait for tomorrow's 06:00. */
  reconcileAtStart?: boolean;
}

export interface SchedulerCron {
  /** Resolves when the start-up reconcile is done (at once when there is none). */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

export function startSchedulerCron(options: SchedulerCronOptions): SchedulerCron {
  const { logger, timezone } = options;
  const guarded = (name: string, run: () => Promise<unknown>) => async (): Promise<void> => {
    try {
      await run();
    } catch (err) {
      // A failed run must not kill the process: the next firing (or start-up) tries again.
      logger.error({ err, run: name }, 'scheduled run failed');
    }
  };
  const reconcile = guarded('reconcile', options.reconcile);
  const tasks: ScheduledTask[] = [
    cron.schedule(RECONCILE_CRON, reconcile, { timezone, name: 'reminders-reconcile', noOverlap: true }),
    cron.schedule(DIGEST_CRON, guarded('weekly-digest', options.weeklyDigest), {
      timezone,
      name: 'weekly-digest',
      noOverlap: true,
    }),
  ];
  const ready = options.reconcileAtStart === false ? Promise.resolve() : reconcile();
  return {
    ready,
    stop: async () => {
      await Promise.all(tasks.map((task) => task.destroy()));
    },
  };
}
