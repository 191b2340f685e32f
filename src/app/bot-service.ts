/** Wires the bot process together; main.ts and the end-to-end tests start it the same way. */
import { closeChartPool } from '../report/status-chart';
import type { Clock } from '../shared/clock';
import { agreeServiceClock, followServiceClock } from '../store/service-clock';
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
import { logErrorsOf } from '../shared/error-log';
import IORedis from 'ioredis';
import { createReminderScheduler } from '../scheduler/plan-task';
import { DEFAULT_PREFIX } from '../scheduler/reminder-queue';
import { createSendPacer, TELEGRAM_CHAT_PACE } from '../channels/send-pacer';
import { startHeartbeat } from './health';
import { connectStore, disconnectStore, storeConnected } from '../store/connect';

export interface BotService {
  core: BotCore;
  /** The deployment's service clock (moved by the console's `:time` under BOT_NOW; followed here). */
  clock: Clock;
  calendar: WorkingCalendar;
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
  logErrorsOf(redis, 'redis', logger);
  const scheduler = createReminderScheduler({
    connection: redis,
    clock,
    calendar,
    logger,
    defaults: config.reminders,
  });
  const senders: Sender[] = [];
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
    // Senders are added below as channels start; a post finds the one of its platform when it is made.
    post: async (platform, chatId, reply) => {
      const sender = senders.find((s) => s.platform === platform);
      // A post a command causes goes now, as the command's answer does; reminders wait for the budget.
      return sender ? sender.send(chatId, reply, { prompted: true }) : null;
    },
  });
  // Another process (the console's `:time`) may move the demo clock: this one moves with it.
  const follower = followServiceClock(config.botNow, clock, (jumpMs) =>
    logger.info({ jumpMs, now: clock.now().toISOString() }, 'service clock moved'),
  );
  const stops: Array<() => Promise<void>> = [
    async () => follower.stop(),
    async () => {
      await scheduler.close();
      await redis.quit();
      await closeChartPool();
    },
  ];
  if (config.telegram.token) {
    const telegram = createTelegramChannel({
      // The same slots as the worker's sends: Telegram limits the bot and each group, not a process.
      pacer: createSendPacer(
        redis,
        `${DEFAULT_PREFIX}:send-pace:telegram`,
        undefined,
        undefined,
        TELEGRAM_CHAT_PACE,
      ),
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
    clock,
    calendar,
    senders,
    logger,
    stop: async () => {
      for (const s of stops.reverse())
        await s().catch((err: unknown) => logger.error({ err }, 'stop failed'));
      await disconnectStore();
    },
  };
}
