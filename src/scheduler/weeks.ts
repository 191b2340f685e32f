import { addDays, weekday } from '../domain/calendar';
import type { LocalDate } from '../domain/task';

/** The Monday of the (Monday-to-Sunday) week a day falls in: Vietnamese offices plan by such weeks. */
export function mondayOf(day: LocalDate): LocalDate {
  return addDays(day, -((weekday(day) + 6) % 7));
}
