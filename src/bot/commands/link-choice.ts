/**
 * Linking a group without typing slugs: /link (/lienket) with no argument answers with the organisation's
 * departments as buttons on Telegram and as a numbered list elsewhere (Zalo has no buttons in groups: the
 * person answers with the number); /malienket makes a one-time code any member pastes into the group.
 */
import { createCode } from '../../store/access-codes';
import { clearLinkChoice, linkChoiceOf, saveLinkChoice, type LinkOption } from '../../store/link-choices';
import {
  activeDepartments,
  findDepartmentById,
  findOrgById,
  matchDepartment,
} from '../../store/org-repository';
import type { OrgRecord } from '../../store/types';
import type { CommandContext, CommandHandler } from '../context';
import type { Button, Reply } from '../messages';
import { administers } from '../permissions';
import { ReplyBuilder, textReply } from '../reply';
import { bindTo, expiry, personKey } from './organisation';
import { orgsOf } from './setup-plan';

const LEADERS = /^(leaders?|lanh ?dao|lãnh ?đạo|thuong ?truc|thường ?trực)$/i;

/** Buttons carry "lk:<department id>", "lk:L<organisation id>" (leaders), or "lo:<organisation id>". */
export function isLinkPress(data: string): boolean {
  return data.startsWith('lk:') || data.startsWith('lo:');
}

/**
 * The organisations this person may link this group to: a group already linked only to its own (and only
 * by that organisation's admins), else every organisation they administer.
 */
async function linkableOrgs(ctx: CommandContext): Promise<OrgRecord[] | Reply> {
  if (ctx.binding?.role && ctx.org) {
    if (!ctx.isAdmin) return textReply(ctx.t('alliance:link.otherOrg', { org: ctx.org.name }));
    return [ctx.org];
  }
  const orgs = await orgsOf(ctx);
  if (orgs.length === 0)
    return textReply(ctx.t(ctx.roles.deploymentAdmin ? 'errors.noOrganisations' : 'alliance:notAdminAny'));
  return orgs;
}

/** /link with no argument. */
export async function linkMenu(ctx: CommandContext): Promise<Reply[]> {
  const orgs = await linkableOrgs(ctx);
  if (!Array.isArray(orgs)) return [orgs];
  if (orgs.length > 1) {
    const options: LinkOption[] = orgs.map((o) => ({ org: o.id, pickOrg: true }));
    return [
      await menu(
        ctx,
        ctx.t('alliance:link.chooseOrg'),
        options,
        orgs.map((o) => o.name),
        'lo',
      ),
    ];
  }
  return [await departmentMenu(ctx, orgs[0]!)];
}

async function departmentMenu(ctx: CommandContext, org: OrgRecord): Promise<Reply> {
  const departments = await activeDepartments(org.id);
  if (departments.length === 0) return textReply(ctx.t('alliance:link.noDepartments', { org: org.name }));
  const options: LinkOption[] = [
    ...departments.map((d) => ({ org: org.id, department: d.slug })),
    { org: org.id, department: null },
  ];
  const labels = [...departments.map((d) => d.name), ctx.t('alliance:link.leadersOption')];
  const data = [...departments.map((d) => `lk:${d.id}`), `lk:L${org.id}`];
  return menu(ctx, ctx.t('alliance:link.chooseDepartment', { org: org.name }), options, labels, data);
}

async function menu(
  ctx: CommandContext,
  title: string,
  options: LinkOption[],
  labels: string[],
  data: string[] | 'lo',
): Promise<Reply> {
  const r = new ReplyBuilder().line(title);
  if (ctx.msg.platform === 'telegram') {
    const buttons: Button[][] = labels.map((label, i) => [
      {
        label,
        data: data === 'lo' ? `lo:${(options[i] as { org: string }).org}` : (data[i] ?? ''),
      },
    ]);
    return { ...r.build(true), buttons };
  }
  labels.forEach((label, i) => r.line(`${i + 1}. ${label}`));
  r.line(ctx.t('alliance:link.numbered'));
  await saveLinkChoice(
    { platform: ctx.msg.platform, chatId: ctx.msg.chat.id, userId: ctx.msg.user.id },
    options,
    ctx.now,
  );
  return r.build(true);
}

