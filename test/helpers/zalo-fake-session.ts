/**
 * One login session of the fake Zalo account: the API object zca-js's login returns, narrowed to
 * ZaloApiLike, and its listener — a typed EventEmitter with the real listener's events and rules.
 */
import { EventEmitter } from 'node:events';
import type { ZaloApiLike, ZaloListenerEvents } from '../../src/channels/zalo/api';
import { CloseReason, ThreadType, ZaloApiError, type Message } from '../../src/channels/zalo/zca';
import type { FakeZaloServer } from './zalo-fake';

export class FakeZaloListener extends EventEmitter<ZaloListenerEvents> {
  started = false;
  readonly startCalls: Array<{ retryOnClose?: boolean }> = [];
  stopCalls = 0;

  constructor(private readonly selfListen: boolean) {
    super();
  }

  start(options: { retryOnClose?: boolean } = {}): void {
    if (this.started) throw new ZaloApiError('Already started');
    this.started = true;
    this.startCalls.push(options);
    setImmediate(() => {
      if (this.started) this.emit('connected');
    });
  }

  /** Like the real one: closes the socket, which later reports a manual closure. */
  stop(): void {
    this.stopCalls++;
    if (!this.started) return;
    this.started = false;
    setImmediate(() => {
      this.emit('disconnected', CloseReason.ManualClosure, '');
      this.emit('closed', CloseReason.ManualClosure, '');
    });
  }

  /** Emits `message` as zca-js would: not before start, and not our own unless selfListen. */
  deliver(message: Message): boolean {
    if (!this.started || (message.isSelf && !this.selfListen)) return false;
    this.emit('message', message);
    return true;
  }

  /** The socket dropped and zca-js gave up retrying. */
  close(code: CloseReason = CloseReason.AbnormalClosure, reason = ''): void {
    this.started = false;
    this.emit('disconnected', code, reason);
    this.emit('closed', code, reason);
  }
}

export class FakeZaloApi implements ZaloApiLike {
  readonly listener: FakeZaloListener;

  constructor(
    private readonly server: FakeZaloServer,
    readonly session: number,
  ) {
    this.listener = new FakeZaloListener(server.selfListen);
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

  getCookie: ZaloApiLike['getCookie'] = () => this.server.cookieJar;
}
