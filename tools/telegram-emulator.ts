/**
 * A Telegram Bot API emulator for the tests and the benchmark: telegram-test-api plus the routes of ./telegram-emulator-routes,
 * on a free port, one per test file (jest workers run files in parallel). Read the bot's messages with
 * `waitForBotMessage`, which scans the emulator's storage; never with the emulator client's getUpdates,
 * which loses messages (docs/telegram-grammy-testing.md §1).
 */
import { createServer } from 'node:net';
import type { ClientOptions, TelegramClient } from 'telegram-test-api/lib/modules/telegramClient';
import { routes } from 'telegram-test-api/lib/routes/index';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer';
import { staysQuiet, WAIT_MS, waitFor } from './wait';
import {
  isRecord,
  mountExtraRoutes,
  newEmulatorState,
  userUpdates,
  type EmulatorServerInternals,
  type EmulatorState,
} from './telegram-emulator-routes';

export type { EmulatorState } from './telegram-emulator-routes';

/** What the emulator's getMe answers; fixed by telegram-test-api. */
export const BOT_ID = 666;
export const BOT_USERNAME = 'TestNameBot';
export const TEST_TOKEN = '123456:TEST';

/** A supergroup and a member of it, the defaults for `client()`. */
export const DEFAULT_CLIENT: ClientOptions = {
  chatId: -1001234567890,
  type: 'supergroup',
  chatTitle: 'Phòng Kế toán',
  userId: 501,
  firstName: 'Lan',
  userName: 'lan',
  timeout: 1000,
  interval: 100,
};

/** A message the bot sent, as the emulator stored its payload (Bot API field names). */
export interface BotMessage {
  message_id: number;
  chat_id: string;
  text?: string;
  caption?: string;
  parse_mode?: string;
  reply_parameters?: { message_id: number; allow_sending_without_reply?: boolean };
  message_thread_id?: number;
  link_preview_options?: { is_disabled?: boolean };
  /** Set on sendPhoto: the size of the uploaded file. */
  photo?: { bytes: number };
  /** Set on sendDocument: the size and name of the uploaded file. */
  document?: { bytes: number; file_name: string };
  /** The whole payload, for anything not listed above. */
  payload: Record<string, unknown>;
}

export type MessageExtra = Record<string, unknown>;

export interface Emulator {
  server: TelegramServer;
  /** For `client: { apiRoot }` / `new Api(token, { apiRoot })`; no trailing slash. */
  apiRoot: string;
  token: string;
  /** Fault injection and recorded calls; see EmulatorState. */
  state: EmulatorState;
  /** A person in a chat (defaults: DEFAULT_CLIENT); one client per person. */
  client(options?: Partial<ClientOptions>): TelegramClient;
  /**
   * A user sends a file (a document message), uploaded to the emulator as multipart/form-data; `size`
   * overrides the size Telegram reports. Answers the file_id and the message's id.
   */
  sendDocument(
    client: TelegramClient,
    file: { name: string; data: Buffer; mimeType?: string; size?: number },
    caption?: string,
  ): Promise<{ fileId: string; messageId: number }>;
  /**
   * A user sends a photo (JPEG bytes), with an optional caption (a command such as "/done 4 …" works as in
   * Telegram); Telegram delivers a thumbnail and the full size, and the file_id answered is the full size's.
   */
  sendPhoto(
    client: TelegramClient,
    photo: { data: Buffer; size?: number },
    caption?: string,
    extra?: MessageExtra,
  ): Promise<{ fileId: string; messageId: number }>;
  /** Like `sendText`, and answers the id Telegram gave the user's message (what the bot may quote). */
  sendText(
    client: TelegramClient,
    text: string,
    extra?: MessageExtra,
  ): Promise<{ messageId: number; updateId: number }>;
  /**
   * Until the bot has confirmed the update (a later getUpdates' offset passed it): grammY's polling
   * handles updates one after another, so every reply to it has been sent by then.
   */
  waitUntilHandled(updateId: number, ms?: number): Promise<void>;
  /** The next bot message in the chat not yet returned by this call that satisfies `pred`. */
  waitForBotMessage(
    chatId: number | string,
    pred?: (m: BotMessage) => boolean,
    ms?: number,
  ): Promise<BotMessage>;
  /**
   * Watches the chat(s) for QUIET_MS and fails once the bot posts anything `waitForBotMessage` has not
   * returned. Call it after waiting for what would have sent the message (a job done, queues idle).
   */
  expectNoBotMessage(chatIds: number | string | readonly (number | string)[]): Promise<void>;
  /** Every bot message in the chat not yet returned, now marked returned (after a send that has resolved). */
  takeBotMessages(chatId: number | string): BotMessage[];
  /** Every bot message in the chat so far, returned or not. */
  botMessages(chatId: number | string): BotMessage[];
  /** The bytes a photo or document message uploaded (throws when it uploaded none). */
  fileOf(message: BotMessage): Buffer;
  /**
   * `client` presses the inline button with `data` under the bot's `message` (as stored now, so after an
   * edit too); resolves with the callback query's id once the update is queued for the bot.
   */
  press(client: TelegramClient, message: BotMessage, data: string): Promise<string>;
  /** Waits until the bot answered the press (answerCallbackQuery); returns the toast, if any. */
  waitForPressAnswer(callbackId: string, ms?: number): Promise<{ text?: string }>;
  /** The bot's message as stored now (edits applied). */
  current(message: BotMessage): BotMessage;
  stop(): Promise<void>;
}

