/**
 * The Zalo adapter: logs in with the saved session, keeps zca-js's listener alive, hands each message
 * to the core and posts the core's replies back into the same thread. It decides nothing itself.
 *
 * Connection policy (connection-policy.ts, listener-supervisor.ts): a dropped listener is restarted in
 * place, with old messages asked for on every `connected`; only restarts that keep failing lead to a full
 * re-login, from the live cookie jar (saved first). The session is "expired" only when Zalo says so
 * (errors.ts), and then the channel waits for `npm run zalo:login` to save a new one — it picks it up by
 * itself — while Zalo deliveries wait (jobs/zalo-delivery.ts). 3000/3003 (the account opened elsewhere)
 * are final. Expiry and take-over are announced to the admins once.
 *
 * keepAlive(): zca-js exposes the web client's `/keepalive` call but never makes it. The channel calls
 * it with the periodic cookie save: it is one cheap GET the official web client makes too, and any
 * `set-cookie` it brings lands in the jar that is then saved. Whether it lengthens the session is not
 * known (#198, #153 suggest it, unverified); its failures are logged and otherwise ignored, except a 102.
 */
import type { BotCore } from '../../bot/messages';
import { SendDeferredError } from '../sender';
import type { Logger } from '../../shared/logger';
import type { ZaloApiLike, ZaloSendApi } from './api';
import { DEFAULT_CONNECTION_POLICY, loginRetryDelay, type ConnectionPolicy } from './connection-policy';
import { ZaloCredentialsError, type ZaloCredentials } from './credentials';
import { createDispatcher } from './dispatch';
import { describeError, isAmbiguousLoginFailure, isSessionExpired } from './errors';
import { createGroupTitleCache } from './inbound';
import { superviseListener, type ListenerSupervisor } from './listener-supervisor';
import { SESSION_BACK_NOTICE, SESSION_EXPIRED_NOTICE, TAKEN_OVER_NOTICE } from './notices';
import { createZaloSender, type ZaloSender } from './sender';
import { createSessionFile } from './session-file';
import { ThreadType, Zalo, type Message } from './zca';

/** Whether sends can go out now, and news when that changes (jobs/zalo-delivery.ts listens). */
export interface ZaloSessionWatch {
  ready(): boolean;
  onChange(listener: (ready: boolean) => void): void;
}

export type ZaloChannelSender = ZaloSender & { readonly session: ZaloSessionWatch };

export interface ZaloChannelOptions {
  credentialsFile: string;
  core: BotCore;
  logger: Logger;
  /** Tells the bot's admins (e.g. over Telegram) that Zalo needs a human. */
  notifyAdmins?: (text: string) => Promise<void>;
  /** Use this API for the first connection instead of logging in (tests). */
  api?: ZaloApiLike;
  /** How to log in with these credentials; default: zca-js's cookie login. */
  login?: (credentials: ZaloCredentials) => Promise<ZaloApiLike>;
  policy?: Partial<ConnectionPolicy>;
  ratePerSecond?: number;
  burst?: number;
  maxChunkLength?: number;
}

export interface ZaloChannel {
  /** Posts through the channel's current session, on the account-wide rate limit. */
  readonly sender: ZaloChannelSender;
  /**
   * Connects and starts listening. Rejects only when the credentials file is missing or invalid; an
   * expired session or an unreachable Zalo is logged (and retried, or announced) without failing start.
   */
  start(): Promise<void>;
  /** Stops listening (idempotent), waits for messages being handled, and saves the session one last time. */
  stop(): Promise<void>;
}

type State = 'idle' | 'logging-in' | 'running' | 'expired' | 'taken-over' | 'stopped';

