import type { Job } from 'bullmq';
import { fixedClock } from '../../../src/shared/clock';
import { createReminderScheduler } from '../../../src/scheduler/plan-task';
import { planTask, type PlannableTask } from '../../../src/scheduler/task-plans';
import { officialCalendar } from '../../fixtures/reminders/fixtures';
import { useTestStore, ReminderLog, Task } from '../../helpers/store';
import { waitFor } from '../../helpers/wait';
import type { ReminderJobResult } from '../../../jobs/send-reminder';
import type { ReminderWorkers } from '../../../jobs/workers';
import { bindGroup, createTask, logger, seedOrg, startRig, type Rig, type Seed } from './rig';

jest.setTimeout(60_000);
useTestStore(__filename);

// Tuesday 11/03/2025, 08:00 in Hà Nội: the reminder hour.
const clock = fixedClock(new Date('2025-03-11T08:00:00+07:00'));
const GROUPS = { vanPhong: '-1001', toChuc: '-1002', hoTro: '-1003', leaders: '-1009' };
let rig: Rig;
let seed: Seed;
let workers: ReminderWorkers;
const results: ReminderJobResult[] = [];

beforeAll(async () => {
  rig = await startRig(__filename, clock);
  seed = await seedOrg();
  await bindGroup(seed, GROUPS.vanPhong, 'department', 'van-phong');
  await bindGroup(seed, GROUPS.toChuc, 'department', 'to-chuc');
  await bindGroup(seed, GROUPS.hoTro, 'department', 'ho-tro', 'en');
  await bindGroup(seed, GROUPS.leaders, 'leaders');
  workers = await rig.startWorkers();
  workers.workers
    .find((w) => w.name === 'reminders')
    ?.on('completed', (_job: Job, result: unknown) => results.push(result as ReminderJobResult));
});
afterAll(async () => {
  await rig?.close();
});

async function plannedKeys(taskId: string): Promise<string[]> {
  const doc = await Task.findById(taskId).lean<PlannableTask>();
  return doc ? planTask(doc, {}, clock.now(), officialCalendar).map((r) => r.key) : [];
}

async function existingJobs(keys: readonly string[]): Promise<string[]> {
  const jobs = await Promise.all(keys.map((k) => rig.scheduler.queue.getJob(k)));
  return jobs.filter((j): j is NonNullable<typeof j> => j != null).map((j) => j.id ?? '');
}

