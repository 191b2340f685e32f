/**
 * The loop people actually use: a reminder arrives in the group, someone answers it with a reply
 * ("xong", "80%"), and that updates the reminder's task — worker, bot core and Telegram adapter together,
 * over HTTP to the emulator.
 */
import { createBotCore } from '../../../src/bot/core';
import { createTelegramChannel, type TelegramChannel } from '../../../src/channels/telegram';
import { fixedClock } from '../../../src/shared/clock';
import { officialCalendar } from '../../fixtures/reminders/fixtures';
import { coreDeps } from '../../helpers/core-deps';
import { useTestStore, StatusUpdate, Task } from '../../helpers/store';
import { replyToBotMessage } from '../../helpers/telegram-emulator';
import { bindGroup, createTask, logger, seedOrg, startRig, type Rig, type Seed } from './rig';

jest.setTimeout(60_000);
useTestStore(__filename);

// Tuesday 11/03/2025, 08:00 in Hà Nội: the reminder hour.
const clock = fixedClock(new Date('2025-03-11T08:00:00+07:00'));
const GROUP = -1004001;
let rig: Rig;
let seed: Seed;
let bot: TelegramChannel;

beforeAll(async () => {
  rig = await startRig(__filename, clock);
  seed = await seedOrg('reply-org');
  await bindGroup(seed, String(GROUP), 'department', 'van-phong');
  await rig.startWorkers();
  bot = createTelegramChannel({
    token: rig.emulator.token,
    apiRoot: rig.emulator.apiRoot,
    core: createBotCore(coreDeps('telegram', { clock, calendar: officialCalendar })),
    logger,
  });
  await bot.start();
});
afterAll(async () => {
  await bot?.stop();
  await rig?.close();
});

async function reminderFor(number: number) {
  return rig.emulator.waitForBotMessage(GROUP, (m) => Boolean(m.text?.includes(`/xong ${number}`)), 10_000);
}

function person() {
  return rig.emulator.client({
    chatId: GROUP,
    type: 'supergroup',
    chatTitle: 'Văn phòng',
    userId: 611,
    firstName: 'Hà',
  });
}

describe('answering a reminder by replying to it', () => {
  it('"80%" reports progress on that task, and "xong" finishes it', async () => {
    const task = await createTask(seed, { lead: ['van-phong'], end: '2025-03-14', title: 'Báo cáo quý I' });
    await rig.scheduler.syncTask(task.id);
    const reminder = await reminderFor(task.number);

    await rig.emulator.sendText(person(), '80% đã có số liệu', replyToBotMessage(reminder));
    const ack = await rig.emulator.waitForBotMessage(GROUP, (m) => Boolean(m.text?.includes('tiến độ')));
    expect(ack.text).toContain(`Việc số ${task.number}: tiến độ 0% → 80%`);
    expect(await Task.findById(task.id).lean()).toMatchObject({ status: 'in_progress', progress: 80 });

    await rig.emulator.sendText(person(), 'Xong rồi ạ', replyToBotMessage(reminder));
    const done = await rig.emulator.waitForBotMessage(GROUP, (m) => Boolean(m.text?.includes('hoàn thành')));
    expect(done.text).toContain(`Đã ghi nhận việc số ${task.number} hoàn thành`);
    expect(await Task.findById(task.id).lean()).toMatchObject({ status: 'done', progress: 100 });
    expect(await StatusUpdate.countDocuments({ task: task.id })).toBe(2);
  });

  it('keeps any other answer as a note on the task instead of dropping it', async () => {
    const task = await createTask(seed, { lead: ['van-phong'], end: '2025-03-14', title: 'Hồ sơ thi đua' });
    await rig.scheduler.syncTask(task.id);
    const reminder = await reminderFor(task.number);
    await rig.emulator.sendText(person(), 'Đang chờ Sở Nội vụ trả lời', replyToBotMessage(reminder));
    const ack = await rig.emulator.waitForBotMessage(GROUP, (m) => Boolean(m.text?.includes('ghi chú')));
    expect(ack.text).toContain(`Đã ghi nhận ghi chú cho việc số ${task.number}`);
    const saved = await Task.findById(task.id).lean();
    expect(saved).toMatchObject({ status: 'open', progress: 0 });
    expect(saved?.history.at(-1)?.note).toBe('Đang chờ Sở Nội vụ trả lời');
  });
});
