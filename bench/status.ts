/**
 * `npm run bench:status`: figures, not a test. For an organisation with 5,000 and then 50,000 tasks (a year
 * of 5,000 tasks, then nine more years of history before it), on the same FerretDB:
 *  1. `/status Q2` through the bot core from a leaders' group (text and chart) against the bare driver
 *     query of the same period (same filter and projection, documents as they come), interleaved pair by
 *     pair so the machine's drift hits both alike: p50, p95 and their ratios;
 *  2. the event loop's delay p99 while 10 `/status` (each a chart not drawn before) and 100 status
 *     commands (/update, /done) from department groups run at once;
 *  3. the bot's RSS after 100 `/status`.
 * The bot runs in a process of its own (bench/status-bot.ts, built by esbuild and run by plain node as the
 * image runs dist/app/main.js), so the event loop and the memory measured are the bot's: this process
 * seeds the tasks, holds them and runs the bare-driver queries, and its memory is printed apart.
 * MONGODB_URI unset → FerretDB is started (scripts/ferretdb.sh) and removed afterwards; its own database
 * otherwise (bench_status, dropped). BENCH_SIZES=5000,50000, BENCH_RUNS=20 and BENCH_RUNS_LARGE=6 change
 * the sizes and the pairs measured. The burst and the 100 runs happen at the smallest size.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build, type BuildOptions } from 'esbuild';
import type { IncomingMessage } from '../src/bot/messages';
import { addDays, quarterPeriod } from '../src/domain/calendar';
import type { OrgDirectoryEntry, TaskKind } from '../src/domain/task';
import { bindChat } from '../src/store/binding-repository';
import { insertTasksInBulk, type BulkTask } from '../src/store/bulk-tasks';
import { connectStore, disconnectStore, dropStoreDatabase } from '../src/store/connect';
import { findOrgBySlug, upsertOrgDirectory } from '../src/store/org-repository';
import { explainPeriodQuery, findTasksInPeriodBare } from '../src/store/period-tasks';
import type { BotRequest, BotResponse, ReplyShape } from './status-bot';

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
function checkStatus(replies: ReplyShape[]): void {
  const [r] = replies;
  if (!r || !r.image || r.segments === 0) throw new Error('/status answered without text and chart');
}

async function timed<T>(f: () => Promise<T>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

/** A process's memory as the kernel counts it (/proc/<pid>/status), in bytes. */
function procMemory(pid: number | 'self'): { rss: number; anon: number; file: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rss: kb('VmRSS'), anon: kb('RssAnon'), file: kb('RssFile'), hwm: kb('VmHWM') };
}

/** The bot in its own process: built as dist/ is, run as the image runs it. */
interface Bot {
  pid: number;
  ask<Op extends BotRequest['op']>(
    req: { op: Op } & Omit<Extract<BotRequest, { op: Op }>, 'id'>,
  ): Promise<BotResponse>;
  memory(): { rss: number; anon: number; file: number; hwm: number };
  stop(): Promise<void>;
}

const ROOT = path.join(__dirname, '..');

/** node's flags in the image's command (the Dockerfile's CMD), so the bot runs here as it runs there. */
function imageNodeFlags(): string[] {
  const cmd = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('CMD '))
    .at(-1);
  const command = JSON.parse(cmd!.slice('CMD '.length)) as string[];
  return command.slice(1, -1);
}

async function startBot(uri: string): Promise<Bot> {
  // The bot's bundle and its drawing thread's, side by side as dist/app/ has them (the pool starts
  // chart-worker.js from its own bundle's folder); under .cache/, which git and eslint ignore.
  const outdir = path.join(ROOT, '.cache', 'bench-status');
  await build({
    absWorkingDir: ROOT,
    entryPoints: [
      { in: 'bench/status-bot.ts', out: 'status-bot' },
      { in: 'src/report/chart-worker.ts', out: 'chart-worker' },
    ],
    outdir,
    // The same options as `npm run build` (scripts/bundle-options.json), so the bot measured is the image's.
    ...(JSON.parse(readFileSync(path.join(ROOT, 'scripts', 'bundle-options.json'), 'utf8')) as BuildOptions),
  });
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const child: ChildProcess = fork(path.join(outdir, 'status-bot.js'), [], {
    // The image's command line: no tsx, no --import of this process.
    execArgv: imageNodeFlags(),
    env: {
      ...env,
      NODE_ENV: 'production',
      MONGODB_URI: uri,
      BENCH_DB: DB_NAME,
      BENCH_NOW: NOW.toISOString(),
    },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, (res: BotResponse) => void>();
  let ready: () => void = () => undefined;
  let failed: (err: Error) => void = () => undefined;
  const started = new Promise<void>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  child.on('message', (res: BotResponse) => {
    if (res.id === 0) return ready();
    pending.get(res.id)?.(res);
    pending.delete(res.id);
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.on('exit', (code) => {
    const err = new Error(`the bot's process exited (${code})`);
    failed(err);
    for (const [, settle] of pending) settle({ id: -1, op: 'error', error: err.message });
    pending.clear();
  });
  await started;
  let nextId = 1;
  const ask: Bot['ask'] = (req) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (res) => (res.op === 'error' ? reject(new Error(res.error)) : resolve(res)));
      child.send({ ...req, id });
    });
  return {
    pid: child.pid!,
    ask,
    memory: () => procMemory(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      await ask({ op: 'exit' }).catch(() => undefined);
      await exited;
    },
  };
}

const memoryLine = (m: ReturnType<typeof procMemory>): string =>
  `RSS ${mb(m.rss)} (anonymous ${mb(m.anon)}, mapped files ${mb(m.file)}; peak ${mb(m.hwm)})`;

/** Open sockets of a process (its store connections, mostly). */
function sockets(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).filter((fd) => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:');
    } catch {
      return false;
    }
  }).length;
}

