/**
 * The Zalo adapter: logs in with the saved session, keeps zca-js's listener alive, hands each message
 * to the core and posts the core's replies back into the same thread. It decides nothing itself.
 *
 * States (`session.state()`), each explicit; `ready` means `connected`:
 * - connecting: logging in, or logged in and waiting for the listener's first `connected`;
 * - connected: logged in with a live listener (a 1006 drop restarts the same listener in place and
 *   does not leave this state: Zalo drops every 22–65 s, connection-policy.ts);
 * - reconnecting: restarts kept failing, or a login failed, and it is logging in again (back-off);
 * - kicked: Zalo closed the socket with 3000/3003 — the account logged in elsewhere (Zalo PC, Zalo Web,
 *   or `npm run zalo:login`, itself a new login). It waits (growing with each kick), re-reads the
 *   credentials file and logs in with it; a changed file is used at once. Repeated kicks are told to the
 *   admins once;
 * - expired: Zalo said the session is over (errors.ts); it waits for `npm run zalo:login` to save a new
 *   one and picks it up by itself;
 * - stopped.
 * In every state but connected, scheduled deliveries wait (SendDeferredError 'offline': the ReminderLog
 * row says `waiting`, no attempt is used — jobs/zalo-delivery.ts), and answers to users wait for the
 * session up to `replyWaitMs`. Commands sent meanwhile come back through the catch-up after the login.
 * The credentials file is watched in every state: a new login saved there is used at once.
 *
 * keepAlive(): zca-js exposes the web client's `/keepalive` call but never makes it. The channel calls
 * it with the periodic cookie save: it is one cheap GET the official web client makes too, and any
 * `set-cookie` it brings lands in the jar that is then saved. Whether it lengthens the session is not
 * known (#198, #153 suggest it, unverified); its failures are logged and otherwise ignored, except a 102.
 *
 * Membership: zca-js marks a group event about the bot itself (removed, left) `isSelf` and drops it
 * unless `selfListen` is on (dist/apis/listen.js, group_event), so the channel logs in with selfListen and
 * drops its own messages itself (inbound.ts). A removal, or a group missing from the periodic
 * getAllGroups check, marks the group gone in the sender (the next delivery fails as unreachable at once)
 * and is announced through `session.onGroupGone` (jobs/zalo-delivery.ts marks the binding).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { BotCore } from '../../bot/messages';
import { SendDeferredError } from '../sender';
import type { Logger } from '../../shared/logger';
import type { ZaloApiLike, ZaloEventArgs, ZaloSendApi } from './api';
import {
  DEFAULT_CONNECTION_POLICY,
  kickRetryDelay,
  loginRetryDelay,
  type ConnectionPolicy,
} from './connection-policy';
import { ZaloCredentialsError, type ZaloCredentials } from './credentials';
import { createDispatcher, fetchFile } from './dispatch';
import { describeError, isAmbiguousLoginFailure, isSessionExpired, ZaloSessionExpiredError } from './errors';
import { createGroupTitleCache } from './inbound';
import { superviseListener, type ListenerSupervisor } from './listener-supervisor';
import { pausedNotice, SESSION_BACK_NOTICE, SESSION_EXPIRED_NOTICE, TAKEN_OVER_NOTICE } from './notices';
import { createSendBudget, type SendBudget, type SendBudgetOptions } from './send-budget';
import { createZaloSender, type ZaloSender } from './sender';
import { createSessionFile } from './session-file';
import { GroupEventType, ThreadType, Zalo, type Message } from './zca';

export type ZaloChannelState =
  'idle' | 'connecting' | 'connected' | 'reconnecting' | 'kicked' | 'expired' | 'stopped';

/** Whether sends can go out now, and news when that changes (jobs/zalo-delivery.ts listens). */
export interface ZaloSessionWatch {
  /** True exactly when the state is `connected`. */
  ready(): boolean;
  state(): ZaloChannelState;
  onChange(listener: (ready: boolean) => void): void;
  /** A group the account is no longer in (membership event or check). */
  onGroupGone(listener: (chatId: string, reason: string) => void): void;
}

