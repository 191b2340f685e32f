/**
 * `npm run bench:reminders`: figures, not a test. It first measures the noise of the shipped plans over a
 * service year (bench/noise.ts, pure). Then, in a throwaway database and a dedicated Redis database (only
 * that one is flushed), it
 *  1. plans the reminders of 10,000 tasks (the pure planner's throughput),
 *  2. enqueues them with reconcileAll and, for comparison, adds the same jobs with bare Queue.addBulk,
 *  3. delivers 1,000 reminders to 1,000 groups through the Telegram emulator, against Telegram's ~30/s.
 * MONGODB_URI unset → FerretDB is started (scripts/ferretdb.sh); REDIS_URL unset → 127.0.0.1:6379. All
 * traffic stays on loopback.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import pino from 'pino';
import { loadWorkingCalendar } from '../src/app/calendar-data';
import { createTelegramSender } from '../src/channels/telegram/sender';
import { fixedClock } from '../src/shared/clock';
import { addDays } from '../src/domain/calendar';
import { TASK_KINDS } from '../src/domain/task';
import { createReminderScheduler } from '../src/scheduler/plan-task';
import { JOB_NAMES, REMINDER_JOB_OPTIONS } from '../src/scheduler/reminder-queue';
import { planTask } from '../src/scheduler/task-plans';
import { deleteAllTasks, seedBindings, seedOrgWithPlan as seedOrg, seedTasks } from '../src/store/bulk-seed';
import { connectStore, disconnectStore, dropStoreDatabase } from '../src/store/connect';
import { allPlannableTasks } from '../src/store/planning-reads';
import { countRowsInState } from '../src/store/reminder-log';
import { startEmulator } from '../tools/telegram-emulator';
import { createDirectory } from '../jobs/directory';
import { orgDirectory } from '../scripts/org-directory';
import { measureNoise } from './noise';
import { printZaloMorning } from './zalo-morning';
import { senderMap, type ReminderRuntime } from '../jobs/runtime';
import { createSendPacer, TELEGRAM_PACE } from '../src/channels/send-pacer';
import { DELIVERY_CONCURRENCY as DEFAULT_DELIVERY_CONCURRENCY, startReminderWorkers } from '../jobs/workers';

const TASKS = 10_000;
const GROUPS = 1_000;
const DEPARTMENTS = 50;
const REDIS_DB = 14;
const DB_NAME = 'bench_reminders';
const DELIVERY_TIMEOUT_MS = 180_000;
/** Measured rounds of reconcile-then-bare (after one warm-up reconcile). */
const ENQUEUE_ROUNDS = 5;
/** The worker's default (jobs/workers.ts). */
const DELIVERY_CONCURRENCY = DEFAULT_DELIVERY_CONCURRENCY;
const logger = pino({ level: 'silent' });
const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const secs = (ms: number): string => `${fmt(ms / 1000, 2)} s`;
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A small deterministic generator, so every run plans the same tasks. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function startFerretDb(): { uri: string; stop(): void } {
  const script = path.join(__dirname, '..', 'scripts', 'ferretdb.sh');
  const out = execFileSync('bash', [script, 'start'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const vars = Object.fromEntries(
    out
      .trim()
      .split(/\s+/)
      .map((kv) => kv.split('=', 2) as [string, string]),
  );
  if (!vars.MONGODB_URI) throw new Error('FerretDB did not start');
  return {
    uri: vars.MONGODB_URI,
    stop: () => {
      process.kill(Number(vars.FERRETDB_PID), 'SIGTERM');
      rmSync(String(vars.FERRETDB_DIR), { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  // A pure simulation on the budget's clock, before any server: how long a Zalo morning takes under the send budget.
  await printZaloMorning();
  const ferret = process.env.MONGODB_URI ? null : startFerretDb();
  const mongoUri = process.env.MONGODB_URI ?? ferret?.uri ?? '';
  const redisUrl = new URL(process.env.REDIS_URL || 'redis://127.0.0.1:6379');
  redisUrl.pathname = `/${REDIS_DB}`;
  const connection = new IORedis(redisUrl.toString(), { maxRetriesPerRequest: null });
  await connection.flushdb();
  await connectStore(mongoUri, DB_NAME);
  await dropStoreDatabase();
  await connectStore(mongoUri, DB_NAME);
  const calendar = await loadWorkingCalendar();
  console.log(
    `reminders benchmark — store ${ferret ? 'FerretDB (started for this run)' : 'MONGODB_URI'}, Redis db ${REDIS_DB}`,
  );
  const noise = await measureNoise(orgDirectory(), calendar);
  console.log(
    `noise     ${noise.plans} shipped plans, ${noise.tasks} tasks, ${noise.groups} groups (every department linked + leaders), ` +
      `a service year each, nobody finishing anything:`,
  );
  console.log(
    `          messages per group per week: median ${noise.perGroupWeek.median}, 90th percentile ${noise.perGroupWeek.p90}, ` +
      `max ${noise.perGroupWeek.max} (mean ${fmt(noise.perGroupWeek.mean, 2)} over ${fmt(noise.groupWeeks)} group-weeks)`,
  );
  console.log(
    `          largest burst into one group: ${noise.largestBurst} message per slot (it held ${noise.largestBatch} reminders, ` +
      `which used to be ${noise.largestBatch} messages); reminders per task: median ${noise.perTask.median}, ` +
      `max ${noise.perTask.max}, mean ${fmt(noise.perTask.mean, 1)} (${noise.perTask.silent} tasks never reminded: duties, no dates)`,
  );

  try {
    // 1. Planning 10,000 tasks of every kind over 2025, as of 2 January.
    const clock = fixedClock(new Date('2025-01-02T07:00:00+07:00'));
    const big = await seedOrg('bench-plan', DEPARTMENTS);
    const rand = prng(2025);
    const kinds = TASK_KINDS.filter((k) => k !== 'duty');
    await seedTasks(TASKS, (i) => {
      const end = addDays('2025-01-06', Math.floor(rand() * 350));
      return {
        org: big.org,
        plan: big.plan,
        number: i + 1,
        ref: `B${i + 1}`,
        title: `Nhiệm vụ ${i + 1}`,
        kind: i % 3 === 0 ? kinds[i % kinds.length]! : 'deadline',
        lead: [`d${(i % DEPARTMENTS) + 1}`],
        support: i % 4 === 0 ? [`d${((i + 7) % DEPARTMENTS) + 1}`] : [],
        start: addDays(end, -Math.floor(rand() * 90)),
        end,
      };
    });
    const docs = await allPlannableTasks();
    let t0 = performance.now();
    const plans = docs.map((d) => ({
      id: String(d._id),
      revision: d.revision ?? 0,
      reminders: planTask(d, {}, clock.now(), calendar),
    }));
    const planMs = performance.now() - t0;
    const reminders = plans.reduce((n, p) => n + p.reminders.length, 0);
    console.log(
      `planning  ${fmt(TASKS)} tasks → ${fmt(reminders)} reminders in ${secs(planMs)}: ${fmt(TASKS / (planMs / 1000))} tasks/s (pure planner)`,
    );

    // 2. Enqueueing: the scheduler (index, revisions, dedupe by key, sweep) against bare addBulk of the same
    // jobs. This machine's speed drifts by a fifth within a minute, so the two are measured in turns, each
    // reconcile into an empty queue followed at once by its bare counterpart, and the median ratio is taken.
    const scheduler = createReminderScheduler({ connection, prefix: 'bench', clock, calendar, logger });
    const bare = new Queue('bare', { connection, prefix: 'bench' });
    const now = clock.now().getTime();
    const jobs = plans.flatMap((p) =>
      p.reminders.map((r) => ({
        name: JOB_NAMES.reminder,
        data: { taskId: p.id, revision: p.revision },
        opts: { ...REMINDER_JOB_OPTIONS, jobId: r.key, delay: Math.max(0, r.at.getTime() - now) },
      })),
    );
    const chunks = Array.from({ length: Math.ceil(jobs.length / 1000) }, (_, i) =>
      jobs.slice(i * 1000, (i + 1) * 1000),
    );
    const rounds: { reconcileMs: number; queueMs: number; bareMs: number; bare2Ms: number }[] = [];
    let reconciled = await scheduler.reconcileAll();
    for (let round = 0; round < ENQUEUE_ROUNDS; round++) {
      await connection.flushdb();
      t0 = performance.now();
      reconciled = await scheduler.reconcileAll();
      const reconcileMs = performance.now() - t0;
      t0 = performance.now();
      for (const chunk of chunks) await bare.addBulk(chunk);
      const bareMs = performance.now() - t0;
      await bare.obliterate({ force: true });
      // The same jobs, two chunks in flight as reconcileAll writes them: the producer's own overhead.
      t0 = performance.now();
      let next = 0;
      await Promise.all(
        [0, 1].map(async () => {
          while (next < chunks.length) await bare.addBulk(chunks[next++]!);
        }),
      );
      const bare2Ms = performance.now() - t0;
      await bare.obliterate({ force: true });
      rounds.push({ reconcileMs, queueMs: reconciled.queueMs, bareMs, bare2Ms });
    }
    t0 = performance.now();
    const again = await scheduler.reconcileAll();
    const againMs = performance.now() - t0;
    const ratios = rounds.map((r) => r.reconcileMs / r.bareMs);
    const mid = rounds[ratios.indexOf(median(ratios))]!;
    console.log(
      `enqueue   reconcileAll: ${fmt(reconciled.added)} jobs for ${fmt(reconciled.tasks)} tasks, after one warm-up run ${ENQUEUE_ROUNDS} measured rounds, ` +
        `each into an empty queue; median round: ${secs(mid.reconcileMs)}, of which ${secs(mid.queueMs)} with Redis writes in flight ` +
        `(index, revisions, addBulk, sweep; the store is read and planned meanwhile)`,
    );
    console.log(
      `          bare Queue.addBulk of the same ${fmt(jobs.length)} jobs in 1,000-job chunks, one after another, right after each: ` +
        `${rounds.map((r) => secs(r.bareMs)).join(', ')}; ratios ${ratios.map((r) => `${fmt(r, 2)}×`).join(', ')}; ` +
        `median ${fmt(median(ratios), 2)}× end to end with store reads (target ≤ 1.5×)`,
    );
    console.log(
      `          the same chunks two at a time, as reconcileAll writes them: median round ${secs(mid.bare2Ms)}; ratio ${fmt(mid.reconcileMs / mid.bare2Ms, 2)}× ` +
        `(the producer's own cost: store reads, planning, index, sweep)`,
    );
    console.log(
      `re-run    reconcileAll with nothing changed: ${secs(againMs)}, of which ${secs(again.queueMs)} Redis ` +
        `(${again.added} added, ${again.removed} removed, ${again.orphans} swept)`,
    );
    await bare.close();
    await scheduler.queue.obliterate({ force: true });
    await scheduler.close();
    await deleteAllTasks();
    await connection.flushdb();

    // 3. Delivery: 1,000 reminders due now, one per group, through the emulator and the real Sender.
    const emulator = await startEmulator();
    // Telegram's limits, enforced by the emulator: ~30 messages/s overall, 20 a minute into one group.
    emulator.state.limits = { perSecond: 30, perChatPerMinute: 20 };
    const dueClock = fixedClock(new Date('2025-03-11T08:00:00+07:00'));
    const small = await seedOrg('bench-deliver', GROUPS);
    await seedBindings(
      Array.from({ length: GROUPS }, (_, i) => ({
        platform: 'telegram' as const,
        chatId: String(-5000 - i),
        org: small.org,
        role: 'department' as const,
        department: `d${i + 1}`,
      })),
    );
    await seedTasks(GROUPS, (i) => ({
      org: small.org,
      plan: small.plan,
      number: i + 1,
      ref: `G${i + 1}`,
      title: `Báo cáo ${i + 1}`,
      kind: 'deadline',
      lead: [`d${i + 1}`],
      end: '2025-03-14',
    }));
    const rt: ReminderRuntime = {
      connection,
      prefix: 'bench',
      clock: dueClock,
      calendar,
      logger,
      senders: senderMap([
        createTelegramSender({
          token: emulator.token,
          apiRoot: emulator.apiRoot,
          logger,
          pacer: createSendPacer(connection, 'bench:send-pace:telegram'),
        }),
      ]),
      platforms: ['telegram'],
      defaultLocale: 'vi',
      notifyAdmins: async () => undefined,
      settingsFor: async () => ({}),
      collectMs: 0,
      directory: createDirectory(10_000),
      sendingStaleMs: 20_000,
      chatGapMs: { telegram: 3_000 },
    };
    const deliverScheduler = createReminderScheduler({
      connection,
      prefix: 'bench',
      clock: dueClock,
      calendar,
      logger,
    });
    await deliverScheduler.reconcileAll();
    const workers = startReminderWorkers(rt, { deliveryConcurrency: DELIVERY_CONCURRENCY });
    const jobMs: number[] = [];
    workers.workers
      .find((w) => w.name === 'deliver-telegram')
      ?.on('completed', (job) => jobMs.push((job.finishedOn ?? 0) - (job.processedOn ?? 0)));
    t0 = performance.now();
    await workers.ready();
    const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
    let sent = 0;
    while (sent < GROUPS && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      sent = (emulator.server.storage.botMessages as unknown[]).length;
    }
    const deliverMs = performance.now() - t0;
    // The last jobs may still be recording their sends: closing the workers waits for them.
    await workers.close();
    const logged = await countRowsInState('sent');
    const tooMany = emulator.state.calls.filter((c) => c.status === 429).length;
    const onEmulator = Array.from(
      { length: GROUPS },
      (_, i) => emulator.botMessages(String(-5000 - i)).length,
    );
    const pace = TELEGRAM_PACE;
    console.log(
      `delivery  ${fmt(sent)}/${fmt(GROUPS)} reminders to ${fmt(GROUPS)} groups in ${secs(deliverMs)}: ${fmt(sent / (deliverMs / 1000), 1)} msg/s ` +
        `(Telegram allows ~30 msg/s overall; sends paced at most ${pace.max} in any ${fmt(pace.windowMs)} ms, ${pace.gapMs} ms apart); ` +
        `groups with exactly one message: ${fmt(onEmulator.filter((n) => n === 1).length)}; logged as sent: ${fmt(logged)}; ` +
        `429s from the emulator: ${tooMany}; ratio to the 27 msg/s target: ${fmt(sent / (deliverMs / 1000) / 27, 2)}`,
    );
    const avgJob = jobMs.reduce((a, b) => a + b, 0) / Math.max(1, jobMs.length);
    console.log(
      `          one delivery job takes ${fmt(avgJob)} ms on average (store reads and writes, Redis, the wait for its send slot, the HTTP call; ${DELIVERY_CONCURRENCY} run at once)`,
    );
    await deliverScheduler.close();
    await emulator.stop();
  } finally {
    await dropStoreDatabase().catch(() => undefined);
    await disconnectStore();
    await connection.flushdb();
    await connection.quit();
    ferret?.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
