/**
 * How a new version of a plan meets chat's changes, in words: the review lists every field both changed
 * (numbered, so `/xacnhan 2` picks the document's value for that one), what chat changed that the
 * document leaves alone, and deleted tasks that stay deleted; the answer to /xacnhan says how each was
 * settled.
 */
import { foldVietnamese } from '../domain/calendar';
import type { ChatField, Conflict, FieldValue, PlanMerge } from '../domain/plan-merge';
import { formatDate } from '../shared/date-format';
import type { CommandContext } from './context';
import type { Button, Reply } from './messages';

/** Telegram buttons under a review with conflicts: load keeping chat's values, or the document's. */
export const MERGE_PRESS = { keep: 'imp:keep', document: 'imp:doc' } as const;

const CLIP = 120;
const clip = (s: string): string => (s.length > CLIP ? `${s.slice(0, CLIP - 1)}…` : s);

function shown(ctx: CommandContext, field: ChatField, value: FieldValue): string {
  if (value === null || (Array.isArray(value) && value.length === 0)) return ctx.t('merge.empty');
  if (Array.isArray(value)) return value.map((d) => ctx.deptName(d)).join(', ');
  if (field === 'start' || field === 'end') return formatDate(value);
  return clip(value);
}

export function conflictLine(ctx: CommandContext, c: Conflict): string {
  return ctx.t('merge.conflict', {
    index: c.index,
    number: c.number,
    field: ctx.t(`merge.field.${c.field}`),
    document: shown(ctx, c.field, c.document),
    chat: shown(ctx, c.field, c.chat),
  });
}

/** Lines the review adds about chat's changes; none when the plan is new or nothing was changed in chat. */
export function mergeReviewLines(ctx: CommandContext, merge: PlanMerge): string[] {
  const lines: string[] = [];
  if (merge.conflicts.length) {
    lines.push(ctx.t('merge.conflictsTitle', { count: merge.conflicts.length }));
    for (const c of merge.conflicts.slice(0, 20)) lines.push(conflictLine(ctx, c));
    lines.push(
      ctx.t('merge.conflictHow', {
        example: merge.conflicts
          .map((c) => c.index)
          .slice(0, 2)
          .join(' '),
      }),
    );
  }
  const kept = merge.tasks.reduce((n, m) => n + (m.kind === 'matched' ? m.chatKept.length : 0), 0);
  if (kept) lines.push(ctx.t('merge.chatKept', { count: kept }));
  const deleted = merge.tasks.flatMap((m) => (m.kind === 'deleted' ? [m.deleted.number] : []));
  if (deleted.length)
    lines.push(
      ctx.t('merge.keptDeleted', { count: deleted.length, numbers: deleted.map((n) => `#${n}`).join(', ') }),
    );
  return lines;
}

export function mergeButtons(ctx: CommandContext, merge: PlanMerge): Button[][] | undefined {
  if (!merge.conflicts.length) return undefined;
  return [
    [{ label: ctx.t('merge.buttonKeep'), data: MERGE_PRESS.keep }],
    [{ label: ctx.t('merge.buttonDocument'), data: MERGE_PRESS.document }],
  ];
}

export type Choice = { takeDocument: 'all' | number[]; repairTitles: boolean } | { error: string };

/** "sửa tên" / "fix titles": load the titles the review proposed for a damaged scan. */
const REPAIR_TITLES = /(^|\s)(sua ?ten|fix ?titles?)(\s|$)/;

/**
 * `/xacnhan` (keep chat's), `/xacnhan vanban` (the document's for all), `/xacnhan 1 3` (for those), each
 * with `sửa tên` anywhere to take the proposed repairs of damaged titles.
 */
export function parseChoice(args: string): Choice {
  const folded = foldVietnamese(args).toLowerCase().replace(/[,;]/g, ' ');
  const repairTitles = REPAIR_TITLES.test(folded);
  const words = folded.replace(REPAIR_TITLES, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0) return { takeDocument: [], repairTitles };
  if (words.join(' ').match(/^(van ?ban|document|doc|tat ca|all)$/))
    return { takeDocument: 'all', repairTitles };
  const numbers: number[] = [];
  for (const w of words) {
    if (!/^\d{1,3}$/.test(w)) return { error: w };
    numbers.push(Number(w));
  }
  return { takeDocument: numbers, repairTitles };
}

/** How each conflict was settled, for the answer to /xacnhan. */
export function settledLines(
  ctx: CommandContext,
  conflicts: readonly Conflict[],
  takeDocument: ReadonlySet<number>,
): string[] {
  const label = (c: Conflict) => `#${c.number} ${ctx.t(`merge.field.${c.field}`)}`;
  const toDoc = conflicts.filter((c) => takeDocument.has(c.index)).map(label);
  const toChat = conflicts.filter((c) => !takeDocument.has(c.index)).map(label);
  return [
    ...(toChat.length ? [ctx.t('merge.settledChat', { list: toChat.join(', ') })] : []),
    ...(toDoc.length ? [ctx.t('merge.settledDocument', { list: toDoc.join(', ') })] : []),
  ];
}

export function withLines(reply: Reply, lines: readonly string[]): Reply {
  if (!lines.length) return reply;
  return { ...reply, segments: [...reply.segments, ...lines.map((text) => ({ text: `\n${text}` }))] };
}
