/**
 * One login session of the fake Zalo account: the API object zca-js's login returns, narrowed to
 * ZaloApiLike, and its listener. The listener is either zca-js's real `Listener` connected to the fake
 * websocket (zalo-fake-socket.ts, when the server has one), or this in-process EventEmitter that keeps
 * the real one's rules and failures:
 * - start() twice throws "Already started"; start() connects on a later tick;
 * - stop() while connecting emits `error` ("WebSocket was closed before the connection was
 *   established") before the close — with no `error` handler, Node throws, as with the real one;
 * - a close whose code is in `retryCodes` (1000 here, an assumption) is retried by "zca-js" itself on a
 *   timer nothing can cancel, and emits only `disconnected`; any other close (1006) emits `closed`;
 * - requestOldMessages answers on `old_messages` with what the server holds after `lastId`.
 */
import { EventEmitter } from 'node:events';
import type { ZaloApiLike, ZaloListenerEvents, ZaloListenerLike } from '../../src/channels/zalo/api';
import { CloseReason, ThreadType, ZaloApiError, type Message } from '../../src/channels/zalo/zca';
import type { FakeZaloServer } from './zalo-fake';

export class FakeZaloListener extends EventEmitter<ZaloListenerEvents> implements ZaloListenerLike {
  /** The socket is open (after `connected`). */
  started = false;
  private socket: 'none' | 'connecting' | 'open' = 'none';
  readonly startCalls: Array<{ retryOnClose?: boolean }> = [];
  stopCalls = 0;
  /** zca-js retry timers fired (whether or not they restarted anything). */
  internalRetries = 0;
  private retryOnClose = false;
  readonly retryCodes = new Set<number>([CloseReason.ManualClosure]);

  constructor(
    private readonly selfListen: boolean,
    private readonly server?: FakeZaloServer,
  ) {
    super();
  }

  start(options: { retryOnClose?: boolean } = {}): void {
    if (this.socket !== 'none') throw new ZaloApiError('Already started');
    this.socket = 'connecting';
    this.retryOnClose = options.retryOnClose ?? false;
    this.startCalls.push(options);
    setImmediate(() => {
      if (this.socket !== 'connecting') return;
      if (this.server && this.server.refusedConnections > 0) {
        // The upgrade fails (stale cookie, network): ws reports 1006 without ever opening.
        this.server.refusedConnections--;
        this.socket = 'none';
        this.emit('error', new Error('Unexpected server response: 401'));
        this.onClose(CloseReason.AbnormalClosure, '');
        return;
      }
      this.socket = 'open';
      this.started = true;
      this.emit('connected');
    });
  }

  /** Like the real one: closing a connecting socket errors first; either way a manual closure follows. */
  stop(): void {
    this.stopCalls++;
    if (this.socket === 'none') return;
    const wasConnecting = this.socket === 'connecting';
    this.socket = 'none';
    this.started = false;
    setImmediate(() => {
      if (wasConnecting)
        this.emit('error', new Error('WebSocket was closed before the connection was established'));
      this.onClose(wasConnecting ? CloseReason.AbnormalClosure : CloseReason.ManualClosure, '');
    });
  }

  requestOldMessages(threadType: ThreadType, lastMsgId: string | null = null): void {
    if (this.socket !== 'open') throw new TypeError("Cannot read properties of null (reading 'send')");
    const messages = this.server?.messagesAfter(threadType, lastMsgId) ?? [];
    setImmediate(() => this.emit('old_messages', messages, threadType));
  }

  /** Emits `message` as zca-js would: only on an open socket, and not our own unless selfListen. */
  deliver(message: Message): boolean {
    if (this.socket !== 'open' || (message.isSelf && !this.selfListen)) return false;
    this.emit('message', message);
    return true;
  }

