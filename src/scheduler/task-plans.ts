/**
 * Stored task → planner input, and the planning window both the producer and the worker use: from the start
 * of today (local), not from now. So a restart at 09:00 still finds this morning's 08:00 reminders; those
 * already delivered stop at their ReminderLog rows, those not yet delivered go out late rather than never.
 */
import { DEFAULT_ZONE, localDateTimeToInstant, toLocalDate, type WorkingCalendar } from '../domain/calendar';
import {
  planReminders,
  resolveReminderSettings,
  type Reminder,
  type ReminderSettings,
  type ReminderTask,
} from '../domain/reminders';
import type { LocalDate, TaskKind, TaskStatus } from '../domain/task';
import { orgReminderSettings, type PlannableTask } from '../store/planning-reads';

export { PLAN_FIELDS, type PlannableTask } from '../store/planning-reads';

export type SettingsFor = (orgId: string) => Promise<Partial<ReminderSettings>>;

export function toReminderTask(doc: PlannableTask, zone: string = DEFAULT_ZONE): ReminderTask {
  return {
    loadedOn: doc.loadedAt ? toLocalDate(doc.loadedAt, zone) : null,
    snoozed: doc.snoozedFrom && doc.snoozedUntil ? { from: doc.snoozedFrom, until: doc.snoozedUntil } : null,
    id: String(doc._id),
    kind: doc.kind as TaskKind,
    start: doc.start ?? null,
    end: doc.end ?? null,
    status: (doc.status ?? 'open') as TaskStatus,
    completedAt: doc.completedAt ?? null,
    support: doc.support ?? [],
  };
}

export function zoneOf(settings: Partial<ReminderSettings>): string {
  return settings.zone ?? DEFAULT_ZONE;
}

/** 00:00 of a local day, as an instant. */
export function startOfLocalDay(day: LocalDate, zone: string): Date {
  return localDateTimeToInstant(day, '00:00', zone);
}

export function planTask(
  doc: PlannableTask,
  settings: Partial<ReminderSettings>,
  now: Date,
  calendar: WorkingCalendar,
): Reminder[] {
  const floor = startOfLocalDay(toLocalDate(now, zoneOf(settings)), zoneOf(settings));
  return planReminders(toReminderTask(doc, zoneOf(settings)), { now: floor, calendar, settings });
}

/** The reminder with this key if a re-plan from the morning of its own day still produces it. */
export function findPlanned(
  doc: PlannableTask,
  key: string,
  day: LocalDate,
  settings: Partial<ReminderSettings>,
  calendar: WorkingCalendar,
): Reminder | undefined {
  const floor = startOfLocalDay(day, zoneOf(settings));
  return planReminders(toReminderTask(doc, zoneOf(settings)), { now: floor, calendar, settings }).find(
    (r) => r.key === key,
  );
}

/**
 * An organisation's overrides and zone. Settings that would misfire are dropped for the defaults rather
 * than stopping every reminder of the organisation; `onInvalid` gets to log it.
 */
export function orgSettingsReader(
  onInvalid: (orgId: string, err: Error) => void,
  /** The deployment's defaults (REMINDER_* in the environment), under each organisation's own choices. */
  defaults: Partial<ReminderSettings> = {},
): SettingsFor {
  return async (orgId) => {
    const org = await orgReminderSettings(orgId);
    const zone = org?.timezone || DEFAULT_ZONE;
    const overrides = { ...defaults, ...((org?.reminderSettings ?? {}) as Partial<ReminderSettings>) };
    try {
      resolveReminderSettings({ ...overrides, zone });
      return { ...overrides, zone };
    } catch (err) {
      onInvalid(orgId, err as Error);
      return { ...defaults, zone };
    }
  };
}
