/**
 * Plans the reminders of one task from a clock: pure, so the scheduler can re-plan at any time (daily,
 * on a status change, after a restart) and reconcile its queued jobs by key.
 */
import {
  addDays,
  compareDates,
  localDateTimeToInstant,
  onOrBeforeWorkingDay,
  toLocalDate,
  type WorkingCalendar,
} from '../calendar';
import { overdueChain } from './overdue';
import { hasOverdueChain, RULES } from './rules';
import { resolveReminderSettings, type ReminderSettings } from './settings';
import {
  REMINDER_KINDS,
  REMINDER_TARGETS,
  type Reminder,
  type ReminderCandidate,
  type ReminderKind,
  type ReminderTask,
  type ReminderTarget,
} from './types';
import type { LocalDate } from '../task';

export interface PlanOptions {
  now: Date;
  calendar: WorkingCalendar;
  settings?: Partial<ReminderSettings>;
}

/**
 * When two reminders of a task land on the same morning for the same group, only the more pressing one
 * is sent: e.g. a deadline on a Sunday puts "due tomorrow" and "due today" both on Friday.
 */
const URGENCY: Readonly<Record<ReminderKind, number>> = {
  'review-soon': 1,
  'due-soon': 1,
  'event-soon': 1,
  'due-eve': 2,
  'event-eve': 2,
  'due-day': 3,
  'event-day': 3,
  'banner-prepare': 1,
  'banner-end': 2,
  'banner-start': 3,
  'campaign-prepare': 1,
  'campaign-progress': 2,
  'campaign-end': 3,
  'campaign-start': 4,
  'recurring-quarter-start': 1,
  'recurring-quarter-due': 2,
  overdue: 5,
  'overdue-escalated': 5,
};

export function reminderKey(
  taskId: string,
  kind: ReminderKind,
  target: ReminderTarget,
  localDate: string,
): string {
  // BullMQ uses ':' inside its own Redis keys and rejects custom job ids containing it.
  return [taskId.replace(/:/g, '-'), kind, target, localDate].join('_');
}

export function isDone(task: ReminderTask, now: Date): boolean {
  return task.status === 'done' || (task.completedAt != null && task.completedAt.getTime() <= now.getTime());
}

/** Its end had passed before it was loaded: an old plan kept for the record, never reminded. */
export function endedBeforeLoad(task: Pick<ReminderTask, 'end' | 'loadedOn'>): boolean {
  return task.end != null && task.loadedOn != null && compareDates(task.end, task.loadedOn) < 0;
}

function snoozedDate(date: LocalDate, task: ReminderTask): LocalDate {
  const z = task.snoozed;
  if (!z) return date;
  return compareDates(date, z.from) >= 0 && compareDates(date, z.until) < 0 ? z.until : date;
}

function withSupportCopies(
  task: ReminderTask,
  candidates: ReminderCandidate[],
  s: ReminderSettings,
): ReminderCandidate[] {
  if (!task.support || task.support.length === 0) return candidates;
  const copies = candidates
    .filter((c) => c.target === 'lead' && s.supportKinds.includes(c.kind))
    .map((c) => ({ ...c, target: 'support' as const }));
  return [...candidates, ...copies];
}

/**
 * 08:00 of a local day as an instant, remembered: the zone conversion goes through Intl and was most of the
 * planner's time, while a year of mornings is a few hundred distinct values. Pure, so caching is safe.
 */
const instants = new Map<string, Date>();
function morningOf(day: LocalDate, time: string, zone: string): Date {
  const key = `${day}|${time}|${zone}`;
  let at = instants.get(key);
  if (!at) {
    if (instants.size > 20_000) instants.clear();
    at = localDateTimeToInstant(day, time, zone);
    instants.set(key, at);
  }
  return new Date(at.getTime());
}

function compareReminders(a: Reminder, b: Reminder): number {
  return (
    a.at.getTime() - b.at.getTime() ||
    REMINDER_TARGETS.indexOf(a.target) - REMINDER_TARGETS.indexOf(b.target) ||
    REMINDER_KINDS.indexOf(a.kind) - REMINDER_KINDS.indexOf(b.kind)
  );
}

/** Resolved once per settings object: a reconcile plans thousands of tasks with the same one. */
const resolved = new WeakMap<Partial<ReminderSettings>, ReminderSettings>();
const DEFAULTS_RESOLVED = resolveReminderSettings();
function settingsOf(overrides: Partial<ReminderSettings> | undefined): ReminderSettings {
  if (!overrides) return DEFAULTS_RESOLVED;
  let s = resolved.get(overrides);
  if (!s) {
    s = resolveReminderSettings(overrides);
    resolved.set(overrides, s);
  }
  return s;
}

/** The task's reminders from now on, sorted by instant, at most one per morning and group. */
export function planReminders(task: ReminderTask, options: PlanOptions): Reminder[] {
  const s = settingsOf(options.settings);
  const { now, calendar: cal } = options;
  if (isDone(task, now) || endedBeforeLoad(task)) return [];

  const candidates = [...RULES[task.kind](task, cal, s)];
  if (task.end && hasOverdueChain(task.kind)) {
    candidates.push(...overdueChain(task.end, addDays(toLocalDate(now, s.zone), s.horizonDays), cal, s));
  }

  const kept = new Map<string, Reminder>();
  for (const c of withSupportCopies(task, candidates, s)) {
    const localDate = snoozedDate(onOrBeforeWorkingDay(c.date, cal), task);
    const at = morningOf(localDate, s.time, s.zone);
    if (at.getTime() < now.getTime()) continue;
    const slot = `${localDate}|${c.target}`;
    const existing = kept.get(slot);
    if (existing && URGENCY[existing.kind] >= URGENCY[c.kind]) continue;
    const { date: _intended, ...rest } = c;
    kept.set(slot, {
      ...rest,
      key: reminderKey(task.id, c.kind, c.target, localDate),
      taskId: task.id,
      at,
      localDate,
    });
  }
  return [...kept.values()].sort(compareReminders);
}
