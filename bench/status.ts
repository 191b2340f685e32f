/**
 * `npm run bench:status`: figures, not a test. For an organisation with 5,000 and then 50,000 tasks (a year
 * of 5,000 tasks, then nine more years of history before it), on the same FerretDB:
 *  1. `/status Q2` through the bot core from a leaders' group (text and chart) against the bare driver
 *     query of the same period (same filter and projection, documents as they come), interleaved pair by
 *     pair so the machine's drift hits both alike: p50, p95 and their ratios;
 *  2. the event loop's delay p99 while 10 `/status` (each a chart not drawn before) and 100 status
 *     commands (/update, /done) from department groups run at once;
 *  3. the process's RSS after 100 `/status`.
 * MONGODB_URI unset → FerretDB is started (scripts/ferretdb.sh) and removed afterwards; its own database
 * otherwise (bench_status, dropped). BENCH_SIZES=5000,50000, BENCH_RUNS=20 and BENCH_RUNS_LARGE=6 change
 * the sizes and the pairs measured. The burst and the 100 runs happen at the smallest size.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pino from 'pino';
import { createBotCore } from '../src/bot/core';
import type { BotCore, IncomingMessage, Reply } from '../src/bot/messages';
import { addDays, createWorkingCalendar, quarterPeriod } from '../src/domain/calendar';
import type { OrgDirectoryEntry, TaskKind } from '../src/domain/task';
import { chartThreads, closeChartPool, forgetDrawnCharts } from '../src/report/status-chart';
import { fixedClock } from '../src/shared/clock';
import { t } from '../src/shared/i18n';
import { bindChat } from '../src/store/binding-repository';
import { insertTasksInBulk, type BulkTask } from '../src/store/bulk-tasks';
import { connectStore, disconnectStore, dropStoreDatabase } from '../src/store/connect';
import { findOrgBySlug, upsertOrgDirectory } from '../src/store/org-repository';
import { explainPeriodQuery, findTasksInPeriodBare } from '../src/store/period-tasks';

const SIZES = (process.env.BENCH_SIZES ?? '5000,50000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
/** Fewer pairs at the larger sizes: on FerretDB every query there reads the whole collection (see explain). */
const RUNS_LARGE = Number(process.env.BENCH_RUNS_LARGE ?? 6);
const RSS_RUNS = 100;
const YEAR = 2026;
const TASKS_PER_YEAR = 5_000;
const NOW = new Date(`${YEAR}-05-15T09:00:00+07:00`);
const ORG = 'bench-status';
const DB_NAME = 'bench_status';
const DEPARTMENTS = [
  ['van-phong', 'Văn phòng'],
  ['ke-hoach', 'Phòng Kế hoạch – Tổng hợp'],
  ['to-chuc', 'Phòng Tổ chức – Kiểm tra'],
  ['tuyen-truyen', 'Phòng Tuyên truyền và Phát triển thành viên'],
  ['ho-tro', 'Phòng Hỗ trợ hợp tác xã'],
  ['chinh-sach', 'Phòng Chính sách – Pháp chế'],
  ['kinh-te', 'Phòng Kinh tế tập thể'],
  ['quy', 'Quỹ Hỗ trợ phát triển hợp tác xã'],
  ['tu-van', 'Trung tâm Tư vấn và Hỗ trợ hợp tác xã'],
  ['dao-tao', 'Trung tâm Đào tạo nghề'],
  ['thi-dua', 'Ban Thi đua – Khen thưởng'],
] as const;
const LEADERS = '-1000';

