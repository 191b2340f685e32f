/**
 * npm run -s export -- --org <slug> --period Q2/2025 --out file.xlsx [--department <phòng>] [--lang vi|en]
 *   Writes the same workbook /export sends into a group, for whoever prepares the quarterly report at a desk.
 *   --period   Q2/2025, "quý II 2025", 5/2025, 2025, "6 tháng đầu năm 2025" (as /status reads them)
 *   "Tính đến" is today (or BOT_NOW when set).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../src/app/load-env';
import { periodLabel } from '../src/bot/commands/report-target';
import { parseLocalDate, parsePeriod, toLocalDate } from '../src/domain/calendar';
import { exportReport } from '../src/report/export-report';
import { isLocale, t } from '../src/shared/i18n';
import { connectStore, disconnectStore } from '../src/store/connect';
import { findOrgBySlug, listDepartments, matchDepartment } from '../src/store/org-repository';

const USAGE =
  'Cách dùng / usage: npm run -s export -- --org <slug> --period Q2/2025 --out file.xlsx [--department <phòng>] [--lang vi|en]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        org: { type: 'string' },
        period: { type: 'string' },
        out: { type: 'string' },
        department: { type: 'string' },
        lang: { type: 'string', default: 'vi' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`);
  }
  if (values.help) return (console.log(USAGE), 0);
  if (!values.org || !values.period || !values.out)
    return fail(`Thiếu --org, --period hoặc --out / missing --org, --period or --out\n${USAGE}`);
  const locale = values.lang;
  if (!isLocale(locale)) return fail('--lang phải là vi hoặc en / --lang must be vi or en');
  const words = (key: string, vars?: Record<string, unknown>): string => t(locale, key, vars);

  const config = loadConfigOrExit();
  const today = toLocalDate(config.botNow ?? new Date(), config.tz);
  const period = parsePeriod(values.period, parseLocalDate(today).year);
  if (!period) return fail(`Không hiểu kỳ báo cáo “${values.period}” / cannot read the period\n${USAGE}`);

  await connectStore(config.mongodbUri);
  try {
    const org = await findOrgBySlug(values.org);
    if (!org) return fail(`Không có tổ chức “${values.org}” / no organisation “${values.org}”`);
    const departments = await listDepartments(org.id);
    let department: string | undefined;
    if (values.department) {
      const found = matchDepartment(departments, values.department);
      if (found.length !== 1)
        return fail(
          `Không tìm thấy đúng một đơn vị “${values.department}” / no single unit matches. ${departments.map((d) => d.name).join(', ')}`,
        );
      department = found[0]!.slug;
    }
    const base = periodLabel(words, period);
    const label = department
      ? `${departments.find((d) => d.slug === department)?.name ?? department} – ${base}`
      : base;
    const report = await exportReport({
      org,
      departments,
      period,
      label,
      department,
      today,
      tz: config.tz,
      t: words,
    });
    if (!report) return fail(words('reports:export.none', { period: label }));
    await writeFile(values.out, report.data);
    console.log(`${values.out}: ${report.tasks} việc / tasks, ${label}`);
    return 0;
  } finally {
    await disconnectStore();
  }
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`Lỗi / error: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
