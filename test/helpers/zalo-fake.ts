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
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CookieJar } from 'tough-cookie';
import {
  CloseReason,
  Gender,
  GroupEventType,
  LoginQRCallbackEventType,
  ZaloApiLoginQRAborted,
  type LoginQRCallback,
  ThreadType,
  ZaloApiError,
  type GroupMessage,
  type Message,
  type User,
  type AttachmentSource,
  type MessageContent,
  type TMention,
  type UserMessage,
} from '../../src/channels/zalo/zca';
import { WAIT_MS } from './wait';
import { FakeZaloApi, type FakeZaloListener } from './zalo-fake-session';
import { OLD_MESSAGES_PAGE, type FakeZaloSocketServer } from './zalo-fake-socket';
import {
  buildGroupInfo,
  buildGroupMessage,
  buildQuote,
  buildUserMessage,
  fileContent,
  photoContent,
  type FakeUser,
  type MessageIds,
} from './zalo-fake-messages';

export type { FakeUser } from './zalo-fake-messages';
export { mentionOf, photoContent } from './zalo-fake-messages';
export { FakeZaloApi, FakeZaloListener } from './zalo-fake-session';

/** What can be made to go wrong; an Error is thrown as is. */
export type FakeFailure =
  | 'session-expired'
  | 'not-a-member'
  | 'rate-limited'
  | 'network'
  /** zca-js's code-less "Đăng nhập thất bại": an undecryptable login answer, here a passing one. */
  | 'login-garbled'
  | Error;

export interface FakeSentMessage extends MessageIds {
  threadId: string;
  type: ThreadType;
  /** The content as the adapter passed it (msg, styles, quote, attachments…). */
  content: MessageContent;
  text: string;
  /** Which login session sent it (index into `server.sessions`). */
  session: number;
  /** When Zalo accepted it (Date.now()). */
  at: number;
  /** When Zalo accepted it on the test's clock (`antiSpam.now`; else Date.now()). */
  clockAt: number;
  /** The file this message carries, when it is an attachment message. */
  attachment?: AttachmentSource;
}

export interface FakeZaloServerOptions {
  ownId?: string;
  botName?: string;
  /** Groups the bot is in: id → name. */
  groups?: Record<string, string>;
  /** Users Zalo knows (getUserInfo): id → name. Anyone who writes to the bot is added. */
  users?: Record<string, string>;
  selfListen?: boolean;
  /** Give every session zca-js's real Listener, connected to this websocket (zalo-fake-socket.ts). */
  socket?: FakeZaloSocketServer;
  /**
   * Zalo's anti-spam as upstream reports it (#336): past `perHour` messages in an hour (on `now`, the
   * test's clock), every send is refused with 221 until the hour has rolled on.
   */
  antiSpam?: { perHour: number; now: () => number };
}

function sekOf(credentials: unknown): string | undefined {
  const cookies = (credentials as { cookie?: Array<{ key?: string; name?: string; value?: string }> })
    ?.cookie;
  return cookies?.find((c) => (c.key ?? c.name) === 'zpw_sek')?.value;
}