const MOUNTED = Symbol.for('lmhtx.telegram-emulator.routes');
const states = new WeakMap<object, EmulatorState>();

/**
 * The emulator mounts the exported `routes` array in its constructor, before its catch-all 404, so extra
 * routes must be added to that array first, and once (a jest module registry is per test file).
 */
function installRoutesOnce(): void {
  const list = routes as unknown as unknown[] & { [MOUNTED]?: true };
  if (list[MOUNTED]) return;
  list[MOUNTED] = true;
  routes.unshift((app: unknown, server: TelegramServer) => {
    const internals = server as unknown as EmulatorServerInternals;
    mountExtraRoutes(app, internals, () => states.get(server));
  });
}

/** telegram-test-api turns port 0 into 9000, so a free port is found here. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function toBotMessage(entry: unknown): { token: string; message: BotMessage } | undefined {
  if (!isRecord(entry) || !isRecord(entry.message) || typeof entry.messageId !== 'number') return undefined;
  const p = entry.message;
  const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
  const message: BotMessage = { message_id: entry.messageId, chat_id: String(p.chat_id), payload: p };
  const text = str(p.text);
  if (text !== undefined) message.text = text;
  const caption = str(p.caption);
  if (caption !== undefined) message.caption = caption;
  const parseMode = str(p.parse_mode);
  if (parseMode !== undefined) message.parse_mode = parseMode;
  if (isRecord(p.reply_parameters) && typeof p.reply_parameters.message_id === 'number') {
    message.reply_parameters = p.reply_parameters as BotMessage['reply_parameters'];
  }
  if (p.message_thread_id !== undefined) message.message_thread_id = Number(p.message_thread_id);
  if (isRecord(p.link_preview_options)) message.link_preview_options = p.link_preview_options;
  if (isRecord(p.photo) && typeof p.photo.bytes === 'number') message.photo = { bytes: p.photo.bytes };
  if (isRecord(p.document) && typeof p.document.bytes === 'number')
    message.document = { bytes: p.document.bytes, file_name: String(p.document.file_name) };
  return { token: String(entry.botToken), message };
}

export async function startEmulator(options: { token?: string } = {}): Promise<Emulator> {
  installRoutesOnce();
  const token = options.token ?? TEST_TOKEN;
  let server: TelegramServer | undefined;
  // The free port can be taken by another jest worker between probing and listening: try again.
  for (let attempt = 0; !server; attempt++) {
    const candidate = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 600 });
    try {
      await candidate.start();
      server = candidate;
    } catch (err) {
      if (attempt >= 4) throw err;
    }
  }
  const running = server;
  const state = newEmulatorState();
  states.set(running, state);
  const seen = new Set<number>();

  const messagesIn = (chatId: number | string): BotMessage[] =>
    (running.storage.botMessages as unknown[])
      .map(toBotMessage)
      .filter(
        (m): m is { token: string; message: BotMessage } =>
          m !== undefined && m.token === token && m.message.chat_id === String(chatId),
      )
      .map((m) => m.message);

  const current = (message: BotMessage): BotMessage => {
    const found = messagesIn(message.chat_id).find((m) => m.message_id === message.message_id);
    if (!found) throw new Error(`no bot message ${message.message_id} in chat ${message.chat_id}`);
    return found;
  };

  return {
    server: running,
    apiRoot: running.config.apiURL,
    token,
    state,
    client: (clientOptions = {}) => running.getClient(token, { ...DEFAULT_CLIENT, ...clientOptions }),
    sendDocument: (client, file, caption) =>
      uploadUserFile(running, token, client, 'document', file, caption, {}),
    sendPhoto: (client, photo, caption, extra = {}) =>
      uploadUserFile(
        running,
        token,
        client,
        'photo',
        { name: 'photo.jpg', mimeType: 'image/jpeg', ...photo },
        caption,
        extra,
      ),
    async sendText(client, text, extra = {}) {
      const built = buildMessage(client, text, extra);
      // Through the server directly (as its /sendMessage route does) to learn the id it assigns.
      const pending = text.startsWith('/') ? running.addUserCommand(built) : running.addUserMessage(built);
      const stored = userUpdates(running as unknown as EmulatorServerInternals).at(-1);
      await pending;
      if (!stored) throw new Error('emulator did not store the message');
      return { messageId: stored.messageId, updateId: stored.updateId };
    },
    async waitUntilHandled(updateId, ms = WAIT_MS) {
      const update = userUpdates(running as unknown as EmulatorServerInternals).find(
        (u) => u.updateId === updateId && u.botToken === token,
      );
      if (!update) throw new Error(`no update ${updateId} for this bot`);
      await waitFor(() => update.isRead, `the bot to confirm update ${updateId}`, { timeoutMs: ms });
    },
    async waitForBotMessage(chatId, pred = () => true, ms = WAIT_MS) {
      const unseen = (): BotMessage[] => messagesIn(chatId).filter((m) => !seen.has(m.message_id));
      const found = await waitFor(() => unseen().find(pred), `a bot message in chat ${chatId}`, {
        timeoutMs: ms,
      }).catch(() => {
        throw new Error(
          `no matching bot message in chat ${chatId} within ${ms} ms; unseen: ${JSON.stringify(unseen().map((m) => m.text ?? m.caption ?? m.payload))}`,
        );
      });
      seen.add(found.message_id);
      return found;
    },
    async expectNoBotMessage(chatIds) {
      const chats = Array.isArray(chatIds) ? chatIds : [chatIds];
      const unseen = (): BotMessage[] =>
        chats.flatMap((chat) => messagesIn(chat).filter((m) => !seen.has(m.message_id)));
      await staysQuiet(() => unseen().length > 0, `bot message in chat ${chats.join(', ')}`).catch(() => {
        throw new Error(
          `unexpected bot message(s) in chat ${chats.join(', ')}: ${JSON.stringify(unseen().map((m) => m.text ?? m.caption))}`,
        );
      });
    },
    takeBotMessages(chatId) {
      const unseen = messagesIn(chatId).filter((m) => !seen.has(m.message_id));
      for (const m of unseen) seen.add(m.message_id);
      return unseen;
    },
    botMessages: messagesIn,
    fileOf(message) {
      const file = state.uploads.get(message.message_id);
      if (!file) throw new Error(`bot message ${message.message_id} uploaded no file`);
      return file.data;
    },
    current,
    async press(client, message, data) {
      const now = current(message);
      // Built here rather than with makeCallbackQuery, whose deep merge would make the bot the presser.
      const base = client.makeCallbackQuery(data);
      const query = {
        ...base,
        from: { ...base.from },
        message: {
          message_id: now.message_id,
          from: { id: BOT_ID, is_bot: true, first_name: 'Test First name', username: BOT_USERNAME },
          chat: { ...base.message.chat },
          date: Math.floor(Date.now() / 1000),
          ...(now.text !== undefined ? { text: now.text } : {}),
          ...(isRecord(now.payload.reply_markup) ? { reply_markup: now.payload.reply_markup } : {}),
        },
      };
      const id = String((running as unknown as { callbackId: number }).callbackId);
      await running.addUserCallback(JSON.parse(JSON.stringify(query)) as typeof query);
      return id;
    },
    async waitForPressAnswer(callbackId, ms = WAIT_MS) {
      const found = await waitFor(
        () => state.callbackAnswers.find((a) => a.callback_query_id === callbackId),
        `an answer to press ${callbackId}`,
        { timeoutMs: ms },
      );
      return found.text !== undefined ? { text: found.text } : {};
    },
    async stop() {
      states.delete(running);
      await running.stop();
    },
  };
}

/** A user's document or photo, uploaded to the emulator's test route as multipart/form-data. */
async function uploadUserFile(
  server: TelegramServer,
  token: string,
  client: TelegramClient,
  field: 'document' | 'photo',
  file: { name: string; data: Buffer; mimeType?: string; size?: number },
  caption: string | undefined,
  extra: MessageExtra,
): Promise<{ fileId: string; messageId: number }> {
  const message = buildMessage(client, caption ?? '', extra);
  const form = new FormData();
  form.append('message', JSON.stringify({ ...message, ...(caption ? { caption } : {}) }));
  if (file.size !== undefined) form.append('file_size', String(file.size));
  if (file.mimeType) form.append('mime_type', file.mimeType);
  form.append(
    field,
    new Blob([new Uint8Array(file.data)], { type: file.mimeType ?? 'application/octet-stream' }),
    file.name,
  );
  const res = await fetch(`${server.config.apiURL}/test/${token}/sendUserDocument`, {
    method: 'POST',
    body: form,
  });
  const json = (await res.json()) as { ok: boolean; result?: { file_id: string; message_id: number } };
  if (!json.ok || !json.result) throw new Error(`emulator refused the ${field}: ${JSON.stringify(json)}`);
  return { fileId: json.result.file_id, messageId: json.result.message_id };
}

