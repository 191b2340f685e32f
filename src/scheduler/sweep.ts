/**
 * The reconcile's last step: pending reminder jobs that no task plans any more. They come from tasks
 * deleted while the bot was down, or from an index lost with part of Redis. A job is kept when its task
 * was re-planned by a newer syncTask during the reconcile, or when the task is new since the reconcile
 * read the store: removing those would undo a change the reconcile never saw.
 */
import type { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { existingTaskIds as existingTasks } from '../store/planning-reads';
import { isReminderJobId, keyTaskId, revisionsKey, taskIndexPattern } from './reminder-queue';

export interface SweepInput {
  connection: IORedis;
  prefix: string;
  queue: Queue;
  /** Task id → revision the reconcile planned. */
  seen: ReadonlyMap<string, number>;
  planned: ReadonlySet<string>;
  removeJobs(ids: readonly string[]): Promise<number>;
}

async function newerRevisions(input: SweepInput, taskIds: readonly string[]): Promise<Set<string>> {
  if (taskIds.length === 0) return new Set();
  const revs = await input.connection.hmget(revisionsKey(input.prefix), ...taskIds);
  return new Set(taskIds.filter((id, i) => Number(revs[i] ?? -1) > (input.seen.get(id) ?? -1)));
}

/** Index sets of tasks that no longer exist, found by SCAN so a big keyspace is walked in slices. */
async function deadIndexes(input: SweepInput): Promise<{ taskId: string; key: string }[]> {
  const out: { taskId: string; key: string }[] = [];
  const marker = ':by-task:';
  let cursor = '0';
  do {
    const [next, keys] = await input.connection.scan(
      cursor,
      'MATCH',
      taskIndexPattern(input.prefix),
      'COUNT',
      1000,
    );
    cursor = next;
    for (const key of keys) {
      const taskId = key.slice(key.lastIndexOf(marker) + marker.length);
      if (!input.seen.has(taskId)) out.push({ taskId, key });
    }
  } while (cursor !== '0');
  const alive = await existingTasks(out.map((d) => d.taskId));
  return out.filter((d) => !alive.has(d.taskId));
}

export async function sweepOrphans(input: SweepInput): Promise<number> {
  // getRanges defaults to the first two entries only; -1 is the end of each list.
  const pending = await input.queue.getRanges(['delayed', 'wait', 'prioritized'], 0, -1);
  const strays = pending.filter((id) => isReminderJobId(id) && !input.planned.has(id));
  const strayTasks = [...new Set(strays.map(keyTaskId))];
  const seenTasks = strayTasks.filter((id) => input.seen.has(id));
  const newer = await newerRevisions(input, seenTasks);
  const alive = await existingTasks(strayTasks.filter((id) => !input.seen.has(id)));
  const doomed = strays.filter((id) => {
    const taskId = keyTaskId(id);
    return input.seen.has(taskId) ? !newer.has(taskId) : !alive.has(taskId);
  });
  let removed = await input.removeJobs(doomed);

  for (const dead of await deadIndexes(input)) {
    removed += await input.removeJobs(await input.connection.smembers(dead.key));
    await input.connection.multi().del(dead.key).hdel(revisionsKey(input.prefix), dead.taskId).exec();
  }
  return removed;
}
