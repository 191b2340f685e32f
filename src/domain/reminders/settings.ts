/** An organisation's reminder offsets, with the defaults every organisation starts from. */
import { DEFAULT_ZONE, parseTimeOfDay, type Weekday } from '../calendar';
import type { ReminderKind } from './types';

export interface ReminderSettings {
  /** IANA zone of the organisation's wall clock. */
  zone: string;
  /** Local 'HH:mm' at which reminders are sent; must be daytime (06:00–20:59). */
  time: string;
  /** Deadlines, agenda items and events: working days before the due day for the early reminders. */
  dueWorkingDaysBefore: readonly number[];
  /** Also remind on the working day before the due day, and on the due day's morning. */
  dueEve: boolean;
  dueDay: boolean;
  /** Reviews: working days before the reviewed period's end. */
  reviewWorkingDaysBefore: readonly number[];
  bannerPrepareWorkingDays: number;
  campaignPrepareWorkingDays: number;
  /** The weekday of the nudge during a campaign (1 = Monday). */
  campaignWeekday: Weekday;
  /**
   * A campaign longer than this many days is nudged on the first such weekday of each month instead of
   * every week: weekly messages over a whole-year "campaign" are noise that teaches people to mute the bot.
   */
  campaignWeeklyMaxDays: number;
  /** Recurring work: working days before each quarter's end. */
  recurringQuarterEndWorkingDays: number;
  /**
   * Overdue: remind on these working days late, then stop. A reminder repeated for ever teaches people to
   * mute the bot; past the last step the task lives on in the weekly digest and /overdue.
   */
  overdueWorkingDays: readonly number[];
  /** The one overdue step (the first at or past this many working days late) also sent to the leaders. */
  escalateAtWorkingDays: number;
  /** Overdue chains stop this many days after now; callers re-plan at least daily. */
  horizonDays: number;
  /** Kinds whose reminder is also sent to the coordinating units' groups. */
  supportKinds: readonly ReminderKind[];
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  zone: DEFAULT_ZONE,
  time: '08:00',
  dueWorkingDaysBefore: [7, 3],
  dueEve: true,
  dueDay: true,
  reviewWorkingDaysBefore: [10, 3],
  bannerPrepareWorkingDays: 3,
  campaignPrepareWorkingDays: 3,
  campaignWeekday: 1,
  campaignWeeklyMaxDays: 92,
  recurringQuarterEndWorkingDays: 10,
  overdueWorkingDays: [1, 3, 5],
  escalateAtWorkingDays: 5,
  horizonDays: 60,
  supportKinds: ['due-eve', 'event-eve'],
};

const EARLIEST_HOUR = 6;
const LATEST_HOUR = 20;

function wholeNumber(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`reminder setting ${name} must be a whole number ≥ ${min}, got ${value}`);
}

/** Defaults overlaid with an organisation's choices; throws RangeError on a value that would misfire. */
export function resolveReminderSettings(overrides: Partial<ReminderSettings> = {}): ReminderSettings {
  const s: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, ...overrides };
  const { hour } = parseTimeOfDay(s.time);
  if (hour < EARLIEST_HOUR || hour > LATEST_HOUR)
    throw new RangeError(`reminders are never sent at night: ${s.time} is outside 06:00–20:59`);
  for (const n of s.dueWorkingDaysBefore) wholeNumber('dueWorkingDaysBefore', n, 1);
  for (const n of s.reviewWorkingDaysBefore) wholeNumber('reviewWorkingDaysBefore', n, 1);
  wholeNumber('bannerPrepareWorkingDays', s.bannerPrepareWorkingDays, 0);
  wholeNumber('campaignPrepareWorkingDays', s.campaignPrepareWorkingDays, 0);
  wholeNumber('campaignWeekday', s.campaignWeekday, 0);
  if (s.campaignWeekday > 6) throw new RangeError(`campaignWeekday must be 0–6, got ${s.campaignWeekday}`);
  wholeNumber('campaignWeeklyMaxDays', s.campaignWeeklyMaxDays, 0);
  wholeNumber('recurringQuarterEndWorkingDays', s.recurringQuarterEndWorkingDays, 0);
  for (const n of s.overdueWorkingDays) wholeNumber('overdueWorkingDays', n, 1);
  wholeNumber('escalateAtWorkingDays', s.escalateAtWorkingDays, 0);
  wholeNumber('horizonDays', s.horizonDays, 0);
  return s;
}
