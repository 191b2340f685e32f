/**
 * The text of one reminder, in the group's language: what, which plan, the day it is about (dd/mm/yyyy
 * with the weekday), how many working days are left or late, and how to answer. Pure: the worker hands in
 * today and the calendar, so the same reminder renders the same way in tests and at 08:00.
 */
import { workingDaysBetween, type WorkingCalendar } from '../domain/calendar';
import type { ReminderKind, ReminderTarget } from '../domain/reminders';
import type { LocalDate } from '../domain/task';
import { t, type Locale } from '../shared/i18n';
import { formatDateWithWeekday, formatWindow } from './format';
import type { Reply, Segment } from './messages';

export interface ReminderMessageInput {
  kind: ReminderKind;
  target: ReminderTarget;
  task: { number: number; title: string; start: LocalDate | null; end: LocalDate | null };
  planTitle?: string | null;
  /** Lead departments' names; shown to coordinating units and leaders, who need to know whom it concerns. */
  leadNames?: readonly string[];
  /** The day the reminder is about (the planner's dueDate); falls back to the task's end. */
  dueDate?: LocalDate;
  /** The local day the message goes out. */
  today: LocalDate;
  calendar: WorkingCalendar;
}

type DateLine = 'deadline' | 'event' | 'starts' | 'window' | 'ends';
type Countdown = 'left' | 'late' | 'none';
type Action = 'done' | 'report' | 'progress';

const SHAPE: Readonly<Record<ReminderKind, readonly [DateLine, Countdown, Action]>> = {
  'due-soon': ['deadline', 'left', 'done'],
  'due-eve': ['deadline', 'left', 'done'],
  'due-day': ['deadline', 'left', 'done'],
  'event-soon': ['event', 'left', 'done'],
  'event-eve': ['event', 'left', 'done'],
  'event-day': ['event', 'left', 'done'],
  'review-soon': ['deadline', 'left', 'done'],
  'banner-prepare': ['starts', 'left', 'progress'],
  'banner-start': ['window', 'none', 'progress'],
  'banner-end': ['ends', 'left', 'report'],
  'campaign-prepare': ['starts', 'left', 'progress'],
  'campaign-start': ['window', 'none', 'progress'],
  'campaign-progress': ['ends', 'left', 'progress'],
  'campaign-end': ['ends', 'left', 'report'],
  'recurring-quarter-start': ['deadline', 'left', 'progress'],
  'recurring-quarter-due': ['deadline', 'left', 'done'],
  overdue: ['deadline', 'late', 'done'],
  'overdue-escalated': ['deadline', 'late', 'done'],
};

/** "còn 3 ngày làm việc" / "3 working days left"; English needs the singular, Vietnamese does not. */
export function workingDaysPhrase(kind: 'left' | 'late', n: number, locale: Locale): string {
  if (kind === 'left' && n === 0) return t(locale, 'reminders:left.today');
  return t(locale, `reminders:${kind}.${n === 1 ? 'one' : 'other'}`, { n });
}

function countdown(
  how: Countdown,
  date: LocalDate,
  input: ReminderMessageInput,
  locale: Locale,
): string | null {
  if (how === 'none') return null;
  if (how === 'late') {
    return workingDaysPhrase(
      'late',
      Math.max(1, workingDaysBetween(date, input.today, input.calendar)),
      locale,
    );
  }
  // A due day moved back off a holiday lies after today with no working day in between: "today is the last".
  return workingDaysPhrase(
    'left',
    Math.max(0, workingDaysBetween(input.today, date, input.calendar)),
    locale,
  );
}

function dateLine(input: ReminderMessageInput, locale: Locale): string | null {
  const [line, how] = SHAPE[input.kind];
  if (line === 'window') {
    return t(locale, 'reminders:when.window', { window: formatWindow(input.task.start, input.task.end) });
  }
  const date = input.dueDate ?? input.task.end;
  if (!date) return null;
  const text = t(locale, `reminders:when.${line}`, { date: formatDateWithWeekday(date, locale) });
  const rest = countdown(how, date, input, locale);
  return rest ? `${text} — ${rest}` : text;
}

function actionLine(input: ReminderMessageInput, locale: Locale): string {
  if (input.target === 'leaders') return t(locale, 'reminders:action.leaders');
  return t(locale, `reminders:action.${SHAPE[input.kind][2]}`, { number: input.task.number });
}

export function renderReminder(input: ReminderMessageInput, locale: Locale): Reply {
  const leads = input.leadNames ?? [];
  const lines: string[] = [];
  if (input.planTitle) lines.push(t(locale, 'reminders:plan', { plan: input.planTitle }));
  if (input.target !== 'lead' || leads.length === 0) {
    lines.push(
      t(locale, 'reminders:lead', { units: leads.length ? leads.join(', ') : t(locale, 'reminders:noLead') }),
    );
  }
  const when = dateLine(input, locale);
  if (when) lines.push(when);
  lines.push(actionLine(input, locale));

  const segments: Segment[] = [
    { text: t(locale, `reminders:title.${input.kind}`), style: 'bold' },
    { text: `\n${t(locale, 'reminders:task', { number: input.task.number })}` },
    { text: input.task.title, style: 'bold' },
    { text: `\n${lines.join('\n')}` },
  ];
  return { segments };
}