export class FakeZaloServer {
  readonly ownId: string;
  readonly botName: string;
  readonly selfListen: boolean;
  readonly groups = new Map<string, string>();
  readonly users = new Map<string, string>();
  readonly socket: FakeZaloSocketServer | undefined;
  readonly antiSpam: FakeZaloServerOptions['antiSpam'];
  /** Sends the anti-spam refused (221). */
  spamRefusals = 0;
  /** Every message users posted, for requestOldMessages. */
  readonly history: Message[] = [];
  /** Chats that answer every send with this code (123: "Không thể nhận tin nhắn từ bạn"). */
  readonly refusingChats = new Map<string, number>();
  readonly sessions: FakeZaloApi[] = [];
  readonly sent: FakeSentMessage[] = [];
  readonly cookieJar = new CookieJar();
  sessionExpired = false;
  loginCalls = 0;
  /** What each login was given (zca-js's `login(credentials)`). */
  readonly loginCredentials: unknown[] = [];
  qrCodesShown = 0;
  /** This many listener connections fail before opening (1006), as with a stale cookie. */
  refusedConnections = 0;
  private nextMsgId = 7_300_000_000_000;
  private sessionGeneration = 1;
  /** Set by loginElsewhere: only credentials carrying this zpw_sek log in. */
  private validSek: string | undefined;
  private nextCliMsgId = 1_750_000_000_000;
  private readonly sendFailures: FakeFailure[] = [];
  private refusingAll: FakeFailure | null = null;
  private readonly loginFailures: FakeFailure[] = [];
  private readonly events = new EventEmitter();
  /** Zalo's file CDN: users' files served over real HTTP, as the adapter fetches them from `href`. */
  private fileHost: { server: Server; base: string } | undefined;
  private readonly hosted = new Map<string, Buffer>();
  /** Paths of the hosted files that were downloaded, in order. */
  readonly downloads: string[] = [];
  /** The hosts the channel may send the session's cookies to for a download (this fake's file host). */
  readonly fileHosts = /^(127\.0\.0\.1|localhost)$/;
  /** Downloads refused for want of the session's cookie or user agent. */
  readonly refusedDownloads: string[] = [];

  constructor(options: FakeZaloServerOptions = {}) {
    this.ownId = options.ownId ?? '8412345678901234567';
    this.botName = options.botName ?? 'Bot LMHTX';
    // The channel logs in with selfListen (channel.ts: zca-js drops group events about the bot otherwise).
    this.selfListen = options.selfListen ?? true;
    this.socket = options.socket;
    this.antiSpam = options.antiSpam;
    for (const [id, name] of Object.entries(options.groups ?? {})) this.groups.set(id, name);
    for (const [id, name] of Object.entries(options.users ?? {})) this.users.set(id, name);
    this.setCookie('zpw_sek', 'session-1');
    // Zalo sets some cookies empty; tough-cookie 5 then serialises them without a `value` at all.
    this.setCookie('zpw_enk', '');
  }

  /** A zca-js style login: a fresh API session (and listener) each time. */
  login = async (credentials?: unknown): Promise<FakeZaloApi> => {
    this.loginCalls++;
    this.loginCredentials.push(credentials);
    const failure = this.loginFailures.shift();
    if (failure) throw this.toError(failure);
    // zca-js's cookie login reports a stale session only as "Đăng nhập thất bại", without a code.
    if (this.sessionExpired) throw new ZaloApiError('Đăng nhập thất bại');
    if (this.validSek !== undefined && sekOf(credentials) !== this.validSek)
      throw new ZaloApiError('Đăng nhập thất bại');
    const ua = (credentials as { userAgent?: unknown } | undefined)?.userAgent;
    const api = new FakeZaloApi(this, this.sessions.length, typeof ua === 'string' ? ua : undefined);
    this.sessions.push(api);
    return api;
  };

  /**
   * zca-js's `loginQR(options, callback)` as it behaves with a callback (dist/apis/loginQR.js): the QR
   * event, then by `outcome` — 'ok': scanned, GotLoginInfo, resolves with an API; 'declined': scanned,
   * QRCodeDeclined, then it never settles unless `abort()` (which rejects with ZaloApiLoginQRAborted);
   * 'expired': QRCodeExpired (after `qrLifetimeMs` instead of 100 s), where `retry()` starts over and
   * `abort()` rejects.
   */
  loginQR(outcome: 'ok' | 'declined' | 'expired', qrLifetimeMs = 10) {
    return (_options: { userAgent?: string }, callback: LoginQRCallback): Promise<FakeZaloApi> =>
      new Promise<FakeZaloApi>((resolve, reject) => {
        const abort = (): void => reject(new ZaloApiLoginQRAborted());
        const round = (): void => {
          this.qrCodesShown++;
          const retry = (): void => void setImmediate(round);
          callback({
            type: LoginQRCallbackEventType.QRCodeGenerated,
            data: {
              code: `qr-${this.qrCodesShown}`,
              image: Buffer.from('fake png').toString('base64'),
              options: { enabledCheckOCR: false, enabledMultiLayer: false },
              token: 't',
            },
            actions: { saveToFile: async () => undefined, retry, abort },
          });
          setTimeout(() => {
            if (outcome === 'expired') {
              callback({
                type: LoginQRCallbackEventType.QRCodeExpired,
                data: null,
                actions: { retry, abort },
              });
              return;
            }
            callback({
              type: LoginQRCallbackEventType.QRCodeScanned,
              data: { avatar: '', display_name: this.botName },
              actions: { retry, abort },
            });
            if (outcome === 'declined') {
              callback({
                type: LoginQRCallbackEventType.QRCodeDeclined,
                data: { code: `qr-${this.qrCodesShown}` },
                actions: { retry, abort },
              });
              return; // zca-js returns here without settling its promise
            }
            const cookie = this.cookieJar.toJSON()?.cookies ?? [];
            callback({
              type: LoginQRCallbackEventType.GotLoginInfo,
              data: { cookie, imei: 'qr-imei', userAgent: 'Mozilla/5.0 (QR)' },
              actions: null,
            });
            void this.login().then(resolve, reject);
          }, qrLifetimeMs);
        };
        round();
      });
  }

