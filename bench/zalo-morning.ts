/**
 * How long a morning of N Zalo groups takes under the account's send budget (src/channels/zalo/
 * send-budget.ts, the defaults or ZALO_SEND_BUDGET), one message per group, all due at 08:00. Time is
 * simulated on the budget's own clock: the figures are what the budget allows, not this machine's speed
 * (the sends themselves are paced at 1/s by the sender, which the simulation counts too).
 */
import { parseConfig } from '../src/app/config';
import {
  createSendBudget,
  DEFAULT_SEND_BUDGET,
  type SendBudgetLimits,
} from '../src/channels/zalo/send-budget';

const PACE_MS = 1000;

export async function zaloMorning(groups: number, limits: SendBudgetLimits): Promise<number> {
  let now = 0;
  // As in production: a held group asks again within a minute (waiters never expire here).
  const budget = createSendBudget({
    limits,
    now: () => now,
    recheckMs: 60_000,
    waiterTtlMs: Infinity,
  });
  const due = Array.from({ length: groups }, (_, i) => ({ chat: `g${i}`, at: 0 }));
  let last = 0;
  let paceFree = 0;
  while (due.length > 0) {
    due.sort((a, b) => a.at - b.at);
    const next = due.shift()!;
    now = Math.max(next.at, paceFree);
    const decision = await budget.admit(next.chat, 1, 1);
    if (decision.ok) {
      last = now;
      paceFree = now + PACE_MS;
    } else due.push({ chat: next.chat, at: now + Math.max(1, decision.retryAfterMs) });
  }
  return last;
}

function hm(ms: number): string {
  const min = Math.round(ms / 60_000);
  return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')} min`;
}

export async function printZaloMorning(): Promise<void> {
  let limits = DEFAULT_SEND_BUDGET;
  try {
    limits =
      parseConfig({ MONGODB_URI: 'mongodb://x/y', REDIS_URL: 'redis://x', ...process.env }).zalo.budget ??
      limits;
  } catch {
    // the defaults
  }
  process.stdout.write(
    `\nZalo morning under the send budget (${limits.perMinute}/min, ${limits.perHour}/h, ${limits.perDay}/day), one message per group from 08:00:\n`,
  );
  for (const n of [20, 80, 150, 300]) {
    const ms = await zaloMorning(n, limits);
    process.stdout.write(`  ${String(n).padStart(4)} groups: last message at 08:00 + ${hm(ms)}\n`);
  }
}

if (require.main === module) void printZaloMorning();
