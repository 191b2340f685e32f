/**
 * Answering a morning's reminder without typing numbers: a ✅ pressed under an item finishes that task
 * (through the emulator's callback_query, the Telegram adapter and the bot core), the press is answered,
 * the message is edited to say who did it, and one audit record is written; the same press again changes
 * nothing; a supporting department's ✅ is refused with a toast. Replies that name the item ("xong 12",
 * "80% 12"), as Zalo users answer, pick it out of a message of several.
 */
import { createBotCore } from '../../../src/bot/core';
import { createTelegramChannel, type TelegramChannel } from '../../../src/channels/telegram';
import { fixedClock } from '../../../src/shared/clock';
import { officialCalendar } from '../../fixtures/reminders/fixtures';
import { coreDeps } from '../../helpers/core-deps';
import { useTestStore, StatusUpdate, Task } from '../../helpers/store';
import { waitFor } from '../../helpers/wait';
import { replyToBotMessage, type BotMessage } from '../../helpers/telegram-emulator';
import type { ReminderWorkers } from '../../../jobs/workers';
import { bindGroup, createTask, logger, seedOrg, startRig, type Rig, type Seed } from './rig';

jest.setTimeout(60_000);
useTestStore(__filename);

// Tuesday 11/03/2025, 08:00 in Hà Nội.
const clock = fixedClock(new Date('2025-03-11T08:00:00+07:00'));
const LEAD = -1005001;
const SUPPORT = -1005002;
let rig: Rig;
let seed: Seed;
let bot: TelegramChannel;

