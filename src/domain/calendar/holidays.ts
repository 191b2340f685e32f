/**
 * Public holidays of Vietnam (Bộ luật Lao động 2019, Điều 111–112) computed by rule, and the yearly
 * schedule that results once an operator's overrides (the officially announced days off and swapped
 * working Saturdays) are applied. Rules alone are only a forecast: each year the Government fixes the
 * Tết days and the Quốc khánh day, often with swaps, so announced years belong in the overrides.
 */
import type { LocalDate } from '../task';
import { addDays, formatLocalDate, isWeekend, weekday, type Weekday } from './dates';
import { lunarNewYear, lunarToSolar, VIETNAM_UTC_OFFSET_HOURS } from './lunar';
import { expandOffEntries, type HolidayOverrides } from './overrides';

export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  tet: 'Tết Nguyên đán',
  hungKings: 'Giỗ Tổ Hùng Vương',
  reunification: 'Ngày Chiến thắng 30/4',
  labourDay: 'Ngày Quốc tế Lao động 1/5',
  nationalDay: 'Quốc khánh 2/9',
} as const;

export interface HolidayRules {
  /** Weekly rest days (0 = Sunday); state bodies rest on Saturday and Sunday (QĐ 188/1999/QĐ-TTg). */
  weekendDays: readonly Weekday[];
  /** First day of the Tết block relative to mùng 1: -1 starts on the last day of the lunar year. */
  tetFirstDayOffset: number;
  /** Days in the Tết block (5 under the Labour Code 2019). */
  tetLength: number;
  /**
   * Which neighbour of 2/9 is the second Quốc khánh day, by the weekday of 2/9 (-1 = 1/9, +1 = 3/9).
   * The default joins the holiday to a weekend, as the announced schedules of 2021–2025 did.
   */
  nationalDayAdjacent: Readonly<Record<Weekday, -1 | 1>>;
  /** Give a compensatory day (nghỉ bù) on the next working day for a holiday on a weekly rest day (Điều 111.3). */
  compensate: boolean;
  lunarUtcOffsetHours: number;
}

export const DEFAULT_HOLIDAY_RULES: HolidayRules = {
  weekendDays: [0, 6],
  tetFirstDayOffset: -1,
  tetLength: 5,
  // Sun → Mon 3/9, Mon → Tue 3/9, Tue → Mon 1/9, Wed → Thu 3/9, Thu → Fri 3/9, Fri → Thu 1/9, Sat → Fri 1/9.
  nationalDayAdjacent: { 0: 1, 1: 1, 2: -1, 3: 1, 4: 1, 5: -1, 6: -1 },
  compensate: true,
  lunarUtcOffsetHours: VIETNAM_UTC_OFFSET_HOURS,
};

export interface HolidayDay {
  date: LocalDate;
  name: string;
}

/** The statutory days off of a Gregorian year by rule, compensatory days included, sorted by date. */
export function statutoryHolidays(year: number, rules: HolidayRules = DEFAULT_HOLIDAY_RULES): HolidayDay[] {
  const days = new Map<LocalDate, string>();
  const add = (date: LocalDate, name: string): void => {
    if (!days.has(date)) days.set(date, name);
  };
  add(formatLocalDate(year, 1, 1), HOLIDAY_NAMES.newYear);
  const tet = lunarNewYear(year, rules.lunarUtcOffsetHours);
  for (let i = 0; i < rules.tetLength; i++) add(addDays(tet, rules.tetFirstDayOffset + i), HOLIDAY_NAMES.tet);
  add(
    lunarToSolar({ day: 10, month: 3, year, leap: false }, rules.lunarUtcOffsetHours),
    HOLIDAY_NAMES.hungKings,
  );
  add(formatLocalDate(year, 4, 30), HOLIDAY_NAMES.reunification);
  add(formatLocalDate(year, 5, 1), HOLIDAY_NAMES.labourDay);
  const nationalDay = formatLocalDate(year, 9, 2);
  add(nationalDay, HOLIDAY_NAMES.nationalDay);
  add(addDays(nationalDay, rules.nationalDayAdjacent[weekday(nationalDay)]), HOLIDAY_NAMES.nationalDay);

  const sorted = [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
  if (rules.compensate) {
    for (const [date, name] of sorted) {
      if (!isWeekend(date, rules.weekendDays)) continue;
      let comp = addDays(date, 1);
      while (isWeekend(comp, rules.weekendDays) || days.has(comp)) comp = addDays(comp, 1);
      days.set(comp, `Nghỉ bù ${name}`);
    }
  }
  return [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, name]) => ({ date, name }));
}

export interface YearSchedule {
  /** Days off other than plain weekly rest days, with the name shown to users. */
  off: ReadonlyMap<LocalDate, string>;
  /** Days worked although they are weekly rest days or rule holidays (swapped Saturdays), with the reason. */
  work: ReadonlyMap<LocalDate, string>;
}

/**
 * A year's days off: the announced list alone when the override marks the year complete, else the rule
 * holidays plus the override's extra days; `work` days are working days whatever else says.
 */
export function yearSchedule(
  year: number,
  overrides: HolidayOverrides,
  rules: HolidayRules = DEFAULT_HOLIDAY_RULES,
): YearSchedule {
  const entry = overrides[String(year)];
  const off = new Map<LocalDate, string>();
  if (!entry?.complete) for (const h of statutoryHolidays(year, rules)) off.set(h.date, h.name);
  for (const h of expandOffEntries(entry?.off ?? [])) off.set(h.date, h.name);
  const work = new Map<LocalDate, string>();
  for (const w of entry?.work ?? []) {
    work.set(w.date, w.reason);
    off.delete(w.date);
  }
  return { off, work };
}
