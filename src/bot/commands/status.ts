/** /status: where every department stands for a period, in the categories agencies report in. */
import {
  parseLocalDate,
  parsePeriod,
  quarterOf,
  toLocalDate,
  yearPeriod,
  type Period,
} from '../../domain/calendar';
import { STATUS_CATEGORIES, summariseByDepartment } from '../../domain/status-report';
import { matchDepartment } from '../../store/org-repository';
import { findTasks } from '../../store/task-repository';
import type { TaskRecord } from '../../store/types';
import { clip } from '../args';
import type { CommandContext, CommandHandler } from '../context';
import { formatDate, formatWindow } from '../format';
import { ReplyBuilder, bold, italic, textReply } from '../reply';

const OVERDUE_NAMED = 5;

export const status: CommandHandler = async (ctx, args) => {
  const year = parseLocalDate(ctx.today).year;
  const target = readTarget(ctx, args.trim(), year);
  if (!target) return [textReply(ctx.t('errors.badPeriod', { value: clip(args.trim()) }))];
  const { period, department } = target;

  const all = await findTasks(ctx.org!.id, { from: period.start, to: period.end, department });
  const tasks = all.filter((t) => t.kind !== 'duty' && (t.start ?? t.end));
  const label = department
    ? ctx.t('report.departmentYear', { department: ctx.deptName(department), year: period.year })
    : periodLabel(ctx, period);
  if (tasks.length === 0) return [textReply(ctx.t('report.none', { period: label }))];

  const summaries = summariseByDepartment(
    tasks.map((t) => ({ ...t, completedOn: t.completedAt ? toLocalDate(t.completedAt, ctx.deps.tz) : null })),
    ctx.today,
  );
  const r = new ReplyBuilder()
    .line(bold(ctx.t('report.title', { period: label, window: formatWindow(period.start, period.end) })))
    .line(ctx.t('report.asOf', { date: formatDate(ctx.today) }));
  for (const s of summaries) {
    if (department && s.department !== department && s.department !== '') continue;
    const name = s.department ? ctx.deptName(s.department) : ctx.t('common.noLead');
    r.blank().line(bold(ctx.t('report.department', { department: name, total: s.total })));
    r.line(ctx.t('report.counts', Object.fromEntries(STATUS_CATEGORIES.map((c) => [c, s.counts[c]]))));
    for (const t of s.overdue.slice(0, OVERDUE_NAMED)) r.line(overdueLine(ctx, t));
    if (s.overdue.length > OVERDUE_NAMED)
      r.line(ctx.t('common.more', { count: s.overdue.length - OVERDUE_NAMED }));
  }
  r.blank().line(italic(ctx.t('report.legend')));
  return [r.build()];
};

function overdueLine(ctx: CommandContext, t: TaskRecord): string {
  return ctx.t('report.overdueItem', {
    number: t.number,
    title: t.title,
    date: t.end ? formatDate(t.end) : '—',
  });
}

/** "", "Q2", "quý II 2025", "5/2025", "2025", a department name, or a department name and a year. */
function readTarget(
  ctx: CommandContext,
  args: string,
  year: number,
): { period: Period; department?: string } | null {
  if (!args) return { period: quarterOf(ctx.today) };
  const period = parsePeriod(args, year);
  if (period) return { period };
  const m = /^(.*?)(?:\s+(?:năm\s+|nam\s+)?(\d{4}))?$/i.exec(args);
  const name = (m?.[1] ?? args).trim();
  const found = matchDepartment(ctx.departments, name);
  if (found.length !== 1) return null;
  return { period: yearPeriod(m?.[2] ? Number(m[2]) : year), department: found[0]!.slug };
}

function periodLabel(ctx: CommandContext, p: Period): string {
  const { month } = parseLocalDate(p.start);
  switch (p.kind) {
    case 'quarter':
      return ctx.t('report.quarter', {
        roman: ['I', 'II', 'III', 'IV'][Math.floor((month - 1) / 3)],
        year: p.year,
      });
    case 'half':
      return ctx.t(month === 1 ? 'report.half1' : 'report.half2', { year: p.year });
    case 'nine-months':
      return ctx.t('report.nineMonths', { year: p.year });
    case 'month':
      return ctx.t('report.month', { month, year: p.year });
    case 'year':
      return ctx.t('report.year', { year: p.year });
  }
}
