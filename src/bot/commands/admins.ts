/**
 * /thuky (/grant) and /thuquyen (/revoke): an organisation's secretaries, granted and revoked in chat by a
 * deployment admin or one of the organisation's own — by replying to the person's message, by @username
 * (Telegram), or with a one-time code the person sends the bot.
 */
import { createCode } from '../../store/access-codes';
import { grantAdmin, listAdmins, revokeAdmin, type Person } from '../../store/org-admins';
import type { CommandContext, CommandHandler } from '../context';
import type { Reply } from '../messages';
import { ReplyBuilder, textReply } from '../reply';
import { expiry, personKey } from './organisation';

/** The person a grant or revoke names: the author of the quoted message, or an @username. */
function target(ctx: CommandContext, args: string): { person: Person; label: string } | Reply | null {
  const author = ctx.msg.replyTo?.author;
  if (author) {
    if (ctx.msg.replyTo?.fromBot) return textReply(ctx.t('alliance:admins.bot'));
    return {
      person: {
        platform: ctx.msg.platform,
        userId: author.id,
        username: author.username ?? null,
        name: author.name,
      },
      label: author.name,
    };
  }
  const at = /^@([A-Za-z0-9_]{3,32})$/.exec(args.trim());
  if (at) {
    if (ctx.msg.platform !== 'telegram') return textReply(ctx.t('alliance:admins.usernameTelegram'));
    return {
      person: { platform: 'telegram', username: at[1] ?? '', name: `@${at[1] ?? ''}` },
      label: `@${at[1] ?? ''}`,
    };
  }
  return null;
}

function refusal(ctx: CommandContext): Reply | null {
  if (!ctx.org) return textReply(ctx.t(ctx.msg.chat.isGroup ? 'alliance:noOrgHere' : 'alliance:notAdminAny'));
  if (!ctx.isAdmin) return textReply(ctx.t('alliance:notAdminOf', { org: ctx.org.name }));
  return null;
}

export const grant: CommandHandler = async (ctx, args) => {
  const refused = refusal(ctx);
  if (refused) return [refused];
  const org = ctx.org!;
  if (/^(ma|mã|code)$/i.test(args.trim())) {
    if (ctx.msg.chat.isGroup) return [textReply(ctx.t('alliance:privateOnly'))];
    const { code, expiresAt } = await createCode(
      'admin',
      { org: org.id, createdBy: personKey(ctx) },
      ctx.now,
    );
    return [
      textReply(ctx.t('alliance:admins.codeMade', { org: org.name, code, date: expiry(ctx, expiresAt) })),
    ];
  }
  const who = target(ctx, args);
  if (who && 'segments' in who) return [who];
  if (!who) return [await listReply(ctx)];
  const result = await grantAdmin(org.id, who.person, personKey(ctx), ctx.now);
  return [
    textReply(
      ctx.t(result === 'granted' ? 'alliance:admins.granted' : 'alliance:admins.already', {
        org: org.name,
        who: who.label,
      }),
    ),
  ];
};

export const revoke: CommandHandler = async (ctx, args) => {
  const refused = refusal(ctx);
  if (refused) return [refused];
  const org = ctx.org!;
  const who = target(ctx, args);
  if (who && 'segments' in who) return [who];
  if (!who) return [await listReply(ctx)];
  const done = await revokeAdmin(org.id, who.person);
  return [
    textReply(
      ctx.t(done ? 'alliance:admins.revoked' : 'alliance:admins.notAdmin', { org: org.name, who: who.label }),
    ),
  ];
};

async function listReply(ctx: CommandContext): Promise<Reply> {
  const org = ctx.org!;
  const admins = await listAdmins(org.id);
  const names = admins.map((a) => a.name || (a.username ? `@${a.username}` : (a.userId ?? '?')));
  return new ReplyBuilder()
    .line(
      names.length
        ? ctx.t('alliance:admins.list', { org: org.name, list: names.join(', ') })
        : ctx.t('alliance:admins.none', { org: org.name }),
    )
    .line(ctx.t('alliance:admins.how'))
    .build(true);
}
