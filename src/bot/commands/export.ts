/** /export (/xuat): the period's report as an Excel file sent into the group. */
import { exportReport } from '../../report/export-report';
import { clip } from '../args';
import type { CommandHandler } from '../context';
import { textReply } from '../reply';
import { readTarget, targetLabel } from './report-target';

export const exportReportCommand: CommandHandler = async (ctx, args) => {
  const target = readTarget(ctx, args.trim());
  if (!target) return [textReply(ctx.t('reports:export.badTarget', { value: clip(args.trim()) }))];
  const label = targetLabel(ctx, target);
  const report = await exportReport({
    org: ctx.org!,
    departments: ctx.departments,
    period: target.period,
    label,
    department: target.department,
    today: ctx.today,
    tz: ctx.deps.tz,
    t: ctx.t,
  });
  if (!report) return [textReply(ctx.t('reports:export.none', { period: label }))];
  return [
    {
      segments: [{ text: ctx.t('reports:export.caption', { period: label, count: report.tasks }) }],
      document: { data: report.data, filename: report.filename },
      quote: true,
    },
  ];
};
