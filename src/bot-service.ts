/** Wires the bot process together; main.ts and the end-to-end tests start it the same way. */
import { clockStartingAt, systemClock } from './clock';
import { loadWorkingCalendar } from './calendar-data';
import type { Config } from './config';
import { createBotCore } from './bot/core';
import type { BotCore } from './bot/messages';
import { t } from './i18n';
import { createLogger, redactUrl, type Logger } from './logger';
import mongoose from 'mongoose';
import { startHeartbeat } from './health';
import { connectStore, disconnectStore } from './store/connect';

export interface BotService {
  core: BotCore;
  logger: Logger;
  stop(): Promise<void>;
}

export async function startBotService(config: Config): Promise<BotService> {
  const logger = createLogger(config.logLevel);
  const clock = config.botNow ? clockStartingAt(config.botNow) : systemClock;
  await connectStore(config.mongodbUri);
  logger.info({ mongo: redactUrl(config.mongodbUri) }, 'store connected');
  const calendar = await loadWorkingCalendar();
  const core = createBotCore({
    clock,
    tz: config.tz,
    calendar,
    defaultLocale: config.defaultLocale,
    admins: config.admins,
    t,
    logger,
  });
  const stops: Array<() => Promise<void>> = [];
  const stopHeartbeat = startHeartbeat('bot', () => mongoose.connection.readyState === 1);
  stops.push(async () => stopHeartbeat());
  return {
    core,
    logger,
    stop: async () => {
      for (const s of stops.reverse()) await s().catch((err: unknown) => logger.error({ err }, 'stop failed'));
      await disconnectStore();
    },
  };
}
