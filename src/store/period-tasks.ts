/**
 * The store's answer to "which tasks count in this period": the only query /status, its chart, /export and
 * the weekly digest read tasks with, so their cost follows the period asked about, not the organisation's
 * whole history.
 */
import { Types } from 'mongoose';
import type { LocalDate, TaskKind, TaskStatus } from '../domain/task';
import type { Evidence, Extension } from '../domain/task-rules';
import { Plan, Task } from './models';
import { idOf } from './types';

export interface PeriodQuery {
  /** First and last day of the period, inclusive (local dates, YYYY-MM-DD). */
  start: LocalDate;
  end: LocalDate;
  /** Only tasks this department leads or supports. */
  department?: string;
  /** Also fetch each task's plan title (the workbook's "plan" column; chat reports do not show it). */
  planTitles?: boolean;
}

/** A task as the reports read it: the fields they show or count by, nothing of its history. */
export interface PeriodTaskRow {
  id: string;
  number: number;
  title: string;
  kind: TaskKind;
  lead: string[];
  support: string[];
  start: LocalDate | null;
  end: LocalDate | null;
  timeText: string | null;
  status: TaskStatus;
  progress: number;
  completedAt: Date | null;
  blockedReason: string | null;
  plan: string;
  planTitle?: string;
  /** The deadline the plan gave, when approved extensions moved `end`. */
  originalEnd: LocalDate | null;
  extensions: Extension[];
  attachments: Evidence[];
  /** How many times the leaders returned its result ("trả lại"): the scorecard counts them. */
  returned: number;
}

/** What is read of each task; a report that shows another field adds it here and to PeriodTaskRow. */
export const PERIOD_TASK_FIELDS = {
  number: 1,
  title: 1,
  kind: 1,
  lead: 1,
  support: 1,
  start: 1,
  end: 1,
  timeText: 1,
  status: 1,
  progress: 1,
  completedAt: 1,
  blockedReason: 1,
  plan: 1,
  originalEnd: 1,
  extensions: 1,
  attachments: 1,
  returned: 1,
} as const;

/**
 * A task counts when its window overlaps the period. A window with only one end known is that single day
 * (domain/calendar `overlaps`): a task with only a deadline counts in the period its deadline falls in, one
 * with only a start in the period it starts in. Standing duties count like any task of the period (never
 * as overdue: domain/status-report deadlineOf). Each branch of the $or bounds `end` or pins it to null, so
 * the {org, end, start} index serves all four (the ranges on local-date strings compare as dates).
 */
export function periodTaskFilter(orgId: string, q: Pick<PeriodQuery, 'start' | 'end' | 'department'>) {
  const window = {
    $or: [
      { end: { $gte: q.start }, start: { $lte: q.end } },
      { start: null, end: { $gte: q.start, $lte: q.end } },
      { end: null, start: { $gte: q.start, $lte: q.end } },
      // Its deadline moved past the period, perhaps after it was late: it may still be judged here by the
      // original one (the report keeps it only then: report/period-tasks.ts).
      { start: null, end: { $gt: q.end }, originalEnd: { $gte: q.start, $lte: q.end } },
    ],
  };
  const department = q.department ? [{ $or: [{ lead: q.department }, { support: q.department }] }] : [];
  return {
    org: new Types.ObjectId(orgId),
    $and: [window, ...department],
  };
}

interface PeriodTaskDoc {
  _id: Types.ObjectId;
  plan: Types.ObjectId;
  number: number;
  title: string;
  kind: TaskKind;
  lead?: string[];
  support?: string[];
  start?: string | null;
  end?: string | null;
  timeText?: string | null;
  status: TaskStatus;
  progress?: number;
  completedAt?: Date | null;
  blockedReason?: string | null;
  originalEnd?: string | null;
  extensions?: Array<Omit<Extension, 'from' | 'requestedBy' | 'reason'> & Partial<Extension>>;
  attachments?: Array<Omit<Evidence, 'ref' | 'size'> & Partial<Evidence>>;
  returned?: number;
}

/** Tasks counting in the period, ordered by deadline (open-ended last), then number. */
export async function findTasksInPeriod(orgId: string, q: PeriodQuery): Promise<PeriodTaskRow[]> {
  if (!Types.ObjectId.isValid(orgId)) return [];
  const docs = await Task.collection
    .find<PeriodTaskDoc>(periodTaskFilter(orgId, q), { projection: PERIOD_TASK_FIELDS })
    .toArray();
  const rows = docs.map(toRow);
  rows.sort((a, b) => (a.end ?? '9999').localeCompare(b.end ?? '9999') || a.number - b.number);
  if (q.planTitles && rows.length > 0) {
    const ids = [...new Set(rows.map((r) => r.plan))].map((id) => new Types.ObjectId(id));
    const plans = await Plan.find({ _id: { $in: ids } }, { title: 1 }).lean();
    const titles = new Map(plans.map((p) => [idOf(p._id), p.title]));
    for (const r of rows) r.planTitle = titles.get(r.plan);
  }
  return rows;
}

function toRow(d: PeriodTaskDoc): PeriodTaskRow {
  return {
    id: idOf(d._id),
    number: d.number,
    title: d.title,
    kind: d.kind,
    lead: d.lead ?? [],
    support: d.support ?? [],
    start: d.start ?? null,
    end: d.end ?? null,
    timeText: d.timeText ?? null,
    status: d.status,
    progress: d.progress ?? 0,
    completedAt: d.completedAt ?? null,
    blockedReason: d.blockedReason ?? null,
    plan: idOf(d.plan),
    originalEnd: d.originalEnd ?? null,
    extensions: (d.extensions ?? []).map((e) => ({
      ...e,
      from: e.from ?? null,
      requestedBy: e.requestedBy ?? null,
      reason: e.reason ?? null,
    })),
    attachments: (d.attachments ?? []).map((a) => ({ ...a, ref: a.ref ?? null, size: a.size ?? 0 })),
    returned: d.returned ?? 0,
  };
}

/**
 * The same filter and projection through the bare driver, documents as they come: the yardstick
 * `npm run bench:status` measures /status against. Not for reports (no ordering, no mapping).
 */
export async function findTasksInPeriodBare(orgId: string, q: PeriodQuery): Promise<number> {
  const docs = await Task.collection
    .find(periodTaskFilter(orgId, q), { projection: PERIOD_TASK_FIELDS })
    .toArray();
  return docs.length;
}

/** How the server plans the period query (`explain`), for the benchmark to print. */
export async function explainPeriodQuery(orgId: string, q: PeriodQuery): Promise<Record<string, unknown>> {
  return (await Task.collection
    .find(periodTaskFilter(orgId, q), { projection: PERIOD_TASK_FIELDS })
    .explain()) as Record<string, unknown>;
}
