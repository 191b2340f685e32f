/**
 * Telling another group of the organisation: the leaders' group of a request or a blocker, a department's
 * group of the leaders' answer. Each group is addressed in its own language. A post that fails is logged
 * and does not undo the change the person asked for: that is already recorded.
 */
import { findBinding, groupsOf } from '../store/binding-repository';
import type { BindingRecord } from '../store/types';
import { isLocale, type Locale } from '../shared/i18n';
import type { CommandContext } from './context';
import type { Platform, Reply } from './messages';

export type Translator = (key: string, vars?: Record<string, unknown>) => string;
/** Where a post goes: its platform, and whether that platform shows a reply's buttons in a group. */
export interface PostTarget {
  platform: Platform;
  buttons: boolean;
}
export type BuildReply = (t: Translator, locale: Locale, target: PostTarget) => Reply;

/**
 * Zalo groups have no buttons (the adapter leaves them out), so a post there must say what to type
 * instead: the answers are then replies such as "đồng ý 12".
 */
export function showsButtons(platform: Platform): boolean {
  return platform !== 'zalo';
}

/** The line under a leaders' post that says how to answer: buttons or typed replies, as the group can. */
export function answerHint(t: Translator, target: PostTarget, section: string, number: number): string {
  return t(`${section}.${target.buttons ? 'answerButtons' : 'answerTyped'}`, { number });
}

function localeOf(ctx: CommandContext, binding: BindingRecord | null): Locale {
  if (binding?.locale) return binding.locale;
  return isLocale(ctx.org?.locale) ? ctx.org.locale : ctx.deps.defaultLocale;
}

async function postTo(ctx: CommandContext, binding: BindingRecord, build: BuildReply): Promise<boolean> {
  if (!ctx.deps.post) return false;
  // The group the person wrote in already gets the answer to what they typed.
  if (binding.platform === ctx.msg.platform && binding.chatId === ctx.msg.chat.id) return false;
  const locale = localeOf(ctx, binding);
  const platform = binding.platform as Platform;
  try {
    const sent = await ctx.deps.post(
      platform,
      binding.chatId,
      build((k, v) => ctx.deps.t(locale, k, v), locale, { platform, buttons: showsButtons(platform) }),
    );
    return sent !== null;
  } catch (err) {
    ctx.deps.logger.error(
      { err, platform: binding.platform, chat: binding.chatId },
      'could not post to a group',
    );
    return false;
  }
}

/** Posts to every leaders' group of the organisation; resolves with how many received it. */
export async function postToLeaders(ctx: CommandContext, build: BuildReply): Promise<number> {
  if (!ctx.org) return 0;
  const groups = await groupsOf(ctx.org.id, 'leaders');
  const sent = await Promise.all(groups.map((g) => postTo(ctx, g, build)));
  return sent.filter(Boolean).length;
}

/** Posts to the groups of these departments (each once, however many of the list it speaks for). */
export async function postToDepartments(
  ctx: CommandContext,
  slugs: readonly string[],
  build: BuildReply,
): Promise<number> {
  if (!ctx.org) return 0;
  const lists = await Promise.all([...new Set(slugs)].map((s) => groupsOf(ctx.org!.id, 'department', s)));
  const seen = new Set<string>();
  const groups = lists
    .flat()
    .filter((g) => !seen.has(`${g.platform}:${g.chatId}`) && seen.add(`${g.platform}:${g.chatId}`));
  const sent = await Promise.all(groups.map((g) => postTo(ctx, g, build)));
  return sent.filter(Boolean).length;
}

/** Posts to one group named "platform:chatId" (where a request came from), when it is still bound. */
export async function postToChat(
  ctx: CommandContext,
  chat: string | null | undefined,
  build: BuildReply,
): Promise<boolean> {
  if (!chat) return false;
  const i = chat.indexOf(':');
  const binding = await findBinding(chat.slice(0, i) as Platform, chat.slice(i + 1));
  return binding ? postTo(ctx, binding, build) : false;
}
