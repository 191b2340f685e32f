/**
 * Arithmetic on local calendar days written 'YYYY-MM-DD', through dayjs in UTC: a day never passes
 * through the server's zone, so it cannot shift. Each day also has a day number (days since 1970-01-01),
 * which the planner's hot loops compare and step through.
 */
import type { LocalDate } from '../task';
import { dayjs, LOCAL_DATE_FORMAT, type Dayjs } from './dayjs';

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const EPOCH = dayjs.utc('1970-01-01');
const EPOCH_WEEKDAY = EPOCH.day();

/** The first of a month (any year, 0001 included: no Date.UTC two-digit-year trap). */
function firstOfMonth(year: number, month: number): Dayjs {
  return EPOCH.year(year).month(month - 1);
}

export function daysInMonth(year: number, month: number): number {
  return firstOfMonth(year, month).daysInMonth();
}

export function isLeapYear(year: number): boolean {
  return daysInMonth(year, 2) === 29;
}

/** Strict: '2025-02-29' and '2025-2-3' are not dates. */
function strict(value: string): Dayjs | null {
  const d = dayjs.utc(value, LOCAL_DATE_FORMAT, true);
  return d.isValid() ? d : null;
}

/** Valid days' parts, remembered (a strict dayjs parse costs microseconds; the planner asks per task). */
const knownParts = new Map<string, DateParts>();

function partsOf(value: string): DateParts | null {
  const known = knownParts.get(value);
  if (known) return { ...known };
  const d = strict(value);
  if (!d) return null;
  const parts = { year: d.year(), month: d.month() + 1, day: d.date() };
  if (knownParts.size >= 50_000) knownParts.clear();
  knownParts.set(value, parts);
  return { ...parts };
}

export function isLocalDate(value: string): boolean {
  return partsOf(value) !== null;
}

export function parseLocalDate(date: LocalDate): DateParts {
  const parts = partsOf(date);
  if (!parts) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return parts;
}

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`no such day: ${year}-${month}-${day}`);
  }
  return firstOfMonth(year, month).date(day).format(LOCAL_DATE_FORMAT);
}

/**
 * Day numbers and their strings, remembered: planning a year of reminders for 10,000 tasks converts the
 * same few hundred days millions of times, and the regex parse was most of the planner's time. Pure, so
 * caching is safe; cleared when large so odd inputs cannot grow it without bound.
 */
const CACHE_LIMIT = 50_000;
const dayNumbers = new Map<string, number>();
const dayStrings = new Map<number, LocalDate>();

/** Both ways at once: a day met as a string is soon asked for as a number, and back. */
function remember(dayNumber: number, date: LocalDate): void {
  if (dayNumbers.size >= CACHE_LIMIT) {
    dayNumbers.clear();
    dayStrings.clear();
  }
  dayNumbers.set(date, dayNumber);
  dayStrings.set(dayNumber, date);
}

/** Days since 1970-01-01. */
export function toDayNumber(date: LocalDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const d = strict(date);
  if (!d) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const n = d.diff(EPOCH, 'day');
  remember(n, date);
  return n;
}

export function fromDayNumber(dayNumber: number): LocalDate {
  const known = dayStrings.get(dayNumber);
  if (known !== undefined) return known;
  const date = EPOCH.add(dayNumber, 'day').format(LOCAL_DATE_FORMAT);
  remember(dayNumber, date);
  return date;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Negative, zero or positive like a sort comparator; valid dates compare as strings do. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) >= 0 ? a : b;
}

export function weekday(date: LocalDate): Weekday {
  // From the day number (remembered), not a fresh dayjs per call: the planner asks this per day per task.
  // 1970-01-01 was a Thursday (4), as EPOCH.day() says.
  return ((((toDayNumber(date) + EPOCH_WEEKDAY) % 7) + 7) % 7) as Weekday;
}

export function isWeekend(date: LocalDate, weekendDays: readonly number[] = [0, 6]): boolean {
  return weekendDays.includes(weekday(date));
}

export function yearOf(date: LocalDate): number {
  // Validated (and remembered) by toDayNumber; the year is then the first four digits.
  toDayNumber(date);
  return Number(date.slice(0, 4));
}

export function startOfMonth(year: number, month: number): LocalDate {
  return formatLocalDate(year, month, 1);
}

export function endOfMonth(year: number, month: number): LocalDate {
  return formatLocalDate(year, month, daysInMonth(year, month));
}

/** Every day from start to end inclusive; empty when end is before start. */
export function eachDay(start: LocalDate, end: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let n = toDayNumber(start), last = toDayNumber(end); n <= last; n++) out.push(fromDayNumber(n));
  return out;
}
