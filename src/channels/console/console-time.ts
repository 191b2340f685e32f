/**
 * The console's `:time` (`:gio`): the demo clock moved by hand, so a new user watches a week of mornings in
 * a minute. The composition root hands in what moves the deployment's clock (the store's service clock).
 */
import { localDateTimeToInstant, toLocalDateTime, DEFAULT_ZONE } from '../../domain/calendar';
import { formatDate, weekdayName } from '../../shared/date-format';

export interface ConsoleClock {
  now(): Date;
  zone: string;
  /** One line: where the service clock stands and how to move it. */
  describe(): string;
  /** Moves the deployment's clock; returns what to tell the user. */
  moveTo(to: Date): Promise<string>;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** "26/03/2025 07:59", "+1d", "+1w", "+2h", "+30m" → the instant; undefined when it reads as none of them. */
export function parseTimeCommand(args: string, now: Date, zone: string = DEFAULT_ZONE): Date | undefined {
  const rel = /^\+(\d{1,3})\s*([mhdw])$/i.exec(args.trim());
  if (rel) return new Date(now.getTime() + Number(rel[1]) * UNIT_MS[rel[2]!.toLowerCase()]!);
  const abs = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2})[:h](\d{2}))?$/.exec(args.trim());
  if (!abs) return undefined;
  const [, d, m, y, hh = '08', mm = '00'] = abs;
  const day = Number(d);
  const month = Number(m);
  const hour = Number(hh);
  const minute = Number(mm);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const date = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  try {
    const at = localDateTimeToInstant(date, `${String(hour).padStart(2, '0')}:${mm}`, zone);
    return toLocalDateTime(at, zone).date === date ? at : undefined;
  } catch {
    return undefined; // 31/02: no such day
  }
}

/** "Thứ Tư 26/03/2025 07:59" */
export function formatServiceTime(at: Date, zone: string = DEFAULT_ZONE): string {
  const t = toLocalDateTime(at, zone);
  const hm = `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  return `${weekdayName(t.date, 'vi')} ${formatDate(t.date)} ${hm}`;
}