export type ZaloChannelSender = ZaloSender & {
  readonly session: ZaloSessionWatch;
  /** The account's send budget (jobs/zalo-delivery.ts wakes the next group in line with `onTurn`). */
  readonly budget: SendBudget;
};

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
  /** The account's send budget: limits, pause policy, store (Redis in production), clock. */
  budget?: SendBudgetOptions;
  /** Hosts a file link may be on for the session's cookies to go with the download (default: Zalo's). */
  fileHosts?: RegExp;
}

/** Zalo's own domains (chat.zalo.me, its CDNs zdn.vn / zadn.vn, zaloapp.com). */
const ZALO_FILE_HOSTS = /(^|\.)(zalo\.me|zdn\.vn|zadn\.vn|zaloapp\.com)$/i;

export interface ZaloChannel {
  /** Posts through the channel's current session, paced and within the account's send budget. */
  readonly sender: ZaloChannelSender;
  /**
   * Connects and starts listening. Rejects only when the credentials file is missing or invalid; an
   * expired session or an unreachable Zalo is logged (and retried, or announced) without failing start.
   */
  start(): Promise<void>;
  /** Stops listening (idempotent), waits for messages being handled, and saves the session one last time. */
  stop(): Promise<void>;
}

type GroupEvent = ZaloEventArgs<'group_event'>[0];

/** The events that mean the account is out of the group, when the bot is among `updateMembers`. */
const LEFT_EVENTS = new Set<GroupEventType>([
  GroupEventType.REMOVE_MEMBER,
  GroupEventType.BLOCK_MEMBER,
  GroupEventType.LEAVE,
]);
/** zca-js has no type for a disbanded group; the raw `act` is kept on UNKNOWN events. */
const DISBANDED_ACTS = /disperse|disband|delete_group|remove_group/i;

