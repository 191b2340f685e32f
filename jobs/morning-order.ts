/**
 * Who goes first when a channel cannot send a whole morning at once (Zalo's send budget,
 * src/channels/zalo/send-budget.ts): messages for the leaders and messages carrying overdue items, then
 * the rest. Lower goes first; within a rank, the delivery that has waited longest.
 */
import type { DueItem } from './render';

export function deliveryRank(items: readonly DueItem[]): number {
  const urgent = items.some(
    ({ reminder }) => reminder.target === 'leaders' || reminder.kind.startsWith('overdue'),
  );
  return urgent ? 0 : 1;
}
