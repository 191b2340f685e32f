import type { BotCore, IncomingMessage, Reply, Segment } from '../../../src/bot/messages';
import {
  APOLOGY_VI,
  createTelegramChannel,
  type TelegramChannel,
} from '../../../src/channels/telegram/channel';
import { TELEGRAM_TEXT_LIMIT } from '../../../src/channels/telegram/split';
import {
  BOT_USERNAME,
  replyToBotMessage,
  startEmulator,
  type Emulator,
} from '../../helpers/telegram-emulator';
import { parseTelegramHtml } from '../../unit/telegram/valid-html';
import { captureLogs } from './log-capture';
import { staysQuiet, waitFor } from '../../helpers/wait';

const GROUP = -1001234567890;

function longSegments(): Segment[] {
  const segments: Segment[] = [];
  for (let i = 1; segments.length < 600; i++) {
    segments.push(
      { text: `${i}. ` },
      { text: `Nhiệm vụ <${i}> & báo cáo`, style: 'bold' },
      { text: ' — hạn 31/03/2025\n' },
    );
  }
  return segments;
}

/** Echoes what it received, with markup that must arrive escaped; a few texts trigger other behaviour. */
const received: IncomingMessage[] = [];
let releaseSlow: (() => void) | undefined;
const core: BotCore = {
  async handle(message: IncomingMessage): Promise<Reply[]> {
    received.push(message);
    if (message.text.startsWith('/boom')) throw new Error('core exploded');
    if (message.text.startsWith('/long')) return [{ segments: longSegments(), quote: true }];
    if (message.text.startsWith('/chart')) {
      return [
        {
          segments: [{ text: 'Tiến độ ' }, { text: 'Q1', style: 'bold' }],
          image: { data: Buffer.alloc(2048, 7) },
        },
      ];
    }
    if (message.text.startsWith('/slow')) await new Promise<void>((resolve) => (releaseSlow = resolve));
    if (message.text === 'chỉ đọc') return [];
    return [
      {
        segments: [{ text: 'Echo: ' }, { text: message.text, style: 'bold' }, { text: ' <x>' }],
        quote: true,
      },
    ];
  },
};

const commands = [
  { command: 'status', description: { vi: 'Xem tiến độ', en: 'Show progress' } },
  { command: 'done', description: { vi: 'Báo hoàn thành', en: 'Report done' } },
];

const migrations: Array<[string, string]> = [];
let emu: Emulator;
let channel: TelegramChannel;
const logs = captureLogs();

beforeAll(async () => {
  emu = await startEmulator();
  channel = createTelegramChannel({
    token: emu.token,
    apiRoot: emu.apiRoot,
    core,
    logger: logs.logger,
    commands,
    onChatMigrated: (from, to) => void migrations.push([from, to]),
  });
  await channel.start();
});

afterAll(async () => {
  await channel.stop();
  await emu.stop();
});

const lastReceived = (): IncomingMessage | undefined => received[received.length - 1];

