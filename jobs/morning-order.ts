/**
 * Who goes first when a channel cannot send a whole morning at once (Zalo's send budget,
 * src/channels/zalo/send-budget.ts): messages for the leaders and messages carrying overdue items, then
 * the rest. Lower goes first; within a rank, the delivery that has waited longest.
 */
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
