/** What the reminder jobs need from the process that runs them; built by src/app/worker.ts, the bot or a test. */
import type IORedis from 'ioredis';
import type { Platform } from '../src/bot/messages';
import type { Sender } from '../src/channels/sender';
import type { Clock } from '../src/shared/clock';
import type { WorkingCalendar } from '../src/domain/calendar';
import type { ReminderSettings } from '../src/domain/reminders';
import type { Locale } from '../src/shared/i18n';
import type { Logger } from '../src/shared/logger';
import { DEFAULT_PREFIX } from '../src/scheduler/reminder-queue';
import { orgSettingsReader, type SettingsFor } from '../src/scheduler/task-plans';
import { createDirectory, type Directory } from './directory';

/** How long a dead worker's job stays locked before another worker takes it over. */
export const LOCK_DURATION_MS = 15_000;
/** Past the lock, so an unfinished 'sending' row is only taken over once its job surely stopped. */
export const SENDING_STALE_MS = LOCK_DURATION_MS + 5_000;
/** Telegram allows 20 messages a minute in one group. */
export const TELEGRAM_CHAT_GAP_MS = 3_000;
export const DIRECTORY_TTL_MS = 10_000;
export const COLLECT_MS = 5_000;

export interface ReminderRuntime {
  /** ioredis with `maxRetriesPerRequest: null`; shared by the queues, duplicated by BullMQ for blocking. */
  connection: IORedis;
  prefix: string;
  clock: Clock;
  calendar: WorkingCalendar;
  logger: Logger;
  /** The Senders of this process; deliveries on other platforms are left to the process that has one. */
  senders: ReadonlyMap<Platform, Sender>;
  /**
   * Every platform reminders go out on in this deployment. Deliveries are queued for all of them, and sent
   * by whichever process holds that platform's Sender: Zalo allows one session per account, which the bot
   * process holds, so its deliveries run there on the same account-wide rate limit as its replies.
   */
  platforms: readonly Platform[];
  /** For groups that chose no language. */
  defaultLocale: Locale;
  /** Tells the bot's admins something they must act on (a group that removed the bot). Must not throw. */
  notifyAdmins(text: string): Promise<void>;
  settingsFor: SettingsFor;
  /** Groups, department names and plan titles, cached briefly (jobs/directory.ts). */
  directory: Directory;
  /**
   * A 'sending' log row this old, with no error recorded, is taken for a worker that died mid-send, and
   * the message is sent again (see jobs/README.md on this window). Younger rows make the job wait.
   */
  sendingStaleMs: number;
  /** Least time between two messages to one group, per platform. */
  chatGapMs: Partial<Record<Platform, number>>;
  /**
   * How long a group's morning message waits after its first reminder fans out, so the others due at the
   * same instant join it. A reminder fanning out after the message went (a retry) follows as another one.
   */
  collectMs: number;
  /**
   * How many reminders are due and still fanning out (the scheduler queue's waiting and running jobs): a
   * budget keeps room for them too, as they may be overdue ones (jobs/morning-order.ts). None: not counted.
   */
  pendingFanOut?: () => Promise<number>;
}

export function senderMap(senders: readonly Sender[]): ReadonlyMap<Platform, Sender> {
  return new Map(senders.map((s) => [s.platform, s]));
}

export interface RuntimeOptions {
  connection: IORedis;
  clock: Clock;
  calendar: WorkingCalendar;
  logger: Logger;
  senders: readonly Sender[];
  /** Defaults to the platforms of `senders`. */
  platforms?: readonly Platform[];
  defaultLocale: Locale;
  notifyAdmins?: (text: string) => Promise<void>;
  prefix?: string;
  /** The deployment's reminder defaults (config.reminders); each organisation's own settings win. */
  reminderDefaults?: Partial<ReminderSettings>;
  pendingFanOut?: () => Promise<number>;
}

/** A runtime with the production settings, for src/app/worker.ts and for the bot process's Zalo deliveries. */
export function createReminderRuntime(o: RuntimeOptions): ReminderRuntime {
  const senders = senderMap(o.senders);
  return {
    connection: o.connection,
    prefix: o.prefix ?? DEFAULT_PREFIX,
    clock: o.clock,
    calendar: o.calendar,
    logger: o.logger,
    senders,
    platforms: o.platforms ?? [...senders.keys()],
    defaultLocale: o.defaultLocale,
    notifyAdmins: o.notifyAdmins ?? (async () => undefined),
    settingsFor: orgSettingsReader(
      (orgId, err) =>
        o.logger.error({ orgId, err: err.message }, 'invalid reminder settings; using defaults'),
      o.reminderDefaults,
    ),
    directory: createDirectory(DIRECTORY_TTL_MS),
    sendingStaleMs: SENDING_STALE_MS,
    chatGapMs: { telegram: TELEGRAM_CHAT_GAP_MS },
    collectMs: COLLECT_MS,
    ...(o.pendingFanOut ? { pendingFanOut: o.pendingFanOut } : {}),
  };
}

/**
 * An organisation's settings, kept for a few seconds like the directory: every reminder of a morning reads
 * them, and on FerretDB each read costs about as much as the send it serves.
 */
export function cachedSettings(read: SettingsFor, ttlMs: number, now: () => number = Date.now): SettingsFor {
  const cache = new Map<string, { at: number; value: ReturnType<SettingsFor> }>();
  return (orgId) => {
    const hit = cache.get(orgId);
    if (hit && now() - hit.at < ttlMs) return hit.value;
    const value = read(orgId);
    value.catch(() => cache.delete(orgId));
    cache.set(orgId, { at: now(), value });
    return value;
  };
}