describe('createTelegramChannel against the emulator', () => {
  it('logs one line when polling has started, and set the menus for groups and default, in vi, en and fallback', () => {
    expect(logs.text()).toContain(`telegram: polling as @${BOT_USERNAME}`);
    const menus = emu.state.commands.map((c) => ({
      scope: c.scope?.type,
      lang: c.language_code,
      first: c.commands[0]?.description,
    }));
    expect(menus).toEqual([
      { scope: 'all_group_chats', lang: 'vi', first: 'Xem tiến độ' },
      { scope: 'all_group_chats', lang: 'en', first: 'Show progress' },
      { scope: 'all_group_chats', lang: undefined, first: 'Xem tiến độ' },
      { scope: 'default', lang: 'vi', first: 'Xem tiến độ' },
      { scope: 'default', lang: 'en', first: 'Show progress' },
      { scope: 'default', lang: undefined, first: 'Xem tiến độ' },
    ]);
    expect(emu.state.commands[0]?.commands.map((c) => c.command)).toEqual(['status', 'done']);
  });

  it('passes a group command to the core and posts the reply as escaped HTML, quoting the user', async () => {
    const lan = emu.client();
    const { messageId } = await emu.sendText(lan, '/ping@TestNameBot a<b');
    const reply = await emu.waitForBotMessage(GROUP);
    expect(lastReceived()).toEqual({
      platform: 'telegram',
      chat: { id: String(GROUP), title: 'Phòng Kế toán', isGroup: true },
      user: { id: '501', name: 'Lan', username: 'lan' },
      messageId: String(messageId),
      text: '/ping@TestNameBot a<b',
      botUsername: BOT_USERNAME,
    });
    expect(reply.text).toBe('Echo: <b>/ping@TestNameBot a&lt;b</b> &lt;x&gt;');
    expect(reply.parse_mode).toBe('HTML');
    expect(reply.reply_parameters?.message_id).toBe(messageId);
    expect(reply.link_preview_options).toEqual({ is_disabled: true });
  });

  it('marks a reply to one of its own messages as fromBot', async () => {
    const lan = emu.client();
    await emu.sendText(lan, '/status');
    const status = await emu.waitForBotMessage(GROUP);
    await emu.sendText(lan, 'xong rồi', replyToBotMessage(status));
    await emu.waitForBotMessage(GROUP, (m) => m.text?.includes('xong rồi') ?? false);
    expect(lastReceived()?.replyTo).toEqual({
      messageId: String(status.message_id),
      fromBot: true,
      text: status.text,
    });
  });

  it('passes a photo with a command as its caption: the caption is the text, the largest size the file', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const { fileId, messageId } = await emu.sendPhoto(
      emu.client(),
      { data: jpeg, size: 48_213 },
      '/done 4 xong',
    );
    await emu.waitForBotMessage(GROUP, (m) => m.text?.includes('/done 4 xong') ?? false);
    const got = lastReceived()!;
    expect(got).toMatchObject({ messageId: String(messageId), text: '/done 4 xong' });
    expect(got.attachment).toMatchObject({
      kind: 'photo',
      ref: fileId,
      size: 48_213,
      mimeType: 'image/jpeg',
    });
    expect((await got.attachment!.download()).equals(jpeg)).toBe(true);
    expect(emu.state.downloads).toEqual([fileId]);
  });

  it('passes every message, even plain chat the core will ignore, and posts nothing for an empty answer', async () => {
    const before = received.length;
    await emu.sendText(emu.client({ userId: 502, firstName: 'Minh', userName: 'minh' }), 'chỉ đọc');
    await emu.expectNoBotMessage(GROUP);
    expect(received.slice(before).map((m) => m.text)).toEqual(['chỉ đọc']);
  });

  it('splits a long reply into several valid messages, in order, the first one quoting the user', async () => {
    const { messageId } = await emu.sendText(emu.client(), '/long');
    const parts = [await emu.waitForBotMessage(GROUP)];
    const expected = longSegments()
      .map((s) => s.text)
      .join('')
      .replace(/\s+/g, '');
    const seen = (): string =>
      parts
        .map((p) => parseTelegramHtml(p.text ?? ''))
        .join('')
        .replace(/\s+/g, '');
    while (seen().length < expected.length) parts.push(await emu.waitForBotMessage(GROUP));
    expect(parts.length).toBeGreaterThan(1);
    expect(seen()).toBe(expected);
    for (const p of parts) expect((p.text ?? '').length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(parts[0]?.reply_parameters?.message_id).toBe(messageId);
    expect(parts.slice(1).every((p) => p.reply_parameters === undefined)).toBe(true);
  });

  it('sends an image reply as a photo, with the short text as its caption', async () => {
    await emu.sendText(emu.client(), '/chart');
    const photo = await emu.waitForBotMessage(GROUP);
    expect(photo.photo).toEqual({ bytes: 2048 });
    expect(photo.caption).toBe('Tiến độ <b>Q1</b>');
    expect(photo.parse_mode).toBe('HTML');
  });

  it('apologises in Vietnamese when the core throws, and logs where without the token', async () => {
    const { messageId } = await emu.sendText(emu.client(), '/boom');
    const reply = await emu.waitForBotMessage(GROUP);
    expect(reply.text).toBe(APOLOGY_VI);
    expect(reply.reply_parameters?.message_id).toBe(messageId);
    const line = logs.lines.find((l) => l.includes('core exploded'));
    expect(line).toBeDefined();
    expect(JSON.parse(line ?? '{}')).toMatchObject({ chatId: String(GROUP), messageId: String(messageId) });
    expect(logs.text()).not.toContain(emu.token);
  });

  it('waits out a 429 (retry_after) and delivers the reply exactly once', async () => {
    emu.state.fail429 = 1;
    const calls = emu.state.calls.length;
    const started = Date.now();
    await emu.sendText(emu.client(), '/ping rate');
    const reply = await emu.waitForBotMessage(GROUP);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(reply.text).toContain('/ping rate');
    const sends = emu.state.calls.slice(calls).filter((c) => c.method === 'sendMessage');
    expect(sends.map((c) => c.status)).toEqual([429, 200]);
    await emu.expectNoBotMessage(GROUP);
    expect(emu.botMessages(GROUP).filter((m) => m.text?.includes('/ping rate'))).toHaveLength(1);
  });

  it('answers inside the forum topic the message came from', async () => {
    await emu.sendText(emu.client(), '/ping topic', { message_thread_id: 7, is_topic_message: true });
    const reply = await emu.waitForBotMessage(GROUP);
    expect(reply.message_thread_id).toBe(7);
  });

  it('reports a group upgraded to a supergroup to onChatMigrated, not to the core', async () => {
    const before = received.length;
    const oldGroup = emu.client({ chatId: -4242, type: 'group', chatTitle: 'Phòng cũ' });
    await emu.sendText(oldGroup, '', { migrate_to_chat_id: -1004242 });
    await waitFor(() => migrations.length > 0, 'the migration');
    expect(migrations).toEqual([['-4242', '-1004242']]);
    expect(received.length).toBe(before);
    await emu.expectNoBotMessage(-4242);
  });

  it('stop() waits for a message being handled, then receives nothing more', async () => {
    await emu.sendText(emu.client(), '/slow');
    await waitFor(() => lastReceived()?.text === '/slow', 'the core to receive /slow');
    const stopped = channel.stop();
    setTimeout(() => releaseSlow?.(), 200);
    await stopped;
    expect(emu.botMessages(GROUP).some((m) => m.text?.includes('/slow'))).toBe(true);
    const count = received.length;
    await emu.sendText(emu.client(), '/ping after stop');
    await staysQuiet(() => received.length > count, 'message received after stop');
  });
});
