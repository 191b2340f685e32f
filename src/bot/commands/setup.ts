/** Commands that set a group up: /help, /link, /unlink, /lang. */
import { bindChat, setChatLocale, unbindChat } from '../../store/binding-repository';
import { readCode } from '../../store/access-codes';
import { activeDepartments, listOrgs, matchDepartment } from '../../store/org-repository';
import { administers } from '../permissions';
import { linkMenu } from './link-choice';
import { onPastedCode } from './organisation';
import type { OrgRecord } from '../../store/types';
import { isLocale } from '../../shared/i18n';
import type { CommandContext, CommandHandler } from '../context';
import { ReplyBuilder, bold, textReply } from '../reply';

export const help: CommandHandler = async (ctx) => {
  const r = new ReplyBuilder().line(bold(ctx.t('help.title')));
  const b = ctx.binding;
  if (b?.role === 'department' && b.department && ctx.org) {
    r.line(ctx.t('help.boundDepartment', { department: ctx.deptName(b.department), org: ctx.org.name }));
  } else if (b?.role === 'leaders' && ctx.org) {
    r.line(ctx.t('help.boundLeaders', { org: ctx.org.name }));
  } else {
    r.line(ctx.t('help.unbound'));
  }
  // Every command, grouped by who may use it (a test checks each command of the table is here), in the
  // reader's language first; short enough for one Zalo message (1,500 characters).
  r.blank().line(ctx.t('help.everyone'));
  r.blank().line(ctx.t('help.reporting')).line(ctx.t('help.replyHint'));
  r.blank().line(ctx.t('help.plan'));
  r.blank().line(ctx.t('help.admin'));
  r.blank().line(ctx.t('help.otherLanguage'));
  return [r.build()];
};

export const link: CommandHandler = async (ctx, args) => {
  // No argument: the departments as buttons or a numbered list; a code: the code's department.
  const typed = readCode(args);
  if (typed) return onPastedCode(ctx, typed);
  if (!ctx.roles.deploymentAdmin && ctx.roles.adminOf.length === 0)
    return [textReply(ctx.t('errors.notAdmin'))];
  if (!args.trim()) return linkMenu(ctx);
  // A linked group only by its own organisation's admins; otherwise any organisation the sender administers.
  if (ctx.binding?.role && ctx.org && !ctx.isAdmin)
    return [textReply(ctx.t('alliance:link.otherOrg', { org: ctx.org.name }))];
  const orgs = (await listOrgs()).filter((o) => administers(ctx.roles, o.id));
  if (orgs.length === 0) return [textReply(ctx.t('errors.noOrganisations'))];

  const slash = args.indexOf('/');
  const orgText = slash >= 0 ? args.slice(0, slash).trim() : '';
  const target = (slash >= 0 ? args.slice(slash + 1) : args).trim();
  const org = await chooseOrg(ctx, orgs, orgText, target);
  if ('error' in org) return [textReply(org.error)];

  const departments = await activeDepartments(org.id);
  const list = departments.map((d) => d.name).join(', ');
  if (!target)
    return [
      textReply(ctx.t('errors.missingDepartment', { example: departments[0]?.slug ?? 'van-phong', list })),
    ];

  const base = {
    platform: ctx.msg.platform,
    chatId: ctx.msg.chat.id,
    title: ctx.msg.chat.title ?? '',
    org: org.id,
  };
  const boundBy = `${ctx.msg.platform}:${ctx.msg.user.id}`;
  if (/^(leaders?|lanh ?dao|lãnh ?đạo|thuong ?truc|thường ?trực)$/i.test(target)) {
    await bindChat({ ...base, role: 'leaders', department: null, boundBy });
    return [textReply(ctx.t('link.linkedLeaders', { org: org.name }))];
  }
  const matches = matchDepartment(departments, target);
  if (matches.length === 0) return [textReply(ctx.t('errors.departmentNotFound', { value: target, list }))];
  if (matches.length > 1) {
    return [
      textReply(
        ctx.t('errors.departmentAmbiguous', { value: target, list: matches.map((d) => d.name).join(', ') }),
      ),
    ];
  }
  const dept = matches[0]!;
  await bindChat({ ...base, role: 'department', department: dept.slug, boundBy });
  return [textReply(ctx.t('link.linkedDepartment', { department: dept.name, org: org.name }))];
};

/**
 * The organisation a /link means: the one named before "/", else the group's current one, else the only
 * one, else the single organisation that has a department of that name.
 */
async function chooseOrg(
  ctx: CommandContext,
  orgs: OrgRecord[],
  orgText: string,
  target: string,
): Promise<OrgRecord | { error: string }> {
  const names = orgs.map((o) => o.slug).join(', ');
  if (orgText) {
    const found =
      orgs.find((o) => o.slug === orgText.toLowerCase()) ??
      orgs.find(
        (o) =>
          matchDepartment(
            [
              {
                id: o.id,
                org: o.id,
                slug: o.slug,
                name: o.name,
                aliases: [],
                retired: false,
                mergedInto: null,
              },
            ],
            orgText,
          ).length > 0,
      );
    return found ?? { error: ctx.t('errors.orgNotFound', { value: orgText, list: names }) };
  }
  if (ctx.org && orgs.some((o) => o.id === ctx.org?.id)) return ctx.org;
  if (orgs.length === 1) return orgs[0]!;
  const candidates: OrgRecord[] = [];
  for (const o of orgs) if (matchDepartment(await activeDepartments(o.id), target).length) candidates.push(o);
  if (candidates.length === 1) return candidates[0]!;
  return { error: ctx.t('errors.orgRequired', { example: `${orgs[0]!.slug}/van-phong`, list: names }) };
}

export const unlink: CommandHandler = async (ctx) => {
  if (!ctx.isAdmin) return [textReply(ctx.t('errors.notAdmin'))];
  const done = await unbindChat(ctx.msg.platform, ctx.msg.chat.id);
  return [textReply(done ? ctx.t('link.unlinked') : ctx.t('errors.notLinked'))];
};

export const lang: CommandHandler = async (ctx, args) => {
  const choice = args.trim().toLowerCase();
  if (!isLocale(choice)) return [textReply(ctx.t('errors.badLang'))];
  await setChatLocale(ctx.msg.platform, ctx.msg.chat.id, ctx.msg.chat.title ?? '', choice);
  return [textReply(ctx.deps.t(choice, 'lang.set'))];
};
