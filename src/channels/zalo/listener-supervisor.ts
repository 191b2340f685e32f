/**
 * Keeps one zca-js listener (one login's `api.listener`) alive: restarts it after 1006 and other
 * non-final closes (connection-policy.ts), asks for the messages missed meanwhile on every `connected`,
 * and hands the listener back (`onGiveUp`) when restarts keep failing, so the channel logs in again.
 *
 * Three things about zca-js's Listener shape this (dist/apis/listen.js):
 * - Stopping a socket that is still connecting makes `ws` emit `error` ("closed before the connection was
 *   established"), which the Listener re-emits; an EventEmitter `error` with no handler kills the
 *   process. So the `error` handler is attached once and never removed, on every listener ever started.
 * - With `retryOnClose`, a close whose code Zalo's settings list (not 1006) schedules a bare
 *   `setTimeout(() => this.start(…))` that nothing can cancel, and only then is `closed` not emitted. A
 *   retired listener's `start` is therefore replaced by a no-op, so that pending retry cannot bring an
 *   orphan back; and a retired listener that connects anyway is stopped again.
 * - 3000 (this account opened elsewhere) and 3003 (kicked) end this listener: restarting it would fight
 *   the other session (docs/zalo-zca-js.md §2). The channel decides what next (a wait, then a new login
 *   from the credentials file: channel.ts).
 *
 * Catch-up pages: Zalo answers requestOldMessages with one batch. When a batch brings messages newer than
 * the one asked from, the next batch is asked for from the newest of them, until a batch brings nothing
 * new (or `catchUpPages` batches), so a long gap is covered whole.
 */
import type { Logger } from '../../shared/logger';
import type { ZaloEventArgs, ZaloListenerLike } from './api';
import { restartDelay, type ConnectionPolicy } from './connection-policy';
import { describeError } from './errors';
import { CloseReason, ThreadType, type Message } from './zca';

export interface ListenerSupervisorOptions {
  logger: Logger;
  policy: ConnectionPolicy;
  /** Every message, live or caught up (`old_messages`); the receiver dedupes. */
  onMessage(message: Message, caughtUp: boolean): void;
  /** The last message handled per thread type, to ask for what came after it (null: the recent ones). */
  lastMessageId(type: ThreadType): string | null;
  /** Restarts keep failing: the listener is retired; the channel should log in again. */
  onGiveUp(): void;
  /** 3000/3003: the listener is retired; nothing should reconnect by itself. */
  onTakenOver(code: CloseReason, reason: string): void;
  onConnected?(): void;
  /** Group membership changes (zca-js `group_event`): the channel looks for the bot's own removal. */
  onGroupEvent?(event: ZaloEventArgs<'group_event'>[0]): void;
}

/** Most catch-up batches asked for in a row per thread type after one connection. */
const CATCH_UP_PAGES = 20;

export interface ListenerSupervisor {
  readonly connected: boolean;
  /** Stops for good: idempotent, cancels our pending restart and zca-js's own. */
  retire(): void;
}

const FINAL_CODES = new Set<number>([CloseReason.DuplicateConnection, CloseReason.KickConnection]);

function toBigInt(id: unknown): bigint | undefined {
  try {
    return BigInt(String(id));
  } catch {
    return undefined;
  }
}

export function superviseListener(
  listener: ZaloListenerLike,
  options: ListenerSupervisorOptions,
): ListenerSupervisor {
  const { logger, policy } = options;
  let retired = false;
  let connected = false;
  let connectedSinceStart = false;
  let failedRestarts = 0;
  let timer: NodeJS.Timeout | undefined;

  listener.on('error', (err) => {
    logger.warn({ err: describeError(err), retired }, 'zalo: listener error');
  });
  listener.on('connected', () => {
    if (retired) {
      // zca-js's retry timer fired before start() was replaced, or a stop raced the handshake.
      safeStop();
      return;
    }
    connected = true;
    connectedSinceStart = true;
    failedRestarts = 0;
    logger.info('zalo: listener connected');
    catchUp();
    options.onConnected?.();
  });
  listener.on('disconnected', (code, reason) => {
    connected = false;
    if (retired) return;
    logger.warn({ code, reason }, 'zalo: listener disconnected');
    // zca-js may retry 3000 internally; a duplicate connection must not be fought, so stop here.
    if (FINAL_CODES.has(code)) takenOver(code, reason);
  });
  listener.on('closed', (code, reason) => {
    connected = false;
    if (retired) return;
    if (FINAL_CODES.has(code)) return takenOver(code, reason);
    if (!connectedSinceStart) failedRestarts++;
    if (failedRestarts >= policy.failedRestartsBeforeLogin) {
      logger.warn({ code, reason, failedRestarts }, 'zalo: listener keeps failing; logging in again');
      retire();
      options.onGiveUp();
      return;
    }
    scheduleRestart(code, reason);
  });
  listener.on('message', (message) => options.onMessage(message, false));
  listener.on('group_event', (event) => {
    if (!retired) options.onGroupEvent?.(event);
  });
  // Per thread type: the id the last batch was asked from, and how many batches this connection asked.
  const paging = new Map<ThreadType, { from: string | null; pages: number }>();
  listener.on('old_messages', (messages, type) => {
    for (const message of messages) options.onMessage(message, true);
    const page = paging.get(type);
    if (!page || retired) return;
    let newest: bigint | undefined;
    for (const m of messages) {
      const id = toBigInt(m.data.msgId);
      if (id !== undefined && (newest === undefined || id > newest)) newest = id;
    }
    const from = page.from === null ? undefined : toBigInt(page.from);
    const progressed = newest !== undefined && (from === undefined || newest > from);
    if (!progressed || page.pages >= CATCH_UP_PAGES) return void paging.delete(type);
    ask(type, String(newest), page.pages + 1);
  });

  function ask(type: ThreadType, from: string | null, pages: number): void {
    paging.set(type, { from, pages });
    try {
      listener.requestOldMessages(type, from);
    } catch (err) {
      paging.delete(type);
      logger.warn({ err: describeError(err), type }, 'zalo: could not ask for missed messages');
    }
  }

  function catchUp(): void {
    for (const type of [ThreadType.Group, ThreadType.User]) ask(type, options.lastMessageId(type), 1);
  }

  function scheduleRestart(code: number, reason: string): void {
    const delay = restartDelay(policy, failedRestarts);
    logger.info({ code, reason, delayMs: delay, failedRestarts }, 'zalo: restarting the listener');
    timer = setTimeout(() => {
      timer = undefined;
      if (retired) return;
      start();
    }, delay);
  }

  function start(): void {
    connectedSinceStart = false;
    try {
      listener.start({ retryOnClose: true });
    } catch (err) {
      // "Already started": zca-js's own retry got there first, which is what we wanted.
      logger.debug({ err: describeError(err) }, 'zalo: listener start refused');
    }
  }

  function safeStop(): void {
    try {
      listener.stop();
    } catch (err) {
      logger.debug({ err: describeError(err) }, 'zalo: stopping the listener failed');
    }
  }

  function takenOver(code: CloseReason, reason: string): void {
    if (retired) return;
    retire();
    options.onTakenOver(code, reason);
  }

  function retire(): void {
    if (retired) return;
    retired = true;
    connected = false;
    if (timer) clearTimeout(timer);
    timer = undefined;
    // Shadows the prototype method zca-js's retry timer calls as `this.start(…)`.
    listener.start = () => logger.debug('zalo: a retired listener tried to restart; ignored');
    safeStop();
  }

  start();
  return {
    get connected() {
      return connected;
    },
    retire,
  };
}
