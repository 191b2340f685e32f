/**
 * Working days of a Vietnamese state body: Monday–Friday, less public holidays and compensatory days,
 * plus any swapped working Saturday the year's overrides name.
 */
import type { LocalDate } from '../task';
import { addDays, compareDates, isWeekend, yearOf } from './dates';
import { DEFAULT_HOLIDAY_RULES, yearSchedule, type HolidayRules, type YearSchedule } from './holidays';
import { NO_OVERRIDES, type HolidayOverrides } from './overrides';

export interface WorkingCalendar {
  readonly rules: HolidayRules;
  readonly overrides: HolidayOverrides;
  /** The year's days off and swapped working days (memoised: computing Tết is not free). */
  schedule(year: number): YearSchedule;
}

export interface WorkingCalendarOptions {
  overrides?: HolidayOverrides;
  rules?: Partial<HolidayRules>;
}

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const rules: HolidayRules = { ...DEFAULT_HOLIDAY_RULES, ...options.rules };
  const overrides = options.overrides ?? NO_OVERRIDES;
  const cache = new Map<number, YearSchedule>();
  return {
    rules,
    overrides,
    schedule(year: number): YearSchedule {
      let s = cache.get(year);
      if (!s) {
        s = yearSchedule(year, overrides, rules);
        cache.set(year, s);
      }
      return s;
    },
  };
}

/** A year with no working day would loop the searches below forever; no real calendar comes close. */
const MAX_SEARCH_DAYS = 400;

/**
 * Answers per calendar, remembered: planning steps day by day through working days, asking about the same
 * few hundred dates hundreds of thousands of times when 10,000 tasks are planned. A calendar never changes
 * once made, so the answers cannot go stale; the map is cleared when large so odd inputs cannot grow it.
 */
const answers = new WeakMap<WorkingCalendar, Map<LocalDate, boolean>>();
const ANSWERS_LIMIT = 20_000;

export function isWorkingDay(date: LocalDate, cal: WorkingCalendar): boolean {
  let known = answers.get(cal);
  if (!known) {
    known = new Map();
    answers.set(cal, known);
  }
  let working = known.get(date);
  if (working === undefined) {
    const s = cal.schedule(yearOf(date));
    working = s.work.has(date) || (!s.off.has(date) && !isWeekend(date, cal.rules.weekendDays));
    if (known.size >= ANSWERS_LIMIT) known.clear();
    known.set(date, working);
  }
  return working;
}

/** The holiday, compensatory day or announced day off on this date; null on working days and plain weekends. */
export function holidayName(date: LocalDate, cal: WorkingCalendar): string | null {
  return cal.schedule(yearOf(date)).off.get(date) ?? null;
}

function step(date: LocalDate, direction: 1 | -1, cal: WorkingCalendar): LocalDate {
  let d = date;
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    d = addDays(d, direction);
    if (isWorkingDay(d, cal)) return d;
  }
  throw new RangeError(`no working day within ${MAX_SEARCH_DAYS} days of ${date}`);
}

/** The last working day strictly before date. */
export function previousWorkingDay(date: LocalDate, cal: WorkingCalendar): LocalDate {
  return step(date, -1, cal);
}

/** The first working day strictly after date. */
export function nextWorkingDay(date: LocalDate, cal: WorkingCalendar): LocalDate {
  return step(date, 1, cal);
}

/** The date itself when it is a working day, else the working day before it. */
export function onOrBeforeWorkingDay(date: LocalDate, cal: WorkingCalendar): LocalDate {
  return isWorkingDay(date, cal) ? date : previousWorkingDay(date, cal);
}

/** The date itself when it is a working day, else the working day after it. */
export function onOrAfterWorkingDay(date: LocalDate, cal: WorkingCalendar): LocalDate {
  return isWorkingDay(date, cal) ? date : nextWorkingDay(date, cal);
}

/**
 * Moves n working days from date (negative n goes back). Counting starts from the date whether or not it
 * is a working day, so "3 working days before Sunday 31/3" is Wednesday 27/3; n = 0 returns date unchanged.
 */
export function addWorkingDays(date: LocalDate, n: number, cal: WorkingCalendar): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, got ${n}`);
  let d = date;
  for (let i = 0; i < Math.abs(n); i++) d = step(d, n > 0 ? 1 : -1, cal);
  return d;
}

/**
 * Working days d with a < d ≤ b: how many working days late b is for a deadline a. Negative (the count
 * of b < d ≤ a) when b is before a.
 */
export function workingDaysBetween(a: LocalDate, b: LocalDate, cal: WorkingCalendar): number {
  const sign = compareDates(a, b);
  if (sign === 0) return 0;
  const [from, to] = sign < 0 ? [a, b] : [b, a];
  let count = 0;
  for (let d = addDays(from, 1); compareDates(d, to) <= 0; d = addDays(d, 1)) {
    if (isWorkingDay(d, cal)) count++;
  }
  return sign < 0 ? count : -count;
}

/** All working days from start to end inclusive. */
export function workingDaysIn(start: LocalDate, end: LocalDate, cal: WorkingCalendar): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = start; compareDates(d, end) <= 0; d = addDays(d, 1)) if (isWorkingDay(d, cal)) out.push(d);
  return out;
}
