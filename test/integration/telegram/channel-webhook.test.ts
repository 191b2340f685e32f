import { createServer } from 'node:net';
import type { BotCore, IncomingMessage, Reply } from '../../../src/bot/messages';
import { createTelegramChannel, type TelegramChannel } from '../../../src/channels/telegram/channel';
import { startEmulator, type Emulator } from '../../helpers/telegram-emulator';
import { captureLogs } from './log-capture';

const GROUP = -1001234567890;
const SECRET = 'webhook-secret_1';

const core: BotCore = {
  async handle(message: IncomingMessage): Promise<Reply[]> {
    return [{ segments: [{ text: `nhận: ${message.text}` }] }];
  },
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

let emu: Emulator;
let channel: TelegramChannel;
let hook: string;
const logs = captureLogs();

beforeAll(async () => {
  emu = await startEmulator();
  const port = await freePort();
  hook = `http://127.0.0.1:${port}/telegram/hook`;
  channel = createTelegramChannel({
    token: emu.token,
    apiRoot: emu.apiRoot,
    core,
    logger: logs.logger,
    webhook: { url: hook, secret: SECRET, port, host: '127.0.0.1' },
  });
  await channel.start();
});

afterAll(async () => {
  await channel.stop();
  await emu.stop();
});

/** What Telegram would POST; the emulator cannot send the secret header itself, so the test does. */
function post(headers: Record<string, string>, text: string, updateId: number): Promise<Response> {
  const update = {
    update_id: updateId,
    message: {
      message_id: 100 + updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: GROUP, type: 'supergroup', title: 'Phòng Kế toán' },
      from: { id: 501, is_bot: false, first_name: 'Lan' },
      text,
    },
  };
  return fetch(hook, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(update),
  });
}

describe('createTelegramChannel with a webhook', () => {
  it('registers the webhook with its secret token', () => {
    expect(emu.state.webhook).toEqual({ url: hook, secret_token: SECRET });
  });

  it('refuses a request without the secret', async () => {
    const res = await post({}, 'giả mạo', 1);
    expect(res.status).toBe(401);
    await emu.expectNoBotMessage(GROUP);
  });

  it('handles an update carrying the secret and answers in the chat', async () => {
    const res = await post({ 'x-telegram-bot-api-secret-token': SECRET }, '/status', 2);
    expect(res.status).toBe(200);
    expect((await emu.waitForBotMessage(GROUP)).text).toBe('nhận: /status');
  });

  it('answers 404 elsewhere', async () => {
    const res = await fetch(hook.replace('/telegram/hook', '/other'), { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });
});
