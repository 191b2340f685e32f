import { addDays, eachDay } from '../../../src/domain/calendar/dates';
import {
  leapMonthOf,
  lunarMonthLength,
  lunarNewYear,
  lunarToSolar,
  solarToLunar,
} from '../../../src/domain/calendar/lunar';

// Mùng 1 Tết and Giỗ Tổ (10/3 âm lịch) for 2020–2035. These were checked against an independent
// reconstruction from astronomy-engine (precise new moons and solar terms at UTC+7) and against the
// amlich package, with no difference on any day of 2018–2040.
const KNOWN: readonly [number, string, string][] = [
  [2020, '2020-01-25', '2020-04-02'],
  [2021, '2021-02-12', '2021-04-21'],
  [2022, '2022-02-01', '2022-04-10'],
  [2023, '2023-01-22', '2023-04-29'],
  [2024, '2024-02-10', '2024-04-18'],
  [2025, '2025-01-29', '2025-04-07'],
  [2026, '2026-02-17', '2026-04-26'],
  [2027, '2027-02-06', '2027-04-16'],
  [2028, '2028-01-26', '2028-04-04'],
  [2029, '2029-02-13', '2029-04-23'],
  // The new moon of 2 Feb 2030 is at 16:08 UTC: 23:08 in Vietnam but 00:08 on 3 Feb in China, so
  // Vietnamese Tết Canh Tuất is on 2/2 while Chinese New Year (the often-quoted 2030-02-03) is on 3/2.
  [2030, '2030-02-02', '2030-04-12'],
  [2031, '2031-01-23', '2031-04-01'],
  [2032, '2032-02-11', '2032-04-19'],
  [2033, '2033-01-31', '2033-04-09'],
  [2034, '2034-02-19', '2034-04-28'],
  [2035, '2035-02-08', '2035-04-17'],
];

describe('lunar calendar (UTC+7)', () => {
  it.each(KNOWN)('%i: Tết on %s, Giỗ Tổ on %s', (year, tet, gioTo) => {
    expect(lunarNewYear(year)).toBe(tet);
    expect(solarToLunar(tet)).toEqual({ day: 1, month: 1, year, leap: false });
    expect(lunarToSolar({ day: 10, month: 3, year, leap: false })).toBe(gioTo);
    expect(solarToLunar(gioTo)).toEqual({ day: 10, month: 3, year, leap: false });
    // The day before Tết is the last day of the previous lunar year.
    const eve = solarToLunar(addDays(tet, -1));
    expect(eve).toMatchObject({ month: 12, year: year - 1 });
    expect([29, 30]).toContain(eve.day);
  });

  it('differs from the UTC+8 (Chinese) reckoning where the new moon is near midnight', () => {
    expect(lunarNewYear(2030, 8)).toBe('2030-02-03');
    expect(lunarNewYear(2007)).toBe('2007-02-17');
    expect(lunarNewYear(2007, 8)).toBe('2007-02-18');
    expect(lunarNewYear(1985)).toBe('1985-01-21');
    expect(lunarNewYear(1985, 8)).toBe('1985-02-20');
  });

  it('round-trips every day of 2019–2036 and has months of 29 or 30 days', () => {
    let previous = solarToLunar('2018-12-31');
    for (const day of eachDay('2019-01-01', '2036-12-31')) {
      const lunar = solarToLunar(day);
      expect(lunarToSolar(lunar)).toBe(day);
      if (lunar.day === 1) {
        expect([29, 30]).toContain(previous.day);
        expect(lunarMonthLength(addDays(day, -1))).toBe(previous.day);
      } else {
        expect(lunar.day).toBe(previous.day + 1);
      }
      previous = lunar;
    }
  });

  it.each([
    [2020, 4, '2020-05-23'],
    [2023, 2, '2023-03-22'],
    [2025, 6, '2025-07-25'],
    [2028, 5, '2028-06-23'],
    [2033, 11, '2033-12-22'],
  ])('lunar year %i has leap month %i, which starts on %s', (year, month, start) => {
    expect(leapMonthOf(year)).toBe(month);
    expect(lunarToSolar({ day: 1, month, year, leap: true })).toBe(start);
    expect(solarToLunar(start)).toEqual({ day: 1, month, year, leap: true });
    // The leap month follows the ordinary month of the same number.
    expect(solarToLunar(addDays(start, -1))).toMatchObject({ month, year, leap: false });
  });

  it('finds no leap month in 12-month years', () => {
    for (const year of [2021, 2022, 2024, 2026, 2027, 2029, 2030]) expect(leapMonthOf(year)).toBeNull();
  });

  it('refuses lunar dates that do not exist', () => {
    expect(() => lunarToSolar({ day: 1, month: 5, year: 2025, leap: true })).toThrow(/not a leap month/);
    expect(() => lunarToSolar({ day: 1, month: 5, year: 2024, leap: true })).toThrow(/no leap month/);
    expect(() => lunarToSolar({ day: 31, month: 1, year: 2025, leap: false })).toThrow(RangeError);
    const shortMonth = solarToLunar(addDays(lunarNewYear(2025), -1)); // 29 or 30 Tết
    if (shortMonth.day === 29) {
      expect(() => lunarToSolar({ ...shortMonth, day: 30 })).toThrow(/has 29 days/);
    }
  });
});
