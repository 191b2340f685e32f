/**
 * The channel with zca-js's REAL Listener class over a real websocket (test/helpers/zalo-fake-socket.ts):
 * Zalo's 1006 flapping, stopping while connecting, and stopping while zca-js's own retry is pending.
 *
 * Time: the flapping test runs Zalo's reported pattern — a drop every 2–5 s for 60 s — twice as fast by
 * default (a drop every 1–2.5 s for 30 s, some fifteen drops), with the channel's policy scaled by the
 * same factor, so the ratios that matter (drop interval vs restart pause) stay production's; zca-js's own
 * timers are not scaled, and are still well under the drop interval. ZALO_FLAP_SCALE=1 runs it at full
 * length, ZALO_FLAP_SCALE=0.1 ten times faster (handy while working on the channel).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import pino from 'pino';
import type { BotCore } from '../../../src/bot/messages';
import { createZaloChannel, type ZaloChannel } from '../../../src/channels/zalo/channel';
import {
  DEFAULT_CONNECTION_POLICY,
  type ConnectionPolicy,
} from '../../../src/channels/zalo/connection-policy';
import { writeCredentials } from '../../../src/channels/zalo/credentials';
import { FakeZaloServer } from '../../helpers/zalo-fake';
import { FakeZaloSocketServer } from '../../helpers/zalo-fake-socket';
import { eventually, staysQuiet, waitFor } from '../../helpers/wait';

const GROUPS = ['6209876543210987654', '6201111111111111111', '6202222222222222222'];
const LAN = { id: '3261854332509022064', name: 'Nguyễn Thị Lan' };
const TIME_SCALE = Number(process.env.ZALO_FLAP_SCALE ?? '0.5');

type LogLine = { level: number; msg: string; [key: string]: unknown };

interface Rig {
  socket: FakeZaloSocketServer;
  zalo: FakeZaloServer;
  channel: ZaloChannel;
  logs: LogLine[];
  handled: string[];
}

let rigs: Rig[] = [];
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zalo-real-listener-'));
});
afterEach(async () => {
  for (const r of rigs) {
    await r.channel.stop();
    await r.socket.close();
  }
  rigs = [];
  await rm(dir, { recursive: true, force: true });
});

async function rig(policy: Partial<ConnectionPolicy> = {}, notices: string[] = []): Promise<Rig> {
  const socket = await FakeZaloSocketServer.start();
  const zalo = new FakeZaloServer({
    socket,
    groups: Object.fromEntries(GROUPS.map((g, i) => [g, `Phòng ${i + 1}`])),
  });
  const logs: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const handled: string[] = [];
  const core: BotCore = {
    async handle(message) {
      handled.push(message.text);
      return [{ segments: [{ text: `re ${message.text}` }] }];
    },
  };
  const file = join(dir, 'zalo.json');
  await writeCredentials(file, {
    cookie: zalo.cookieJar.toJSON()?.cookies ?? [],
    imei: 'imei',
    userAgent: 'UA/1.0',
  });
  const channel = createZaloChannel({
    credentialsFile: file,
    core,
    logger,
    login: zalo.login,
    notifyAdmins: async (text) => void notices.push(text),
    policy,
    ratePerSecond: 1000,
    burst: 50,
  });
  const r = { socket, zalo, channel, logs, handled };
  rigs.push(r);
  return r;
}

describe('zalo channel on zca-js’s real Listener', () => {
  it(
    `answers every command sent during ${60 * TIME_SCALE} s of 1006 drops every ${2 * TIME_SCALE}–${5 * TIME_SCALE} s, each once, without a re-login`,
    async () => {
      const scaled = (ms: number): number => Math.max(1, Math.round(ms * TIME_SCALE));
      const p = DEFAULT_CONNECTION_POLICY;
      const r = await rig({
        restartMinMs: scaled(p.restartMinMs),
        restartMaxMs: scaled(p.restartMaxMs),
        loginRetryMinMs: scaled(p.loginRetryMinMs),
        loginRetryMaxMs: scaled(p.loginRetryMaxMs),
      });
      await r.channel.start();
      await waitFor(() => r.socket.openSockets === 1, 'the first connection');

      const duration = scaled(60_000);
      const started = Date.now();
      let drops = 0;
      const flapping = (async () => {
        while (Date.now() - started < duration) {
          await pause(scaled(2_000 + Math.random() * 3_000)); // the flapping itself, not a wait
          r.socket.drop();
          drops++;
        }
      })();
      const commands: string[] = [];
      let n = 0;
      while (Date.now() - started < duration) {
        const text = `/tasks ${++n}`;
        commands.push(text);
        r.zalo.emitGroupText(GROUPS[n % GROUPS.length] ?? '', LAN, text);
        await pause(scaled(700)); // a command every 0.7 s: the load under test
      }
      await flapping;

      await waitFor(() => r.zalo.sent.length >= commands.length, 'every answer', {
        timeoutMs: scaled(30_000) + 5000,
      });
      await staysQuiet(() => r.zalo.sent.length > commands.length, 'answer given twice');
      const answers = r.zalo.sent.map((s) => s.text);
      const restarts = r.logs.filter((l) => l.msg === 'zalo: restarting the listener');
      process.stdout.write(
        `flapping at scale ${TIME_SCALE}: ${drops} drops, ${r.socket.connections} connections, ` +
          `${commands.length} commands, ${answers.length} answers, ${r.zalo.loginCalls} logins, ` +
          `restart pauses ${Math.min(...restarts.map((l) => Number(l.delayMs)))}–` +
          `${Math.max(...restarts.map((l) => Number(l.delayMs)))} ms\n`,
      );

      expect(drops).toBeGreaterThanOrEqual(10);
      expect([...answers].sort()).toEqual(commands.map((c) => `re ${c}`).sort());
      expect(new Set(r.handled).size).toBe(r.handled.length);
      // Every restart connected, so the rule (a re-login after 3 failed restarts in a row) never fired.
      expect(r.zalo.loginCalls).toBe(1);
      expect(r.socket.oldMessageRequests.length).toBeGreaterThanOrEqual(drops);
      // The pause never ran away: it stays at the first step (±50% jitter) since every restart connected.
      for (const l of restarts) expect(Number(l.delayMs)).toBeLessThanOrEqual(scaled(p.restartMinMs) * 1.5);
    },
    Math.max(30_000, 60_000 * TIME_SCALE * 3),
  );

  it('stopping a listener that is still connecting emits `error` from zca-js itself (the hazard)', async () => {
    const socket = await FakeZaloSocketServer.start();
    try {
      socket.holdHandshakes = true;
      const listener = socket.createListener('8412345678901234567');
      const errors: unknown[] = [];
      listener.on('error', (err) => void errors.push(err));
      listener.start({ retryOnClose: true });
      await waitFor(() => socket.heldHandshakes === 1, 'the connection to be held in its handshake');
      listener.stop();
      await waitFor(() => errors.length > 0, 'the error');

      expect(errors).toHaveLength(1);
      expect(String((errors[0] as { message?: unknown }).message)).toMatch(/closed before the connection/);
    } finally {
      await socket.close();
    }
  });

  it('the channel stops while its listener is connecting without crashing the process', async () => {
    const r = await rig();
    r.socket.holdHandshakes = true;
    await r.channel.start();
    await waitFor(() => r.socket.heldHandshakes === 1, 'the connection to be held in its handshake');

    await r.channel.stop();
    r.socket.releaseHandshakes();

    await waitFor(
      () => r.logs.some((l) => l.msg === 'zalo: listener error' && /closed before/.test(String(l.err))),
      'the listener error logged',
    );
    await eventually(() => expect(r.socket.openSockets).toBe(0));
  });

  it("the channel stops while zca-js's own retry (close 1000) is pending, and nothing reconnects", async () => {
    const r = await rig();
    await r.channel.start();
    await waitFor(() => r.socket.openSockets === 1, 'connected');

    r.socket.closeWith(1000); // listed in close_and_retry_codes: zca-js schedules a retry in 300 ms
    await waitFor(() => r.logs.some((l) => l.msg === 'zalo: listener disconnected'), 'the close');
    await r.channel.stop();
    await staysQuiet(() => r.socket.connections > 1, 'reconnection');

    expect(r.socket.connections).toBe(1);
    expect(r.socket.openSockets).toBe(0);
  });

  it('does not fight a duplicate connection (3000): zca-js’s own retry is cancelled, and the login again waits', async () => {
    const notices: string[] = [];
    const r = await rig({ kickRetryMinMs: 1500, kickRetryMaxMs: 1500, random: () => 0.5 }, notices);
    await r.channel.start();
    await waitFor(() => r.socket.openSockets === 1, 'connected');

    r.socket.closeWith(3000, 'another web session'); // listed: zca-js emits only `disconnected` and retries
    await waitFor(() => r.channel.sender.session.state() === 'kicked', 'kicked');
    // zca-js's own retry would have reconnected after 300 ms.
    await staysQuiet(() => r.socket.connections > 1, 'zca-js reconnecting by itself');

    expect(r.socket.connections).toBe(1);
    expect(r.zalo.loginCalls).toBe(1);
    expect(notices).toEqual([]); // one kick is what a `zalo:login` does; only repeated kicks are told
    await waitFor(() => r.channel.sender.session.ready(), 'logged in again after the wait', {
      timeoutMs: 5000,
    });
    expect(r.zalo.loginCalls).toBe(2);
    expect(r.socket.connections).toBe(2);
  });

  it('a stop at shutdown, called twice at once, closes the socket and nothing reconnects', async () => {
    const r = await rig();
    await r.channel.start();
    await waitFor(() => r.socket.openSockets === 1, 'connected');

    await Promise.all([r.channel.stop(), r.channel.stop()]);
    await staysQuiet(() => r.socket.connections > 1, 'reconnection');

    expect(r.socket.connections).toBe(1);
    expect(r.socket.openSockets).toBe(0);
  });
});
