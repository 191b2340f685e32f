/**
 * The Zalo account's send budget on a clock the test drives: limits per minute/hour/day, who goes first
 * when it is short, and the pause after refusals from several chats. The same store cases run against
 * the real Redis in test/integration/zalo/budget-store.test.ts.
 */
import { createSendBudget, memoryBudgetStore } from '../../../src/channels/zalo/send-budget';
import { budgetStoreCases } from '../../helpers/budget-store-cases';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.parse('2025-03-11T01:00:00Z');

describe('the budget in memory', () => budgetStoreCases(() => memoryBudgetStore()));

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

  it('keeps room for urgent deliveries that are queued but have not asked yet', async () => {
    const budget = createSendBudget({
      limits: { perMinute: 100, perHour: 3, perDay: 100 },
      now: () => T0,
      recheckMs: 1000,
    });
    // Two overdue groups' messages are queued behind this one: 3 free, 2 kept, so one goes.
    expect((await budget.admit('a', 1, 1, 2)).ok).toBe(true);
    expect(await budget.admit('b', 1, 1, 2)).toMatchObject({
      ok: false,
      reason: 'budget',
      detail: 'groups with leaders or overdue items go first',
    });
    // The urgent ones take the room kept for them; b still waits, now for the hour.
    expect((await budget.admit('u1', 0, 1)).ok).toBe(true);
    expect((await budget.admit('u2', 0, 1)).ok).toBe(true);
    expect((await budget.admit('b', 1, 1, 0)).ok).toBe(false);
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
