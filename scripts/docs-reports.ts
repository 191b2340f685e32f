/**
 * npm run docs:reports — regenerates what the README shows leaders get: docs/status-q2-hai-phong-2025.png
 * (the /status Q2 picture) and docs/report-xlsx.md (the /export Q2 workbook, described in text). Loads the
 * Hải Phòng seed plans into a throwaway database on MONGODB_URI (dropped afterwards), as of 15/05/2025,
 * and records a few sample updates through the same path chat commands use, so every category shows.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { periodLabel } from '../src/bot/commands/report-target';
import { formatDate } from '../src/shared/date-format';
import { addDays, compareDates, quarterPeriod, yearPeriod } from '../src/domain/calendar';
import { importPlanFile } from '../src/import/import-plan';
import { applyReviewedTitles, readReviewedTitles } from '../src/import/reviewed-titles';
import { extractText } from '../src/import/extract-text';
import { exportReport } from '../src/report/export-report';
import { departmentSummaries, findPeriodTasks } from '../src/report/period-tasks';
import { closeChartPool, statusChartPng } from '../src/report/status-chart';
import { t } from '../src/shared/i18n';
import { connectStore, disconnectStore, dropStoreDatabase } from '../src/store/connect';
import { findOrgBySlug, listDepartments, upsertOrgDirectory } from '../src/store/org-repository';
import { loadPlan } from '../src/store/plan-loader';
import { findTaskById } from '../src/store/task-repository';
import { commitTaskChange } from '../src/store/task-commit';
import { orgDirectory } from './org-directory';

const ORG = 'hai-phong';
const AS_OF = '2025-05-15';
const TZ = 'Asia/Ho_Chi_Minh';
const DOCS = path.join(__dirname, '..', 'docs');
const SEEDS = path.join(__dirname, '..', 'data', 'seeds');
const words = (key: string, vars?: Record<string, unknown>): string => t('vi', key, vars);
const at = (date: string): Date => new Date(`${date}T09:00:00+07:00`);

async function seed(): Promise<void> {
  const directory = orgDirectory();
  const entry = directory[ORG];
  if (!entry) throw new Error(`${ORG} is not in data/orgs.json`);
  await upsertOrgDirectory(ORG, entry);
  const files = readdirSync(SEEDS);
  for (const name of entry.seeds ?? []) {
    if (!files.includes(name)) throw new Error(`data/seeds/${name} is missing`);
    const file = path.join(SEEDS, name);
    const draft = applyReviewedTitles(
      await importPlanFile(file, { org: ORG, directory }),
      readReviewedTitles(file),
    );
    await loadPlan(draft, await extractText(file), name, new Date(`${AS_OF}T08:00:00+07:00`));
  }
}

/** Every third finished task done on time, every third late, the rest left overdue; half the running ones at 50%. */
async function sampleUpdates(orgId: string): Promise<number> {
  const tasks = await findPeriodTasks(orgId, quarterPeriod(2025, 2), TZ);
  const by = { platform: 'console', chatId: 'docs', userId: 'docs', userName: 'Chuyên viên (mẫu)' };
  let n = 0;
  for (const [i, row] of tasks.entries()) {
    // The change needs the whole task (revision, history), which the report's rows leave out.
    const task = await findTaskById(row.id);
    if (!task) continue;
    const end = task.end;
    let change: { action: 'done' | 'progress'; progress?: number; when: string; text: string } | null = null;
    if (end && compareDates(end, AS_OF) < 0) {
      if (i % 3 === 0) change = { action: 'done', when: end, text: `/xong ${task.number} đã gửi báo cáo` };
      else if (i % 3 === 1) {
        const late = addDays(end, 5);
        const when = compareDates(late, AS_OF) < 0 ? late : AS_OF;
        change = { action: 'done', when, text: `/xong ${task.number} hoàn thành, chậm do chờ số liệu` };
      }
    } else if (i % 2 === 0 && task.start && compareDates(task.start, AS_OF) <= 0) {
      change = {
        action: 'progress',
        progress: 50,
        when: AS_OF,
        text: `/capnhat ${task.number} 50% đang triển khai`,
      };
    }
    if (!change) continue;
    const action =
      change.action === 'done'
        ? { kind: 'done' as const, note: null }
        : { kind: 'progress' as const, progress: change.progress ?? 0, note: null };
    await commitTaskChange(
      task,
      action,
      ['admin'],
      { acceptance: false },
      {
        by,
        dedupeKey: `docs:${task.number}`,
        messageId: null,
        text: change.text,
        at: at(change.when),
        today: change.when,
      },
    );
    n++;
  }
  return n;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value instanceof Date) return formatDate(value.toISOString().slice(0, 10));
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(rows: ExcelJS.CellValue[][]): string {
  const [head = [], ...body] = rows;
  return [
    `| ${head.map(cellText).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...body.map((r) => `| ${head.map((_, i) => cellText(r[i] ?? null)).join(' | ')} |`),
  ].join('\n');
}

function values(ws: ExcelJS.Worksheet, from: number, to = ws.rowCount): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  for (let r = from; r <= to; r++) out.push((ws.getRow(r).values as ExcelJS.CellValue[]).slice(1));
  return out;
}

async function describeWorkbook(data: Buffer, filename: string, updates: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const summary = wb.worksheets[0]!;
  const tasks = wb.worksheets[1]!;
  const columns = (tasks.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((h, i) => {
    const col = tasks.getColumn(i + 1);
    const format = col.numFmt ? `\`${col.numFmt}\`` : col.alignment?.wrapText ? 'text, wrapped' : 'text';
    return `| ${cellText(h)} | ${col.width ?? ''} | ${format} |`;
  });
  const progressColumn = (tasks.getRow(1).values as ExcelJS.CellValue[])
    .slice(1)
    .indexOf(words('reports:export.progress'));
  return `# What \`/export Q2\` sends: the quarterly report workbook

<!-- Generated by \`npm run docs:reports\` from the Hải Phòng seed plans; do not edit by hand. -->

\`/export Q2\` (or \`/xuat quý 2\`, \`/export 2025\`, \`/export <phòng>\`) answers in the group with one
file, **${filename}**, and the caption "${words('reports:export.caption', { period: 'Quý II/2025', count: tasks.rowCount - 1 })}".
The same workbook is written at a desk with
\`npm run -s export -- --org ${ORG} --period Q2/2025 --out ${filename}\`.

This description is of the file made from the Hải Phòng 2025 seed plans as of ${formatDate(AS_OF)}, after
${updates} sample updates recorded by the script (the seed plans themselves carry no progress).

Both sheets print on **A4 landscape** with the header row repeated on every page. The task sheet's print
area is its first seven columns — STT, Nội dung, Chủ trì, Phối hợp, Thời hạn, Kết quả, Ghi chú — at 10 pt
and 100 %, each row as tall as its wrapped text, "Trang n/m" in the footer; the other columns stand beside
it for sorting and filtering. A printed page (LibreOffice → PDF → PNG, by this script):

![The task sheet printed on A4 landscape by LibreOffice](report-print-hai-phong-2025.png)

## Sheet 1 — "${summary.name}"

Row 1 is the title (**${cellText(summary.getCell('A1').value)}**), row 2 the organisation, period and
"tính đến" date: *${cellText(summary.getCell('A2').value)}*. Row 4 is the header (frozen, with an autofilter);
one row per lead department follows — the same numbers as the /status picture — and a total row that counts
each task once (a task led by two departments appears in both rows).

${table(values(summary, 4))}

## Sheet 2 — "${tasks.name}"

One row per task of the period, in the reporting table's shape. The header row is frozen and has an
autofilter; dates are real Excel dates shown \`dd/mm/yyyy\` (sortable and filterable), progress is a number
shown as a percentage.

| Column | Width | Format |
| --- | --- | --- |
${columns.join('\n')}

The first rows:

${table(values(tasks, 1, Math.min(tasks.rowCount, 6)).map((r, i) => r.slice(0, 12).map((v, c) => (i > 0 && c === progressColumn && typeof v === 'number' ? `${Math.round(v * 100)}%` : v))))}
`;
}

