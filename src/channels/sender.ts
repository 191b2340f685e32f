import type { Platform, Reply } from '../bot/messages';

/** Whether a channel can send now, and news when that changes. */
export interface SendSession {
  ready(): boolean;
  onChange(listener: (ready: boolean) => void): void;
}

/**
 * What the scheduler needs from a channel: post a message to a group and learn the platform's id for it
 * (so replies to reminders can be tied back to their task).
 */
export interface Sender {
  readonly platform: Platform;
  send(chatId: string, reply: Reply, options?: SendOptions): Promise<{ messageId: string }>;
  /**
   * Present when the channel's session can be lost for a while (Zalo: one session per account, expired
   * until someone logs in again). Deliveries then wait, and the process holding the channel sends them the
   * moment it is back (src/app/zalo-delivery.ts).
   */
  readonly session?: SendSession;
}

/** What a scheduled delivery tells the channel about itself. */
export interface SendOptions {
  /**
   * Who goes first when the channel cannot send everything at once (Zalo's send budget): lower first.
   * jobs/morning-order.ts: 0 leaders groups and overdue items, 1 the rest. Channels without a budget ignore it.
   */
  rank?: number;
  /**
   * Messages of better-ranked deliveries already queued that have not asked yet: a budget keeps room for
   * them before letting this one go.
   */
  reservedAhead?: number;
  /**
   * Posted because of what a person just did (an extension request to the leaders, a blocker): like an
   * answer, it counts against a budget but is never held back, or the person's action would reach no one.
   */
  prompted?: boolean;
}

/**
 * Paces a channel's outgoing calls against the platform's limits, across processes (bot and workers:
 * src/channels/send-pacer.ts): overall, and per chat when the call names one. `beforeSend` resolves when
 * this call may go; `rateLimited` tells every sender to hold off after the platform refused one.
 */
export interface SendPacer {
  beforeSend(chatId?: string): Promise<void>;
  rateLimited(retryAfterMs: number): Promise<void>;
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

/**
 * Nothing was posted, and this delivery (only this one) should be tried again after `retryAfterMs`: the
 * chat refused it for now, or the channel has no usable session yet. Unlike RateLimitedError it does not
 * hold up other chats, and unlike an ordinary error it uses up no attempt.
 */
export class SendDeferredError extends Error {
  constructor(
    readonly retryAfterMs: number,
    /** offline: no usable session; budget: the account's send budget is spent; paused: the account is paused. */
    readonly reason: 'chat-refused' | 'offline' | 'budget' | 'paused',
    detail: string,
  ) {
    super(`send deferred (${reason}) for ${retryAfterMs} ms: ${detail}`);
    this.name = 'SendDeferredError';
  }
}

/** The chat kept refusing this message past the channel's cap: fail this delivery, not the chat binding. */
export class SendRefusedError extends Error {
  constructor(
    readonly chatId: string,
    detail: string,
  ) {
    super(`chat ${chatId} refused the message: ${detail}`);
    this.name = 'SendRefusedError';
  }
}
