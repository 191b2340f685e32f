import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Finds or starts a MongoDB-protocol server and a Redis for the tests and for `npm run dev`, in this order:
 * MONGODB_URI / REDIS_URL when set; `mongod` / `redis-server` on PATH; FerretDB built through Go (a
 * MongoDB-protocol server on SQLite; scripts/ferretdb.sh) when Go is there; the downloaders
 * mongodb-memory-server-core and redis-memory-server. With `dataDir` the data outlives the run (dev);
 * without it each run starts empty in a temporary folder (tests).
 */
export interface StartedServers {
  mongoUri: string;
  redisUrl: string;
  /** One line each, for people: what was used or started and where its data lives. */
  described: string[];
  stop(): Promise<void>;
}

export interface LocalServerOptions {
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
}

const HOW_TO =
  'Start MongoDB and Redis with `docker compose up -d mongo redis` and set MONGODB_URI=mongodb://127.0.0.1:27017 ' +
  'REDIS_URL=redis://127.0.0.1:6379, or put `mongod` and `redis-server` on PATH.';

export async function startServers(options: LocalServerOptions = {}): Promise<StartedServers> {
  const env = options.env ?? process.env;
  const stops: Array<() => Promise<void>> = [];
  const described: string[] = [];
  try {
    const mongoUri = env.MONGODB_URI
      ? note(described, `MongoDB: ${redact(env.MONGODB_URI)} (MONGODB_URI)`, env.MONGODB_URI)
      : await startMongo(stops, described, options.dataDir);
    const redisUrl = env.REDIS_URL
      ? note(described, `Redis: ${redact(env.REDIS_URL)} (REDIS_URL)`, env.REDIS_URL)
      : await startRedis(stops, described, options.dataDir);
    return { mongoUri, redisUrl, described, stop: () => stopAll(stops) };
  } catch (err) {
    await stopAll(stops);
    throw err;
  }
}

async function stopAll(stops: Array<() => Promise<void>>): Promise<void> {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
}

function note(described: string[], line: string, value: string): string {
  described.push(line);
  return value;
}

/** Passwords in a URL never reach the terminal. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

/** A folder for a server's data: kept under dataDir (dev), or temporary and removed at stop (tests). */
function dataFolder(dataDir: string | undefined, name: string): { dir: string; temporary: boolean } {
  if (!dataDir) return { dir: mkdtempSync(join(tmpdir(), `${name}-`)), temporary: true };
  const dir = join(dataDir, name);
  mkdirSync(dir, { recursive: true });
  return { dir, temporary: false };
}

async function startMongo(
  stops: Array<() => Promise<void>>,
  described: string[],
  dataDir?: string,
): Promise<string> {
  if (onPath('mongod')) {
    const port = await freePort();
    const { dir, temporary } = dataFolder(dataDir, 'mongod');
    const child = spawn(
      'mongod',
      ['--port', String(port), '--bind_ip', '127.0.0.1', '--dbpath', dir, '--quiet'],
      // Its own process group: Ctrl-C in the terminal reaches dev, which stops the servers last.
      { stdio: 'ignore', detached: true },
    );
    stops.push(() => stopChild(child, temporary ? dir : undefined));
    await waitForPort(port, 'mongod');
    return note(
      described,
      `MongoDB: mongod on 127.0.0.1:${port} (data: ${dir})`,
      `mongodb://127.0.0.1:${port}`,
    );
  }
  if (onPath('go')) return startFerretDb(stops, described, dataDir);
  try {
    const { MongoMemoryServer } = await import('mongodb-memory-server-core');
    const { dir, temporary } = dataFolder(dataDir, 'mongodb-memory');
    const server = await MongoMemoryServer.create({ instance: { dbPath: dir, storageEngine: 'wiredTiger' } });
    stops.push(async () => {
      await server.stop({ doCleanup: temporary, force: false });
    });
    return note(described, `MongoDB: mongodb-memory-server (data: ${dir})`, server.getUri());
  } catch (err) {
    throw new Error(`No MongoDB server (${(err as Error).message}). ${HOW_TO}`);
  }
}

async function startRedis(
  stops: Array<() => Promise<void>>,
  described: string[],
  dataDir?: string,
): Promise<string> {
  // Kept data needs the append-only file; throw-away data needs no disk at all.
  const persistence = (dir: string, temporary: boolean): string[] =>
    temporary ? ['--dir', dir, '--save', '', '--appendonly', 'no'] : ['--dir', dir, '--appendonly', 'yes'];
  if (onPath('redis-server')) {
    const port = await freePort();
    const { dir, temporary } = dataFolder(dataDir, 'redis');
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', ...persistence(dir, temporary)],
      { stdio: 'ignore', detached: true },
    );
    stops.push(() => stopChild(child, temporary ? dir : undefined));
    await waitForPort(port, 'redis-server');
    return note(
      described,
      `Redis: redis-server on 127.0.0.1:${port} (data: ${dir})`,
      `redis://127.0.0.1:${port}`,
    );
  }
  try {
    const { RedisMemoryServer } = await import('redis-memory-server');
    const { dir, temporary } = dataFolder(dataDir, 'redis-memory');
    const server = await RedisMemoryServer.create({ instance: { args: persistence(dir, temporary) } });
    stops.push(async () => {
      await server.stop();
    });
    const url = `redis://${await server.getHost()}:${await server.getPort()}`;
    return note(described, `Redis: redis-memory-server (data: ${dir})`, url);
  } catch (err) {
    throw new Error(`No Redis server (${(err as Error).message}). ${HOW_TO}`);
  }
}

/** No mongod but a Go toolchain (this project's CI machine): FerretDB, built once and cached. */
async function startFerretDb(
  stops: Array<() => Promise<void>>,
  described: string[],
  dataDir?: string,
): Promise<string> {
  const script = join(__dirname, '..', '..', 'scripts', 'ferretdb.sh');
  const kept = dataDir ? dataFolder(dataDir, 'ferretdb').dir : undefined;
  // setsid: FerretDB in a session of its own, so the terminal's Ctrl-C does not stop it before the bot.
  const args = [script, 'start', '', ...(kept ? [kept] : [])];
  const out = spawnSync(onPath('setsid') ? 'setsid' : 'bash', onPath('setsid') ? ['bash', ...args] : args, {
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
    await stopPid(Number(vars.FERRETDB_PID));
    if (!kept) rmSync(String(vars.FERRETDB_DIR), { recursive: true, force: true });
  });
  const where = vars.MONGODB_URI.replace('mongodb://', '');
  return note(
    described,
    `MongoDB protocol: FerretDB on ${where} (data: ${vars.FERRETDB_DIR})`,
    vars.MONGODB_URI,
  );
}

/** Stops a process we did not spawn ourselves (FerretDB runs under nohup) and waits until it is gone. */
async function stopPid(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
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

async function stopChild(child: ChildProcess, temporaryDir?: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  if (temporaryDir) rmSync(temporaryDir, { recursive: true, force: true });
}
