/**
 * The text of one reminder, in the group's language: what, which plan, the day it is about (dd/mm/yyyy
 * with the weekday), how many working days are left or late, and how to answer. Pure: the worker hands in
 * today and the calendar, so the same reminder renders the same way in tests and at 08:00.
 */
import { workingDaysBetween, type WorkingCalendar } from '../domain/calendar';
import type { ReminderKind, ReminderTarget } from '../domain/reminders';
import type { LocalDate } from '../domain/task';
import { t, type Locale } from '../shared/i18n';
import { formatDateWithWeekday, formatWindow } from '../shared/date-format';
import type { Button, Reply, Segment } from './messages';

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

/** What a reminder message asks, in the order its sections appear. */
export const REMINDER_SECTIONS = ['start', 'soon', 'today', 'overdue'] as const;
export type ReminderSection = (typeof REMINDER_SECTIONS)[number];

export function sectionOf(kind: ReminderKind): ReminderSection {
  if (kind === 'overdue' || kind === 'overdue-escalated') return 'overdue';
  if (kind === 'due-day') return 'today';
  if (kind.startsWith('campaign-') || kind.startsWith('banner-') || kind.startsWith('event-')) return 'start';
  return 'soon';
}

/** More than this many items and the rest is one line pointing at /tasks: a phone screen, not a report. */
export const MAX_BATCH_ITEMS = 8;
const MAX_TITLE = 90;

/** Button data: "rm:<action>:<task number>", well under Telegram's 64 bytes. */
export type PressAction = 'done' | 'p50' | 'p100' | 'snooze' | 'extend';

export function pressData(action: PressAction, number: number): string {
  return `rm:${action}:${number}`;
}

export function parsePressData(data: string): { action: PressAction; number: number } | null {
  const m = /^rm:(done|p50|p100|snooze|extend):(\d{1,7})$/.exec(data);
  return m ? { action: m[1] as PressAction, number: Number(m[2]) } : null;
}

/**
 * One row of buttons per item: ✅ done, 📈 50% and 100%, ⏰ remind again in 3 working days, ⏳ ask the
 * leaders for more time.
 */
export function itemButtons(number: number, locale: Locale): Button[] {
  return [
    { label: t(locale, 'reminders:button.done', { number }), data: pressData('done', number) },
    { label: '📈 50%', data: pressData('p50', number) },
    { label: '📈 100%', data: pressData('p100', number) },
    {
      label: t(locale, 'reminders:button.snooze', { days: SNOOZE_BUTTON_DAYS }),
      data: pressData('snooze', number),
    },
    { label: t(locale, 'reminders:button.extend'), data: pressData('extend', number) },
  ];
}

export const SNOOZE_BUTTON_DAYS = 3;

function shortTitle(title: string): string {
  return title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE - 1).trimEnd()}…`;
}

function urgencyOrder(a: ReminderMessageInput, b: ReminderMessageInput): number {
  const da = a.dueDate ?? a.task.end ?? '';
  const db = b.dueDate ?? b.task.end ?? '';
  return da.localeCompare(db) || a.task.number - b.task.number;
}

/**
 * Everything due for one group on one morning, as one message: grouped by what it asks, the nearest
 * date first in each group, long lists cut. A single item reads exactly as a single reminder always did.
 */
/**
 * `buttons: false` for a group that shows no buttons (Zalo): the closing line then says what to type, not
 * "press a button below" (the buttons are still attached; such a channel leaves them out).
 */
export function renderReminderBatch(
  items: readonly ReminderMessageInput[],
  locale: Locale,
  { buttons = true }: { buttons?: boolean } = {},
): Reply {
  const first = items[0];
  if (!first) return { segments: [] };
  if (items.length === 1) {
    return { ...renderReminder(first, locale), buttons: [itemButtons(first.task.number, locale)] };
  }
  const ordered = REMINDER_SECTIONS.map((section) => ({
    section,
    items: items.filter((i) => sectionOf(i.kind) === section).sort(urgencyOrder),
  })).filter((s) => s.items.length > 0);

  const segments: Segment[] = [
    { text: t(locale, 'reminders:batch.title', { count: items.length }), style: 'bold' },
  ];
  const shown: ReminderMessageInput[] = [];
  for (const { section, items: list } of ordered) {
    const room = MAX_BATCH_ITEMS - shown.length;
    if (room <= 0) break;
    segments.push({ text: '\n\n' }, { text: t(locale, `reminders:batch.section.${section}`), style: 'bold' });
    for (const item of list.slice(0, room)) {
      shown.push(item);
      const when = dateLine(item, locale);
      const leads = item.leadNames ?? [];
      const who =
        item.target !== 'lead' || leads.length === 0
          ? ` (${t(locale, 'reminders:lead', { units: leads.length ? leads.join(', ') : t(locale, 'reminders:noLead') })})`
          : '';
      segments.push({ text: `\n• ` }, { text: `#${item.task.number}`, style: 'bold' });
      segments.push({ text: ` ${shortTitle(item.task.title)}${who}${when ? ` — ${when}` : ''}` });
    }
  }
  const rest = items.length - shown.length;
  if (rest > 0) segments.push({ text: `\n${t(locale, 'reminders:batch.more', { n: rest })}` });
  const example = shown[0]?.task.number ?? first.task.number;
  const action = buttons ? 'reminders:batch.action' : 'reminders:batch.actionTyped';
  segments.push({ text: `\n\n${t(locale, action, { number: example })}` });
  return { segments, buttons: shown.map((i) => itemButtons(i.task.number, locale)) };
}
