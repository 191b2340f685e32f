/**
 * A press on a reminder's button (✅ done, 📈 50% / 100%, ⏰ 3 working days later): the same change, with
 * the same permissions and audit, as the typed command. The presser gets a toast; the reminder is edited
 * to say who did what and loses the buttons of items that are done. Pressing the same button of the same
 * message again changes nothing (its audit key is the message and the button).
 */
import { tasksOfReminderMessage } from '../../store/reminder-lookup';
import { doneTaskIds, findTaskByNumber } from '../../store/task-repository';
import { notFoundText } from '../args';
import type { CommandContext } from '../context';
import { formatDate } from '../../shared/date-format';
import { plainText, type Reply } from '../messages';
import { toLocalDate } from '../../domain/calendar';
import { itemButtons, parsePressData, SNOOZE_BUTTON_DAYS, type PressAction } from '../reminder-message';
import { applyTaskChange, refusalReply, type ChangeOutcome } from './change';
import { snoozeTask, type SnoozeOutcome } from './quiet';
import { onDecisionPress } from './decisions';
import { extendPrompt } from './extend';
import { rolesFor } from '../permissions';
import { refusalText } from '../refusal';
import type { TaskRecord } from '../../store/types';

/** The lead group, the leaders or an admin: those who may ask for more time. */
function mayAnswerFor(ctx: CommandContext, task: TaskRecord): boolean {
  return rolesFor(task, ctx.binding, ctx.isAdmin).some((r) => r !== 'support');
}

const toast = (text: string): Reply => ({ segments: [], toast: text });

const ICON: Record<PressAction, string> = { done: '✅', p50: '📈', p100: '📈', snooze: '⏰', extend: '⏳' };

export async function onPress(ctx: CommandContext): Promise<Reply[]> {
  const decided = await onDecisionPress(ctx);
  if (decided) return decided;
  const { msg } = ctx;
  const press = msg.press;
  const parsed = press ? parsePressData(press.data) : null;
  if (!press || !parsed) return [toast(ctx.t('press.unknown'))];
  if (!ctx.org) return [toast(ctx.t('errors.unbound'))];
  const task = await findTaskByNumber(ctx.org.id, parsed.number);
  if (!task) return [toast(notFoundText(ctx, parsed.number))];
  const pressed = msg.replyTo?.messageId ?? '';
  const dedupeKey = `${msg.platform}:${msg.chat.id}:${pressed}:${press.data}`;
  const text = `[${press.data}]`;

  if (parsed.action === 'extend') {
    // A date cannot be pressed: the department answers the prompt with one (and the reason).
    if (!mayAnswerFor(ctx, task)) return [toast(refusalText(ctx, task))];
    return [toast(ctx.t('deadlines.promptToast', { number: task.number })), extendPrompt(ctx, task)];
  }
  let outcome: ChangeOutcome | SnoozeOutcome;
  let what: string;
  if (parsed.action === 'snooze') {
    outcome = await snoozeTask(ctx, task, SNOOZE_BUTTON_DAYS, dedupeKey);
    what =
      outcome.kind === 'applied'
        ? ctx.t('reminders:press.what.snooze', { date: formatDate(outcome.until) })
        : '';
  } else if (parsed.action === 'done') {
    outcome = await applyTaskChange(ctx, task, { kind: 'done', note: null }, { dedupeKey, text });
    what = ctx.t('reminders:press.what.done');
  } else {
    const progress = parsed.action === 'p50' ? 50 : 100;
    outcome = await applyTaskChange(
      ctx,
      task,
      { kind: 'progress', progress, note: null },
      { dedupeKey, text },
    );
    what = ctx.t('reminders:press.what.progress', { progress });
  }

  const n = task.number;
  if (outcome.kind === 'refused') {
    if (outcome.code === 'already-done' && outcome.task.completedAt)
      return [
        toast(
          ctx.t('press.alreadyDone', {
            number: n,
            date: formatDate(toLocalDate(outcome.task.completedAt, ctx.deps.tz)),
          }),
        ),
      ];
    if (outcome.code !== 'not-allowed')
      return [toast(plainText(refusalReply(ctx, outcome.task, outcome.code)))];
    return [toast(refusalText(ctx, outcome.task))];
  }
  if (outcome.kind === 'duplicate') return [toast(ctx.t('press.duplicate', { number: n }))];

  const line = ctx.t('reminders:press.did', {
    icon: ICON[parsed.action],
    who: msg.user.name,
    number: n,
    what,
  });
  return [
    { segments: [], toast: line },
    {
      segments: [{ text: `${msg.replyTo?.text ?? ''}\n${line}`.trim() }],
      editsPressed: true,
      buttons: await openButtons(ctx, pressed),
    },
  ];
}

/** The buttons the edited reminder keeps: one row per item of it that is not done yet. */
async function openButtons(ctx: CommandContext, messageId: string): Promise<Reply['buttons']> {
  const items = await tasksOfReminderMessage(ctx.msg.platform, ctx.msg.chat.id, messageId);
  const done = await doneTaskIds(items.map((i) => i.id));
  return items.filter((i) => !done.has(i.id)).map((i) => itemButtons(i.number, ctx.locale));
}
