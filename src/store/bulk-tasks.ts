/**
 * Many tasks in one go, for benchmarks and load tests (`npm run bench:status` seeds 50,000): a plan row,
 * one counter bump for the whole block of short numbers, and batched inserts. Real plans go through
 * plan-loader.ts, which matches re-imports task by task.
 */
import { createHash } from 'node:crypto';
import type { LocalDate, TaskKind, TaskStatus } from '../domain/task';
import { Counter, Organisation, Plan, Task } from './models';
import { UnknownOrganisationError, planKey } from './plan-loader';
import { idOf } from './types';

export interface BulkTask {
  title: string;
  kind: TaskKind;
  lead: string[];
  support: string[];
  start: LocalDate | null;
  end: LocalDate | null;
  status: TaskStatus;
  progress: number;
  completedAt: Date | null;
}

const BATCH = 1_000;

/** Inserts the tasks under a new plan of the organisation; returns their short numbers, in order. */
export async function insertTasksInBulk(
  orgSlug: string,
  plan: { title: string; year: number },
  tasks: readonly BulkTask[],
  loadedAt: Date,
): Promise<number[]> {
  const org = await Organisation.findOne({ slug: orgSlug }).lean();
  if (!org) throw new UnknownOrganisationError(orgSlug);
  const doc = await Plan.create({
    org: org._id,
    title: plan.title,
    year: plan.year,
    key: planKey({ doc_number: null, title: plan.title, year: plan.year }),
    sourceHash: createHash('sha256').update(plan.title).digest('hex'),
  });
  const counter = await Counter.findOneAndUpdate(
    { _id: `task:${idOf(org._id)}` },
    { $inc: { seq: tasks.length } },
    { upsert: true, returnDocument: 'after' },
  ).lean();
  const first = (counter?.seq ?? tasks.length) - tasks.length + 1;
  const numbers = tasks.map((_, i) => first + i);
  for (let i = 0; i < tasks.length; i += BATCH) {
    await Task.insertMany(
      tasks.slice(i, i + BATCH).map((t, j) => ({
        ...t,
        org: org._id,
        plan: doc._id,
        number: numbers[i + j],
        ref: String(i + j + 1),
        loadedAt,
      })),
      { lean: true },
    );
  }
  return numbers;
}
