/**
 * A plan sent as a file: the review and the draft, then /confirm loads it with the same importer and
 * loader as `npm run import` (so sending the same plan again updates it in place), /cancel drops it.
 */
import { foldVietnamese } from '../../domain/calendar';
import type { OrgDirectory, PlanDraft } from '../../domain/task';
import {
  acceptTitleRepairs,
  draftFromText,
  extractTextFromBytes,
  isImportError,
  sourceTypeOf,
  type ImportError,
} from '../../import';
import { createHash } from 'node:crypto';
import { storedPlanHash } from '../../store/plan-reads';
import { listDepartments, listOrgs } from '../../store/org-repository';
import {
  DRAFT_TTL_MS,
  latestPending,
  savePendingImport,
  takePending,
  type PendingRecord,
} from '../../store/pending-actions';
import { loadPlan, planKey, previewMerge } from '../../store/plan-loader';
import type { OrgRecord } from '../../store/types';
import type { CommandContext, CommandHandler } from '../context';
import { draftWorkbook } from '../draft-file';
import type { IncomingFile, Reply } from '../messages';
import { administers, mayManagePlan } from '../permissions';
import { letterheadName } from '../../domain/alliance/proposal';
import { orgNameKey } from '../../domain/alliance/slugs';
import { mayStartOrganisation } from './organisation';
import { confirmSetup, isNewOrganisation, proposeOrganisation, unknownUnitsOffer } from './setup-plan';
import { reviewReply } from '../plan-review';
import {
  MERGE_PRESS,
  mergeButtons,
  mergeReviewLines,
  parseChoice,
  settledLines,
  withLines,
} from '../plan-conflicts';
import { ReplyBuilder, textReply } from '../reply';
import { confirmDelete } from './edit';

export const MAX_PLAN_BYTES = 5 * 1024 * 1024;

/**
 * Where a file is a plan for the bot: a private chat, or a leadership group. Elsewhere files are group
 * talk (minutes, photos of papers) and the bot stays out of it.
 */
export function isPlanChat(ctx: CommandContext): boolean {
  return !ctx.msg.chat.isGroup || ctx.binding?.role === 'leaders';
}

export async function onFile(ctx: CommandContext, file: IncomingFile): Promise<Reply[]> {
  const who = { platform: ctx.msg.platform, chatId: ctx.msg.chat.id, userId: ctx.msg.user.id };
  // Checked before anything is downloaded: who sent it, what it is, how big.
  const inLeaders = ctx.binding?.role === 'leaders' && ctx.org;
  const mayStart = !ctx.msg.chat.isGroup && (await mayStartOrganisation(ctx));
  if (!ctx.isAdmin && !inLeaders && !mayStart) return [textReply(ctx.t('import.notAllowed'))];
  if (!sourceTypeOf(file.name)) return [textReply(ctx.t('import.badType', { name: clipName(file.name) }))];
  if (file.size > MAX_PLAN_BYTES)
    return [
      textReply(
        ctx.t('import.tooLarge', { name: clipName(file.name), size: mb(file.size), max: mb(MAX_PLAN_BYTES) }),
      ),
    ];

  let data: Buffer;
  let text: string;
  try {
    data = await file.download();
    // The platform's size can be missing or wrong; the bytes are what counts.
    if (data.length > MAX_PLAN_BYTES)
      return [
        textReply(
          ctx.t('import.tooLarge', {
            name: clipName(file.name),
            size: mb(data.length),
            max: mb(MAX_PLAN_BYTES),
          }),
        ),
      ];
    text = await extractTextFromBytes(data, file.name);
  } catch (err) {
    if (isImportError(err)) return [unreadable(ctx, err)];
    throw err;
  }

  // A first plan of an organisation the store does not have yet proposes it (setup-plan.ts).
  if (!inLeaders && mayStart && (await isNewOrganisation(ctx, text)))
    return proposeOrganisation(ctx, text, file.name);
  // A Zalo file carries no caption: the plan's own letterhead usually names the organisation.
  const org = inLeaders ? ctx.org : await orgFor(ctx, ctx.msg.text, text);
  if (!org || 'reply' in org) return [org?.reply ?? textReply(ctx.t('errors.noOrganisations'))];
  const directory = await directoryOf(org);
  let draft: PlanDraft;
  try {
    draft = draftFromText(text, file.name, { org: org.slug, directory, year: yearOf(ctx) });
  } catch (err) {
    if (isImportError(err)) return [unreadable(ctx, err)];
    throw err;
  }

  await savePendingImport(who, { org: org.slug, draft, sourceText: text, fileName: file.name }, ctx.now);
  const names = departmentNames(directory, org.slug);
  const merge = await previewMerge(org.id, draft);
  const known = merge.tasks.filter((m) => m.kind !== 'new').length;
  const review = withLines(
    reviewReply(
      ctx,
      draft,
      { fresh: merge.tasks.length - known, known },
      names,
      new Date(ctx.now.getTime() + DRAFT_TTL_MS),
    ),
    mergeReviewLines(ctx, merge),
  );
  const buttons = mergeButtons(ctx, merge);
  if (buttons) review.buttons = buttons;
  const offer = await unknownUnitsOffer(ctx, draft);
  if (offer) review.segments.push({ text: '\n\n' }, ...offer.segments);
  const workbook = await draftWorkbook(draft, names, {
    damaged: ctx.t('import.sheet.damaged'),
    noAccents: ctx.t('import.sheet.noAccents'),
    noLead: ctx.t('import.sheet.noLead'),
    noDate: ctx.t('import.sheet.noDate'),
  });
  const base = file.name.replace(/\.[^.]+$/, '');
  return [
    review,
    {
      segments: [],
      document: { data: workbook, filename: `ban-nhap-${base}.xlsx`, caption: ctx.t('import.fileCaption') },
    },
  ];
}

