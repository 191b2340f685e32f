/** What a report command is about: a period, or a department over a year. Shared by /status and /export. */
import { parseLocalDate, parsePeriod, quarterOf, yearPeriod, type Period } from '../../domain/calendar';
import { matchDepartment } from '../../store/org-repository';
import type { CommandContext } from '../context';

export interface ReportTarget {
  period: Period;
  department?: string;
}

/** "", "Q2", "quý II 2025", "5/2025", "2025", a department name, or a department name and a year. */
export function readTarget(ctx: CommandContext, args: string): ReportTarget | null {
  const year = parseLocalDate(ctx.today).year;
  if (!args) return { period: quarterOf(ctx.today) };
  const period = parsePeriod(args, year);
  if (period) return { period };
  const m = /^(.*?)(?:\s+(?:năm\s+|nam\s+)?(\d{4}))?$/i.exec(args);
  const name = (m?.[1] ?? args).trim();
  const found = matchDepartment(ctx.departments, name);
  if (found.length !== 1) return null;
  return { period: yearPeriod(m?.[2] ? Number(m[2]) : year), department: found[0]!.slug };
}

export function periodLabel(t: CommandContext['t'], p: Period): string {
  const { month } = parseLocalDate(p.start);
  switch (p.kind) {
    case 'quarter':
      return t('report.quarter', {
        roman: ['I', 'II', 'III', 'IV'][Math.floor((month - 1) / 3)],
        year: p.year,
      });
    case 'half':
      return t(month === 1 ? 'report.half1' : 'report.half2', { year: p.year });
    case 'nine-months':
      return t('report.nineMonths', { year: p.year });
    case 'month':
      return t('report.month', { month, year: p.year });
    case 'year':
      return t('report.year', { year: p.year });
  }
}

/** The label a report of `target` carries: "Quý II/2025", or "Văn phòng năm 2025". */
export function targetLabel(ctx: CommandContext, target: ReportTarget): string {
  return target.department
    ? ctx.t('report.departmentYear', {
        department: ctx.deptName(target.department),
        year: target.period.year,
      })
    : periodLabel(ctx.t, target.period);
}
