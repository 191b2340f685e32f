/**
 * A fake Zalo account for tests, built on zca-js's own types, classes and errors: a server-side state
 * (groups, message ids, what was sent, injected failures) and API sessions over it — one per login, each
 * with its own listener, as zca-js builds a new API on every login.
 *
 *   const zalo = new FakeZaloServer({ groups: { [GROUP]: 'Phòng Kế hoạch' } });
 *   const channel = createZaloChannel({ …, api: zalo.api, login: zalo.login });
 *   zalo.emitGroupText(GROUP, LAN, '/tasks');
 *   const [reply] = await zalo.waitForSent(1);
 */
import { EventEmitter } from 'node:events';
import { CookieJar } from 'tough-cookie';
import {
  CloseReason,
  ThreadType,
  ZaloApiError,
  type GroupMessage,
  type Message,
  type AttachmentSource,
  type MessageContent,
  type TMention,
  type UserMessage,
} from '../../src/channels/zalo/zca';
import { FakeZaloApi, type FakeZaloListener } from './zalo-fake-session';
import {
  buildGroupInfo,
  buildGroupMessage,
  buildQuote,
  buildUserMessage,
  type FakeUser,
  type MessageIds,
} from './zalo-fake-messages';

export type { FakeUser } from './zalo-fake-messages';
export { mentionOf, photoContent } from './zalo-fake-messages';
export { FakeZaloApi, FakeZaloListener } from './zalo-fake-session';

/** What can be made to go wrong; an Error is thrown as is. */
export type FakeFailure = 'session-expired' | 'not-a-member' | 'rate-limited' | 'network' | Error;

export interface FakeSentMessage extends MessageIds {
  threadId: string;
  type: ThreadType;
  /** The content as the adapter passed it (msg, styles, quote, attachments…). */
  content: MessageContent;
  text: string;
  /** Which login session sent it (index into `server.sessions`). */
  session: number;
  /** The file this message carries, when it is an attachment message. */
  attachment?: AttachmentSource;
}

export interface FakeZaloServerOptions {
  ownId?: string;
  botName?: string;
  /** Groups the bot is in: id → name. */
  groups?: Record<string, string>;
  selfListen?: boolean;
}

export class FakeZaloServer {
  readonly ownId: string;
  readonly botName: string;
  readonly selfListen: boolean;
  readonly groups = new Map<string, string>();
  readonly sessions: FakeZaloApi[] = [];
  readonly sent: FakeSentMessage[] = [];
  readonly cookieJar = new CookieJar();
  sessionExpired = false;
  loginCalls = 0;
  private nextMsgId = 7_300_000_000_000;
  private nextCliMsgId = 1_750_000_000_000;
  private readonly sendFailures: FakeFailure[] = [];
  private readonly loginFailures: FakeFailure[] = [];
  private readonly events = new EventEmitter();

  constructor(options: FakeZaloServerOptions = {}) {
    this.ownId = options.ownId ?? '8412345678901234567';
    this.botName = options.botName ?? 'Bot LMHTX';
    this.selfListen = options.selfListen ?? false;
    for (const [id, name] of Object.entries(options.groups ?? {})) this.groups.set(id, name);
    this.setCookie('zpw_sek', 'session-1');
  }

  /** A zca-js style login: a fresh API session (and listener) each time. */
  login = async (): Promise<FakeZaloApi> => {
    this.loginCalls++;
    const failure = this.loginFailures.shift();
    if (failure) throw this.toError(failure);
    // zca-js's cookie login reports a stale session only as "Đăng nhập thất bại", without a code.
    if (this.sessionExpired) throw new ZaloApiError('Đăng nhập thất bại');
    const api = new FakeZaloApi(this, this.sessions.length);
    this.sessions.push(api);
    return api;
  };

  /** The newest session, created (without counting as a login) if there is none yet. */
  get api(): FakeZaloApi {
    const last = this.sessions.at(-1);
    if (last) return last;
    const api = new FakeZaloApi(this, 0);
    this.sessions.push(api);
    return api;
  }

