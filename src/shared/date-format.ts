/** How dates read in messages: dd/mm/yyyy, with Vietnamese or English weekday names. */
import { dayjs, LOCAL_DATE_FORMAT, toDayNumber, weekday } from '../domain/calendar';
import type { LocalDate } from '../domain/task';
import type { Locale } from './i18n';

const WEEKDAYS: Record<Locale, readonly string[]> = {
  vi: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** "14/03/2024". Throws on a string that is not a YYYY-MM-DD date. */
export function formatDate(date: LocalDate): string {
  toDayNumber(date); // validates (and remembers) it
  return dayjs.utc(date, LOCAL_DATE_FORMAT).format('DD/MM/YYYY');
}

export function weekdayName(date: LocalDate, locale: Locale): string {
  return WEEKDAYS[locale][weekday(date)] ?? '';
}

/** "Thứ Sáu, 14/03/2024" */
export function formatDateWithWeekday(date: LocalDate, locale: Locale): string {
  return `${weekdayName(date, locale)}, ${formatDate(date)}`;
}

/** "01/04/2025 – 30/04/2025", or one date when start and end are the same day. */
export function formatWindow(start: LocalDate | null, end: LocalDate | null): string {
  if (start && end) return start === end ? formatDate(end) : `${formatDate(start)} – ${formatDate(end)}`;
  if (end) return formatDate(end);
  if (start) return formatDate(start);
  return '—';
}
