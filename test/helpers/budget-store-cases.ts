/**
 * What every send-budget store must do, on a clock the test gives: run by the unit test on the in-memory
 * store and by the integration test on the Redis one, so both keep the same windows.
 */
import type { BudgetStore } from '../../src/channels/zalo/send-budget';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.parse('2025-03-11T01:00:00Z');

export function budgetStoreCases(makeStore: () => BudgetStore): void {
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

  it('takes only when the room kept for others still fits after it, in one step', async () => {
    const store = makeStore();
    const limits = { perMinute: 100, perHour: 3, perDay: 100 };
    // Two kept for overdue groups: one of three goes, the next must wait (both asking at once).
    const [a, b] = await Promise.all([store.take(1, T0, limits, 2), store.take(1, T0, limits, 2)]);
    expect([a, b].filter((w) => w === 0)).toHaveLength(1);
    expect(await store.take(1, T0, limits)).toBe(0);
    expect(await store.take(1, T0, limits)).toBe(0);
  });
}
