/**
 * The overdue chain: the first working morning after the window's end, then every N working days, with
 * the leaders told from M working days late on. It is anchored at the end, not at now, so re-planning
 * after a restart finds the same instants; it stops at a horizon so that it is finite.
 */
import { compareDates, nextWorkingDay, addWorkingDays, type WorkingCalendar } from '../calendar';
import type { LocalDate } from '../task';
import type { ReminderSettings } from './settings';
import type { ReminderCandidate } from './types';

export function overdueChain(
  end: LocalDate,
  until: LocalDate,
  cal: WorkingCalendar,
  s: ReminderSettings,
): ReminderCandidate[] {
  const out: ReminderCandidate[] = [];
  let late = 1;
  for (
    let d = nextWorkingDay(end, cal);
    compareDates(d, until) <= 0;
    d = addWorkingDays(d, s.overdueEveryWorkingDays, cal)
  ) {
    out.push({ date: d, kind: 'overdue', target: 'lead', dueDate: end, workingDaysLate: late });
    if (late >= s.escalateAfterWorkingDays) {
      out.push({
        date: d,
        kind: 'overdue-escalated',
        target: 'leaders',
        dueDate: end,
        workingDaysLate: late,
      });
    }
    late += s.overdueEveryWorkingDays;
  }
  return out;
}
