/**
 * Instants ↔ local wall-clock time in a named zone. The zone's offset comes from Intl (full ICU ships
 * with Node), so any IANA zone works; for Asia/Ho_Chi_Minh it is a constant +07:00 since 1975.
 */
import type { LocalDate } from '../task';
import { formatLocalDate, parseLocalDate } from './dates';

export const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';

export interface LocalDateTime {
  date: LocalDate;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

function assertInstant(instant: Date): void {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid Date');
}

/**
 * Readings by (zone, second), remembered: Intl's formatToParts costs microseconds, and planning calls it
 * for the same few instants ("now", this morning) once per task. Pure, so caching is safe.
 */
const readings = new Map<string, LocalDateTime>();

/** The wall-clock reading of an instant in a zone (seconds dropped). */
export function toLocalDateTime(instant: Date, zone: string = DEFAULT_ZONE): LocalDateTime {
  assertInstant(instant);
  // By second, not minute: a zone with a seconds offset (historical LMT) turns minutes over mid-minute.
  const key = `${zone}|${Math.floor(instant.getTime() / 1000)}`;
  const known = readings.get(key);
  if (known) return { ...known };
  const reading = readLocalDateTime(instant, zone);
  if (readings.size >= 20_000) readings.clear();
  readings.set(key, reading);
  return { ...reading };
}

function readLocalDateTime(instant: Date, zone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN } = parts;
  return { date: formatLocalDate(year, month, day), hour, minute };
}

/** The local day an instant falls on. */
export function toLocalDate(instant: Date, zone: string = DEFAULT_ZONE): LocalDate {
  return toLocalDateTime(instant, zone).date;
}

/** Minutes the zone is ahead of UTC at an instant (+420 for Vietnam). */
export function zoneOffsetMinutes(instant: Date, zone: string = DEFAULT_ZONE): number {
  assertInstant(instant);
  const local = toLocalDateTime(instant, zone);
  const { year, month, day } = parseLocalDate(local.date);
  const asUtc = Date.UTC(year, month - 1, day, local.hour, local.minute);
  const truncated = Math.floor(instant.getTime() / 60_000) * 60_000;
  return Math.round((asUtc - truncated) / 60_000);
}

export function parseTimeOfDay(time: string): { hour: number; minute: number } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new RangeError(`not a HH:mm time: ${JSON.stringify(time)}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** The instant at which the wall clock of the zone shows date + time ('HH:mm'). */
export function localDateTimeToInstant(date: LocalDate, time: string, zone: string = DEFAULT_ZONE): Date {
  const { year, month, day } = parseLocalDate(date);
  const { hour, minute } = parseTimeOfDay(time);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle the offset even across a DST change in zones that have one.
  let guess = wall - zoneOffsetMinutes(new Date(wall), zone) * 60_000;
  guess = wall - zoneOffsetMinutes(new Date(guess), zone) * 60_000;
  return new Date(guess);
}
