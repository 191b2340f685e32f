/**
 * Charts are drawn in a small pool of worker threads, so the ~200 ms ECharts → resvg render of one
 * leaders' /status never holds up every other group's commands, buttons and replies. A thread starts on
 * the first chart (a second or so to load ECharts), stays for the next ones and ends after ten minutes
 * without work (its memory goes with it).
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { StatusChartInput } from './chart';
import type { ChartRequest, ChartResponse } from './chart-worker';

export interface ChartPoolOptions {
  /** Threads at most; default one per spare core, one or two. */
  threads?: number;
  /** A thread with nothing to draw for this long ends. */
  idleMs?: number;
  /** A chart not drawn by then fails (and its thread is replaced), so a stuck render cannot block the queue. */
  timeoutMs?: number;
  /** Each thread's V8 heap limits; default THREAD_HEAP. */
  resourceLimits?: ResourceLimits;
}

/**
 * Three times what drawing a 20-department chart keeps alive at its peak, and young-generation room for
 * one drawing's short-lived objects (a smaller one costs render time in scavenges).
 */
export const THREAD_HEAP: ResourceLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

interface Job {
  input: StatusChartInput;
  resolve(png: Buffer): void;
  reject(err: Error): void;
}

interface Thread {
  worker: Worker;
  job: (Job & { id: number; timer: NodeJS.Timeout }) | null;
  idle: NodeJS.Timeout | null;
}

/** The thread's entry: the compiled file when running from JavaScript, else through tsx (as the app runs). */
function startWorker(resourceLimits: ResourceLimits): Worker {
  const ext = path.extname(__filename);
  const entry = path.join(__dirname, `chart-worker${ext}`);
  if (ext !== '.ts') return new Worker(entry, { resourceLimits });
  // tsx is a dev dependency (the image runs dist/, never this branch): the name is built at run time so
  // the bundler does not take it for a package the built programs need.
  const tsx = require.resolve(['tsx', 'cjs', 'api'].join('/'));
  const code = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`;
  return new Worker(code, { eval: true, resourceLimits });
}

export class ChartPool {
  private readonly threads = new Set<Thread>();
  private readonly queue: Job[] = [];
  private readonly max: number;
  private readonly idleMs: number;
  private readonly timeoutMs: number;
  private readonly resourceLimits: ResourceLimits;
  private nextId = 1;
  private closed = false;

  constructor(options: ChartPoolOptions = {}) {
    this.max = Math.max(1, options.threads ?? Math.min(2, availableParallelism() - 1));
    this.idleMs = options.idleMs ?? 600_000;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.resourceLimits = options.resourceLimits ?? THREAD_HEAP;
  }

  /** The chart as PNG bytes, drawn on a pool thread. */
  draw(input: StatusChartInput): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('the chart pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  /** Threads running now (for the benchmark and tests). */
  get size(): number {
    return this.threads.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the chart pool is closed'));
    await Promise.all([...this.threads].map((t) => this.stop(t, new Error('the chart pool is closed'))));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const thread = [...this.threads].find((t) => !t.job) ?? this.spawn();
      if (!thread) return; // every thread busy: the next finished chart picks the queue up
      this.run(thread, this.queue.shift()!);
    }
  }

  private spawn(): Thread | null {
    if (this.threads.size >= this.max) return null;
    const thread: Thread = { worker: startWorker(this.resourceLimits), job: null, idle: null };
    thread.worker.on('message', (res: ChartResponse) => this.settle(thread, res));
    thread.worker.on('error', (err) => void this.stop(thread, err));
    thread.worker.on('exit', (code) => void this.stop(thread, new Error(`chart thread exited (${code})`)));
    this.threads.add(thread);
    return thread;
  }

  private run(thread: Thread, job: Job): void {
    if (thread.idle) clearTimeout(thread.idle);
    thread.idle = null;
    const id = this.nextId++;
    const timer = setTimeout(
      () => void this.stop(thread, new Error(`chart not drawn within ${this.timeoutMs} ms`)),
      this.timeoutMs,
    );
    thread.job = { ...job, id, timer };
    // A thread with work keeps the process alive until the chart arrives; an idle one never does.
    thread.worker.ref();
    thread.worker.postMessage({ id, input: job.input } satisfies ChartRequest);
  }

  private settle(thread: Thread, res: ChartResponse): void {
    const job = thread.job;
    if (!job || job.id !== res.id) return;
    clearTimeout(job.timer);
    thread.job = null;
    if ('png' in res) job.resolve(Buffer.from(res.png.buffer, res.png.byteOffset, res.png.byteLength));
    else job.reject(new Error(res.error));
    thread.worker.unref();
    thread.idle = setTimeout(() => void this.stop(thread, null), this.idleMs);
    thread.idle.unref();
    this.dispatch();
  }

  /** Ends a thread; its chart in progress, if any, fails with `reason`, and the queue moves on. */
  private async stop(thread: Thread, reason: Error | null): Promise<void> {
    if (!this.threads.delete(thread)) return;
    if (thread.idle) clearTimeout(thread.idle);
    if (thread.job) {
      clearTimeout(thread.job.timer);
      thread.job.reject(reason ?? new Error('chart thread stopped'));
      thread.job = null;
    }
    await thread.worker.terminate();
    this.dispatch();
  }
}
