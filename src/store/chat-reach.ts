/** Whether the bot can still reach a group: the marks delivery writes on a ChatBinding, and what it reads. */
import type { Platform } from '../domain/platform';
import { ChatBinding } from './models';
import { idOf } from './types';

/**
 * Marks the group unreachable once (the first caller wins); returns what the admins are told about, or
 * null when it was already marked (or is not bound).
 */
export async function markChatUnreachable(
  platform: Platform,
  chatId: string,
  at: Date,
): Promise<{ org: string | null; title: string } | null> {
  const marked = await ChatBinding.findOneAndUpdate(
    { platform, chatId, unreachableSince: null },
    { $set: { unreachableSince: at } },
    { returnDocument: 'after' },
  ).lean();
  return marked ? { org: marked.org ? idOf(marked.org) : null, title: marked.title ?? '' } : null;
}

/** True when some binding already holds this chat id (a group migrated onto an id already bound). */
export async function chatIdBound(platform: Platform, chatId: string): Promise<boolean> {
  return Boolean(await ChatBinding.exists({ platform, chatId }));
}

/** The group's title as last seen, or '' when it has none or is unknown. */
export async function chatTitle(platform: Platform, chatId: string): Promise<string> {
  return (await ChatBinding.findOne({ platform, chatId }, { title: 1 }).lean())?.title ?? '';
}