  /** The newest session, created (without counting as a login) if there is none yet. */
  get api(): FakeZaloApi {
    const last = this.sessions.at(-1);
    if (last) return last;
    const api = new FakeZaloApi(this, 0);
    this.sessions.push(api);
    return api;
  }

  /** The current session's in-process listener (not available when the server has a real socket). */
  get listener(): FakeZaloListener {
    return this.api.fakeListener;
  }

  /** Every send to this chat fails with `code` until `acceptChat` (123 by default). */
  refuseChat(chatId: string, code = 123): void {
    this.refusingChats.set(chatId, code);
  }

  acceptChat(chatId: string): void {
    this.refusingChats.delete(chatId);
  }

  failNextSend(failure: FakeFailure, times = 1): void {
    for (let i = 0; i < times; i++) this.sendFailures.push(failure);
  }

  /**
   * Zalo's anti-spam on the whole account: from now on every send is refused (221) until `acceptSends`,
   * however many are in flight at once — unlike `failNextSend`, which refuses a count of calls.
   */
  refuseSends(failure: FakeFailure = 'rate-limited'): void {
    this.refusingAll = failure;
  }

  acceptSends(): void {
    this.refusingAll = null;
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

  /**
   * A group admin removes the bot (or, with act "leave", the bot leaves): it is gone from the group, and
   * Zalo pushes the group event — a REMOVE_MEMBER naming the bot, which zca-js marks isSelf.
   */
  kickBotFromGroup(groupId: string, adminId = '3000000000000000001', act = 'remove_member'): void {
    const name = this.groups.get(groupId) ?? '';
    this.groups.delete(groupId);
    const data = {
      subType: 0,
      groupId,
      creatorId: adminId,
      groupName: name,
      sourceId: adminId,
      updateMembers: [{ id: this.ownId, dName: this.botName, avatar: '', type: 0, avatar_25: '' }],
      groupSetting: null,
      groupTopic: null,
      info: null,
      extraData: null,
      time: String(Date.now()),
      avt: null,
      fullAvt: null,
      isAdd: 0,
      hideGroupInfo: 0,
      version: '2',
      groupType: 1,
    };
    if (this.socket) return this.socket.postGroupEvent(act, data);
    const type = act === 'leave' ? GroupEventType.LEAVE : GroupEventType.REMOVE_MEMBER;
    this.listener.deliverGroupEvent({ type, act, data, threadId: groupId, isSelf: true });
  }

  /**
   * Someone logs in to the bot's account elsewhere (Zalo PC, Zalo Web, `npm run zalo:login`): a new
   * session cookie, the old one no longer logs in, and the bot's socket is closed with 3003 (`code`).
   * Returns the new session as `zalo:login` would save it.
   */
  loginElsewhere(code: CloseReason = CloseReason.KickConnection): { cookie: unknown[] } {
    this.sessionGeneration++;
    this.setCookie('zpw_sek', `session-${this.sessionGeneration}`);
    this.validSek = `session-${this.sessionGeneration}`;
    this.closeListener(code, 'logged in elsewhere');
    return { cookie: this.cookieJar.toJSON()?.cookies ?? [] };
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
    this.users.set(from.id, from.name);
    return this.emit(buildUserMessage({ ownId: this.ownId, ids: this.newIds(), from, content: text }));
  }

  /**
   * A user sends a file in a group (or, with `groupId` null, to the bot directly): msgType "share.file",
   * the bytes served at `href`. `size` overrides the size Zalo reports.
   */
  async emitFile(
    groupId: string | null,
    from: FakeUser,
    file: { name: string; data: Buffer; size?: number },
  ): Promise<{ message: Message; path: string }> {
    // A person who writes to the bot privately is a user thread Zalo lets it answer.
    if (!groupId) this.users.set(from.id, from.name);
    const host = await this.startFileHost();
    const path = `/f/${this.hosted.size + 1}/${encodeURIComponent(file.name)}`;
    this.hosted.set(path, file.data);
    const content = fileContent({
      name: file.name,
      size: file.size ?? file.data.length,
      href: `${host}${path}`,
    });
    const base = { ownId: this.ownId, ids: this.newIds(), from, content, msgType: 'share.file' };
    const message = groupId ? buildGroupMessage({ ...base, groupId }) : buildUserMessage(base);
    return { message: this.emit(message), path };
  }

  /**
   * A user sends a photo in a group, with an optional caption ("/xong 12 đã treo băng rôn"): msgType
   * "chat.photo", the caption in content.title, the picture served at href (and params.hd), as Zalo's
   * clients post it. With `replyTo`, the photo is a reply (Zalo's "Trả lời") to that bot message.
   */
  async emitPhoto(
    groupId: string,
    from: FakeUser,
    photo: { data: Buffer; caption?: string; name?: string; replyTo?: FakeSentMessage },
  ): Promise<{ message: GroupMessage; path: string; href: string }> {
    const host = await this.startFileHost();
    const name = photo.name ?? `${this.hosted.size + 1}.jpg`;
    const path = `/jpg/${this.hosted.size + 1}/${encodeURIComponent(name)}`;
    this.hosted.set(path, photo.data);
    const href = `${host}${path}`;
    const quote = photo.replyTo
      ? buildQuote({
          ownerId: this.ownId,
          ownerName: this.botName,
          ids: photo.replyTo,
          text: photo.replyTo.text,
        })
      : undefined;
    const message = buildGroupMessage({
      ownId: this.ownId,
      ids: this.newIds(),
      from,
      content: photoContent(photo.caption ?? '', { href, hd: href }),
      msgType: 'chat.photo',
      groupId,
      ...(quote ? { quote } : {}),
    });
    return { message: this.emit(message), path, href };
  }

  private async startFileHost(): Promise<string> {
    if (this.fileHost) return this.fileHost.base;
    const server = createServer((req, res) => {
      const data = this.hosted.get(req.url ?? '');
      if (!data) return void res.writeHead(404).end();
      // Zalo's CDN serves a file to the session that received it: its cookie, and the UA it logged in with.
      const sek = this.cookieJar.getCookiesSync('https://chat.zalo.me').find((c) => c.key === 'zpw_sek');
      const cookieOk = sek !== undefined && (req.headers.cookie ?? '').includes(`zpw_sek=${sek.value}`);
      const ua = req.headers['user-agent'] ?? '';
      const uaOk = ua === this.api.userAgent;
      if (!cookieOk || !uaOk) {
        this.refusedDownloads.push(req.url ?? '');
        return void res.writeHead(403).end('forbidden');
      }
      this.downloads.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(data);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.fileHost = { server, base };
    return base;
  }

  /** Stops the file host, if a file was ever sent. */
  async close(): Promise<void> {
    const host = this.fileHost;
    this.fileHost = undefined;
    if (host) await new Promise<void>((resolve) => host.server.close(() => resolve()));
  }

  /** Posts a message in Zalo: kept for catch-up, and pushed to the bot's listener if its socket is open. */
  emit<M extends Message>(message: M): M {
    if (!message.isSelf) this.history.push(message);
    if (this.socket) this.socket.post(message);
    else this.listener.deliver(message);
    return message;
  }

  /** The current listener's socket drops (1006 by default; zca-js emits disconnected, then closed). */
  closeListener(code: CloseReason = CloseReason.AbnormalClosure, reason = 'network'): void {
    if (this.socket) {
      if (code === CloseReason.AbnormalClosure) this.socket.drop();
      else this.socket.closeWith(code, reason);
      return;
    }
    this.listener.close(code, reason);
  }

  /** What requestOldMessages answers: messages of that type after `lastId` (the last 50 when null). */
  messagesAfter(type: ThreadType, lastId: string | null): Message[] {
    const ofType = this.history.filter((m) => m.type === type);
    if (lastId === null) return ofType.slice(-OLD_MESSAGES_PAGE);
    return ofType.filter((m) => BigInt(m.data.msgId) > BigInt(lastId)).slice(0, OLD_MESSAGES_PAGE);
  }

  userProfile(id: string): User {
    const name = this.users.get(id) ?? id;
    return {
      userId: id,
      username: '',
      displayName: name,
      zaloName: name,
      avatar: '',
      bgavatar: '',
      cover: '',
      gender: Gender.Male,
      dob: 0,
      sdob: '',
      status: '',
      phoneNumber: '',
      isFr: 0,
      isBlocked: 0,
      lastActionTime: 0,
      lastUpdateTime: 0,
      isActive: 1,
      key: 0,
      type: 1,
      isActivePC: 0,
      isActiveWeb: 0,
      isValid: 1,
      userKey: id,
      accountStatus: 0,
      oaInfo: null,
      user_mode: 0,
      globalId: id,
      bizPkg: { pkgId: 0 },
      createdTs: 0,
      oa_status: null,
    };
  }

  sentTo(threadId: string): FakeSentMessage[] {
    return this.sent.filter((s) => s.threadId === threadId);
  }

  /** Resolves with everything sent once at least `count` messages have been (in total). */
  waitForSent(count: number, timeoutMs = WAIT_MS): Promise<FakeSentMessage[]> {
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
    const failure = this.sendFailures.shift() ?? this.refusingAll;
    if (failure) throw this.toError(failure, threadId);
    this.checkSession();
    const refusal = this.refusingChats.get(threadId);
    if (refusal !== undefined) throw new ZaloApiError('Không thể nhận tin nhắn từ bạn', refusal);
    if (!threadId) throw new ZaloApiError('Missing threadId');
    const attachments = content.attachments === undefined ? [] : [content.attachments].flat();
    if (!content.msg && attachments.length === 0) throw new ZaloApiError('Missing message content');
    const mentionLength = (content.mentions ?? []).reduce((n, m) => n + m.len, 0);
    if (mentionLength > content.msg.length)
      throw new ZaloApiError('Invalid mentions: total mention characters exceed message length');
    // Zalo answers a post to a group the account is not in with a generic parameter error, and a group
    // id sent as a private chat (or the reverse) the same way.
    if (type === ThreadType.Group && !this.groups.has(threadId))
      throw new ZaloApiError('Tham số không hợp lệ', 114);
    if (type === ThreadType.User && !this.users.has(threadId))
      throw new ZaloApiError('Tham số không hợp lệ', 114);
    const clockAt = this.antiSpam?.now() ?? Date.now();
    if (this.antiSpam) {
      const lastHour = this.sent.filter((m) => m.clockAt > clockAt - 3_600_000).length;
      if (lastHour >= this.antiSpam.perHour) {
        this.spamRefusals++;
        throw new ZaloApiError('Vượt quá số request cho phép', 221);
      }
    }
    const record = (text: string, attachment?: AttachmentSource): { msgId: number } => {
      const ids = this.newIds();
      this.sent.push({
        ...ids,
        threadId,
        type,
        content,
        text,
        session,
        at: Date.now(),
        clockAt,
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
      case 'login-garbled':
        return new ZaloApiError('Đăng nhập thất bại');
    }
  }
}
