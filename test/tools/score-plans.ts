/**
 * Scores the importer on a folder of plans with their answer keys, the way a new alliance would meet it:
 *
 *   node --import tsx test/tools/score-plans.ts [--verbose] [--only 200,201] DIR [DIR…]
 *
 * DIR holds `NNN.json` keys in the gold shape (their "seed" names the plan file: beside them, in
 * test/fixtures/plans/<same sub-folder>, in DIR/../seeds or data/seeds) and an `orgs.json`. Each plan is imported from its bytes, as the CLI and the bot
 * would, the drafts written to a temporary folder, and test/tools/score-import.mjs (a copy of
 * shared/tools/score-import.mjs) prints per-plan and overall figures. Exit status is the scorer's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { OrgDirectory, PlanDraft } from '../../src/domain/task';
import { isImportError } from '../../src/import/import-error';
import { importPlanBytes } from '../../src/import/import-plan';
import { tableDocx, type TableSource } from '../unit/plan-parser/table-documents';

const repo = path.resolve(__dirname, '..', '..');
const scorer = path.join(repo, 'test', 'tools', 'score-import.mjs');

interface Key {
  seed: string;
  org: string;
}

/** Where a key's plan lives: beside it, or (for the project's fixtures) in the plans folder. */
function planFile(dir: string, seed: string): string {
  const beside = path.join(dir, seed);
  if (existsSync(beside)) return beside;
  const rel = path.relative(path.join(repo, 'test', 'fixtures', 'gold'), dir);
  const candidates = [
    path.join(repo, 'test', 'fixtures', 'plans', rel, seed), // the project's fixtures
    path.join(dir, '..', 'seeds', seed), // shared/gold beside shared/seeds
    path.join(repo, 'data', 'seeds', seed), // the project's copy of the seeds
  ];
  const found = candidates.find((c) => existsSync(c));
  if (found) return found;
  throw new Error(`${seed}: not found beside its key in ${dir}`);
}

export async function draftsOf(dir: string, only?: Set<string>): Promise<Record<string, PlanDraft>> {
  const shipped = JSON.parse(readFileSync(path.join(repo, 'data', 'orgs.json'), 'utf8')) as OrgDirectory;
  const own = JSON.parse(readFileSync(path.join(dir, 'orgs.json'), 'utf8')) as OrgDirectory;
  const directory: OrgDirectory = { ...shipped, ...own };
  const out: Record<string, PlanDraft> = {};
  for (const f of readdirSync(dir).filter((n) => /^\d{3}\.json$/.test(n))) {
    const key = f.slice(0, 3);
    if (only && !only.has(key)) continue;
    const k = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Key;
    const file = planFile(dir, k.seed);
    try {
      // A table source (.json, see table-documents.ts) is imported as the Word file made from it.
      const bytes = file.endsWith('.json')
        ? await tableDocx(JSON.parse(readFileSync(file, 'utf8')) as TableSource)
        : readFileSync(file);
      const name = path.basename(file).replace(/\.json$/, '.docx');
      out[key] = await importPlanBytes(bytes, name, { org: k.org, directory });
    } catch (e) {
      // A refused plan scores zero instead of stopping the others.
      if (!isImportError(e)) throw e;
      out[key] = {
        org: k.org,
        title: '',
        doc_number: null,
        issued_on: null,
        year: 0,
        tasks: [],
        warnings: [],
      };
    }
  }
  return out;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { verbose: { type: 'boolean', default: false }, only: { type: 'string' } },
  });
  let status = 0;
  for (const dir of positionals.map((d) => path.resolve(d))) {
    const only = values.only ? new Set(values.only.split(',')) : undefined;
    const drafts = await draftsOf(dir, only);
    const out = mkdtempSync(path.join(tmpdir(), 'plan-drafts-'));
    for (const [key, d] of Object.entries(drafts))
      writeFileSync(path.join(out, `${key}.json`), JSON.stringify(d));
    const args = [scorer, '--pred-dir', out, '--gold-dir', dir, '--orgs', path.join(dir, 'orgs.json')];
    if (values.only) args.push('--only', values.only);
    if (values.verbose) args.push('--verbose');
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    console.log(
      `== ${path.relative(process.cwd(), dir) || dir}\n${run.stdout.trim()}${run.stderr ? `\n${run.stderr.trim()}` : ''}`,
    );
    status = Math.max(status, run.status ?? 2);
  }
  return status;
}

if (require.main === module) void main().then((s) => process.exit(s));
