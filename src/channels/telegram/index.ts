/** The Telegram adapter's public surface. */
export {
  APOLOGY_VI,
  createTelegramChannel,
  type TelegramChannel,
  type TelegramChannelOptions,
} from './channel';
export { ChatMigratedError, describeError } from './errors';
export { escapeHtml, renderHtml } from './html';
export { chatMigration, toIncomingMessage } from './inbound';
export type { TelegramCommand } from './menus';
export {
  createTelegramSender,
  DEFAULT_RETRY_LIMITS,
  type RetryLimits,
  type TelegramSenderOptions,
} from './sender';
export { renderChunks, splitSegments, TELEGRAM_CAPTION_LIMIT, TELEGRAM_TEXT_LIMIT } from './split';
export type { WebhookSettings } from './webhook-server';