describe('reminder delivery', () => {
  it('delivers a due reminder once, to the lead department’s group only, and logs its message id', async () => {
    const task = await createTask(seed, {
      lead: ['van-phong'],
      end: '2025-03-14',
      title: 'Báo cáo sơ kết quý I',
    });
    await rig.scheduler.syncTask(task.id);

    const msg = await rig.emulator.waitForBotMessage(GROUPS.vanPhong, (m) =>
      Boolean(m.text?.includes(`/xong ${task.number}`)),
    );
    expect(msg.text).toContain('Báo cáo sơ kết quý I');
    expect(msg.text).toContain('Hạn: Thứ Sáu, 14/03/2025 — còn 3 ngày làm việc');
    expect(msg.parse_mode).toBe('HTML');
    await rig.idle();
    await rig.emulator.expectNoBotMessage([GROUPS.toChuc, GROUPS.hoTro, GROUPS.leaders]);

    const logs = await ReminderLog.find({ task: task.id }).lean();
    expect(logs).toEqual([
      expect.objectContaining({
        state: 'sent',
        platform: 'telegram',
        chatId: GROUPS.vanPhong,
        messageId: String(msg.message_id),
        kind: 'due-soon',
        target: 'lead',
        taskNumber: task.number,
      }),
    ]);

    // Planning again (a status update, a reconcile) re-queues this morning's reminder, which stops at its log.
    await rig.scheduler.syncTask(task.id);
    await rig.scheduler.reconcileAll();
    await rig.idle();
    await rig.emulator.expectNoBotMessage(GROUPS.vanPhong);
    expect(await ReminderLog.countDocuments({ task: task.id })).toBe(1);
  });

  it('computes job delays from the service clock (BOT_NOW), not the system clock', async () => {
    const task = await createTask(seed, { lead: ['to-chuc'], end: '2025-03-14' });
    await rig.scheduler.syncTask(task.id);
    await rig.emulator.waitForBotMessage(GROUPS.toChuc, (m) =>
      Boolean(m.text?.includes(`/xong ${task.number}`)),
    );
    const eve = (await plannedKeys(task.id)).find((k) => k.includes('_due-eve_'));
    const job = eve ? await rig.scheduler.queue.getJob(eve) : undefined;
    // Thursday 13/03 08:00 is exactly two days after the service clock's now, whatever the real date is.
    expect(job?.opts.delay).toBe(2 * 86_400_000);
    expect(job?.data).toEqual({ taskId: task.id, revision: 0 });
  });

  it('planning twice adds no job', async () => {
    const task = await createTask(seed, { lead: ['to-chuc'], end: '2025-05-30' });
    const keys = await plannedKeys(task.id);
    expect(keys.length).toBeGreaterThan(3);
    const first = await rig.scheduler.syncTask(task.id);
    const delayed = await rig.scheduler.queue.getDelayedCount();
    const second = await rig.scheduler.syncTask(task.id);
    await rig.scheduler.reconcileAll();

    expect(first).toEqual({ planned: keys.length, added: keys.length, removed: 0 });
    expect(second).toEqual({ planned: keys.length, added: 0, removed: 0 });
    expect(await rig.scheduler.queue.getDelayedCount()).toBe(delayed);
    expect((await existingJobs(keys)).sort()).toEqual([...keys].sort());
  });

  it('a task finished before its reminders fire: syncTask removes its jobs', async () => {
    const task = await createTask(seed, { end: '2025-04-18' });
    const keys = await plannedKeys(task.id);
    await rig.scheduler.syncTask(task.id);
    expect(await existingJobs(keys)).toHaveLength(keys.length);

    await Task.updateOne(
      { _id: task.id },
      { $set: { status: 'done', completedAt: clock.now() }, $inc: { revision: 1 } },
    );
    const counts = await rig.scheduler.syncTask(task.id);
    expect(counts).toEqual({ planned: 0, added: 0, removed: keys.length });
    expect(await existingJobs(keys)).toEqual([]);
  });

  it('a task finished after its job was queued: the worker re-reads it and skips the stale job', async () => {
    // Queued two seconds before the reminder's time…
    clock.set(new Date('2025-03-11T07:59:58+07:00'));
    const task = await createTask(seed, { lead: ['van-phong'], end: '2025-03-14' });
    results.length = 0;
    await rig.scheduler.syncTask(task.id);
    // …then done by someone whose change never reached the scheduler.
    await Task.updateOne({ _id: task.id }, { $set: { status: 'done', completedAt: clock.now() } });
    clock.set(new Date('2025-03-11T08:00:00+07:00'));
    await waitFor(() => results.length > 0, 'the stale job to run');
    await rig.idle();

    expect(results).toContainEqual({ status: 'skipped', reason: 'done' });
    await rig.emulator.expectNoBotMessage(GROUPS.vanPhong);
    expect(await ReminderLog.countDocuments({ task: task.id })).toBe(0);
  });

  it('a new window replaces the task’s pending jobs', async () => {
    const task = await createTask(seed, { end: '2025-05-30' });
    await rig.scheduler.syncTask(task.id);
    const before = await plannedKeys(task.id);

    await Task.updateOne({ _id: task.id }, { $set: { end: '2025-06-30' }, $inc: { revision: 1 } });
    const after = await plannedKeys(task.id);
    const counts = await rig.scheduler.syncTask(task.id);
    const gone = before.filter((k) => !after.includes(k));
    expect(gone.length).toBeGreaterThan(0);
    expect(counts.removed).toBe(gone.length);
    expect(await existingJobs(gone)).toEqual([]);
    expect((await existingJobs(after)).sort()).toEqual([...after].sort());
    const job = await rig.scheduler.queue.getJob(after[0] ?? '');
    expect(job?.data).toEqual({ taskId: task.id, revision: 1 });
  });

  it('copies the eve reminder to coordinating units in their language, and sends lead-less tasks to the leaders', async () => {
    const shared = await createTask(seed, {
      lead: ['to-chuc'],
      support: ['ho-tro'],
      end: '2025-03-12',
      title: 'Tập huấn kế toán HTX',
    });
    const orphan = await createTask(seed, { lead: [], end: '2025-03-12', title: 'Việc chưa giao đơn vị' });
    await rig.scheduler.syncTask(shared.id);
    await rig.scheduler.syncTask(orphan.id);

    const lead = await rig.emulator.waitForBotMessage(GROUPS.toChuc);
    expect(lead.text).toContain('⚠️ Ngày làm việc tới là hạn');
    expect(lead.text).not.toContain('Chủ trì');
    const support = await rig.emulator.waitForBotMessage(GROUPS.hoTro);
    expect(support.text).toContain('Due on the next working day');
    expect(support.text).toContain('Lead: Phòng Tổ chức - Tổng hợp');
    expect(support.text).toContain('Deadline: Wednesday, 12/03/2025 — 1 working day left');
    const leaders = await rig.emulator.waitForBotMessage(GROUPS.leaders);
    expect(leaders.text).toContain('Việc chưa giao đơn vị');
    expect(leaders.text).toContain('Chủ trì: chưa giao đơn vị');
    await rig.idle();
    await rig.emulator.expectNoBotMessage(Object.values(GROUPS));
  });

  it('sends a group ONE message for all its reminders of the morning, grouped by what they ask', async () => {
    const soon = await createTask(seed, {
      lead: ['ho-tro'],
      end: '2025-03-14',
      title: 'Báo cáo quý I của phòng',
    });
    const today = await createTask(seed, { lead: ['ho-tro'], end: '2025-03-11', title: 'Nộp hồ sơ thi đua' });
    const late = await createTask(seed, {
      lead: ['ho-tro'],
      end: '2025-03-10',
      title: 'Tổng hợp ý kiến góp ý',
    });
    const peak = await createTask(seed, {
      lead: ['ho-tro'],
      kind: 'campaign',
      start: '2025-03-14',
      end: '2025-04-30',
      title: 'Cao điểm tuyên truyền Luật HTX',
    });
    await Promise.all([soon, today, late, peak].map((t) => rig.scheduler.syncTask(t.id)));

    const msg = await rig.emulator.waitForBotMessage(GROUPS.hoTro);
    await rig.idle();
    await rig.emulator.expectNoBotMessage(GROUPS.hoTro);
    const text = msg.text ?? '';
    // The group's language (en), most pressing sections in a fixed order, each line with number and date.
    expect(text).toContain("Today's reminders: 4 tasks");
    const order = ['Starting soon', 'Due soon', 'Due today', 'Overdue'].map((h) => text.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain(`#${peak.number}</b> Cao điểm tuyên truyền Luật HTX`);
    expect(text).toContain(`#${late.number}</b> Tổng hợp ý kiến góp ý — Deadline: Monday, 10/03/2025`);
    // One row of buttons per item, carrying the task's number.
    const keyboard = (msg.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] })
      .inline_keyboard;
    expect(keyboard.map((row) => row[0]?.callback_data).sort()).toEqual(
      [soon, today, late, peak].map((t) => `rm:done:${t.number}`).sort(),
    );
    // Exactly-once bookkeeping stays per reminder: four rows, one message id.
    const rows = await ReminderLog.find({ chatId: GROUPS.hoTro, messageId: String(msg.message_id) }).lean();
    expect(rows.map((r) => r.taskNumber).sort()).toEqual(
      [soon, today, late, peak].map((t) => t.number).sort(),
    );
    expect(rows.every((r) => r.state === 'sent')).toBe(true);

    // Planned again (a reconcile): nothing is sent twice.
    await rig.scheduler.reconcileAll();
    await rig.idle();
    await rig.emulator.expectNoBotMessage(GROUPS.hoTro);
  });

  it('reconcileAll read in many small batches, two written at once, queues every reminder exactly once', async () => {
    const other = await seedOrg('nam-dinh');
    const tasks = await Promise.all(
      Array.from({ length: 11 }, (_, i) =>
        createTask(i % 2 ? seed : other, {
          lead: ['to-chuc'],
          end: `2025-05-${String(12 + i).padStart(2, '0')}`,
        }),
      ),
    );
    const keys = (await Promise.all(tasks.map((t) => plannedKeys(t.id)))).flat();
    const small = createReminderScheduler({
      connection: rig.connection,
      prefix: rig.rt.prefix,
      clock,
      calendar: officialCalendar,
      logger,
      settingsFor: rig.rt.settingsFor,
      batchSize: 3,
      writers: 2,
    });
    try {
      const first = await small.reconcileAll();
      const again = await small.reconcileAll();
      expect(first.tasks).toBe(await Task.countDocuments());
      expect(first.orgs).toBe(2);
      expect((await existingJobs(keys)).sort()).toEqual([...keys].sort());
      expect(again.added).toBe(0);
      expect(again.planned).toBe(first.planned);
    } finally {
      await small.close();
    }
  });

  it('reconcileAll sweeps jobs of tasks deleted behind its back, and of a lost index', async () => {
    const task = await createTask(seed, { end: '2025-05-16' });
    await rig.scheduler.syncTask(task.id);
    const keys = await plannedKeys(task.id);
    await Task.deleteOne({ _id: task.id });
    // A job whose index entry is gone too, as after a partial loss of Redis.
    const ghost = '65f000000000000000000001_due-soon_lead_2025-05-06';
    await rig.scheduler.queue.add(
      'reminder',
      { taskId: '65f000000000000000000001', revision: 0 },
      { jobId: ghost, delay: 86_400_000 },
    );

    const counts = await rig.scheduler.reconcileAll();
    expect(counts.orphans).toBe(keys.length + 1);
    expect(await existingJobs([...keys, ghost])).toEqual([]);
    expect(await rig.connection.exists(`${rig.rt.prefix}:reminders:by-task:${task.id}`)).toBe(0);
  });
});
