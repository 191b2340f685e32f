/** Wires the bot process together; main.ts and the end-to-end tests start it the same way. */
import type { Clock } from '../shared/clock';
import { agreeServiceClock } from '../store/service-clock';
import type { WorkingCalendar } from '../domain/calendar';
import { loadWorkingCalendar } from './calendar-data';
import type { Config } from './config';
import { commandMenu, createBotCore } from '../bot/core';
import { createTelegramChannel } from '../channels/telegram';
import { createZaloChannel } from '../channels/zalo';
import { redisBudgetStore } from '../channels/zalo/send-budget';
import type { Sender } from '../channels/sender';
import { notifyAdmins } from '../channels/admin-notify';
import { moveChat } from '../store/binding-repository';
import type { BotCore } from '../bot/messages';
import { t, type Locale } from '../shared/i18n';
import { createLogger, redactUrl, type Logger } from '../shared/logger';
import IORedis from 'ioredis';
import { createReminderScheduler } from '../scheduler/plan-task';
import { startHeartbeat } from './health';
import { connectStore, disconnectStore, storeConnected } from '../store/connect';

export interface BotService {
  core: BotCore;
  /** The configured channels' senders (the worker builds its own). */
  senders: Sender[];
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * Starts the processor of queued Zalo reminders in this process (the one holding the Zalo session);
 * main.ts passes src/app/zalo-delivery.ts (tests pass their own, tuned).
 */
export type ZaloDeliveryStarter = (options: {
  connection: IORedis;
  clock: Clock;
  calendar: WorkingCalendar;
  logger: Logger;
  sender: Sender;
  defaultLocale: Locale;
  notifyAdmins: (text: string) => Promise<void>;
  /** The deployment's reminder settings (overdue steps, escalation), as the worker has them. */
  reminderDefaults?: Config['reminders'];
  /** BullMQ key prefix; tests isolate with it, production uses the default. */
  prefix?: string;
}) => Promise<{ close(): Promise<void> }>;

export interface BotServiceHooks {
  startZaloDelivery?: ZaloDeliveryStarter;
}

export async function startBotService(config: Config, hooks: BotServiceHooks = {}): Promise<BotService> {
  const logger = createLogger(config.logLevel);
  await connectStore(config.mongodbUri);
  logger.info({ mongo: redactUrl(config.mongodbUri) }, 'store connected');
  const clock = await agreeServiceClock(config.botNow);
  const calendar = await loadWorkingCalendar();
  // A change made in chat re-plans that task's reminders at once; the worker's daily reconcile is the net.
  const redis = new IORedis(config.redisUrl, { maxRetriesPerRequest: null });
  const scheduler = createReminderScheduler({
    connection: redis,
    clock,
    calendar,
    logger,
    defaults: config.reminders,
  });
  const core = createBotCore({
    clock,
    tz: config.tz,
    calendar,
    defaultLocale: config.defaultLocale,
    admins: config.admins,
    t,
    logger,
    onTaskChanged: async (taskId) => {
      await scheduler.syncTask(taskId);
    },
  });
  const stops: Array<() => Promise<void>> = [
    async () => {
      await scheduler.close();
      await redis.quit();
    },
  ];
  const senders: Sender[] = [];
  if (config.telegram.token) {
    const telegram = createTelegramChannel({
      token: config.telegram.token,
      apiRoot: config.telegram.apiRoot,
      core,
      logger,
      commands: commandMenu(t),
      onChatMigrated: async (from, to) => {
        if (await moveChat('telegram', from, to))
          logger.info({ from, to }, 'telegram: binding moved to the supergroup');
      },
    });
    await telegram.start();
    senders.push(telegram.sender);
    stops.push(() => telegram.stop());
  }
  const stopHeartbeat = startHeartbeat('bot', storeConnected);
  stops.push(async () => stopHeartbeat());
  if (config.zalo.credentialsFile) {
    const zalo = createZaloChannel({
      credentialsFile: config.zalo.credentialsFile,
      core,
      logger,
      // An expired Zalo session needs a person: tell the admins wherever else they can be reached.
      notifyAdmins: (text) => notifyAdmins(config.admins, senders, text, logger),
      // Counted in Redis on the service clock, so a restart does not reset the day's budget.
      budget: {
        limits: config.zalo.budget,
        store: redisBudgetStore(redis, 'lmhtx:zalo:send-budget'),
        now: () => clock.now().getTime(),
      },
    });
    await zalo.start();
    senders.push(zalo.sender);
    stops.push(() => zalo.stop());
    if (hooks.startZaloDelivery) {
      const delivery = await hooks.startZaloDelivery({
        connection: redis,
        clock,
        calendar,
        logger,
        sender: zalo.sender,
        defaultLocale: config.defaultLocale,
        reminderDefaults: config.reminders,
        notifyAdmins: (text) => notifyAdmins(config.admins, senders, text, logger),
      });
      stops.push(() => delivery.close()); // stops run in reverse: deliveries end before the session does
    }
  }
  return {
    core,
    senders,
    logger,
    stop: async () => {
      for (const s of stops.reverse())
        await s().catch((err: unknown) => logger.error({ err }, 'stop failed'));
      await disconnectStore();
    },
  };
}
