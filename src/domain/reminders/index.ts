export * from './types';
export * from './settings';
export * from './planner';
export { overdueChain } from './overdue';
export { RULES as REMINDER_RULES, hasOverdueChain } from './rules';
