/**
 * Imports the five real seed plans (shared/seeds, one an OCR scan) and scores the drafts against the
 * hand-made answer key with shared/tools/score-import.mjs: the CI gate for the importer's accuracy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parsePlan } from '../../../src/domain/plan-parser';
import type { OrgDirectory } from '../../../src/domain/task';

const repo = path.resolve(__dirname, '../../..');
// The shared material lives next to the repository (…/shared beside …/main).
const shared = path.resolve(repo, '..', 'shared');
const seeds = path.join(shared, 'seeds');
const scorer = path.join(shared, 'tools', 'score-import.mjs');
const directory = JSON.parse(readFileSync(path.join(repo, 'data', 'orgs.json'), 'utf8')) as OrgDirectory;

function orgOf(seed: string): string {
  const org = Object.entries(directory).find(([, entry]) => entry.seeds?.includes(seed))?.[0];
  if (!org) throw new Error(`no organisation lists the seed ${seed} in data/orgs.json`);
  return org;
}

describe('seed plans against the answer key', () => {
  it('finds the shared seeds and scorer', () => {
    expect({ seeds: existsSync(seeds), scorer: existsSync(scorer) }).toEqual({ seeds: true, scorer: true });
  });

  it('imports every seed well enough (score-import thresholds)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'seed-drafts-'));
    const files = readdirSync(seeds).filter((f) => /^\d{3}_.*\.txt$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const draft = parsePlan(readFileSync(path.join(seeds, file), 'utf8'), { org: orgOf(file), directory });
      writeFileSync(path.join(out, `${file.slice(0, 3)}.json`), JSON.stringify(draft, null, 2));
    }
    const run = spawnSync(
      process.execPath,
      [
        scorer,
        '--pred-dir',
        out,
        '--min-recall',
        '0.90',
        '--min-precision',
        '0.85',
        '--min-lead',
        '0.90',
        '--min-window',
        '0.90',
      ],
      { encoding: 'utf8' },
    );
    console.log(`score-import (${out}):\n${run.stdout}${run.stderr}`);
    expect(run.status).toBe(0);
  });

  it('reads the scan without diacritics as well as the others', () => {
    const file = readdirSync(seeds).find((f) => f.startsWith('003_'));
    if (!file) throw new Error('seed 003 is missing');
    const draft = parsePlan(readFileSync(path.join(seeds, file), 'utf8'), { org: orgOf(file), directory });
    expect(draft.doc_number).toBe('386/KH-LMHTX');
    expect(draft.issued_on).toBe('2024-12-24');
    expect(draft.year).toBe(2025);
    const withLead = draft.tasks.filter((t) => t.kind !== 'duty' && t.lead.length > 0);
    expect(withLead.length).toBeGreaterThanOrEqual(6);
  });
});
