/**
 * The scorecard: per lead department, how many tasks fell due in a period, how many of them were done on
 * time, late, or not at all, the on-time rate, how many were extended and how many results the leaders
 * returned. /status ranks departments by it, the first digest of a quarter sends the quarter just ended,
 * and the export has it as a sheet — one function, so the three agree.
 *
 * "Done on time" is /status's judgement (`categorise`): a finished task against the deadline in force when
 * it was finished (an extension approved before the date passed counts, a date moved after it was already
 * late does not), an unfinished one against its deadline.
 */
import { categorise, judgedDeadline, type CategorisableTask } from './status-report';
import type { LocalDate } from './task';

export interface ScorecardTask extends CategorisableTask {
  lead: readonly string[];
  /** How many times the leaders returned its result ("trả lại"); a task returned then accepted keeps it. */
  returned?: number;
}

export interface ScorecardRow {
  department: string;
  /** Tasks due in the period that can be judged: finished, or their deadline passed. */
  due: number;
  onTime: number;
  late: number;
  /** Due, not finished, deadline passed (overdue). A result awaiting or returned by the leaders is here. */
  notDone: number;
  /** onTime / due, as a whole percentage (0–100). */
  rate: number;
  /** Of the tasks due, how many had their deadline moved at least once. */
  extended: number;
  /** Results the leaders returned, summed over the tasks due. */
  returned: number;
}

/**
 * The deadline a task is due by, for the scorecard. A finished task: the deadline in force when it was
 * finished — the one /status judged it by — so a date moved after the task was late neither makes it on
 * time nor carries it into another period. An unfinished task: its deadline as /status judges it (the
 * current one, which an approved extension may still move).
 */
export function dueDate(task: CategorisableTask): LocalDate | null {
  // The one judgement of /status: a duty has none, a date moved after lateness does not count.
  return judgedDeadline(task);
}

/**
 * "Due in the period" means the task's deadline (see `dueDate`) falls in the period — whether the task has
 * a window (start … end) or only a deadline, it is the end that makes it due; a window overlapping the
 * period but ending after it is not yet due (/status lists it as under way). Tasks with no deadline are
 * never due. Of those, only tasks that can be judged count: finished ones, and unfinished ones whose
 * deadline has passed (`categorise` calls them overdue); an unfinished task whose deadline is today or
 * later is not yet a miss, and counting it would lower the rate of the current period for work still on
 * time. So for a period already over, "due" is every task with its deadline in it.
 *
 * A task led by two departments counts for each (as /status counts it); tasks without a lead are no
 * department's score and are left out. Departments with nothing due are left out.
 *
 * Ranked by on-time rate (exact, not the rounded percentage), then more tasks due (the same rate over
 * more work ranks first), then fewer returned results, then `nameOf` in Vietnamese order, then the key —
 * stable whatever order the tasks came in.
 */
export function scorecard(
  tasks: readonly ScorecardTask[],
  period: { start: LocalDate; end: LocalDate },
  today: LocalDate,
  nameOf: (department: string) => string = (d) => d,
): ScorecardRow[] {
  const rows = new Map<string, ScorecardRow>();
  for (const task of tasks) {
    const due = dueDate(task);
    if (!due || due < period.start || due > period.end) continue;
    const category = categorise(task, today);
    if (category !== 'doneOnTime' && category !== 'doneLate' && category !== 'overdue') continue;
    for (const dept of new Set(task.lead)) {
      const row = rows.get(dept) ?? {
        department: dept,
        due: 0,
        onTime: 0,
        late: 0,
        notDone: 0,
        rate: 0,
        extended: 0,
        returned: 0,
      };
      row.due++;
      if (category === 'doneOnTime') row.onTime++;
      else if (category === 'doneLate') row.late++;
      else row.notDone++;
      if ((task.extensions?.length ?? 0) > 0) row.extended++;
      row.returned += task.returned ?? 0;
      rows.set(dept, row);
    }
  }
  const out = [...rows.values()];
  for (const r of out) r.rate = Math.round((r.onTime * 100) / r.due);
  return out.sort(
    (a, b) =>
      b.onTime * a.due - a.onTime * b.due ||
      b.due - a.due ||
      a.returned - b.returned ||
      nameOf(a.department).localeCompare(nameOf(b.department), 'vi') ||
      (a.department < b.department ? -1 : a.department > b.department ? 1 : 0),
  );
}