  get listener(): FakeZaloListener {
    return this.api.listener;
  }

  failNextSend(failure: FakeFailure, times = 1): void {
    for (let i = 0; i < times; i++) this.sendFailures.push(failure);
  }

  failNextLogin(failure: FakeFailure, times = 1): void {
    for (let i = 0; i < times; i++) this.loginFailures.push(failure);
  }

  /** From now on every call (and login) fails as a stale session does. */
  expireSession(): void {
    this.sessionExpired = true;
  }

  /** The bot was removed from the group: it disappears from getAllGroups and sends to it fail. */
  removeBotFromGroup(groupId: string): void {
    this.groups.delete(groupId);
  }

  /** What Zalo does on any response: a new cookie value in the jar zca-js holds. */
  setCookie(name: string, value: string): void {
    this.cookieJar.setCookieSync(`${name}=${value}; Domain=chat.zalo.me; Path=/`, 'https://chat.zalo.me');
  }

  // Messages from users

  groupText(
    groupId: string,
    from: FakeUser,
    text: string,
    extra: { mentions?: TMention[] } = {},
  ): GroupMessage {
    return buildGroupMessage({
      ownId: this.ownId,
      ids: this.newIds(),
      from,
      content: text,
      groupId,
      ...extra,
    });
  }

  /** Builds a group text message and delivers it through the current listener. */
  emitGroupText(
    groupId: string,
    from: FakeUser,
    text: string,
    extra: { mentions?: TMention[] } = {},
  ): GroupMessage {
    return this.emit(this.groupText(groupId, from, text, extra));
  }

  /** A user's reply (Zalo's "Trả lời") to a message the bot sent: quote.ownerId is the bot's uid. */
  emitReplyToBot(sent: FakeSentMessage | string, from: FakeUser, text: string): GroupMessage {
    const original = typeof sent === 'string' ? this.sent.find((s) => s.msgId === sent) : sent;
    if (!original) throw new Error(`the bot sent no message ${String(sent)}`);
    const quote = buildQuote({
      ownerId: this.ownId,
      ownerName: this.botName,
      ids: original,
      text: original.text,
    });
    return this.emit(
      buildGroupMessage({
        ownId: this.ownId,
        ids: this.newIds(),
        from,
        content: text,
        groupId: original.threadId,
        quote,
      }),
    );
  }

  /** A user's reply to another user's message. */
  emitReplyTo(original: GroupMessage, from: FakeUser, text: string): GroupMessage {
    const { data } = original;
    const quoted = { msgId: data.msgId, cliMsgId: data.cliMsgId, ts: Number(data.ts) };
    const body = typeof data.content === 'string' ? data.content : '';
    const quote = buildQuote({ ownerId: data.uidFrom, ownerName: data.dName, ids: quoted, text: body });
    return this.emit(
      buildGroupMessage({
        ownId: this.ownId,
        ids: this.newIds(),
        from,
        content: text,
        groupId: original.threadId,
        quote,
      }),
    );
  }

  /** The bot's own message as the server echoes it (isSelf): the listener drops it unless selfListen. */
  emitSelfGroupText(groupId: string, text: string): GroupMessage {
    return this.emit(
      buildGroupMessage({ ownId: this.ownId, ids: this.newIds(), from: 'self', content: text, groupId }),
    );
  }

  emitUserText(from: FakeUser, text: string): UserMessage {
    return this.emit(buildUserMessage({ ownId: this.ownId, ids: this.newIds(), from, content: text }));
  }

  emit<M extends Message>(message: M): M {
    this.listener.deliver(message);
    return message;
  }

  /** The current listener's socket drops for good (zca-js emits disconnected, then closed). */
  closeListener(code: CloseReason = CloseReason.AbnormalClosure, reason = 'network'): void {
    this.listener.close(code, reason);
  }

  sentTo(threadId: string): FakeSentMessage[] {
    return this.sent.filter((s) => s.threadId === threadId);
  }