export function createZaloChannel(options: ZaloChannelOptions): ZaloChannel {
  const { core, logger, credentialsFile } = options;
  const policy: ConnectionPolicy = { ...DEFAULT_CONNECTION_POLICY, ...options.policy };

  let state: State = 'idle';
  // Read through a call where TypeScript would otherwise keep a narrowing across an await.
  const current = (): State => state;
  let api: ZaloApiLike | undefined;
  let supervisor: ListenerSupervisor | undefined;
  let ownId = '';
  const sessionFile = createSessionFile(credentialsFile, logger);
  let loginFailures = 0;
  let ambiguousSince: number | undefined;
  let ambiguousCount = 0;
  let loginTimer: NodeJS.Timeout | undefined;
  let pollTimer: NodeJS.Timeout | undefined;
  let maintenanceTimer: NodeJS.Timeout | undefined;
  /**
   * A catch-up (old_messages) also returns history from before this process listened; commands that old
   * are not answered hours late. Live messages are always answered. The margin allows for clock skew.
   */
  let listeningSince: number | undefined;
  const CATCH_UP_SKEW_MS = 60_000;
  const lastIds = new Map<ThreadType, { id: string; ts: number }>();
  const sessionListeners: Array<(ready: boolean) => void> = [];
  let ready = false;

  const setReady = (value: boolean): void => {
    if (ready === value) return;
    ready = value;
    for (const l of sessionListeners) l(value);
  };

  const requireApi = (): ZaloSendApi => {
    if (!api || !ready)
      throw new SendDeferredError(
        60_000,
        'offline',
        `the Zalo session is ${state === 'expired' ? 'expired' : 'not ready'}`,
      );
    return api;
  };
  // Sends go to whichever API is current, so a re-login does not lose the rate limiter's queue.
  const baseSender = createZaloSender(
    {
      sendMessage: (message, threadId, type) => requireApi().sendMessage(message, threadId, type),
      getAllGroups: () => requireApi().getAllGroups(),
      getUserInfo: (userId, avatarSize) => requireApi().getUserInfo(userId, avatarSize),
    },
    {
      logger,
      ratePerSecond: options.ratePerSecond,
      burst: options.burst,
      maxChunkLength: options.maxChunkLength,
      onSessionExpired: (err) => expire(err),
    },
  );
  const session: ZaloSessionWatch = { ready: () => ready, onChange: (l) => void sessionListeners.push(l) };
  const sender: ZaloChannelSender = Object.assign(baseSender, { session });
  const dispatcher = createDispatcher({
    core,
    logger,
    sender,
    titles: createGroupTitleCache(() => api, { logger }),
    ownId: () => ownId,
  });

  function onMessage(message: Message, caughtUp: boolean): void {
    const ts = Number(message.data.ts);
    const before = listeningSince !== undefined && ts < listeningSince - CATCH_UP_SKEW_MS;
    if (caughtUp && Number.isFinite(ts) && before) return;
    sender.noteThread(message.threadId, message.type);
    const last = lastIds.get(message.type);
    if (!last || ts >= last.ts) lastIds.set(message.type, { id: String(message.data.msgId), ts });
    dispatcher.push(message);
  }

  async function defaultLogin(credentials: ZaloCredentials): Promise<ZaloApiLike> {
    // checkUpdate would call registry.npmjs.org on every login; logging would print zca-js's own chatter.
    return new Zalo({ selfListen: false, checkUpdate: false, logging: false }).login(credentials);
  }

  function install(next: ZaloApiLike): void {
    api = next;
    ownId = next.getOwnId();
    loginFailures = 0;
    ambiguousCount = 0;
    ambiguousSince = undefined;
    state = 'running';
    listeningSince ??= Date.now();
    supervisor?.retire();
    supervisor = superviseListener(next.listener, {
      logger,
      policy,
      onMessage,
      lastMessageId: (type) => lastIds.get(type)?.id ?? null,
      onGiveUp: () => void relogin(),
      onTakenOver: (code, reason) => takenOver(code, reason),
    });
    setReady(true);
    logger.info({ ownId }, 'zalo: logged in, listener starting');
  }

  async function relogin(): Promise<void> {
    if (state !== 'running' && state !== 'logging-in') return;
    state = 'logging-in';
    supervisor?.retire();
    try {
      const credentials = await sessionFile.forLogin(api);
      const next = await (options.login ?? defaultLogin)(credentials);
      if (state !== 'logging-in') return; // stopped or expired meanwhile
      install(next);
      await sessionFile.save(api);
    } catch (err) {
      if (state !== 'logging-in') return;
      loginFailed(err);
    }
  }

  function loginFailed(err: unknown): void {
    loginFailures++;
    if (isSessionExpired(err)) return expire(err);
    if (isAmbiguousLoginFailure(err)) {
      ambiguousCount++;
      ambiguousSince ??= Date.now();
      const lasting = Date.now() - ambiguousSince >= policy.ambiguousWindowMs;
      if (ambiguousCount >= policy.ambiguousFailuresBeforeExpired && lasting) return expire(err);
    } else {
      ambiguousCount = 0;
      ambiguousSince = undefined;
    }
    const delay = loginRetryDelay(policy, loginFailures);
    logger.warn(
      { err: describeError(err), attempt: loginFailures, delayMs: delay },
      'zalo: login failed; retrying',
    );
    loginTimer = setTimeout(() => {
      loginTimer = undefined;
      void relogin();
    }, delay);
  }

  function expire(err: unknown): void {
    if (state === 'expired' || state === 'stopped' || state === 'taken-over') return;
    state = 'expired';
    clearTimers();
    supervisor?.retire();
    supervisor = undefined;
    api = undefined;
    setReady(false);
    logger.error(
      { err: describeError(err), credentialsFile },
      'zalo: session expired; run `npm run zalo:login` to scan a new QR code (the bot picks it up by itself)',
    );
    void notify(SESSION_EXPIRED_NOTICE);
    pollTimer = setInterval(() => void pickUpNewSession(), policy.credentialsPollMs);
    pollTimer.unref();
  }

  /** While expired: a file that differs from the session that expired is a new login; try it once. */
  async function pickUpNewSession(): Promise<void> {
    if (state !== 'expired') return;
    const fresh = await sessionFile.newLogin();
    if (!fresh) return;
    try {
      const next = await (options.login ?? defaultLogin)(fresh);
      if (current() !== 'expired') return;
      if (pollTimer) clearInterval(pollTimer);
      pollTimer = undefined;
      sessionFile.adopt(fresh);
      install(next);
      startMaintenance();
      void notify(SESSION_BACK_NOTICE);
    } catch (err) {
      logger.warn({ err: describeError(err) }, 'zalo: the newly saved session does not log in either');
    }
  }

  function takenOver(code: number, reason: string): void {
    if (state === 'stopped' || state === 'taken-over') return;
    state = 'taken-over';
    clearTimers();
    supervisor = undefined;
    logger.error(
      { code, reason },
      'zalo: the account was opened elsewhere; not reconnecting (restart when it is free)',
    );
    void notify(TAKEN_OVER_NOTICE);
  }

  async function notify(text: string): Promise<void> {
    if (!options.notifyAdmins) return;
    try {
      await options.notifyAdmins(text);
    } catch (err) {
      logger.error({ err: describeError(err) }, 'zalo: could not notify the admins');
    }
  }

  async function maintain(): Promise<void> {
    if (state !== 'running' || !api) return;
    try {
      await api.keepAlive();
    } catch (err) {
      if (isSessionExpired(err)) return expire(err);
      logger.debug({ err: describeError(err) }, 'zalo: keepAlive failed');
    }
    await sessionFile.save(api);
  }

  function startMaintenance(): void {
    if (maintenanceTimer) return;
    maintenanceTimer = setInterval(() => void maintain(), policy.maintenanceMs);
    maintenanceTimer.unref();
  }

  function clearTimers(): void {
    if (loginTimer) clearTimeout(loginTimer);
    if (pollTimer) clearInterval(pollTimer);
    if (maintenanceTimer) clearInterval(maintenanceTimer);
    loginTimer = pollTimer = maintenanceTimer = undefined;
  }

  return {
    sender,
    async start() {
      if (state !== 'idle') throw new Error(`zalo: start() called twice (state ${state})`);
      state = 'logging-in';
      try {
        const next = options.api ?? (await (options.login ?? defaultLogin)(await sessionFile.forLogin(api)));
        if (current() === 'logging-in') {
          install(next);
          await sessionFile.save(api);
        }
      } catch (err) {
        if (err instanceof ZaloCredentialsError) {
          state = 'stopped';
          throw err;
        }
        if (current() === 'logging-in') loginFailed(err);
      }
      if (current() !== 'expired') startMaintenance();
    },
    async stop() {
      if (state === 'stopped') return;
      const wasConnected = api !== undefined && state !== 'expired';
      state = 'stopped';
      clearTimers();
      supervisor?.retire();
      setReady(false);
      await dispatcher.drain();
      if (wasConnected) await sessionFile.save(api);
      await sender.stop();
    },
  };
}
