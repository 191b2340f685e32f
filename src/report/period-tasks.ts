/**
 * The tasks a period's report counts and how they are summed up — one definition shared by /status, its
 * chart, /export, the CLI and the weekly digest, so the numbers in chat, in the picture and in Excel agree.
 */
import { toLocalDate, type Period } from '../domain/calendar';
import {
  categorise,
  judgedDeadline,
  summariseByDepartment,
  type DepartmentSummary,
  type StatusCategory,
} from '../domain/status-report';
import { scorecard, type ScorecardRow } from '../domain/scorecard';
import type { LocalDate } from '../domain/task';
import { findTasksInPeriod, type PeriodTaskRow } from '../store/period-tasks';

/** A task as the reports show it: the store's row, and the local day it was finished on. */
export type ReportTask = PeriodTaskRow & { completedOn: LocalDate | null };

export interface PeriodTaskOptions {
  /** Only tasks this department leads or supports. */
  department?: string;
  /** The workbook's plan column; chat reports leave it out. */
  planTitles?: boolean;
}

/**
 * Tasks whose window overlaps the period, standing duties included (never overdue: deadlineOf), a task
 * with only a deadline counted in the period of its deadline. The store filters: reading
 * costs what the period holds, not the organisation's whole history.
 */
export async function findPeriodTasks(
  orgId: string,
  period: Pick<Period, 'start' | 'end'>,
  tz: string,
  options: PeriodTaskOptions = {},
): Promise<ReportTask[]> {
  const rows = await findTasksInPeriod(orgId, { start: period.start, end: period.end, ...options });
  return rows
    .map((t) => ({ ...t, completedOn: t.completedAt ? toLocalDate(t.completedAt, tz) : null }))
    .filter((t) => t.start !== null || inPeriod(judgedDeadline(t), period));
}

/**
 * A task with only a deadline counts in the period of the deadline it is judged by: an extension granted in
 * time moves it to the new date's period, a date moved after it was late leaves it where it was late.
 */
function inPeriod(day: LocalDate | null, period: Pick<Period, 'start' | 'end'>): boolean {
  return day === null || (day >= period.start && day <= period.end);
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

/**
 * The period's scorecard (domain/scorecard), ranked; with `department`, only its row — the tasks were read
 * for that department, so other departments' rows would count only what they share with it.
 */
export function departmentScorecard(
  tasks: ReportTask[],
  period: Pick<Period, 'start' | 'end'>,
  today: LocalDate,
  nameOf: (slug: string) => string,
  department?: string,
): ScorecardRow[] {
  return scorecard(tasks, period, today, nameOf).filter((r) => !department || r.department === department);
}