/** A press on one of the menu's buttons: the presser's rights are checked again, for that organisation. */
export async function onLinkPress(ctx: CommandContext, data: string): Promise<Reply[]> {
  const toast = (text: string): Reply => ({ segments: [], toast: text });
  let org: OrgRecord | null;
  let department: string | null = null;
  if (data.startsWith('lo:')) org = await findOrgById(data.slice(3));
  else if (data.startsWith('lk:L')) org = await findOrgById(data.slice(4));
  else {
    const dept = await findDepartmentById(data.slice(3));
    org = dept && !dept.retired ? await findOrgById(dept.org) : null;
    department = dept?.slug ?? null;
  }
  if (!org) return [toast(ctx.t('alliance:link.expired'))];
  const refusal = await refuse(ctx, org);
  if (refusal) return [toast(refusal)];
  if (data.startsWith('lo:')) return [{ ...(await departmentMenu(ctx, org)), editsPressed: true }];
  const [reply] = await bindTo(ctx, org, department, personKey(ctx));
  const text = reply?.segments.map((s) => s.text).join('') ?? '';
  return [toast(text), { segments: [{ text }], editsPressed: true, buttons: [] }];
}

/** Why this person may not link this group to `org`, or null. */
async function refuse(ctx: CommandContext, org: OrgRecord): Promise<string | null> {
  if (ctx.binding?.role && ctx.org && ctx.org.id !== org.id && !ctx.isAdmin)
    return ctx.t('alliance:link.otherOrg', { org: ctx.org.name });
  if (ctx.binding?.role && ctx.org && !ctx.isAdmin)
    return ctx.t('alliance:notAdminOf', { org: ctx.org.name });
  if (!administers(ctx.roles, org.id)) return ctx.t('alliance:notAdminOf', { org: org.name });
  return null;
}

/** A bare number answering the numbered list this person was shown here; null when there is none. */
export async function onLinkNumber(ctx: CommandContext, number: number): Promise<Reply[] | null> {
  const where = { platform: ctx.msg.platform, chatId: ctx.msg.chat.id, userId: ctx.msg.user.id };
  const options = await linkChoiceOf(where, ctx.now);
  if (!options) return null;
  const picked = options[number - 1];
  if (!picked) return [textReply(ctx.t('alliance:link.badChoice', { number }))];
  const org = await findOrgById(picked.org);
  if (!org) return [textReply(ctx.t('alliance:link.expired'))];
  const refusal = await refuse(ctx, org);
  if (refusal) return [textReply(refusal)];
  if ('pickOrg' in picked) return [await departmentMenu(ctx, org)];
  await clearLinkChoice(where);
  return bindTo(ctx, org, picked.department, personKey(ctx));
}

/** /malienket <đơn vị>: a one-time code for a department's group (or the leaders'), made in private. */
export const linkCode: CommandHandler = async (ctx, args) => {
  if (!ctx.org)
    return [textReply(ctx.t(ctx.msg.chat.isGroup ? 'alliance:noOrgHere' : 'alliance:notAdminAny'))];
  if (!ctx.isAdmin) return [textReply(ctx.t('alliance:notAdminOf', { org: ctx.org.name }))];
  if (ctx.msg.chat.isGroup) return [textReply(ctx.t('alliance:privateOnly'))];
  const departments = await activeDepartments(ctx.org.id);
  const list = departments.map((d) => d.name).join(', ');
  const target = args.trim();
  if (!target) return [textReply(ctx.t('alliance:link.codeUsage', { list }))];
  let department: string | null = null;
  let label = ctx.t('alliance:link.leadersOption');
  if (!LEADERS.test(target)) {
    const byNumber = /^\d+$/.test(target) ? departments[Number(target) - 1] : undefined;
    const matches = byNumber ? [byNumber] : matchDepartment(departments, target);
    if (matches.length === 0) return [textReply(ctx.t('errors.departmentNotFound', { value: target, list }))];
    if (matches.length > 1)
      return [
        textReply(
          ctx.t('errors.departmentAmbiguous', { value: target, list: matches.map((d) => d.name).join(', ') }),
        ),
      ];
    department = matches[0]!.slug;
    label = matches[0]!.name;
  }
  const { code, expiresAt } = await createCode(
    'link',
    { org: ctx.org.id, department, createdBy: personKey(ctx) },
    ctx.now,
  );
  return [textReply(ctx.t('alliance:link.codeMade', { target: label, code, date: expiry(ctx, expiresAt) }))];
};
