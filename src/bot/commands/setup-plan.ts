/**
 * A first plan starts its organisation: sent by the holder of a setup code (or a deployment admin) whose
 * letterhead names an organisation the store does not have, it is answered with the proposal — the
 * organisation's name, the departments the plan gives work to — and the usual review; /xacnhan creates the
 * organisation, its departments and the plan together. Also: the "unknown unit" offer of a plan's review.
 */
import {
  candidateDepartments,
  departmentsWithWork,
  letterheadName,
  proposalDirectory,
} from '../../domain/alliance/proposal';
import type { PlanDraft } from '../../domain/task';
import { draftFromText, isImportError } from '../../import';
import { spendSetupCode } from '../../store/access-codes';
import { createOrganisation } from '../../store/departments';
import { grantAdmin } from '../../store/org-admins';
import { DRAFT_TTL_MS, savePendingSetup, takePending, type PendingRecord } from '../../store/pending-actions';
import { loadPlan } from '../../store/plan-loader';
import { listOrgs } from '../../store/org-repository';
import type { CommandContext } from '../context';
import type { Reply } from '../messages';
import { administers } from '../permissions';
import { reviewReply } from '../plan-review';
import { ReplyBuilder, bold, textReply } from '../reply';
import { directoryOf } from './import';
import { mayStartOrganisation, personKey, sameNamedOrg, who } from './organisation';

const NEW = 'to-chuc-moi';

/** Whether a private chat's plan is for an organisation still to be made rather than one of the sender's. */
export async function isNewOrganisation(ctx: CommandContext, text: string): Promise<boolean> {
  const name = letterheadName(text) ?? (ctx.msg.text.trim() || null);
  const known = name ? await sameNamedOrg(name) : undefined;
  if (known) return !administers(ctx.roles, known.id); // answered with "already exists"
  if (ctx.roles.deploymentAdmin) return name !== null && !ctx.msg.text.trim();
  // A setup code's holder who administers nothing yet: whatever the plan is, it starts her organisation.
  return name !== null || ctx.roles.adminOf.length === 0;
}

function parse(
  text: string,
  fileName: string,
  name: string,
  year: number,
  departments: Parameters<typeof proposalDirectory>[1],
): PlanDraft {
  return draftFromText(text, fileName, {
    org: NEW,
    directory: { [NEW]: proposalDirectory(name, departments) },
    year,
  });
}

export async function proposeOrganisation(
  ctx: CommandContext,
  text: string,
  fileName: string,
): Promise<Reply[]> {
  const name = letterheadName(text) ?? (ctx.msg.text.trim() || null);
  if (!name) return [textReply(ctx.t('alliance:setup.proposalNoName'))];
  const known = await sameNamedOrg(name);
  if (known) return [textReply(ctx.t('alliance:setup.exists', { name: known.name }))];
  const year = Number(ctx.today.slice(0, 4));
  let draft: PlanDraft;
  let departments: ReturnType<typeof candidateDepartments>;
  try {
    const bare = parse(text, fileName, name, year, []);
    const candidates = candidateDepartments(text, bare);
    departments = departmentsWithWork(candidates, parse(text, fileName, name, year, candidates));
    draft = parse(text, fileName, name, year, departments);
  } catch (err) {
    if (isImportError(err))
      return [
        textReply(ctx.t('import.unreadable', { reason: ctx.locale === 'vi' ? err.messageVi : err.message })),
      ];
    throw err;
  }
  const where = { platform: ctx.msg.platform, chatId: ctx.msg.chat.id, userId: ctx.msg.user.id };
  await savePendingSetup(where, { proposal: { name, departments }, sourceText: text, fileName }, ctx.now);

  const r = new ReplyBuilder().line(bold(ctx.t('alliance:setup.proposalTitle', { name })));
  if (departments.length === 0) r.line(ctx.t('alliance:setup.proposalNone'));
  else r.line(ctx.t('alliance:setup.proposalDepartments', { count: departments.length }));
  departments.forEach((d, i) =>
    r.line(
      d.aliases.length
        ? ctx.t('alliance:setup.proposalAliases', {
            index: i + 1,
            name: d.name,
            aliases: d.aliases.join(', '),
          })
        : ctx.t('alliance:setup.proposalDepartment', { index: i + 1, name: d.name }),
    ),
  );
  r.line(ctx.t('alliance:setup.proposalNext')).blank();
  const names = new Map(departments.map((d) => [d.slug, d.name]));
  const review = reviewReply(
    ctx,
    draft,
    { fresh: draft.tasks.length, known: 0 },
    (slug) => names.get(slug) ?? slug,
    new Date(ctx.now.getTime() + DRAFT_TTL_MS),
  );
  const head = r.build(true);
  return [{ ...review, segments: [...head.segments, { text: '\n' }, ...review.segments] }];
}

