/**
 * In `npm run dev` the console groups are a channel like Telegram and Zalo: the worker queues their
 * reminders, digests and escalations on `deliver-console`, and this process — the one with the terminal —
 * sends them with the console session's Sender, as the bot process sends Zalo's.
 */
import type IORedis from 'ioredis';
import type { Config } from './config';
import type { Sender } from '../channels/sender';
import type { WorkingCalendar } from '../domain/calendar';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import { createReminderRuntime } from '../../jobs/runtime';
import { startReminderWorkers } from '../../jobs/workers';

export async function startConsoleDelivery(o: {
  connection: IORedis;
  clock: Clock;
  calendar: WorkingCalendar;
  logger: Logger;
  sender: Sender;
  config: Config;
}): Promise<{ close(): Promise<void> }> {
  const workers = startReminderWorkers(
    createReminderRuntime({
      connection: o.connection,
      clock: o.clock,
      calendar: o.calendar,
      logger: o.logger,
      senders: [o.sender],
      platforms: ['console'],
      defaultLocale: o.config.defaultLocale,
      reminderDefaults: o.config.reminders,
    }),
    { fanOut: false },
  );
  await workers.ready();
  return workers;
}
