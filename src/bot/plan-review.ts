/** The review of a plan draft: what the secretary reads before /confirm. Short, counts first. */
import { toLocalDateTime } from '../domain/calendar';
import type { PlanDraft } from '../domain/task';
import type { CommandContext } from './context';
import { formatDate, formatWindow } from '../shared/date-format';
import type { Reply } from './messages';
import { ReplyBuilder, bold } from './reply';
import { reviewChecks, type DamagedTitle, type ReviewCheck } from '../import/review-checks';

const FIRST_ITEMS = 5;
const MAX_NAMED = 4;
/** Skipped items named one by one in the chat; the rest are counted (the attached draft has them all). */
const MAX_SKIPPED_SHOWN = 3;
/** Damaged titles shown with their repair in the chat; the attached draft lists every one. */
const MAX_DAMAGED_SHOWN = 3;
/** Warnings the checks below word themselves. */
const CHECKED = new Set([
  'no-lead',
  'no-date',
  'unknown-unit',
  'skipped-item',
  'time-on-demand',
  'unread-table',
]);

export interface DraftPreview {
  /** Tasks the store does not have yet, and tasks of an earlier import of this plan. */
  fresh: number;
  known: number;
}

function refs(list: Array<string | null>): string {
  const named = list.slice(0, MAX_NAMED).map((r) => r ?? '—');
  return named.join(', ') + (list.length > MAX_NAMED ? ', …' : '');
}

export function reviewReply(
  ctx: CommandContext,
  draft: PlanDraft,
  preview: DraftPreview,
  names: (slug: string) => string,
  expiresAt: Date,
): Reply {
  const r = new ReplyBuilder();
  r.line(bold(ctx.t('import.reviewTitle', { title: draft.title })));
  if (draft.doc_number) r.line(ctx.t('import.docNumber', { number: draft.doc_number }));
  r.line(
    ctx.t('import.counts', {
      count: draft.tasks.length,
      fresh: preview.fresh,
      known: preview.known,
    }),
  );

  // Tasks per lead department, most first.
  const perDept = new Map<string, number>();
  let noLead = 0;
  for (const t of draft.tasks) {
    if (t.lead.length === 0) noLead++;
    for (const d of t.lead) perDept.set(d, (perDept.get(d) ?? 0) + 1);
  }
  r.line(ctx.t('import.perDepartment'));
  for (const [slug, n] of [...perDept].sort((a, b) => b[1] - a[1]))
    r.line(ctx.t('import.departmentLine', { department: names(slug), count: n }));
  if (noLead) r.line(ctx.t('import.noLeadLine', { count: noLead }));

  const starts = draft.tasks
    .map((t) => t.start)
    .filter((d): d is string => d !== null)
    .sort();
  const ends = draft.tasks
    .map((t) => t.end)
    .filter((d): d is string => d !== null)
    .sort();
  const undated = draft.tasks.filter((t) => t.end === null).length;
  if (starts.length || ends.length)
    r.line(ctx.t('import.windows', { window: formatWindow(starts[0] ?? null, ends.at(-1) ?? null) }));
  if (undated) r.line(ctx.t('import.undated', { count: undated }));

  // What needs a person's eye.
  const warnings: string[] = [];
  const byCode = new Map<string, Array<string | null>>();
  warnings.push(...checkLines(ctx, draft, reviewChecks(draft, ctx.today)));
  for (const w of draft.warnings) {
    if (CHECKED.has(w.code)) continue; // counted above, or worded by the checks
    byCode.set(w.code, [...(byCode.get(w.code) ?? []), w.ref]);
  }
  for (const [code, list] of byCode) {
    const key = `import.warning.${code}`;
    const text = ctx.t(key, { count: list.length, refs: refs(list) });
    warnings.push(
      text === key ? ctx.t('import.warning.other', { code, count: list.length, refs: refs(list) }) : text,
    );
  }
  if (warnings.length) {
    r.line(bold(ctx.t('import.toCheck')));
    for (const w of warnings) r.line(`⚠️ ${w}`);
  }

  r.line(bold(ctx.t('import.firstItems')));
  for (const t of draft.tasks.slice(0, FIRST_ITEMS)) {
    r.line(
      ctx.t('import.itemLine', {
        ref: t.ref,
        title: clip(t.title, 80),
        kind: ctx.t(`import.kind.${t.kind}`),
        lead: t.lead.map(names).join(', ') || '—',
        window: formatWindow(t.start, t.end),
      }),
    );
  }
  if (draft.tasks.length > FIRST_ITEMS)
    r.line(ctx.t('import.moreInFile', { count: draft.tasks.length - FIRST_ITEMS }));
  const until = toLocalDateTime(expiresAt, ctx.deps.tz);
  r.line(
    ctx.t('import.howToConfirm', {
      date: formatDate(until.date),
      time: `${String(until.hour).padStart(2, '0')}:${String(until.minute).padStart(2, '0')}`,
    }),
  );
  return r.build(true);
}

