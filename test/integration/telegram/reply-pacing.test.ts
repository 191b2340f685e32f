/**
 * The bot's answers keep Telegram's limits as the worker's sends do, through the same Redis pacer: the
 * emulator enforces 30 messages a second overall and 20 a minute per group, answering 429 beyond them.
 * 300 commands across 30 groups, then 60 in one group within a minute: every command is answered (in one
 * group, answers that waited for the group's slot are merged into one message naming each person), and
 * the emulator answers 429 to none of them.
 *
 * The group's "minute" is 10 s here, on both sides (the emulator's limit and the bot's pacer), so the test
 * does not sit out real minutes; what matters, 19 slots a window against a limit of 20, is production's.
 */
import IORedis from 'ioredis';
import pino from 'pino';
import { createBotCore } from '../../../src/bot/core';
import { createSendPacer, TELEGRAM_CHAT_PACE } from '../../../src/channels/send-pacer';
import { createTelegramChannel, type TelegramChannel } from '../../../src/channels/telegram/channel';
import { redisUrl, testNamespace } from '../../harness/servers';
import { coreDeps } from '../../helpers/core-deps';
import { seedScenario } from '../../helpers/scenario';
import { useTestStore } from '../../helpers/store';
import { startEmulator, type Emulator } from '../../helpers/telegram-emulator';

jest.setTimeout(300_000);
useTestStore(__filename);

const key = `${testNamespace(__filename)}:send-pace:telegram`;
const GROUPS = Array.from({ length: 30 }, (_, i) => -1009100 - i);
const BUSY = -1009200;
const GROUP_MINUTE_MS = 10_000;
let emu: Emulator;
let redis: IORedis;
let channel: TelegramChannel;

const tooMany = () => emu.state.calls.filter((c) => c.status === 429).length;
const said = (chatId: number) =>
  emu
    .botMessages(chatId)
    .map((m) => m.text ?? '')
    .join('\n');

/** Waits until every number has its "no task N" answer in the chat's messages. */
async function answered(chatId: number, numbers: number[], ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const text = said(chatId);
    const missing = numbers.filter((n) => !text.includes(`Không có việc số ${n}`));
    if (missing.length === 0) return;
    if (Date.now() > until) throw new Error(`chat ${chatId}: no answer for ${missing.join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  await seedScenario();
  redis = new IORedis(redisUrl(), { maxRetriesPerRequest: null });
  emu = await startEmulator();
  emu.state.limits = { perSecond: 30, perChatPerMinute: 20, chatMinuteMs: GROUP_MINUTE_MS };
  const core = createBotCore(coreDeps('telegram', { admins: ['telegram:900'] }));
  channel = createTelegramChannel({
    token: emu.token,
    apiRoot: emu.apiRoot,
    core,
    logger: pino({ level: 'silent' }),
    maxDelaySeconds: 5,
    pacer: createSendPacer(redis, key, undefined, undefined, {
      ...TELEGRAM_CHAT_PACE,
      windowMs: GROUP_MINUTE_MS,
    }),
  });
  await channel.start();
  for (const chatId of [...GROUPS, BUSY]) {
    const admin = emu.client({ chatId, type: 'supergroup', userId: 900, firstName: 'Admin' });
    await emu.sendText(admin, '/link ke-hoach-tong-hop');
  }
  for (const chatId of [...GROUPS, BUSY])
    await emu.waitForBotMessage(chatId, (m) => Boolean(m.text?.includes('Đã gắn')), 60_000);
});

afterAll(async () => {
  await channel?.stop();
  await emu?.stop();
  await redis?.quit();
});

it('answers 300 commands across 30 groups, each once, with no 429', async () => {
  const sends: Array<Promise<unknown>> = [];
  for (let round = 0; round < 10; round++)
    for (const [g, chatId] of GROUPS.entries()) {
      const person = emu.client({
        chatId,
        type: 'supergroup',
        userId: 1000 + round,
        firstName: `Người ${round}`,
      });
      sends.push(emu.sendText(person, `/task ${2000 + g * 10 + round}`));
    }
  await Promise.all(sends);
  for (const [g, chatId] of GROUPS.entries())
    await answered(
      chatId,
      Array.from({ length: 10 }, (_, r) => 2000 + g * 10 + r),
      120_000,
    );
  expect(tooMany()).toBe(0);
});

it('answers 60 commands sent into one group within a minute, merging what waited, with no 429', async () => {
  const before = tooMany();
  const numbers = Array.from({ length: 60 }, (_, i) => 3000 + i);
  for (const n of numbers) {
    const person = emu.client({
      chatId: BUSY,
      type: 'supergroup',
      userId: 2000 + (n % 6),
      firstName: `Cán bộ ${n % 6}`,
    });
    await emu.sendText(person, `/task ${n}`);
  }
  await answered(BUSY, numbers, 180_000);
  const messages = emu.botMessages(BUSY).filter((m) => m.text?.includes('Không có việc số'));
  // The group's limit is 20 a minute: answers beyond it went out together, each line naming its person.
  expect(messages.length).toBeLessThan(numbers.length);
  expect(messages.some((m) => /Cán bộ \d: .*Không có việc số \d+[\s\S]*Cán bộ \d: /.test(m.text ?? ''))).toBe(
    true,
  );
  // One group's answers never come near the overall limit: here the group's own limit is all that counts.
  expect(tooMany() - before).toBe(0);
});