export function createZaloChannel(options: ZaloChannelOptions): ZaloChannel {
  const { core, logger, credentialsFile } = options;
  const policy: ConnectionPolicy = { ...DEFAULT_CONNECTION_POLICY, ...options.policy };
  const fileHosts = options.fileHosts ?? ZALO_FILE_HOSTS;

  let state: ZaloChannelState = 'idle';
  // Read through a call where TypeScript would otherwise keep a narrowing across an await.
  const current = (): ZaloChannelState => state;
  let api: ZaloApiLike | undefined;
  let supervisor: ListenerSupervisor | undefined;
  let ownId = '';
  const sessionFile = createSessionFile(credentialsFile, logger);
  let loginFailures = 0;
  let ambiguousSince: number | undefined;
  let ambiguousCount = 0;
  let kicks: number[] = [];
  let kickNoticeSent = false;
  let loginTimer: NodeJS.Timeout | undefined;
  let pollTimer: NodeJS.Timeout | undefined;
  let maintenanceTimer: NodeJS.Timeout | undefined;
  let membershipTimer: NodeJS.Timeout | undefined;
  let loggingIn = false;
  /**
   * A catch-up (old_messages) also returns history from before this process listened; commands that old
   * are not answered hours late. Live messages are always answered. The margin allows for clock skew.
   */
  let listeningSince: number | undefined;
  const CATCH_UP_SKEW_MS = 60_000;
  const lastIds = new Map<ThreadType, { id: string; ts: number }>();
  const sessionListeners: Array<(ready: boolean) => void> = [];
  const goneListeners: Array<(chatId: string, reason: string) => void> = [];
  let ready = false;

  /** The one place the state changes; `ready` follows it. */
  const setState = (next: ZaloChannelState): void => {
    if (state !== next) logger.info({ from: state, to: next }, 'zalo: channel state');
    state = next;
    const nowReady = next === 'connected';
    if (ready === nowReady) return;
    ready = nowReady;
    for (const l of sessionListeners) l(nowReady);
  };

  const notReady = (): SendDeferredError =>
    new SendDeferredError(60_000, 'offline', `the Zalo session is ${state}, not connected`);

  /** Scheduled deliveries: no session, no wait (the row says waiting). */
  const requireApi = (): ZaloSendApi => {
    if (!api || !ready) throw notReady();
    return api;
  };
  /** Answers to users: someone is waiting for it, so wait (a while) for the session. */
  const readyWaiters = new Set<() => void>();
  sessionListeners.push((isReady) => {
    if (isReady) for (const wake of [...readyWaiters]) wake();
  });
  const waitForApi = async (): Promise<ZaloSendApi> => {
    if (api && ready) return api;
    if (state === 'stopped') throw notReady();
    await new Promise<void>((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        readyWaiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, policy.replyWaitMs);
      timer.unref();
      readyWaiters.add(wake);
    });
    return requireApi();
  };

  const budget = createSendBudget(options.budget);
  /** Set while an answer to a user is being sent (it waits for the session; deliveries do not). */
  const interactive = new AsyncLocalStorage<true>();
  // Sends go to whichever API is current, so a re-login does not lose the pacer's queue.
  const baseSender = createZaloSender(
    {
      sendMessage: async (message, threadId, type) =>
        (interactive.getStore() ? await waitForApi() : requireApi()).sendMessage(message, threadId, type),
      getAllGroups: () => requireApi().getAllGroups(),
      getUserInfo: (userId, avatarSize) => requireApi().getUserInfo(userId, avatarSize),
    },
    {
      logger,
      ratePerSecond: options.ratePerSecond,
      burst: options.burst,
      maxChunkLength: options.maxChunkLength,
      onSessionExpired: (err) => expire(err),
      budget,
      onPaused: (ms) => void notify(pausedNotice(Math.max(1, Math.round(ms / 60_000)))),
      onGroupGone: (chatId, reason) => {
        for (const l of goneListeners) l(chatId, reason);
      },
    },
  );
  const session: ZaloSessionWatch = {
    ready: () => ready,
    state: () => state,
    onChange: (l) => void sessionListeners.push(l),
    onGroupGone: (l) => void goneListeners.push(l),
  };
  const baseSend = baseSender.send;
  const sendTo = baseSender.sendTo;
  const sender: ZaloChannelSender = Object.assign(baseSender, {
    session,
    budget,
    // A 102 met by a delivery is the session's problem, not the delivery's: it waits like any other.
    async send(...args: Parameters<ZaloSender['send']>) {
      try {
        return await baseSend(...args);
      } catch (err) {
        if (err instanceof ZaloSessionExpiredError) throw notReady();
        throw err;
      }
    },
  });
  const dispatcher = createDispatcher({
    core,
    logger,
    sender: {
      sendTo: (...args: Parameters<ZaloSender['sendTo']>) => interactive.run(true, () => sendTo(...args)),
    },
    titles: createGroupTitleCache(() => api, { logger }),
    ownId: () => ownId,
    download: (url) => fetchFile(url, downloadHeaders(url)),
  });

  /**
   * Zalo's file links are on its CDN, fetched the way zca-js makes its own requests (utils.js
   * getDefaultHeaders): the session's cookies (the link's own, else chat.zalo.me's), its user agent,
   * chat.zalo.me as origin. Cookies go only to Zalo's hosts: a link is message content, and the session
   * cookie is the account.
   */
  function downloadHeaders(url: string): Record<string, string> {
    const headers: Record<string, string> = {
      origin: 'https://chat.zalo.me',
      referer: 'https://chat.zalo.me/',
    };
    const userAgent = api?.getContext?.().userAgent ?? sessionFile.userAgent();
    if (userAgent) headers['user-agent'] = userAgent;
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      return headers;
    }
    if (!api || !fileHosts.test(host)) return headers;
    const jar = api.getCookie();
    const cookie = jar.getCookieStringSync(url) || jar.getCookieStringSync('https://chat.zalo.me');
    if (cookie) headers.cookie = cookie;
    return headers;
  }

  function onMessage(message: Message, caughtUp: boolean): void {
    const ts = Number(message.data.ts);
    const before = listeningSince !== undefined && ts < listeningSince - CATCH_UP_SKEW_MS;
    if (caughtUp && Number.isFinite(ts) && before) return;
    sender.noteThread(message.threadId, message.type);
    const last = lastIds.get(message.type);
    if (!last || ts >= last.ts) lastIds.set(message.type, { id: String(message.data.msgId), ts });
    dispatcher.push(message);
  }

  function onGroupEvent(event: GroupEvent): void {
    const data = event.data as { updateMembers?: Array<{ id?: unknown } | string> };
    const members = (data.updateMembers ?? []).map((m) => String(typeof m === 'object' ? m.id : m));
    const self = members.includes(ownId);
    if (LEFT_EVENTS.has(event.type) && self)
      sender.markGone(event.threadId, `the account was removed from the group (${event.act})`);
    else if (event.type === GroupEventType.UNKNOWN && DISBANDED_ACTS.test(event.act))
      sender.markGone(event.threadId, `the group was disbanded (${event.act})`);
  }

  async function defaultLogin(credentials: ZaloCredentials): Promise<ZaloApiLike> {
    // checkUpdate would call registry.npmjs.org on every login; logging would print zca-js's own chatter.
    // selfListen: see the header (membership); the bot's own messages are dropped in inbound.ts.
    return new Zalo({ selfListen: true, checkUpdate: false, logging: false }).login(credentials);
  }

  function install(next: ZaloApiLike): void {
    api = next;
    ownId = next.getOwnId();
    loginFailures = 0;
    ambiguousCount = 0;
    ambiguousSince = undefined;
    setState('connecting');
    listeningSince ??= Date.now();
    supervisor?.retire();
    supervisor = superviseListener(next.listener, {
      logger,
      policy,
      onMessage,
      lastMessageId: (type) => lastIds.get(type)?.id ?? null,
      onGiveUp: () => void relogin(),
      onTakenOver: (code, reason) => kicked(code, reason),
      onConnected: () => {
        if (current() === 'connecting') setState('connected');
      },
      onGroupEvent,
    });
    logger.info({ ownId }, 'zalo: logged in, listener starting');
  }

  /**
   * Logs in with `credentials` (default: the live jar), installs the new session; a failure goes to
   * loginFailed. `fromFile`: the credentials are the file's as it is now, adopted once they work.
   */
  async function loginWith(credentials: ZaloCredentials | undefined, fromFile: boolean): Promise<void> {
    if (loggingIn || current() === 'stopped') return;
    loggingIn = true;
    if (loginTimer) clearTimeout(loginTimer);
    loginTimer = undefined;
    const wasExpired = current() === 'expired';
    const wasKicked = current() === 'kicked';
    if (current() !== 'expired' && current() !== 'kicked') setState('reconnecting');
    supervisor?.retire();
    supervisor = undefined;
    try {
      const creds = credentials ?? (await sessionFile.forLogin(api));
      const next = await (options.login ?? defaultLogin)(creds);
      if (current() === 'stopped') return;
      if (fromFile) sessionFile.adopt(creds);
      install(next);
      await sessionFile.save(api);
      if (wasExpired || (wasKicked && kickNoticeSent)) void notify(SESSION_BACK_NOTICE);
    } catch (err) {
      if (current() !== 'stopped') loginFailed(err, wasExpired);
    } finally {
      loggingIn = false;
    }
  }

  function relogin(): Promise<void> {
    return loginWith(undefined, false);
  }

  function loginFailed(err: unknown, wasExpired: boolean): void {
    if (err instanceof ZaloCredentialsError) {
      logger.error({ err: err.message }, 'zalo: the credentials file cannot be used; waiting for a new one');
      return expire(err);
    }
    // Expired stays expired until a new file works (polled); nothing to retry meanwhile.
    if (wasExpired) {
      logger.warn({ err: describeError(err) }, 'zalo: the newly saved session does not log in either');
      return;
    }
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
    if (current() !== 'kicked') setState('reconnecting');
    loginTimer = setTimeout(() => {
      loginTimer = undefined;
      // After a kick, every try reads the file again: a new login may have been saved meanwhile.
      void (current() === 'kicked' ? loginFromFile() : relogin());
    }, delay);
  }

  async function loginFromFile(): Promise<void> {
    let creds: ZaloCredentials;
    try {
      creds = await sessionFile.reread();
    } catch (err) {
      return loginFailed(err, false);
    }
    await loginWith(creds, true);
  }

  function expire(err: unknown): void {
    if (state === 'expired' || state === 'stopped') return;
    if (loginTimer) clearTimeout(loginTimer);
    loginTimer = undefined;
    supervisor?.retire();
    supervisor = undefined;
    api = undefined;
    setState('expired');
    logger.error(
      { err: describeError(err), credentialsFile },
      'zalo: session expired; run `npm run zalo:login` to scan a new QR code (the bot picks it up by itself)',
    );
    void notify(SESSION_EXPIRED_NOTICE);
  }

  /** 3000/3003: logged in elsewhere. Wait, then log in again from the file; tell the admins if it repeats. */
  function kicked(code: number, reason: string): void {
    if (state === 'stopped' || state === 'expired') return;
    supervisor = undefined;
    api = undefined;
    setState('kicked');
    const now = Date.now();
    kicks = kicks.filter((t) => t > now - policy.kickWindowMs);
    kicks.push(now);
    if (kicks.length === 1) kickNoticeSent = false;
    const delay = kickRetryDelay(policy, kicks.length);
    logger.warn(
      { code, reason, kicks: kicks.length, delayMs: delay },
      'zalo: the account logged in elsewhere; logging in again from the credentials file after a wait',
    );
    if (kicks.length >= policy.kicksBeforeNotice && !kickNoticeSent) {
      kickNoticeSent = true;
      void notify(TAKEN_OVER_NOTICE);
    }
    if (loginTimer) clearTimeout(loginTimer);
    loginTimer = setTimeout(() => {
      loginTimer = undefined;
      void loginFromFile();
    }, delay);
  }

  /** In every state: a file that differs from every session seen so far is a new login; use it at once. */
  async function pollFile(): Promise<void> {
    if (state === 'stopped' || state === 'idle' || loggingIn) return;
    const fresh = await sessionFile.newLogin();
    if (!fresh || current() === 'stopped') return;
    logger.info({ state }, 'zalo: a new session was saved to the credentials file; logging in with it');
    await loginWith(fresh, true);
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
    if (state !== 'connected' || !api) return;
    try {
      await api.keepAlive();
    } catch (err) {
      if (isSessionExpired(err)) return expire(err);
      logger.debug({ err: describeError(err) }, 'zalo: keepAlive failed');
    }
    await sessionFile.save(api);
  }

  function startTimers(): void {
    if (!maintenanceTimer) {
      maintenanceTimer = setInterval(() => void maintain(), policy.maintenanceMs);
      maintenanceTimer.unref();
    }
    if (!pollTimer) {
      pollTimer = setInterval(() => void pollFile(), policy.credentialsPollMs);
      pollTimer.unref();
    }
    if (!membershipTimer) {
      membershipTimer = setInterval(() => {
        if (state === 'connected') void sender.checkMembership();
      }, policy.membershipCheckMs);
      membershipTimer.unref();
    }
  }

  function clearTimers(): void {
    if (loginTimer) clearTimeout(loginTimer);
    for (const t of [pollTimer, maintenanceTimer, membershipTimer]) if (t) clearInterval(t);
    loginTimer = pollTimer = maintenanceTimer = membershipTimer = undefined;
  }

  return {
    sender,
    async start() {
      if (state !== 'idle') throw new Error(`zalo: start() called twice (state ${state})`);
      setState('connecting');
      try {
        const next = options.api ?? (await (options.login ?? defaultLogin)(await sessionFile.forLogin(api)));
        if (current() === 'connecting') {
          install(next);
          await sessionFile.save(api);
        }
      } catch (err) {
        if (err instanceof ZaloCredentialsError) {
          setState('stopped');
          throw err;
        }
        if (current() === 'connecting') loginFailed(err, false);
      }
      if (current() !== 'stopped') startTimers();
    },
    async stop() {
      if (state === 'stopped') return;
      const wasConnected = api !== undefined && state !== 'expired';
      setState('stopped');
      clearTimers();
      supervisor?.retire();
      await dispatcher.drain();
      if (wasConnected) await sessionFile.save(api);
      await sender.stop();
    },
  };
}
