/**
 * The tasks a period's report counts and how they are summed up — one definition shared by /status, its
 * chart, /export, the CLI and the weekly digest, so the numbers in chat, in the picture and in Excel agree.
 */
import { overlaps, toLocalDate, type Period } from '../domain/calendar';
import {
  categorise,
  summariseByDepartment,
  type DepartmentSummary,
  type StatusCategory,
} from '../domain/status-report';
import type { LocalDate } from '../domain/task';
import { findTasks } from '../store/task-repository';
import type { TaskRecord } from '../store/types';

export type ReportTask = TaskRecord & { completedOn: LocalDate | null };

/**
 * Dated, non-duty tasks whose window overlaps the period (standing duties have no deadline to be late
 * against); with `department`, only those it leads or supports.
 */
export async function findPeriodTasks(
  orgId: string,
  period: Pick<Period, 'start' | 'end'>,
  tz: string,
  department?: string,
): Promise<ReportTask[]> {
  // Filtered here, not in the query: a task with only a deadline (no start) must still count in its period.
  const all = await findTasks(orgId, { department });
  return all
    .filter((t) => t.kind !== 'duty' && overlaps(t, period))
    .map((t) => ({ ...t, completedOn: t.completedAt ? toLocalDate(t.completedAt, tz) : null }));
}

export function categoryOf(task: ReportTask, today: LocalDate): StatusCategory {
  return categorise(task, today);
}

/**
 * Per lead department; with `department`, only that department's row (and tasks without a lead, which
 * would otherwise vanish from every report).
 */
export function departmentSummaries(
  tasks: ReportTask[],
  today: LocalDate,
  department?: string,
): Array<DepartmentSummary<ReportTask>> {
  return summariseByDepartment(tasks, today).filter(
    (s) => !department || s.department === department || s.department === '',
  );
}
