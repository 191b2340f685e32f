/**
 * Groups the bot's account is no longer in. A removed group answers 123 to every post (#328), which the
 * refusal back-off would retry for days; so the membership event (zca-js `group_event`, here through the
 * REAL Listener over the fake's websocket) and a periodic check mark the binding unreachable, and tell
 * the admins once. A lookup that fails marks nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createZaloChannel, type ZaloChannel } from '../../../src/channels/zalo/channel';
import { writeCredentials } from '../../../src/channels/zalo/credentials';
import { fixedClock } from '../../../src/shared/clock';
import type { ReminderRuntime } from '../../../jobs/runtime';
import { startReminderWorkers, type ReminderWorkers } from '../../../jobs/workers';
import { startZaloDeliveryWith } from '../../../src/app/zalo-delivery';
import { useTestStore, ChatBinding, ReminderLog } from '../../helpers/store';
import { staysQuiet, waitFor } from '../../helpers/wait';
import { FakeZaloServer } from '../../helpers/zalo-fake';
import { FakeZaloSocketServer } from '../../helpers/zalo-fake-socket';
import { createTask, logger, seedOrg, startRig, type Rig, type Seed } from '../reminders/rig';

jest.setTimeout(60_000);
useTestStore(__filename);

const MORNING = new Date('2025-03-11T08:00:00+07:00');
const clock = fixedClock(MORNING);
const LAN = { id: '3261854332509022064', name: 'Nguyễn Thị Lan' };
let rig: Rig;
let worker: ReminderWorkers;
let dir: string;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  rig = await startRig(__filename, clock);
  const workerRt: ReminderRuntime = { ...rig.rt, platforms: ['telegram', 'zalo'] };
  worker = startReminderWorkers(workerRt, { stalledIntervalMs: 1_000 });
  await worker.ready();
  dir = await mkdtemp(join(tmpdir(), 'zalo-membership-'));
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});
afterAll(async () => {
  await worker?.close();
  await rig?.close();
  await rm(dir, { recursive: true, force: true });
});

async function bind(seed: Seed, ids: string[]): Promise<void> {
  await ChatBinding.create(
    ids.map((chatId, i) => ({
      platform: 'zalo' as const,
      chatId,
      title: `Tổ ${i + 1}`,
      org: seed.org,
      role: 'department' as const,
      department: 'van-phong',
    })),
  );
}

async function botProcess(zalo: FakeZaloServer, name: string, membershipCheckMs = 60 * 60_000) {
  const admins: string[] = [];
  const notifyAdmins = async (text: string): Promise<void> => void admins.push(text);
  const file = join(dir, `${name}.json`);
  await writeCredentials(file, {
    cookie: zalo.cookieJar.toJSON()?.cookies ?? [],
    imei: 'i',
    userAgent: 'UA',
  });
  const channel: ZaloChannel = createZaloChannel({
    credentialsFile: file,
    core: { handle: async () => [] },
    logger,
    notifyAdmins,
    login: zalo.login,
    policy: { membershipCheckMs },
    ratePerSecond: 200,
    burst: 20,
    budget: { limits: { perMinute: 1000, perHour: 1000, perDay: 1000 }, now: () => clock.now().getTime() },
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
  return { channel, admins };
}

const unreachable = async (chatId: string): Promise<boolean> =>
  Boolean((await ChatBinding.findOne({ platform: 'zalo', chatId }).lean())?.unreachableSince);

describe('a Zalo group that removed the bot', () => {
  it('is marked unreachable from the membership event (before any delivery), the admins told once, and the morning’s reminder goes only to the group still there', async () => {
    const seed = await seedOrg('zalo-removed');
    const removed = '7700000000000000001';
    const kept = '7700000000000000002';
    await bind(seed, [removed, kept]);
    const socket = await FakeZaloSocketServer.start();
    closers.push(() => socket.close());
    const zalo = new FakeZaloServer({ socket, groups: { [removed]: 'Tổ 1', [kept]: 'Tổ 2' } });
    const { admins } = await botProcess(zalo, 'removed');
    // The bot has heard from the group, as a bound group's bot has.
    zalo.emitGroupText(removed, LAN, 'chào cả nhà');

    zalo.kickBotFromGroup(removed); // a REMOVE_MEMBER naming the bot, pushed on the websocket (cmd 601)
    await waitFor(() => unreachable(removed), 'the binding marked unreachable');
    expect(admins.filter((a) => a.includes('Tổ 1'))).toHaveLength(1);
    expect(await unreachable(kept)).toBe(false);

    // The morning's reminder goes to the group still there, and not to the removed one (which would
    // have answered 123 and been retried for days).
    const before = zalo.sent.length;
    const task = await createTask(seed, { lead: ['van-phong'], end: '2025-03-14', title: 'Báo cáo quý I' });
    await rig.scheduler.syncTask(task.id);
    await waitFor(() => zalo.sentTo(kept).length === 1, 'the other group’s reminder');
    await staysQuiet(
      () => zalo.sent.slice(before).some((s) => s.threadId === removed),
      'a reminder to the removed group',
    );
    expect(zalo.sentTo(removed).slice(before)).toHaveLength(0);
    expect(
      await ReminderLog.countDocuments({ task: task.id, chatId: removed, state: { $ne: 'failed' } }),
    ).toBe(0);
    expect(admins.filter((a) => a.includes('Tổ 1'))).toHaveLength(1);
  });

  it('a periodic check marks a group the account left while no event came, and a failed lookup marks nothing', async () => {
    const seed = await seedOrg('zalo-left-quietly');
    const left = '7800000000000000001';
    const kept = '7800000000000000002';
    await bind(seed, [left, kept]);
    const zalo = new FakeZaloServer({ groups: { [left]: 'Tổ 1', [kept]: 'Tổ 2' } });
    const { channel } = await botProcess(zalo, 'quiet', 100);
    zalo.emitGroupText(left, LAN, 'chào');
    zalo.emitGroupText(kept, LAN, 'chào');
    await new Promise((r) => setTimeout(r, 50));

    // Zalo cannot answer for a while: the checks fail, and nothing is marked.
    const getAllGroups = jest
      .spyOn(zalo.api, 'getAllGroups')
      .mockRejectedValue(new TypeError('fetch failed'));
    await waitFor(() => getAllGroups.mock.calls.length >= 3, 'three failed checks');
    expect(await unreachable(left)).toBe(false);
    expect(await unreachable(kept)).toBe(false);

    getAllGroups.mockRestore();
    zalo.removeBotFromGroup(left); // no event: the bot simply is not in it any more
    await waitFor(() => unreachable(left), 'the periodic check to mark it');
    expect(await unreachable(kept)).toBe(false);
    expect(channel.sender.session.ready()).toBe(true);
  });
});
