/**
 * The Zalo account's send budget, end to end: a morning of 150 group reminders through the fake, whose
 * anti-spam refuses (221) whatever passes 100 messages an hour, as upstream reports (#336). Time is the
 * test's clock: the budget and the fake both read it, and the test moves it on by an hour.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createZaloChannel } from '../../../src/channels/zalo/channel';
import { writeCredentials } from '../../../src/channels/zalo/credentials';
import { pausedNotice } from '../../../src/channels/zalo/notices';
import { fixedClock } from '../../../src/shared/clock';
import { startReminderWorkers, type ReminderWorkers } from '../../../jobs/workers';
import { startZaloDeliveryWith } from '../../../src/app/zalo-delivery';
import { REMINDER_QUEUE } from '../../../src/scheduler/reminder-queue';
import { useTestStore, ChatBinding, Department, ReminderLog } from '../../helpers/store';
import { staysQuiet, waitFor } from '../../helpers/wait';
import { FakeZaloServer } from '../../helpers/zalo-fake';
import { createTask, logger, seedOrg, startRig, type Rig, type Seed } from '../reminders/rig';

jest.setTimeout(240_000);
useTestStore(__filename);

const MORNING = new Date('2025-03-11T08:00:00+07:00');
const HOUR = 3_600_000;
/** How often a held delivery asks the budget again (real time). */
const RECHECK_MS = 1_500;
const clock = fixedClock(MORNING);
const now = (): number => clock.now().getTime();
let rig: Rig;
let worker: ReminderWorkers;
let dir: string;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  rig = await startRig(__filename, clock);
  worker = startReminderWorkers({ ...rig.rt, platforms: ['telegram', 'zalo'] }, { stalledIntervalMs: 1_000 });
  await worker.ready();
  dir = await mkdtemp(join(tmpdir(), 'zalo-budget-'));
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await worker.deliveryQueues.get('zalo')?.drain(true); // a failed test's deliveries must not leak
  clock.set(MORNING);
});
afterAll(async () => {
  await worker?.close();
  await rig?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The deliveries of 150 groups take a while on a loaded machine: waits here are generous. */
const LONG = { timeoutMs: 120_000 };

/**
 * Time passes on the test's clock: what the budget and the fake read moves at once, and so do the Zalo
 * deliveries that BullMQ holds for a real-time delay ending within `ms` (a delivery told to come back in a
 * minute, seen from an hour later, is due). Those held longer stay held.
 */
async function passTime(ms: number): Promise<void> {
  clock.advance(ms);
  const queue = worker.deliveryQueues.get('zalo');
  for (const job of (await queue?.getDelayed()) ?? [])
    if (job.timestamp + (job.delay ?? 0) - Date.now() <= ms)
      // A job the budget woke meanwhile (onTurn) is on its way already.
      await job.promote().catch((err: Error) => {
        if (!/not in the delayed state/.test(err.message)) throw err;
      });
}

/** `count` groups, each its own department's, bound on Zalo. */
async function groups(seed: Seed, base: bigint, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => String(base + BigInt(i)));
  await Department.create(ids.map((_, i) => ({ org: seed.org, slug: `to-${i}`, name: `Tổ ${i}` })));
  await ChatBinding.create(
    ids.map((chatId, i) => ({
      platform: 'zalo' as const,
      chatId,
      title: `Tổ ${i}`,
      org: seed.org,
      role: 'department' as const,
      department: `to-${i}`,
    })),
  );
  return ids;
}

async function botProcess(zalo: FakeZaloServer, name: string, perHour: number) {
  const notices: string[] = [];
  const notifyAdmins = async (text: string): Promise<void> => void notices.push(text);
  const file = join(dir, `${name}.json`);
  await writeCredentials(file, {
    cookie: zalo.cookieJar.toJSON()?.cookies ?? [],
    imei: 'i',
    userAgent: 'UA',
  });
  const channel = createZaloChannel({
    credentialsFile: file,
    core: { handle: async () => [] },
    logger,
    notifyAdmins,
    login: zalo.login,
    ratePerSecond: 200,
    burst: 20,
    budget: {
      limits: { perMinute: perHour, perHour, perDay: perHour * 10 },
      pause: { chats: 3, windowMs: 10 * 60_000, firstMs: 30 * 60_000 },
      now,
      recheckMs: RECHECK_MS,
    },
  });
  await channel.start();
  await waitFor(() => channel.sender.session.ready(), 'connected');
  const delivery = await startZaloDeliveryWith({
    connection: rig.connection,
    clock,
    calendar: rig.rt.calendar,
    logger,
    sender: channel.sender,
    defaultLocale: 'vi',
    notifyAdmins,
    prefix: rig.rt.prefix,
  });
  closers.push(async () => {
    await delivery.close();
    await channel.stop();
  });
  return { channel, notices };
}

describe('a morning of 150 Zalo group reminders with a budget of 100 an hour', () => {
  it('sends 100 in the first hour and the other 50 in the next hour: none refused, none dropped', async () => {
    const seed = await seedOrg('zalo-budget');
    const ids = await groups(seed, 7500000000000000000n, 150);
    const zalo = new FakeZaloServer({
      groups: Object.fromEntries(ids.map((g) => [g, g])),
      antiSpam: { perHour: 100, now },
    });
    await botProcess(zalo, 'budget', 100);
    // Every third group has an overdue task (rank 0), the others one due on Friday (rank 1). The overdue
    // ones are queued last, so coming first is the budget's doing, not the queue's.
    const overdue = new Set(ids.filter((_, i) => i % 3 === 2));
    const tasks: string[] = [];
    for (const [i, g] of ids.entries())
      if (!overdue.has(g)) tasks.push((await createTask(seed, { lead: [`to-${i}`], end: '2025-03-14' })).id);
    for (const [i, g] of ids.entries())
      if (overdue.has(g)) tasks.push((await createTask(seed, { lead: [`to-${i}`], end: '2025-03-10' })).id);
    // Planned the evening before (here 07:00), the 150 reminders fall due together at 08:00, as in production.
    clock.set(new Date('2025-03-11T07:00:00+07:00'));
    for (const id of tasks) await rig.scheduler.syncTask(id);
    clock.set(MORNING);
    const started = Date.now();
    // In production they fall due at one instant; here they are promoted one by one, so the fan-out waits
    // until all are due, as it would find them at 08:00.
    const fanOut = worker.workers.filter((w) => w.name === REMINDER_QUEUE);
    await Promise.all(fanOut.map((w) => w.pause(true)));
    for (const job of await rig.scheduler.queue.getDelayed()) await job.promote();
    for (const w of fanOut) w.resume();

    await waitFor(() => zalo.sent.length >= 100, 'the first hour’s 100 messages', LONG);
    await waitFor(
      async () => (await ReminderLog.countDocuments({ org: seed.org, state: 'waiting' })) === 50,
      'the other 50 waiting',
      LONG,
    );
    const firstHour = Date.now() - started;
    // The 50 keep coming back (every recheck) while the clock stands: none of them goes out.
    await staysQuiet(() => zalo.sent.length > 100, 'a 101st message within the hour', 2 * RECHECK_MS);
    expect(zalo.sent).toHaveLength(100);

    await passTime(HOUR);
    const resumed = Date.now();
    await waitFor(() => zalo.sent.length >= 150, 'the next hour’s 50', LONG);
    await waitFor(
      async () => (await ReminderLog.countDocuments({ org: seed.org, state: 'sent' })) === 150,
      '150 sent rows',
      LONG,
    );
    process.stdout.write(
      `150 Zalo groups, budget 100/h: first 100 out ${firstHour} ms after queuing (real time), the other 50 ` +
        `${Date.now() - resumed} ms after the clock reached 09:00; fake anti-spam refusals: ${zalo.spamRefusals}\n`,
    );

    expect(zalo.spamRefusals).toBe(0);
    expect(await ReminderLog.countDocuments({ org: seed.org, state: { $ne: 'sent' } })).toBe(0);
    for (const g of ids) expect(zalo.sentTo(g)).toHaveLength(1);
    const inHour = (s: { clockAt: number }): number => Math.floor((s.clockAt - MORNING.getTime()) / HOUR);
    expect(zalo.sent.slice(0, 100).map(inHour)).toEqual(Array(100).fill(0));
    expect(zalo.sent.slice(100).map(inHour)).toEqual(Array(50).fill(1));
    // The stated order: every overdue group had its message in the first hour, though queued last; only
    // groups with nothing overdue waited for the next.
    const firstHourGroups = new Set(zalo.sent.slice(0, 100).map((s) => s.threadId));
    expect([...overdue].filter((g) => !firstHourGroups.has(g))).toEqual([]);
    expect(zalo.sent.slice(100).filter((s) => overdue.has(s.threadId))).toEqual([]);
  });
});

describe('a burst of 221s from several groups', () => {
  it('pauses the whole account, tells the admins once, and sends everything after the pause', async () => {
    const seed = await seedOrg('zalo-221');
    const ids = await groups(seed, 7600000000000000000n, 12);
    const zalo = new FakeZaloServer({ groups: Object.fromEntries(ids.map((g) => [g, g])) });
    const { notices, channel } = await botProcess(zalo, 'burst', 1000);
    // The account's anti-spam: every send answers 221 however many are in flight, until it lets go.
    zalo.refuseSends('rate-limited');
    // Twelve groups' messages reach Zalo together, as a morning's do: held until all twelve are queued.
    const deliveries = worker.deliveryQueues.get('zalo')!;
    await deliveries.pause();
    for (const [i] of ids.entries()) {
      const task = await createTask(seed, { lead: [`to-${i}`], end: '2025-03-14' });
      await rig.scheduler.syncTask(task.id);
    }
    await waitFor(
      async () =>
        Object.values(await deliveries.getJobCounts('delayed', 'wait', 'prioritized')).reduce(
          (x, y) => x + y,
        ) === 12,
      'twelve deliveries queued',
      LONG,
    );
    await deliveries.resume();

    await waitFor(() => channel.sender.budget.pausedFor() > 0, 'the account paused');
    await waitFor(
      async () => (await ReminderLog.countDocuments({ org: seed.org, state: 'waiting' })) === 12,
      'every delivery waiting',
    );
    // The deliveries keep coming back (every recheck) during the pause: none goes out.
    await staysQuiet(() => zalo.sent.length > 0, 'a message during the pause', 2 * RECHECK_MS);
    expect(zalo.sent).toHaveLength(0);
    expect(notices.filter((n) => n.includes('tạm dừng'))).toEqual([pausedNotice(30)]);

    zalo.acceptSends();
    await passTime(31 * 60_000);
    await waitFor(() => zalo.sent.length >= 12, 'all 12 after the pause', LONG);
    // The fake has the message before the delivery has written its row: wait for the rows, not the sends.
    await waitFor(
      async () => (await ReminderLog.countDocuments({ org: seed.org, state: 'sent' })) === 12,
      'all 12 recorded as sent',
    );
    expect(await ReminderLog.countDocuments({ org: seed.org, state: 'failed' })).toBe(0);
    expect(notices.filter((n) => n.includes('tạm dừng'))).toHaveLength(1);
  });
});
