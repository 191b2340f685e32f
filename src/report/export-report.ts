/** One report export, for /export and for `npm run export`: load, sum up, write the workbook. */
import { foldVietnamese, type Period } from '../domain/calendar';
import type { LocalDate } from '../domain/task';
import type { DepartmentRecord, OrgRecord } from '../store/types';
import { lastUpdates } from '../store/last-updates';
import { departmentScorecard, departmentSummaries, findPeriodTasks } from './period-tasks';
import type { Words } from './status-chart';
import { buildWorkbook } from './xlsx';

export interface ExportRequest {
  org: OrgRecord;
  departments: readonly DepartmentRecord[];
  period: Period;
  /** "Quý II/2025", "Văn phòng năm 2025". */
  label: string;
  department?: string;
  today: LocalDate;
  tz: string;
  t: Words;
}

export interface ExportedReport {
  data: Buffer;
  filename: string;
  tasks: number;
}

/** "bao-cao-quy-ii-2025.xlsx": ASCII, so every phone and mail client keeps the name. */
export function exportFilename(prefix: string, label: string): string {
  const slug = foldVietnamese(label)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${prefix}-${slug}.xlsx`;
}

/** null when the period has no tasks (an empty workbook would only puzzle its reader). */
export async function exportReport(req: ExportRequest): Promise<ExportedReport | null> {
  const tasks = await findPeriodTasks(req.org.id, req.period, req.tz, {
    department: req.department,
    planTitles: true,
  });
  if (tasks.length === 0) return null;
  const names = new Map(req.departments.map((d) => [d.slug, d.name]));
  const deptName = (slug: string): string => names.get(slug) ?? slug;
  const data = await buildWorkbook({
    t: req.t,
    orgName: req.org.name,
    label: req.label,
    window: { start: req.period.start, end: req.period.end },
    today: req.today,
    tz: req.tz,
    deptName,
    noLead: req.t('common.noLead'),
    tasks,
    summaries: departmentSummaries(tasks, req.today, req.department),
    scorecard: departmentScorecard(tasks, req.period, req.today, deptName, req.department),
    updates: await lastUpdates(
      req.t,
      tasks.map((t) => t.id),
    ),
  });
  return { data, filename: exportFilename(req.t('reports:export.filename'), req.label), tasks: tasks.length };
}
