/**
 * Zalo's per-chat refusals (123 "Không thể nhận tin nhắn từ bạn", 122, 221 — errors.ts), applied to
 * scheduled deliveries: the refusing chat gets its own back-off and a cap, other chats are not held up,
 * and the admins hear about it once per episode. Only what really is account-wide pauses everything:
 * -69 (errors.ts maps it to RateLimitedError) and 221 from several chats within a minute.
 *
 * While a chat is in back-off its deliveries wait without calling Zalo, so the bot does not keep poking
 * an anti-spam rule (#336 reports 123 for a duplicate-content block that lasts).
 */
import type { Logger } from '../../shared/logger';
import { RateLimitedError, SendDeferredError, SendRefusedError, type Sender } from '../sender';
import { ZALO_RATE_LIMIT_RETRY_MS, ZaloChatRefusedError } from './errors';
import { chatRefusedNotice } from './notices';

export interface ChatRefusalPolicy {
  /** Wait after the first refusal; doubled after each further one, up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A delivery refused this many times in a row (per chat) fails instead of waiting again. */
  maxRefusals: number;
  /** 221 from this many different chats within `accountWideWindowMs` is the account's limit. */
  accountWideChats: number;
  accountWideWindowMs: number;
}

export const DEFAULT_CHAT_REFUSAL_POLICY: ChatRefusalPolicy = {
  firstDelayMs: 60_000,
  maxDelayMs: 30 * 60_000,
  maxRefusals: 6, // 1 + 2 + 4 + 8 + 16 minutes of trying, then the delivery fails
  accountWideChats: 3,
  accountWideWindowMs: 60_000,
};

export interface ChatRefusalOptions {
  logger: Logger;
  notifyAdmins(text: string): Promise<void>;
  /** The chat's name for the admins' notice. */
  titleOf(chatId: string): Promise<string>;
  policy?: Partial<ChatRefusalPolicy>;
  now?: () => number;
}

interface ChatState {
  refusals: number;
  until: number;
  code: number;
  notified: boolean;
}

export function guardChatRefusals<S extends Sender>(sender: S, options: ChatRefusalOptions): S {
  const policy = { ...DEFAULT_CHAT_REFUSAL_POLICY, ...options.policy };
  const now = options.now ?? Date.now;
  const chats = new Map<string, ChatState>();
  const recent221: Array<{ chatId: string; at: number }> = [];

  function accountWide(chatId: string): boolean {
    const t = now();
    recent221.push({ chatId, at: t });
    while (recent221.length && (recent221[0]?.at ?? t) < t - policy.accountWideWindowMs) recent221.shift();
    return new Set(recent221.map((r) => r.chatId)).size >= policy.accountWideChats;
  }

  async function tell(chatId: string, state: ChatState, delayMs: number): Promise<void> {
    if (state.notified) return;
    state.notified = true;
    try {
      const title = await options.titleOf(chatId);
      await options.notifyAdmins(
        chatRefusedNotice(title, state.code, Math.max(1, Math.round(delayMs / 60_000))),
      );
    } catch (err) {
      options.logger.error(
        { chatId, err: String(err) },
        'zalo: could not tell the admins about a refusing chat',
      );
    }
  }

  async function send(
    chatId: string,
    reply: Parameters<S['send']>[1],
    sendOptions?: Parameters<S['send']>[2],
  ): Promise<{ messageId: string }> {
    const known = chats.get(chatId);
    if (known && now() < known.until)
      throw new SendDeferredError(known.until - now(), 'chat-refused', `code ${known.code}, in back-off`);
    try {
      const result = await sender.send(chatId, reply, sendOptions);
      chats.delete(chatId);
      return result;
    } catch (err) {
      if (!(err instanceof ZaloChatRefusedError)) throw err;
      if (err.code === 221 && accountWide(chatId)) {
        options.logger.warn({ chatId }, 'zalo: 221 from several chats at once; pausing all Zalo deliveries');
        throw new RateLimitedError(ZALO_RATE_LIMIT_RETRY_MS);
      }
      const state = known ?? { refusals: 0, until: 0, code: err.code, notified: false };
      state.refusals++;
      state.code = err.code;
      const delay = Math.min(policy.firstDelayMs * 2 ** (state.refusals - 1), policy.maxDelayMs);
      state.until = now() + delay;
      chats.set(chatId, state);
      options.logger.warn(
        { chatId, code: err.code, refusals: state.refusals, delayMs: delay },
        'zalo: a chat refused a reminder',
      );
      await tell(chatId, state, delay);
      if (state.refusals >= policy.maxRefusals) throw new SendRefusedError(chatId, err.message);
      throw new SendDeferredError(delay, 'chat-refused', err.message);
    }
  }

  return { ...sender, send } as S;
}
