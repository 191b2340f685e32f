/** The reminder's wording for one group, from the stored task, its plan and its lead departments. */
import type { Reply } from '../src/bot/messages';
import { renderReminder } from '../src/bot/reminder-message';
import type { Reminder } from '../src/domain/reminders';
import type { LocalDate } from '../src/domain/task';
import type { Locale } from '../src/shared/i18n';
import type { StoredTask } from './load-reminder';
import type { ReminderRuntime } from './runtime';

export async function reminderReply(
  rt: ReminderRuntime,
  task: StoredTask,
  reminder: Reminder,
  today: LocalDate,
  locale: Locale,
): Promise<Reply> {
  const lead = task.lead ?? [];
  const [planTitle, names] = await Promise.all([
    rt.directory.planTitle(task.plan),
    rt.directory.departmentNames(task.org),
  ]);
  return renderReminder(
    {
      kind: reminder.kind,
      target: reminder.target,
      task: { number: task.number, title: task.title, start: task.start ?? null, end: task.end ?? null },
      planTitle,
      leadNames: lead.map((slug) => names.get(slug) ?? slug),
      dueDate: reminder.dueDate,
      today,
      calendar: rt.calendar,
    },
    locale,
  );
}
