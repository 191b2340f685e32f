/**
 * The full plan draft as a spreadsheet the secretary can read on a phone, fix (a title the scan damaged)
 * and hand back: `npm run import -- --draft ban-nhap.xlsx` loads the corrected file. Department codes
 * sit beside their names so the file reads well and loads exactly. A title the scan damaged has the
 * repair the importer proposes beside it ("Đề xuất sửa tên"): copied into "Nội dung", it loads.
 */
import type * as ExcelJS from 'exceljs';
import { loadExcelJs } from '../report/xlsx';
import type { DraftTask, LocalDate, OrgDirectory, PlanDraft, TaskKind } from '../domain/task';
import { TASK_KINDS } from '../domain/task';
import { checkTitle } from '../domain/ocr-check';
import { formatDate } from '../shared/date-format';

const TASKS_SHEET = 'Nhiệm vụ';
const PLAN_SHEET = 'Kế hoạch';

const COLUMNS = [
  { header: 'Mục', key: 'ref', width: 8 },
  { header: 'Nội dung', key: 'title', width: 70 },
  { header: 'Chủ trì', key: 'leadNames', width: 28 },
  { header: 'Phối hợp', key: 'supportNames', width: 28 },
  { header: 'Bắt đầu', key: 'start', width: 12 },
  { header: 'Kết thúc', key: 'end', width: 12 },
  { header: 'Thời gian (theo văn bản)', key: 'timeText', width: 30 },
  { header: 'Cần xem lại', key: 'check', width: 40 },
  { header: 'Loại', key: 'kind', width: 10 },
  { header: 'Mã chủ trì', key: 'lead', width: 20 },
  { header: 'Mã phối hợp', key: 'support', width: 20 },
  // Last, so the columns before keep their places in files corrected before it existed.
  { header: 'Đề xuất sửa tên', key: 'proposed', width: 70 },
] as const;
/** Columns a corrected file may lack: files sent before they existed still load. */
const OPTIONAL = new Set<string>(['proposed']);

export async function draftWorkbook(
  draft: PlanDraft,
  deptName: (slug: string) => string,
  checkWords: { damaged: string; noAccents: string; noLead: string; noDate: string },
): Promise<Buffer> {
  const wb = new (loadExcelJs().Workbook)();
  const sheet = wb.addWorksheet(TASKS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ ...c }));
  sheet.getRow(1).font = { bold: true };
  for (const t of draft.tasks) {
    const ocr = checkTitle(t.title);
    const notes = [
      ocr.words.length ? `${checkWords.damaged}: ${ocr.words.join(', ')}` : null,
      ocr.noAccents ? checkWords.noAccents : null,
      t.lead.length === 0 ? checkWords.noLead : null,
      t.end === null ? checkWords.noDate : null,
      ...(t.unknown_units ?? []).map((u) => `? ${u}`),
    ].filter(Boolean);
    const row = sheet.addRow({
      ref: t.ref,
      title: t.title,
      proposed: t.proposed_title ?? '',
      leadNames: t.lead.map(deptName).join(', '),
      supportNames: t.support.map(deptName).join(', '),
      start: t.start ? formatDate(t.start) : '',
      end: t.end ? formatDate(t.end) : '',
      timeText: t.time_text ?? '',
      check: notes.join('; '),
      kind: t.kind,
      lead: t.lead.join(', '),
      support: t.support.join(', '),
    });
    row.alignment = { wrapText: true, vertical: 'top' };
    if (notes.length) row.getCell('check').font = { color: { argb: 'FFC00000' } };
  }
  const plan = wb.addWorksheet(PLAN_SHEET);
  plan.columns = [
    { header: 'Trường', key: 'k', width: 16 },
    { header: 'Giá trị', key: 'v', width: 70 },
  ];
  plan.addRows([
    { k: 'org', v: draft.org },
    { k: 'title', v: draft.title },
    { k: 'doc_number', v: draft.doc_number ?? '' },
    { k: 'issued_on', v: draft.issued_on ?? '' },
    { k: 'year', v: draft.year },
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export class DraftFileError extends Error {}

/** What in a (hand-corrected) draft the directory or the calendar cannot take; empty when it loads. */
export function checkDraft(draft: PlanDraft, directory: OrgDirectory): string[] {
  const entry = directory[draft.org];
  if (!entry) return [`Không có tổ chức / unknown organisation "${draft.org}"`];
  const known = new Set(Object.keys(entry.departments));
  const problems: string[] = [];
  for (const t of draft.tasks) {
    for (const slug of [...t.lead, ...t.support])
      if (!known.has(slug))
        problems.push(
          `${t.ref}: mã đơn vị không có / unknown department code "${slug}" (có / known: ${[...known].join(', ')})`,
        );
    if (t.start && t.end && t.start > t.end)
      problems.push(`${t.ref}: bắt đầu sau kết thúc / starts after it ends (${t.start} > ${t.end})`);
    if (!(TASK_KINDS as readonly string[]).includes(t.kind))
      problems.push(`${t.ref}: loại / kind "${t.kind}"?`);
  }
  return problems;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v).trim();
}

/** "20/04/2025" (as written) or a date cell → 2025-04-20. */
function dateOf(raw: string, where: string): LocalDate | null {
  if (!raw) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (iso) return raw;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (!m) throw new DraftFileError(`${where}: "${raw}" is not a date dd/mm/yyyy`);
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

const list = (s: string): string[] =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Reads a draft spreadsheet (as written by draftWorkbook, perhaps corrected) back into a PlanDraft. */
export async function readDraftWorkbook(data: Buffer): Promise<PlanDraft> {
  const wb = new (loadExcelJs().Workbook)();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(TASKS_SHEET);
  const plan = wb.getWorksheet(PLAN_SHEET);
  if (!sheet || !plan)
    throw new DraftFileError(`the file has no "${TASKS_SHEET}" and "${PLAN_SHEET}" sheets`);
  const meta = new Map<string, string>();
  plan.eachRow((row, i) => {
    if (i > 1) meta.set(cellText(row.getCell(1).value), cellText(row.getCell(2).value));
  });
  const header = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const key = COLUMNS.find((c) => c.header === cellText(cell.value))?.key;
    if (key) header.set(key, col);
  });
  for (const c of COLUMNS)
    if (!header.has(c.key) && !OPTIONAL.has(c.key))
      throw new DraftFileError(`column "${c.header}" is missing`);
  const tasks: DraftTask[] = [];
  sheet.eachRow((row, i) => {
    if (i === 1) return;
    const get = (key: string): string => cellText(row.getCell(header.get(key)!).value);
    const title = get('title');
    if (!title) return;
    const kind = get('kind');
    if (!(TASK_KINDS as readonly string[]).includes(kind))
      throw new DraftFileError(`row ${i}: kind "${kind}" is not one of ${TASK_KINDS.join(', ')}`);
    const start = dateOf(get('start'), `row ${i}`);
    const end = dateOf(get('end'), `row ${i}`);
    tasks.push({
      ref: get('ref') || String(i - 1),
      title,
      kind: kind as TaskKind,
      lead: list(get('lead')),
      support: list(get('support')),
      start: start ?? end,
      end: end ?? start,
      time_text: get('timeText') || null,
    });
  });
  const year = Number(meta.get('year'));
  const org = meta.get('org');
  const title = meta.get('title');
  if (!org || !title || !Number.isInteger(year))
    throw new DraftFileError('the plan sheet lacks org, title or year');
  return {
    org,
    title,
    doc_number: meta.get('doc_number') || null,
    issued_on: meta.get('issued_on') || null,
    year,
    tasks,
    warnings: [],
  };
}
