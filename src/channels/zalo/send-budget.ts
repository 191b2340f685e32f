/**
 * How many messages the bot's Zalo account may post per minute, hour and day, and who goes first when
 * that is not enough for everyone.
 *
 * Why a budget at all: Zalo's anti-spam watches the account. Upstream reports: about 100 recipients an
 * hour, then code 123/221 refusals lasting over an hour (zca-js #336, #229); results silently empty from
 * the 21st recipient of a burst on (#146). An alliance with 80 groups at 08:00 would trip that at once. So
 * scheduled deliveries stay inside a budget (defaults below, under those figures), and what does not fit
 * waits — the delivery's ReminderLog row says `waiting`, and a reminder of the same group joining
 * meanwhile rides in the same message (jobs/deliver.ts reads the group's whole set when it runs).
 *
 * Why our own, Redis-backed: the counts must outlive a restart (a restart loop must not reset the day's
 * budget), and they must follow the service clock (BOT_NOW, and the tests, which drive a morning through
 * the clock rather than waiting real hours). rate-limiter-flexible — the maintained choice — keeps its
 * windows in Redis TTLs on Redis's own clock, and a union of three of its limiters is not atomic; one Lua
 * script over a sorted set of send times (scored by the caller's clock) is both, in a few lines.
 *
 * Order: when the budget is short, the group with the better rank (leaders groups and overdue items
 * first: jobs/morning-order.ts) goes first, then the one that has waited longest. Better-ranked
 * deliveries already queued but not yet asking are counted too (`reservedAhead`), so the first jobs of a
 * morning to fall due do not spend the room an overdue group's message needs. A delivery that comes
 * back while a better one waits is sent back again; when one is let through, the next in line is woken
 * (`onTurn`) so the queue does not stall on retry intervals.
 *
 * Pause: refusals (123, 221, an empty result) from several different chats within a few minutes are the
 * account's limit, not one chat's: every scheduled delivery then waits, with a pause that doubles on each
 * new episode, and the admins are told once.
 */
import type IORedis from 'ioredis';

export interface SendBudgetLimits {
  perMinute: number;
  perHour: number;
  perDay: number;
}

/** Under every upstream figure: 20 in a burst (#146), ~100 an hour (#336). Groups are lower risk than strangers. */
export const DEFAULT_SEND_BUDGET: SendBudgetLimits = { perMinute: 15, perHour: 90, perDay: 600 };

export interface PausePolicy {
  /** Refusals from this many different chats within `windowMs` pause the account. */
  chats: number;
  windowMs: number;
  /** The first pause; doubled for each further one until a day passes without one, up to maxMs. */
  firstMs: number;
  maxMs: number;
}

