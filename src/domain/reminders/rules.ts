/**
 * The reminders each kind of task asks for before and during its window, as intended days. The planner
 * moves them onto working mornings; the overdue chain after the window lives in overdue.ts.
 */
import {
  addDays,
  addWorkingDays,
  compareDates,
  daysBetween,
  maxDate,
  minDate,
  parseLocalDate,
  previousWorkingDay,
  quarterOf,
  weekday,
  type WorkingCalendar,
} from '../calendar';
import type { LocalDate } from '../task';
import type { ReminderSettings } from './settings';
import type { ReminderCandidate, ReminderTask } from './types';

type Rule = (task: ReminderTask, cal: WorkingCalendar, s: ReminderSettings) => ReminderCandidate[];

function ladder(
  due: LocalDate,
  prefix: 'due' | 'event',
  cal: WorkingCalendar,
  s: ReminderSettings,
): ReminderCandidate[] {
  const out: ReminderCandidate[] = s.dueWorkingDaysBefore.map((n) => ({
    date: addWorkingDays(due, -n, cal),
    kind: `${prefix}-soon`,
    target: 'lead',
    dueDate: due,
    workingDaysBefore: n,
  }));
  if (s.dueEve)
    out.push({
      date: previousWorkingDay(due, cal),
      kind: `${prefix}-eve`,
      target: 'lead',
      dueDate: due,
      workingDaysBefore: 1,
    });
  if (s.dueDay)
    out.push({ date: due, kind: `${prefix}-day`, target: 'lead', dueDate: due, workingDaysBefore: 0 });
  return out;
}

/** Deadlines and agenda items are due by their window's end. */
const dueByEnd: Rule = (task, cal, s) => (task.end ? ladder(task.end, 'due', cal, s) : []);

/** An event is counted down to its first day. */
const event: Rule = (task, cal, s) => {
  const first = task.start ?? task.end;
  return first ? ladder(first, 'event', cal, s) : [];
};

const review: Rule = (task, cal, s) => {
  const end = task.end;
  if (!end) return [];
  return s.reviewWorkingDaysBefore.map((n) => ({
    date: addWorkingDays(end, -n, cal),
    kind: 'review-soon',
    target: 'lead',
    dueDate: end,
    workingDaysBefore: n,
  }));
};

const banner: Rule = (task, cal, s) => {
  const { start, end } = task;
  if (!start || !end) return [];
  return [
    {
      date: addWorkingDays(start, -s.bannerPrepareWorkingDays, cal),
      kind: 'banner-prepare',
      target: 'lead',
      dueDate: start,
      workingDaysBefore: s.bannerPrepareWorkingDays,
    },
    { date: start, kind: 'banner-start', target: 'lead', dueDate: start },
    { date: end, kind: 'banner-end', target: 'lead', dueDate: end },
  ];
};

/** Days strictly inside (start, end) on the given weekday; only the first of each month when monthly. */
function nudgeDays(start: LocalDate, end: LocalDate, day: number, monthly: boolean): LocalDate[] {
  const out: LocalDate[] = [];
  let d = addDays(start, 1);
  while (weekday(d) !== day) d = addDays(d, 1);
  for (; compareDates(d, end) < 0; d = addDays(d, 7)) {
    if (!monthly || parseLocalDate(d).day <= 7) out.push(d);
  }
  return out;
}

const campaign: Rule = (task, cal, s) => {
  const { start, end } = task;
  if (!start || !end) return [];
  const monthly = daysBetween(start, end) + 1 > s.campaignWeeklyMaxDays;
  return [
    {
      date: addWorkingDays(start, -s.campaignPrepareWorkingDays, cal),
      kind: 'campaign-prepare',
      target: 'lead',
      dueDate: start,
      workingDaysBefore: s.campaignPrepareWorkingDays,
    },
    { date: start, kind: 'campaign-start', target: 'lead', dueDate: start },
    ...nudgeDays(start, end, s.campaignWeekday, monthly).map((date): ReminderCandidate => ({
      date,
      kind: 'campaign-progress',
      target: 'lead',
      dueDate: end,
    })),
    { date: end, kind: 'campaign-end', target: 'lead', dueDate: end },
  ];
};

/** Each calendar quarter the window touches, clipped to the window. */
const recurring: Rule = (task, cal, s) => {
  const { start, end } = task;
  if (!start || !end || compareDates(start, end) > 0) return [];
  const out: ReminderCandidate[] = [];
  for (let q = quarterOf(start); compareDates(q.start, end) <= 0; q = quarterOf(addDays(q.end, 1))) {
    const from = maxDate(q.start, start);
    const to = minDate(q.end, end);
    // A window that opens late in a quarter must not be told the quarter is ending before it has begun.
    const due = maxDate(addWorkingDays(to, -s.recurringQuarterEndWorkingDays, cal), from);
    out.push({ date: from, kind: 'recurring-quarter-start', target: 'lead', dueDate: to });
    out.push({
      date: due,
      kind: 'recurring-quarter-due',
      target: 'lead',
      dueDate: to,
      workingDaysBefore: s.recurringQuarterEndWorkingDays,
    });
  }
  return out;
};

/** A standing responsibility (tổ chức thực hiện) has no date to count towards: no reminders. */
const none: Rule = () => [];

export const RULES: Readonly<Record<ReminderTask['kind'], Rule>> = {
  deadline: dueByEnd,
  agenda: dueByEnd,
  event,
  review,
  banner,
  campaign,
  recurring,
  duty: none,
};

/** Kinds that turn overdue once their window's end passes undone. */
export function hasOverdueChain(kind: ReminderTask['kind']): boolean {
  return kind !== 'duty';
}