let workers: ReminderWorkers;
beforeAll(async () => {
  rig = await startRig(__filename, clock);
  seed = await seedOrg('press-org');
  await bindGroup(seed, String(LEAD), 'department', 'van-phong');
  await bindGroup(seed, String(SUPPORT), 'department', 'ho-tro');
  workers = await rig.startWorkers();
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

const member = (chatId: number, userId: number, firstName: string) =>
  rig.emulator.client({ chatId, type: 'supergroup', userId, firstName });

function keyboard(m: BotMessage): string[][] {
  const markup = m.payload.reply_markup as { inline_keyboard?: { callback_data: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).map((row) => row.map((b) => b.callback_data));
}

describe('buttons under a reminder', () => {
  it('✅ finishes the task once, edits the message, and is refused in a supporting unit’s group', async () => {
    // Due tomorrow: the lead's group and the supporting unit's group both get the eve reminder.
    const a = await createTask(seed, {
      lead: ['van-phong'],
      support: ['ho-tro'],
      end: '2025-03-12',
      title: 'Gửi báo cáo tháng 3',
    });
    const b = await createTask(seed, { lead: ['van-phong'], end: '2025-03-12', title: 'Họp giao ban quý' });
    await Promise.all([a, b].map((t) => rig.scheduler.syncTask(t.id)));
    const leadMsg = await rig.emulator.waitForBotMessage(LEAD);
    const supportMsg = await rig.emulator.waitForBotMessage(SUPPORT);
    expect(leadMsg.text).toContain('Nhắc việc hôm nay: 2 việc');
    expect(keyboard(leadMsg).map((row) => row[0])).toEqual([`rm:done:${a.number}`, `rm:done:${b.number}`]);

    // The supporting unit may report progress, not finish: a toast, and nothing changes.
    const refusedId = await rig.emulator.press(
      member(SUPPORT, 720, 'Bình'),
      supportMsg,
      `rm:done:${a.number}`,
    );
    const refused = await rig.emulator.waitForPressAnswer(refusedId);
    expect(refused.text).toContain(`phối hợp việc ${a.number}: báo tiến độ bằng /capnhat ${a.number}`);
    expect(refused.text).toContain('phối hợp');
    expect(await Task.findById(a.id).lean()).toMatchObject({ status: 'open' });
    expect(await StatusUpdate.countDocuments({ task: a.id })).toBe(0);
    expect(rig.emulator.state.edits).toHaveLength(0);

    // The lead's ✅: done, answered, edited, audited once.
    const pressId = await rig.emulator.press(member(LEAD, 611, 'Hà'), leadMsg, `rm:done:${a.number}`);
    const answered = await rig.emulator.waitForPressAnswer(pressId);
    expect(answered.text).toContain(`Hà: #${a.number}`);
    expect(await Task.findById(a.id).lean()).toMatchObject({ status: 'done', progress: 100 });
    const audit = await StatusUpdate.find({ task: a.id }).lean();
    expect(audit).toEqual([expect.objectContaining({ action: 'done', userName: 'Hà', applied: true })]);
    // The press is answered first (the toast shows at once), then the message is edited.
    await waitFor(() => rig.emulator.state.edits.length > 0, 'the reminder to be edited');
    const edited = rig.emulator.current(leadMsg);
    expect(edited.text).toContain('Gửi báo cáo tháng 3');
    expect(edited.text).toContain(`✅ Hà: #${a.number} xong`);
    // The finished item loses its buttons; the other keeps them.
    expect(keyboard(edited).map((row) => row[0])).toEqual([`rm:done:${b.number}`]);

    // The same press again (a double tap, or someone else): nothing changes.
    const againId = await rig.emulator.press(member(LEAD, 612, 'Minh'), leadMsg, `rm:done:${a.number}`);
    expect((await rig.emulator.waitForPressAnswer(againId)).text).toContain(`#${a.number}`);
    expect(await StatusUpdate.countDocuments({ task: a.id })).toBe(1);
    // No chat noise: presses are answered by toasts and edits only, and the second press edits nothing.
    await rig.emulator.expectNoBotMessage(LEAD);
    expect(rig.emulator.state.edits).toHaveLength(1);

    // 📈 50% on the other item reports progress; ⏰ moves its reminders three working days on.
    const halfId = await rig.emulator.press(member(LEAD, 611, 'Hà'), leadMsg, `rm:p50:${b.number}`);
    await rig.emulator.waitForPressAnswer(halfId);
    expect(await Task.findById(b.id).lean()).toMatchObject({ status: 'in_progress', progress: 50 });
    const snoozeId = await rig.emulator.press(member(LEAD, 611, 'Hà'), leadMsg, `rm:snooze:${b.number}`);
    expect((await rig.emulator.waitForPressAnswer(snoozeId)).text).toContain('14/03/2025');
    expect(await Task.findById(b.id).lean()).toMatchObject({
      snoozedFrom: '2025-03-11',
      snoozedUntil: '2025-03-14',
    });
  });

  it('a reply naming the item ("xong 12", "80% 12") answers one item of a message of several', async () => {
    const c = await createTask(seed, {
      lead: ['to-chuc'],
      end: '2025-03-14',
      title: 'Rà soát hồ sơ đảng viên',
    });
    const d = await createTask(seed, { lead: ['to-chuc'], end: '2025-03-14', title: 'Báo cáo thi đua' });
    await bindGroup(seed, '-1005003', 'department', 'to-chuc');
    // Both reminders fan out before the group's delivery runs, however slow the machine: the delivery
    // worker waits until the scheduler's queue has nothing left to fan out. pause() and not pause(true):
    // only the waiting pause cuts the worker's blocking fetch, which could otherwise still hand it the first
    // reminder alone (seen once in CI: a message of one item instead of two).
    const delivery = workers.workers.filter((w) => w.name.startsWith('deliver'));
    await Promise.all(delivery.map((w) => w.pause()));
    // A reminder job may put itself back a moment (delayed) before it fans out, so an empty queue is not
    // proof: each task's reminder is seen queuing its delivery.
    const fannedOut = new Set<string>();
    const onDone = (job: { data?: { taskId?: string } }, result: unknown): void => {
      if ((result as { status?: string } | undefined)?.status === 'queued' && job.data?.taskId)
        fannedOut.add(job.data.taskId);
    };
    const fanning = workers.workers.filter((w) => !w.name.startsWith('deliver'));
    for (const w of fanning) w.on('completed', onDone);
    await Promise.all([c, d].map((t) => rig.scheduler.syncTask(t.id)));
    await waitFor(async () => fannedOut.has(c.id) && fannedOut.has(d.id), 'both reminders to fan out');
    for (const w of fanning) w.off('completed', onDone);
    for (const w of delivery) w.resume();
    const msg = await rig.emulator.waitForBotMessage(-1005003);
    const person = member(-1005003, 630, 'Lan');

    await rig.emulator.sendText(person, 'xong', replyToBotMessage(msg));
    const which = await rig.emulator.waitForBotMessage(-1005003);
    expect(which.text).toContain('Tin nhắc này có 2 việc');

    await rig.emulator.sendText(person, `80% ${d.number}`, replyToBotMessage(msg));
    await rig.emulator.waitForBotMessage(-1005003, (m) => Boolean(m.text?.includes('80%')));
    await rig.emulator.sendText(person, `${c.number} xong`, replyToBotMessage(msg));
    await rig.emulator.waitForBotMessage(-1005003, (m) => Boolean(m.text?.includes('hoàn thành')));
    expect(await Task.findById(c.id).lean()).toMatchObject({ status: 'done' });
    expect(await Task.findById(d.id).lean()).toMatchObject({ status: 'in_progress', progress: 80 });
  });
});
