/**
 * The worker's clockwork, on the organisation's wall clock (Asia/Ho_Chi_Minh by default, whatever the
 * server's TZ): reconcile the queue with the store at start-up and every morning at 06:00, before the 08:00
 * reminders; queue the weekly digest on Mondays at 08:00.
 *
 * node-cron parses and matches the expressions, but it reads the system clock, while a deployment with
 * BOT_NOW lives on the service clock. So the firing is ours: at each minute of *service* time we ask
 * node-cron whether a run matches that minute. Without BOT_NOW the two clocks are the same.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { systemClock, type Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';

export const RECONCILE_CRON = '0 6 * * *';
export const DIGEST_CRON = '0 8 * * 1';

const MINUTE = 60_000;
/** After a long pause (a laptop asleep) we catch up at most this many minutes, not a whole night. */
const MAX_CATCH_UP_MINUTES = 5;

export interface SchedulerCronOptions {
  timezone: string;
  logger: Logger;
  reconcile(): Promise<unknown>;
  weeklyDigest(): Promise<unknown>;
  /** The service clock; the system clock when absent. */
  clock?: Clock;
  /** Reconcile once right away (the default): a restart must not wait for tomorrow's 06:00. */
  reconcileAtStart?: boolean;
}

export interface SchedulerCron {
  /** Resolves when the start-up reconcile is done (at once when there is none). */
  readonly ready: Promise<void>;
  /** Looks at the clock now rather than at the next minute (it was just moved). */
  nudge(): void;
  stop(): Promise<void>;
}

interface Run {
  name: string;
  matcher: ScheduledTask;
  run(): Promise<void>;
  busy: boolean;
}

export function startSchedulerCron(options: SchedulerCronOptions): SchedulerCron {
  const { logger, timezone } = options;
  const clock = options.clock ?? systemClock;
  const guarded = (name: string, run: () => Promise<unknown>) => async (): Promise<void> => {
    try {
      await run();
    } catch (err) {
      // A failed run must not kill the process: the next firing (or start-up) tries again.
      logger.error({ err, run: name }, 'scheduled run failed');
    }
  };
  const runs: Run[] = [
    { name: 'reminders-reconcile', expression: RECONCILE_CRON, run: guarded('reconcile', options.reconcile) },
    { name: 'weekly-digest', expression: DIGEST_CRON, run: guarded('weekly-digest', options.weeklyDigest) },
  ].map(({ name, expression, run }) => ({
    name,
    // Never started: it only answers "does this minute match?" in the organisation's time zone.
    matcher: cron.createTask(expression, () => undefined, { timezone, name }),
    run,
    busy: false,
  }));

  const fire = (r: Run, minute: Date): void => {
    if (r.busy) return; // the previous run is still going: skip rather than overlap
    r.busy = true;
    logger.info({ run: r.name, at: minute.toISOString() }, 'scheduled run');
    void r.run().finally(() => (r.busy = false));
  };

  let last = Math.floor(clock.now().getTime() / MINUTE);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = (): void => {
    if (stopped) return;
    const nowMs = clock.now().getTime();
    const current = Math.floor(nowMs / MINUTE);
    for (let m = Math.max(last + 1, current - MAX_CATCH_UP_MINUTES + 1); m <= current; m++) {
      const minute = new Date(m * MINUTE);
      for (const r of runs) if (r.matcher.match(minute)) fire(r, minute);
    }
    last = Math.max(last, current);
    // Wake just after the next service-time minute begins.
    timer = setTimeout(tick, (current + 1) * MINUTE - nowMs + 20);
    timer.unref();
  };
  tick();

  const reconcile = runs[0]!;
  const ready =
    options.reconcileAtStart === false
      ? Promise.resolve()
      : (async () => {
          reconcile.busy = true;
          await reconcile.run().finally(() => (reconcile.busy = false));
        })();
  return {
    ready,
    nudge: () => {
      if (timer) clearTimeout(timer);
      tick();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.all(runs.map((r) => r.matcher.destroy()));
    },
  };
}
