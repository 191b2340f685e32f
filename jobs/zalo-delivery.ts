/**
 * Zalo allows one session per account and the bot process holds it (it listens for messages), so the
 * worker only queues Zalo deliveries; this runs their processor inside the bot process, with the Zalo
 * channel's own Sender (and so its account-wide rate limit).
 */
import type { ZaloDeliveryStarter } from '../src/app/bot-service';
import { createReminderRuntime } from './runtime';
import { startReminderWorkers } from './workers';

export const startZaloDelivery: ZaloDeliveryStarter = async (o) => {
  const workers = startReminderWorkers(
    createReminderRuntime({
      connection: o.connection,
      clock: o.clock,
      calendar: o.calendar,
      logger: o.logger,
      senders: [o.sender],
      platforms: ['zalo'],
      defaultLocale: o.defaultLocale,
      notifyAdmins: o.notifyAdmins,
      prefix: o.prefix,
    }),
    { fanOut: false },
  );
  await workers.ready();
  o.logger.info('zalo: delivering queued reminders from this process');
  return workers;
};
