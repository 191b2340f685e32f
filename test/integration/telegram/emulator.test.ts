/** The harness itself: the routes it adds and the Telegram semantics later end-to-end tests rely on. */
import { Api } from 'grammy';
import type { Update } from 'grammy/types';
import {
  BOT_USERNAME,
  replyToBotMessage,
  sendText,
  startEmulator,
  type Emulator,
} from '../../helpers/telegram-emulator';

const GROUP = -1001234567890;

let emu: Emulator;
let api: Api;

beforeAll(async () => {
  emu = await startEmulator();
  api = new Api(emu.token, { apiRoot: emu.apiRoot });
});

afterAll(async () => {
  await emu.stop();
});

describe('telegram emulator harness', () => {
  it('runs several emulators side by side, each on its own port', async () => {
    const other = await startEmulator({ token: '999:OTHER' });
    try {
      expect(other.apiRoot).not.toBe(emu.apiRoot);
      expect((await new Api(other.token, { apiRoot: other.apiRoot }).getMe()).username).toBe(BOT_USERNAME);
    } finally {
      await other.stop();
    }
  });

  it('gives a command its bot_command entity and plain text none, with Telegram offset semantics', async () => {
    await sendText(emu.client(), '/status@TestNameBot Q2');
    await sendText(emu.client(), 'chào cả nhà');
    const updates: Update[] = await api.getUpdates({ timeout: 0 });
    expect(updates.map((u) => u.message?.text)).toEqual(['/status@TestNameBot Q2', 'chào cả nhà']);
    expect(updates[0]?.message?.entities).toEqual([{ offset: 0, length: 19, type: 'bot_command' }]);
    expect(updates[1]?.message?.entities).toBeUndefined();
    expect(updates[0]?.message).not.toHaveProperty('botToken');
    // Not confirmed yet: delivered again, as Telegram does.
    expect(await api.getUpdates({ timeout: 0 })).toHaveLength(2);
    const last = updates[1]?.update_id ?? 0;
    expect(await api.getUpdates({ offset: last + 1, timeout: 0 })).toEqual([]);
  });

  it('holds an empty long poll for up to a second, and answers as soon as an update arrives', async () => {
    let started = Date.now();
    expect(await api.getUpdates({ timeout: 30 })).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    started = Date.now();
    const polling = api.getUpdates({ timeout: 30 });
    setTimeout(() => void emu.sendText(emu.client(), 'đến rồi'), 150);
    const updates = await polling;
    expect(updates.map((u) => u.message?.text)).toEqual(['đến rồi']);
    expect(Date.now() - started).toBeLessThan(900);
    await api.getUpdates({ offset: (updates[0]?.update_id ?? 0) + 1, timeout: 0 });
  });

  it('does not consume updates for an aborted poll', async () => {
    const controller = new AbortController();
    const polling = api
      .getUpdates({ timeout: 30 }, controller.signal as unknown as Parameters<Api['getUpdates']>[1])
      .catch(() => 'aborted');
    controller.abort();
    expect(await polling).toBe('aborted');
    const { messageId } = await emu.sendText(emu.client(), 'vẫn còn');
    const [update] = await api.getUpdates({ timeout: 0 });
    expect(update?.message?.message_id).toBe(messageId);
    await api.getUpdates({ offset: (update?.update_id ?? 0) + 1, timeout: 0 });
  });

  it('answers getChatMember and getChatAdministrators from state.admins, and records chat actions', async () => {
    emu.state.admins.add(`${GROUP}:502`);
    expect((await api.getChatMember(GROUP, 502)).status).toBe('administrator');
    expect((await api.getChatMember(GROUP, 501)).status).toBe('member');
    expect((await api.getChatAdministrators(GROUP)).map((m) => m.user.id)).toEqual([502]);
    await api.sendChatAction(GROUP, 'typing');
    expect(emu.state.chatActions).toEqual([{ chat_id: String(GROUP), action: 'typing' }]);
  });

  it('finds bot messages by chat, each once, and builds a reply to one', async () => {
    await api.sendMessage(GROUP, 'một');
    await api.sendMessage(-100999, 'khác');
    await api.sendMessage(GROUP, 'hai');
    const second = await emu.waitForBotMessage(GROUP, (m) => m.text === 'hai');
    expect((await emu.waitForBotMessage(GROUP)).text).toBe('một');
    await emu.expectNoBotMessage(GROUP);
    await expect(emu.waitForBotMessage(GROUP, undefined, 100)).rejects.toThrow(/no matching bot message/);
    expect(emu.takeBotMessages(-100999).map((m) => m.text)).toEqual(['khác']);
    expect(emu.botMessages(GROUP)).toHaveLength(2);

    await emu.sendText(emu.client(), 'xong', replyToBotMessage(second));
    const [update] = await api.getUpdates({ timeout: 0 });
    expect(update?.message?.reply_to_message).toMatchObject({
      message_id: second.message_id,
      text: 'hai',
      from: { id: 666, is_bot: true },
    });
    await api.getUpdates({ offset: (update?.update_id ?? 0) + 1, timeout: 0 });
  });
});