const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number): string => `${fmt(bytes / 2 ** 20)} MB`;
const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/** A small deterministic generator, so every run seeds the same tasks. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** One year of work: deadlines only, windows of a day to a quarter, a few start-only tasks and duties. */
function yearOfTasks(year: number, rnd: () => number): BulkTask[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const slugs = DEPARTMENTS.map(([s]) => s);
  const today = `${YEAR}-05-15`;
  return Array.from({ length: TASKS_PER_YEAR }, (_, i) => {
    const day = addDays(`${year}-01-01`, Math.floor(rnd() * 365));
    const shape = rnd();
    const kind: TaskKind = shape < 0.08 ? 'duty' : pick(['deadline', 'event', 'review', 'campaign'] as const);
    let start: string | null = day;
    let end: string | null = addDays(day, Math.floor(rnd() * 90));
    if (shape < 0.08) [start, end] = [`${year}-01-01`, `${year}-12-31`];
    else if (shape < 0.4)
      start = null; // only a deadline
    else if (shape < 0.45) end = null; // only a start
    const due = end ?? start!;
    const done = due < today ? rnd() < 0.8 : rnd() < 0.2;
    const late = rnd() < 0.25;
    return {
      title: `Việc ${i + 1} năm ${year}: báo cáo kết quả thực hiện chương trình công tác`,
      kind,
      lead: rnd() < 0.05 ? [] : rnd() < 0.1 ? [pick(slugs), pick(slugs)] : [pick(slugs)],
      support: rnd() < 0.5 ? [pick(slugs)] : [],
      start,
      end,
      status: done ? 'done' : rnd() < 0.4 ? 'in_progress' : 'open',
      progress: done ? 100 : Math.floor(rnd() * 5) * 20,
      completedAt: done ? new Date(`${late ? addDays(due, 5) : due}T10:00:00+07:00`) : null,
    };
  });
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

let seq = 0;
function message(chat: string, text: string): IncomingMessage {
  return {
    platform: 'telegram',
    chat: { id: chat, title: chat, isGroup: true },
    user: { id: 'lanh-dao', name: 'Lãnh đạo' },
    messageId: `bench-${++seq}`,
    text,
  };
}

/** /status must come back with its words and its picture, or the timing measured a failure. */
function checkStatus(replies: Reply[]): void {
  const [r] = replies;
  if (!r || !r.image || r.segments.length === 0) throw new Error('/status answered without text and chart');
}

async function timed<T>(f: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

async function measureSize(
  core: BotCore,
  orgId: string,
  size: number,
  numbers: number[][],
  first: boolean,
): Promise<void> {
  const runs = first ? RUNS : RUNS_LARGE;
  const q2 = quarterPeriod(YEAR, 2);
  const bare = (): Promise<number> => findTasksInPeriodBare(orgId, q2);
  const status = async (): Promise<void> => checkStatus(await core.handle(message(LEADERS, '/status Q2')));
  const inQ2 = await bare();
  const plan = await explainPeriodQuery(orgId, q2);
  console.log(`\n${fmt(size)} tasks (${fmt(inQ2)} counted in Q2 ${YEAR}):`);
  console.log(
    `  server's plan (explain): ${JSON.stringify((plan.queryPlanner as { Plan?: unknown })?.Plan ?? plan.queryPlanner)}, ` +
      `filterPushdown ${String(plan.filterPushdown)}`,
  );

  // Warm-up: the first /status starts the drawing thread and draws the chart once.
  const cold = await timed(status);
  await bare();
  await status();
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so neither always follows the other's garbage.
    if (i % 2 === 0) {
      s.push(await timed(status));
      b.push(await timed(bare));
    } else {
      b.push(await timed(bare));
      s.push(await timed(status));
    }
  }
  const row = (name: string, xs: number[]): string =>
    `  ${name.padEnd(30)} p50 ${fmt(quantile(xs, 0.5)).padStart(6)} ms   p95 ${fmt(quantile(xs, 0.95)).padStart(6)} ms`;
  console.log(`  first /status (starts the drawing thread, draws the chart): ${fmt(cold)} ms`);
  console.log(row(`/status Q2 (text + chart), ${runs}×`, s));
  console.log(row(`bare driver query, ${runs}×`, b));
  const r50 = quantile(s, 0.5) / quantile(b, 0.5);
  const r95 = quantile(s, 0.95) / quantile(b, 0.95);
  const verdict = (r: number): string => (r <= 1.3 ? 'met' : 'NOT met');
  console.log(
    `  ratio: p50 ${fmt(r50, 2)}× (${verdict(r50)}), p95 ${fmt(r95, 2)}× (${verdict(r95)}); target ≤ 1.3×`,
  );

  if (!first) {
    console.log(
      `  RSS now: ${mb(process.memoryUsage().rss)} (burst and 100 runs: at ${fmt(SIZES[0]!)} tasks only)`,
    );
    return;
  }
  // The Monday meeting: 10 leaders' /status, each a chart not drawn yet, and 100 status commands at once.
  forgetDrawnCharts();
  const asks = ['Q2', 'Q1', 'Q3', 'Q4', '4/2026', '5/2026', '6/2026', '2026', 'Văn phòng', 'Quỹ Hỗ trợ'];
  const changes = Array.from({ length: 100 }, (_, i) => {
    const d = i % DEPARTMENTS.length;
    const n = numbers[d]![Math.floor(i / DEPARTMENTS.length)]!;
    return message(`-${2000 + d}`, i % 2 === 0 ? `/update ${n} 60% đang làm` : `/done ${n} đã xong`);
  });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = performance.now();
  const results = await Promise.all([
    ...asks.map((a, i) => core.handle(message(`-${1000 + i}`, `/status ${a}`))),
    ...changes.map((m) => core.handle(m)),
  ]);
  const burst = performance.now() - t0;
  loop.disable();
  results.slice(0, asks.length).forEach(checkStatus);
  const answered = results.slice(asks.length).filter((r) => r.length > 0).length;
  const p99 = loop.percentile(99) / 1e6;
  console.log(
    `  burst: 10 /status (10 new charts) + 100 /update and /done from ${DEPARTMENTS.length} department groups: ` +
      `${fmt(burst / 1000, 1)} s, ${answered}/100 commands answered, ${chartThreads()} drawing thread(s)`,
  );
  console.log(
    `  event-loop delay during the burst: p50 ${fmt(loop.percentile(50) / 1e6, 1)} ms, p99 ${fmt(p99, 1)} ms, ` +
      `max ${fmt(loop.max / 1e6, 1)} ms (${p99 <= 50 ? 'met' : 'NOT met'}; target p99 ≤ 50 ms)`,
  );

  const done = runs + 2 + 1;
  for (let i = done; i < RSS_RUNS; i++) await status();
  const rss = process.memoryUsage().rss;
  console.log(
    `  after ${RSS_RUNS} /status: RSS ${mb(rss)}, heap ${mb(process.memoryUsage().heapUsed)} ` +
      `(${rss <= 200 * 2 ** 20 ? 'met' : 'NOT met'}; target ≤ 200 MB)`,
  );
}

async function main(): Promise<void> {
  const ferret = process.env.MONGODB_URI ? null : startFerretDb();
  const uri = process.env.MONGODB_URI ?? ferret!.uri;
  try {
    await connectStore(uri, DB_NAME);
    await dropStoreDatabase();
    await disconnectStore();
    await connectStore(uri, DB_NAME);
    const directory: OrgDirectoryEntry = {
      name: 'Liên minh HTX (đo thử)',
      departments: Object.fromEntries(DEPARTMENTS.map(([slug, name]) => [slug, [name]])),
    };
    await upsertOrgDirectory(ORG, directory);
    const orgId = (await findOrgBySlug(ORG))!.id;
    const base = { platform: 'telegram' as const, org: orgId, boundBy: 'telegram:bench' };
    for (let i = 0; i < 10; i++)
      await bindChat({
        ...base,
        chatId: `-${1000 + i}`,
        title: `Lãnh đạo ${i}`,
        role: 'leaders',
        department: null,
      });
    for (const [d, [slug, name]] of DEPARTMENTS.entries())
      await bindChat({ ...base, chatId: `-${2000 + d}`, title: name, role: 'department', department: slug });
    const core = createBotCore({
      clock: fixedClock(NOW),
      tz: 'Asia/Ho_Chi_Minh',
      calendar: createWorkingCalendar(),
      defaultLocale: 'vi',
      admins: [],
      t,
      logger: pino({ level: 'silent' }),
    });

    console.log(
      `/status Q2 against the bare query: ${RUNS} interleaved pairs (${RUNS_LARGE} above ${fmt(Math.min(...SIZES))} ` +
        `tasks) after a warm-up, on ${uri.replace(/\/\/.*@/, '//')}`,
    );
    const rnd = prng(24);
    // Each department's open Q2 tasks it leads, for the burst's /update and /done.
    const numbers: number[][] = DEPARTMENTS.map(() => []);
    let seeded = 0;
    for (const size of [...SIZES].sort((a, b) => a - b)) {
      const t0 = performance.now();
      // The current year first, then older years: the quarter asked about stays the same, the history grows.
      for (let year = YEAR - seeded / TASKS_PER_YEAR; seeded < size; year--) {
        const tasks = yearOfTasks(year, rnd);
        const got = await insertTasksInBulk(
          ORG,
          { title: `Chương trình công tác năm ${year}`, year },
          tasks,
          NOW,
        );
        if (year === YEAR) {
          tasks.forEach((task, i) => {
            const d = DEPARTMENTS.findIndex(([slug]) => slug === task.lead[0]);
            const inQ2 =
              (task.end ?? '') >= `${YEAR}-04-01` && (task.start ?? task.end ?? '') <= `${YEAR}-06-30`;
            if (d >= 0 && task.kind !== 'duty' && task.status !== 'done' && inQ2) numbers[d]!.push(got[i]!);
          });
        }
        seeded += tasks.length;
      }
      console.log(`(seeded to ${fmt(seeded)} tasks in ${fmt((performance.now() - t0) / 1000, 1)} s)`);
      await measureSize(core, orgId, seeded, numbers, seeded === Math.min(...SIZES));
    }
  } finally {
    await closeChartPool();
    await dropStoreDatabase().catch(() => undefined);
    await disconnectStore();
    ferret?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
