/**
 * Zalo's websocket, on 127.0.0.1, for zca-js's REAL `Listener` class (dist/apis/listen.js) to connect to:
 * the same frames (4-byte header: version, cmd as uint16 LE, subCmd; then JSON), the same commands (521
 * group messages, 501 private ones, 511/510 answers to requestOldMessages, 3000 duplicate connection),
 * and the failures Zalo shows:
 * - `drop()` cuts the TCP connection, which the client sees as close code 1006, as Zalo does every
 *   22–65 s (zca-js PR #371, #333). 1006 is not in the settings' close_and_retry_codes (PR #371), so
 *   zca-js emits `closed`; 1000 is listed (an assumption: Zalo's real list is not published), so a
 *   manual stop is followed by zca-js's own pending retry — the orphan risk the adapter must handle.
 * - `holdHandshakes` keeps new connections in the handshake, so a stop while connecting can be tested
 *   (ws then emits "closed before the connection was established" as an `error`).
 * - Messages posted while no socket is open are not lost on the server: they come back in the answer to
 *   requestOldMessages (everything after `lastId`, or the recent ones when it is null; Zalo's exact
 *   rule is undocumented, so the adapter must dedupe either way).
 * Frames are sent unencrypted (`encrypt: 0`), which zca-js's decodeEventData accepts.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CookieJar } from 'tough-cookie';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ZaloListenerLike } from '../../src/channels/zalo/api';
import { ThreadType, type Message } from '../../src/channels/zalo/zca';
import type { Listener as ZcaListener } from '../../node_modules/zca-js/dist/apis/listen.js' with {
  'resolution-mode': 'import',
};

type ListenerClass = typeof ZcaListener;
const requireHere = createRequire(__filename);
// The package exports only its root; the class lives next to it in the CJS build.
const { Listener } = requireHere(join(dirname(requireHere.resolve('zca-js')), 'apis', 'listen.cjs')) as {
  Listener: ListenerClass;
};

export interface FakeSocketSettings {
  close_and_retry_codes: number[];
  retries: Record<string, { max: number; times: number | number[] }>;
}

/** The assumed server settings (see the header). */
export const DEFAULT_SOCKET_SETTINGS: FakeSocketSettings = {
  close_and_retry_codes: [1000, 3000],
  retries: { '1000': { max: 5, times: [300, 600] }, '3000': { max: 1, times: 300 } },
};

/** How many messages one answer to requestOldMessages carries (Zalo's real batch size is not published). */
export const OLD_MESSAGES_PAGE = 50;

export class FakeZaloSocketServer {
  /** Connections the server accepted (each start() of a listener that got through). */
  connections = 0;
  holdHandshakes = false;
  readonly history: Message[] = [];
  readonly oldMessageRequests: Array<{ type: ThreadType; lastId: string | null }> = [];
  private readonly open = new Set<WebSocket>();
  private readonly held: Array<() => void> = [];

  private constructor(
    private readonly wss: WebSocketServer,
    readonly url: string,
  ) {
    wss.on('connection', (ws) => {
      this.connections++;
      this.open.add(ws);
      ws.on('close', () => this.open.delete(ws));
      ws.on('error', () => this.open.delete(ws));
      ws.on('message', (data: Buffer) => this.onClientFrame(ws, data));
    });
  }

  static async start(): Promise<FakeZaloSocketServer> {
    const ref: { server?: FakeZaloSocketServer } = {};
    const wss = new WebSocketServer({
      host: '127.0.0.1',
      port: 0,
      verifyClient: (_info, accept) => {
        if (ref.server?.holdHandshakes) ref.server.held.push(() => accept(true));
        else accept(true);
      },
    });
    await new Promise<void>((resolve) => wss.once('listening', resolve));
    const address = wss.address();
    if (typeof address === 'string') throw new Error('unexpected pipe address');
    ref.server = new FakeZaloSocketServer(wss, `ws://127.0.0.1:${address.port}/`);
    return ref.server;
  }

