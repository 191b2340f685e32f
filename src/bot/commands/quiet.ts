/** Fewer reminders, on purpose: /snooze 12 3 (one task, a few working days), /mute and /unmute (this group). */
import { addWorkingDays, toLocalDate } from '../../domain/calendar';
import type { LocalDate } from '../../domain/task';
import { setChatMuted } from '../../store/binding-repository';
import type { TaskRecord } from '../../store/types';
import { taskArg } from '../args';
import { splitFirst } from '../command-parser';
import type { CommandContext, CommandHandler } from '../context';
import { formatDate } from '../../shared/date-format';
import { textReply } from '../reply';
import { applyTaskChange, refusalReply, type ChangeOutcome } from './change';

/** Longer than a month of working days is not a snooze but a new deadline: /update or the plan. */
export const MAX_SNOOZE_DAYS = 20;

export type SnoozeOutcome =
  Exclude<ChangeOutcome, { kind: 'applied' }> | { kind: 'applied'; until: LocalDate };

/**
 * Moves the task's reminders due from today until `days` working days on to that day (a working day, so
 * never a holiday or weekend). One guarded change with its audit record, re-planned at once.
 */
export async function snoozeTask(
  ctx: CommandContext,
  task: TaskRecord,
  days: number,
  dedupeKey?: string,
): Promise<SnoozeOutcome> {
  const until = addWorkingDays(ctx.today, days, ctx.deps.calendar);
  const note = ctx.t('snooze.note', { date: formatDate(until) });
  const outcome = await applyTaskChange(
    ctx,
    task,
    { kind: 'snooze', until, note },
    dedupeKey ? { dedupeKey, text: note } : {},
  );
  if (outcome.kind !== 'applied') return outcome;
  return { kind: 'applied', until };
}

export const snooze: CommandHandler = async (ctx, args) => {
  const [num, rest] = splitFirst(args);
  const task = await taskArg(ctx, num, '/snooze 12 3');
  if (!task.ok) return [task.reply];
  const days = rest === '' ? 3 : /^\d{1,3}$/.test(rest) ? Number(rest) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_SNOOZE_DAYS)
    return [textReply(ctx.t('errors.badSnoozeDays', { max: MAX_SNOOZE_DAYS, number: task.value.number }))];
  const outcome = await snoozeTask(ctx, task.value, days);
  if (outcome.kind === 'refused' && outcome.code === 'already-done') {
    // A finished task has no reminders left to move: say that, not only that it is finished.
    const done = outcome.task.completedAt;
    return [
      textReply(
        ctx.t('snooze.finished', {
          number: outcome.task.number,
          date: done ? formatDate(toLocalDate(done, ctx.deps.tz)) : '—',
        }),
      ),
    ];
  }
  if (outcome.kind === 'refused') return [refusalReply(ctx, outcome.task, outcome.code)];
  if (outcome.kind !== 'applied') return [textReply(ctx.t('change.duplicate'))];
  return [
    textReply(
      ctx.t('snooze.done', {
        number: task.value.number,
        title: task.value.title,
        date: formatDate(outcome.until),
      }),
    ),
  ];
};

export const mute: CommandHandler = async (ctx) => {
  const { msg } = ctx;
  if (!(await setChatMuted(msg.platform, msg.chat.id, ctx.now))) {
    const since = ctx.binding?.mutedSince ?? ctx.now;
    return [textReply(ctx.t('mute.already', { date: formatDate(toLocalDate(since, ctx.deps.tz)) }))];
  }
  return [textReply(ctx.t('mute.done'))];
};

export const unmute: CommandHandler = async (ctx) => {
  const { msg } = ctx;
  if (!(await setChatMuted(msg.platform, msg.chat.id, null))) return [textReply(ctx.t('unmute.already'))];
  return [textReply(ctx.t('unmute.done'))];
};
