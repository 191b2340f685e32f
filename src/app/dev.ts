/**
 * `npm run dev`: the whole product on a laptop, in one terminal. Finds or starts the stores (see
 * local-servers.ts; data kept under .data/ so tomorrow's run finds today's tasks), loads the shipped plans
 * on the first run, starts the reminder worker and — when .env has their settings — the Telegram/Zalo bot
 * process, then opens the console chat in the leaders' group of the first shipped organisation.
 * Ctrl-C (or :quit) stops everything it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { startServers } from './local-servers';
import { parseConfig, ConfigError } from './config';
import { startBotService, type BotService } from './bot-service';
import { runConsole } from '../channels/console/console-channel';
import { anyPlanLoaded } from '../store/plan-reads';
import { bindChat } from '../store/binding-repository';
import { findOrgBySlug, listDepartments } from '../store/org-repository';

const ROOT = path.join(__dirname, '..', '..');
const say = (line: string): void => void process.stdout.write(`${line}\n`);
/** Paths inside the project are shown relative to it, others in full. */
const shown = (p: string): string => (p.startsWith(ROOT + path.sep) ? path.relative(ROOT, p) : p);

/** The console's groups: the leaders' group plus one per department of this organisation. */
const CONSOLE_ORG = 'hai-phong';
const LEADERS_GROUP = 'lanh-dao';
/** The console opens in a department's group, where /tasks has something to show at once. */
const FIRST_GROUP = 'van-phong';

interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<void>;
}

async function main(): Promise<void> {
  loadDotenv({ path: path.join(ROOT, '.env'), quiet: true });
  const dataDir = path.resolve(ROOT, process.env.DEV_DATA_DIR || '.data');
  const logDir = path.join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });

  say('lmhtx-bot dev: chuẩn bị máy chủ dữ liệu / starting the stores…');
  const servers = await startServers({ dataDir });
  const children: Child[] = [];
  let service: BotService | undefined;
  let stopping: Promise<void> | undefined;
  const stopAll = (): Promise<void> =>
    (stopping ??= (async () => {
      say('\nĐang dừng / stopping…');
      await service?.stop().catch(() => undefined);
      await Promise.all(children.map((c) => stopChild(c)));
      await servers.stop();
      say('Đã dừng / stopped.');
    })());
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));

  try {
    const env = { ...process.env, MONGODB_URI: withDb(servers.mongoUri), REDIS_URL: servers.redisUrl };
    const config = parseConfig(env);
    for (const line of servers.described) say(`  ${line}`);

    service = await startBotService(
      // The console runs here; Telegram and Zalo run in the bot process below, which owns their sessions.
      {
        ...config,
        telegram: { apiRoot: config.telegram.apiRoot },
        zalo: {},
        admins: [...config.admins, 'console:admin'],
        logLevel: 'warn',
      },
    );
    if (!(await anyPlanLoaded())) {
      say('  Lần chạy đầu: nạp các kế hoạch mẫu / first run: loading the shipped plans…');
      await runToEnd('seed', ['scripts/seed.ts'], env, logDir);
    }
    await bindConsoleGroups();

    children.push(await startChild('worker', ['src/app/worker.ts'], env, logDir, 'WORKER_READY'));
    say(`  Nhắc việc / reminder worker: chạy / running (log: ${shown(logDir)}/worker.log)`);
    if (config.telegram.token || config.zalo.credentialsFile) {
      children.push(await startChild('bot', ['src/app/main.ts'], env, logDir, 'BOT_READY'));
      const on = [config.telegram.token && 'Telegram', config.zalo.credentialsFile && 'Zalo'].filter(Boolean);
      say(`  Bot ${on.join(' + ')}: chạy / running (log: ${shown(logDir)}/bot.log)`);
    } else {
      say('  Telegram/Zalo: chưa cấu hình trong .env / not configured in .env (console only)');
    }
    say(
      `  Dữ liệu / data: ${shown(dataDir)}  ·  Ctrl-C hoặc :quit để dừng / to stop`,
    );
    say(`  Nhóm console: ${FIRST_GROUP} (Văn phòng); :group ${LEADERS_GROUP} là nhóm lãnh đạo / the leaders' group`);

    await runConsole({
      core: service.core,
      input: process.stdin,
      output: process.stdout,
      group: FIRST_GROUP,
      prompt: process.env.DEV_PROMPT || '› ',
    });
  } catch (err) {
    const message = err instanceof ConfigError || err instanceof Error ? err.message : String(err);
    process.stderr.write(`Lỗi / error: ${message}\n`);
    await stopAll();
    process.exit(1);
  }
  await stopAll();
  process.exit(0);
}

/** A server URI without a database gets the product's own, so dev data never mixes with test data. */
function withDb(uri: string): string {
  return /^mongodb(\+srv)?:\/\/[^/]+\/[^?]+/.test(uri) ? uri : `${uri.replace(/\/?$/, '')}/lmhtx`;
}

/** So that `/tasks` answers in the console at once: its groups are linked like real ones would be. */
async function bindConsoleGroups(): Promise<void> {
  const org = await findOrgBySlug(CONSOLE_ORG);
  if (!org) return;
  const base = { platform: 'console' as const, org: org.id, boundBy: 'console:admin' };
  await bindChat({ ...base, chatId: LEADERS_GROUP, title: 'Lãnh đạo', role: 'leaders', department: null });
  for (const d of await listDepartments(org.id))
    await bindChat({ ...base, chatId: d.slug, title: d.name, role: 'department', department: d.slug });
}

function spawnTs(name: string, args: string[], env: NodeJS.ProcessEnv, logDir: string): ChildProcess {
  const log = createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env,
    // Its own process group: Ctrl-C reaches dev only, which then stops the children in order.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function runToEnd(name: string, args: string[], env: NodeJS.ProcessEnv, logDir: string): Promise<void> {
  const child = spawnTs(name, args, env, logDir);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${name} failed (exit ${code}); see ${path.join(logDir, `${name}.log`)}`);
}

async function startChild(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logDir: string,
  ready: string,
): Promise<Child> {
  const child = spawnTs(name, args, env, logDir);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${name} not ready after 60 s; see its log`)), 60_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready; see ${path.join(logDir, `${name}.log`)}`));
    });
  });
  return { name, process: child, exited };
}

async function stopChild(c: Child): Promise<void> {
  if (c.process.exitCode !== null || c.process.signalCode !== null) return;
  c.process.kill('SIGTERM');
  const killed = setTimeout(() => c.process.kill('SIGKILL'), 15_000);
  await c.exited;
  clearTimeout(killed);
}

void main();
