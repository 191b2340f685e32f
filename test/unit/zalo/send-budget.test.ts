/**
 * The Zalo account's send budget on a clock the test drives: limits per minute/hour/day, who goes first
 * when it is short, and the pause after refusals from several chats. The Redis store runs against the
 * test's real Redis server.
 */
import IORedis from 'ioredis';
import {
  createSendBudget,
  memoryBudgetStore,
  redisBudgetStore,
  type BudgetStore,
} from '../../../src/channels/zalo/send-budget';
import { redisUrl, testNamespace } from '../../harness/servers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.parse('2025-03-11T01:00:00Z');

let redis: IORedis;
const key = `${testNamespace(__filename)}:budget`;
beforeAll(() => {
  redis = new IORedis(redisUrl(), { maxRetriesPerRequest: null });
});
afterEach(async () => {
  await redis.del(key);
});
afterAll(async () => {
  await redis.quit();
});

const stores: Array<[string, () => BudgetStore]> = [
  ['in memory', () => memoryBudgetStore()],
  ['in Redis', () => redisBudgetStore(redis, key)],
];

describe.each(stores)('the budget %s', (_name, makeStore) => {
  it('lets through what fits each window, and says how long until the rest fits', async () => {
    const store = makeStore();
    const limits = { perMinute: 3, perHour: 5, perDay: 6 };
    for (let i = 0; i < 3; i++) expect(await store.take(1, T0, limits)).toBe(0);
    expect(await store.take(1, T0 + 1000, limits)).toBe(MINUTE - 1000 + 1); // the minute is full
    expect(await store.take(1, T0 + MINUTE + 1, limits)).toBe(0);
    expect(await store.take(1, T0 + MINUTE + 2, limits)).toBe(0);
    // The hour is full now: the first send leaves it at T0 + 1 h.
    expect(await store.take(1, T0 + 2 * MINUTE, limits)).toBe(HOUR - 2 * MINUTE + 1);
    expect(await store.take(1, T0 + HOUR + 1, limits)).toBe(0);
    // Six today: the day is full until the first one is a day old.
    expect(await store.take(1, T0 + 2 * HOUR, limits)).toBeGreaterThan(20 * HOUR);
  });

  it('counts answers to users too, without holding them back', async () => {
    const store = makeStore();
    const limits = { perMinute: 2, perHour: 100, perDay: 100 };
    await store.record(3, T0);
    expect(await store.take(1, T0, limits)).toBeGreaterThan(0);
  });

  it('a message longer than a whole window goes once that window is empty, never held for ever', async () => {
    const store = makeStore();
    const limits = { perMinute: 2, perHour: 100, perDay: 100 };
    expect(await store.take(5, T0, limits)).toBe(0);
    expect(await store.take(5, T0 + 1000, limits)).toBe(MINUTE);
    expect(await store.take(5, T0 + MINUTE + 1, limits)).toBe(0);
  });
});

describe('who goes first when the budget is short', () => {
  it('the better rank first, then who waited longest; the next in line is woken when one goes', async () => {
    let now = T0;
    const budget = createSendBudget({
      limits: { perMinute: 100, perHour: 2, perDay: 100 },
      now: () => now,
      recheckMs: 1000,
    });
    const woken: string[] = [];
    budget.onTurn((chatId) => woken.push(chatId));
    expect((await budget.admit('a', 1, 1)).ok).toBe(true);
    expect((await budget.admit('b', 1, 1)).ok).toBe(true);
    // The hour is spent: c (rank 1) waits, then d (rank 1), then the leaders' e (rank 0).
    const c = await budget.admit('c', 1, 1);
    expect(c).toMatchObject({ ok: false, reason: 'budget', retryAfterMs: 1000 });
    now += MINUTE;
    expect((await budget.admit('d', 1, 1)).ok).toBe(false);
    expect((await budget.admit('e', 0, 1)).ok).toBe(false);

    now = T0 + HOUR + 1; // two free again
    expect(await budget.admit('d', 1, 1)).toMatchObject({ ok: false, detail: 'another group goes first' });
    expect(await budget.admit('c', 1, 1)).toMatchObject({ ok: false, detail: 'another group goes first' });
    expect((await budget.admit('e', 0, 1)).ok).toBe(true);
    expect(woken.at(-1)).toBe('c'); // then the one that has waited longest
    expect(await budget.admit('d', 1, 1)).toMatchObject({ ok: false, detail: 'another group goes first' });
    expect((await budget.admit('c', 1, 1)).ok).toBe(true);
    expect(woken.at(-1)).toBe('d');
    expect((await budget.admit('d', 1, 1)).ok).toBe(false); // and the hour is spent again
  });

  it('a waiter that stopped asking (its delivery is gone) holds nobody back for long', async () => {
    const budget = createSendBudget({
      limits: { perMinute: 1, perHour: 100, perDay: 100 },
      now: () => T0,
      recheckMs: 10,
      waiterTtlMs: 30,
    });
    await budget.admit('a', 1, 1);
    expect((await budget.admit('gone', 0, 1)).ok).toBe(false);
    await new Promise((r) => setTimeout(r, 40));
    // Still short of budget, but now for the budget's reason, not behind a vanished waiter.
    expect(await budget.admit('b', 1, 1)).toMatchObject({ ok: false, reason: 'budget' });
    expect((await budget.admit('b', 1, 1)) as { detail?: string }).not.toMatchObject({
      detail: 'another group goes first',
    });
  });
});

describe('pausing the account', () => {
  it('refusals from one chat are that chat’s; from three chats they pause everything, told once, and the pause grows', () => {
    let now = T0;
    const budget = createSendBudget({ now: () => now, pause: { chats: 3, firstMs: 30 * MINUTE } });
    expect(budget.refused('a')).toBe(false);
    expect(budget.refused('a')).toBe(false);
    expect(budget.refused('a')).toBe(false);
    expect(budget.pausedFor()).toBe(0);
    expect(budget.refused('b')).toBe(false);
    expect(budget.refused('c')).toBe(true); // the one notice
    expect(budget.pausedFor()).toBe(30 * MINUTE);
    expect(budget.refused('d')).toBe(false); // while paused: nothing new

    now += 31 * MINUTE;
    expect(budget.pausedFor()).toBe(0);
    budget.refused('a');
    budget.refused('b');
    expect(budget.refused('c')).toBe(false); // paused again, longer, no second notice
    expect(budget.pausedFor()).toBe(60 * MINUTE);
  });

  it('holds every scheduled delivery while paused', async () => {
    let now = T0;
    const budget = createSendBudget({ now: () => now, pause: { chats: 2 }, recheckMs: 5000 });
    budget.refused('a');
    budget.refused('b');
    expect(await budget.admit('z', 0, 1)).toMatchObject({ ok: false, reason: 'paused', retryAfterMs: 5000 });
    now += 31 * MINUTE;
    expect((await budget.admit('z', 0, 1)).ok).toBe(true);
  });
});
