import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { BotCore, IncomingMessage, Reply } from '../../../src/bot/messages';
import {
  createZaloChannel,
  type ZaloChannel,
  type ZaloChannelOptions,
} from '../../../src/channels/zalo/channel';
import {
  writeCredentials,
  ZaloCredentialsError,
  type ZaloCredentials,
} from '../../../src/channels/zalo/credentials';
import type { ConnectionPolicy } from '../../../src/channels/zalo/connection-policy';
import {
  APOLOGY_VI,
  SESSION_BACK_NOTICE,
  SESSION_EXPIRED_NOTICE,
  TAKEN_OVER_NOTICE,
} from '../../../src/channels/zalo/notices';
import { SendDeferredError } from '../../../src/channels/sender';
import { CloseReason, ThreadType } from '../../../src/channels/zalo/zca';
import { FakeZaloServer, photoContent } from '../../helpers/zalo-fake';
import { buildGroupMessage } from '../../helpers/zalo-fake-messages';
import { staysQuiet, waitFor } from '../../helpers/wait';

const GROUP = '6209876543210987654';
const OTHER_GROUP = '6201111111111111111';
const LAN = { id: '3261854332509022064', name: 'Nguyễn Thị Lan' };
const IMEI = 'imei-that-must-never-be-logged';

interface Harness {
  zalo: FakeZaloServer;
  channel: ZaloChannel;
  seen: IncomingMessage[];
  notices: string[];
  logs: Array<{ level: number; msg: string; [key: string]: unknown }>;
  raw: string[];
  file: string;
}

let running: ZaloChannel[] = [];
let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(running.map((c) => c.stop()));
  running = [];
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

/** Short timers, the same shape as production's (connection-policy.ts); jitter fixed at ×1. */
const POLICY: Partial<ConnectionPolicy> = {
  restartMinMs: 10,
  restartMaxMs: 80,
  loginRetryMinMs: 10,
  loginRetryMaxMs: 40,
  ambiguousWindowMs: 0,
  credentialsPollMs: 20,
  random: () => 0.5,
};

async function harness(
  answer: (m: IncomingMessage) => Promise<Reply[]> = async (m) => [
    { segments: [{ text: 'Đã nhận: ' }, { text: m.text, style: 'bold' }], quote: true },
  ],
  overrides: Partial<ZaloChannelOptions> = {},
  zalo = new FakeZaloServer({ groups: { [GROUP]: 'Phòng Kế hoạch', [OTHER_GROUP]: 'Phòng Tài chính' } }),
): Promise<Harness> {
  const seen: IncomingMessage[] = [];
  const notices: string[] = [];
  const raw: string[] = [];
  const logs: Harness['logs'] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => (raw.push(line), logs.push(JSON.parse(line))) },
  );
  const core: BotCore = {
    async handle(message) {
      seen.push(message);
      return answer(message);
    },
  };
  const dir = await mkdtemp(join(tmpdir(), 'zalo-channel-'));
  dirs.push(dir);
  const file = join(dir, 'zalo.json');
  // What `npm run zalo:login` saves: the jar as tough-cookie serialises it (an empty cookie has no value).
  await writeCredentials(file, { cookie: h_cookies(zalo), imei: IMEI, userAgent: 'UA/1.0' });
  const channel = createZaloChannel({
    credentialsFile: file,
    core,
    logger,
    notifyAdmins: async (text) => void notices.push(text),
    api: zalo.api,
    login: zalo.login,
    policy: POLICY,
    ratePerSecond: 1000,
    burst: 20,
    ...overrides,
  });
  running.push(channel);
  return { zalo, channel, seen, notices, logs, raw, file };
}

function h_cookies(zalo: FakeZaloServer): ZaloCredentials['cookie'] {
  return zalo.cookieJar.toJSON()?.cookies ?? [];
}

const restarts = (h: Harness): unknown[] =>
  h.logs.filter((l) => l.msg === 'zalo: restarting the listener').map((l) => l.delayMs);
const connects = (h: Harness): number => h.logs.filter((l) => l.msg === 'zalo: listener connected').length;

