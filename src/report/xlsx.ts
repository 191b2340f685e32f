/**
 * The quarterly report as an Excel workbook, in the shape agencies report upward: a summary sheet
 * (department × category, totals) and a task sheet "Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp |
 * Thời hạn | Kết quả thực hiện" with status, progress and the last update. Dates are real Excel dates shown
 * dd/mm/yyyy, so a leader can sort and filter them; both sheets print on A4 landscape.
 */
import ExcelJS from 'exceljs';
import { parseLocalDate, toLocalDate } from '../domain/calendar';
import { STATUS_CATEGORIES, emptyCounts, type DepartmentSummary } from '../domain/status-report';
import type { LocalDate } from '../domain/task';
import { formatWindow } from '../shared/date-format';
import { formatDate } from '../shared/date-format';
import type { LastUpdate } from '../store/last-updates';
import { categoryOf, type ReportTask } from './period-tasks';
import { categoryLabels, type Words } from './status-chart';

export const DATE_FORMAT = 'dd/mm/yyyy';

export interface WorkbookInput {
  t: Words;
  orgName: string;
  /** "Quý II/2025". */
  label: string;
  window: { start: LocalDate; end: LocalDate };
  today: LocalDate;
  tz: string;
  deptName(slug: string): string;
  noLead: string;
  tasks: ReportTask[];
  summaries: ReadonlyArray<DepartmentSummary<ReportTask>>;
  updates: ReadonlyMap<string, LastUpdate>;
}

/** A local date as the Excel date of that day (exceljs writes Dates as UTC serials). */
export function excelDate(date: LocalDate): Date {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day));
}

const A4 = 9;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: ExcelJS.Borders['top'] = { style: 'thin', color: { argb: 'FF999999' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function sheet(wb: ExcelJS.Workbook, name: string, headerRow: number): ExcelJS.Worksheet {
  return wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
}

function addSummary(wb: ExcelJS.Workbook, input: WorkbookInput): void {
  const { t } = input;
  const labels = categoryLabels(t);
  const ws = sheet(wb, t('reports:export.summarySheet'), 4);
  ws.columns = [{ width: 42 }, ...STATUS_CATEGORIES.map(() => ({ width: 16 })), { width: 12 }];
  ws.mergeCells(1, 1, 1, STATUS_CATEGORIES.length + 2);
  ws.getCell(1, 1).value = t('reports:export.summaryTitle', { period: input.label.toUpperCase() });
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, STATUS_CATEGORIES.length + 2);
  ws.getCell(2, 1).value = t('reports:export.orgLine', {
    org: input.orgName,
    window: formatWindow(input.window.start, input.window.end),
    date: formatDate(input.today),
  });
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  const header = ws.getRow(4);
  header.values = [
    t('reports:export.department'),
    ...STATUS_CATEGORIES.map((c) => labels[c]),
    t('reports:export.total'),
  ];
  styleHeader(header);
  for (const s of input.summaries) {
    const row = ws.addRow([
      s.department ? input.deptName(s.department) : input.noLead,
      ...STATUS_CATEGORIES.map((c) => s.counts[c]),
      s.total,
    ]);
    row.eachCell((cell) => (cell.border = BORDER));
  }
  // A task led by two departments sits in both rows; the total counts it once, as the report is read.
  const totals = emptyCounts();
  for (const task of input.tasks) totals[categoryOf(task, input.today)]++;
  const total = ws.addRow([
    t('reports:export.totalRow'),
    ...STATUS_CATEGORIES.map((c) => totals[c]),
    input.tasks.length,
  ]);
  total.font = { bold: true };
  total.eachCell((cell) => (cell.border = BORDER));
  ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: STATUS_CATEGORIES.length + 2 } };
}

function addTasks(wb: ExcelJS.Workbook, input: WorkbookInput): void {
  const { t } = input;
  const labels = categoryLabels(t);
  const ws = sheet(wb, t('reports:export.tasksSheet'), 1);
  const date = {
    numFmt: DATE_FORMAT,
    alignment: { horizontal: 'center' as const, vertical: 'top' as const },
  };
  const wrap = { alignment: { wrapText: true, vertical: 'top' as const } };
  ws.columns = [
    {
      header: t('reports:export.number'),
      key: 'number',
      width: 6,
      style: { alignment: { vertical: 'top' } },
    },
    { header: t('reports:export.content'), key: 'content', width: 55, style: wrap },
    { header: t('reports:export.lead'), key: 'lead', width: 24, style: wrap },
    { header: t('reports:export.support'), key: 'support', width: 24, style: wrap },
    { header: t('reports:export.start'), key: 'start', width: 12, style: date },
    { header: t('reports:export.deadline'), key: 'deadline', width: 12, style: date },
    { header: t('reports:export.result'), key: 'result', width: 22, style: wrap },
    { header: t('reports:export.status'), key: 'status', width: 16, style: wrap },
    {
      header: t('reports:export.progress'),
      key: 'progress',
      width: 9,
      style: { numFmt: '0%', alignment: { vertical: 'top' } },
    },
    { header: t('reports:export.lastUpdate'), key: 'lastUpdate', width: 40, style: wrap },
    { header: t('reports:export.updatedBy'), key: 'updatedBy', width: 18, style: wrap },
    { header: t('reports:export.updatedAt'), key: 'updatedAt', width: 12, style: date },
    { header: t('reports:export.timeText'), key: 'timeText', width: 24, style: wrap },
    { header: t('reports:export.plan'), key: 'plan', width: 30, style: wrap },
  ];
  styleHeader(ws.getRow(1));
  const names = (slugs: string[]): string => slugs.map((s) => input.deptName(s)).join('; ');
  for (const task of input.tasks) {
    const update = input.updates.get(task.id);
    ws.addRow({
      number: task.number,
      content: task.title,
      lead: task.lead.length ? names(task.lead) : input.noLead,
      support: names(task.support),
      start: task.start ? excelDate(task.start) : null,
      deadline: task.end ? excelDate(task.end) : null,
      result: labels[categoryOf(task, input.today)],
      status: t(`status.${task.status}`),
      progress: task.progress / 100,
      lastUpdate: update?.text ?? '',
      updatedBy: update?.userName ?? '',
      updatedAt: update ? excelDate(toLocalDate(update.at, input.tz)) : null,
      timeText: task.timeText ?? '',
      plan: task.planTitle ?? '',
    }).eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columns.length } };
}

export async function buildWorkbook(input: WorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'lmhtx-bot';
  wb.title = `${input.orgName} – ${input.label}`;
  addSummary(wb, input);
  addTasks(wb, input);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
