import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StartedServers {
  mongoUri: string;
  redisUrl: string;
  stop(): Promise<void>;
}

const HOW_TO =
  'Start MongoDB and Redis with `docker compose up -d mongo redis` and set MONGODB_URI=mongodb://127.0.0.1:27017 ' +
  'REDIS_URL=redis://127.0.0.1:6379, or put `mongod` and `redis-server` on PATH.';

export async function startServers(): Promise<StartedServers> {
  const stops: Array<() => Promise<void>> = [];
  const mongoUri = process.env.MONGODB_URI || (await startMongo(stops));
  const redisUrl = process.env.REDIS_URL || (await startRedis(stops));
  return {
    mongoUri,
    redisUrl,
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}

async function startMongo(stops: Array<() => Promise<void>>): Promise<string> {
  if (onPath('mongod')) {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'mongod-'));
    const child = spawn(
      'mongod',
      ['--port', String(port), '--bind_ip', '127.0.0.1', '--dbpath', dir, '--quiet'],
      {
        stdio: 'ignore',
      },
    );
    stops.push(() => stopChild(child, dir));
    await waitForPort(port, 'mongod');
    return `mongodb://127.0.0.1:${port}`;
  }
  if (onPath('go')) return startFerretDb(stops);
  try {
    const { MongoMemoryServer } = await import('mongodb-memory-server-core');
    const server = await MongoMemoryServer.create();
    stops.push(async () => {
      await server.stop();
    });
    return server.getUri();
  } catch (err) {
    throw new Error(`No MongoDB server for the tests (${(err as Error).message}). ${HOW_TO}`);
  }
}

async function startRedis(stops: Array<() => Promise<void>>): Promise<string> {
  if (onPath('redis-server')) {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'redis-'));
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    stops.push(() => stopChild(child, dir));
    await waitForPort(port, 'redis-server');
    return `redis://127.0.0.1:${port}`;
  }
  try {
    const { RedisMemoryServer } = await import('redis-memory-server');
    const server = await RedisMemoryServer.create();
    stops.push(async () => {
      await server.stop();
    });
    return `redis://${await server.getHost()}:${await server.getPort()}`;
  } catch (err) {
    throw new Error(`No Redis server for the tests (${(err as Error).message}). ${HOW_TO}`);
  }
}

/** No mongod but a Go toolchain (this project's CI machine): FerretDB, built once and cached. */
async function startFerretDb(stops: Array<() => Promise<void>>): Promise<string> {
  const script = join(__dirname, '..', '..', 'scripts', 'ferretdb.sh');
  const out = spawnSync('bash', [script, 'start'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const vars = Object.fromEntries(
    (out.stdout ?? '')
      .trim()
      .split(/\s+/)
      .map((kv) => kv.split('=', 2) as [string, string]),
  );
  if (out.status !== 0 || !vars.MONGODB_URI) throw new Error(`FerretDB did not start. ${HOW_TO}`);
  stops.push(async () => {
    process.kill(Number(vars.FERRETDB_PID), 'SIGTERM');
    rmSync(String(vars.FERRETDB_DIR), { recursive: true, force: true });
  });
  return vars.MONGODB_URI;
}

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, what: string, ms = 15000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
      s.connect(port, '127.0.0.1');
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not start on port ${port} within ${ms} ms. ${HOW_TO}`);
}

async function stopChild(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
}
