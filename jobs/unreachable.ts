/**
 * A group the platform says the bot can no longer post in: marked once on its ChatBinding (so no reminder
 * targets it any more) and reported to the admins once, not at every reminder that would have gone there.
 */
import type { Platform } from '../src/bot/messages';
import type { UnreachableChatError } from '../src/channels/sender';
import { t } from '../src/shared/i18n';
import { markChatUnreachable } from '../src/store/chat-reach';
import type { ReminderRuntime } from './runtime';

export async function markUnreachable(
  rt: ReminderRuntime,
  platform: Platform,
  chatId: string,
  err: UnreachableChatError,
): Promise<void> {
  const marked = await markChatUnreachable(platform, chatId, rt.clock.now());
  if (marked?.org) rt.directory.forget(marked.org);
  rt.logger.warn(
    { platform, chatId, reason: err.message, newlyMarked: Boolean(marked) },
    'group unreachable',
  );
  if (!marked) return;
  const text = t(rt.defaultLocale, 'reminders:admin.unreachable', {
    title: marked.title || chatId,
    platform,
    chatId,
    reason: err.message.replace(/^.*?unreachable: /, ''),
  });
  try {
    await rt.notifyAdmins(text);
  } catch (notifyErr) {
    rt.logger.error({ err: notifyErr }, 'could not notify the admins');
  }
}

export function isUnreachable(err: unknown): err is UnreachableChatError {
  return err instanceof Error && err.name === 'UnreachableChatError';
}
