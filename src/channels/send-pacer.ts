/**
 * A platform's send limits (Telegram: about 30 messages a second per bot, about 20 a minute into one
 * group), kept at the moment of each API call and shared by the bot and every worker process through Redis.
 *
 * Why not BullMQ's limiter alone: it spaces job STARTS, and the store work between a job's start and its
 * send varies by tens of milliseconds, so sends bunched up and Telegram answered 429 (the bench saw it).
 * Here a Lua script hands out send slots from Redis's clock: at least `gapMs` apart and at most `max` in
 * any `windowMs` (a sliding window, so no burst at a window's edge), and the caller sleeps until its slot.
 * A 429 pushes every later slot past the retry_after Telegram asked for.
 *
 * Hand-written (a dozen lines of Lua) because no maintained package schedules a wait on a sliding window
 * over ioredis in CommonJS: sliding-window-rate-limiter is ESM-only and refuses rather than schedules,
 * and Bottleneck's Redis mode is unmaintained.
 */
import type IORedis from 'ioredis';
import type { SendPacer } from './sender';

export interface PaceLimits {
  /** Most sends in any window. */
  max: number;
  windowMs: number;
  /** Least time between two sends (≥ 1 ms). */
  gapMs: number;
}

/**
 * Telegram allows ~30 messages a second overall. Slots are handed out 25 in any second, 40 ms apart: a slot
 * is kept when its caller wakes, and a busy event loop wakes several callers late and together, so sends
 * bunch up. With 29 a second (the first choice) an emulator timing arrivals saw up to 5 × 429 in a burst of
 * 300 on a loaded machine; 25 leaves room for a fifth of a second of such bunching, for 14% less throughput.
 */
export const TELEGRAM_PACE: PaceLimits = { max: 25, windowMs: 1000, gapMs: 40 };

/** Telegram allows about 20 messages a minute into one group: 19, so a clock skew never makes it 21. */
export const TELEGRAM_CHAT_PACE: PaceLimits = { max: 19, windowMs: 60_000, gapMs: 1 };

/** How late a sender may wake for its slot and still use it: a couple of slots' worth of bunching. */
const LATE_WAKE_MS = 100;
/** After this many fresh slots a sender goes anyway: a machine that late everywhere gains nothing by waiting. */
const MAX_FRESH_SLOTS = 5;

// KEYS[1]: sorted set of slots handed out (ms, Redis clock); KEYS[2]: "blocked until" (ms) after a 429.
// ARGV: gapMs, windowMs, max. Returns how long the caller waits for its slot.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local gap, window, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local slot = math.max(now, tonumber(redis.call('GET', KEYS[2]) or '0'))
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] then slot = math.max(slot, tonumber(last[2]) + gap) end
local n = redis.call('ZCARD', KEYS[1])
if n >= max then
  local oldest = redis.call('ZRANGE', KEYS[1], n - max, n - max, 'WITHSCORES')
  slot = math.max(slot, tonumber(oldest[2]) + window)
end
redis.call('ZADD', KEYS[1], slot, slot)
redis.call('PEXPIRE', KEYS[1], slot - now + window + 1000)
return slot - now
`;

const BLOCK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
if untilMs > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], untilMs, 'PX', tonumber(ARGV[1]) + 1000)
end
return untilMs - now
`;

type PacerCommands = IORedis & {
  paceReserve(slots: string, blocked: string, gap: number, window: number, max: number): Promise<number>;
  paceBlock(blocked: string, ms: number): Promise<number>;
};

export function createSendPacer(
  connection: IORedis,
  key: string,
  limits: PaceLimits = TELEGRAM_PACE,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  /** Each chat's own limit, taken first when a call names its chat (none: only the overall limit). */
  perChat?: PaceLimits,
): SendPacer {
  for (const l of [limits, ...(perChat ? [perChat] : [])])
    if (!(l.gapMs >= 1 && l.max >= 1 && l.windowMs >= 1))
      throw new RangeError(`send pace needs gap, max and window ≥ 1: ${JSON.stringify(l)}`);
  const redis = connection as PacerCommands;
  if (typeof redis.paceReserve !== 'function') {
    connection.defineCommand('paceReserve', { numberOfKeys: 2, lua: RESERVE });
    connection.defineCommand('paceBlock', { numberOfKeys: 1, lua: BLOCK });
  }
  const blocked = `${key}:blocked`;
  const reserve = async (k: string, l: PaceLimits): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      const wait = await redis.paceReserve(`${k}:slots`, blocked, l.gapMs, l.windowMs, l.max);
      if (wait <= 0) return;
      const due = Date.now() + wait;
      await sleep(wait);
      // Woken well after the slot (a stalled event loop wakes every waiting sender at once, and a second's
      // worth of slots would reach Telegram together): take a fresh slot instead, so sends are spaced again.
      if (Date.now() - due <= LATE_WAKE_MS || attempt >= MAX_FRESH_SLOTS) return;
    }
  };
  return {
    async beforeSend(chatId) {
      // The chat's slot first (it may be a minute away), then the overall one, which is never far.
      if (perChat && chatId) await reserve(`${key}:chat:${chatId}`, perChat);
      await reserve(key, limits);
    },
    async rateLimited(retryAfterMs) {
      await redis.paceBlock(blocked, Math.max(1, Math.ceil(retryAfterMs)));
    },
  };
}
