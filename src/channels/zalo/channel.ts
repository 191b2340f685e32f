/**
 * The Zalo adapter: logs in with the saved session, listens to zca-js's websocket, hands each message to
 * the core and posts the core's replies back into the same thread. It decides nothing itself.
 *
 * Connection policy (docs/zalo-zca-js.md §2): zca-js retries some closes itself and emits `closed` only
 * when it gives up; its retry counters never reset and its listener keeps the cookie it started with, so
 * after `closed` we log in again and build a fresh API, with exponential back-off. Two closes are final:
 * an expired session (only a new QR login helps) and the account being opened elsewhere (3000/3003, where
 * reconnecting would fight the other session). Both are logged and announced to the admins once.
 */
import type { BotCore } from '../../bot/messages';
import type { Logger } from '../../shared/logger';
import type { Sender } from '../sender';
import type { ZaloApiLike, ZaloEventListener, ZaloEventName, ZaloSendApi } from './api';
import {
  currentCredentials,
  credentialsChanged,
  readCredentials,
  writeCredentials,
  ZaloCredentialsError,
  type ZaloCredentials,
} from './credentials';
import { createDispatcher } from './dispatch';
import { describeError, isSessionExpired, ZaloSessionExpiredError } from './errors';
import { createGroupTitleCache } from './inbound';
import { SESSION_EXPIRED_NOTICE, TAKEN_OVER_NOTICE } from './notices';
import { createZaloSender } from './sender';
import { CloseReason, Zalo } from './zca';

export interface ZaloReconnectOptions {
  /** First wait after a close (default 5 s); doubles on each failed attempt … */
  initialDelayMs?: number;
  /** … up to this (default 5 min). */
  maxDelayMs?: number;
  /** A connection that lived this long starts the back-off afresh (default 60 s). */
  stableAfterMs?: number;
}

export interface ZaloChannelOptions {
  credentialsFile: string;
  core: BotCore;
  logger: Logger;
  /** Tells the bot's admins (e.g. over Telegram) that Zalo needs a human. */
  notifyAdmins?: (text: string) => Promise<void>;
  /** Use this API for the first connection instead of logging in (tests). */
  api?: ZaloApiLike;
  /** How to log in; default: zca-js cookie login from `credentialsFile`. */
  login?: () => Promise<ZaloApiLike>;
  reconnect?: ZaloReconnectOptions;
  /** How often to look for refreshed cookies and save them (default 10 min). */
  saveIntervalMs?: number;
  ratePerSecond?: number;
  burst?: number;
  maxChunkLength?: number;
}

export interface ZaloChannel {
  /** Posts to groups through the channel's current session, on the account-wide rate limit. */
  readonly sender: Sender;
  /**
   * Connects and starts listening. Rejects only when the credentials file is missing or invalid; an
   * expired session or an unreachable Zalo is logged (and retried, or announced) without failing start.
   */
  start(): Promise<void>;
  /** Stops listening, waits for messages being handled, and saves the session one last time. */
  stop(): Promise<void>;
}

type State = 'idle' | 'connecting' | 'running' | 'waiting' | 'expired' | 'taken-over' | 'stopped';

