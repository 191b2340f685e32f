/**
 * The morning the issue was filed about, end to end: the real bot and worker processes, the Telegram Bot
 * API emulator, the five shipped plans seeded with the service clock at Wednesday 26/03/2025 07:59
 * (BOT_NOW), three Hải Phòng groups linked. At 08:00 each group gets at most one message; the campaign
 * peak reminder for Phòng Thông tin và Tuyên truyền is in it; nothing of a plan that had ended before it
 * was loaded is. Then its ✅ is pressed: the task is finished, the press answered, the message edited, one
 * audit record written; pressed again, nothing changes.
 */
import path from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { deliveryQueueName, REMINDER_QUEUE } from '../../src/scheduler/reminder-queue';
import { extractText } from '../../src/import/extract-text';
import { importPlanFile } from '../../src/import/import-plan';
import { upsertOrgDirectory } from '../../src/store/org-repository';
import { loadPlan } from '../../src/store/plan-loader';
import { orgDirectory } from '../../scripts/org-directory';
import { mongoUri, processRedisUrl, withPath } from '../harness/servers';
import { startProcess, type RunningProcess } from '../helpers/bot-process';
import { useTestStore, ChatBinding, Organisation, ReminderLog, StatusUpdate, Task } from '../helpers/store';
import { startEmulator, type BotMessage, type Emulator } from '../helpers/telegram-emulator';
import { staysQuiet, waitFor } from '../helpers/wait';
import { skipServiceClockTo } from '../helpers/service-clock';

jest.setTimeout(240_000);
const { dbName } = useTestStore(__filename);

const BOT_NOW = '2025-03-26T07:59:00+07:00';
const GROUPS = {
  'thong-tin-tuyen-truyen': -1002000000001,
  'kiem-tra-to-chuc-thanh-vien': -1002000000002,
  leaders: -1002000000003,
} as const;

/**
 * Until the worker has nothing left to do this morning: no reminder job waiting or running, and no
 * delivery job at all (a delayed one is a collect window or a retry's back-off, i.e. a message to come),
 * three polls in a row. The reminder queue's delayed jobs are later mornings'.
 */
async function workerIdle(): Promise<void> {
  const reminders = new Queue(REMINDER_QUEUE, { connection: redis });
  const deliveries = new Queue(deliveryQueueName('telegram'), { connection: redis });
  try {
    let quietPolls = 0;
    await waitFor(
      async () => {
        const [r, d] = await Promise.all([
          reminders.getJobCounts('active', 'wait', 'prioritized'),
          deliveries.getJobCounts('active', 'wait', 'prioritized', 'delayed'),
        ]);
        const busy = [...Object.values(r), ...Object.values(d)].some((n) => n > 0);
        quietPolls = busy ? 0 : quietPolls + 1;
        return quietPolls >= 3;
      },
      'the worker to go idle',
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  } finally {
    await Promise.all([reminders.close(), deliveries.close()]);
  }
}

let emu: Emulator;
let redis: IORedis;
const running: RunningProcess[] = [];

beforeAll(async () => {
  redis = new IORedis(processRedisUrl(__filename), { maxRetriesPerRequest: null });
  await redis.flushdb();
  // As `npm run seed` does with BOT_NOW set: the load time is the service clock's.
  const directory = orgDirectory();
  for (const [slug, entry] of Object.entries(directory)) {
    await upsertOrgDirectory(slug, entry);
    for (const seed of entry.seeds ?? []) {
      const file = path.join(__dirname, '..', '..', 'data', 'seeds', seed);
      const draft = await importPlanFile(file, { org: slug, directory });
      await loadPlan(draft, await extractText(file), seed, new Date(BOT_NOW));
    }
  }
  const org = await Organisation.findOne({ slug: 'hai-phong' }).lean();
  for (const [dept, chatId] of Object.entries(GROUPS)) {
    await ChatBinding.create({
      platform: 'telegram',
      chatId: String(chatId),
      title: dept,
      org: org?._id,
      role: dept === 'leaders' ? 'leaders' : 'department',
      department: dept === 'leaders' ? null : dept,
    });
  }
  emu = await startEmulator();
  const env = {
    MONGODB_URI: withPath(mongoUri(), `/${dbName}`),
    REDIS_URL: processRedisUrl(__filename),
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

describe('Wednesday 26/03/2025 at 08:00', () => {
  let peak: BotMessage;

  it('each linked group gets at most one message; the campaign peak is in Thông tin’s; nothing of a past plan', async () => {
    await skipServiceClockTo(BOT_NOW, '2025-03-26T07:59:50+07:00');
    peak = await emu.waitForBotMessage(GROUPS['thong-tin-tuyen-truyen'], undefined, 120_000);
    // A second message would be a delivery job still queued (collect window, retry): wait them out.
    await workerIdle();
    for (const chatId of Object.values(GROUPS)) expect(emu.botMessages(chatId).length).toBeLessThanOrEqual(1);
    expect(peak.text).toContain('Chuẩn bị đợt cao điểm');
    expect(peak.text).toContain('Cao điểm');
    expect(peak.text).toContain('29/03/2025');

    // Every item sent that morning, in any group: none ended before its plan was loaded (26/03/2025).
    const rows = await ReminderLog.find({ state: 'sent' }).lean();
    expect(rows.length).toBeGreaterThan(0);
    const tasks = await Task.find({ _id: { $in: rows.map((r) => r.task) } }, 'end loadedAt').lean();
    for (const t of tasks) expect((t.end ?? '9999') >= '2025-03-26').toBe(true);
    // The 2024 plans were loaded too, and are simply quiet.
    expect(await Task.countDocuments({ end: { $lt: '2025-01-01' } })).toBeGreaterThan(0);
  });

  it('✅ under it finishes the task once, answers the press, edits the message; a second press changes nothing', async () => {
    const chatId = GROUPS['thong-tin-tuyen-truyen'];
    const markup = peak.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] };
    const done = markup.inline_keyboard[0]?.[0]?.callback_data ?? '';
    expect(done).toMatch(/^rm:done:\d+$/);
    const number = Number(done.split(':')[2]);
    const person = emu.client({ chatId, type: 'supergroup', userId: 501, firstName: 'Lan' });

    const first = await emu.press(person, peak, done);
    expect((await emu.waitForPressAnswer(first, 15_000)).text).toContain(`Lan: #${number}`);
    const task = await Task.findOne({ number, status: 'done' }).lean();
    expect(task).not.toBeNull();
    expect(await StatusUpdate.countDocuments({ task: task?._id })).toBe(1);
    // The press is answered first (the toast shows at once), then the message is edited.
    await waitFor(() => emu.state.edits.length > 0, 'the reminder to be edited');
    expect(emu.current(peak).text).toContain(`✅ Lan: #${number}`);

    const second = await emu.press(person, peak, done);
    await emu.waitForPressAnswer(second, 15_000);
    await staysQuiet(() => emu.state.edits.length > 1, 'second edit');
    expect(await StatusUpdate.countDocuments({ task: task?._id })).toBe(1);
  });
});
