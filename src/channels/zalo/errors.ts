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

/** 102: "The session key … has reached its timeout" (#35, #47). */
const SESSION_CODES = new Set([102]);
/**
 * "Đăng nhập thất bại" is what zca-js's login throws (without a code) when getLoginInfo returns no data,
 * which is how a stale cookie shows up at login; "zpw_sek" is the session cookie whose absence #315 reports.
 */
const SESSION_MESSAGES = /đăng nhập thất bại|session key|zpw_sek|hết hạn phiên|phiên đăng nhập/i;

/** 221 "too many requests" (#114, #325), -69 "retry limit" (#290), 123 anti-spam "can't receive" (#229). */
const RATE_CODES = new Set([221, -69, 123]);
/** Zalo gives no retry-after; anti-spam limits are measured in minutes, so wait a whole one. */
export const ZALO_RATE_LIMIT_RETRY_MS = 60_000;

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

export function looksUnreachable(err: unknown): boolean {
  return isZaloApiError(err) && UNREACHABLE_MESSAGES.test(err.message);
}

/**
 * Maps an error from a send to ZaloSessionExpiredError, RateLimitedError or UnreachableChatError; anything
 * else comes back unchanged.
 */
export function toSendError(err: unknown, chatId: string): unknown {
  if (err instanceof ZaloSessionExpiredError || err instanceof UnreachableChatError) return err;
  if (err instanceof RateLimitedError) return err;
  if (isSessionExpired(err)) return new ZaloSessionExpiredError(describeError(err));
  const code = errorCode(err);
  if (code !== null && RATE_CODES.has(code)) return new RateLimitedError(ZALO_RATE_LIMIT_RETRY_MS);
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
