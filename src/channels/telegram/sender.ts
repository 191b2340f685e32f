/** The scheduler's way to post to a Telegram group (reminders, digests), outside any conversation. */
import { autoRetry } from '@grammyjs/auto-retry';
import { Api } from 'grammy';
import type { Reply } from '../../bot/messages';
import type { Logger } from '../../shared/logger';
import type { SendPacer, Sender } from '../sender';
import { deliverReply, toTelegramChatId } from './deliver';
import { describeError, toSendError } from './errors';

export interface RetryLimits {
  /** Retries per API call after a 429, 5xx or network error (default 3). */
  maxRetryAttempts?: number;
  /** A 429 asking to wait longer than this fails at once instead (default 60). */
  maxDelaySeconds?: number;
}

export interface TelegramSenderOptions extends RetryLimits {
  token: string;
  /** Bot API root without a trailing slash: https://api.telegram.org, or an emulator in tests. */
  apiRoot: string;
  logger: Logger;
  /** Paces every send call (each part of a split message, each retry) against Telegram's overall limit. */
  pacer?: SendPacer;
}

export const DEFAULT_RETRY_LIMITS: Required<RetryLimits> = { maxRetryAttempts: 3, maxDelaySeconds: 60 };

/**
 * Installs auto-retry with caps: uncapped it would wait out any outage inside one job, while capped the
 * failure goes back to the queue, which has its own backoff and visibility.
 */
export function installAutoRetry(api: Api, limits: RetryLimits = {}): void {
  api.config.use(
    autoRetry({
      maxRetryAttempts: limits.maxRetryAttempts ?? DEFAULT_RETRY_LIMITS.maxRetryAttempts,
      maxDelaySeconds: limits.maxDelaySeconds ?? DEFAULT_RETRY_LIMITS.maxDelaySeconds,
    }),
  );
}

/**
 * A Sender over an existing Api (the bot's, so both share one retry policy).
 *
 * `send` returns the id of the first message the reply became (the photo, when there is one); a long
 * reply is split into several messages and replies to any of them reach the bot, but only the first id is
 * reported. Errors: UnreachableChatError (kicked, chat gone: do not retry), RateLimitedError (429 beyond the
 * retry caps), ChatMigratedError from ./errors (group became a supergroup: rebind to `newChatId`, send
 * again); anything else is grammY's error. When a split reply fails half-way, the parts already sent stay.
 */
export function senderFromApi(api: Api, logger: Logger): Sender {
  return {
    platform: 'telegram',
    async send(chatId: string, reply: Reply): Promise<{ messageId: string }> {
      let ids: number[];
      try {
        ids = await deliverReply(api, toTelegramChatId(chatId), reply);
      } catch (err) {
        const mapped = toSendError(err, chatId);
        logger.warn({ chatId, err: describeError(err) }, 'telegram: send failed');
        throw mapped;
      }
      const first = ids[0];
      if (first === undefined) throw new Error('telegram: refusing to send an empty reply');
      return { messageId: String(first) };
    },
  };
}

/** Methods that post or edit a message, which Telegram counts against a bot's and a chat's limits. */
const POSTS = /^(send|copyMessage|forwardMessage|editMessage)/;

/**
 * Installed before auto-retry, so it sits under it: each retry is paced too, and a 429 Telegram answers
 * holds back every worker's later sends, not only this one's retry.
 */
export function installPacer(api: Api, pacer: SendPacer): void {
  api.config.use(async (prev, method, payload, signal) => {
    if (!POSTS.test(method)) return prev(method, payload, signal);
    const chat = (payload as { chat_id?: unknown }).chat_id;
    await pacer.beforeSend(typeof chat === 'number' || typeof chat === 'string' ? String(chat) : undefined);
    const res = await prev(method, payload, signal);
    if (!res.ok && res.error_code === 429) await pacer.rateLimited((res.parameters?.retry_after ?? 1) * 1000);
    return res;
  });
}

/** A Sender with its own Api: for the worker process, which sends but never polls. */
export function createTelegramSender(options: TelegramSenderOptions): Sender {
  const api = new Api(options.token, { apiRoot: options.apiRoot });
  if (options.pacer) installPacer(api, options.pacer);
  installAutoRetry(api, options);
  return senderFromApi(api, options.logger);
}
