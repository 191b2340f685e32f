import type { Platform, Reply } from '../bot/messages';

/**
 * What the scheduler needs from a channel: post a message to a group and learn the platform's id for it
 * (so replies to reminders can be tied back to their task).
 */
export interface Sender {
  readonly platform: Platform;
  send(chatId: string, reply: Reply): Promise<{ messageId: string }>;
}

/** A send that can never succeed for this group (bot removed, chat gone): not retried. */
export class UnreachableChatError extends Error {
  constructor(
    readonly platform: Platform,
    readonly chatId: string,
    reason: string,
  ) {
    super(`${platform} chat ${chatId} is unreachable: ${reason}`);
    this.name = 'UnreachableChatError';
  }
}

/** The platform asked us to slow down; retry after `retryAfterMs`. */
export class RateLimitedError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`rate limited, retry after ${retryAfterMs} ms`);
    this.name = 'RateLimitedError';
  }
}
