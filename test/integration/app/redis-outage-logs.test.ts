/**
 * During a Redis outage the bot and worker keep one log: pino's JSON lines, one per failing connection
 * per 10 s with a count, and nothing else on stderr (no stack traces from BullMQ's or ioredis's
 * fallbacks). Both processes stay up and answer again once Redis is back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mongoUri } from '../../harness/servers';
import { startProcess, type RunningProcess } from '../../helpers/bot-process';
import { useTestStore } from '../../helpers/store';
import { startEmulator, type Emulator } from '../../helpers/telegram-emulator';

jest.setTimeout(180_000);
const { dbName } = useTestStore(__filename);
/** The outage the issue measures. */
const OUTAGE_MS = 10_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function startRedis(port: number): Promise<ChildProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'redis-outage-'));
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Ready to accept connections')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)));
  });
}

function stopRedis(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function withDb(uri: string, db: string): string {
  const u = new URL(uri);
  u.pathname = `/${db}`;
  return u.toString();
}

/** stderr lines that are not pino's JSON (a stack trace, a console.error fallback, a warning). */
function strayLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l.trim() !== '')
    .filter((l) => {
      try {
        const o = JSON.parse(l) as { level?: unknown };
        return typeof o.level !== 'number';
      } catch {
        return true;
      }
    });
}

/** pino lines a process wrote about a failing source. */
function failureLines(output: string): Array<{ source: string; repeated: number }> {
  return output.split('\n').flatMap((l) => {
    try {
      const o = JSON.parse(l) as { source?: unknown; repeated?: unknown };
      return typeof o.source === 'string' && typeof o.repeated === 'number'
        ? [{ source: o.source, repeated: o.repeated }]
        : [];
    } catch {
      return [];
    }
  });
}

let redis: ChildProcess;
let emu: Emulator;
const running: RunningProcess[] = [];

beforeAll(async () => {
  const port = await freePort();
  redis = await startRedis(port);
  emu = await startEmulator();
  const env = {
    MONGODB_URI: withDb(mongoUri(), dbName),
    REDIS_URL: `redis://127.0.0.1:${port}`,
    TELEGRAM_BOT_TOKEN: emu.token,
    TELEGRAM_API_ROOT: emu.apiRoot,
    BOT_ADMINS: 'telegram:900',
  };
  running.push(await startProcess('src/app/worker.ts', env, 'WORKER_READY', 60_000));
  running.push(await startProcess('src/app/main.ts', env, 'BOT_READY', 60_000));

  await stopRedis(redis);
  await new Promise((r) => setTimeout(r, OUTAGE_MS)); // the outage itself, not a wait for a result
  redis = await startRedis(port);
}, 150_000);

afterAll(async () => {
  for (const p of running.reverse()) await p.stop('SIGTERM');
  if (redis) await stopRedis(redis);
  await emu?.stop();
});

describe('a 10 s Redis outage', () => {
  it('writes nothing to stderr that is not pino JSON, in either process', () => {
    for (const p of running) expect(strayLines(p.errors())).toEqual([]);
  });

  it('is logged through pino, at most one line per failing connection per 10 s', () => {
    const worker = failureLines(running[0]!.output());
    expect(worker.length).toBeGreaterThan(0);
    for (const p of running) {
      const lines = failureLines(p.output());
      const perSource = new Map<string, number>();
      for (const l of lines) perSource.set(l.source, (perSource.get(l.source) ?? 0) + 1);
      // 10 s of outage: the first line, perhaps one more as it ends, perhaps one as it recovers.
      for (const count of perSource.values()) expect(count).toBeLessThanOrEqual(3);
    }
  });

  it('leaves both processes running and the bot answering', async () => {
    for (const p of running) expect(p.child.exitCode).toBeNull();
    const person = emu.client({ chatId: -100777, type: 'supergroup', userId: 501, firstName: 'Lan' });
    await emu.sendText(person, '/help');
    const answer = await emu.waitForBotMessage(-100777, undefined, 30_000);
    expect(answer.text).toContain('/');
  });
});
