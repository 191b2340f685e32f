/**
 * One service clock for a deployment started with BOT_NOW: the bot process starts at Monday 07:59:30 of
 * service time, the worker 20 s later. Both must agree that 08:00 comes about 30 s after the bot started:
 * the leaders get the Monday digest then, and the department its 08:00 reminder. A worker that started its
 * own clock would be 20 s late; a digest on the machine's cron would never come.
 */
import { setTimeout as pause } from 'node:timers/promises';
import IORedis from 'ioredis';
import { mongoUri, processRedisUrl, withPath } from '../harness/servers';
import { startProcess, type RunningProcess } from '../helpers/bot-process';
import { useTestStore } from '../helpers/store';
import { startEmulator, type Emulator } from '../helpers/telegram-emulator';
import { bindGroup, createTask, seedOrg } from '../integration/reminders/rig';

jest.setTimeout(150_000);
const { dbName } = useTestStore(__filename);

const BOT_NOW = '2025-03-24T07:59:30+07:00'; // a Monday
const LEADERS = '-5009';
const OFFICE = '-5001';

let emulator: Emulator;
const running: RunningProcess[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  const redis = new IORedis(processRedisUrl(__filename));
  await redis.flushdb();
  await redis.quit();
  const seed = await seedOrg();
  await bindGroup(seed, LEADERS, 'leaders');
  await bindGroup(seed, OFFICE, 'department', 'van-phong');
  // Due this very Monday: its "due today" reminder lands at 08:00.
  await createTask(seed, { lead: ['van-phong'], end: '2025-03-24', title: 'Nộp báo cáo quý I' });
});

afterAll(async () => {
  for (const p of running) await p.stop('SIGTERM');
  await emulator?.stop();
});

it('bot and worker started 20 s apart share one clock: digest and reminders at 08:00 of service time', async () => {
  const env = {
    MONGODB_URI: withPath(mongoUri(), `/${dbName}`),
    REDIS_URL: processRedisUrl(__filename),
    TELEGRAM_BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    BOT_NOW,
  };
  const started = Date.now();
  running.push(await startProcess('src/app/main.ts', env, 'BOT_READY'));
  // The scenario itself, not a wait for an outcome: the worker starts 20 s of real time after the bot.
  await pause(20_000 - (Date.now() - started));
  running.push(await startProcess('src/app/worker.ts', env, 'WORKER_READY'));

  const reminder = await emulator.waitForBotMessage(
    OFFICE,
    (m) => /Nộp báo cáo quý I/.test(m.text ?? ''),
    60_000,
  );
  const reminderAfter = (Date.now() - started) / 1000;
  const digest = await emulator.waitForBotMessage(LEADERS, undefined, 60_000);
  const digestAfter = (Date.now() - started) / 1000;

  expect(reminder.text).toMatch(/Nộp báo cáo quý I/);
  // The digest opens with the quarter's chart, its words as the caption.
  expect(digest.caption ?? digest.text).toMatch(/tuần|Tuần|Tiến độ/);
  // 08:00 of service time is 30 s after the bot started (the reminder then waits 5 s for the morning's
  // others to join it); a worker on its own clock would reach 08:00 only 50 s after the bot started.
  for (const after of [reminderAfter, digestAfter]) {
    expect(after).toBeGreaterThanOrEqual(29);
    expect(after).toBeLessThan(50);
  }
});