/** A copy, so the stored message never aliases an object the test keeps changing. */
function buildMessage(
  client: TelegramClient,
  text: string,
  extra: MessageExtra,
): ReturnType<TelegramClient['makeCommand']> {
  const made = text.startsWith('/') ? client.makeCommand(text, extra) : client.makeMessage(text, extra);
  return JSON.parse(JSON.stringify(made)) as ReturnType<TelegramClient['makeCommand']>;
}

/**
 * A user message through the emulator's HTTP client: a command (text starting with '/') carries the
 * bot_command entity grammY needs, anything else is plain text. `extra` is deep-merged into the message
 * (reply_to_message, message_thread_id, …).
 */
export async function sendText(
  client: TelegramClient,
  text: string,
  extra: MessageExtra = {},
): Promise<void> {
  if (text.startsWith('/')) await client.sendCommand(client.makeCommand(text, extra));
  else await client.sendMessage(client.makeMessage(text, extra));
}

/** `reply_to_message` for a user's reply to `botMessage` (pass it in `extra`). */
export function replyToBotMessage(
  botMessage: BotMessage,
  chat: { type: ClientOptions['type']; title?: string } = { type: 'supergroup' },
): MessageExtra {
  return {
    reply_to_message: {
      message_id: botMessage.message_id,
      from: { id: BOT_ID, is_bot: true, first_name: 'Test First name', username: BOT_USERNAME },
      chat: { id: Number(botMessage.chat_id), type: chat.type, ...(chat.title ? { title: chat.title } : {}) },
      date: Math.floor(Date.now() / 1000),
      ...(botMessage.text !== undefined ? { text: botMessage.text } : {}),
      ...(botMessage.caption !== undefined ? { caption: botMessage.caption } : {}),
    },
  };
}
