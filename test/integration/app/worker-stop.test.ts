/**
 * Stopping the worker: SIGTERM is honoured within 10 s, whatever state its surroundings are in — its Redis
 * already gone (dev used to stop the servers first: 16–20 s of "Đang dừng" and ECONNREFUSED traces), or
 * its output piped into a reader that has died (`npm run dev | tee log`, then Ctrl-C).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from '../../../src/app/local-servers';
import { mongoUri, testNamespace } from '../../harness/servers';

jest.setTimeout(120_000);

const ROOT = `${__dirname}/../../..`;

function startWorker(redisUrl: string): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  const uri = mongoUri().replace(/\/?$/, `/${testNamespace(__filename)}`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/worker.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      MONGODB_URI: uri,
      REDIS_URL: redisUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('WORKER_READY')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${out}`)));
  });
  return { child, output: () => out, ready };
}

function exitWithin(
  child: ChildProcess,
  ms: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running ${ms} ms after SIGTERM`));
    }, ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started });
    });
  });
}

async function ownRedis(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const r = spawnSync('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'yes',
    '--pidfile',
    `/tmp/lmhtx-worker-stop-${port}.pid`,
  ]);
  expect(r.status).toBe(0);
  for (let i = 0; i < 50; i++) {
    if (spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' }).stdout.includes('PONG'))
      break;
    await new Promise((res) => setTimeout(res, 100));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => void spawnSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave']),
  };
}

describe('the worker stops on SIGTERM', () => {
  it('within 10 s when its Redis is already gone', async () => {
    const redis = await ownRedis();
    const worker = startWorker(redis.url);
    await worker.ready;
    redis.stop();
    await new Promise((res) => setTimeout(res, 500)); // let it notice the connection is gone
    worker.child.kill('SIGTERM');
    const { ms } = await exitWithin(worker.child, 10_000);
    expect(ms).toBeLessThan(10_000);
  });

  it('within 10 s, exit 0, when the reader of its piped output has died', async () => {
    const redis = await ownRedis();
    try {
      const worker = startWorker(redis.url);
      // Its stdout goes on to `cat`, as `… | tee` would take it; then the reader dies.
      const reader = spawn('cat', [], { stdio: ['pipe', 'ignore', 'ignore'] });
      worker.child.stdout!.pipe(reader.stdin);
      reader.stdin.on('error', () => undefined);
      await worker.ready;
      reader.kill('SIGKILL');
      worker.child.stdout!.unpipe(reader.stdin);
      worker.child.stdout!.destroy(); // nobody reads the pipe any more: writes to it fail with EPIPE
      worker.child.kill('SIGTERM');
      const { code, signal, ms } = await exitWithin(worker.child, 10_000);
      expect(ms).toBeLessThan(10_000);
      expect({ code, signal, output: code === 0 ? '' : worker.output() }).toEqual({
        code: 0,
        signal: null,
        output: '',
      });
      expect(worker.output()).not.toMatch(/\n\s+at .*:\d+:\d+/); // no stack trace
    } finally {
      redis.stop();
    }
  });
});
