/**
 * Logged in elsewhere (close 3003), end to end: zca-js's REAL Listener over the fake's websocket, the
 * real channel, and Zalo deliveries from the store and Redis (jobs/zalo-delivery.ts).
 *
 * Someone runs `npm run zalo:login` (or opens Zalo PC) while the bot runs: Zalo closes the bot's socket
 * with 3003 and the old cookie no longer logs in. Commands sent meanwhile and reminders falling due
 * meanwhile must all get through once the new credentials file is there; kicks that keep coming are told
 * to the admins once; and a session that later expires (102) leaves reminders waiting, not failed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BotCore } from '../../../src/bot/messages';
import { createZaloChannel, type ZaloChannel } from '../../../src/channels/zalo/channel';
import { writeCredentials, type ZaloCredentials } from '../../../src/channels/zalo/credentials';
import { SESSION_EXPIRED_NOTICE, TAKEN_OVER_NOTICE } from '../../../src/channels/zalo/notices';
import { CloseReason } from '../../../src/channels/zalo/zca';
import { fixedClock } from '../../../src/shared/clock';
import type { ReminderRuntime } from '../../../jobs/runtime';
import { startReminderWorkers, type ReminderWorkers } from '../../../jobs/workers';
import { startZaloDeliveryWith } from '../../../src/app/zalo-delivery';
import { useTestStore, ChatBinding, ReminderLog } from '../../helpers/store';
import { staysQuiet, waitFor } from '../../helpers/wait';
import { FakeZaloServer } from '../../helpers/zalo-fake';
import { FakeZaloSocketServer } from '../../helpers/zalo-fake-socket';
import { createTask, logger, seedOrg, startRig, type Rig } from '../reminders/rig';

jest.setTimeout(60_000);
useTestStore(__filename);

const MORNING = new Date('2025-03-11T08:00:00+07:00');
const clock = fixedClock(MORNING);
const GROUPS = ['7400000000000000001', '7400000000000000002', '7400000000000000003'];
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
  dir = await mkdtemp(join(tmpdir(), 'zalo-kicked-'));
});
afterAll(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await worker?.close();
  await rig?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the Zalo account logged in elsewhere (3003)', () => {
  it('comes back from a new credentials file with 0 lost commands and 0 failed reminders; repeated kicks give one notice; a later 102 leaves reminders waiting', async () => {
    const seed = await seedOrg('zalo-kicked');
    await ChatBinding.create(
      GROUPS.map((chatId, i) => ({
        platform: 'zalo' as const,
        chatId,
        title: `Tổ ${i + 1}`,
        org: seed.org,
        role: 'department' as const,
        department: 'van-phong',
      })),
    );
    const socket = await FakeZaloSocketServer.start();
    const zalo = new FakeZaloServer({ socket, groups: Object.fromEntries(GROUPS.map((g) => [g, g])) });
    const notices: string[] = [];
    const notifyAdmins = async (text: string): Promise<void> => void notices.push(text);
    const handled: string[] = [];
    const core: BotCore = {
      async handle(message) {
        handled.push(message.text);
        return [{ segments: [{ text: `Đã nhận ${message.text}` }] }];
      },
    };
    const file = join(dir, 'zalo.json');
    const saveLogin = (cookie: unknown[], imei: string): Promise<void> =>
      writeCredentials(file, { cookie: cookie as ZaloCredentials['cookie'], imei, userAgent: 'UA/1.0' });
    await saveLogin(zalo.cookieJar.toJSON()?.cookies ?? [], 'imei-1');
    const channel: ZaloChannel = createZaloChannel({
      credentialsFile: file,
      core,
      logger,
      notifyAdmins,
      login: zalo.login,
      policy: {
        kickRetryMinMs: 150,
        kickRetryMaxMs: 600,
        kicksBeforeNotice: 2,
        loginRetryMinMs: 50,
        loginRetryMaxMs: 100,
        // The old cookie answers "Đăng nhập thất bại" until the new file is there: not an expiry.
        ambiguousWindowMs: 60_000,
        credentialsPollMs: 50,
        random: () => 0.5,
      },
      ratePerSecond: 200,
      burst: 20,
      budget: { limits: { perMinute: 1000, perHour: 1000, perDay: 1000 }, now: () => clock.now().getTime() },
    });
    await channel.start();
    const delivery = await startZaloDeliveryWith(
      {
        connection: rig.connection,
        clock,
        calendar: rig.rt.calendar,
        logger,
        sender: channel.sender,
        defaultLocale: 'vi',
        notifyAdmins,
        prefix: rig.rt.prefix,
      },
      { waitingNoticeAfterMs: 60_000 },
    );
    closers.push(async () => {
      await delivery.close();
      await channel.stop();
      await socket.close();
    });
    const session = channel.sender.session;
    await waitFor(() => session.ready(), 'the first connection');
    zalo.emitGroupText(GROUPS[0]!, LAN, '/tasks trước');
    await waitFor(() => handled.length === 1, 'the first command');

    // `npm run zalo:login` elsewhere: a new session, the old cookie revoked, the bot's socket closed 3003.
    const fresh = zalo.loginElsewhere(CloseReason.KickConnection);
    await waitFor(() => session.state() === 'kicked', 'kicked');
    expect(session.ready()).toBe(false);
    const commands = GROUPS.map((g, i) => ({ g, text: `/tasks trong lúc bị đá ${i + 1}` }));
    for (const { g, text } of commands) zalo.emitGroupText(g, LAN, text);
    const task = await createTask(seed, { lead: ['van-phong'], end: '2025-03-14', title: 'Báo cáo quý I' });
    await rig.scheduler.syncTask(task.id);
    await waitFor(
      async () => (await ReminderLog.countDocuments({ task: task.id, state: 'waiting' })) === 3,
      'three reminders waiting while kicked',
    );
    expect(zalo.sent.filter((s) => s.text.includes('Báo cáo quý I'))).toHaveLength(0);

    // The new login is saved to the file, as zalo:login does: the bot picks it up by itself.
    await saveLogin(fresh.cookie, 'imei-2');
    await waitFor(() => session.ready(), 'connected again');
    await waitFor(() => handled.length === 1 + commands.length, 'the commands sent while kicked');
    await waitFor(
      async () => (await ReminderLog.countDocuments({ task: task.id, state: 'sent' })) === 3,
      'the three reminders sent',
    );

    expect(handled.slice(1).sort()).toEqual(commands.map((c) => c.text).sort());
    for (const { g, text } of commands)
      expect(zalo.sentTo(g).filter((s) => s.text === `Đã nhận ${text}`)).toHaveLength(1);
    for (const g of GROUPS)
      expect(zalo.sentTo(g).filter((s) => s.text.includes('Báo cáo quý I'))).toHaveLength(1);
    expect(await ReminderLog.countDocuments({ org: seed.org, state: 'failed' })).toBe(0);
    expect(zalo.loginCredentials.at(-1)).toMatchObject({ imei: 'imei-2' });
    expect(notices).toEqual([]); // one kick is what a zalo:login does

    // Zalo PC keeps taking the account: kick after kick, the bot logs in again each time, one notice.
    for (let kick = 1; kick <= 3; kick++) {
      await waitFor(() => session.ready(), `connected before kick ${kick}`);
      socket.closeWith(CloseReason.KickConnection, 'logged in elsewhere');
      await waitFor(() => session.state() === 'kicked', `kick ${kick}`);
    }
    await waitFor(() => session.ready(), 'connected after the kicks', { timeoutMs: 20_000 });
    expect(notices.filter((n) => n === TAKEN_OVER_NOTICE)).toHaveLength(1);
    expect(notices[0]).toContain('Tài khoản Zalo đang đăng nhập ở nơi khác');

    // Later the session expires (102 on the next send): the reminders wait for a new login, never fail.
    zalo.expireSession();
    const later = await createTask(seed, {
      lead: ['van-phong'],
      end: '2025-03-14',
      title: 'Tổng kết hội nghị',
    });
    await rig.scheduler.syncTask(later.id);
    await waitFor(
      async () => (await ReminderLog.countDocuments({ task: later.id, state: 'waiting' })) === 3,
      'three reminders waiting after the 102',
    );
    await waitFor(() => notices.includes(SESSION_EXPIRED_NOTICE), 'the expiry notice');
    expect(session.state()).toBe('expired');
    expect(await ReminderLog.countDocuments({ org: seed.org, state: 'failed' })).toBe(0);
    // While the session stays expired, the three stay waiting: none is sent, failed or dropped.
    await staysQuiet(
      async () => (await ReminderLog.countDocuments({ task: later.id, state: 'waiting' })) !== 3,
      'a change to the waiting reminders',
    );
  });
});