  /** A real zca-js Listener for the bot `ownId`, with the cookie string captured now (as zca-js does). */
  createListener(
    ownId: string,
    settings: FakeSocketSettings = DEFAULT_SOCKET_SETTINGS,
    selfListen = false,
  ): ZaloListenerLike {
    const cookie = new CookieJar();
    cookie.setCookieSync('zpw_sek=fake; Domain=chat.zalo.me; Path=/', 'https://chat.zalo.me');
    const ctx = {
      uid: ownId,
      cookie,
      userAgent: 'Mozilla/5.0 (test)',
      API_TYPE: 30,
      API_VERSION: 685,
      options: { selfListen, logging: false },
      settings: {
        features: { socket: { ...settings, rotate_error_codes: [], ping_interval: 20_000 } },
      },
    };
    // The context type has dozens of fields the Listener never reads; these are the ones it does.
    return new Listener(ctx as unknown as ConstructorParameters<ListenerClass>[0], [this.url]);
  }

  get openSockets(): number {
    return this.open.size;
  }

  /** Connections waiting in their handshake (with `holdHandshakes`): a client that is connecting. */
  get heldHandshakes(): number {
    return this.held.length;
  }

  /** Lets held handshakes complete. */
  releaseHandshakes(): void {
    this.holdHandshakes = false;
    for (const accept of this.held.splice(0)) accept();
  }

  /** Zalo drops the connection: the client sees 1006. */
  drop(): void {
    for (const ws of this.open) ws.terminate();
  }

  /** Closes every socket with a code (3000: this account was opened elsewhere). */
  closeWith(code: number, reason = ''): void {
    for (const ws of this.open) ws.close(code, reason);
  }

  /** A message posted in Zalo: kept in history, pushed to every open socket (none open: it waits). */
  post(message: Message): void {
    this.history.push(message);
    const isGroup = message.type === ThreadType.Group;
    const payload = isGroup ? { groupMsgs: [message.data] } : { msgs: [message.data] };
    for (const ws of this.open) this.sendFrame(ws, isGroup ? 521 : 501, 0, payload);
  }

  /**
   * A group event (cmd 601, a control of act_type "group"), as Zalo pushes it: `act` is Zalo's own word
   * ("remove_member", "leave"…), `data` the event's fields (groupId, updateMembers…).
   */
  postGroupEvent(act: string, data: Record<string, unknown>): void {
    const controls = [{ content: { act_type: 'group', act, data: JSON.stringify(data) } }];
    for (const ws of this.open) this.sendFrame(ws, 601, 0, { controls });
  }

  async close(): Promise<void> {
    this.releaseHandshakes();
    for (const ws of this.open) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private sendFrame(ws: WebSocket, cmd: number, subCmd: number, data: unknown): void {
    const body = Buffer.from(JSON.stringify({ encrypt: 0, data: JSON.stringify({ data }) }), 'utf8');
    const header = Buffer.alloc(4);
    header.writeUInt8(1, 0);
    header.writeUInt16LE(cmd, 1);
    header.writeUInt8(subCmd, 3);
    ws.send(Buffer.concat([header, body]));
  }

  private onClientFrame(ws: WebSocket, frame: Buffer): void {
    if (frame.length < 4) return;
    const cmd = frame.readUInt16LE(1);
    const subCmd = frame.readUInt8(3);
    if ((cmd !== 510 && cmd !== 511) || subCmd !== 1) return; // pings and the rest need no answer
    const request = JSON.parse(frame.subarray(4).toString('utf8')) as { lastId?: string | null };
    const type = cmd === 511 ? ThreadType.Group : ThreadType.User;
    const lastId = request.lastId ?? null;
    this.oldMessageRequests.push({ type, lastId });
    const ofType = this.history.filter((m) => m.type === type);
    // One batch of at most OLD_MESSAGES_PAGE: a longer gap needs several requests.
    const after =
      lastId === null
        ? ofType.slice(-OLD_MESSAGES_PAGE)
        : ofType.filter((m) => BigInt(m.data.msgId) > BigInt(lastId)).slice(0, OLD_MESSAGES_PAGE);
    const data = after.map((m) => m.data);
    this.sendFrame(ws, cmd, 1, type === ThreadType.Group ? { groupMsgs: data } : { msgs: data });
  }
}