export const confirm: CommandHandler = async (ctx, args) => {
  const pending = await latestPending(ctx.msg.platform, ctx.msg.chat.id, ctx.now);
  if (!pending) return [textReply(ctx.t('import.nothingPending'))];
  if (pending.kind === 'delete') return confirmDelete(ctx, pending);
  if (pending.kind === 'setup') return confirmSetup(ctx, pending);
  const choice = parseChoice(args);
  if ('error' in choice) return confirmImport(ctx, pending, choice);
  return confirmImport(
    ctx,
    choice.repairTitles ? { ...pending, draft: acceptTitleRepairs(pending.draft) } : pending,
    choice.takeDocument,
  );
};

/** The buttons under a review with conflicts: load keeping chat's values, or the document's. */
export async function onMergePress(ctx: CommandContext, data: string): Promise<Reply[]> {
  const pending = await latestPending(ctx.msg.platform, ctx.msg.chat.id, ctx.now);
  if (!pending || pending.kind !== 'import') return [{ segments: [], toast: ctx.t('import.nothingPending') }];
  const replies = await confirmImport(ctx, pending, data === MERGE_PRESS.document ? 'all' : []);
  return [{ segments: [], toast: ctx.t('merge.loadedToast') }, ...replies];
}

export const cancel: CommandHandler = async (ctx) => {
  const pending = await latestPending(ctx.msg.platform, ctx.msg.chat.id, ctx.now);
  if (!pending) return [textReply(ctx.t('import.nothingPending'))];
  if (!(await mayConfirm(ctx, pending))) return [textReply(ctx.t('import.notAllowed'))];
  await takePending(pending.id);
  return [
    textReply(
      pending.kind === 'import'
        ? ctx.t('import.cancelled', { title: pending.draft.title })
        : pending.kind === 'setup'
          ? ctx.t('import.cancelled', { title: pending.proposal.name })
          : ctx.t('edit.deleteCancelled', { number: pending.taskNumber }),
    ),
  ];
};

/** The pending action's own organisation decides, not the chat's: a secretary confirms only her own. */
async function mayConfirm(ctx: CommandContext, pending: PendingRecord): Promise<boolean> {
  if (pending.kind === 'setup') return pending.userId === ctx.msg.user.id;
  const org = (await listOrgs()).find((o) => o.slug === pending.org);
  if (!org) return false;
  return mayManagePlan(org.id, ctx.binding, administers(ctx.roles, org.id));
}

