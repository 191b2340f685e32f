/**
 * npm run -s import -- [--json | --dry-run] --org <slug> [--orgs-file FILE] [--year YYYY] <file>
 *   --json      print the draft as JSON on stdout; touches no database
 *   --dry-run   show the table of tasks and warnings; touches no database
 *   --take-document N,N|all  where the document and a change made in chat disagree, take the document's
 *               value for these conflicts (numbered as printed); by default chat's change is kept
 *   --sua-ten   load the repairs the review proposes for titles a scan damaged (as `/xacnhan sửa tên`)
 *   (neither)   show the table, then load the tasks (again = update in place, status and history kept)
 *   An organisation set up in chat (not in data/orgs.json or --orgs-file) is read from the store.
 * npm run -s import -- [--dry-run] [--orgs-file FILE] --draft ban-nhap.xlsx
 *   loads a draft the bot sent (or `--json` wrote), after a person corrected it: damaged titles, dates, units
 */
import { parseArgs } from 'node:util';
import { isImportError } from '../src/import/import-error';
import { importPlanFile } from '../src/import/import-plan';
import { acceptTitleRepairs } from '../src/import/title-repairs';
import { extractText } from '../src/import/extract-text';
import { departmentNames, formatTable } from './draft-table';
import { orgDirectory } from './org-directory';
import { loadDraft } from './load-draft';
import type { LoadResult } from '../src/store/plan-loader';
import { readFileSync } from 'node:fs';
import type { OrgDirectory, PlanDraft } from '../src/domain/task';
import { loadConfigOrExit } from '../src/app/load-env';
import { connectStore, disconnectStore } from '../src/store/connect';
import { storedDirectoryEntry } from '../src/store/org-repository';
import { checkDraft, readDraftWorkbook } from '../src/bot/draft-file';

const USAGE =
  'Cách dùng / usage: npm run -s import -- [--json | --dry-run] --org <slug> [--orgs-file FILE] [--year YYYY] [--take-document N,N|all] [--sua-ten] <file>\n' +
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
        'take-document': { type: 'string' },
        'sua-ten': { type: 'boolean', default: false },
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
  // An organisation set up in chat lives only in the store: its departments come from there.
  const directory = await withStoredOrg(orgDirectory(values['orgs-file']), values.org);
  const parsed = await importPlanFile(file, { org: values.org, directory, year });
  const draft = values['sua-ten'] ? acceptTitleRepairs(parsed) : parsed;
  if (values.json) {
    process.stdout.write(`${JSON.stringify(draft, null, 2)}\n`);
    return 0;
  }
  if (values['dry-run']) {
    console.log(formatTable(draft, undefined, departmentNames(directory, values.org)));
    return 0;
  }
  const take = takeDocumentOf(values['take-document']);
  if (take === null)
    return fail(
      `--take-document nhận số xung đột (1,3) hoặc "all" / takes conflict numbers (1,3) or "all"\n${USAGE}`,
    );
  const loaded = await loadDraft(draft, await extractText(file), file, directory, take);
  console.log(formatTable(draft, loaded.numbers, departmentNames(directory, values.org)));
  printMerge(loaded, take);
  console.log(
    `\nĐã nạp / loaded: ${loaded.created} mới / new, ${loaded.updated} cập nhật / updated, ${loaded.unchanged} không đổi / unchanged.`,
  );
  for (const m of loaded.missing)
    console.log(
      `Lưu ý / note: việc số ${m.number} "${m.title}" không còn trong văn bản (giữ nguyên) / no longer in the document (kept).`,
    );
  return 0;
}

/** `--take-document 1,3` or `all`: conflicts where the document's value wins; null when unreadable. */
function takeDocumentOf(value: string | undefined): number[] | 'all' | null {
  if (!value) return [];
  if (/^(all|tat-ca|van-ban)$/i.test(value.trim())) return 'all';
  const parts = value.split(/[\s,]+/).filter(Boolean);
  return parts.every((p) => /^\d{1,3}$/.test(p)) ? parts.map(Number) : null;
}

/** Fields the document and chat both changed, and how each was settled; deleted tasks kept deleted. */
function printMerge(loaded: LoadResult, take: number[] | 'all'): void {
  const chosen = (i: number) => take === 'all' || take.includes(i);
  for (const c of loaded.conflicts)
    console.log(
      `Xung đột / conflict ${c.index}: việc số ${c.number}, ${c.field}: văn bản / document ${JSON.stringify(c.document)}, chat ${JSON.stringify(c.chat)} → ${chosen(c.index) ? 'theo văn bản / document' : 'giữ theo chat / kept from chat'}`,
    );
  if (loaded.conflicts.some((c) => !chosen(c.index)))
    console.log(
      'Lấy theo văn bản / take the document: --take-document <số / numbers> hoặc / or --take-document all',
    );
  for (const d of loaded.keptDeleted)
    console.log(
      `Giữ đã xoá / kept deleted: việc số ${d.number} "${d.title}" đã xoá trong chat, không tạo lại / deleted in chat, not re-created.`,
    );
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

async function withStoredOrg(directory: OrgDirectory, slug: string): Promise<OrgDirectory> {
  if (Object.hasOwn(directory, slug) || !process.env.MONGODB_URI) return directory;
  await connectStore(loadConfigOrExit().mongodbUri);
  try {
    const entry = await storedDirectoryEntry(slug);
    return entry ? { ...directory, [slug]: entry } : directory;
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
    process.stderr.write(
      `${isImportError(err) ? err.describe() : `Lỗi / error: ${(err as Error).message}`}\n`,
    );
    process.exit(1);
  },
);
