/**
 * The producer side of reminders: turns the store's tasks into delayed BullMQ jobs, idempotently.
 *
 * - `syncTask(id)` after any change to a task (new window, done, reopened, deleted): adds the jobs of the
 *   reminders now planned, removes the pending ones no longer planned.
 * - `reconcileAll()` at start-up and every morning: the same for every task, then sweeps jobs that belong
 *   to no planned reminder. Nothing depends on the queue having survived: the store is the truth.
 *
 * Delays are computed against the service clock (BOT_NOW in demos and tests), since BullMQ counts real
 * milliseconds from now: delay = reminder.at − clock.now().
 */
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import type { Clock } from '../shared/clock';
import { toLocalDate, type WorkingCalendar } from '../domain/calendar';
import type { Reminder, ReminderSettings } from '../domain/reminders';
import type { Logger } from '../shared/logger';
import { findPlannableTask, streamPlannableTasks } from '../store/planning-reads';
import {
  DEFAULT_PREFIX,
  DIGEST_JOB_OPTIONS,
  JOB_NAMES,
  REMINDER_JOB_OPTIONS,
  REMINDER_QUEUE,
  digestJobId,
  revisionsKey,
  taskIndexKey,
  type DigestJobData,
  type ReminderJobData,
} from './reminder-queue';
import { sweepOrphans } from './sweep';
import { mondayOf } from './weeks';
import { orgSettingsReader, planTask, type PlannableTask, type SettingsFor } from './task-plans';

export interface ReminderSchedulerOptions {
  /** An ioredis connection made with `maxRetriesPerRequest: null`; the caller owns and closes it. */
  connection: IORedis;
  prefix?: string;
  clock: Clock;
  calendar: WorkingCalendar;
  logger: Logger;
  /** An organisation's reminder overrides and zone; by default read from Organisation. */
  settingsFor?: SettingsFor;
  /** The deployment's reminder defaults, when `settingsFor` is not given. */
  defaults?: Partial<ReminderSettings>;
  /** Tasks planned per round trip to Redis while reconciling. */
  batchSize?: number;
  /** Batches written to Redis at once while reconciling (default 2). */
  writers?: number;
}

export interface SyncCounts {
  planned: number;
  added: number;
  removed: number;
}

export interface ReconcileCounts extends SyncCounts {
  orgs: number;
  tasks: number;
  /** Jobs of deleted tasks, or left behind by a lost index, removed by the sweep. */
  orphans: number;
  ms: number;
  /** Of which writing the queue and its index (the rest reads the store and plans). */
  queueMs: number;
}

export type ReminderQueue = Queue<ReminderJobData | DigestJobData>;

export interface ReminderScheduler {
  readonly queue: ReminderQueue;
  syncTask(taskId: string): Promise<SyncCounts>;
  removeTask(taskId: string): Promise<number>;
  reconcileAll(): Promise<ReconcileCounts>;
  /** Queues this week's digest once (its job id is the week's Monday), due now. */
  enqueueWeeklyDigest(zone?: string): Promise<void>;
  close(): Promise<void>;
}

interface TaskPlan {
  taskId: string;
  revision: number;
  reminders: Reminder[];
}

type PipelineResult = [Error | null, unknown][] | null;

function results(res: PipelineResult): unknown[] {
  return (res ?? []).map(([err, value]) => {
    if (err) throw err;
    return value;
  });
}

/**
 * Redis writes of batches in `limit` lanes, taken in turn: the store's next batch is fetched and planned
 * while earlier ones are written, and one batch's addBulk waits on Redis while the next is serialised in
 * Node (the bench measures the gain). `add` resolves once its lane is free for the next batch, so the reader
 * runs at most `limit` batches ahead: unbounded, it piled 10,000 tasks of plans into memory and the garbage
 * collector spent longer than the planner. Batches touch disjoint tasks, so their order does not matter.
 * `busyMs` is wall time with any write (or tracked work) in flight.
 */
function writeLanes(limit: number): {
  add(write: () => Promise<void>): Promise<void>;
  /** Runs other Redis work alongside the writes, counted in busyMs. */
  track<T>(work: () => Promise<T>): Promise<T>;
  /** Waits for every write; throws the first failure. */
  drain(): Promise<void>;
  busyMs(): number;
} {
  const lanes: Promise<void>[] = Array.from({ length: limit }, () => Promise.resolve());
  let turn = 0;
  let active = 0;
  let since = 0;
  let busy = 0;
  const track = async <T>(work: () => Promise<T>): Promise<T> => {
    if (active++ === 0) since = Date.now();
    try {
      return await work();
    } finally {
      if (--active === 0) busy += Date.now() - since;
    }
  };
  return {
    async add(write) {
      const i = turn++ % limit;
      const previous = lanes[i]!;
      const lane = previous.then(() => track(write));
      // Awaited by drain; marked handled now so a failure is not reported as unhandled meanwhile.
      lane.catch(() => undefined);
      lanes[i] = lane;
      await previous.catch(() => undefined);
    },
    track,
    drain: async () => {
      await Promise.all(lanes);
    },
    busyMs: () => busy,
  };
}