/** One line per check, in the order the checks come; skipped items beyond a few are counted. */
function checkLines(ctx: CommandContext, draft: PlanDraft, checks: readonly ReviewCheck[]): string[] {
  const out: string[] = [];
  let skipped = 0;
  for (const c of checks) {
    if (c.code === 'all-past')
      out.push(
        ctx.t('import.check.allPast', {
          today: formatDate(c.today),
          lastEnd: formatDate(c.lastEnd),
          year: draft.year,
        }),
      );
    else if (c.code === 'few-leads') out.push(ctx.t('import.check.fewLeads', c));
    else if (c.code === 'unknown-unit')
      out.push(
        ctx.t('import.check.unknownUnit', {
          name: c.name,
          org: ctx.org?.name ?? draft.org,
          refs: refs(c.refs),
        }),
      );
    else if (c.code === 'skipped-item') {
      if (++skipped <= MAX_SKIPPED_SHOWN)
        out.push(
          ctx.t('import.check.skipped', { ref: c.ref ?? '—', line: c.line ?? '—', text: clip(c.text, 90) }),
        );
    } else if (c.code === 'time-on-demand')
      out.push(
        ctx.t('import.check.onDemand', { count: c.refs.length, year: draft.year, refs: refs(c.refs) }),
      );
    else if (c.code === 'unread-table') out.push(ctx.t('import.check.unreadTable', { line: c.line ?? '—' }));
    else out.push(damagedTitles(ctx, c.titles));
  }
  if (skipped > MAX_SKIPPED_SHOWN)
    out.push(ctx.t('import.check.skippedMore', { count: skipped - MAX_SKIPPED_SHOWN }));
  return out;
}

/** Titles a scan damaged: how many, a few with their proposed repair, and how to take the repairs. */
function damagedTitles(ctx: CommandContext, titles: readonly DamagedTitle[]): string {
  const proposed = titles.filter((t) => t.proposed).length;
  const lines = [
    ctx.t(proposed ? 'import.check.damagedTitles' : 'import.check.damagedTitlesNone', {
      count: titles.length,
      proposed,
    }),
  ];
  for (const t of titles.slice(0, MAX_DAMAGED_SHOWN)) {
    const ref = t.ref ?? ctx.t('import.check.planTitle');
    lines.push(
      t.proposed
        ? ctx.t('import.check.damagedLine', { ref, title: clip(t.title), proposed: clip(t.proposed, 80) })
        : ctx.t('import.check.damagedNoProposal', { ref, title: clip(t.title) }),
    );
  }
  if (titles.length > MAX_DAMAGED_SHOWN)
    lines.push(ctx.t('import.check.damagedMore', { count: titles.length - MAX_DAMAGED_SHOWN }));
  lines.push(ctx.t(proposed ? 'import.check.damagedHow' : 'import.check.damagedFixLater'));
  return lines.join('\n');
}

function clip(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