describe('zalo channel: messages', () => {
  it('hands a group message to the core and posts the reply to the same group as ThreadType.Group, quoting it', async () => {
    const h = await harness();
    await h.channel.start();
    expect(h.zalo.listener.startCalls).toEqual([{ retryOnClose: true }]);

    const question = h.zalo.emitGroupText(GROUP, LAN, '/tasks');
    const [reply] = await h.zalo.waitForSent(1);

    expect(h.seen).toEqual([
      {
        platform: 'zalo',
        chat: { id: GROUP, title: 'Phòng Kế hoạch', isGroup: true },
        user: { id: LAN.id, name: LAN.name },
        messageId: question.data.msgId,
        text: '/tasks',
      },
    ]);
    expect(reply).toMatchObject({ threadId: GROUP, type: ThreadType.Group, text: 'Đã nhận: /tasks' });
    expect(reply?.content.quote?.msgId).toBe(question.data.msgId);
    expect(reply?.content.styles).toEqual([{ start: 9, len: 6, st: 'b' }]);
  });

  it('answers a private message in the private thread (ThreadType.User)', async () => {
    const h = await harness(async () => [{ segments: [{ text: 'Chào bạn' }] }]);
    await h.channel.start();

    h.zalo.emitUserText(LAN, '/help');
    const [reply] = await h.zalo.waitForSent(1);

    expect(h.seen[0]?.chat).toEqual({ id: LAN.id, isGroup: false });
    expect(reply).toMatchObject({ threadId: LAN.id, type: ThreadType.User, text: 'Chào bạn' });
    expect(reply?.content.quote).toBeUndefined();
  });

  it('ties a reply to a reminder the sender posted back to that reminder', async () => {
    const h = await harness(async () => []);
    await h.channel.start();

    const { messageId } = await h.channel.sender.send(GROUP, {
      segments: [{ text: 'Nhắc việc: Báo cáo quý II' }],
    });
    h.zalo.emitReplyToBot(messageId, LAN, 'xong');
    await waitFor(() => h.seen.length === 1, 'the reply to reach the core');

    expect(h.seen[0]?.replyTo).toEqual({ messageId, fromBot: true, text: 'Nhắc việc: Báo cáo quý II' });
  });

  it('apologises in Vietnamese when the core fails, and logs it', async () => {
    const h = await harness(async () => {
      throw new Error('database down');
    });
    await h.channel.start();

    const question = h.zalo.emitGroupText(GROUP, LAN, '/status Q2');
    const [reply] = await h.zalo.waitForSent(1);

    expect(reply?.text).toBe(APOLOGY_VI);
    expect(reply?.content.quote?.msgId).toBe(question.data.msgId);
    expect(h.logs.some((l) => l.msg === 'zalo: the core failed on a message' && l.level === 50)).toBe(true);
  });

  it('ignores its own echoes and a redelivered message, hands a photo to the core, and answers each thread in order', async () => {
    // The core says nothing to a photo that is group talk (core.ts onAttachment); this one does the same.
    const h = await harness(async (m) => (m.attachment ? [] : [{ segments: [{ text: `re ${m.text}` }] }]));
    const { zalo } = h;
    await h.channel.start();

    zalo.emitSelfGroupText(GROUP, 'Nhắc việc');
    zalo.emit(
      buildGroupMessage({
        ownId: zalo.ownId,
        ids: { msgId: '42', cliMsgId: '43', ts: 0 },
        from: LAN,
        content: photoContent(),
        msgType: 'chat.photo',
        groupId: GROUP,
      }),
    );
    const first = zalo.emitGroupText(GROUP, LAN, 'một');
    zalo.emit(first); // zca-js may deliver a message again after a reconnect
    zalo.emitGroupText(GROUP, LAN, 'hai');
    zalo.emitGroupText(OTHER_GROUP, LAN, 'ba');
    await zalo.waitForSent(3);
    await staysQuiet(() => zalo.sent.length > 3, 'answer to a message seen twice');

    expect(
      h.seen
        .filter((m) => !m.attachment)
        .map((m) => m.text)
        .sort(),
    ).toEqual(['ba', 'hai', 'một']);
    expect(h.seen.filter((m) => m.attachment).map((m) => m.attachment?.kind)).toEqual(['photo']);
    expect(zalo.sentTo(GROUP).map((s) => s.text)).toEqual(['re một', 're hai']);
    expect(zalo.sentTo(OTHER_GROUP).map((s) => s.text)).toEqual(['re ba']);
  });
});