/** Every task's planning fields, in the store's batches (see streamPlannableTasks on how they are read). */
function allTasks(batchSize: number, logger: Logger): AsyncGenerator<PlannableTask[]> {
  return streamPlannableTasks(batchSize, (err) =>
    logger.warn({ err: err.message }, 'task cursor lost; reading the rest again'),
  );
}

export function createReminderScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  const { connection, clock, calendar, logger } = options;
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const batchSize = options.batchSize ?? 1000;
  const writers = options.writers ?? 2;
  const settingsFor =
    options.settingsFor ??
    orgSettingsReader(
      (orgId, err) => logger.error({ orgId, err: err.message }, 'invalid reminder settings; using defaults'),
      options.defaults,
    );
  const queue: ReminderQueue = new Queue(REMINDER_QUEUE, { connection, prefix });

  /** Removes the jobs that still exist (BullMQ answers 1 for a missing job too, so the count checks first). */
  async function removeJobs(ids: readonly string[]): Promise<number> {
    let removed = 0;
    for (let i = 0; i < ids.length; i += 200) {
      const slice = ids.slice(i, i + 200);
      const probe = connection.pipeline();
      for (const id of slice) probe.exists(queue.toKey(id));
      const found = results(await probe.exec());
      const existing = slice.filter((_, j) => found[j] === 1);
      const counts = await Promise.all(existing.map((id) => queue.remove(id)));
      removed += counts.filter((n) => n > 0).length;
    }
    return removed;
  }

  /** Applies fresh plans of a batch of tasks; skips a task a newer syncTask already planned. */
  async function applyPlans(plans: readonly TaskPlan[]): Promise<SyncCounts> {
    if (plans.length === 0) return { planned: 0, added: 0, removed: 0 };
    // Revisions first, in one command: a task with none was never planned, so it has no index to read
    // (the first enqueue of a plan reads nothing else). A lost index is caught by the reconcile's sweep.
    const revisions = await connection.hmget(revisionsKey(prefix), ...plans.map((p) => p.taskId));
    const before = plans.filter((_, i) => revisions[i] != null);
    const read = connection.pipeline();
    for (const p of before) read.smembers(taskIndexKey(prefix, p.taskId));
    const members = before.length ? results(await read.exec()) : [];
    const indexes = new Map(before.map((p, j) => [p.taskId, members[j] as string[]]));
    const counts: SyncCounts = { planned: 0, added: 0, removed: 0 };
    const live: TaskPlan[] = [];
    const stale: { taskId: string; keys: string[] }[] = [];
    const fresh: { plan: TaskPlan; reminder: Reminder }[] = [];
    const known: { plan: TaskPlan; reminder: Reminder }[] = [];
    plans.forEach((p, i) => {
      const rev = revisions[i];
      if (rev != null && Number(rev) > p.revision) return;
      live.push(p);
      const members = indexes.get(p.taskId);
      if (!members || members.length === 0) {
        // Never planned, or nothing queued: every reminder is new and nothing can be stale.
        counts.planned += p.reminders.length;
        for (const r of p.reminders) fresh.push({ plan: p, reminder: r });
        return;
      }
      const indexed = new Set(members);
      const keys = new Set(p.reminders.map((r) => r.key));
      counts.planned += keys.size;
      for (const r of p.reminders) (indexed.has(r.key) ? known : fresh).push({ plan: p, reminder: r });
      const gone = [...indexed].filter((k) => !keys.has(k));
      if (gone.length) stale.push({ taskId: p.taskId, keys: gone });
    });
    counts.added = fresh.length;

    // Index before adding: a crash in between must leave a key no re-plan can miss, never a hidden job.
    const index = connection.pipeline();
    for (const p of live) {
      if (p.reminders.length) index.sadd(taskIndexKey(prefix, p.taskId), ...p.reminders.map((r) => r.key));
    }
    if (live.length)
      index.hset(revisionsKey(prefix), Object.fromEntries(live.map((p) => [p.taskId, String(p.revision)])));
    // Indexed keys are re-added only if their job is gone (done and dropped, or Redis lost it): an EXISTS is
    // far cheaper than BullMQ's add script, which matters when the morning reconcile finds nothing changed.
    for (const k of known) index.exists(queue.toKey(k.reminder.key));
    const written = results(await index.exec());
    const probes = written.slice(written.length - known.length);
    const missing = known.filter((_, i) => probes[i] === 0);

    const now = clock.now().getTime();
    const jobs = [...fresh, ...missing].map(({ plan, reminder }) => ({
      name: JOB_NAMES.reminder,
      data: { taskId: plan.taskId, revision: plan.revision },
      opts: { ...REMINDER_JOB_OPTIONS, jobId: reminder.key, delay: Math.max(0, reminder.at.getTime() - now) },
    }));
    for (let i = 0; i < jobs.length; i += 1000) await queue.addBulk(jobs.slice(i, i + 1000));

    counts.removed = await removeJobs(stale.flatMap((s) => s.keys));
    if (stale.length) {
      const unindex = connection.pipeline();
      for (const s of stale) unindex.srem(taskIndexKey(prefix, s.taskId), ...s.keys);
      results(await unindex.exec());
    }
    return counts;
  }

  function planOf(doc: PlannableTask, settings: Awaited<ReturnType<SettingsFor>>): TaskPlan {
    return {
      taskId: String(doc._id),
      revision: doc.revision ?? 0,
      reminders: planTask(doc, settings, clock.now(), calendar),
    };
  }

  async function removeTask(taskId: string): Promise<number> {
    const index = taskIndexKey(prefix, taskId);
    const keys = await connection.smembers(index);
    const removed = await removeJobs(keys);
    await connection.multi().del(index).hdel(revisionsKey(prefix), taskId).exec();
    logger.debug({ taskId, removed }, 'reminders of a task removed');
    return removed;
  }

  async function syncTask(taskId: string): Promise<SyncCounts> {
    const doc = await findPlannableTask(taskId);
    if (!doc) return { planned: 0, added: 0, removed: await removeTask(taskId) };
    const counts = await applyPlans([planOf(doc, await settingsFor(String(doc.org)))]);
    logger.debug({ taskId, ...counts }, 'reminders of a task re-planned');
    return counts;
  }

  async function reconcileAll(): Promise<ReconcileCounts> {
    const started = Date.now();
    const total: ReconcileCounts = {
      planned: 0,
      added: 0,
      removed: 0,
      orgs: 0,
      tasks: 0,
      orphans: 0,
      ms: 0,
      queueMs: 0,
    };
    const seen = new Map<string, number>();
    const planned = new Set<string>();
    const writes = writeLanes(writers);
    // Settings per organisation, read once each; every task is read in one stream rather than organisation
    // by organisation (FerretDB answers a `distinct` over tasks with a full scan of its own).
    const orgSettings = new Map<string, Partial<ReminderSettings>>();
    let batch: TaskPlan[] = [];
    const flush = async (): Promise<void> => {
      const plans = batch;
      batch = [];
      if (plans.length === 0) return;
      await writes.add(async () => {
        const c = await applyPlans(plans);
        total.planned += c.planned;
        total.added += c.added;
        total.removed += c.removed;
      });
    };
    for await (const docs of allTasks(batchSize, logger)) {
      for (const doc of docs) {
        const taskId = String(doc._id);
        if (seen.has(taskId)) continue;
        const orgId = String(doc.org);
        let settings = orgSettings.get(orgId);
        if (!settings) {
          settings = await settingsFor(orgId);
          orgSettings.set(orgId, settings);
          total.orgs++;
        }
        const plan = planOf(doc, settings);
        total.tasks++;
        seen.set(taskId, plan.revision);
        for (const r of plan.reminders) planned.add(r.key);
        batch.push(plan);
      }
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    // Every planned key is known once the store is read, so the sweep need not wait for the last writes:
    // what they add is planned, hence never a stray, and they touch only tasks the sweep leaves alone.
    const [sweep, drained] = await Promise.allSettled([
      writes.track(() => sweepOrphans({ connection, prefix, queue, seen, planned, removeJobs })),
      writes.drain(),
    ]);
    if (drained.status === 'rejected') throw drained.reason;
    if (sweep.status === 'rejected') throw sweep.reason;
    total.orphans = sweep.value;
    total.queueMs = writes.busyMs();
    total.ms = Date.now() - started;
    logger.info(total, 'reminders reconciled');
    return total;
  }

  async function enqueueWeeklyDigest(zone?: string): Promise<void> {
    const week = mondayOf(toLocalDate(clock.now(), zone));
    await queue.add(JOB_NAMES.digest, { week }, { ...DIGEST_JOB_OPTIONS, jobId: digestJobId(week) });
  }

  return {
    queue,
    syncTask,
    removeTask,
    reconcileAll,
    enqueueWeeklyDigest,
    close: () => queue.close(),
  };
}
