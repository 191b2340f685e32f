/**
 * The categories Vietnamese agencies report progress in, computed from a task and "today" (a local date).
 */
import type { LocalDate, TaskKind, TaskStatus } from './task';
import { deadlineInForce, type Extension } from './task-rules';

export const STATUS_CATEGORIES = ['doneOnTime', 'doneLate', 'inProgress', 'overdue', 'notStarted'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

/**
 * The date a task can be late against, the one rule /tasks, /upcoming, /overdue, /status, /export and the
 * "quá hạn N ngày" of /xong all count by: a standing duty (kind 'duty', "tổ chức thực hiện thường xuyên")
 * has none — its window is the plan's year, not a deadline — so it is counted as work of the period like
 * any task, and never as overdue.
 */
export function deadlineOf(task: { kind?: TaskKind; end: LocalDate | null }): LocalDate | null {
  return task.kind === 'duty' ? null : task.end;
}

/** Not finished and the deadline it is judged by (judgedDeadline) has passed. */
export function isOverdue(task: JudgedTask, today: LocalDate): boolean {
  const deadline = judgedDeadline({ ...task, completedOn: null });
  return task.status !== 'done' && deadline !== null && deadline < today;
}

/** What judging a deadline reads of a task; its extensions are optional (none: the plan's date stands). */
export type JudgedTask = Pick<CategorisableTask, 'kind' | 'status' | 'end' | 'originalEnd' | 'extensions'> & {
  completedOn?: LocalDate | null;
};

export interface CategorisableTask {
  kind?: TaskKind;
  status: TaskStatus;
  progress: number;
  start: LocalDate | null;
  end: LocalDate | null;
  /** The local date it was finished on, when done. */
  completedOn: LocalDate | null;
  /** The plan's deadline and its approved changes: a finished task is judged by the one then in force. */
  originalEnd?: LocalDate | null;
  extensions?: ReadonlyArray<Pick<Extension, 'from' | 'to' | 'on'>>;
}

/**
 * The deadline a task is judged by: the one in force when it was finished, or for an open task the one in
 * force now. A date moved after the task was already late does not count (domain/task-rules), so such a
 * task stays late whatever its new date says.
 */
export function judgedDeadline(task: JudgedTask): LocalDate | null {
  if (deadlineOf(task) === null) return null;
  if (task.status === 'done' && !task.completedOn) return task.end;
  return deadlineInForce(
    { end: task.end, originalEnd: task.originalEnd ?? null, extensions: task.extensions },
    task.completedOn ?? '9999-12-31',
  );
}

export function categorise(task: CategorisableTask, today: LocalDate): StatusCategory {
  const due = judgedDeadline(task);
  if (task.status === 'done')
    return !due || !task.completedOn || task.completedOn <= due ? 'doneOnTime' : 'doneLate';
  if (due && due < today) return 'overdue';
  const started = task.status !== 'open' || task.progress > 0;
  if (!started && task.start && task.start > today) return 'notStarted';
  return 'inProgress';
}

export type CategoryCounts = Record<StatusCategory, number>;

export function emptyCounts(): CategoryCounts {
  return { doneOnTime: 0, doneLate: 0, inProgress: 0, overdue: 0, notStarted: 0 };
}

export interface DepartmentSummary<T> {
  department: string;
  counts: CategoryCounts;
  total: number;
  overdue: T[];
}

/**
 * Groups tasks by their lead departments (a task led by two departments counts for each); tasks with no
 * lead are grouped under `noLeadKey` so they stay visible.
 */
export function summariseByDepartment<T extends CategorisableTask & { lead: string[] }>(
  tasks: T[],
  today: LocalDate,
  noLeadKey = '',
): Array<DepartmentSummary<T>> {
  const byDept = new Map<string, DepartmentSummary<T>>();
  for (const task of tasks) {
    const category = categorise(task, today);
    for (const dept of task.lead.length ? task.lead : [noLeadKey]) {
      const s = byDept.get(dept) ?? { department: dept, counts: emptyCounts(), total: 0, overdue: [] };
      s.counts[category]++;
      s.total++;
      if (category === 'overdue') s.overdue.push(task);
      byDept.set(dept, s);
    }
  }
  return [...byDept.values()].sort(
    (a, b) => b.counts.overdue - a.counts.overdue || a.department.localeCompare(b.department),
  );
}