  /** Resolves with everything sent once at least `count` messages have been (in total). */
  waitForSent(count: number, timeoutMs = 2000): Promise<FakeSentMessage[]> {
    if (this.sent.length >= count) return Promise.resolve(this.sent.slice());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('sent', check);
        reject(new Error(`expected ${count} sent Zalo messages, got ${this.sent.length}`));
      }, timeoutMs);
      const check = (): void => {
        if (this.sent.length < count) return;
        clearTimeout(timer);
        this.events.off('sent', check);
        resolve(this.sent.slice());
      };
      this.events.on('sent', check);
    });
  }

  // Used by FakeZaloApi

  checkSession(): void {
    if (this.sessionExpired) throw this.toError('session-expired');
  }

  groupInfo(groupId: string): ReturnType<typeof buildGroupInfo> {
    return buildGroupInfo(groupId, this.groups.get(groupId) ?? '', this.ownId);
  }

  /** Mirrors zca-js's checks and result shape: `{ message: {msgId} | null, attachment: [{msgId}…] }`. */
  async acceptSend(session: number, content: MessageContent, threadId: string, type: ThreadType) {
    const failure = this.sendFailures.shift();
    if (failure) throw this.toError(failure, threadId);
    this.checkSession();
    if (!threadId) throw new ZaloApiError('Missing threadId');
    const attachments = content.attachments === undefined ? [] : [content.attachments].flat();
    if (!content.msg && attachments.length === 0) throw new ZaloApiError('Missing message content');
    const mentionLength = (content.mentions ?? []).reduce((n, m) => n + m.len, 0);
    if (mentionLength > content.msg.length)
      throw new ZaloApiError('Invalid mentions: total mention characters exceed message length');
    // Zalo answers a post to a group the account is not in with a generic parameter error.
    if (type === ThreadType.Group && !this.groups.has(threadId))
      throw new ZaloApiError('Tham số không hợp lệ', 114);
    const record = (text: string, attachment?: AttachmentSource): { msgId: number } => {
      const ids = this.newIds();
      this.sent.push({
        ...ids,
        threadId,
        type,
        content,
        text,
        session,
        ...(attachment ? { attachment } : {}),
      });
      this.events.emit('sent');
      return { msgId: Number(ids.msgId) };
    };
    if (attachments.length === 0) return { message: record(content.msg), attachment: [] };
    for (const a of attachments) {
      const name = typeof a === 'string' ? a : a.filename;
      if (!/\.[^.]+$/.test(name)) throw new ZaloApiError(`File extension "" is not allowed`);
      if (typeof a !== 'string' && a.metadata.totalSize !== a.data.length)
        throw new Error(`fake zalo: metadata.totalSize ${a.metadata.totalSize} ≠ ${a.data.length} bytes`);
    }
    // As zca-js: only a single image takes msg as its caption, and not with a quote; otherwise the text
    // goes first as its own message.
    const first = attachments[0];
    const ext = (typeof first === 'string' ? first : (first?.filename ?? '')).split('.').pop() ?? '';
    const canBeDesc = attachments.length === 1 && ['jpg', 'jpeg', 'png', 'webp'].includes(ext.toLowerCase());
    const separateText = content.msg.length > 0 && (!canBeDesc || content.quote !== undefined);
    const message = separateText ? record(content.msg) : null;
    const attachment = attachments.map((a) => record(separateText ? '' : content.msg, a));
    return { message, attachment };
  }

  private newIds(): MessageIds {
    return { msgId: String(this.nextMsgId++), cliMsgId: String(this.nextCliMsgId++), ts: Date.now() };
  }

  private toError(failure: FakeFailure, threadId = ''): Error {
    if (failure instanceof Error) return failure;
    switch (failure) {
      case 'session-expired':
        return new ZaloApiError(
          'The session key was improperly submitted or has reached its timeout. Direct the user to log in again to obtain another key',
          102,
        );
      case 'not-a-member':
        this.removeBotFromGroup(threadId);
        return new ZaloApiError('Tham số không hợp lệ', 114);
      case 'rate-limited':
        return new ZaloApiError('Vượt quá số request cho phép', 221);
      case 'network':
        return new TypeError('fetch failed');
    }
  }
}
