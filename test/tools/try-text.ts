/** Parses a text file against a set's organisation and prints its tasks (a developer's probe). */
import { readFileSync } from 'node:fs';
import type { OrgDirectory } from '../../src/domain/task';
import { parsePlan } from '../../src/domain/plan-parser';

const [file = '', orgsFile = '', org = ''] = process.argv.slice(2);
const directory = JSON.parse(readFileSync(orgsFile, 'utf8')) as OrgDirectory;
const d = parsePlan(readFileSync(file, 'utf8'), { org, directory });
for (const t of d.tasks)
  console.log(
    `${t.kind.padEnd(8)} ${t.start ?? ''}..${t.end ?? ''} L=${(t.lead ?? []).join(',')} S=${(t.support ?? []).join(',')} | ${t.title.slice(0, 100)}`,
  );
for (const w of d.warnings) console.log(`! ${JSON.stringify(w).slice(0, 200)}`);
