/**
 * The quarterly report as an Excel workbook, in the shape agencies report upward: a summary sheet
 * (department × category, totals) and a task sheet "Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp |
 * Thời hạn | Kết quả thực hiện" with status, progress and the last update. Dates are real Excel dates shown
 * dd/mm/yyyy, so a leader can sort and filter them; both sheets print on A4 landscape.
 */
import type * as ExcelJS from 'exceljs';
import { dayjs, LOCAL_DATE_FORMAT, parseLocalDate, toLocalDate } from '../domain/calendar';
import type { ScorecardRow } from '../domain/scorecard';
import { STATUS_CATEGORIES, emptyCounts, type DepartmentSummary } from '../domain/status-report';
import type { LocalDate } from '../domain/task';
import { formatWindow } from '../shared/date-format';
import { formatDate } from '../shared/date-format';
import type { LastUpdate } from '../store/last-updates';
import { rowHeight } from './xlsx-rows';
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
  /** The "Xếp hạng đơn vị" sheet's rows, ranked (domain/scorecard); without them there is no such sheet. */
  scorecard?: readonly ScorecardRow[];
}

/** A local date as the Excel date of that day (exceljs writes Dates as UTC serials). */
export function excelDate(date: LocalDate): Date {
  parseLocalDate(date); // validates it
  return dayjs.utc(date, LOCAL_DATE_FORMAT).toDate();
}

const A4 = 9;
/** The task sheet's type size: legible on paper (a meeting reads it printed). */
export const TASK_FONT_PT = 10;
/** The task sheet's first columns, printed: STT, Nội dung, Chủ trì, Phối hợp, Thời hạn, Kết quả, Ghi chú. */
export const PRINTED_COLUMNS = 7;
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
  const extended = input.tasks.filter((task) => (task.extensions?.length ?? 0) > 0).length;
  ws.addRow([t('reports:export.extendedRow'), extended]).eachCell((cell) => (cell.border = BORDER));
  ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: STATUS_CATEGORIES.length + 2 } };
}

/**
 * The task sheet as a meeting reads it on paper: the print area is the columns of the reporting table —
 * STT, Nội dung, Chủ trì, Phối hợp, Thời hạn, Kết quả, Ghi chú — at 10 pt on A4 landscape, at 100 % (their
 * widths fit the page, so nothing is shrunk), each row as tall as its wrapped text, the header repeated on
 * every page and the page number in the footer. The other columns (task number, start, status, progress,
 * who and when, the plan's wording) follow to the right, outside the print area, for sorting and filtering;
 * columns added later go there too.
 */
function addTasks(wb: ExcelJS.Workbook, input: WorkbookInput): void {
  const { t } = input;
  const labels = categoryLabels(t);
  const ws = wb.addWorksheet(t('reports:export.tasksSheet'), {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      scale: 100,
      fitToPage: false,
      printTitlesRow: '1:1',
      margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddFooter: `&C${t('reports:export.footer')}`,
      evenFooter: `&C${t('reports:export.footer')}`,
    },
  });
  const font = { name: 'Arial', size: TASK_FONT_PT };
  const date = {
    font,
    numFmt: DATE_FORMAT,
    alignment: { horizontal: 'center' as const, vertical: 'top' as const },
  };
  const wrap = { font, alignment: { wrapText: true, vertical: 'top' as const } };
  const top = { font, alignment: { vertical: 'top' as const } };
  ws.columns = [
    // The print area: these seven, in this order.
    { header: t('reports:export.number'), key: 'stt', width: 4, style: top },
    { header: t('reports:export.content'), key: 'content', width: 38, style: wrap },
    { header: t('reports:export.lead'), key: 'lead', width: 16, style: wrap },
    { header: t('reports:export.support'), key: 'support', width: 16, style: wrap },
    { header: t('reports:export.deadline'), key: 'deadline', width: 10, style: date },
    { header: t('reports:export.result'), key: 'result', width: 12, style: wrap },
    { header: t('reports:export.note'), key: 'note', width: 16, style: wrap },
    // Beside it, for the screen.
    { header: t('reports:export.taskNumber'), key: 'number', width: 8, style: top },
    { header: t('reports:export.start'), key: 'start', width: 11, style: date },
    { header: t('reports:export.status'), key: 'status', width: 16, style: wrap },
    { header: t('reports:export.progress'), key: 'progress', width: 9, style: { ...top, numFmt: '0%' } },
    { header: t('reports:export.updatedBy'), key: 'updatedBy', width: 18, style: wrap },
    { header: t('reports:export.updatedAt'), key: 'updatedAt', width: 12, style: date },
    { header: t('reports:export.timeText'), key: 'timeText', width: 24, style: top },
    { header: t('reports:export.plan'), key: 'plan', width: 30, style: top },
    // Deadlines as agencies keep them: the plan's date, the approved one, how many times it moved.
    { header: t('reports:export.originalDeadline'), key: 'originalDeadline', width: 12, style: date },
    { header: t('reports:export.approvedDeadline'), key: 'approvedDeadline', width: 12, style: date },
    { header: t('reports:export.evidence'), key: 'evidence', width: 30, style: wrap },
    { header: t('reports:export.extensions'), key: 'extensions', width: 10, style: top },
  ];
  styleHeader(ws.getRow(1));
  ws.getRow(1).font = { ...font, bold: true };
  ws.getRow(1).height = rowHeight(ws, ws.getRow(1));
  const names = (slugs: string[]): string => slugs.map((s) => input.deptName(s)).join('; ');
  input.tasks.forEach((task, i) => {
    const update = input.updates.get(task.id);
    const row = ws.addRow({
      stt: i + 1,
      content: task.title,
      lead: task.lead.length ? names(task.lead) : input.noLead,
      support: names(task.support),
      deadline: task.end ? excelDate(task.end) : null,
      result: labels[categoryOf(task, input.today)],
      note: update?.text ?? '',
      number: task.number,
      start: task.start ? excelDate(task.start) : null,
      status: t(`status.${task.status}`),
      progress: task.progress / 100,
      updatedBy: update?.userName ?? '',
      updatedAt: update ? excelDate(toLocalDate(update.at, input.tz)) : null,
      timeText: task.timeText ?? '',
      plan: task.planTitle ?? '',
      ...deadlineCells(task),
    });
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
    row.height = rowHeight(ws, row);
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ws.columns.length } };
  ws.pageSetup.printArea = `A1:${ws.getColumn(PRINTED_COLUMNS).letter}${Math.max(ws.rowCount, 1)}`;
}