export async function confirmSetup(
  ctx: CommandContext,
  pending: Extract<PendingRecord, { kind: 'setup' }>,
): Promise<Reply[]> {
  if (pending.userId !== ctx.msg.user.id || !(await mayStartOrganisation(ctx)))
    return [textReply(ctx.t('import.notAllowed'))];
  const { proposal } = pending;
  const known = await sameNamedOrg(proposal.name);
  if (known) {
    await takePending(pending.id);
    return [textReply(ctx.t('alliance:setup.exists', { name: known.name }))];
  }
  if (!(await takePending(pending.id))) return [textReply(ctx.t('import.nothingPending'))];
  if (!ctx.roles.deploymentAdmin) {
    if (!(await spendSetupCode(personKey(ctx), ctx.now)))
      return [textReply(ctx.t('alliance:setup.codeSpent'))];
  }
  const org = await createOrganisation(proposal.name, proposal.departments);
  await grantAdmin(org.id, who(ctx), personKey(ctx), ctx.now);
  const draft = draftFromText(pending.sourceText, pending.fileName, {
    org: org.slug,
    directory: await directoryOf(org),
    year: Number(ctx.today.slice(0, 4)),
  });
  const loaded = await loadPlan(draft, pending.sourceText, pending.fileName, ctx.now);
  for (const id of loaded.taskIds)
    await ctx.deps
      .onTaskChanged?.(id)
      .catch((err: unknown) => ctx.deps.logger.error({ err, task: id }, 'could not plan reminders'));
  return [
    textReply(
      ctx.t('alliance:setup.confirmed', {
        name: org.name,
        count: proposal.departments.length,
        title: draft.title,
        tasks: loaded.created + loaded.updated + loaded.unchanged,
      }),
    ),
  ];
}

/** The unit names a draft's review reports as unknown, once each, with the items that name them. */
export function unknownUnitsOf(draft: PlanDraft): Array<{ name: string; refs: string[] }> {
  const out = new Map<string, { name: string; refs: string[] }>();
  for (const w of draft.warnings) {
    if (w.code !== 'unknown-unit' || !w.detail) continue;
    const key = w.detail.toLowerCase();
    const entry = out.get(key) ?? { name: w.detail, refs: [] };
    if (w.ref && !entry.refs.includes(w.ref)) entry.refs.push(w.ref);
    out.set(key, entry);
  }
  return [...out.values()];
}

/** "Thêm đơn vị mới" or "là đơn vị …" for each unit the plan names that the directory lacks. */
export async function unknownUnitsOffer(ctx: CommandContext, draft: PlanDraft): Promise<Reply | null> {
  const unknown = unknownUnitsOf(draft);
  if (unknown.length === 0) return null;
  const r = new ReplyBuilder().line(bold(ctx.t('alliance:departments.unknownTitle')));
  unknown.slice(0, 9).forEach((u, i) =>
    r.line(
      ctx.t('alliance:departments.unknownLine', {
        index: i + 1,
        name: u.name,
        refs: u.refs.slice(0, 3).join(', '),
      }),
    ),
  );
  r.line(ctx.t('alliance:departments.unknownHow', { index: 1 }));
  return r.build();
}

export async function orgsOf(ctx: CommandContext) {
  return (await listOrgs()).filter((o) => administers(ctx.roles, o.id));
}