async function measureSize(
  bot: Bot,
  orgId: string,
  size: number,
  numbers: number[][],
  first: boolean,
): Promise<void> {
  const runs = first ? RUNS : RUNS_LARGE;
  const q2 = quarterPeriod(YEAR, 2);
  const bare = (): Promise<number> => findTasksInPeriodBare(orgId, q2);
  const status = async (): Promise<void> => {
    const res = await bot.ask({ op: 'handle', message: message(LEADERS, '/status Q2') });
    if (res.op !== 'handle') throw new Error(`unexpected answer ${res.op}`);
    checkStatus(res.replies);
  };
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
      `  the bot's ${memoryLine(bot.memory())} (burst and 100 runs: at ${fmt(SIZES[0]!)} tasks only)`,
    );
    return;
  }
  // The Monday meeting: 10 leaders' /status, each a chart not drawn yet, and 100 status commands at once.
  await bot.ask({ op: 'forgetCharts' });
  const asks = ['Q2', 'Q1', 'Q3', 'Q4', '4/2026', '5/2026', '6/2026', '2026', 'Văn phòng', 'Quỹ Hỗ trợ'];
  const changes = Array.from({ length: 100 }, (_, i) => {
    const d = i % DEPARTMENTS.length;
    const n = numbers[d]![Math.floor(i / DEPARTMENTS.length)]!;
    return message(`-${2000 + d}`, i % 2 === 0 ? `/update ${n} 60% đang làm` : `/done ${n} đã xong`);
  });
  const burst = await bot.ask({
    op: 'burst',
    messages: [...asks.map((a, i) => message(`-${1000 + i}`, `/status ${a}`)), ...changes],
  });
  if (burst.op !== 'burst') throw new Error(`unexpected answer ${burst.op}`);
  burst.replies.slice(0, asks.length).forEach(checkStatus);
  const answered = burst.replies.slice(asks.length).filter((r) => r.length > 0).length;
  console.log(
    `  burst: 10 /status (10 new charts) + 100 /update and /done from ${DEPARTMENTS.length} department groups: ` +
      `${fmt(burst.ms / 1000, 1)} s, ${answered}/100 commands answered, ${burst.threads} drawing thread(s)`,
  );
  console.log(
    `  the bot's event-loop delay during the burst: p50 ${fmt(burst.loop.p50, 1)} ms, ` +
      `p99 ${fmt(burst.loop.p99, 1)} ms, max ${fmt(burst.loop.max, 1)} ms ` +
      `(${burst.loop.p99 <= 50 ? 'met' : 'NOT met'}; target p99 ≤ 50 ms)`,
  );

  const done = runs + 2 + 1;
  for (let i = done; i < RSS_RUNS; i++) await status();
  const mem = bot.memory();
  const usage = await bot.ask({ op: 'memory' });
  if (usage.op !== 'memory') throw new Error(`unexpected answer ${usage.op}`);
  const u = usage.usage;
  console.log(
    `  after ${RSS_RUNS} /status, the bot's process (pid ${bot.pid}, ${usage.threads} drawing thread(s) alive): ` +
      `${memoryLine(mem)} (${mem.rss <= 200 * 2 ** 20 ? 'met' : 'NOT met'}; target ≤ 200 MB)`,
  );
  console.log(
    `    of it the main thread's JavaScript heap ${mb(u.heapUsed)} used of ${mb(u.heapTotal)}, ` +
      `outside it (buffers) ${mb(u.external)}; ${sockets(bot.pid)} sockets open`,
  );
  // What the drawing thread holds: the same process once the pool has ended it (as ten idle minutes do),
  // then how much of the main thread's heap was garbage V8 had not collected yet (taken after the figure).
  await bot.ask({ op: 'closeChartPool' });
  console.log(`    without the drawing thread (ended): ${memoryLine(bot.memory())}`);
  const collected = await bot.ask({ op: 'collectGarbage' });
  if (collected.op !== 'memory') throw new Error(`unexpected answer ${collected.op}`);
  console.log(
    `    and after a full collection (a diagnostic the bot never runs): ${memoryLine(bot.memory())}, ` +
      `heap ${mb(collected.usage.heapUsed)} used of ${mb(collected.usage.heapTotal)}, buffers ${mb(collected.usage.external)}`,
  );
  console.log(`  (this benchmark's own process, not the bot: ${memoryLine(procMemory('self'))})`);
}

async function main(): Promise<void> {
  const ferret = process.env.MONGODB_URI ? null : startFerretDb();
  const uri = process.env.MONGODB_URI ?? ferret!.uri;
  let bot: Bot | undefined;
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
    bot = await startBot(uri);
    console.log(
      `/status Q2 against the bare query: ${RUNS} interleaved pairs (${RUNS_LARGE} above ${fmt(Math.min(...SIZES))} ` +
        `tasks) after a warm-up, on ${uri.replace(/\/\/.*@/, '//')}; the bot in its own process (pid ${bot.pid}, ` +
        `node ${imageNodeFlags().join(' ')}), ` +
        `${memoryLine(bot.memory())} at start`,
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
      await measureSize(bot, orgId, seeded, numbers, seeded === Math.min(...SIZES));
    }
  } finally {
    await bot?.stop();
    await dropStoreDatabase().catch(() => undefined);
    await disconnectStore();
    ferret?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
