/**
 * Fewer reminders, on purpose and by design: /mute stops a group's reminders until /unmute and the leaders'
 * digest names the group; /snooze moves one task's reminders a few working days (never onto a weekend or
 * holiday); a task whose end had passed when its plan was loaded is never reminded, only counted as
 * "tồn đọng" in the digest.
 */
import { createBotCore } from '../../../src/bot/core';
import { plainText, type BotCore } from '../../../src/bot/messages';
import { fixedClock } from '../../../src/shared/clock';
import { officialCalendar } from '../../fixtures/reminders/fixtures';
import { coreDeps } from '../../helpers/core-deps';
import { useTestStore, Task } from '../../helpers/store';
import { buildWeeklyDigest } from '../../../jobs/weekly-digest';
import { renderDigest } from '../../../src/bot/digest-message';
import { bindGroup, createTask, seedOrg, startRig, type Rig, type Seed } from './rig';

jest.setTimeout(60_000);
useTestStore(__filename);

// Thursday 27/03/2025, 08:00.
const clock = fixedClock(new Date('2025-03-27T08:00:00+07:00'));
const MUTED = '-6001';
const LEADERS = '-6009';
let rig: Rig;
let seed: Seed;
let core: BotCore;

beforeAll(async () => {
  rig = await startRig(__filename, clock);
  seed = await seedOrg('quiet-org');
  await bindGroup(seed, MUTED, 'department', 'van-phong');
  await bindGroup(seed, LEADERS, 'leaders');
  await rig.startWorkers();
  core = createBotCore(
    coreDeps('telegram', {
      clock,
      calendar: officialCalendar,
      onTaskChanged: async (id) => {
        await rig.scheduler.syncTask(id);
      },
    }),
  );
});
afterAll(async () => {
  await rig?.close();
});

let seq = 0;
async function say(chatId: string, text: string): Promise<string> {
  const replies = await core.handle({
    platform: 'telegram',
    chat: { id: chatId, isGroup: true },
    user: { id: '611', name: 'Hà' },
    messageId: `q-${++seq}`,
    text,
  });
  return replies.map(plainText).join('\n');
}

describe('quiet on purpose', () => {
  it('/mute stops the group’s reminders, the digest says so, /unmute starts them again', async () => {
    expect(await say(MUTED, '/tatnhac')).toContain('Đã tắt nhắc việc');
    expect(await say(MUTED, '/mute')).toContain('đã tắt nhắc việc từ 27/03/2025');
    const task = await createTask(seed, {
      lead: ['van-phong'],
      end: '2025-04-01',
      title: 'Báo cáo chuyên đề',
    });
    await rig.scheduler.syncTask(task.id);
    await rig.idle();
    await rig.emulator.expectNoBotMessage(MUTED);

    const digest = renderDigest(
      await buildWeeklyDigest(seed.org, '2025-03-31', 'Asia/Ho_Chi_Minh', officialCalendar),
      'vi',
    );
    expect(plainText(digest[0]!)).toContain(`Nhóm ${MUTED} (đã tắt nhắc việc)`);

    expect(await say(MUTED, '/unmute')).toContain('Đã bật lại nhắc việc');
    const again = await createTask(seed, {
      lead: ['van-phong'],
      end: '2025-04-01',
      title: 'Báo cáo chuyên đề 2',
    });
    await rig.scheduler.syncTask(again.id);
    const msg = await rig.emulator.waitForBotMessage(MUTED);
    expect(msg.text).toContain('Báo cáo chuyên đề 2');
  });

  it('/snooze 12 3 moves the task’s reminders three working days, over the weekend', async () => {
    const task = await createTask(seed, {
      lead: ['to-chuc'],
      end: '2025-03-28',
      title: 'Nộp kế hoạch quý II',
    });
    const text = await say(LEADERS, `/hoan ${task.number} 3`);
    // Thursday + 3 working days = Tuesday 01/04 (Saturday and Sunday skipped).
    expect(text).toContain(`Việc số ${task.number}: tạm hoãn nhắc đến 01/04/2025`);
    const saved = await Task.findById(task.id).lean();
    expect(saved).toMatchObject({ snoozedFrom: '2025-03-27', snoozedUntil: '2025-04-01' });
    const jobs = await rig.scheduler.queue.getDelayed();
    const days = jobs
      .filter((j) => j.data && 'taskId' in j.data && j.data.taskId === task.id)
      .map((j) => j.id);
    // The eve (27/03) and the day (28/03) moved to 01/04, where the overdue chain's first morning also lands.
    expect(days.some((id) => id?.endsWith('_2025-04-01'))).toBe(true);
    expect(days.some((id) => id?.endsWith('_2025-03-28'))).toBe(false);

    expect(await say(LEADERS, `/snooze ${task.number} 90`)).toContain('từ 1 đến 20');
    expect(await say(LEADERS, '/snooze')).toContain('/hoan 12 3');
    expect((await Task.findById(task.id).lean())?.snoozedUntil).toBe('2025-04-01');
  });

  it('never reminds a task already past when its plan was loaded; the digest counts it as tồn đọng', async () => {
    const old = await createTask(seed, {
      lead: ['van-phong'],
      end: '2024-12-31',
      title: 'Việc của kế hoạch 2024',
    });
    await Task.updateOne({ _id: old.id }, { $set: { loadedAt: clock.now() } });
    expect(await rig.scheduler.syncTask(old.id)).toEqual({ planned: 0, added: 0, removed: 0 });
    const input = await buildWeeklyDigest(seed.org, '2025-03-31', 'Asia/Ho_Chi_Minh', officialCalendar);
    expect(input.backlog).toBe(1);
    const text = plainText(renderDigest(input, 'vi')[0]!);
    expect(text).toContain('Tồn đọng từ kế hoạch cũ');
    expect(text).not.toContain('Việc của kế hoạch 2024');
    // Still there for anyone who asks.
    expect(await say(LEADERS, '/overdue')).toContain('Việc của kế hoạch 2024');
  });
});
