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
import { writeCredentials, ZaloCredentialsError } from '../../../src/channels/zalo/credentials';
import { ZaloSessionExpiredError } from '../../../src/channels/zalo/errors';
import { APOLOGY_VI, SESSION_EXPIRED_NOTICE, TAKEN_OVER_NOTICE } from '../../../src/channels/zalo/notices';
import { CloseReason, ThreadType } from '../../../src/channels/zalo/zca';
import { FakeZaloServer, photoContent } from '../../helpers/zalo-fake';
import { buildGroupMessage } from '../../helpers/zalo-fake-messages';

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
}

let running: ZaloChannel[] = [];
afterEach(async () => {
  await Promise.all(running.map((c) => c.stop()));
  running = [];
});

function harness(
  answer: (m: IncomingMessage) => Promise<Reply[]> = async (m) => [
    { segments: [{ text: 'Đã nhận: ' }, { text: m.text, style: 'bold' }], quote: true },
  ],
  overrides: Partial<ZaloChannelOptions> = {},
): Harness {
  const zalo = new FakeZaloServer({
    groups: { [GROUP]: 'Phòng Kế hoạch', [OTHER_GROUP]: 'Phòng Tài chính' },
  });
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
  const channel = createZaloChannel({
    credentialsFile: join(tmpdir(), 'zalo-channel-test-absent.json'),
    core,
    logger,
    notifyAdmins: async (text) => void notices.push(text),
    api: zalo.api,
    login: zalo.login,
    reconnect: { initialDelayMs: 20, maxDelayMs: 80, stableAfterMs: 60_000 },
    ratePerSecond: 1000,
    burst: 20,
    ...overrides,
  });
  running.push(channel);
  return { zalo, channel, seen, notices, logs, raw };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const delays = (h: Harness): unknown[] =>
  h.logs.filter((l) => l.msg === 'zalo: reconnecting after a delay').map((l) => l.delayMs);

describe('zalo channel: messages', () => {
  it('hands a group message to the core and posts the reply to the same group as ThreadType.Group, quoting it', async () => {
    const h = harness();
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
    const h = harness(async () => [{ segments: [{ text: 'Chào bạn' }] }]);
    await h.channel.start();

    h.zalo.emitUserText(LAN, '/help');
    const [reply] = await h.zalo.waitForSent(1);

    expect(h.seen[0]?.chat).toEqual({ id: LAN.id, isGroup: false });
    expect(reply).toMatchObject({ threadId: LAN.id, type: ThreadType.User, text: 'Chào bạn' });
    expect(reply?.content.quote).toBeUndefined();
  });

  it('ties a reply to a reminder the sender posted back to that reminder', async () => {
    const h = harness(async () => []);
    await h.channel.start();

    const { messageId } = await h.channel.sender.send(GROUP, {
      segments: [{ text: 'Nhắc việc: Báo cáo quý II' }],
    });
    h.zalo.emitReplyToBot(messageId, LAN, 'xong');
    await waitFor(() => h.seen.length === 1, 'the reply to reach the core');

    expect(h.seen[0]?.replyTo).toEqual({ messageId, fromBot: true, text: 'Nhắc việc: Báo cáo quý II' });
  });

  it('apologises in Vietnamese when the core fails, and logs it', async () => {
    const h = harness(async () => {
      throw new Error('database down');
    });
    await h.channel.start();

    const question = h.zalo.emitGroupText(GROUP, LAN, '/status Q2');
    const [reply] = await h.zalo.waitForSent(1);

    expect(reply?.text).toBe(APOLOGY_VI);
    expect(reply?.content.quote?.msgId).toBe(question.data.msgId);
    expect(h.logs.some((l) => l.msg === 'zalo: the core failed on a message' && l.level === 50)).toBe(true);
  });

  it('ignores its own echoes, photos and a redelivered message, and answers each thread in order', async () => {
    const h = harness(async (m) => [{ segments: [{ text: `re ${m.text}` }] }]);
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
    await new Promise((r) => setTimeout(r, 30));

    expect(h.seen.map((m) => m.text).sort()).toEqual(['ba', 'hai', 'một']);
    expect(zalo.sentTo(GROUP).map((s) => s.text)).toEqual(['re một', 're hai']);
    expect(zalo.sentTo(OTHER_GROUP).map((s) => s.text)).toEqual(['re ba']);
  });
});

describe('zalo channel: connection', () => {
  it('logs in again with exponential back-off (capped) after the listener closes, then listens on the new session', async () => {
    const h = harness();
    await h.channel.start();
    const first = h.zalo.listener;

    h.zalo.failNextLogin('network', 3);
    h.zalo.closeListener(CloseReason.AbnormalClosure, 'network');
    await waitFor(() => h.zalo.sessions.length === 2, 'a new session');
    await waitFor(() => h.zalo.listener.started, 'the new listener');

    expect(delays(h)).toEqual([20, 40, 80, 80]);
    expect(h.zalo.loginCalls).toBe(4);
    expect(h.zalo.listener).not.toBe(first);
    expect(h.zalo.listener.startCalls).toEqual([{ retryOnClose: true }]);

    // The old listener no longer feeds the core; the new one does.
    first.emit('message', h.zalo.groupText(GROUP, LAN, 'cũ'));
    h.zalo.emitGroupText(GROUP, LAN, 'mới');
    await h.zalo.waitForSent(1);
    expect(h.seen.map((m) => m.text)).toEqual(['mới']);
    expect(h.zalo.sent[0]?.session).toBe(1);
  });

  it('starts the back-off afresh after a connection that stayed up', async () => {
    const h = harness(undefined, { reconnect: { initialDelayMs: 10, maxDelayMs: 1000, stableAfterMs: 0 } });
    await h.channel.start();
    await waitFor(() => h.logs.some((l) => l.msg === 'zalo: listener connected'), 'connected');

    h.zalo.closeListener();
    await waitFor(() => h.zalo.sessions.length === 2 && h.zalo.listener.started, 'first reconnect');
    await new Promise((r) => setTimeout(r, 10)); // let "connected" arrive
    h.zalo.closeListener();
    await waitFor(() => h.zalo.sessions.length === 3, 'second reconnect');

    expect(delays(h)).toEqual([10, 10]);
  });

  it('stops for good and tells the admins once when the session has expired', async () => {
    const h = harness();
    await h.channel.start();

    h.zalo.expireSession();
    h.zalo.closeListener();
    await waitFor(() => h.notices.length === 1, 'the admin notice');
    const logins = h.zalo.loginCalls;
    await new Promise((r) => setTimeout(r, 200)); // ten back-off periods: no busy loop

    expect(h.zalo.loginCalls).toBe(logins);
    expect(h.notices).toEqual([SESSION_EXPIRED_NOTICE]);
    const line = h.logs.find((l) => l.level === 50 && String(l.msg).startsWith('zalo: session expired'));
    expect(line?.msg).toContain('npm run zalo:login');
    await expect(h.channel.sender.send(GROUP, { segments: [{ text: 'x' }] })).rejects.toBeInstanceOf(
      ZaloSessionExpiredError,
    );
  });

  it('notices an expired session from a failed send too, and stops listening', async () => {
    const h = harness();
    await h.channel.start();

    h.zalo.failNextSend('session-expired');
    await expect(h.channel.sender.send(GROUP, { segments: [{ text: 'x' }] })).rejects.toBeInstanceOf(
      ZaloSessionExpiredError,
    );
    await waitFor(() => h.notices.length === 1, 'the admin notice');

    expect(h.zalo.listener.started).toBe(false);
    h.zalo.closeListener();
    await new Promise((r) => setTimeout(r, 60));
    expect(h.zalo.loginCalls).toBe(0);
  });

  it('reports an expired session at start without failing start', async () => {
    const h = harness(undefined, { api: undefined });
    h.zalo.expireSession();

    await expect(h.channel.start()).resolves.toBeUndefined();
    await waitFor(() => h.notices.length === 1, 'the admin notice');
    expect(h.zalo.loginCalls).toBe(1);
  });

  it('does not fight another session that took the account over (3000)', async () => {
    const h = harness();
    await h.channel.start();

    h.zalo.closeListener(CloseReason.DuplicateConnection, 'another web session');
    await waitFor(() => h.notices.length === 1, 'the admin notice');
    await new Promise((r) => setTimeout(r, 60));

    expect(h.notices).toEqual([TAKEN_OVER_NOTICE]);
    expect(h.zalo.loginCalls).toBe(0);
  });

  it('fails start when there is no credentials file to log in with', async () => {
    const h = harness(undefined, { api: undefined, login: undefined });
    await expect(h.channel.start()).rejects.toBeInstanceOf(ZaloCredentialsError);
  });
});

describe('zalo channel: session file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zalo-channel-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('saves refreshed cookies (and only then), never logging the cookie or imei', async () => {
    const file = join(dir, 'zalo.json');
    const h = harness(undefined, { credentialsFile: file, saveIntervalMs: 20 });
    const cookie = h.zalo.cookieJar.toJSON()?.cookies ?? [];
    await writeCredentials(file, { cookie, imei: IMEI, userAgent: 'UA/1.0' });
    const before = await stat(file);
    await h.channel.start();
    await new Promise((r) => setTimeout(r, 60));
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);

    h.zalo.setCookie('zpw_sek', 'refreshed-cookie-value');
    await waitFor(() => h.logs.some((l) => l.msg === 'zalo: refreshed session saved'), 'the save');

    const stored = JSON.parse(await readFile(file, 'utf8'));
    expect(stored.imei).toBe(IMEI);
    expect(stored.cookie.find((c: { key: string }) => c.key === 'zpw_sek').value).toBe(
      'refreshed-cookie-value',
    );
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    await h.channel.stop();
    expect(h.raw.join('\n')).not.toMatch(/refreshed-cookie-value|session-1|imei-that-must-never-be-logged/);
  });
});
