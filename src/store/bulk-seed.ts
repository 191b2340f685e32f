/**
 * Rows written straight into the collections in bulk, for the benchmarks and the tests that need thousands
 * of tasks or groups without loading a plan document (the bot never calls these: loadPlan and /link are
 * its doors). Rows go through the schemas, so they are cast and defaulted like any other.
 */
import type { TaskKind } from '../domain/task';
import { ChatBinding, Department, Organisation, Plan, Task } from './models';

export interface BulkTask {
  org: string;
  plan: string;
  number: number;
  ref: string;
  title: string;
  kind: TaskKind;
  lead?: string[];
  support?: string[];
  start?: string | null;
  end?: string | null;
}

export interface BulkBinding {
  platform: 'telegram' | 'zalo' | 'console';
  chatId: string;
  org: string;
  role: 'department' | 'leaders';
  department: string | null;
  title?: string;
}

/** An organisation with departments d1…dN ("Phòng 1"…) and one plan keyed by the slug. */
export async function seedOrgWithPlan(
  slug: string,
  departments: number,
): Promise<{ org: string; plan: string }> {
  const org = await Organisation.create({ slug, name: `Bench ${slug}` });
  await Department.insertMany(
    Array.from({ length: departments }, (_, i) => ({
      org: org._id,
      slug: `d${i + 1}`,
      name: `Phòng ${i + 1}`,
    })),
  );
  const plan = await Plan.create({
    org: org._id,
    title: 'Kế hoạch 2025',
    year: 2025,
    key: slug,
    sourceHash: 'bench',
  });
  return { org: String(org._id), plan: String(plan._id) };
}

/** `count` tasks made by `make(i)`, a thousand per write. */
export async function seedTasks(count: number, make: (i: number) => BulkTask): Promise<void> {
  for (let i = 0; i < count; i += 1000) {
    await Task.insertMany(
      Array.from({ length: Math.min(1000, count - i) }, (_, j) => make(i + j)),
      { ordered: false },
    );
  }
}

export async function seedBindings(rows: readonly BulkBinding[]): Promise<void> {
  await ChatBinding.insertMany(rows);
}

export async function deleteAllTasks(): Promise<void> {
  await Task.deleteMany({});
}
