/**
 * Bot API methods telegram-test-api lacks or gets wrong, mounted ahead of its own routes (see
 * ./telegram-emulator.ts). Its typings point at express and typegram, which are not installed, so the few
 * express features used here are described by the narrow interfaces below.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as pause } from 'node:timers/promises';
import { decodeField, parseMultipart, readBody, type UploadedFile } from './telegram-emulator-multipart';

export interface EmulatorState {
  /** Every setMyCommands payload, in call order. */
  commands: Array<{
    commands: Array<{ command: string; description: string }>;
    scope?: { type: string };
    language_code?: string;
  }>;
  /** `${chatId}:${userId}` pairs that getChatMember / getChatAdministrators report as administrators. */
  admins: Set<string>;
  /** The next N sendMessage / sendPhoto calls answer 429 with `retryAfter`. */
  fail429: number;
  /** Seconds in the injected 429's retry_after. */
  retryAfter: number;
  /** Chats the bot was kicked from: sends answer 403. */
  kicked: Set<string>;
  /** Chats upgraded to a supergroup (old id → new id): sends answer 400 with migrate_to_chat_id. */
  migrated: Map<string, number>;
  chatActions: Array<{ chat_id: string; action: string }>;
  /** The last setWebhook payload; recorded only, the emulator does not post to it (it cannot send the secret). */
  webhook?: { url: string; secret_token?: string };
  /** Every Bot API call and its HTTP status, in order of completion. */
  calls: Array<{ method: string; status: number }>;
  /** Files users sent (by file_id), served by getFile and the file download URL. */
  files: Map<string, { name: string; path: string; data: Buffer; mimeType?: string }>;
  /** Every file the bot downloaded, by file_id. */
  downloads: string[];
  /** The file each sendPhoto / sendDocument uploaded, by the message id the emulator gave it. */
  uploads: Map<number, UploadedFile>;
  /** Every answerCallbackQuery: the press it answers and the toast shown, if any. */
  callbackAnswers: Array<{ callback_query_id: string; text?: string }>;
  /**
   * Telegram's own limits, when set: more than `perSecond` sends in any second overall, or more than
   * `perChatPerMinute` in any minute into one chat, answer 429 (as Telegram does). Off by default.
   * `chatMinuteMs` shortens that minute, for a test that shortens its pacer's window by as much so as
   * not to sit out real minutes (default 60 000).
   */
  limits: { perSecond: number; perChatPerMinute: number; chatMinuteMs?: number } | null;
  /** Send times (ms), overall and per chat, for `limits`. */
  sendTimes: { all: number[]; byChat: Map<string, number[]> };
  /** Every editMessageText that changed a stored bot message. */
  edits: Array<{ chat_id: string; message_id: number; text: string }>;
}

export function newEmulatorState(): EmulatorState {
  return {
    commands: [],
    admins: new Set(),
    fail429: 0,
    retryAfter: 1,
    kicked: new Set(),
    migrated: new Map(),
    chatActions: [],
    calls: [],
    files: new Map(),
    downloads: [],
    uploads: new Map(),
    callbackAnswers: [],
    edits: [],
    limits: null,
    sendTimes: { all: [], byChat: new Map() },
  };
}

interface Req extends IncomingMessage {
  params: Record<string, string | undefined>;
  body: unknown;
}
interface Res extends ServerResponse {
  status(code: number): Res;
  json(body: unknown): unknown;
}
type Handler = (req: Req, res: Res, next: () => void) => void;
interface App {
  use(handler: Handler): unknown;
  post(path: string, handler: Handler): unknown;
}

/** telegram-test-api's server internals this file relies on. */
export interface EmulatorServerInternals {
  storage: { userMessages: unknown[]; botMessages: unknown[] };
  addBotMessage(message: Record<string, unknown>, token: string): unknown;
  addUserMessage(message: Record<string, unknown>): Promise<void>;
}

export interface StoredUserUpdate {
  botToken: string;
  updateId: number;
  messageId: number;
  isRead: boolean;
  message?: Record<string, unknown>;
  callbackQuery?: Record<string, unknown>;
  callbackId?: number;
}

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** An express app is a function with methods, so isRecord alone would reject it. */
function isApp(x: unknown): x is App {
  if (typeof x !== 'function' && !isRecord(x)) return false;
  return typeof Reflect.get(x, 'post') === 'function' && typeof Reflect.get(x, 'use') === 'function';
}

function isStoredUserUpdate(x: unknown): x is StoredUserUpdate {
  return (
    isRecord(x) &&
    typeof x.botToken === 'string' &&
    typeof x.updateId === 'number' &&
    typeof x.isRead === 'boolean'
  );
}

