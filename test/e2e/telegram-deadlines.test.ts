/**
 * Asking for more time, end to end: the real bot (src/app/main.ts) and worker (src/app/worker.ts) against the
 * local Telegram Bot API emulator. On Monday 16/06/2025 at 08:00 the planning department is reminded of
 * task 4 (due 30/06); it asks for more time by command (the leaders refuse by button) and by the ⏳ button
 * under the reminder (the leaders approve by button); the department is told each answer, and the task's
 * reminders move to the approved deadline at once. A blocker reaches the leaders' group within a second.
 */
import IORedis from 'ioredis';
import { DEFAULT_PREFIX, taskIndexKey } from '../../src/scheduler/reminder-queue';
import { mongoUri, redisUrl } from '../harness/servers';
import { startProcess, type RunningProcess } from '../helpers/bot-process';
import { seedScenario } from '../helpers/scenario';
import { useTestStore, ChatBinding, Organisation, Task } from '../helpers/store';
import {
  replyToBotMessage,
  startEmulator,
  type BotMessage,
  type Emulator,
} from '../helpers/telegram-emulator';

jest.setTimeout(240_000);
const { dbName } = useTestStore(__filename);

const BOT_NOW = '2025-06-16T07:59:00+07:00';
const REDIS_DB = 13;
const PLANNING = -1003000000001;
const LEADERS = -1003000000003;

function withPath(url: string, pathname: string): string {
  const u = new URL(url);
  u.pathname = pathname;
  return u.toString().replace(/\/$/, '');
}
const buttonsOf = (m: BotMessage): string[] =>
  (
    (m.payload.reply_markup as { inline_keyboard?: { callback_data: string }[][] } | undefined)
      ?.inline_keyboard ?? []
  )
    .flat()
    .map((b) => b.callback_data);

let emu: Emulator;
let redis: IORedis;
const running: RunningProcess[] = [];

async function queuedDays(taskId: string): Promise<string[]> {
  const keys = await redis.smembers(taskIndexKey(DEFAULT_PREFIX, taskId));
  const present = await Promise.all(
    keys.map(async (k) => ((await redis.exists(`${DEFAULT_PREFIX}:reminders:${k}`)) ? k : null)),
  );
  return present
    .filter((k): k is string => k !== null)
    .map((k) => k.slice(-10))
    .sort();
}

beforeAll(async () => {
  redis = new IORedis(withPath(redisUrl(), `/${REDIS_DB}`), { maxRetriesPerRequest: null });
  await redis.flushdb();
  await seedScenario();
  const org = await Organisation.findOne({ slug: 'hai-phong' }).lean();
  await ChatBinding.create([
    {
      platform: 'telegram',
      chatId: String(PLANNING),
      title: 'Phòng KH-TH',
      org: org?._id,
      role: 'department',
      department: 'ke-hoach-tong-hop',
    },
    {
      platform: 'telegram',
      chatId: String(LEADERS),
      title: 'Thường trực',
      org: org?._id,
      role: 'leaders',
      department: null,
    },
  ]);
  emu = await startEmulator();
  const env = {
    MONGODB_URI: withPath(mongoUri(), `/${dbName}`),
    REDIS_URL: withPath(redisUrl(), `/${REDIS_DB}`),
    TELEGRAM_BOT_TOKEN: emu.token,
    TELEGRAM_API_ROOT: emu.apiRoot,
    BOT_ADMINS: 'telegram:900',
    BOT_NOW,
  };
  running.push(await startProcess('src/app/worker.ts', env, 'WORKER_READY', 60_000));
  running.push(await startProcess('src/app/main.ts', env, 'BOT_READY', 60_000));
}, 150_000);

afterAll(async () => {
  for (const p of running.reverse()) await p.stop('SIGTERM');
  await redis?.flushdb();
  await redis?.quit();
  await emu?.stop();
});

