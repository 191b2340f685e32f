/**
 * The snooze fields of a task (/snooze and the ⏰ button). Written as they always were: set with a revision
 * bump before the audited change, put back if the change is refused (is21's rule function will take these).
 */
import type { LocalDate } from '../domain/task';
import { Task } from './models';

export interface SnoozeWindow {
  snoozedFrom: LocalDate | null;
  snoozedUntil: LocalDate | null;
}

export async function snoozeOf(taskId: string): Promise<SnoozeWindow | null> {
  const d = await Task.findById(taskId, 'snoozedFrom snoozedUntil').lean();
  return d ? { snoozedFrom: d.snoozedFrom ?? null, snoozedUntil: d.snoozedUntil ?? null } : null;
}

/** Moves the reminders due on [from, until) to `until`, and bumps the revision so queued ones re-plan. */
export async function setSnooze(taskId: string, from: LocalDate, until: LocalDate): Promise<void> {
  await Task.updateOne(
    { _id: taskId },
    { $set: { snoozedFrom: from, snoozedUntil: until }, $inc: { revision: 1 } },
  );
}

/** Puts back the window read before a snooze that was then refused. */
export async function restoreSnooze(taskId: string, before: SnoozeWindow | null): Promise<void> {
  await Task.updateOne(
    { _id: taskId },
    { $set: { snoozedFrom: before?.snoozedFrom ?? null, snoozedUntil: before?.snoozedUntil ?? null } },
  );
}
