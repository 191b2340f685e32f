import { fixedClock } from '../../../src/shared/clock';
import { deliveryJobId, keyLocalDate } from '../../../src/scheduler/reminder-queue';
import { planTask, type PlannableTask } from '../../../src/scheduler/task-plans';
import { officialCalendar } from '../../fixtures/reminders/fixtures';
import { useTestStore, ChatBinding, ReminderLog, Task } from '../../helpers/store';
import type { ReminderWorkers } from '../../../jobs/workers';
import { bindGroup, createTask, seedOrg, startRig, type Rig, type Seed } from './rig';

jest.setTimeout(60_000);
useTestStore(__filename);

const clock = fixedClock(new Date('2025-03-11T08:00:00+07:00'));
let rig: Rig;
let seed: Seed;
let workers: ReminderWorkers;

beforeAll(async () => {
  // No retries inside the Sender: a 429 reaches the queue, whose handling is under test here.
  rig = await startRig(__filename, clock, { maxRetryAttempts: 0 });
  seed = await seedOrg();
  await bindGroup(seed, '-2001', 'department', 'van-phong');
  await bindGroup(seed, '-2002', 'department', 'to-chuc');
  await bindGroup(seed, '-2003', 'department', 'ho-tro');
  workers = await rig.startWorkers();
});
afterAll(async () => {
  await rig?.close();
});

async function dueNowKey(taskId: string): Promise<string> {
  const doc = await Task.findById(taskId).lean<PlannableTask>();
  const first = doc ? planTask(doc, {}, clock.now(), officialCalendar)[0] : undefined;
  if (!first || first.at.getTime() !== clock.now().getTime()) throw new Error('fixture: no reminder due now');
  return first.key;
}

const sends = (status: number): number =>
  rig.emulator.state.calls.filter((c) => c.method === 'sendMessage' && c.status === status).length;

describe('delivery failures', () => {
  it('a group that removed the bot is marked unreachable, reported once, not retried; the other group still gets it', async () => {
    rig.emulator.state.kicked.add('-2002');
    const task = await createTask(seed, {
      lead: ['van-phong', 'to-chuc'],
      end: '2025-03-14',
      title: 'Kiểm tra HTX',
    });
    const key = await dueNowKey(task.id);
    await rig.scheduler.syncTask(task.id);

    const msg = await rig.emulator.waitForBotMessage('-2001');
    expect(msg.text).toContain('Kiểm tra HTX');
    await rig.idle();
    // Longer than the first retry's back-off (5 s) would be, had the failure been retried.
    await new Promise((r) => setTimeout(r, 6_000));
    await rig.idle();

    expect(sends(403)).toBe(1);
    const binding = await ChatBinding.findOne({ platform: 'telegram', chatId: '-2002' }).lean();
    expect(binding?.unreachableSince).toEqual(clock.now());
    expect(rig.adminTexts).toHaveLength(1);
    expect(rig.adminTexts[0]).toContain('-2002');
    expect(rig.adminTexts[0]).toContain('bot was kicked');
    const job = await workers.deliveryQueues
      .get('telegram')
      ?.getJob(deliveryJobId(keyLocalDate(key), '-2002'));
    expect(await job?.getState()).toBe('failed');
    expect(job?.attemptsMade).toBe(1);
    expect(await ReminderLog.findOne({ key, chatId: '-2002' }).lean()).toMatchObject({ state: 'failed' });
    expect(await ReminderLog.findOne({ key, chatId: '-2001' }).lean()).toMatchObject({
      state: 'sent',
      messageId: String(msg.message_id),
    });

    // Later reminders leave the group out until someone re-links it.
    const next = await createTask(seed, { lead: ['to-chuc'], end: '2025-03-14' });
    await rig.scheduler.syncTask(next.id);
    await rig.idle();
    expect(sends(403)).toBe(1);
    expect(rig.adminTexts).toHaveLength(1);
  });

  it('a 429 is retried after the time Telegram asks for, and the reminder is delivered once', async () => {
    rig.emulator.state.fail429 = 2;
    rig.emulator.state.retryAfter = 1;
    const before429 = sends(429);
    const task = await createTask(seed, { lead: ['ho-tro'], end: '2025-03-14', title: 'Tổng hợp số liệu' });
    const started = Date.now();
    await rig.scheduler.syncTask(task.id);

    const msg = await rig.emulator.waitForBotMessage('-2003', () => true, 15_000);
    expect(msg.text).toContain('Tổng hợp số liệu');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    await rig.idle();
    await rig.emulator.expectNoBotMessage('-2003', 500);
    expect(sends(429) - before429).toBe(2);
    expect(await ReminderLog.find({ task: task.id }).lean()).toEqual([
      expect.objectContaining({ state: 'sent', messageId: String(msg.message_id) }),
    ]);
  });

  it('a group upgraded to a supergroup is re-bound to its new id and gets the reminder there', async () => {
    await bindGroup(seed, '-2004', 'department', 'to-chuc');
    rig.emulator.state.migrated.set('-2004', -1002004);
    const task = await createTask(seed, { lead: ['to-chuc'], end: '2025-03-14', title: 'Đại hội chi bộ' });
    await rig.scheduler.syncTask(task.id);

    const msg = await rig.emulator.waitForBotMessage('-1002004');
    expect(msg.text).toContain('Đại hội chi bộ');
    await rig.idle();
    expect(await ChatBinding.exists({ chatId: '-1002004', department: 'to-chuc' })).toBeTruthy();
    expect(rig.emulator.botMessages('-2004')).toEqual([]);
  });
});