describe('zalo channel: connection', () => {
  it('restarts the same listener after a 1006 without logging in, and answers what was said meanwhile, once', async () => {
    const h = await harness(async (m) => [{ segments: [{ text: `re ${m.text}` }] }]);
    await h.channel.start();
    await waitFor(() => connects(h) === 1, 'connected');
    h.zalo.emitGroupText(GROUP, LAN, 'trước');
    await h.zalo.waitForSent(1);

    h.zalo.closeListener(CloseReason.AbnormalClosure, '');
    h.zalo.emitGroupText(GROUP, LAN, 'trong lúc mất kết nối'); // no socket: only Zalo has it
    await waitFor(() => connects(h) === 2, 'the restart');
    await h.zalo.waitForSent(2);
    await staysQuiet(() => h.zalo.sent.length > 2, 'answer given twice');

    expect(h.zalo.sentTo(GROUP).map((s) => s.text)).toEqual(['re trước', 're trong lúc mất kết nối']);
    expect(h.zalo.loginCalls).toBe(0);
    expect(h.zalo.sessions).toHaveLength(1);
    expect(h.zalo.listener.startCalls).toEqual([{ retryOnClose: true }, { retryOnClose: true }]);
    expect(restarts(h)).toEqual([10]);
  });

  it('does not answer, in a catch-up, what was said an hour before the bot listened', async () => {
    const h = await harness(async (m) => [{ segments: [{ text: `re ${m.text}` }] }]);
    h.zalo.history.push(
      buildGroupMessage({
        ownId: h.zalo.ownId,
        ids: { msgId: '7200000000000', cliMsgId: '1', ts: Date.now() - 3_600_000 },
        from: LAN,
        content: '/done 3',
        groupId: GROUP,
      }),
    );
    await h.channel.start();
    await waitFor(() => connects(h) === 1, 'connected');
    h.zalo.emitGroupText(GROUP, LAN, 'mới');
    await h.zalo.waitForSent(1);
    await staysQuiet(() => h.zalo.sent.length > 1, 'answer to the old message');

    expect(h.zalo.sent.map((s) => s.text)).toEqual(['re mới']);
  });

  it('grows the pause only for restarts that never connect, then logs in again with the live cookie jar, saved first', async () => {
    const h = await harness();
    await h.channel.start();
    await waitFor(() => connects(h) === 1, 'connected');
    h.zalo.setCookie('zpw_sek', 'refreshed-by-zalo');
    h.zalo.refusedConnections = 3;

    h.zalo.closeListener();
    await waitFor(() => h.zalo.sessions.length === 2, 'a new login');
    await waitFor(() => connects(h) === 2, 'the new listener');

    expect(restarts(h)).toEqual([10, 20, 40]);
    expect(h.zalo.loginCalls).toBe(1);
    const used = h.zalo.loginCredentials[0] as ZaloCredentials;
    expect(used.imei).toBe(IMEI);
    expect(used.cookie.find((c) => c.key === 'zpw_sek')?.value).toBe('refreshed-by-zalo');
    const onDisk = JSON.parse(await readFile(h.file, 'utf8')) as ZaloCredentials;
    expect(onDisk.cookie.find((c) => c.key === 'zpw_sek')?.value).toBe('refreshed-by-zalo');
    expect(h.notices).toEqual([]);
  });

  it('retries a code-less login failure instead of calling the session expired', async () => {
    const h = await harness(undefined, { api: undefined });
    h.zalo.failNextLogin('login-garbled', 2);

    await h.channel.start();
    await waitFor(() => connects(h) === 1, 'connected after two failed logins');

    expect(h.zalo.loginCalls).toBe(3);
    expect(h.notices).toEqual([]);
  });

  it('calls the session expired only when login keeps failing, keeps sends waiting, and resumes from a new zalo:login', async () => {
    const h = await harness(undefined, { api: undefined });
    h.zalo.expireSession();

    await expect(h.channel.start()).resolves.toBeUndefined();
    await waitFor(() => h.notices.length === 1, 'the admin notice');
    expect(h.zalo.loginCalls).toBe(3);
    expect(h.notices).toEqual([SESSION_EXPIRED_NOTICE]);
    expect(h.channel.sender.session.ready()).toBe(false);
    await expect(h.channel.sender.send(GROUP, { segments: [{ text: 'x' }] })).rejects.toBeInstanceOf(
      SendDeferredError,
    );
    await staysQuiet(() => h.zalo.loginCalls > 3, 'login from an unchanged file'); // many polls of it
    expect(h.zalo.loginCalls).toBe(3);

    // An admin runs `npm run zalo:login`: a new session in the file.
    h.zalo.sessionExpired = false;
    h.zalo.setCookie('zpw_sek', 'session-2');
    await writeCredentials(h.file, { cookie: h_cookies(h.zalo), imei: IMEI, userAgent: 'UA/1.0' });
    await waitFor(() => h.notices.length === 2, 'the "back" notice');

    expect(h.notices[1]).toBe(SESSION_BACK_NOTICE);
    expect(h.channel.sender.session.ready()).toBe(true);
    await h.channel.sender.send(GROUP, { segments: [{ text: 'x' }] });
    expect(h.zalo.sentTo(GROUP)).toHaveLength(1);
  });

  it('notices an expired session from a failed send (102), stops listening, and defers that send and later ones', async () => {
    const h = await harness();
    await h.channel.start();
    await waitFor(() => h.channel.sender.session.ready(), 'connected');

    h.zalo.failNextSend('session-expired');
    // The delivery that met the 102 waits like the others (it used to throw, spending an attempt).
    const first = h.channel.sender.send(GROUP, { segments: [{ text: 'x' }] });
    await expect(first).rejects.toBeInstanceOf(SendDeferredError);
    await expect(first).rejects.toMatchObject({ reason: 'offline' });
    await waitFor(() => h.notices.length === 1, 'the admin notice');

    expect(h.channel.sender.session.state()).toBe('expired');
    expect(h.channel.sender.session.ready()).toBe(false);
    expect(h.zalo.listener.started).toBe(false);
    await expect(h.channel.sender.send(GROUP, { segments: [{ text: 'y' }] })).rejects.toBeInstanceOf(
      SendDeferredError,
    );
    await staysQuiet(() => h.zalo.loginCalls > 0, 'login');
    expect(h.zalo.loginCalls).toBe(0);
  });

  it('a kick (3000) is not final: it waits, re-reads the credentials file and logs in again; one kick tells nobody', async () => {
    const h = await harness(undefined, { policy: { ...POLICY, kickRetryMinMs: 40, kickRetryMaxMs: 400 } });
    await h.channel.start();
    await waitFor(() => connects(h) === 1, 'connected');
    const states: string[] = [];
    h.channel.sender.session.onChange(() => states.push(h.channel.sender.session.state()));

    // Someone logged in again and saved the new login (npm run zalo:login), which kicks this session: the
    // next login must use the file as it is now. (Saved before the kick, so that the retry, 40 ms after
    // it, cannot come before the file is written on a loaded machine.)
    h.zalo.setCookie('zpw_sek', 'session-2');
    await writeCredentials(h.file, { cookie: h_cookies(h.zalo), imei: 'new-imei', userAgent: 'UA/2.0' });
    h.zalo.closeListener(CloseReason.DuplicateConnection, 'another web session');
    expect(h.channel.sender.session.state()).toBe('kicked');
    expect(h.channel.sender.session.ready()).toBe(false);
    await expect(h.channel.sender.send(GROUP, { segments: [{ text: 'x' }] })).rejects.toMatchObject({
      reason: 'offline',
    });
    await waitFor(() => h.channel.sender.session.ready(), 'connected again');

    expect(h.zalo.loginCalls).toBe(1);
    expect(h.zalo.loginCredentials[0]).toMatchObject({ imei: 'new-imei', userAgent: 'UA/2.0' });
    expect(states).toEqual(['kicked', 'connected']);
    expect(h.notices).toEqual([]);
    await h.channel.sender.send(GROUP, { segments: [{ text: 'y' }] });
    expect(h.zalo.sentTo(GROUP).map((s) => s.text)).toEqual(['y']);
  });

  it('repeated kicks tell the admins once, and the waits between logins grow', async () => {
    const h = await harness(undefined, {
      policy: { ...POLICY, kickRetryMinMs: 20, kickRetryMaxMs: 1000, kicksBeforeNotice: 2 },
    });
    await h.channel.start();
    for (let kick = 1; kick <= 4; kick++) {
      await waitFor(() => h.channel.sender.session.ready(), `connected before kick ${kick}`, {
        timeoutMs: 3000,
      });
      h.zalo.closeListener(CloseReason.KickConnection, 'logged in elsewhere');
    }
    await waitFor(() => h.channel.sender.session.ready(), 'connected after the last kick', {
      timeoutMs: 3000,
    });

    expect(h.notices.filter((n) => n === TAKEN_OVER_NOTICE)).toHaveLength(1);
    expect(h.notices[0]).toContain('Tài khoản Zalo đang đăng nhập ở nơi khác');
    const waits = h.logs.filter((l) => /logged in elsewhere/.test(l.msg)).map((l) => Number(l.delayMs));
    expect(waits).toEqual([20, 40, 80, 160]);
    expect(h.zalo.loginCalls).toBe(4);
  });

  it('defers sends (not fails them) until the first login completes', async () => {
    let finish: (() => void) | undefined;
    const slow = new FakeZaloServer({ groups: { [GROUP]: 'Phòng Kế hoạch' } });
    const h = await harness(
      undefined,
      {
        api: undefined,
        login: () =>
          new Promise((resolve) => {
            finish = () => void slow.login().then(resolve);
          }),
      },
      slow,
    );
    const starting = h.channel.start();
    await waitFor(() => finish !== undefined, 'the login to begin');

    await expect(h.channel.sender.send(GROUP, { segments: [{ text: 'x' }] })).rejects.toBeInstanceOf(
      SendDeferredError,
    );
    expect(h.channel.sender.session.state()).toBe('connecting');
    finish?.();
    await starting;
    await waitFor(() => h.channel.sender.session.ready(), 'connected');
    expect(h.channel.sender.session.state()).toBe('connected');
    await h.channel.sender.send(GROUP, { segments: [{ text: 'x' }] });
    expect(h.zalo.sentTo(GROUP)).toHaveLength(1);
  });

  it('fails start when there is no credentials file to log in with', async () => {
    const h = await harness(undefined, {
      api: undefined,
      credentialsFile: join(tmpdir(), 'zalo-channel-test-absent.json'),
    });
    await expect(h.channel.start()).rejects.toBeInstanceOf(ZaloCredentialsError);
  });
});

