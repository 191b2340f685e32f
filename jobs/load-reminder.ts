/**
 * The check every reminder job makes before acting: the task is read again and re-planned, so a job
 * queued before the task was finished, moved or deleted does nothing, whatever syncTask managed to remove.
 */
import { compareDates, toLocalDate } from '../src/domain/calendar';
import { isDone, type Reminder, type ReminderSettings } from '../src/domain/reminders';
import type { LocalDate } from '../src/domain/task';
import { keyLocalDate } from '../src/scheduler/reminder-queue';
import { findPlanned, toReminderTask, zoneOf } from '../src/scheduler/task-plans';
import { findStoredTask, type StoredTask } from '../src/store/planning-reads';
import type { ReminderRuntime } from './runtime';

/** A job that fires this much before its reminder's time was delayed under older settings: wait again. */
const EARLY_TOLERANCE_MS = 60_000;

export type { StoredTask };

export type DueReminder =
  | { ok: true; task: StoredTask; reminder: Reminder; settings: Partial<ReminderSettings>; today: LocalDate }
  | { ok: false; reason: 'task-gone' | 'done' | 'past-day' | 'not-planned' }
  | { ok: false; reason: 'early'; waitMs: number };

export async function loadDueReminder(
  rt: ReminderRuntime,
  taskId: string,
  key: string,
): Promise<DueReminder> {
  const task = await findStoredTask(taskId);
  if (!task) return { ok: false, reason: 'task-gone' };
  return checkDue(rt, task, key);
}

/** The same check for a task already read (a group's morning message reads its tasks in one query). */
export async function checkDue(rt: ReminderRuntime, task: StoredTask, key: string): Promise<DueReminder> {
  const now = rt.clock.now();
  const settings = await rt.settingsFor(String(task.org));
  if (isDone(toReminderTask(task, zoneOf(settings)), now)) return { ok: false, reason: 'done' };
  const today = toLocalDate(now, zoneOf(settings));
  const day = keyLocalDate(key);
  // Yesterday's reminder is noise today; today's own reminders replace it.
  if (compareDates(day, today) < 0) return { ok: false, reason: 'past-day' };
  const reminder = findPlanned(task, key, day, settings, rt.calendar);
  if (!reminder) return { ok: false, reason: 'not-planned' };
  const waitMs = reminder.at.getTime() - now.getTime();
  if (waitMs > EARLY_TOLERANCE_MS) return { ok: false, reason: 'early', waitMs };
  return { ok: true, task, reminder, settings, today };
}
