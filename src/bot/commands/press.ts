/**
 * A press on a reminder's button (✅ done, 📈 50% / 100%, ⏰ 3 working days later): the same change, with
 * the same permissions and audit, as the typed command. The presser gets a toast; the reminder is edited
 * to say who did what and loses the buttons of items that are done. Pressing the same button of the same
 * message again changes nothing (its audit key is the message and the button).
 */
import { tasksOfReminderMessage } from '../../store/reminder-lookup';
import { doneTaskIds, findTaskByNumber } from '../../store/task-repository';
import type { CommandContext } from '../context';
import { formatDate } from '../../shared/date-format';
import type { Reply } from '../messages';
import { itemButtons, parsePressData, SNOOZE_BUTTON_DAYS, type PressAction } from '../reminder-message';
import { applyTaskChange, type ChangeOutcome } from './change';
import { snoozeTask, type SnoozeOutcome } from './quiet';

const toast = (text: string): Reply => ({ segments: [], toast: text });

const ICON: Record<PressAction, string> = { done: '✅', p50: '📈', p100: '📈', snooze: '⏰' };

export async function onPress(ctx: CommandContext): Promise<Reply[]> {
  const { msg } = ctx;
  const press = msg.press;
  const parsed = press ? parsePressData(press.data) : null;
  if (!press || !parsed) return [toast(ctx.t('press.unknown'))];
  if (!ctx.org) return [toast(ctx.t('errors.unbound'))];
  const task = await findTaskByNumber(ctx.org.id, parsed.number);
  if (!task) return [toast(ctx.t('errors.taskNotFound', { number: parsed.number }))];
  const pressed = msg.replyTo?.messageId ?? '';
  const dedupeKey = `${msg.platform}:${msg.chat.id}:${pressed}:${press.data}`;
  const text = `[${press.data}]`;

  let outcome: ChangeOutcome | SnoozeOutcome;
  let what: string;
  if (parsed.action === 'snooze') {
    outcome = await snoozeTask(ctx, task, SNOOZE_BUTTON_DAYS, dedupeKey);
    what =
      outcome.kind === 'applied'
        ? ctx.t('reminders:press.what.snooze', { date: formatDate(outcome.until) })
        : '';
  } else if (parsed.action === 'done') {
    outcome = await applyTaskChange(ctx, task, 'done', { note: null, dedupeKey, text });
    what = ctx.t('reminders:press.what.done');
  } else {
    const progress = parsed.action === 'p50' ? 50 : 100;
    outcome = await applyTaskChange(ctx, task, 'progress', { progress, note: null, dedupeKey, text });
    what = ctx.t('reminders:press.what.progress', { progress });
  }

  const n = task.number;
  if (outcome.kind === 'refused') {
    const verb = parsed.action === 'snooze' ? 'press.whatSnooze' : 'press.whatDone';
    return [toast(ctx.t('press.refused', { number: n, what: ctx.t(verb) }))];
  }
  if (outcome.kind === 'already-done')
    return [toast(ctx.t('press.alreadyDone', { number: n, date: outcome.date }))];
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