describe('zalo channel: stopping never crashes', () => {
  it('stops while the listener is still connecting: the socket error is handled', async () => {
    const h = await harness();
    const start = h.channel.start();
    await h.channel.stop(); // before `connected`
    await start;
    await waitFor(() => h.logs.some((l) => l.msg === 'zalo: listener error'), 'the socket error logged');

    const listener = h.zalo.listener;
    expect(listener.listenerCount('error')).toBeGreaterThan(0);
    expect(h.logs.some((l) => l.msg === 'zalo: listener error')).toBe(true);
    expect(listener.started).toBe(false);
  });

  it("stops while zca-js's own retry is pending: the orphan never comes back", async () => {
    const h = await harness();
    await h.channel.start();
    await waitFor(() => connects(h) === 1, 'connected');

    h.zalo.closeListener(CloseReason.ManualClosure, ''); // a listed code: zca-js schedules its own retry
    await h.channel.stop();
    await staysQuiet(
      () => h.zalo.listener.started || h.zalo.listener.startCalls.length > 1,
      'the orphan coming back',
    );

    expect(h.zalo.listener.internalRetries).toBe(1);
    expect(h.zalo.listener.started).toBe(false);
    expect(h.zalo.listener.startCalls).toHaveLength(1);
  });

  it('stops twice, and after a restart was scheduled, without restarting anything', async () => {
    const h = await harness();
    await h.channel.start();
    await waitFor(() => connects(h) === 1, 'connected');

    h.zalo.closeListener(); // our restart is now pending
    await Promise.all([h.channel.stop(), h.channel.stop()]);
    await h.channel.stop();
    await staysQuiet(
      () => h.zalo.listener.startCalls.length > 1 || h.zalo.loginCalls > 0,
      'restart or login',
    );

    expect(h.zalo.listener.startCalls).toHaveLength(1);
    expect(h.zalo.loginCalls).toBe(0);
  });
});

describe('zalo channel: session file', () => {
  it('saves refreshed cookies (and only then) after keepAlive, never logging the cookie or imei', async () => {
    const h = await harness(undefined, { policy: { ...POLICY, maintenanceMs: 20 } });
    const before = await stat(h.file);
    await h.channel.start();
    await waitFor(() => h.zalo.api.keepAliveCalls > 1, 'two keepAlive rounds');
    expect((await stat(h.file)).mtimeMs).toBe(before.mtimeMs);

    h.zalo.setCookie('zpw_sek', 'refreshed-cookie-value');
    await waitFor(() => h.logs.some((l) => l.msg === 'zalo: refreshed session saved'), 'the save');

    const stored = JSON.parse(await readFile(h.file, 'utf8'));
    expect(stored.imei).toBe(IMEI);
    expect(stored.cookie.find((c: { key: string }) => c.key === 'zpw_sek').value).toBe(
      'refreshed-cookie-value',
    );
    expect((await stat(h.file)).mode & 0o777).toBe(0o600);
    await h.channel.stop();
    expect(h.raw.join('\n')).not.toMatch(/refreshed-cookie-value|session-1|imei-that-must-never-be-logged/);
  });
});
