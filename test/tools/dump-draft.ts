/**
 * Prints the draft the importer makes of one plan, one task per line, for reading a plan's misses:
 *
 *   node --import tsx test/tools/dump-draft.ts KEY_DIR NNN
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OrgDirectory } from '../../src/domain/task';
import { importPlanBytes } from '../../src/import/import-plan';

async function main(): Promise<void> {
  const [dir = '', key = ''] = process.argv.slice(2);
  const k = JSON.parse(readFileSync(path.join(dir, `${key}.json`), 'utf8')) as { seed: string; org: string };
  const repo = path.resolve(__dirname, '..', '..');
  const rel = path.relative(path.join(repo, 'test', 'fixtures', 'gold'), path.resolve(dir));
  const file = path.join(repo, 'test', 'fixtures', 'plans', rel, k.seed);
  const shipped = JSON.parse(readFileSync(path.join(repo, 'data', 'orgs.json'), 'utf8')) as OrgDirectory;
  const own = JSON.parse(readFileSync(path.join(dir, 'orgs.json'), 'utf8')) as OrgDirectory;
  try {
    const d = await importPlanBytes(readFileSync(file), path.basename(file), {
      org: k.org,
      directory: { ...shipped, ...own },
    });
    console.log(`year ${d.year} issued ${d.issued_on} title ${d.title}`);
    for (const t of d.tasks)
      console.log(
        `${t.kind.padEnd(8)} ${t.start ?? ''}..${t.end ?? ''} L=${(t.lead ?? []).join(',')} S=${(t.support ?? []).join(',')} | ${t.title.slice(0, Number(process.env.W ?? 90))}`,
      );
    for (const w of d.warnings) console.log(`! ${JSON.stringify(w).slice(0, 200)}`);
  } catch (e) {
    console.log('refused:', e instanceof Error ? e.message : e);
  }
}
void main();