/**
 * The task sheet as a leader prints it: LibreOffice (soffice) to PDF, its first page to PNG with pdftoppm.
 * Both are system programs (libreoffice-calc-nogui, poppler-utils); without them the picture is kept.
 */
function printedPage(xlsx: Buffer, png: string): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), 'lmhtx-print-'));
  try {
    const book = path.join(dir, 'bao-cao.xlsx');
    writeFileSync(book, xlsx);
    const pdf = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, book], {
      stdio: 'ignore',
      env: { ...process.env, HOME: dir },
    });
    if (pdf.status !== 0) return false;
    // The summary is page 1; the task sheet starts on page 2.
    const page = spawnSync('pdftoppm', [
      '-png',
      '-r',
      '70',
      '-f',
      '2',
      '-l',
      '2',
      '-singlefile',
      path.join(dir, 'bao-cao.pdf'),
      png.replace(/\.png$/, ''),
    ]);
    return page.status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is required (a server where a throwaway database may be created)');
  await connectStore(uri, `lmhtx_docs_${process.pid}`);
  try {
    await seed();
    const org = await findOrgBySlug(ORG);
    if (!org) throw new Error('seeding failed');
    const updates = await sampleUpdates(org.id);
    const departments = await listDepartments(org.id);
    const names = new Map(departments.map((d) => [d.slug, d.name]));
    const period = quarterPeriod(2025, 2);
    const label = periodLabel(words, period);
    const tasks = await findPeriodTasks(org.id, period, TZ);
    const png = await statusChartPng(
      words,
      departmentSummaries(tasks, AS_OF),
      { deptName: (s) => names.get(s) ?? s, noLead: words('common.noLead') },
      label,
      AS_OF,
    );
    await writeFile(path.join(DOCS, 'status-q2-hai-phong-2025.png'), png);
    const report = await exportReport({ org, departments, period, label, today: AS_OF, tz: TZ, t: words });
    if (!report) throw new Error('no tasks in Q2 2025');
    await writeFile(
      path.join(DOCS, 'report-xlsx.md'),
      await describeWorkbook(report.data, report.filename, updates),
    );
    const year = await exportReport({
      org,
      departments,
      period: yearPeriod(2025),
      label: '2025',
      today: AS_OF,
      tz: TZ,
      t: words,
    });
    const printed = year ? printedPage(year.data, path.join(DOCS, 'report-print-hai-phong-2025.png')) : false;
    console.log(
      `docs/status-q2-hai-phong-2025.png, docs/report-xlsx.md: ${tasks.length} tasks, ${updates} sample updates` +
        (printed
          ? '; docs/report-print-hai-phong-2025.png'
          : '; no LibreOffice/pdftoppm: printed page not redrawn'),
    );
  } finally {
    await dropStoreDatabase().catch(() => undefined);
    await closeChartPool();
    await disconnectStore();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Lỗi / error: ${(err as Error).message}\n`);
  process.exit(1);
});
