import type { Platform } from '../domain/platform';
import { ChatBinding } from './models';
import { idOf, type BindingRecord } from './types';

type BindingDoc = {
  platform: string;
  chatId: string;
  title?: string | null;
  org?: unknown;
  role?: string | null;
  department?: string | null;
  locale?: string | null;
  unreachableSince?: Date | null;
  mutedSince?: Date | null;
};

function toBinding(d: BindingDoc): BindingRecord {
  return {
    platform: d.platform,
    chatId: d.chatId,
    title: d.title ?? '',
    org: d.org ? idOf(d.org as string) : null,
    role: d.role === 'department' || d.role === 'leaders' ? d.role : null,
    department: d.department ?? null,
    locale: d.locale === 'vi' || d.locale === 'en' ? d.locale : null,
    unreachableSince: d.unreachableSince ?? null,
    mutedSince: d.mutedSince ?? null,
  };
}

export async function findBinding(platform: Platform, chatId: string): Promise<BindingRecord | null> {
  const d = await ChatBinding.findOne({ platform, chatId }).lean();
  return d ? toBinding(d) : null;
}

export async function bindChat(input: {
  platform: Platform;
  chatId: string;
  title: string;
  org: string;
  role: 'department' | 'leaders';
  department: string | null;
  boundBy: string;
}): Promise<void> {
  await ChatBinding.updateOne(
    { platform: input.platform, chatId: input.chatId },
    {
      $set: {
        title: input.title,
        org: input.org,
        role: input.role,
        department: input.department,
        boundBy: input.boundBy,
        unreachableSince: null,
      },
    },
    { upsert: true },
  );
}

export async function unbindChat(platform: Platform, chatId: string): Promise<boolean> {
  const r = await ChatBinding.updateOne(
    { platform, chatId, role: { $ne: null } },
    { $set: { role: null, department: null, org: null } },
  );
  return r.modifiedCount > 0;
}

export async function setChatLocale(
  platform: Platform,
  chatId: string,
  title: string,
  locale: 'vi' | 'en',
): Promise<void> {
  await ChatBinding.updateOne(
    { platform, chatId },
    { $set: { locale, title }, $setOnInsert: { role: null, org: null, department: null } },
    { upsert: true },
  );
}

/** The groups that speak for a department (or for the leadership, with department null). */
export async function groupsOf(
  org: string,
  role: 'department' | 'leaders',
  department: string | null = null,
): Promise<BindingRecord[]> {
  const filter: Record<string, unknown> = { org, role };
  if (role === 'department') filter.department = department;
  return (await ChatBinding.find(filter).lean()).map(toBinding);
}

/** A Telegram group upgraded to a supergroup gets a new id; its binding follows it. */
export async function moveChat(platform: Platform, fromChatId: string, toChatId: string): Promise<boolean> {
  const r = await ChatBinding.updateOne({ platform, chatId: fromChatId }, { $set: { chatId: toChatId } });
  return r.modifiedCount > 0;
}

/** /mute and /unmute: `since` null restarts reminders to the group. True when something changed. */
export async function setChatMuted(platform: Platform, chatId: string, since: Date | null): Promise<boolean> {
  const r = await ChatBinding.updateOne(
    { platform, chatId, mutedSince: since ? null : { $ne: null } },
    { $set: { mutedSince: since } },
  );
  return r.modifiedCount > 0;
}
