/**
 * dayjs with the plugins the calendar uses, extended once: utc (days as UTC midnights, so the server's
 * own zone cannot shift a date), timezone (wall-clock readings in Asia/Ho_Chi_Minh or any IANA zone,
 * through Intl) and customParseFormat (strict 'YYYY-MM-DD' and 'HH:mm' parsing). Pure: no I/O.
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);

export { dayjs };
export type { Dayjs } from 'dayjs';

/** How LocalDate strings are written. */
export const LOCAL_DATE_FORMAT = 'YYYY-MM-DD';
