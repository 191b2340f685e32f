/**
 * npm run -s import -- [--json | --dry-run] --org <slug> [--orgs-file FILE] [--year YYYY] <file>
 *   --json      print the draft as JSON on stdout; touches no database
 *   --dry-run   show the table of tasks and warnings; touches no database
 *   (neither)   show the table, then load the tasks (again = update in place, status and history kept)
 * npm run -s import -- [--dry-run] [--orgs-file FILE] --draft ban-nhap.xlsx
 *   loads a draft the bot sent (or `--json` wrote), after a person corrected it: damaged titles, dates, units
 */
import { parseArgs } from 'node:util';
import { isImportError } from '../src/import/import-error';
import { importPlanFile } from '../src/import/import-plan';
import { extractText } from '../src/import/extract-text';
import { departmentNames, formatTable } from './draft-table';
import { orgDirectory } from './org-directory';
import { loadDraft } from './load-draft';
import { readFileSync } from 'node:fs';
import type { PlanDraft } from '../src/domain/task';
import { checkDraft, readDraftWorkbook } from '../src/bot/draft-file';

const USAGE =
  'Cách dùng / usage: npm run -s import -- [--json | --dry-run] --org <slug> [--orgs-file FILE] [--year YYYY] <file>\n' +
  '                   npm run -s import -- [--dry-run] [--orgs-file FILE] --draft <ban-nhap.xlsx | draft.json>';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        org: { type: 'string' },
        'orgs-file': { type: 'string' },
        year: { type: 'string' },
        draft: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = args;
  if (values.help) return (console.log(USAGE), 0);
  if (values.draft) return applyDraft(values.draft, values['orgs-file'], values['dry-run']);
  if (!values.org) return fail(`Thiếu --org <slug> / missing --org <slug>\n${USAGE}`);
  if (positionals.length !== 1)
    return fail(`Cần đúng một tệp kế hoạch / give exactly one plan file\n${USAGE}`);
  const year = values.year ? Number(values.year) : undefined;
  if (values.year && !/^\d{4}$/.test(values.year))
    return fail(`--year phải là năm, ví dụ 2025 / --year must be a year such as 2025`);

  const file = positionals[0]!;
  const directory = orgDirectory(values['orgs-file']);
  const draft = await importPlanFile(file, { org: values.org, directory, year });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(draft, null, 2)}\n`);
    return 0;
  }
  if (values['dry-run']) {
    console.log(formatTable(draft, undefined, departmentNames(directory, values.org)));
    return 0;
  }
  const loaded = await loadDraft(draft, await extractText(file), file, directory);
  console.log(formatTable(draft, loaded.numbers, departmentNames(directory, values.org)));
  console.log(
    `\nĐã nạp / loaded: ${loaded.created} mới / new, ${loaded.updated} cập nhật / updated, ${loaded.unchanged} không đổi / unchanged.`,
  );
  for (const m of loaded.missing)
    console.log(
      `Lưu ý / note: việc số ${m.number} "${m.title}" không còn trong văn bản (giữ nguyên) / no longer in the document (kept).`,
    );
  return 0;
}

/** A corrected draft file: checked against the directory, then loaded like any import. */
async function applyDraft(file: string, orgsFile: string | undefined, dryRun: boolean): Promise<number> {
  const directory = orgDirectory(orgsFile);
  const bytes = readFileSync(file);
  const draft = /\.json$/i.test(file)
    ? (JSON.parse(bytes.toString('utf8')) as PlanDraft)
    : await readDraftWorkbook(bytes);
  const problems = checkDraft(draft, directory);
  if (problems.length) return fail(problems.join('\n'));
  console.log(formatTable(draft));
  if (dryRun) return 0;
  // The file's own bytes identify this source, as a document's text does.
  const loaded = await loadDraft(draft, bytes.toString('base64'), file, directory);
  console.log(
    `\nĐã nạp / loaded: ${loaded.created} mới / new, ${loaded.updated} cập nhật / updated, ${loaded.unchanged} không đổi / unchanged.`,
  );
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `${isImportError(err) ? err.describe() : `Lỗi / error: ${(err as Error).message}`}\n`,
    );
    process.exit(1);
  },
);
