/** /history 12: every change to a task's plan and every progress report, with who and when. */
import { toLocalDateTime } from '../../domain/calendar';
import { taskHistory, type EditValue, type HistoryEntry } from '../../store/task-edits';
import { clip, localExample, notFoundText } from '../args';
import { findTaskByNumber } from '../../store/task-repository';
import { deadlineLines } from './tasks';
import type { CommandContext, CommandHandler } from '../context';
import { formatDate } from '../../shared/date-format';
import { ReplyBuilder, bold, textReply } from '../reply';

/** Actions worth naming in the history line; done/progress/notes read well from the state alone. */
const NAMED_ACTIONS: ReadonlySet<string> = new Set([
  'reopen',
  'snooze',
  'submit',
  'accept',
  'return',
  'extension-request',
  'extension-approve',
  'extension-refuse',
]);

function showValue(ctx: CommandContext, field: string, v: EditValue): string {
  if (v === null || v === '') return '—';
  if (Array.isArray(v)) {
    if (field === 'end' || field === 'start') return v.map((d) => (d ? formatDate(d) : '—')).join(' – ');
    return v.length ? v.map((s) => ctx.deptName(s)).join(', ') : '—';
  }
  if ((field === 'end' || field === 'start') && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
  return clip(v, 60);
}

export function describeEntry(ctx: CommandContext, e: HistoryEntry): string {
  if (e.kind === 'update') {
    const state = e.status ? `${ctx.t(`status.${e.status}`)} ${e.progress ?? 0}%` : '';
    const named = NAMED_ACTIONS.has(e.action) ? `${ctx.t(`history.action.${e.action}`)}: ` : '';
    return `${named}${state}${e.note ? ` – ${clip(e.note, 80)}` : ''}`;
  }
  if (e.field === 'created') return ctx.t('history.created', { title: showValue(ctx, 'title', e.after) });
  if (e.field === 'deleted') return ctx.t('history.deleted', { title: showValue(ctx, 'title', e.before) });
  return ctx.t('history.edit', {
    field: ctx.t(`edit.field.${e.field}`),
    before: showValue(ctx, e.field, e.before),
    after: showValue(ctx, e.field, e.after),
  });
}

function when(ctx: CommandContext, at: Date): string {
  const local = toLocalDateTime(at, ctx.deps.tz);
  return `${formatDate(local.date)} ${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
}

export const history: CommandHandler = async (ctx, args) => {
  const raw = args.split(/\s+/)[0] ?? '';
  if (!raw) return [textReply(ctx.t('errors.missingNumber', { example: localExample(ctx, '/history 12') }))];
  const m = /^#?(\d{1,7})$/.exec(raw);
  if (!m)
    return [
      textReply(ctx.t('errors.badNumber', { value: clip(raw), example: localExample(ctx, '/history 12') })),
    ];
  const number = Number(m[1]);
  // A deleted task has no record left but its history: that is exactly when someone asks who removed it.
  const entries = await taskHistory(ctx.org!.id, number);
  if (entries.length === 0) {
    // No history and no task: say the number is wrong, not that nothing changed.
    if (!(await findTaskByNumber(ctx.org!.id, number))) return [textReply(notFoundText(ctx, number))];
    return [textReply(ctx.t('history.none', { number }))];
  }
  const r = new ReplyBuilder().line(bold(ctx.t('history.title', { number })));
  const task = await findTaskByNumber(ctx.org!.id, number);
  if (task) for (const line of deadlineLines(ctx, task)) r.line(line);
  for (const e of entries)
    r.line(
      ctx.t('history.line', { when: when(ctx, e.at), user: e.userName || '?', what: describeEntry(ctx, e) }),
    );
  return [r.build()];
};
