/** /status: where every department stands for a period, in the categories agencies report in, with a chart. */
import { checkTitle, markDamaged } from '../../domain/ocr-check';
import type { ScorecardRow } from '../../domain/scorecard';
import { STATUS_CATEGORIES } from '../../domain/status-report';
import {
  departmentScorecard,
  departmentSummaries,
  findPeriodTasks,
  type ReportTask,
} from '../../report/period-tasks';
import { statusChartPng } from '../../report/status-chart';
import { clip } from '../args';
import type { CommandContext, CommandHandler } from '../context';
import { formatDate, formatWindow } from '../../shared/date-format';
import type { Reply } from '../messages';
import { ReplyBuilder, bold, italic, textReply } from '../reply';
import { readTarget, targetLabel } from './report-target';

const OVERDUE_NAMED = 5;

export const status: CommandHandler = async (ctx, args) => {
  const target = readTarget(ctx, args.trim());
  if (!target) return [textReply(ctx.t('errors.badPeriod', { value: clip(args.trim()) }))];
  const { period, department } = target;

  const tasks = await findPeriodTasks(ctx.org!.id, period, ctx.deps.tz, { department });
  const label = targetLabel(ctx, target);
  if (tasks.length === 0) return [textReply(ctx.t('report.none', { period: label }))];

  const summaries = departmentSummaries(tasks, ctx.today, department);
  const r = new ReplyBuilder()
    .line(bold(ctx.t('report.title', { period: label, window: formatWindow(period.start, period.end) })))
    .line(ctx.t('report.asOf', { date: formatDate(ctx.today) }));
  // The ranking first, a line a department: what a leader reading on a phone looks for.
  const ranked = departmentScorecard(tasks, period, ctx.today, ctx.deptName, department);
  if (ranked.length) {
    r.blank().line(bold(ctx.t('reports:scorecard.title')));
    for (const row of ranked) r.line(scorecardLine(ctx.t, row, ctx.deptName(row.department)));
  }
  const shown: string[] = [];
  for (const s of summaries) {
    const name = s.department ? ctx.deptName(s.department) : ctx.t('common.noLead');
    r.blank().line(bold(ctx.t('report.department', { department: name, total: s.total })));
    r.line(ctx.t('report.counts', Object.fromEntries(STATUS_CATEGORIES.map((c) => [c, s.counts[c]]))));
    for (const t of s.overdue.slice(0, OVERDUE_NAMED)) {
      shown.push(t.title);
      r.line(overdueLine(ctx, t));
    }
    if (s.overdue.length > OVERDUE_NAMED)
      r.line(ctx.t('common.more', { count: s.overdue.length - OVERDUE_NAMED }));
    const mine = tasks.filter((t) => (s.department ? t.lead.includes(s.department) : t.lead.length === 0));
    for (const t of mine.filter((x) => x.status === 'blocked').slice(0, OVERDUE_NAMED)) {
      shown.push(t.title);
      r.line(
        ctx.t('report.blockedItem', {
          number: t.number,
          title: markDamaged(t.title, clip(t.title, 60)),
          reason: t.blockedReason ?? '—',
        }),
      );
    }
    const extended = mine.filter((t) => t.extensions.length > 0);
    if (extended.length)
      r.line(
        ctx.t('report.extended', {
          count: extended.length,
          list: extended
            .slice(0, OVERDUE_NAMED)
            .map((t) => ctx.t('report.extendedItem', { number: t.number, times: t.extensions.length }))
            .join(', '),
        }),
      );
  }
  const extendedTotal = tasks.filter((t) => t.extensions.length > 0).length;
  if (extendedTotal) r.blank().line(ctx.t('report.extendedTotal', { count: extendedTotal }));
  r.blank().line(italic(ctx.t('report.legend')));
  if (shown.some((t) => checkTitle(t).damaged)) r.line(italic(ctx.t('common.damagedLegend')));
  const reply: Reply = r.build();
  try {
    const png = await statusChartPng(
      ctx.t,
      summaries,
      { deptName: ctx.deptName, noLead: ctx.t('common.noLead') },
      label,
      ctx.today,
    );
    reply.image = { data: png };
  } catch (err) {
    // The words are the report; a picture that failed to draw must not take them down with it.
    ctx.deps.logger.error({ err, chat: ctx.msg.chat.id }, 'status chart failed');
  }
  return [reply];
};

/** "92% · P. Kế hoạch: 11/12 đúng hạn, 1 gia hạn, 0 trả lại" — shared with the digest. */
export function scorecardLine(
  t: (key: string, vars?: Record<string, unknown>) => string,
  row: ScorecardRow,
  department: string,
): string {
  return t('reports:scorecard.line', { ...row, department });
}

function overdueLine(ctx: CommandContext, t: ReportTask): string {
  return ctx.t('report.overdueItem', {
    number: t.number,
    title: markDamaged(t.title),
    date: t.end ? formatDate(t.end) : '—',
  });
}