/** #336 reports refusals lasting over an hour: start at 30 minutes, then 1 h, 2 h, up to 6 h. */
export const DEFAULT_PAUSE_POLICY: PausePolicy = {
  chats: 3,
  windowMs: 10 * 60_000,
  firstMs: 30 * 60_000,
  maxMs: 6 * 60 * 60_000,
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Where the send times are kept. */
export interface BudgetStore {
  /**
   * Records `n` sends at `now` if they fit every limit with `reserve` more still free, and returns 0; else
   * records nothing and says how long until they fit. One step, so deliveries asking at once cannot all
   * take the room kept for others.
   */
  take(n: number, now: number, limits: SendBudgetLimits, reserve?: number): Promise<number>;
  /** Records sends that are not held back (answers to users), so they count against the budget too. */
  record(n: number, now: number): Promise<void>;
  /** How many more messages fit every window now. */
  free(now: number, limits: SendBudgetLimits): Promise<number>;
}

/** How long until `n` more fit under `limit` in `windowMs`, given the send times (ascending). */
function waitFor(times: readonly number[], n: number, now: number, windowMs: number, limit: number): number {
  const inWindow = times.filter((t) => t > now - windowMs);
  const excess = inWindow.length + n - limit;
  if (excess <= 0 || inWindow.length === 0) return 0;
  if (n > limit) return windowMs; // never fits whole; the caller sends it once the window is empty
  const freeing = inWindow[excess - 1];
  return freeing === undefined ? 0 : freeing + windowMs - now + 1;
}

export function memoryBudgetStore(): BudgetStore {
  let times: number[] = [];
  return {
    async take(n, now, limits, reserve = 0) {
      times = times.filter((t) => t > now - DAY);
      const need = n + reserve;
      const wait = Math.max(
        waitFor(times, need, now, MINUTE, limits.perMinute),
        waitFor(times, need, now, HOUR, limits.perHour),
        waitFor(times, need, now, DAY, limits.perDay),
      );
      if (wait > 0) return wait;
      for (let i = 0; i < n; i++) times.push(now);
      return 0;
    },
    async record(n, now) {
      for (let i = 0; i < n; i++) times.push(now);
    },
    async free(now, limits) {
      const count = (w: number): number => times.filter((t) => t > now - w).length;
      return Math.max(
        0,
        Math.min(limits.perMinute - count(MINUTE), limits.perHour - count(HOUR), limits.perDay - count(DAY)),
      );
    },
  };
}

/**
 * KEYS[1] the sorted set; ARGV: now, n, perMinute, perHour, perDay, a unique member prefix, record-only,
 * and how many more must still fit after the n (room kept for better-ranked deliveries).
 * Returns 0 when recorded, else the ms until `n` more fit. A message larger than a window's limit goes
 * once that window is empty, so nothing is held forever.
 */
const TAKE_SCRIPT = `
local key = KEYS[1]
local now = tonumber(ARGV[1]); local n = tonumber(ARGV[2]); local need = n + tonumber(ARGV[8] or '0')
local limits = { {60000, tonumber(ARGV[3])}, {3600000, tonumber(ARGV[4])}, {86400000, tonumber(ARGV[5])} }
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - 86400000)
local wait = 0
if ARGV[7] ~= '1' then
  for _, l in ipairs(limits) do
    local w, limit = l[1], l[2]
    local count = redis.call('ZCOUNT', key, '(' .. (now - w), '+inf')
    local excess = count + need - limit
    if excess > 0 and count > 0 then
      local d
      if need > limit then d = w else
        local t = redis.call('ZRANGEBYSCORE', key, '(' .. (now - w), '+inf', 'WITHSCORES', 'LIMIT', excess - 1, 1)
        d = tonumber(t[2]) + w - now + 1
      end
      if d > wait then wait = d end
    end
  end
end
if wait > 0 then return wait end
for i = 1, n do redis.call('ZADD', key, now, ARGV[6] .. ':' .. i) end
redis.call('PEXPIRE', key, 86400000 * 2)
return 0
`;

/** The budget in Redis, shared by every process and kept across restarts. */
export function redisBudgetStore(connection: IORedis, key: string): BudgetStore {
  let seq = 0;
  const run = async (n: number, now: number, limits: SendBudgetLimits, recordOnly: boolean, reserve = 0) => {
    const member = `${now}:${process.pid}:${++seq}:${Math.random().toString(36).slice(2, 8)}`;
    const result = await connection.eval(
      TAKE_SCRIPT,
      1,
      key,
      now,
      n,
      limits.perMinute,
      limits.perHour,
      limits.perDay,
      member,
      recordOnly ? '1' : '0',
      reserve,
    );
    return Number(result);
  };
  return {
    async free(now, limits) {
      const [m, h, d] = await Promise.all(
        [MINUTE, HOUR, DAY].map((w) => connection.zcount(key, `(${now - w}`, '+inf')),
      );
      return Math.max(0, Math.min(limits.perMinute - m!, limits.perHour - h!, limits.perDay - d!));
    },
    take: (n, now, limits, reserve = 0) => run(n, now, limits, false, reserve),
    record: async (n, now) => void (await run(n, now, DEFAULT_SEND_BUDGET, true)),
  };
}

export type BudgetDecision =
  { ok: true } | { ok: false; reason: 'budget' | 'paused'; retryAfterMs: number; detail: string };

export interface SendBudgetOptions {
  store?: BudgetStore;
  limits?: Partial<SendBudgetLimits>;
  pause?: Partial<PausePolicy>;
  /** The service clock, in ms. */
  now?: () => number;
  /**
   * The longest a held delivery waits before it asks again (real time). The budget frees on the
   * service clock; asking again at least this often follows it whatever it does (default 60 s).
   */
  recheckMs?: number;
  /** A waiter not seen for this long (real time) no longer holds others back (default 5 × recheckMs). */
  waiterTtlMs?: number;
}

interface Waiter {
  rank: number;
  since: number;
  /** Order of first arrival, for waiters of one rank that arrived at the same clock instant. */
  seq: number;
  seenAt: number;
}

export interface SendBudget {
  readonly limits: SendBudgetLimits;
  /** The longest a held delivery waits (real time) before asking again. */
  readonly recheckMs: number;
  /**
   * A scheduled delivery of `messages` messages to `chatId` asks to go now; `reservedAhead` messages of
   * better-ranked deliveries, queued but not asking yet, must still fit after it.
   */
  admit(chatId: string, rank: number, messages: number, reservedAhead?: number): Promise<BudgetDecision>;
  /** An answer to a user went out: it counts, but is never held back by the budget. */
  record(messages: number): Promise<void>;
  /** A chat refused (123/221) or gave an empty result: true when this starts a pause of the account. */
  refused(chatId: string): boolean;
  /** A message went through: the refusals so far were not the account's limit. */
  succeeded(): void;
  /** How long the account stays paused (0: not paused). */
  pausedFor(): number;
  /** Called with the chat that is next in line when one is let through (jobs/zalo-delivery.ts promotes it). */
  onTurn(listener: (chatId: string) => void): void;
}

export function createSendBudget(options: SendBudgetOptions = {}): SendBudget {
  const limits: SendBudgetLimits = { ...DEFAULT_SEND_BUDGET, ...options.limits };
  const pause: PausePolicy = { ...DEFAULT_PAUSE_POLICY, ...options.pause };
  const store = options.store ?? memoryBudgetStore();
  const now = options.now ?? Date.now;
  const recheckMs = options.recheckMs ?? 60_000;
  const waiterTtlMs = options.waiterTtlMs ?? recheckMs * 5;
  const waiters = new Map<string, Waiter>();
  const turnListeners: Array<(chatId: string) => void> = [];
  let refusals: Array<{ chatId: string; at: number }> = [];
  let pausedUntil = 0;
  let pauses = 0;
  let lastPauseAt = -Infinity;

  let seq = 0;
  const before = (a: Waiter, b: Waiter): boolean =>
    a.rank !== b.rank ? a.rank < b.rank : a.since !== b.since ? a.since < b.since : a.seq < b.seq;

  /** The waiters still around (a delivery that stopped asking is forgotten). */
  function alive(): Array<[string, Waiter]> {
    const real = Date.now();
    for (const [chatId, w] of waiters) if (real - w.seenAt > waiterTtlMs) waiters.delete(chatId);
    return [...waiters];
  }

  function pausedFor(): number {
    return Math.max(0, pausedUntil - now());
  }

  return {
    limits,
    recheckMs,
    async admit(chatId, rank, messages, reservedAhead = 0) {
      const t = now();
      const held = pausedFor();
      const known = waiters.get(chatId);
      const me: Waiter = {
        rank: Math.min(rank, known?.rank ?? rank),
        since: known?.since ?? t,
        seq: known?.seq ?? ++seq,
        seenAt: Date.now(),
      };
      // Only a delivery that was held back waits in line; one merely in flight holds nobody back.
      const hold = (decision: BudgetDecision): BudgetDecision => {
        waiters.set(chatId, me);
        return decision;
      };
      if (known) waiters.set(chatId, me);
      if (held > 0)
        return hold({
          ok: false,
          reason: 'paused',
          retryAfterMs: Math.min(held, recheckMs),
          detail: `the Zalo account is paused for ${Math.ceil(held / 60_000)} min after repeated refusals`,
        });
      // Behind waiters that came first (or rank higher): go only if the budget has room for them and me,
      // and never ahead of a better rank.
      const ahead = alive().filter(([id, w]) => id !== chatId && before(w, me));
      if (ahead.length > 0) {
        const room = await store.free(t, limits);
        if (ahead.some(([, w]) => w.rank < me.rank) || ahead.length >= room)
          return hold({
            ok: false,
            reason: 'budget',
            retryAfterMs: recheckMs,
            detail: 'another group goes first',
          });
      }
      if (reservedAhead > 0 && (await store.free(t, limits)) - reservedAhead < Math.max(1, messages))
        return hold({
          ok: false,
          reason: 'budget',
          retryAfterMs: recheckMs,
          detail: 'groups with leaders or overdue items go first',
        });
      const wait = await store.take(Math.max(1, messages), t, limits, reservedAhead);
      if (wait > 0)
        return hold({
          ok: false,
          reason: 'budget',
          retryAfterMs: Math.min(wait, recheckMs),
          detail: `the account's send budget is spent for ${Math.ceil(wait / 60_000)} min`,
        });
      waiters.delete(chatId);
      // Wake as many of the next in line as the budget has room for; they need not wait for their retry.
      const queue = alive().sort(([, a], [, b]) => (before(a, b) ? -1 : 1));
      if (queue.length > 0) {
        const room = await store.free(now(), limits);
        for (const [id] of queue.slice(0, Math.max(1, room))) for (const l of turnListeners) l(id);
      }
      return { ok: true };
    },
    record: (messages) => store.record(messages, now()),
    refused(chatId) {
      const t = now();
      refusals = refusals.filter((r) => r.at > t - pause.windowMs);
      refusals.push({ chatId, at: t });
      if (pausedFor() > 0) return false;
      if (new Set(refusals.map((r) => r.chatId)).size < pause.chats) return false;
      // A day without a pause forgets the back-off.
      if (t - lastPauseAt > DAY) pauses = 0;
      pauses++;
      lastPauseAt = t;
      pausedUntil = t + Math.min(pause.firstMs * 2 ** (pauses - 1), pause.maxMs);
      refusals = [];
      return pauses === 1;
    },
    succeeded() {
      refusals = [];
    },
    pausedFor,
    onTurn: (l) => void turnListeners.push(l),
  };
}