export function createZaloChannel(options: ZaloChannelOptions): ZaloChannel {
  const { core, logger, credentialsFile } = options;
  const initialDelay = options.reconnect?.initialDelayMs ?? 5_000;
  const maxDelay = options.reconnect?.maxDelayMs ?? 5 * 60_000;
  const stableAfter = options.reconnect?.stableAfterMs ?? 60_000;

  let state: State = 'idle';
  let api: ZaloApiLike | undefined;
  let ownId = '';
  let attempt = 0;
  let connectedAt: number | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let saveTimer: NodeJS.Timeout | undefined;
  let saved: ZaloCredentials | undefined;
  let detach: (() => void) | undefined;

  const requireApi = (): ZaloSendApi => {
    if (state === 'expired') throw new ZaloSessionExpiredError('the channel found it expired earlier');
    if (!api) throw new Error('zalo: not connected yet');
    return api;
  };
  // Sends go to whichever API is current, so a re-login does not lose the rate limiter's queue.
  const sender = createZaloSender(
    {
      sendMessage: (message, threadId, type) => requireApi().sendMessage(message, threadId, type),
      getAllGroups: () => requireApi().getAllGroups(),
    },
    {
      logger,
      ratePerSecond: options.ratePerSecond,
      burst: options.burst,
      maxChunkLength: options.maxChunkLength,
      onSessionExpired: (err) => void expire(err),
    },
  );
  const dispatcher = createDispatcher({
    core,
    logger,
    sender,
    titles: createGroupTitleCache(() => api, { logger }),
    ownId: () => ownId,
  });

  async function defaultLogin(): Promise<ZaloApiLike> {
    const credentials = await readCredentials(credentialsFile);
    saved = credentials;
    // checkUpdate would call registry.npmjs.org on every login; logging would print zca-js's own chatter.
    return new Zalo({ selfListen: false, checkUpdate: false, logging: false }).login(credentials);
  }

  async function obtainApi(first: boolean): Promise<ZaloApiLike> {
    if (first && options.api) return options.api;
    if (options.login) return options.login();
    if (options.api) return options.api;
    return defaultLogin();
  }

  async function connect(first: boolean): Promise<void> {
    state = 'connecting';
    const next = await obtainApi(first);
    if (state !== 'connecting') return; // stopped (or expired through a send) while logging in
    api = next;
    ownId = next.getOwnId();
    stopListening(); // a previous attempt may have attached handlers before its start() threw
    listen(next);
    state = 'running';
    logger.info({ ownId }, 'zalo: logged in, listener starting');
    await saveIfChanged();
  }

  function listen(target: ZaloApiLike): void {
    const handlers: { [K in ZaloEventName]?: ZaloEventListener<K> } = {
      message: (message) => dispatcher.push(message),
      connected: () => {
        connectedAt = Date.now();
        logger.info('zalo: listener connected');
      },
      disconnected: (code, reason) => logger.warn({ code, reason }, 'zalo: listener disconnected'),
      closed: (code, reason) => onClosed(code, reason),
      error: (err) => {
        logger.warn({ err: describeError(err) }, 'zalo: listener error');
        if (isSessionExpired(err)) void expire(err);
      },
    };
    const on = <K extends ZaloEventName>(event: K, handler: ZaloEventListener<K> | undefined): void => {
      if (handler) target.listener.on(event, handler);
    };
    const off = <K extends ZaloEventName>(event: K, handler: ZaloEventListener<K> | undefined): void => {
      if (handler) target.listener.off(event, handler);
    };
    (Object.keys(handlers) as ZaloEventName[]).forEach((event) => on(event, handlers[event]));
    detach = () => {
      (Object.keys(handlers) as ZaloEventName[]).forEach((event) => off(event, handlers[event]));
      try {
        target.listener.stop();
      } catch (err) {
        logger.debug({ err: describeError(err) }, 'zalo: stopping the old listener failed');
      }
    };
    // retryOnClose lets zca-js ride out the short drops Zalo's own settings say to retry.
    target.listener.start({ retryOnClose: true });
  }

  function stopListening(): void {
    const d = detach;
    detach = undefined;
    d?.();
  }

  function onClosed(code: CloseReason, reason: string): void {
    if (state !== 'running') return;
    stopListening();
    if (code === CloseReason.DuplicateConnection || code === CloseReason.KickConnection) {
      state = 'taken-over';
      logger.error(
        { code, reason },
        'zalo: the account was opened elsewhere; not reconnecting (restart when it is free)',
      );
      void notify(TAKEN_OVER_NOTICE);
      return;
    }
    if (connectedAt !== undefined && Date.now() - connectedAt >= stableAfter) attempt = 0;
    connectedAt = undefined;
    logger.warn({ code, reason }, 'zalo: listener closed');
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (state === 'stopped' || state === 'expired' || state === 'taken-over') return;
    state = 'waiting';
    const delay = Math.min(initialDelay * 2 ** attempt, maxDelay);
    attempt++;
    logger.info({ delayMs: delay, attempt }, 'zalo: reconnecting after a delay');
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      void reconnect();
    }, delay);
  }

  async function reconnect(): Promise<void> {
    if (state !== 'waiting') return;
    try {
      await connect(false);
    } catch (err) {
      if (isSessionExpired(err)) return expire(err);
      logger.warn({ err: describeError(err), attempt }, 'zalo: reconnect failed');
      scheduleReconnect();
    }
  }

  async function expire(err: unknown): Promise<void> {
    if (state === 'expired' || state === 'stopped') return;
    state = 'expired';
    clearTimers();
    stopListening();
    api = undefined;
    logger.error(
      { err: describeError(err), credentialsFile },
      'zalo: session expired; run `npm run zalo:login` to scan a new QR code, then restart the bot',
    );
    await notify(SESSION_EXPIRED_NOTICE);
  }

  async function notify(text: string): Promise<void> {
    if (!options.notifyAdmins) return;
    try {
      await options.notifyAdmins(text);
    } catch (err) {
      logger.error({ err: describeError(err) }, 'zalo: could not notify the admins');
    }
  }

  /**
   * zca-js has no "cookies refreshed" event; it updates its jar from every set-cookie. So the jar is
   * compared with what was last written, and the file rewritten only when a cookie value changed.
   */
  async function saveIfChanged(): Promise<void> {
    if (!api) return;
    try {
      saved ??= await readCredentials(credentialsFile);
      const current = currentCredentials(api, saved);
      if (!credentialsChanged(saved, current)) return;
      await writeCredentials(credentialsFile, current);
      saved = current;
      logger.info({ credentialsFile }, 'zalo: refreshed session saved');
    } catch (err) {
      logger.warn({ err: describeError(err), credentialsFile }, 'zalo: could not save the session');
    }
  }

  function clearTimers(): void {
    if (reconnectTimer) clearTimeout(reconnectTimer);
    reconnectTimer = undefined;
  }

  return {
    sender,
    async start() {
      if (state !== 'idle') throw new Error(`zalo: start() called twice (state ${state})`);
      try {
        await connect(true);
      } catch (err) {
        if (err instanceof ZaloCredentialsError) throw err;
        if (isSessionExpired(err)) await expire(err);
        else {
          logger.warn({ err: describeError(err) }, 'zalo: first connection failed');
          scheduleReconnect();
        }
      }
      const every = options.saveIntervalMs ?? 10 * 60_000;
      saveTimer = setInterval(() => void saveIfChanged(), every);
      saveTimer.unref();
    },
    async stop() {
      if (state === 'stopped') return;
      const wasConnected = api !== undefined && state !== 'expired';
      state = 'stopped';
      clearTimers();
      if (saveTimer) clearInterval(saveTimer);
      saveTimer = undefined;
      stopListening();
      await dispatcher.drain();
      if (wasConnected) await saveIfChanged();
      await sender.stop();
    },
  };
}