export function userUpdates(server: EmulatorServerInternals): StoredUserUpdate[] {
  return server.storage.userMessages.filter(isStoredUserUpdate);
}

function num(x: unknown): number | undefined {
  const n = typeof x === 'string' ? Number(x) : x;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function asUpdate(u: StoredUserUpdate): Record<string, unknown> {
  if (u.callbackQuery) {
    const { from, message, data } = u.callbackQuery;
    return { update_id: u.updateId, callback_query: { id: String(u.callbackId), from, message, data } };
  }
  const { botToken: _token, ...message } = u.message ?? {};
  return { update_id: u.updateId, message: { ...message, message_id: u.messageId } };
}

/**
 * Telegram's semantics, which grammY relies on: `offset` confirms every earlier update, unconfirmed ones
 * are delivered again (so `bot.stop()`'s confirming call no longer swallows a queued update).
 */
function takeUpdates(
  server: EmulatorServerInternals,
  token: string,
  offset: number | undefined,
  limit: number,
): Array<Record<string, unknown>> {
  const mine = userUpdates(server).filter((u) => u.botToken === token);
  if (offset !== undefined) for (const u of mine) if (u.updateId < offset) u.isRead = true;
  return mine
    .filter((u) => !u.isRead)
    .sort((a, b) => a.updateId - b.updateId)
    .slice(0, limit)
    .map(asUpdate);
}

function fail(res: Res, code: number, description: string, parameters?: Record<string, unknown>): void {
  res.status(code).json({ ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) });
}

/** Answers a send the way Telegram would when a fault is injected for this chat; true when it did. */
function injectedFailure(state: EmulatorState, chatId: string, res: Res): boolean {
  if (state.kicked.has(chatId)) {
    fail(res, 403, 'Forbidden: bot was kicked from the group chat');
    return true;
  }
  const newId = state.migrated.get(chatId);
  if (newId !== undefined) {
    fail(res, 400, 'Bad Request: group chat was upgraded to a supergroup chat', {
      migrate_to_chat_id: newId,
    });
    return true;
  }
  if (state.fail429 > 0) {
    state.fail429 -= 1;
    fail(res, 429, `Too Many Requests: retry after ${state.retryAfter}`, { retry_after: state.retryAfter });
    return true;
  }
  return overLimits(state, chatId, res);
}

function overLimits(state: EmulatorState, chatId: string, res: Res): boolean {
  if (!state.limits) return false;
  const now = Date.now();
  const all = state.sendTimes.all.filter((t) => now - t < 1000);
  const minute = state.limits.chatMinuteMs ?? 60_000;
  const chat = (state.sendTimes.byChat.get(chatId) ?? []).filter((t) => now - t < minute);
  state.sendTimes.all = all;
  state.sendTimes.byChat.set(chatId, chat);
  if (all.length >= state.limits.perSecond || chat.length >= state.limits.perChatPerMinute) {
    fail(res, 429, 'Too Many Requests: retry after 1', { retry_after: 1 });
    return true;
  }
  all.push(now);
  chat.push(now);
  return false;
}

function member(chatId: string, userId: number, state: EmulatorState): Record<string, unknown> {
  const user = { id: userId, is_bot: userId === 666, first_name: `User ${userId}` };
  return state.admins.has(`${chatId}:${userId}`)
    ? {
        status: 'administrator',
        user,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
      }
    : { status: 'member', user };
}

