/** What the reminder planner takes and gives; the scheduler turns each Reminder into one queued job. */
import type { LocalDate, TaskKind, TaskStatus } from '../task';

/** Whose group gets the message: the lead unit's, the coordinating units', or the leadership's. */
export type ReminderTarget = 'lead' | 'support' | 'leaders';

export const REMINDER_TARGETS: readonly ReminderTarget[] = ['lead', 'support', 'leaders'];

export const REMINDER_KINDS = [
  /** Deadlines and agenda items: N working days before the window's end, the day before, the day. */
  'due-soon',
  'due-eve',
  'due-day',
  /** Events: the same ladder towards the event's first day. */
  'event-soon',
  'event-eve',
  'event-day',
  /** Periodic reviews: N working days before the period under review ends. */
  'review-soon',
  /** Banner periods: prepare the banners, hang them today, report they were up. */
  'banner-prepare',
  'banner-start',
  'banner-end',
  /** Campaign peaks: prepare, first day, a periodic nudge during it, last day. */
  'campaign-prepare',
  'campaign-start',
  'campaign-progress',
  'campaign-end',
  /** Recurring work: the quarter has started; the quarter ends soon. */
  'recurring-quarter-start',
  'recurring-quarter-due',
  /** The window's end has passed and the task is not done; the escalated copy goes to the leaders. */
  'overdue',
  'overdue-escalated',
] as const;

export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The fields of a task the planner reads. */
export interface ReminderTask {
  id: string;
  kind: TaskKind;
  start: LocalDate | null;
  end: LocalDate | null;
  status: TaskStatus;
  /** A completion at or before now counts as done, whatever the status says. */
  completedAt?: Date | null;
  /** Coordinating units; 'support' copies are planned only when there is at least one. */
  support?: readonly string[];
  /**
   * The local day the task was loaded (service clock). A task whose end had already passed then came with
   * an old plan imported for the record: it is never reminded, only counted.
   */
  loadedOn?: LocalDate | null;
  /** /snooze: reminders falling on [from, until) move to `until` (a working day). */
  snoozed?: { from: LocalDate; until: LocalDate } | null;
}

export interface Reminder {
  /** Stable across re-planning and safe as a BullMQ job id (no ':'): `${taskId}_${kind}_${target}_${localDate}`. */
  key: string;
  taskId: string;
  /** When to send: working day at the configured local time. */
  at: Date;
  /** The local day of `at`. */
  localDate: LocalDate;
  target: ReminderTarget;
  kind: ReminderKind;
  /** The day the reminder is about: the window end, an event's or period's first day, a quarter's end. */
  dueDate?: LocalDate;
  /** The rule's offset: "7 working days before" → 7 (the eve → 1, the day → 0). */
  workingDaysBefore?: number;
  /** For overdue reminders: working days past the window's end. */
  workingDaysLate?: number;
}

/** A reminder before it is moved onto a working morning and checked against now. */
export interface ReminderCandidate {
  /** The intended day; a non-working day moves to the working day before. */
  date: LocalDate;
  kind: ReminderKind;
  target: ReminderTarget;
  dueDate?: LocalDate;
  workingDaysBefore?: number;
  workingDaysLate?: number;
}
