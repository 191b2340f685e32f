/**
 * /donvi (/departments): the organisation's departments as data it owns. Anyone in its chats may list
 * them; its secretaries (in private) and its leaders' group may add, rename, give an alias, merge and
 * retire. Inside a plan's review, "/donvi them 2" adds the draft's second unknown unit, "/donvi la 2 KHTH"
 * says it is an existing department, and the draft is read again.
 */
import { foldVietnamese } from '../../domain/calendar';
import {
  absorbDepartment,
  addDepartment,
  addDepartmentAlias,
  openTasksLedBy,
  renameDepartment,
  retireDepartment,
} from '../../store/departments';
import { activeDepartments, listDepartments, matchDepartment } from '../../store/org-repository';
import { latestPending, replacePendingDraft } from '../../store/pending-actions';
import { findTasks } from '../../store/task-repository';
import type { DepartmentRecord, OrgRecord, TaskRecord } from '../../store/types';
import type { TaskPatch } from '../../domain/task-rules';
import { applyTaskChange } from './change';
import { draftFromText } from '../../import';
import type { CommandContext, CommandHandler } from '../context';
import type { Reply } from '../messages';
import { mayManagePlan } from '../permissions';
import { reviewReply } from '../plan-review';
import { ReplyBuilder, bold, textReply } from '../reply';
import { directoryOf } from './import';
import { unknownUnitsOf, unknownUnitsOffer } from './setup-plan';

type Action = 'add' | 'rename' | 'alias' | 'merge' | 'retire' | 'is';

const ACTIONS: Record<string, Action> = {
  them: 'add',
  add: 'add',
  doiten: 'rename',
  rename: 'rename',
  tenkhac: 'alias',
  bietdanh: 'alias',
  alias: 'alias',
  gop: 'merge',
  merge: 'merge',
  ngung: 'retire',
  retire: 'retire',
  la: 'is',
  is: 'is',
};

export const departments: CommandHandler = async (ctx, args) => {
  const org = ctx.org;
  if (!org) return [textReply(ctx.t(ctx.msg.chat.isGroup ? 'errors.unbound' : 'alliance:notAdminAny'))];
  const m = /^(\S+)\s*([\s\S]*)$/.exec(args.trim());
  const action = m ? ACTIONS[foldVietnamese(m[1] ?? '').replace(/[^a-z]/g, '')] : undefined;
  if (!action) return [await listReply(ctx, org)];
  if (!mayManagePlan(org.id, ctx.binding, ctx.isAdmin))
    return [textReply(ctx.t('alliance:departments.notAllowed', { org: org.name }))];
  const rest = (m?.[2] ?? '').trim();
  switch (action) {
    case 'add':
      return add(ctx, org, rest);
    case 'is':
      return isExisting(ctx, org, rest);
    case 'rename':
    case 'alias':
      return renameOrAlias(ctx, org, rest, action);
    case 'merge':
      return merge(ctx, org, rest);
    case 'retire':
      return retire(ctx, org, rest);
  }
};

async function listReply(ctx: CommandContext, org: OrgRecord): Promise<Reply> {
  const all = await listDepartments(org.id);
  const active = all.filter((d) => !d.retired);
  if (all.length === 0)
    return new ReplyBuilder()
      .line(ctx.t('alliance:departments.none', { org: org.name }))
      .line(ctx.t('alliance:departments.usage'))
      .build(true);
  const r = new ReplyBuilder().line(bold(ctx.t('alliance:departments.title', { org: org.name })));
  active.forEach((d, i) =>
    r.line(
      d.aliases.length
        ? ctx.t('alliance:departments.lineAliases', {
            index: i + 1,
            name: d.name,
            aliases: d.aliases.join(', '),
          })
        : ctx.t('alliance:departments.line', { index: i + 1, name: d.name }),
    ),
  );
  const retired = all.filter((d) => d.retired);
  if (retired.length)
    r.line(ctx.t('alliance:departments.retired', { list: retired.map((d) => d.name).join(', ') }));
  if (mayManagePlan(org.id, ctx.binding, ctx.isAdmin)) r.blank().line(ctx.t('alliance:departments.usage'));
  return r.build(true);
}