/** Mounts the extra routes on one emulator's express app; `stateOf` finds that emulator's state at request time. */
export function mountExtraRoutes(
  appArg: unknown,
  server: EmulatorServerInternals,
  stateOf: () => EmulatorState | undefined,
): void {
  if (!isApp(appArg)) throw new Error('telegram-test-api: unexpected app object');
  const app = appArg;
  const withState = (
    handler: (req: Req, res: Res, state: EmulatorState, next: () => void) => Promise<void> | void,
  ): Handler => {
    return (req, res, next) => {
      const state = stateOf();
      if (!state) return next();
      Promise.resolve(handler(req, res, state, next)).catch((err: unknown) =>
        fail(res, 500, `emulator: ${String(err)}`),
      );
    };
  };
  const body = (req: Req): Record<string, unknown> => (isRecord(req.body) ? req.body : {});

  app.use(
    withState((req, res, state, next) => {
      const method = /^\/bot[^/]+\/(\w+)/.exec(req.url ?? '')?.[1];
      if (method) res.on('finish', () => state.calls.push({ method, status: res.statusCode }));
      next();
    }),
  );

  // A user sends a document or a photo: the test uploads it (multipart: `message` as JSON, the file as
  // `document` or `photo`). A photo arrives as Telegram sends it: a thumbnail and the full size, each with
  // its own file_id; the caption (a command, say) stays a caption.
  app.post(
    '/test/:token/sendUserDocument',
    withState(async (req, res, state) => {
      const { fields, uploads } = parseMultipart(await readBody(req), req.headers['content-type'] ?? '');
      const file = uploads.document ?? uploads.photo;
      const isPhoto = !uploads.document && Boolean(uploads.photo);
      const mimeType = fields.mime_type ?? (isPhoto ? 'image/jpeg' : undefined);
      if (!file || !fields.message)
        return fail(res, 400, 'Bad Request: message and document (or photo) are required');
      const store = (prefix: string, folder: string, name: string, ext: string): string => {
        const id = `${prefix}${state.files.size + 1}_${Date.now()}`;
        state.files.set(id, {
          name,
          path: `${folder}/file_${state.files.size}${ext}`,
          data: file.data,
          ...(mimeType ? { mimeType } : {}),
        });
        return id;
      };
      // A test may claim a size other than the bytes (Telegram reports it before any download).
      const size = fields.file_size !== undefined ? Number(fields.file_size) : file.data.length;
      const message = JSON.parse(fields.message) as Record<string, unknown>;
      delete message.text;
      delete message.entities;
      let id: string;
      if (isPhoto) {
        const thumb = store('PHT', 'photos', file.filename, '.jpg');
        id = store('PHO', 'photos', file.filename, '.jpg');
        message.photo = [
          {
            file_id: thumb,
            file_unique_id: `U${thumb}`,
            width: 90,
            height: 68,
            file_size: Math.min(size, 1200),
          },
          { file_id: id, file_unique_id: `U${id}`, width: 1280, height: 960, file_size: size },
        ];
      } else {
        const ext = /\.[^.]+$/.exec(file.filename)?.[0] ?? '';
        id = store('DOC', 'documents', file.filename, ext);
        message.document = {
          file_id: id,
          file_unique_id: `U${id}`,
          file_name: file.filename,
          ...(mimeType ? { mime_type: mimeType } : {}),
          file_size: size,
        };
      }
      message.botToken = req.params.token;
      await server.addUserMessage(message);
      const stored = userUpdates(server).at(-1);
      res.json({ ok: true, result: { file_id: id, message_id: stored?.messageId } });
    }),
  );

  app.post(
    '/bot:token/getFile',
    withState((req, res, state) => {
      const id = String(body(req).file_id);
      const file = state.files.get(id);
      if (!file) return fail(res, 400, 'Bad Request: invalid file_id');
      res.json({
        ok: true,
        result: { file_id: id, file_unique_id: `U${id}`, file_size: file.data.length, file_path: file.path },
      });
    }),
  );

  // GET /file/bot<token>/<file_path>: the bytes, as Telegram serves them.
  app.use(
    withState((req, res, state, next) => {
      const m = /^\/file\/bot[^/]+\/(.+)$/.exec(req.url ?? '');
      if (req.method !== 'GET' || !m) return next();
      const path = decodeURIComponent(m[1] ?? '');
      const found = [...state.files].find(([, f]) => f.path === path);
      if (!found) return fail(res, 404, 'Not Found');
      state.downloads.push(found[0]);
      res.statusCode = 200;
      res.setHeader('content-type', 'application/octet-stream');
      res.end(found[1].data);
    }),
  );

  app.post(
    '/bot:token/getUpdates',
    withState(async (req, res) => {
      const b = body(req);
      const limit = Math.min(Math.max(num(b.limit) ?? 100, 1), 100);
      // Held like a real long poll, but at most 1 s so stopping the bot stays quick.
      const deadline = Date.now() + Math.min(num(b.timeout) ?? 0, 1) * 1000;
      let aborted = false;
      res.on('close', () => (aborted = true));
      for (;;) {
        // bot.stop() aborts the pending poll; stop looping for a client that is gone.
        if (aborted) return;
        const updates = takeUpdates(server, req.params.token ?? '', num(b.offset), limit);
        if (updates.length > 0 || Date.now() >= deadline) {
          res.json({ ok: true, result: updates });
          return;
        }
        await pause(25);
      }
    }),
  );

  app.post(
    '/bot:token/setMyCommands',
    withState((req, res, state) => {
      state.commands.push(body(req) as EmulatorState['commands'][number]);
      res.json({ ok: true, result: true });
    }),
  );
  app.post(
    '/bot:token/deleteMyCommands',
    withState((_req, res) => void res.json({ ok: true, result: true })),
  );

  app.post(
    '/bot:token/setWebhook',
    withState((req, res, state) => {
      const b = body(req);
      state.webhook = {
        url: String(b.url),
        ...(typeof b.secret_token === 'string' ? { secret_token: b.secret_token } : {}),
      };
      res.json({ ok: true, result: true });
    }),
  );

  app.post(
    '/bot:token/getChatMember',
    withState((req, res, state) => {
      const b = body(req);
      res.json({ ok: true, result: member(String(b.chat_id), num(b.user_id) ?? 0, state) });
    }),
  );
  app.post(
    '/bot:token/getChatAdministrators',
    withState((req, res, state) => {
      const chatId = String(body(req).chat_id);
      const ids = [...state.admins]
        .filter((a) => a.startsWith(`${chatId}:`))
        .map((a) => Number(a.slice(chatId.length + 1)));
      res.json({ ok: true, result: ids.map((id) => member(chatId, id, state)) });
    }),
  );

  app.post(
    '/bot:token/sendChatAction',
    withState((req, res, state) => {
      const b = body(req);
      const chatId = String(b.chat_id);
      if (state.kicked.has(chatId)) return fail(res, 403, 'Forbidden: bot was kicked from the group chat');
      state.chatActions.push({ chat_id: chatId, action: String(b.action) });
      res.json({ ok: true, result: true });
    }),
  );

  app.post(
    '/bot:token/sendMessage',
    withState((req, res, state, next) => {
      if (!injectedFailure(state, String(body(req).chat_id), res)) next();
    }),
  );

  app.post(
    '/bot:token/answerCallbackQuery',
    withState((req, res, state) => {
      const b = body(req);
      state.callbackAnswers.push({
        callback_query_id: String(b.callback_query_id),
        ...(typeof b.text === 'string' ? { text: b.text } : {}),
      });
      res.json({ ok: true, result: true });
    }),
  );

  // Telegram's semantics: the bot's own message is replaced in place (text, entities, keyboard); an edit
  // that changes nothing is refused with 400 "message is not modified".
  app.post(
    '/bot:token/editMessageText',
    withState((req, res, state) => {
      const b = body(req);
      const chatId = String(b.chat_id);
      const messageId = num(b.message_id);
      const stored = server.storage.botMessages.find(
        (e): e is { messageId: number; botToken: string; message: Record<string, unknown> } =>
          isRecord(e) &&
          e.messageId === messageId &&
          e.botToken === req.params.token &&
          isRecord(e.message) &&
          String(e.message.chat_id) === chatId,
      );
      if (!stored || messageId === undefined) return fail(res, 400, 'Bad Request: message to edit not found');
      const next = {
        ...stored.message,
        text: b.text,
        parse_mode: b.parse_mode,
        reply_markup: b.reply_markup,
      };
      if (JSON.stringify(next) === JSON.stringify(stored.message))
        return fail(res, 400, 'Bad Request: message is not modified');
      stored.message = next;
      state.edits.push({ chat_id: chatId, message_id: messageId, text: String(b.text) });
      res.json({
        ok: true,
        result: {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(chatId), type: 'supergroup' },
          text: b.text,
        },
      });
    }),
  );

  /** sendPhoto and sendDocument: multipart uploads (or a file id / URL in JSON), stored with their bytes. */
  const upload = (field: 'photo' | 'document'): Handler =>
    withState(async (req, res, state) => {
      const contentType = req.headers['content-type'] ?? '';
      const payload: Record<string, unknown> = {};
      let file: UploadedFile | undefined;
      if (contentType.startsWith('multipart/form-data')) {
        const { fields, uploads } = parseMultipart(await readBody(req), contentType);
        for (const [k, v] of Object.entries(fields)) payload[k] = decodeField(v);
        const attach = /^attach:\/\/(.+)$/.exec(fields[field] ?? '')?.[1];
        file = attach !== undefined ? uploads[attach] : undefined;
      } else {
        Object.assign(payload, body(req));
      }
      if (injectedFailure(state, String(payload.chat_id), res)) return;
      const bytes = file?.data.length ?? 0;
      const stored = {
        ...payload,
        [field]: field === 'document' ? { bytes, file_name: file?.filename ?? '' } : { bytes },
      };
      const result = server.addBotMessage(stored, req.params.token ?? '');
      const messageId = isRecord(result) ? num(result.message_id) : undefined;
      if (file && messageId !== undefined) state.uploads.set(messageId, file);
      res.json({ ok: true, result });
    });
  app.post('/bot:token/sendPhoto', upload('photo'));
  app.post('/bot:token/sendDocument', upload('document'));
}
