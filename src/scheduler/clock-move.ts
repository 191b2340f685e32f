/**
 * The demo clock moved forward (the console's `:time`). BullMQ counts delays in real milliseconds, so the
 * delayed reminder jobs would still fire at the old service times: they are dropped and planned again
 * from the new "now". Reminders of the mornings jumped over fall due at once and are skipped by the
 * worker as past days (jobs/load-reminder.ts), as they would be after a night with the worker down.
 */
import type { ReconcileCounts, ReminderScheduler } from './plan-task';

export async function replanAfterClockMove(
  scheduler: Pick<ReminderScheduler, 'queue' | 'reconcileAll'>,
): Promise<ReconcileCounts> {
  await scheduler.queue.clean(0, 0, 'delayed');
  return scheduler.reconcileAll();
}
