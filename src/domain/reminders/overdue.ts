/**
 * The overdue chain: a few working mornings after the window's end (1, 3 and 5 working days late by
 * default), the leaders told once, and then silence: the task stays in the weekly digest and /overdue.
 * It is anchored at the end, not at now, so re-planning after a restart finds the same instants.
 */
import { addWorkingDays, compareDates, type WorkingCalendar } from '../calendar';
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
  const steps = [...new Set(s.overdueWorkingDays)].sort((a, b) => a - b);
  // The escalation rides on one step only: the first at or past the threshold.
  const escalated = s.escalateAtWorkingDays > 0 ? steps.find((n) => n >= s.escalateAtWorkingDays) : undefined;
  for (const late of steps) {
    const date = addWorkingDays(end, late, cal);
    if (compareDates(date, until) > 0) break;
    out.push({ date, kind: 'overdue', target: 'lead', dueDate: end, workingDaysLate: late });
    if (late === escalated)
      out.push({ date, kind: 'overdue-escalated', target: 'leaders', dueDate: end, workingDaysLate: late });
  }
  return out;
}
