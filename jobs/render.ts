/** The reminder's wording for one group, from the stored tasks, their plans and lead departments. */
import type { Platform, Reply } from '../src/bot/messages';
import { showsButtons } from '../src/bot/notify';
import { renderReminderBatch, type ReminderMessageInput } from '../src/bot/reminder-message';
import type { Reminder } from '../src/domain/reminders';
import type { LocalDate } from '../src/domain/task';
import type { Locale } from '../src/shared/i18n';
import type { StoredTask } from './load-reminder';
import type { ReminderRuntime } from './runtime';

export interface DueItem {
  task: StoredTask;
  reminder: Reminder;
}

async function inputOf(
  rt: ReminderRuntime,
  { task, reminder }: DueItem,
  today: LocalDate,
): Promise<ReminderMessageInput> {
  const lead = task.lead ?? [];
  const [planTitle, names] = await Promise.all([
    rt.directory.planTitle(task.plan),
    rt.directory.departmentNames(task.org),
  ]);
  return {
    kind: reminder.kind,
    target: reminder.target,
    task: { number: task.number, title: task.title, start: task.start ?? null, end: task.end ?? null },
    planTitle,
    leadNames: lead.map((slug) => names.get(slug) ?? slug),
    dueDate: reminder.dueDate,
    today,
    calendar: rt.calendar,
  };
}

/** One group's morning: a single item reads as a single reminder; more are grouped in one message. */
export async function reminderBatchReply(
  rt: ReminderRuntime,
  items: readonly DueItem[],
  today: LocalDate,
  locale: Locale,
  platform?: Platform,
): Promise<Reply> {
  const inputs = await Promise.all(items.map((i) => inputOf(rt, i, today)));
  return renderReminderBatch(inputs, locale, { buttons: !platform || showsButtons(platform) });
}
