/**
 * The operator-edited holiday table (data/holidays.json): per Gregorian year, the officially announced
 * days off and the swapped working days. It is data, read outside the domain and checked here.
 */
import type { LocalDate } from '../task';
import { compareDates, eachDay, isLocalDate, yearOf } from './dates';

/** One day off, or an inclusive run of days off (a Tết break), with the name users see. */
export type HolidayOffEntry =
  { date: LocalDate; reason: string } | { from: LocalDate; to: LocalDate; reason: string };

export interface HolidayWorkEntry {
  date: LocalDate;
  reason: string;
}

export interface HolidayYearOverride {
  /**
   * True when `off` is the whole announced schedule of the year: the rule holidays (and their
   * compensatory days) are then ignored. False or absent: `off` adds to the rules.
   */
  complete?: boolean;
  off?: readonly HolidayOffEntry[];
  /** Days worked in exchange for a day off (hoán đổi), or rule holidays the Government did not give. */
  work?: readonly HolidayWorkEntry[];
  /** Where the schedule comes from (announcement number), for the operator. */
  source?: string;
}

/** Keyed by the Gregorian year, e.g. "2025". */
export type HolidayOverrides = Readonly<Record<string, HolidayYearOverride>>;

export const NO_OVERRIDES: HolidayOverrides = {};

export function expandOffEntries(entries: readonly HolidayOffEntry[]): { date: LocalDate; name: string }[] {
  return entries.flatMap((e) =>
    'date' in e
      ? [{ date: e.date, name: e.reason }]
      : eachDay(e.from, e.to).map((date) => ({ date, name: e.reason })),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(where: string, what: string): never {
  throw new Error(`holiday overrides, ${where}: ${what}`);
}

function dateIn(value: unknown, year: number, where: string): LocalDate {
  if (typeof value !== 'string' || !isLocalDate(value))
    fail(where, `expected a YYYY-MM-DD date, got ${JSON.stringify(value)}`);
  if (yearOf(value) !== year) fail(where, `${value} is not in ${year}`);
  return value;
}

function reasonOf(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(where, 'a non-empty "reason" is required');
  return value;
}

function parseOff(raw: unknown, year: number, where: string): HolidayOffEntry {
  if (!isRecord(raw)) fail(where, 'expected an object');
  const reason = reasonOf(raw.reason, where);
  if (raw.date !== undefined) return { date: dateIn(raw.date, year, where), reason };
  const from = dateIn(raw.from, year, `${where}.from`);
  const to = dateIn(raw.to, year, `${where}.to`);
  if (compareDates(from, to) > 0) fail(where, `"from" ${from} is after "to" ${to}`);
  return { from, to, reason };
}

function parseYear(raw: unknown, year: number): HolidayYearOverride {
  const where = String(year);
  if (!isRecord(raw)) fail(where, 'expected an object');
  if (raw.complete !== undefined && typeof raw.complete !== 'boolean')
    fail(where, '"complete" must be true or false');
  if (raw.source !== undefined && typeof raw.source !== 'string') fail(where, '"source" must be a string');
  const offRaw = raw.off ?? [];
  const workRaw = raw.work ?? [];
  if (!Array.isArray(offRaw) || !Array.isArray(workRaw)) fail(where, '"off" and "work" must be lists');
  const off = offRaw.map((o: unknown, i) => parseOff(o, year, `${where}.off[${i}]`));
  const work = workRaw.map((w: unknown, i): HolidayWorkEntry => {
    const at = `${where}.work[${i}]`;
    if (!isRecord(w)) fail(at, 'expected an object');
    return { date: dateIn(w.date, year, at), reason: reasonOf(w.reason, at) };
  });
  const offDays = new Set(expandOffEntries(off).map((d) => d.date));
  const clash = work.find((w) => offDays.has(w.date));
  if (clash) fail(where, `${clash.date} is listed both as a day off and as a working day`);
  return {
    ...(raw.complete !== undefined ? { complete: raw.complete } : {}),
    ...(typeof raw.source === 'string' ? { source: raw.source } : {}),
    off,
    work,
  };
}

/**
 * Checks parsed JSON and returns it typed. Keys starting with '$' (e.g. "$comment") are notes and are
 * dropped; every other key must be a year. Throws an Error naming the faulty place.
 */
export function parseHolidayOverrides(raw: unknown): HolidayOverrides {
  if (!isRecord(raw)) fail('top level', 'expected an object keyed by year');
  const out: Record<string, HolidayYearOverride> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith('$')) continue;
    if (!/^\d{4}$/.test(key)) fail(key, 'keys must be years like "2025"');
    out[key] = parseYear(value, Number(key));
  }
  return out;
}