async function confirmImport(
  ctx: CommandContext,
  pending: Extract<PendingRecord, { kind: 'import' }>,
  choice: 'all' | number[] | { error: string },
): Promise<Reply[]> {
  if (!(await mayConfirm(ctx, pending))) return [textReply(ctx.t('import.notAllowed'))];
  // The very document already loaded: loading it again would only undo fixes made in chat since
  // (a damaged title corrected with /edit), so nothing is written.
  if (await sameDocumentLoaded(pending)) {
    await takePending(pending.id);
    return [
      textReply(
        ctx.t('import.loaded', {
          title: pending.draft.title,
          created: 0,
          updated: 0,
          unchanged: pending.draft.tasks.length,
        }),
      ),
    ];
  }
  const org = (await listOrgs()).find((o) => o.slug === pending.org);
  const conflicts = org ? (await previewMerge(org.id, pending.draft)).conflicts : [];
  const takeDocument = choice === 'all' ? conflicts.map((c) => c.index) : Array.isArray(choice) ? choice : [];
  const unknown = Array.isArray(choice)
    ? takeDocument.find((n) => !conflicts.some((c) => c.index === n))
    : choice === 'all'
      ? undefined
      : choice.error.slice(0, 20);
  if (unknown !== undefined)
    return [
      textReply(
        conflicts.length
          ? ctx.t('merge.badChoice', { value: String(unknown), count: conflicts.length })
          : ctx.t('merge.noConflicts'),
      ),
    ];
  // Loaded "now" on the service clock: with BOT_NOW a demo decides what was already past as it would then.
  const loaded = await loadPlan(pending.draft, pending.sourceText, pending.fileName, ctx.now, {
    takeDocument,
  });
  await takePending(pending.id);
  // New and changed tasks get their reminders now, not at the worker's next morning reconcile.
  for (const id of loaded.taskIds)
    await ctx.deps
      .onTaskChanged?.(id)
      .catch((err: unknown) => ctx.deps.logger.error({ err, task: id }, 'could not plan reminders'));
  const r = new ReplyBuilder().line(
    ctx.t('import.loaded', {
      title: pending.draft.title,
      created: loaded.created,
      updated: loaded.updated,
      unchanged: loaded.unchanged,
    }),
  );
  const numbers = [...loaded.numbers.values()].sort((a, b) => a - b);
  if (loaded.created + loaded.updated > 0 && numbers.length)
    r.line(ctx.t('import.numbers', { first: numbers[0], last: numbers.at(-1) }));
  for (const m of loaded.missing.slice(0, 5))
    r.line(ctx.t('import.missing', { number: m.number, title: m.title }));
  for (const line of settledLines(ctx, loaded.conflicts, new Set(takeDocument))) r.line(line);
  if (loaded.keptDeleted.length)
    r.line(
      ctx.t('merge.keptDeleted', {
        count: loaded.keptDeleted.length,
        numbers: loaded.keptDeleted.map((d) => `#${d.number}`).join(', '),
      }),
    );
  r.line(ctx.t('import.next'));
  return [r.build(true)];
}

async function sameDocumentLoaded(pending: Extract<PendingRecord, { kind: 'import' }>): Promise<boolean> {
  const hash = await storedPlanHash(pending.org, planKey(pending.draft));
  if (hash === null) return false;
  // A task deleted in chat since stays deleted, too.
  return hash === createHash('sha256').update(pending.sourceText).digest('hex');
}

function unreadable(ctx: CommandContext, err: ImportError): Reply {
  return textReply(ctx.t('import.unreadable', { reason: ctx.locale === 'vi' ? err.messageVi : err.message }));
}

/**
 * The organisation a private chat's file is for: named in the caption, else the only one there is, else
 * the one whose name the plan's first lines carry.
 */
async function orgFor(
  ctx: CommandContext,
  caption: string,
  text: string,
): Promise<OrgRecord | { reply: Reply } | null> {
  // Only organisations the sender administers: a secretary never loads a plan into another's, nor
  // another's plan into hers.
  const all = await listOrgs();
  const head = letterheadName(text);
  const foreign = head
    ? all.find((o) => orgNameKey(o.name) === orgNameKey(head) && !administers(ctx.roles, o.id))
    : undefined;
  if (foreign && !caption.trim())
    return { reply: textReply(ctx.t('alliance:notAdminOf', { org: foreign.name })) };
  const orgs = all.filter((o) => administers(ctx.roles, o.id));
  if (orgs.length === 0) return null;
  const key = fold(caption);
  const list = orgs.map((o) => `${o.name} (${o.slug})`).join(', ');
  if (!key) {
    if (orgs.length === 1) return orgs[0]!;
    const head = ` ${fold(text.slice(0, 1500))} `;
    const named = orgs.filter((o) => head.includes(` ${fold(o.name)} `));
    if (named.length === 1) return named[0]!;
    return { reply: textReply(ctx.t('import.whichOrg', { list })) };
  }
  const found = orgs.filter((o) =>
    [o.slug, o.name].some((n) => fold(n) === key || fold(n).includes(key) || key.includes(fold(n))),
  );
  if (found.length === 1) return found[0]!;
  return { reply: textReply(ctx.t('errors.orgNotFound', { value: caption.slice(0, 60), list })) };
}

function fold(s: string): string {
  return foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export async function directoryOf(org: OrgRecord): Promise<OrgDirectory> {
  // Retired departments take no new work; a merged one's names are the other's aliases.
  const departments = (await listDepartments(org.id)).filter((d) => !d.retired);
  return {
    [org.slug]: {
      name: org.name,
      departments: Object.fromEntries(departments.map((d) => [d.slug, [d.name, ...d.aliases]])),
    },
  };
}

function departmentNames(directory: OrgDirectory, slug: string): (dept: string) => string {
  const departments = directory[slug]?.departments ?? {};
  return (dept) => departments[dept]?.[0] ?? dept;
}

/** The year a plan that names none belongs to: this year, by the service clock. */
function yearOf(ctx: CommandContext): number {
  return Number(ctx.today.slice(0, 4));
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace('.', ',');
}

function clipName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 59)}…` : name;
}
