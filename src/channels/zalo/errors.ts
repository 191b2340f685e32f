/**
 * zca-js failures, mapped to what the scheduler and the channel can act on, and described safely for logs.
 *
 * zca-js throws `ZaloApiError` with Zalo's numeric `code` when the server answered with one, and a bare
 * message otherwise. Zalo's codes are not documented; the ones below come from zca-js issues (see
 * docs/zalo-zca-js.md §5) and are deliberately few. Anything unrecognised is returned unchanged, so the
 * caller's generic retry handles it.
 */
import { RateLimitedError, UnreachableChatError } from '../sender';
import { ZaloApiError } from './zca';

/** The Zalo session (cookie) is no longer accepted: only a new QR login (`npm run zalo:login`) helps. */
export class ZaloSessionExpiredError extends Error {
  constructor(reason: string) {
    super(`Zalo session expired (${reason}); run \`npm run zalo:login\` and restart the bot`);
    this.name = 'ZaloSessionExpiredError';
  }
}

/**
 * When is the session really expired? Only when Zalo says so about the session itself:
 * - code 102, "The session key was improperly submitted or has reached its timeout…" (#35, #47), which
 *   any API call (sendMessage, getAllGroups…) can answer with a stale cookie.
 * zca-js's cookie login never says so: it throws a code-less "Đăng nhập thất bại" whenever getLoginInfo's
 * answer cannot be decrypted (`zalo.js`, `apis/login.js`) — a stale cookie, but also a glitch on Zalo's
 * side — and #315 reports "zpw_sek bị thiếu hoặc không đúng" after a 1006 that a later login cured. Those
 * are `isAmbiguousLoginFailure`: the channel calls the session expired only when they persist
 * (channel-policy.ts: several in a row, over several minutes). Network errors ("fetch failed"), HTTP
 * errors ("Failed to fetch login info: …") and anything else are only retried.
 */
const SESSION_CODES = new Set([102]);
const SESSION_MESSAGES = /session key/i;
const AMBIGUOUS_LOGIN_MESSAGES = /đăng nhập thất bại|zpw_sek/i;

/**
 * Answers about one chat, not the account (#94, #229, #307, #328, #336): 123 "Không thể nhận tin nhắn
 * từ bạn" (this recipient, or this exact content, is blocked for now), 122 (the recipient blocks
 * strangers), 221 "Vượt quá số request cho phép" when it keeps coming back for one chat. They defer or
 * fail that delivery only (jobs/zalo-delivery.ts).
 */
const CHAT_REFUSAL_CODES = new Set([123, 122, 221]);
/** -69 "Retry limit" (#290) is the account's; so is 221 from many chats at once (jobs/zalo-delivery.ts). */
const RATE_CODES = new Set([-69]);
/** Zalo gives no retry-after; anti-spam limits are measured in minutes, so wait a whole one. */
export const ZALO_RATE_LIMIT_RETRY_MS = 60_000;

/**
 * Not Zalo's: the code a ZaloChatRefusedError carries when Zalo answered a send with neither a message
 * nor an attachment id (#146), which it does past its burst limit instead of an error.
 */
export const EMPTY_RESULT_CODE = 0;

/** Zalo refused a message for one chat (code 123, 122 or 221): see CHAT_REFUSAL_CODES. */
export class ZaloChatRefusedError extends Error {
  constructor(
    readonly chatId: string,
    readonly code: number,
    detail: string,
  ) {
    super(`Zalo refused the message for ${chatId}: ${detail}`);
    this.name = 'ZaloChatRefusedError';
  }
}

/** Server messages (vi or en) that mean the account can no longer post to this group. */
const UNREACHABLE_MESSAGES =
  /không (phải là|còn là|phải) thành viên|không còn trong nhóm|đã bị (xóa|xoá|mời ra) khỏi nhóm|nhóm (không tồn tại|đã bị giải tán)|not (a )?member|group (does not exist|not found)|group.*disbanded/i;

export function isZaloApiError(err: unknown): err is ZaloApiError {
  return err instanceof ZaloApiError;
}

function errorMessage(err: unknown): string {
  if (!(err instanceof Error)) {
    // The listener's `error` event carries the websocket's ErrorEvent, not an Error.
    const message = typeof err === 'object' && err !== null && 'message' in err ? err.message : undefined;
    return typeof message === 'string' ? message : String(err);
  }
  // Node's fetch says only "fetch failed"; the reason (ENOTFOUND, ECONNREFUSED…) is in its cause.
  return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message;
}

function errorCode(err: unknown): number | null {
  return isZaloApiError(err) ? err.code : null;
}

export function isSessionExpired(err: unknown): boolean {
  if (err instanceof ZaloSessionExpiredError) return true;
  if (!isZaloApiError(err)) return false;
  const code = err.code;
  return (code !== null && SESSION_CODES.has(code)) || SESSION_MESSAGES.test(err.message);
}

/** A login failure that may be a stale cookie or a passing glitch; see SESSION_CODES. */
export function isAmbiguousLoginFailure(err: unknown): boolean {
  return isZaloApiError(err) && !isSessionExpired(err) && AMBIGUOUS_LOGIN_MESSAGES.test(err.message);
}

export function looksUnreachable(err: unknown): boolean {
  return isZaloApiError(err) && UNREACHABLE_MESSAGES.test(err.message);
}

/**
 * Maps an error from a send to ZaloSessionExpiredError, RateLimitedError, ZaloChatRefusedError or
 * UnreachableChatError; anything
 * else comes back unchanged.
 */
export function toSendError(err: unknown, chatId: string): unknown {
  if (err instanceof ZaloSessionExpiredError || err instanceof UnreachableChatError) return err;
  if (err instanceof RateLimitedError || err instanceof ZaloChatRefusedError) return err;
  if (isSessionExpired(err)) return new ZaloSessionExpiredError(describeError(err));
  const code = errorCode(err);
  if (code !== null && RATE_CODES.has(code)) return new RateLimitedError(ZALO_RATE_LIMIT_RETRY_MS);
  if (code !== null && CHAT_REFUSAL_CODES.has(code))
    return new ZaloChatRefusedError(chatId, code, describeError(err));
  if (looksUnreachable(err)) return new UnreachableChatError('zalo', chatId, errorMessage(err));
  return err;
}

/** One line for logs: zca-js messages never contain the cookie or imei, but request URLs could, so cap it. */
export function describeError(err: unknown): string {
  const code = errorCode(err);
  const text = errorMessage(err)
    .replace(/https?:\/\/\S+/g, '<url>')
    .slice(0, 300);
  return code === null ? text : `${text} (code ${code})`;
}
