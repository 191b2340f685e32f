/**
 * The worker process: sends the reminders and the weekly digest (the jobs/ processors, wired here: src/app is
 * the composition root, and jobs/ imports nothing of it). It connects the store and Redis, builds
 * a Sender per configured platform, runs the BullMQ workers, reconciles the queue with the store at
 * start-up and every morning, and prints WORKER_READY once all that is up (end-to-end tests wait for it).
 * It never polls Telegram for updates: that is the bot process's job (one poller per token). Zalo
 * deliveries are queued here and sent by the bot process, which holds the account's only session.
 *
 * With BOT_NOW the service clock starts at that instant: reminders due "then" are due now, because job
 * delays are computed from the service clock, not the system's.
 */
import { closeChartPool } from '../report/status-chart';
import IORedis from 'ioredis';
import { loadWorkingCalendar } from './calendar-data';
import type { Platform } from '../bot/messages';
import type { Sender } from '../channels/sender';
import { createTelegramSender } from '../channels/telegram/sender';
import { agreeServiceClock, followServiceClock } from '../store/service-clock';
import { replanAfterClockMove } from '../scheduler/clock-move';
import type { Config } from './config';
import { loadConfigOrExit } from './load-env';
import { notifyAdmins } from '../channels/admin-notify';
import { onShutdown, runMain } from './process-lifecycle';
import { startHeartbeat } from './health';
import { createLogger, type Logger } from '../shared/logger';
import { logErrorsOf } from '../shared/error-log';
import { startSchedulerCron } from '../scheduler/cron';
import { createReminderScheduler } from '../scheduler/plan-task';
import { connectStore, disconnectStore, storeConnected } from '../store/connect';
import { DEFAULT_PREFIX } from '../scheduler/reminder-queue';
import { createReminderRuntime } from '../../jobs/runtime';
import { createSendPacer, TELEGRAM_CHAT_PACE } from '../channels/send-pacer';
import { startReminderWorkers } from '../../jobs/workers';

function buildSenders(config: Config, logger: Logger, connection: IORedis): Sender[] {
  const senders: Sender[] = [];
  if (config.telegram.token) {
    senders.push(
      createTelegramSender({
        token: config.telegram.token,
        apiRoot: config.telegram.apiRoot,
        logger,
        // Shared by every worker process: Telegram limits the bot, not a process.
        pacer: createSendPacer(
          connection,
          `${DEFAULT_PREFIX}:send-pace:telegram`,
          undefined,
          undefined,
          TELEGRAM_CHAT_PACE,
        ),
      }),
    );
  }
  if (config.zalo.credentialsFile) {
    // Zalo allows one session per account and the bot process holds it: Zalo deliveries are queued on
    // deliver-zalo and sent there by src/app/zalo-delivery.ts, which src/app/main.ts starts with the channel's Sender.
    logger.info('Zalo reminders are queued for the bot process, which holds the Zalo session');
  }
  return senders;
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel, 'lmhtx-worker');
  await connectStore(config.mongodbUri);
  const clock = await agreeServiceClock(config.botNow);
  const calendar = await loadWorkingCalendar();
  const connection = new IORedis(config.redisUrl, { maxRetriesPerRequest: null });
  logErrorsOf(connection, 'redis', logger);
  const senders = buildSenders(config, logger, connection);
  const platforms: Platform[] = [
    ...(config.telegram.token ? (['telegram'] as const) : []),
    ...(config.zalo.credentialsFile ? (['zalo'] as const) : []),
    // npm run dev prints the console groups' reminders itself (src/app/dev.ts), as the bot sends Zalo's.
    ...(config.consoleDelivery ? (['console'] as const) : []),
  ];
  if (platforms.length === 0)
    logger.warn('no platform is configured: reminders will be planned but not sent');
  const runtime = createReminderRuntime({
    connection,
    clock,
    calendar,
    logger,
    senders,
    platforms,
    defaultLocale: config.defaultLocale,
    reminderDefaults: config.reminders,
    notifyAdmins: (text) => notifyAdmins(config.admins, senders, text, logger),
  });
  const { settingsFor } = runtime;
  const scheduler = createReminderScheduler({ connection, clock, calendar, logger, settingsFor });
  const workers = startReminderWorkers(runtime);
  const cron = startSchedulerCron({
    clock,
    timezone: config.tz,
    logger,
    reconcile: () => scheduler.reconcileAll(),
    weeklyDigest: () => scheduler.enqueueWeeklyDigest(config.tz),
  });
  await Promise.all([workers.ready(), cron.ready]);
  // The demo clock moved (`:time` in the console): plan the delayed reminders again from the new time.
  const follower = followServiceClock(config.botNow, clock, async (jumpMs) => {
    logger.info({ jumpMs, now: clock.now().toISOString() }, 'service clock moved');
    cron.nudge();
    await replanAfterClockMove(scheduler);
  });
  // The compose health check reads this file: fresh while the store answers.
  const stopHeartbeat = startHeartbeat('worker', storeConnected);
  // Signals are taken before anyone is told the worker is ready: a SIGTERM sent the moment WORKER_READY
  // is read (a supervisor, a test) would otherwise meet Node's default and kill it mid-stop.
  onShutdown(
    async () => {
      stopHeartbeat();
      follower.stop();
      await cron.stop();
      // Waits for jobs in progress, so no send is cut between the platform call and its log row.
      await workers.close();
      await closeChartPool();
      await scheduler.close();
      await connection.quit();
      await disconnectStore();
    },
    logger,
    'worker',
  );
  logger.info({ platforms, now: clock.now().toISOString() }, 'worker ready');
  process.stdout.write('WORKER_READY\n');
}

runMain(main);
