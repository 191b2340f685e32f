/**
 * Zalo allows one session per account, held by the bot process: the worker queues Zalo deliveries, and the
 * bot process sends them with its channel's Sender (here zca-js's fake account behind the real Zalo Sender).
 */
import { createZaloSender } from '../../../src/channels/zalo/sender';
import { fixedClock } from '../../../src/shared/clock';
import { useTestStore, ChatBinding, ReminderLog } from '../../helpers/store';
import { FakeZaloServer } from '../../helpers/zalo-fake';
import { eventually } from '../../helpers/wait';
import type { ReminderRuntime } from '../../../jobs/runtime';
import { startZaloDelivery } from '../../../src/app/zalo-delivery';
import { sendWeeklyDigests } from '../../../jobs/weekly-digest';
import { startReminderWorkers, type ReminderWorkers } from '../../../jobs/workers';
import { createTask, logger, seedOrg, startRig, type Rig, type Seed } from './rig';

jest.setTimeout(30_000);
useTestStore(__filename);

const clock = fixedClock(new Date('2025-03-11T08:00:00+07:00'));
const GROUP = '8001234567890';
const LEADERS = '8009999999999';
let rig: Rig;
let seed: Seed;
let zalo: FakeZaloServer;
let worker: ReminderWorkers;
let bot: { close(): Promise<void> };
let workerRt: ReminderRuntime;

beforeAll(async () => {
  rig = await startRig(__filename, clock);
  seed = await seedOrg();
  await ChatBinding.create({
    platform: 'zalo',
    chatId: GROUP,
    title: 'Văn phòng',
    org: seed.org,
    role: 'department',
    department: 'van-phong',
  });
  await ChatBinding.create({
    platform: 'zalo',
    chatId: LEADERS,
    title: 'Lãnh đạo',
    org: seed.org,
    role: 'leaders',
  });
  zalo = new FakeZaloServer({ groups: { [GROUP]: 'Văn phòng', [LEADERS]: 'Lãnh đạo' } });
  // The worker process: Telegram's Sender, and Zalo among the deployment's platforms.
  workerRt = { ...rig.rt, platforms: ['telegram', 'zalo'] };
  worker = startReminderWorkers(workerRt, { stalledIntervalMs: 1_000 });
  // The bot process: only its Zalo deliveries.
  const zaloSender = createZaloSender(zalo.api, { logger, ratePerSecond: 50, burst: 10 });
  // …started exactly as src/app/main.ts starts it in the bot process.
  bot = await startZaloDelivery({
    connection: rig.connection,
    clock,
    calendar: rig.rt.calendar,
    logger,
    sender: zaloSender,
    defaultLocale: 'vi',
    notifyAdmins: rig.rt.notifyAdmins,
    prefix: rig.rt.prefix,
  });
  await worker.ready();
});
afterAll(async () => {
  await bot?.close();
  await worker?.close();
  await rig?.close();
});

describe('Zalo deliveries handed to the bot process', () => {
  it('queues the Zalo group’s reminder in the worker and sends it from the process holding the session', async () => {
    const task = await createTask(seed, { lead: ['van-phong'], end: '2025-03-14', title: 'Báo cáo quý I' });
    await rig.scheduler.syncTask(task.id);
    const [sent] = await zalo.waitForSent(1, 10_000);
    expect(sent?.threadId).toBe(GROUP);
    expect(sent?.text).toContain('Báo cáo quý I');
    expect(sent?.text).toContain(`/xong ${task.number}`);
    // The row is marked sent just after the send returns.
    await eventually(async () =>
      expect(await ReminderLog.find({ task: task.id }).lean()).toEqual([
        expect.objectContaining({
          platform: 'zalo',
          chatId: GROUP,
          state: 'sent',
          messageId: String(sent?.msgId),
        }),
      ]),
    );
  });

  it('hands the weekly digest for a Zalo leaders group over the same way', async () => {
    const before = zalo.sent.length;
    const deliveries = await sendWeeklyDigests(workerRt, { queues: worker.deliveryQueues });
    expect(deliveries.map((d) => [d.platform, d.chatId, d.status])).toEqual([['zalo', LEADERS, 'queued']]);
    // The quarter's chart as a picture with its caption, then the digest's text.
    const all = await zalo.waitForSent(before + 2, 10_000);
    const [chart, text] = all.slice(before);
    expect(chart).toMatchObject({ threadId: LEADERS, text: 'Tiến độ Quý I/2025, tính đến 11/03/2025' });
    expect(chart?.attachment).toMatchObject({ filename: 'chart.png' });
    expect(text?.threadId).toBe(LEADERS);
    expect(text?.text).toContain('Tổng hợp tuần 10/03/2025 – 16/03/2025');
  });
});
