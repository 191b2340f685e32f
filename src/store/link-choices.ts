/**
 * The list a /link without argument offered (Zalo shows numbers, not buttons): kept a few minutes so the
 * person who asked can answer with a number. Stored with the pending actions, under its own kind.
 */
import { PendingAction } from './models';

export const LINK_CHOICE_TTL_MS = 15 * 60 * 1000;

/** One numbered option: an organisation (to choose among several), or one of its departments / its leaders. */
export type LinkOption = { org: string; department: string | null } | { org: string; pickOrg: true };

export async function saveLinkChoice(
  where: { platform: string; chatId: string; userId: string },
  options: LinkOption[],
  now: Date,
): Promise<void> {
  await PendingAction.deleteMany({ platform: where.platform, chatId: where.chatId, kind: 'link-choice' });
  await PendingAction.create({
    ...where,
    kind: 'link-choice',
    org: '',
    draft: { options },
    createdAt: now,
    expiresAt: new Date(now.getTime() + LINK_CHOICE_TTL_MS),
  });
}

/** The options this person was offered in this chat, if still fresh. */
export async function linkChoiceOf(
  where: { platform: string; chatId: string; userId: string },
  now: Date,
): Promise<LinkOption[] | null> {
  const d = await PendingAction.findOne({ ...where, kind: 'link-choice', expiresAt: { $gt: now } })
    .sort({ createdAt: -1 })
    .lean();
  const options = (d?.draft as { options?: LinkOption[] } | null)?.options;
  return options ?? null;
}

export async function clearLinkChoice(where: { platform: string; chatId: string }): Promise<void> {
  await PendingAction.deleteMany({ platform: where.platform, chatId: where.chatId, kind: 'link-choice' });
}
