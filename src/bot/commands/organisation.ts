/**
 * A new organisation from the chat: a deployment admin makes a one-time setup code (/macaidat), its holder
 * claims it in a private chat (/batdau <mã>) and names the organisation (/batdau <tên>) or sends its first
 * plan (see setup-plan.ts). Codes pasted alone (setup, secretary, group link) are read here too.
 */
import { orgNameKey } from '../../domain/alliance/slugs';
import {
  claimSetupCode,
  createCode,
  holdsSetupCode,
  peekCode,
  readCode,
  spendSetupCode,
  useCode,
  type CodeKind,
} from '../../store/access-codes';
import { bindChat } from '../../store/binding-repository';
import { createOrganisation } from '../../store/departments';
import { grantAdmin } from '../../store/org-admins';
import { findOrgById, listDepartments, listOrgs } from '../../store/org-repository';
import type { OrgRecord } from '../../store/types';
import { formatDate } from '../../shared/date-format';
import { toLocalDate } from '../../domain/calendar';
import type { CommandContext, CommandHandler } from '../context';
import type { Reply } from '../messages';
import { textReply } from '../reply';

/** "telegram:501": how stored records name a person. */
export const personKey = (ctx: CommandContext): string => `${ctx.msg.platform}:${ctx.msg.user.id}`;

export const expiry = (ctx: CommandContext, at: Date): string => formatDate(toLocalDate(at, ctx.deps.tz));

/** May this person start a new organisation now: a deployment admin, or the holder of a claimed code. */
export async function mayStartOrganisation(ctx: CommandContext): Promise<boolean> {
  if (ctx.roles.deploymentAdmin) return true;
  if (ctx.msg.chat.isGroup) return false;
  return holdsSetupCode(personKey(ctx), ctx.now);
}

export const setupCode: CommandHandler = async (ctx) => {
  if (!ctx.roles.deploymentAdmin) return [textReply(ctx.t('alliance:setupCode.notAllowed'))];
  if (ctx.msg.chat.isGroup) return [textReply(ctx.t('alliance:privateOnly'))];
  const { code, expiresAt } = await createCode('setup', { createdBy: personKey(ctx) }, ctx.now);
  return [textReply(ctx.t('alliance:setupCode.made', { code, date: expiry(ctx, expiresAt) }))];
};

export async function sameNamedOrg(name: string): Promise<OrgRecord | undefined> {
  const key = orgNameKey(name);
  return (await listOrgs()).find((o) => orgNameKey(o.name) === key);
}

/** /batdau [mã] [tên tổ chức] */
export const setup: CommandHandler = async (ctx, args) => {
  if (ctx.msg.chat.isGroup) return [textReply(ctx.t('alliance:setup.groupChat'))];
  let rest = args.trim();
  const first = rest.split(/\s+/)[0] ?? '';
  const typed = readCode(first) ?? readCode(rest);
  if (typed) {
    if (typed.kind !== 'setup') return onPastedCode(ctx, typed);
    if (!(await claimSetupCode(typed.code, personKey(ctx), ctx.now)))
      return [textReply(ctx.t('alliance:setup.badCode', { code: typed.code }))];
    rest = readCode(rest) ? '' : rest.slice(first.length).trim();
    if (!rest) return [textReply(ctx.t('alliance:setup.claimed'))];
  }
  if (!(await mayStartOrganisation(ctx))) return [textReply(ctx.t('alliance:setup.needCode'))];
  if (!rest) return [textReply(ctx.t('alliance:setup.howTo'))];
  const name = rest.replace(/\s+/g, ' ').slice(0, 120);
  const existing = await sameNamedOrg(name);
  if (existing) return [textReply(ctx.t('alliance:setup.exists', { name: existing.name }))];
  if (!ctx.roles.deploymentAdmin && !(await spendSetupCode(personKey(ctx), ctx.now)))
    return [textReply(ctx.t('alliance:setup.codeSpent'))];
  const org = await createOrganisation(name, []);
  await grantAdmin(org.id, who(ctx), personKey(ctx), ctx.now);
  return [textReply(ctx.t('alliance:setup.created', { name: org.name }))];
};

export function who(ctx: CommandContext): {
  platform: string;
  userId: string;
  username: string | null;
  name: string;
} {
  return {
    platform: ctx.msg.platform,
    userId: ctx.msg.user.id,
    username: ctx.msg.user.username ?? null,
    name: ctx.msg.user.name,
  };
}

/** /ma <mã>, or a message that is only a code. */
export const code: CommandHandler = async (ctx, args) => {
  const typed = readCode(args);
  if (!typed) return [textReply(ctx.t('alliance:setup.badCode', { code: args.slice(0, 20) }))];
  return onPastedCode(ctx, typed);
};

export async function onPastedCode(
  ctx: CommandContext,
  typed: { code: string; kind: CodeKind },
): Promise<Reply[]> {
  const by = personKey(ctx);
  if (typed.kind === 'setup') {
    if (ctx.msg.chat.isGroup) return [textReply(ctx.t('alliance:code.setupInGroup'))];
    return setup(ctx, typed.code);
  }
  if (typed.kind === 'link') {
    if (!ctx.msg.chat.isGroup) return [textReply(ctx.t('alliance:code.linkInPrivate'))];
    const peek = await peekCode(typed.code, 'link', ctx.now);
    if (peek && ctx.binding?.role && ctx.binding.org && ctx.binding.org !== peek.org && ctx.org)
      return [textReply(ctx.t('alliance:link.otherOrg', { org: ctx.org.name }))];
    const used = await useCode(typed.code, 'link', by, ctx.now);
    const org = used?.org ? await findOrgById(used.org) : null;
    if (!used || !org) return [textReply(ctx.t('alliance:link.badCode', { code: typed.code }))];
    return bindTo(ctx, org, used.department, by);
  }
  const used = await useCode(typed.code, 'admin', by, ctx.now);
  const org = used?.org ? await findOrgById(used.org) : null;
  if (!used || !org) return [textReply(ctx.t('alliance:setup.badCode', { code: typed.code }))];
  const result = await grantAdmin(org.id, who(ctx), used.createdBy, ctx.now);
  return [
    textReply(
      ctx.t(result === 'granted' ? 'alliance:code.adminGranted' : 'alliance:code.adminAlready', {
        org: org.name,
      }),
    ),
  ];
}

/** Binds this group to a department of `org` (or its leaders, with `department` null). */
export async function bindTo(
  ctx: CommandContext,
  org: OrgRecord,
  department: string | null,
  boundBy: string,
): Promise<Reply[]> {
  const base = {
    platform: ctx.msg.platform,
    chatId: ctx.msg.chat.id,
    title: ctx.msg.chat.title ?? '',
    org: org.id,
    boundBy,
  };
  if (department === null) {
    await bindChat({ ...base, role: 'leaders', department: null });
    return [textReply(ctx.t('link.linkedLeaders', { org: org.name }))];
  }
  const dept = (await listDepartments(org.id)).find((d) => d.slug === department && !d.retired);
  if (!dept) return [textReply(ctx.t('alliance:link.expired'))];
  await bindChat({ ...base, role: 'department', department: dept.slug });
  return [textReply(ctx.t('link.linkedDepartment', { department: dept.name, org: org.name }))];
}