  /** A group event as zca-js emits it: events about the bot itself (isSelf) are dropped unless selfListen. */
  deliverGroupEvent(event: ZaloListenerEvents['group_event'][0]): boolean {
    if (this.socket !== 'open' || (event.isSelf && !this.selfListen)) return false;
    this.emit('group_event', event);
    return true;
  }

  /** The socket closes with `code` (1006: Zalo dropped it). */
  close(code: CloseReason = CloseReason.AbnormalClosure, reason = ''): void {
    if (this.socket === 'none') return;
    this.socket = 'none';
    this.started = false;
    this.onClose(code, reason);
  }

  /** zca-js's ws.onclose: disconnected, then its own retry for listed codes, else closed. */
  private onClose(code: number, reason: string): void {
    this.emit('disconnected', code, reason);
    if (this.retryOnClose && this.retryCodes.has(code)) {
      setTimeout(() => {
        this.internalRetries++;
        this.start({ retryOnClose: true });
      }, 20);
      return;
    }
    this.emit('closed', code, reason);
  }
}

export class FakeZaloApi implements ZaloApiLike {
  readonly listener: ZaloListenerLike;
  keepAliveCalls = 0;

  constructor(
    private readonly server: FakeZaloServer,
    readonly session: number,
    /** zca-js keeps the login's user agent in its context; a QR login generates one. */
    readonly userAgent = 'Mozilla/5.0 (QR)',
  ) {
    this.listener = server.socket
      ? server.socket.createListener(server.ownId, undefined, server.selfListen)
      : new FakeZaloListener(server.selfListen, server);
  }

  /** The in-process listener (throws when this session uses the real one). */
  get fakeListener(): FakeZaloListener {
    if (!(this.listener instanceof FakeZaloListener)) throw new Error('this session uses the real listener');
    return this.listener;
  }

  sendMessage: ZaloApiLike['sendMessage'] = async (message, threadId, type = ThreadType.User) =>
    this.server.acceptSend(
      this.session,
      typeof message === 'string' ? { msg: message } : message,
      threadId,
      type,
    );

  getOwnId: ZaloApiLike['getOwnId'] = () => this.server.ownId;

  getAllGroups: ZaloApiLike['getAllGroups'] = async () => {
    this.server.checkSession();
    return {
      version: '1',
      gridVerMap: Object.fromEntries([...this.server.groups.keys()].map((id) => [id, '1'])),
    };
  };

  getGroupInfo: ZaloApiLike['getGroupInfo'] = async (groupId) => {
    this.server.checkSession();
    const ids = Array.isArray(groupId) ? groupId : [groupId];
    const known = ids.filter((id) => this.server.groups.has(id));
    const gridInfoMap = Object.fromEntries(known.map((id) => [id, this.server.groupInfo(id)]));
    return {
      removedsGroup: ids.filter((id) => !this.server.groups.has(id)),
      unchangedsGroup: [],
      gridInfoMap,
    };
  };

  /** Like zca-js: keys come back with a "_0" suffix; unknown ids are simply absent. */
  getUserInfo: ZaloApiLike['getUserInfo'] = async (userId) => {
    this.server.checkSession();
    const ids = Array.isArray(userId) ? userId : [userId];
    const known = ids.filter((id) => this.server.users.has(id));
    return {
      unchanged_profiles: {},
      phonebook_version: 0,
      changed_profiles: Object.fromEntries(known.map((id) => [`${id}_0`, this.server.userProfile(id)])),
    };
  };

  keepAlive: ZaloApiLike['keepAlive'] = async () => {
    this.keepAliveCalls++;
    this.server.checkSession();
    return { config_vesion: 1 };
  };

  getCookie: ZaloApiLike['getCookie'] = () => this.server.cookieJar;

  /** What a QR login reads back: the context zca-js built (imei and UA as generated, the jar). */
  getContext(): { imei: string; userAgent: string; cookie: FakeZaloServer['cookieJar'] } {
    return { imei: 'qr-imei', userAgent: this.userAgent, cookie: this.server.cookieJar };
  }
}
