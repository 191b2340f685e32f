/**
 * A date someone typed that falls on a weekend or a holiday is accepted (plans do say "trước 30/4"), with
 * one line saying so and when the bot will remind instead: reminders due on a day off land on the working
 * day before it (domain/reminders/planner.ts, onOrBeforeWorkingDay).
 */
import { holidayName, isWorkingDay, previousWorkingDay } from '../domain/calendar';
import type { LocalDate } from '../domain/task';
import { formatDate } from '../shared/date-format';
import type { CommandContext } from './context';

export function offDayNote(ctx: Pick<CommandContext, 'deps' | 't'>, date: LocalDate | null): string | null {
  if (!date || isWorkingDay(date, ctx.deps.calendar)) return null;
  const holiday = holidayName(date, ctx.deps.calendar);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const what = holiday
    ? ctx.t('dates.holiday', { name: holiday })
    : weekday === 6
      ? ctx.t('dates.saturday')
      : weekday === 0
        ? ctx.t('dates.sunday')
        : ctx.t('dates.dayOff');
  return ctx.t('dates.offDay', {
    date: formatDate(date),
    what,
    before: formatDate(previousWorkingDay(date, ctx.deps.calendar)),
  });
}