function deadlineCells(task: ReportTask) {
  const count = task.extensions?.length ?? 0;
  const original = count ? (task.originalEnd ?? task.extensions[0]?.from ?? task.end) : task.end;
  return {
    originalDeadline: original ? excelDate(original) : null,
    approvedDeadline: count && task.end ? excelDate(task.end) : null,
    extensions: count,
    evidence: (task.attachments ?? []).map((e) => e.name).join('; '),
  };
}

/**
 * "Xếp hạng đơn vị": departments ranked by on-time rate, printed as the task sheet is — A4 landscape at
 * 100 % (the columns fit the page), 10 pt, the header repeated on every page, the page number in the
 * footer — with a title and the rule it counts by above the table.
 */
function addScorecard(wb: ExcelJS.Workbook, input: WorkbookInput, rows: readonly ScorecardRow[]): void {
  const { t } = input;
  const w = (key: string, vars?: Record<string, unknown>): string => t(`reports:scorecard.${key}`, vars);
  const HEADER = 5;
  const ws = wb.addWorksheet(w('sheet'), {
    views: [{ state: 'frozen', ySplit: HEADER }],
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      scale: 100,
      fitToPage: false,
      printTitlesRow: `${HEADER}:${HEADER}`,
      margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddFooter: `&C${t('reports:export.footer')}`,
      evenFooter: `&C${t('reports:export.footer')}`,
    },
  });
  const font = { name: 'Arial', size: TASK_FONT_PT };
  const number = { font, alignment: { horizontal: 'center' as const, vertical: 'top' as const } };
  const columns = [
    { key: 'stt', header: w('number'), width: 5, style: number },
    {
      key: 'department',
      header: w('department'),
      width: 40,
      style: { font, alignment: { wrapText: true, vertical: 'top' as const } },
    },
    { key: 'due', header: w('due'), width: 11, style: number },
    { key: 'onTime', header: w('onTime'), width: 11, style: number },
    { key: 'late', header: w('late'), width: 11, style: number },
    { key: 'notDone', header: w('notDone'), width: 11, style: number },
    { key: 'rate', header: w('rate'), width: 13, style: { ...number, numFmt: '0%' } },
    { key: 'extended', header: w('extended'), width: 11, style: number },
    { key: 'returned', header: w('returned'), width: 11, style: number },
  ];
  // Widths and styles only: `header` on ws.columns would write the header into row 1.
  ws.columns = columns.map(({ key, width, style }) => ({ key, width, style }));
  const last = columns.length;
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).value = w('sheetTitle', { period: input.label.toUpperCase() });
  ws.getCell(1, 1).font = { name: 'Arial', bold: true, size: 13 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, last);
  ws.getCell(2, 1).value = t('reports:export.orgLine', {
    org: input.orgName,
    window: formatWindow(input.window.start, input.window.end),
    date: formatDate(input.today),
  });
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  ws.getCell(2, 1).font = font;
  ws.mergeCells(3, 1, 3, last);
  ws.getCell(3, 1).value = w('sheetNote');
  ws.getCell(3, 1).font = { ...font, italic: true };
  ws.getCell(3, 1).alignment = { horizontal: 'center', wrapText: true };
  const header = ws.getRow(HEADER);
  header.values = columns.map((c) => c.header);
  styleHeader(header);
  header.font = { ...font, bold: true };
  header.height = rowHeight(ws, header);
  rows.forEach((r, i) => {
    const row = ws.addRow({
      stt: i + 1,
      department: input.deptName(r.department),
      due: r.due,
      onTime: r.onTime,
      late: r.late,
      notDone: r.notDone,
      // The exact share, shown as a whole percentage: the sheet sorts by it as the ranking does.
      rate: r.due ? r.onTime / r.due : 0,
      extended: r.extended,
      returned: r.returned,
    });
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
  });
  ws.autoFilter = { from: { row: HEADER, column: 1 }, to: { row: HEADER, column: last } };
  ws.pageSetup.printArea = `A1:${ws.getColumn(last).letter}${Math.max(ws.rowCount, HEADER)}`;
}

/**
 * exceljs is loaded by the first workbook, not when the bot starts (~19 MB once loaded, and it stays): a
 * bot process that only answers /status and status updates never needs it.
 */
export function loadExcelJs(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  return require('exceljs') as typeof ExcelJS;
}

export async function buildWorkbook(input: WorkbookInput): Promise<Buffer> {
  const wb = new (loadExcelJs().Workbook)();
  wb.creator = 'lmhtx-bot';
  wb.title = `${input.orgName} – ${input.label}`;
  addSummary(wb, input);
  addTasks(wb, input);
  if (input.scorecard) addScorecard(wb, input, input.scorecard);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
