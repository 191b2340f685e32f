/**
 * Who goes first when a channel cannot send a whole morning at once (Zalo's send budget,
 * src/channels/zalo/send-budget.ts): messages for the leaders and messages carrying overdue items, then
 * the rest. Lower goes first; within a rank, the delivery that has waited longest.
 */
import type IORedis from 'ioredis';
import type { Reminder } from '../src/domain/reminders/types';
import type { DueItem } from './render';

function urgent(reminder: Pick<Reminder, 'target' | 'kind'>): boolean {
  return reminder.target === 'leaders' || reminder.kind.startsWith('overdue');
}

/**
 * The BullMQ priority of a group's delivery job, from the reminder that queued it (1 before 2), so the
 * morning's deliveries start in that order; jobs without a priority would go before all prioritized ones.
 */
export function morningPriority(reminder: Pick<Reminder, 'target' | 'kind'>): number {
  return urgent(reminder) ? 1 : 2;
}

/** The rank of a group's message, from everything in it: 0 when any item is urgent. */
export function deliveryRank(items: readonly DueItem[]): number {
  return items.some(({ reminder }) => urgent(reminder)) ? 0 : 1;
}

/**
 * Urgent deliveries queued and not yet sent, per platform, so that a channel's budget keeps room for them.
 * BullMQ's priority alone cannot: a morning's delivery jobs fall due one by one as the reminders fan out,
 * and the first ones to fall due (any rank) would spend the hour's budget before an overdue group's job
 * was even there to be preferred. Members are delivery job ids, scored by when they stop counting.
 */
const URGENT_FOR_MS = 6 * 3_600_000;
const urgentKey = (prefix: string, platform: string): string => `${prefix}:urgent:${platform}`;

type UrgentRedis = Pick<IORedis, 'zadd' | 'zcount' | 'zrem' | 'zscore' | 'zremrangebyscore' | 'pexpire'>;

/** Queued: counts against the budget of every less urgent delivery until it is sent (or 6 hours pass). */
export async function noteUrgent(
  redis: UrgentRedis,
  prefix: string,
  platform: string,
  deliveryIds: readonly string[],
): Promise<void> {
  if (deliveryIds.length === 0) return;
  const key = urgentKey(prefix, platform);
  const until = Date.now() + URGENT_FOR_MS;
  await redis.zadd(key, ...deliveryIds.flatMap((id) => [until, id]));
  await redis.pexpire(key, URGENT_FOR_MS);
}

/** How many urgent deliveries other than `deliveryId` are queued and not yet sent. */
export async function urgentAhead(
  redis: UrgentRedis,
  prefix: string,
  platform: string,
  deliveryId: string,
): Promise<number> {
  const key = urgentKey(prefix, platform);
  const now = Date.now();
  await redis.zremrangebyscore(key, '-inf', now);
  const [count, mine] = await Promise.all([redis.zcount(key, now, '+inf'), redis.zscore(key, deliveryId)]);
  return count - (mine === null ? 0 : 1);
}

/** Sent, or ended for good: it no longer holds others back. */
export async function clearUrgent(
  redis: UrgentRedis,
  prefix: string,
  platform: string,
  deliveryId: string,
): Promise<void> {
  await redis.zrem(urgentKey(prefix, platform), deliveryId);
}
