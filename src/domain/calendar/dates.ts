/**
 * Arithmetic on local calendar days written 'YYYY-MM-DD'. The strings never pass through a zoned Date:
 * each day maps to a day number (days since 1970-01-01 in the proleptic Gregorian calendar), so the
 * server's own time zone cannot shift a date.
 */
import type { LocalDate } from '../task';

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const MS_PER_DAY = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function partsOf(value: string): DateParts | null {
  const m = LOCAL_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
    ? { year, month, day }
    : null;
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
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Day numbers and their strings, remembered: planning a year of reminders for 10,000 tasks converts the
 * same few hundred days millions of times, and the regex parse was most of the planner's time. Pure, so
 * caching is safe; cleared when large so odd inputs cannot grow it without bound.
 */
const CACHE_LIMIT = 50_000;
const dayNumbers = new Map<string, number>();
const dayStrings = new Map<number, LocalDate>();

/** Days since 1970-01-01. */
export function toDayNumber(date: LocalDate): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const { year, month, day } = parseLocalDate(date);
  const n = Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
  if (dayNumbers.size >= CACHE_LIMIT) dayNumbers.clear();
  dayNumbers.set(date, n);
  return n;
}

export function fromDayNumber(dayNumber: number): LocalDate {
  const known = dayStrings.get(dayNumber);
  if (known !== undefined) return known;
  const d = new Date(dayNumber * MS_PER_DAY);
  const date = formatLocalDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  if (dayStrings.size >= CACHE_LIMIT) dayStrings.clear();
  dayStrings.set(dayNumber, date);
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
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 4) % 7) + 7) % 7) as Weekday;
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