/** A department by its number in /donvi, its slug, name or alias; or the reply that says why not. */
async function pick(ctx: CommandContext, org: OrgRecord, text: string): Promise<DepartmentRecord | Reply> {
  const active = await activeDepartments(org.id);
  const value = text.trim();
  const byNumber = /^\d+$/.test(value) ? active[Number(value) - 1] : undefined;
  const matches = byNumber ? [byNumber] : matchDepartment(active, value);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0)
    return textReply(ctx.t('alliance:departments.notFound', { value: value.slice(0, 60) }));
  return textReply(
    ctx.t('alliance:departments.ambiguous', {
      value: value.slice(0, 60),
      list: matches.map((d) => d.name).join(', '),
    }),
  );
}

const isReply = (v: DepartmentRecord | Reply): v is Reply => 'segments' in v;

/** "Phòng Tài chính = A = B", "Tên (TC)": a name and its aliases. */
function nameAndAliases(text: string): { name: string; aliases: string[] } {
  const abbr = /\(([^)]{2,12})\)\s*$/.exec(text);
  const name = (abbr ? text.slice(0, abbr.index) : text).replace(/\s+/g, ' ').trim().slice(0, 100);
  return { name, aliases: abbr?.[1] ? [abbr[1].trim()] : [] };
}

async function add(ctx: CommandContext, org: OrgRecord, rest: string): Promise<Reply[]> {
  if (!rest)
    return [
      textReply(ctx.t('alliance:departments.missingName', { example: '/donvi them Phòng Tài chính (TC)' })),
    ];
  if (/^\d+$/.test(rest)) {
    // The draft's unknown unit number n, added as it is written.
    const pending = await pendingImport(ctx, org);
    const unit = pending ? unknownUnitsOf(pending.draft)[Number(rest) - 1] : undefined;
    if (!pending || !unit) return [textReply(ctx.t('alliance:departments.noUnknown', { index: rest }))];
    const result = await addDepartment(org.id, unit.name);
    const name = 'created' in result ? result.created.name : result.exists.name;
    return [textReply(ctx.t('alliance:departments.added', { name })), ...(await reread(ctx, org))];
  }
  const { name, aliases } = nameAndAliases(rest);
  const result = await addDepartment(org.id, name, aliases);
  if ('exists' in result)
    return [textReply(ctx.t('alliance:departments.exists', { name: result.exists.name }))];
  return [textReply(ctx.t('alliance:departments.added', { name: result.created.name }))];
}

/** "/donvi la 2 KHTH": the draft's unknown unit 2 is that department; its name becomes an alias. */
async function isExisting(ctx: CommandContext, org: OrgRecord, rest: string): Promise<Reply[]> {
  const m = /^(\d+)\s+([\s\S]+)$/.exec(rest);
  const pending = await pendingImport(ctx, org);
  const unit = m && pending ? unknownUnitsOf(pending.draft)[Number(m[1]) - 1] : undefined;
  if (!m || !unit)
    return [textReply(ctx.t('alliance:departments.noUnknown', { index: m?.[1] ?? rest.slice(0, 10) }))];
  const dept = await pick(ctx, org, m[2] ?? '');
  if (isReply(dept)) return [dept];
  await addDepartmentAlias(org.id, dept.slug, unit.name);
  return [
    textReply(ctx.t('alliance:departments.aliasAdded', { alias: unit.name, name: dept.name })),
    ...(await reread(ctx, org)),
  ];
}

async function pendingImport(ctx: CommandContext, org: OrgRecord) {
  const pending = await latestPending(ctx.msg.platform, ctx.msg.chat.id, ctx.now);
  return pending?.kind === 'import' && pending.org === org.slug ? pending : null;
}

/** The pending draft read again with the directory as it is now, and its review sent again. */
async function reread(ctx: CommandContext, org: OrgRecord): Promise<Reply[]> {
  const pending = await pendingImport(ctx, org);
  if (!pending) return [];
  const directory = await directoryOf(org);
  const draft = draftFromText(pending.sourceText, pending.fileName, {
    org: org.slug,
    directory,
    year: pending.draft.year,
  });
  await replacePendingDraft(pending.id, draft);
  const names = new Map(
    Object.entries(directory[org.slug]?.departments ?? {}).map(([slug, n]) => [slug, n[0] ?? slug]),
  );
  const review = reviewReply(
    ctx,
    draft,
    { fresh: draft.tasks.length, known: 0 },
    (s) => names.get(s) ?? s,
    pending.expiresAt,
  );
  const offer = await unknownUnitsOffer(ctx, draft);
  if (offer) review.segments.push({ text: '\n\n' }, ...offer.segments);
  return [review];
}

