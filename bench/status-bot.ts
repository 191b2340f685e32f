/**
 * The bot's side of `npm run bench:status`: the bot core alone in its own process, built by esbuild as
 * dist/app/main.js is and run by plain node with the image's flags (its CMD; no tsx), so the
 * memory and event-loop figures are the bot's own — not the benchmark's seeding, its bare-driver queries or
 * its generated tasks, which stay in bench/status.ts. That process sends the messages over IPC; this one
 * answers each with what core.handle returned (never the picture's bytes), and its own measurements.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pino from 'pino';
import { createBotCore } from '../src/bot/core';
import type { IncomingMessage, Reply } from '../src/bot/messages';
import { createWorkingCalendar } from '../src/domain/calendar';
import { chartThreads, closeChartPool, forgetDrawnCharts } from '../src/report/status-chart';
import { fixedClock } from '../src/shared/clock';
import { t } from '../src/shared/i18n';
import { connectStore, disconnectStore } from '../src/store/connect';

/** What bench/status.ts asks. */
export type BotRequest =
  | { id: number; op: 'handle'; message: IncomingMessage }
  | { id: number; op: 'burst'; messages: IncomingMessage[] }
  | { id: number; op: 'forgetCharts' }
  | { id: number; op: 'memory' }
  | { id: number; op: 'collectGarbage' }
  | { id: number; op: 'closeChartPool' }
  | { id: number; op: 'exit' };

/** One reply as the benchmark checks it: its words and whether a picture came with them. */
export interface ReplyShape {
  segments: number;
  image: number;
}

export type BotResponse =
  | { id: number; op: 'handle'; replies: ReplyShape[] }
  | {
      id: number;
      op: 'burst';
      ms: number;
      replies: ReplyShape[][];
      threads: number;
      loop: { p50: number; p99: number; max: number };
    }
  | { id: number; op: 'memory'; usage: NodeJS.MemoryUsage; threads: number }
  | { id: number; op: 'done' }
  | { id: number; op: 'error'; error: string };

const shape = (replies: Reply[]): ReplyShape[] =>
  replies.map((r) => ({ segments: r.segments.length, image: r.image?.data.length ?? 0 }));

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI;
  const now = process.env.BENCH_NOW;
  if (!uri || !now || !process.send) throw new Error('status-bot runs only as bench/status.ts starts it');
  await connectStore(uri, process.env.BENCH_DB);
  const core = createBotCore({
    clock: fixedClock(new Date(now)),
    tz: 'Asia/Ho_Chi_Minh',
    calendar: createWorkingCalendar(),
    defaultLocale: 'vi',
    admins: [],
    t,
    logger: pino({ level: 'silent' }),
  });
  const send = (res: BotResponse): void => void process.send!(res);

  async function answer(req: BotRequest): Promise<BotResponse> {
    switch (req.op) {
      case 'handle':
        return { id: req.id, op: 'handle', replies: shape(await core.handle(req.message)) };
      case 'burst': {
        const loop = monitorEventLoopDelay({ resolution: 10 });
        loop.enable();
        const t0 = performance.now();
        const replies = await Promise.all(req.messages.map((m) => core.handle(m)));
        const ms = performance.now() - t0;
        loop.disable();
        return {
          id: req.id,
          op: 'burst',
          ms,
          replies: replies.map(shape),
          threads: chartThreads(),
          loop: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
        };
      }
      case 'forgetCharts':
        forgetDrawnCharts();
        return { id: req.id, op: 'done' };
      case 'memory':
        return { id: req.id, op: 'memory', usage: process.memoryUsage(), threads: chartThreads() };
      case 'collectGarbage': {
        // Only after the figure is taken, to tell how much of the heap was garbage not yet collected:
        // production never does this (the flag is set here, not on the command line, which stays the image's).
        setFlagsFromString('--expose-gc');
        (runInNewContext('gc') as () => void)();
        return { id: req.id, op: 'memory', usage: process.memoryUsage(), threads: chartThreads() };
      }
      case 'closeChartPool':
        await closeChartPool();
        return { id: req.id, op: 'done' };
      case 'exit':
        await closeChartPool();
        await disconnectStore();
        send({ id: req.id, op: 'done' });
        process.disconnect();
        return { id: req.id, op: 'done' };
    }
  }

  process.on('message', (req: BotRequest) => {
    answer(req).then(
      (res) => req.op !== 'exit' && send(res),
      (err: unknown) =>
        send({
          id: req.id,
          op: 'error',
          error: err instanceof Error ? (err.stack ?? err.message) : String(err),
        }),
    );
  });
  send({ id: 0, op: 'done' });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
