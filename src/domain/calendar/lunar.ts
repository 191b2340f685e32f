/**
 * The Vietnamese lunisolar calendar, after Hồ Ngọc Đức's algorithm ("Thuật toán tính âm lịch"):
 * new moons and the sun's longitude from Meeus' series, months start on the local day of the new moon,
 * month 11 holds the winter solstice, and a leap month is the first month with no major solar term.
 * Vietnam reckons days at UTC+7, which is why some years (e.g. 1985, 2007) differ from the Chinese
 * calendar at UTC+8; the offset stays a parameter only so that the difference can be shown in tests.
 */
import type { LocalDate } from '../task';
import { formatLocalDate, parseLocalDate } from './dates';

export interface LunarDate {
  day: number;
  month: number;
  /** The lunar year, named by the Gregorian year in which its month 1 begins. */
  year: number;
  /** True for the repeated (nhuận) month. */
  leap: boolean;
}

export const VIETNAM_UTC_OFFSET_HOURS = 7;

const INT = Math.floor;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 that k counts from. */
const EPOCH_NEW_MOON = 2415021.076998695;

export function julianDayNumber(day: number, month: number, year: number): number {
  const a = INT((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - INT(y / 100) + INT(y / 400) - 32045;
}

export function fromJulianDayNumber(jd: number): LocalDate {
  const a = jd + 32044;
  const b = INT((4 * a + 3) / 146097);
  const c = a - INT((b * 146097) / 4);
  const d = INT((4 * c + 3) / 1461);
  const e = c - INT((1461 * d) / 4);
  const m = INT((5 * e + 2) / 153);
  const day = e - INT((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * INT(m / 10);
  const year = b * 100 + d - 4800 + INT(m / 10);
  return formatLocalDate(year, month, day);
}

/** Julian date (UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude in radians, 0 ≤ L < 2π, at Julian date jdn (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  const L = (L0 + DL) * dr;
  return L - Math.PI * 2 * INT(L / (Math.PI * 2));
}

/** Which 30° sector (0–11) the sun is in at local midnight starting the given day. */
function sunSector(dayNumber: number, tz: number): number {
  return INT((sunLongitude(dayNumber - 0.5 - tz / 24) / Math.PI) * 6);
}

function newMoonDay(k: number, tz: number): number {
  return INT(newMoon(k) + 0.5 + tz / 24);
}

/** Julian day number on which lunar month 11 (the one holding the winter solstice) of a year begins. */
function lunarMonth11(year: number, tz: number): number {
  const off = julianDayNumber(31, 12, year) - 2415021;
  const k = INT(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, tz);
  // Sector 9 starts at 270°, the solstice: a new moon after it belongs to month 12.
  return sunSector(nm, tz) >= 9 ? newMoonDay(k - 1, tz) : nm;
}

/** In a 13-month year, how many months after month 11 the leap month comes. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = INT((a11 - EPOCH_NEW_MOON) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

export function solarToLunar(date: LocalDate, tz: number = VIETNAM_UTC_OFFSET_HOURS): LunarDate {
  const { year: yy, month: mm, day: dd } = parseLocalDate(date);
  const dayNumber = julianDayNumber(dd, mm, yy);
  const k = INT((dayNumber - EPOCH_NEW_MOON) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, tz);
  let a11 = lunarMonth11(yy, tz);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = yy;
    a11 = lunarMonth11(yy - 1, tz);
  } else {
    lunarYear = yy + 1;
    b11 = lunarMonth11(yy + 1, tz);
  }
  const day = dayNumber - monthStart + 1;
  const diff = INT((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day, month, year: lunarYear, leap };
}

/** The leap month of a lunar year (1–12), or null in a 12-month year. */
export function leapMonthOf(lunarYear: number, tz: number = VIETNAM_UTC_OFFSET_HOURS): number | null {
  // Months 1–10 of a lunar year lie in the solar year that ends with the 11th month of lunarYear - 1;
  // a leap 11th or 12th month lies in the next one.
  const early = leapOffsetBetween(lunarMonth11(lunarYear - 1, tz), lunarMonth11(lunarYear, tz), tz);
  if (early !== null && early >= 3) return early - 2;
  const late = leapOffsetBetween(lunarMonth11(lunarYear, tz), lunarMonth11(lunarYear + 1, tz), tz);
  if (late !== null && late <= 2) return late + 10;
  return null;
}

function leapOffsetBetween(a11: number, b11: number, tz: number): number | null {
  return b11 - a11 > 365 ? leapMonthOffset(a11, tz) : null;
}

/**
 * The Gregorian day of a lunar date. Throws when the lunar date does not exist (a leap flag on a month
 * that is not leap that year, or day 30 of a 29-day month): a holiday rule must not silently move.
 */
export function lunarToSolar(lunar: LunarDate, tz: number = VIETNAM_UTC_OFFSET_HOURS): LocalDate {
  const { day, month, year, leap } = lunar;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`no such lunar date: ${JSON.stringify(lunar)}`);
  }
  const [a11, b11] =
    month < 11
      ? [lunarMonth11(year - 1, tz), lunarMonth11(year, tz)]
      : [lunarMonth11(year, tz), lunarMonth11(year + 1, tz)];
  const k = INT(0.5 + (a11 - EPOCH_NEW_MOON) / SYNODIC_MONTH);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth)
      throw new RangeError(`month ${month} is not a leap month in lunar year ${year}`);
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    throw new RangeError(`lunar year ${year} has no leap month`);
  }
  const monthStart = newMoonDay(k + off, tz);
  const nextStart = newMoonDay(k + off + 1, tz);
  if (day > nextStart - monthStart)
    throw new RangeError(`lunar month ${month}/${year} has ${nextStart - monthStart} days`);
  return fromJulianDayNumber(monthStart + day - 1);
}

/** Length (29 or 30) of the lunar month that contains the given day. */
export function lunarMonthLength(date: LocalDate, tz: number = VIETNAM_UTC_OFFSET_HOURS): number {
  const { year, month, day } = parseLocalDate(date);
  const jd = julianDayNumber(day, month, year);
  const k = INT((jd - EPOCH_NEW_MOON) / SYNODIC_MONTH);
  let start = newMoonDay(k + 1, tz);
  let kk = k + 1;
  if (start > jd) {
    start = newMoonDay(k, tz);
    kk = k;
  }
  return newMoonDay(kk + 1, tz) - start;
}

/** Day 1 of month 1 (mùng 1 Tết) of a lunar year, a day in January or February of that Gregorian year. */
export function lunarNewYear(year: number, tz: number = VIETNAM_UTC_OFFSET_HOURS): LocalDate {
  return lunarToSolar({ day: 1, month: 1, year, leap: false }, tz);
}