describe('extensions through Telegram', () => {
  const lan = () => emu.client({ chatId: PLANNING, type: 'supergroup', userId: 501, firstName: 'Lan' });
  const chair = () => emu.client({ chatId: LEADERS, type: 'supergroup', userId: 503, firstName: 'Chủ tịch' });
  let reminder: BotMessage;

  it('the reminder of task 4 carries ⏳ Xin gia hạn', async () => {
    reminder = await emu.waitForBotMessage(PLANNING, (m) => buttonsOf(m).includes('rm:extend:4'), 120_000);
    expect(reminder.text).toContain('Đánh giá kết quả công tác Quý II');
  });

  it('by command: the leaders get it with buttons and refuse it; the department is told', async () => {
    await emu.sendText(lan(), '/giahan@TestNameBot 4 15/7 chờ số liệu của các huyện');
    expect(
      (await emu.waitForBotMessage(PLANNING, (m) => Boolean(m.text?.includes('Đã gửi lãnh đạo')))).text,
    ).toMatch(/30\/06\/2025 → 15\/07\/2025/);
    const request = await emu.waitForBotMessage(LEADERS, (m) =>
      Boolean(m.text?.includes('xin gia hạn việc số 4')),
    );
    expect(buttonsOf(request)).toEqual(['ex:ok:4', 'ex:no:4']);
    const id = await emu.press(chair(), request, 'ex:no:4');
    expect((await emu.waitForPressAnswer(id, 15_000)).text).toMatch(/Không đồng ý gia hạn việc số 4/);
    expect(
      (await emu.waitForBotMessage(PLANNING, (m) => Boolean(m.text?.includes('không đồng ý')))).text,
    ).toMatch(/hạn vẫn là 30\/06\/2025/);
    expect(await Task.findOne({ number: 4 }).lean()).toMatchObject({ end: '2025-06-30', extensions: [] });
  });

  it('by the ⏳ button: the prompt, a reply with the date; approved by button; reminders move at once', async () => {
    const task = (await Task.findOne({ number: 4 }).lean())!;
    const before = await queuedDays(String(task._id));
    expect(before).toContain('2025-06-25');

    const id = await emu.press(lan(), reminder, 'rm:extend:4');
    await emu.waitForPressAnswer(id, 15_000);
    const prompt = await emu.waitForBotMessage(PLANNING, (m) =>
      Boolean(m.text?.includes('⏳ Xin gia hạn việc số 4')),
    );
    await emu.sendText(lan(), '31/7 chờ kết quả kiểm tra', replyToBotMessage(prompt));
    await emu.waitForBotMessage(PLANNING, (m) => Boolean(m.text?.includes('30/06/2025 → 31/07/2025')));
    const request = await emu.waitForBotMessage(LEADERS, (m) => Boolean(m.text?.includes('31/07/2025')));
    const press = await emu.press(chair(), request, 'ex:ok:4');
    expect((await emu.waitForPressAnswer(press, 15_000)).text).toMatch(
      /Đã đồng ý gia hạn việc số 4 đến 31\/07\/2025/,
    );
    expect(
      (await emu.waitForBotMessage(PLANNING, (m) => Boolean(m.text?.includes('đồng ý gia hạn')))).text,
    ).toMatch(/đến 31\/07\/2025/);
    expect(await Task.findOne({ number: 4 }).lean()).toMatchObject({
      end: '2025-07-31',
      originalEnd: '2025-06-30',
    });
    const after = await queuedDays(String(task._id));
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((d) => d <= '2025-06-30')).toEqual([]);

    await emu.sendText(chair(), '/task@TestNameBot 4');
    expect(
      (await emu.waitForBotMessage(LEADERS, (m) => Boolean(m.text?.includes('Việc số 4')))).text,
    ).toMatch(/gia hạn 1 lần, hạn gốc 30\/06\/2025/);
  });

  it('a blocker reaches the leaders’ group within a second, with its buttons', async () => {
    const sent = Date.now();
    await emu.sendText(lan(), '/vuong@TestNameBot 1 chưa có kinh phí');
    const post = await emu.waitForBotMessage(
      LEADERS,
      (m) => Boolean(m.text?.includes('vướng mắc ở việc số 1')),
      5_000,
    );
    expect(Date.now() - sent).toBeLessThan(1_000);
    expect(buttonsOf(post)).toEqual(['bk:ext:1', 'bk:lead:1', 'bk:seen:1']);
  });
});
