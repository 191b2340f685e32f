/**
 * The production build as the image runs it: `npm run build`, then dist/, locales/, data/ and
 * package.json staged in a folder of their own (node_modules linked in, as the image installs it), the
 * bot and the worker started there with plain `node` — no tsx, no sources next to them. The bot answers
 * a command in Vietnamese (locales found from dist/), the worker delivers the 08:00 reminder (the holiday
 * table found from dist/), and both stop cleanly on SIGTERM, as an init process forwards it.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import IORedis from 'ioredis';
import { mongoUri, processRedisUrl, withPath } from '../harness/servers';
import { startProcess, type RunningProcess } from '../helpers/bot-process';
import { useTestStore } from '../helpers/store';
import { startEmulator, type Emulator } from '../helpers/telegram-emulator';
import { bindGroup, createTask, seedOrg } from '../integration/reminders/rig';

jest.setTimeout(240_000);
const { dbName } = useTestStore(__filename);

const ROOT = path.join(__dirname, '..', '..');
const BOT_NOW = '2025-03-11T08:00:00+07:00'; // a Tuesday, the reminder hour
const OFFICE = '-6001';

let emulator: Emulator;
let image: string;
const running: RunningProcess[] = [];

beforeAll(async () => {
  await promisify(execFile)('npm', ['run', '-s', 'build'], { cwd: ROOT, timeout: 180_000 });
  // What the Dockerfile's last stage holds.
  image = await mkdtemp(path.join(tmpdir(), 'lmhtx-image-'));
  for (const part of ['dist', 'locales', 'data', 'package.json'])
    await cp(path.join(ROOT, part), path.join(image, part), { recursive: true });
  await symlink(path.join(ROOT, 'node_modules'), path.join(image, 'node_modules'), 'dir');

  emulator = await startEmulator();
  const redis = new IORedis(processRedisUrl(__filename));
  await redis.flushdb();
  await redis.quit();
  const seed = await seedOrg();
  await bindGroup(seed, OFFICE, 'department', 'van-phong');
  // Due on Friday 14/03: its "due soon" reminder is due at 08:00 on Tuesday, the service clock's now.
  await createTask(seed, { lead: ['van-phong'], end: '2025-03-14', title: 'Báo cáo quý I' });
}, 240_000);

afterAll(async () => {
  for (const p of running) await p.stop('SIGTERM');
  await emulator?.stop();
  if (image) await rm(image, { recursive: true, force: true });
});

it('starts the built bot and worker with plain node: the bot answers, the worker sends the 08:00 reminder, both stop cleanly', async () => {
  const env = {
    MONGODB_URI: withPath(mongoUri(), `/${dbName}`),
    REDIS_URL: processRedisUrl(__filename),
    TELEGRAM_BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    BOT_NOW,
    NODE_ENV: 'production',
  };
  const bot = await startProcess(path.join(image, 'dist/app/main.js'), env, 'BOT_READY', 60_000);
  running.push(bot);
  const worker = await startProcess(path.join(image, 'dist/app/worker.js'), env, 'WORKER_READY', 60_000);
  running.push(worker);

  const client = emulator.client({ chatId: Number(OFFICE), type: 'supergroup', chatTitle: 'Văn phòng' });
  await emulator.sendText(client, '/help');
  const help = await emulator.waitForBotMessage(OFFICE, (m) => !/Báo cáo quý I/.test(m.text ?? ''), 30_000);
  expect(help.text).toMatch(/\/done/);
  expect(help.text).toMatch(/việc/i);

  const reminder = await emulator.waitForBotMessage(
    OFFICE,
    (m) => /Báo cáo quý I/.test(m.text ?? ''),
    60_000,
  );
  expect(reminder.text).toContain('Hạn: Thứ Sáu, 14/03/2025 — còn 3 ngày làm việc');

  expect(await worker.stop('SIGTERM')).toBe(0);
  expect(await bot.stop('SIGTERM')).toBe(0);
  expect(bot.output() + worker.output()).not.toMatch(/tsx|Cannot find module|ENOENT/);
});
