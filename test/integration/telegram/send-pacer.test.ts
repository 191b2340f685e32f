/**
 * The worker's send pacer against real Redis and the Bot API emulator enforcing Telegram's limit (30
 * messages in any second): several worker processes (here: senders on their own Redis connections)
 * share one budget, and a 429 holds all of them back.
 */
import IORedis from 'ioredis';
import pino from 'pino';
import type { Sender } from '../../../src/channels/sender';
import { createTelegramSender } from '../../../src/channels/telegram/sender';
import { createSendPacer } from '../../../src/channels/send-pacer';
import { redisUrl, testNamespace } from '../../harness/servers';
import { startEmulator, type Emulator } from '../../helpers/telegram-emulator';
import { waitFor } from '../../helpers/wait';

const logger = pino({ level: 'silent' });
const key = `${testNamespace(__filename)}:send-pace:telegram`;
let emu: Emulator;
const connections: IORedis[] = [];

function workerSender(): Sender {
  const connection = new IORedis(redisUrl(), { maxRetriesPerRequest: null });
  connections.push(connection);
  return createTelegramSender({
    token: emu.token,
    apiRoot: emu.apiRoot,
    logger,
    maxDelaySeconds: 5,
    pacer: createSendPacer(connection, key),
  });
}

const text = (n: number) => ({ segments: [{ text: `Nhắc việc ${n}` }] });
const tooMany = () => emu.state.calls.filter((c) => c.status === 429).length;

beforeEach(async () => {
  emu = await startEmulator();
});

afterEach(async () => {
  await emu.stop();
  await Promise.all(connections.splice(0).map((c) => c.quit()));
});

describe('send pacer', () => {
  it('keeps two workers together under Telegram’s 30 messages a second', async () => {
    emu.state.limits = { perSecond: 30, perChatPerMinute: 20 };
    const workers = [workerSender(), workerSender()];
    // 70 groups at once, as a busy morning's fan-out would ask: more than two seconds' worth.
    await Promise.all(Array.from({ length: 70 }, (_, i) => workers[i % 2]!.send(String(-7000 - i), text(i))));
    // Slots are handed out at most 25 a second, with room for sends a busy event loop bunches together, and
    // all 70 go out exactly once. Without the pacer this run meets about 50.
    expect(tooMany()).toBe(0);
    for (let i = 0; i < 70; i++) expect(emu.botMessages(String(-7000 - i))).toHaveLength(1);
  });

  it('spaces the sends again after the process stalled, instead of sending a stall’s worth at once', async () => {
    emu.state.limits = { perSecond: 30, perChatPerMinute: 20 };
    const sender = workerSender();
    const sends = Array.from({ length: 60 }, (_, i) => sender.send(String(-7200 - i), text(i)));
    await waitFor(() => emu.state.calls.length >= 5, 'the first sends');
    // The event loop held for 1.5 s (a long GC, a starved CPU): every sender waiting meanwhile wakes late,
    // together, holding slots that have all passed. Sent on those, 37 would reach the emulator at once.
    const until = Date.now() + 1_500;
    while (Date.now() < until) {
      // busy: nothing else in this process runs
    }
    await Promise.all(sends);
    expect(tooMany()).toBe(0);
    for (let i = 0; i < 60; i++) expect(emu.botMessages(String(-7200 - i))).toHaveLength(1);
  });

  it('after a 429, holds back the other workers for the time Telegram asked', async () => {
    const [first, second] = [workerSender(), workerSender()];
    emu.state.fail429 = 1;
    emu.state.retryAfter = 1;
    const refused = first!.send('-7101', text(1));
    try {
      // The first worker has read the 429 and told the others (the emulator counts it before that).
      const probe = connections[0]!;
      await waitFor(
        async () => tooMany() > 0 && (await probe.exists(`${key}:blocked`)) === 1,
        'the 429 to be shared',
        { intervalMs: 5 },
      );
      const t0 = Date.now();
      await second!.send('-7102', text(2));
      // Without the pacer the second worker's message would go at once and meet the same limit.
      expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    } finally {
      // Settled before the connections close, whatever the outcome, so no retry outlives the test.
      await refused;
    }
    expect(emu.botMessages('-7101')).toHaveLength(1);
    expect(emu.botMessages('-7102')).toHaveLength(1);
  });

  it('refuses limits that could never pace', () => {
    const connection = new IORedis(redisUrl(), { maxRetriesPerRequest: null, lazyConnect: true });
    connections.push(connection);
    expect(() => createSendPacer(connection, key, { max: 29, windowMs: 1000, gapMs: 0 })).toThrow(RangeError);
  });
});
