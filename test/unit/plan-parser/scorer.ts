/**
 * Runs the project's copy of the answer-key scorer (test/tools/score-import.mjs, the same tool as
 * shared/tools/score-import.mjs) on drafts and reads back its figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PlanDraft } from '../../../src/domain/task';

export const repo = path.resolve(__dirname, '../../..');
export const projectScorer = path.join(repo, 'test', 'tools', 'score-import.mjs');

export interface Figures {
  recall: number;
  precision: number;
  lead: number;
  window: number;
}

export interface Score {
  /** The scorer's own printout: one line per plan, then the overall line. */
  report: string;
  overall: Figures;
  /** Per key ("000", "101" …). */
  plans: Record<string, Figures>;
}

function figuresOf(line: string): Figures {
  const num = (name: string): number => Number(new RegExp(`${name}=([0-9.]+)`).exec(line)?.[1] ?? NaN);
  return { recall: num('recall'), precision: num('precision'), lead: num('lead'), window: num('window') };
}

/** Scores drafts keyed like the gold files ("000" → 000.json) against a gold folder. */
export function score(
  drafts: Record<string, PlanDraft>,
  goldDir: string,
  opts: { scorer?: string; orgs?: string; only?: string[]; verbose?: boolean } = {},
): Score {
  const out = mkdtempSync(path.join(tmpdir(), 'plan-drafts-'));
  for (const [key, draft] of Object.entries(drafts))
    writeFileSync(path.join(out, `${key}.json`), JSON.stringify(draft, null, 2));
  const args = [opts.scorer ?? projectScorer, '--pred-dir', out, '--gold-dir', goldDir];
  if (opts.orgs) args.push('--orgs', opts.orgs);
  if (opts.only) args.push('--only', opts.only.join(','));
  if (opts.verbose) args.push('--verbose');
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (run.status === 2 || run.error) throw new Error(`score-import failed: ${run.stderr}${run.error ?? ''}`);
  const report = run.stdout.trim();
  const plans: Record<string, Figures> = {};
  let overall: Figures | null = null;
  for (const line of report.split('\n')) {
    const key = /^(\d{3}|overall)\s/.exec(line)?.[1];
    if (key === 'overall') overall = figuresOf(line);
    else if (key) plans[key] = figuresOf(line);
  }
  if (!overall) throw new Error(`score-import printed no overall line:\n${report}`);
  return { report, overall, plans };
}

/** The figures below the thresholds, as "recall 0.85 < 0.90" lines (empty when all pass). */
export function shortfalls(f: Figures, min: number): string[] {
  return (Object.keys(f) as (keyof Figures)[])
    .filter((k) => !(f[k] >= min))
    .map((k) => `${k} ${f[k].toFixed(2)} < ${min.toFixed(2)}`);
}
