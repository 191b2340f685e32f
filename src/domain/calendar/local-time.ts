/**
 * Instants ↔ local wall-clock time in a named zone, through dayjs's timezone plugin (Intl under it, full
 * ICU ships with Node), so any IANA zone works; for Asia/Ho_Chi_Minh it is a constant +07:00 since 1975.
 */
import type { LocalDate } from '../task';
import { dayjs, LOCAL_DATE_FORMAT } from './dayjs';

export const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';

export interface LocalDateTime {
  date: LocalDate;
  hour: number;
  minute: number;
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
  const wall = dayjs(instant).tz(zone);
  return { date: wall.format(LOCAL_DATE_FORMAT), hour: wall.hour(), minute: wall.minute() };
}

/** The local day an instant falls on. */
export function toLocalDate(instant: Date, zone: string = DEFAULT_ZONE): LocalDate {
  return toLocalDateTime(instant, zone).date;
}

/** Minutes the zone is ahead of UTC at an instant (+420 for Vietnam). */
export function zoneOffsetMinutes(instant: Date, zone: string = DEFAULT_ZONE): number {
  assertInstant(instant);
  return dayjs(instant).tz(zone).utcOffset();
}

/** Strict 'HH:mm' (00:00–23:59). */
export function parseTimeOfDay(time: string): { hour: number; minute: number } {
  const t = dayjs.utc(time, 'HH:mm', true);
  if (!t.isValid()) throw new RangeError(`not a HH:mm time: ${JSON.stringify(time)}`);
  return { hour: t.hour(), minute: t.minute() };
}

/**
 * Instants by (zone, date, time), remembered like the readings above: the planner asks for the same
 * "08:00 on day D" once per task, and a zoned parse costs two Intl readings.
 */
const instants = new Map<string, number>();

/** The instant at which the wall clock of the zone shows date + time ('HH:mm'). */
export function localDateTimeToInstant(date: LocalDate, time: string, zone: string = DEFAULT_ZONE): Date {
  const key = `${zone}|${date}|${time}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    if (!dayjs.utc(date, LOCAL_DATE_FORMAT, true).isValid())
      throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
    parseTimeOfDay(time);
    ms = dayjs.tz(`${date} ${time}`, `${LOCAL_DATE_FORMAT} HH:mm`, zone).valueOf();
    if (instants.size >= 20_000) instants.clear();
    instants.set(key, ms);
  }
  return new Date(ms);
}
