/** Telegram API failures, mapped to what the scheduler can act on, and described safely for logs. */
import { GrammyError, HttpError } from 'grammy';
import { redactUrl } from '../../shared/logger';
import { RateLimitedError, UnreachableChatError } from '../sender';

/**
 * The group was upgraded to a supergroup and now lives at `newChatId`: rebind the department's chat to
 * the new id and send again. Not a permanent failure, so not an UnreachableChatError.
 */
export class ChatMigratedError extends Error {
  constructor(
    readonly chatId: string,
    readonly newChatId: string,
  ) {
    super(`telegram chat ${chatId} was upgraded to a supergroup; its new id is ${newChatId}`);
    this.name = 'ChatMigratedError';
  }
}

/**
 * Descriptions that mean the bot can never post in this chat again until someone re-adds it. Telegram
 * answers 403 for most of them, but a few arrive as 400.
 */
const UNREACHABLE =
  /bot was kicked|bot was blocked|bot is not a member|chat not found|group chat was deactivated|chat was deleted|user is deactivated|have no rights to send|not enough rights to send/i;

/** When Telegram's 429 carries no retry_after, wait this long. */
const DEFAULT_RETRY_AFTER_S = 5;

/**
 * Maps an error from a send to the channel-neutral errors of ../sender (and ChatMigratedError); anything
 * else is returned unchanged for the caller's generic retry.
 */
export function toSendError(err: unknown, chatId: string): unknown {
  if (!(err instanceof GrammyError)) return err;
  const newChatId = err.parameters.migrate_to_chat_id;
  if (newChatId !== undefined) return new ChatMigratedError(chatId, String(newChatId));
  if (err.error_code === 429) {
    return new RateLimitedError((err.parameters.retry_after ?? DEFAULT_RETRY_AFTER_S) * 1000);
  }
  if (err.error_code === 403 || UNREACHABLE.test(err.description)) {
    return new UnreachableChatError('telegram', chatId, err.description);
  }
  return err;
}

/**
 * A loggable summary of any error, safe to log: an HttpError's cause can be a fetch error whose message
 * holds the request URL, and the URL holds the bot token.
 */
export function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof GrammyError) {
    return { type: err.name, method: err.method, code: err.error_code, description: err.description };
  }
  if (err instanceof HttpError) {
    const cause = err.error instanceof Error ? redactUrl(err.error.message) : undefined;
    return { type: err.name, message: redactUrl(err.message), ...(cause ? { cause } : {}) };
  }
  if (err instanceof Error) {
    return {
      type: err.name,
      message: redactUrl(err.message),
      stack: err.stack ? redactUrl(err.stack) : undefined,
    };
  }
  return { type: typeof err, message: redactUrl(String(err)) };
}
