/**
 * Which groups a reminder goes to:
 * - lead → every group bound to each lead department; a task with no lead department goes to the
 *   organisation's leaders groups instead, so that somebody is told and can assign it;
 * - support → the groups of the coordinating departments;
 * - leaders → the organisation's leaders groups.
 * Groups marked unreachable are left out until someone re-links them; groups that typed /mute until /unmute.
 */
import type { Platform } from '../src/bot/messages';
import type { ReminderTarget } from '../src/domain/reminders';
import { isLocale, type Locale } from '../src/shared/i18n';
import type { Directory } from './directory';
import type { StoredTask } from './load-reminder';

export interface TargetChat {
  platform: Platform;
  chatId: string;
  title: string;
  locale: Locale | null;
}

export async function targetChats(
  directory: Directory,
  task: StoredTask,
  target: ReminderTarget,
): Promise<TargetChat[]> {
  const departments =
    target === 'lead' ? (task.lead ?? []) : target === 'support' ? (task.support ?? []) : [];
  const toLeaders = target === 'leaders' || (target === 'lead' && departments.length === 0);
  if (!toLeaders && departments.length === 0) return [];
  const bindings = await directory.bindings(task.org);
  return bindings
    .filter((b) => !b.unreachableSince && !b.mutedSince)
    .filter((b) =>
      toLeaders ? b.role === 'leaders' : b.role === 'department' && departments.includes(b.department ?? ''),
    )
    .map((b) => ({
      platform: b.platform,
      chatId: b.chatId,
      title: b.title,
      locale: isLocale(b.locale) ? b.locale : null,
    }))
    .sort((a, b) => a.platform.localeCompare(b.platform) || a.chatId.localeCompare(b.chatId));
}