async function renameOrAlias(
  ctx: CommandContext,
  org: OrgRecord,
  rest: string,
  action: 'rename' | 'alias',
): Promise<Reply[]> {
  const m = /^([\s\S]+?)\s*(?:=|→|->|\bthành\b|\bthanh\b|\bto\b)\s*([\s\S]+)$/i.exec(rest);
  const example =
    action === 'rename' ? '/donvi doiten 2 = Phòng Kế hoạch – Tài chính' : '/donvi tenkhac 2 = KHTC';
  if (!m) return [textReply(ctx.t('alliance:departments.missingName', { example }))];
  const dept = await pick(ctx, org, m[1] ?? '');
  if (isReply(dept)) return [dept];
  const value = (m[2] ?? '').replace(/\s+/g, ' ').trim().slice(0, 100);
  if (action === 'rename') {
    await renameDepartment(org.id, dept.slug, value);
    return [textReply(ctx.t('alliance:departments.renamed', { old: dept.name, name: value }))];
  }
  await addDepartmentAlias(org.id, dept.slug, value);
  return [textReply(ctx.t('alliance:departments.aliasAdded', { alias: value, name: dept.name }))];
}

/** A task moved by a merge is an edit like any other: the same rules, commit and audit record. */
async function moveTask(
  ctx: CommandContext,
  task: TaskRecord,
  patch: TaskPatch,
  key: string,
): Promise<TaskRecord> {
  const outcome = await applyTaskChange(
    ctx,
    task,
    { kind: 'edit', patch },
    {
      dedupeKey: `${ctx.msg.platform}:${ctx.msg.chat.id}:${ctx.msg.messageId ?? ctx.now.getTime()}:${key}`,
      text: ctx.msg.text.slice(0, 500),
    },
  );
  return outcome.kind === 'applied' ? outcome.task : task;
}

/** "/donvi gop A vao B": A's tasks, groups and names go to B, each task change with its audit record. */
async function merge(ctx: CommandContext, org: OrgRecord, rest: string): Promise<Reply[]> {
  const m = /^([\s\S]+?)\s+(?:vào|vao|into|->|→)\s+([\s\S]+)$/i.exec(rest);
  if (!m) return [textReply(ctx.t('alliance:departments.missingName', { example: '/donvi gop 3 vao 2' }))];
  const from = await pick(ctx, org, m[1] ?? '');
  if (isReply(from)) return [from];
  const into = await pick(ctx, org, m[2] ?? '');
  if (isReply(into)) return [into];
  if (from.slug === into.slug) return [textReply(ctx.t('alliance:departments.same'))];
  const tasks = await findTasks(org.id, { department: from.slug });
  const swap = (list: string[]): string[] => [...new Set(list.map((s) => (s === from.slug ? into.slug : s)))];
  for (const task of tasks) {
    let current = task;
    if (current.lead.includes(from.slug))
      current = await moveTask(ctx, current, { lead: swap(current.lead) }, `merge:${task.id}:lead`);
    if (current.support.includes(from.slug)) {
      // A department that supported its own new lead's work is simply the lead now.
      const support = swap(current.support).filter((s) => !current.lead.includes(s));
      current = await moveTask(ctx, current, { support }, `merge:${task.id}:support`);
    }
    await ctx.deps
      .onTaskChanged?.(task.id)
      .catch((err: unknown) => ctx.deps.logger.error({ err, task: task.id }, 'could not plan reminders'));
  }
  const groups = await absorbDepartment(org.id, from.slug, into.slug);
  await retireDepartment(org.id, from.slug, into.slug);
  return [
    textReply(
      ctx.t('alliance:departments.merged', { from: from.name, into: into.name, tasks: tasks.length, groups }),
    ),
  ];
}

async function retire(ctx: CommandContext, org: OrgRecord, rest: string): Promise<Reply[]> {
  const dept = await pick(ctx, org, rest);
  if (isReply(dept)) return [dept];
  const open = await openTasksLedBy(org.id, dept.slug);
  if (open.length)
    return [
      textReply(
        ctx.t('alliance:departments.hasOpenTasks', {
          name: dept.name,
          count: open.length,
          numbers:
            open
              .slice(0, 8)
              .map((n) => `#${n}`)
              .join(', ') + (open.length > 8 ? ', …' : ''),
        }),
      ),
    ];
  await retireDepartment(org.id, dept.slug);
  return [textReply(ctx.t('alliance:departments.retiredDone', { name: dept.name }))];
}
