import { Types } from 'mongoose';
import type { LocalDate, TaskStatus } from '../domain/task';
import { Plan, Task } from './models';
import { idOf, type TaskRecord } from './types';

type TaskLean = Omit<TaskRecord, 'id' | 'org' | 'plan' | 'planTitle'> & {
  _id: Types.ObjectId;
  org: Types.ObjectId;
  plan: Types.ObjectId;
};

export function toTask(d: TaskLean, planTitle?: string): TaskRecord {
  return {
    id: idOf(d._id),
    org: idOf(d.org),
    plan: idOf(d.plan),
    planTitle,
    number: d.number,
    ref: d.ref,
    title: d.title,
    kind: d.kind,
    lead: d.lead ?? [],
    support: d.support ?? [],
    start: d.start ?? null,
    end: d.end ?? null,
    timeText: d.timeText ?? null,
    series:
      d.series?.key && d.series.index && d.series.count
        ? { key: d.series.key, index: d.series.index, count: d.series.count }
        : null,
    status: d.status,
    progress: d.progress ?? 0,
    completedAt: d.completedAt ?? null,
    blockedReason: d.blockedReason ?? null,
    history: (d.history ?? []).map((h) => ({ ...h, note: h.note ?? null })),
    revision: d.revision ?? 0,
  };
}

async function withPlanTitles(docs: TaskLean[]): Promise<TaskRecord[]> {
  const planIds = [...new Set(docs.map((d) => idOf(d.plan)))];
  const plans = await Plan.find({ _id: { $in: planIds } }, { title: 1 }).lean();
  const titles = new Map(plans.map((p) => [idOf(p._id), p.title]));
  return docs.map((d) => toTask(d, titles.get(idOf(d.plan))));
}

export async function findTaskByNumber(org: string, number: number): Promise<TaskRecord | null> {
  const d = (await Task.findOne({ org, number }).lean()) as TaskLean | null;
  return d ? ((await withPlanTitles([d]))[0] ?? null) : null;
}

export async function findTaskById(id: string): Promise<TaskRecord | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  const d = (await Task.findById(id).lean()) as TaskLean | null;
  return d ? ((await withPlanTitles([d]))[0] ?? null) : null;
}

export interface TaskQuery {
  /** Tasks this department leads or supports. */
  department?: string;
  /** Only tasks not done. */
  open?: boolean;
  /** Only tasks whose window overlaps [from, to]. */
  from?: LocalDate;
  to?: LocalDate;
}

/** Tasks ordered by window end (undated last), then number. */
export async function findTasks(org: string, q: TaskQuery = {}): Promise<TaskRecord[]> {
  const filter: Record<string, unknown> = { org };
  if (q.department) filter.$or = [{ lead: q.department }, { support: q.department }];
  if (q.open) filter.status = { $ne: 'done' satisfies TaskStatus };
  if (q.from) filter.end = { $gte: q.from };
  if (q.to) filter.start = { $lte: q.to };
  const docs = (await Task.find(filter).lean()) as TaskLean[];
  docs.sort((a, b) => (a.end ?? '9999').localeCompare(b.end ?? '9999') || a.number - b.number);
  return withPlanTitles(docs);
}

/** Which of these tasks are done (a reminder keeps its buttons only for the others). */
export async function doneTaskIds(taskIds: readonly string[]): Promise<Set<string>> {
  const docs = await Task.find({ _id: { $in: taskIds }, status: 'done' }, '_id').lean();
  return new Set(docs.map((d) => String(d._id)));
}
