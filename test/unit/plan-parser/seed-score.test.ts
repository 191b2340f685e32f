/**
 * The CI gate for the importer's accuracy, with nothing outside the project: the five seed plans
 * (data/seeds) against their answer key (test/fixtures/gold), and six held-out plans in other layouts
 * and genres (test/fixtures/plans/held-out, key in test/fixtures/gold/held-out), scored by the
 * project's copy of the scorer. The figures are printed side by side. When the shared folder beside the
 * project exists (../shared), the seeds are scored against its key and scorer too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlan } from '../../../src/domain/plan-parser';
import type { OrgDirectory, PlanDraft } from '../../../src/domain/task';
import { isImportError } from '../../../src/import/import-error';
import { importPlanBytes } from '../../../src/import/import-plan';
import { repo, score, shortfalls, type Figures } from './scorer';
import { tableDocx, tablePdf, type TableSource } from './table-documents';
import { draftsOf } from '../../tools/score-plans';

const seeds = path.join(repo, 'data', 'seeds');
const gold = path.join(repo, 'test', 'fixtures', 'gold');
const heldOutGold = path.join(gold, 'held-out');
const heldOutPlans = path.join(repo, 'test', 'fixtures', 'plans', 'held-out');
const shared = path.resolve(repo, '..', 'shared');

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const shipped = readJson<OrgDirectory>(path.join(repo, 'data', 'orgs.json'));
const heldOutOrgs = readJson<OrgDirectory>(path.join(heldOutGold, 'orgs.json'));
const directory: OrgDirectory = { ...shipped, ...heldOutOrgs };

interface GoldFile {
  seed: string;
  org: string;
}

function seedDrafts(seedDir: string): Record<string, PlanDraft> {
  const out: Record<string, PlanDraft> = {};
  for (const file of readdirSync(seedDir).filter((f) => /^\d{3}_.*\.txt$/.test(f))) {
    const org = Object.entries(shipped).find(([, e]) => e.seeds?.includes(file))?.[0];
    if (!org) throw new Error(`no organisation lists the seed ${file} in data/orgs.json`);
    out[file.slice(0, 3)] = parsePlan(readFileSync(path.join(seedDir, file), 'utf8'), { org, directory });
  }
  return out;
}

const keys = readdirSync(heldOutGold)
  .filter((f) => /^\d{3}\.json$/.test(f))
  .map((f) => f.slice(0, 3));
const goldOf = (key: string): GoldFile => readJson<GoldFile>(path.join(heldOutGold, `${key}.json`));

/** A plan the importer refuses for want of items scores zero instead of stopping the other plans. */
async function orNothing(draft: Promise<PlanDraft>, org: string): Promise<PlanDraft> {
  try {
    return await draft;
  } catch (e) {
    if (!isImportError(e) || e.code !== 'no-items') throw e;
    return { org, title: '', doc_number: null, issued_on: null, year: 0, tasks: [], warnings: [] };
  }
}

/** Held-out drafts; a table source (.json) becomes a .docx and a .pdf made from it. */
async function heldOutDrafts(): Promise<{
  drafts: Record<string, PlanDraft>;
  pdf: Record<string, PlanDraft>;
}> {
  const drafts: Record<string, PlanDraft> = {};
  const pdf: Record<string, PlanDraft> = {};
  for (const key of keys) {
    const g = goldOf(key);
    const file = path.join(heldOutPlans, g.seed);
    const opts = { org: g.org, directory };
    if (g.seed.endsWith('.json')) {
      const src = readJson<TableSource>(file);
      const name = g.seed.replace(/\.json$/, '');
      drafts[key] = await orNothing(importPlanBytes(await tableDocx(src), `${name}.docx`, opts), g.org);
      pdf[key] = await orNothing(importPlanBytes(await tablePdf(src), `${name}.pdf`, opts), g.org);
    } else drafts[key] = await orNothing(importPlanBytes(readFileSync(file), g.seed, opts), g.org);
  }
  return { drafts, pdf };
}

const SEED_MIN = 0.95;
const HELD_OUT_MIN = 0.9;
const fmt = (f: Figures): string =>
  `recall=${f.recall.toFixed(2)} precision=${f.precision.toFixed(2)} lead=${f.lead.toFixed(2)} window=${f.window.toFixed(2)}`;

describe('plans against their answer keys (score-import)', () => {
  it('keeps the seeds, their key and the scorer inside the project', () => {
    expect(readdirSync(seeds).filter((f) => /^\d{3}_.*\.txt$/.test(f))).toHaveLength(5);
    expect(readdirSync(gold).filter((f) => /^\d{3}\.json$/.test(f))).toHaveLength(5);
    expect(keys.length).toBeGreaterThanOrEqual(6);
  });

  it('scores seeds ≥ 0.95 and held-out plans ≥ 0.90, printed side by side', async () => {
    const seedScore = score(seedDrafts(seeds), gold, { verbose: true });
    const { drafts, pdf } = await heldOutDrafts();
    const held = score(drafts, heldOutGold, { orgs: path.join(heldOutGold, 'orgs.json'), verbose: true });
    const pdfKeys = Object.keys(pdf);
    const pdfScore = pdfKeys.length
      ? score(pdf, heldOutGold, { orgs: path.join(heldOutGold, 'orgs.json'), only: pdfKeys, verbose: true })
      : null;
    const lines = [
      `${'seeds'.padEnd(22)} ${fmt(seedScore.overall)}`,
      `${'held-out'.padEnd(22)} ${fmt(held.overall)}`,
      ...(pdfScore
        ? pdfKeys.map(
            (k) => `${`${k} as .docx / .pdf`.padEnd(22)} ${fmt(held.plans[k]!)} / ${fmt(pdfScore.plans[k]!)}`,
          )
        : []),
    ];
    console.log(
      `score-import figures\n${lines.join('\n')}\n\nseeds:\n${seedScore.report}\n\nheld-out:\n${held.report}` +
        (pdfScore ? `\n\nheld-out tables as PDF:\n${pdfScore.report}` : ''),
    );
    expect({
      seeds: shortfalls(seedScore.overall, SEED_MIN),
      heldOut: shortfalls(held.overall, HELD_OUT_MIN),
      pdf: pdfScore ? shortfalls(pdfScore.overall, HELD_OUT_MIN) : [],
    }).toEqual({ seeds: [], heldOut: [], pdf: [] });
    // A plan as PDF imports as well as its Word twin.
    for (const k of pdfKeys) expect(pdfScore?.plans[k]).toEqual(held.plans[k]);
    // Optional: the shared answer key beside the project, when a session has it; never required.
    if (existsSync(path.join(shared, 'gold', '000.json')) && existsSync(path.join(shared, 'seeds'))) {
      const s = score(seedDrafts(path.join(shared, 'seeds')), path.join(shared, 'gold'), {
        scorer: path.join(shared, 'tools', 'score-import.mjs'),
      });
      console.log(`shared key (${shared}):\n${s.report}`);
      expect(shortfalls(s.overall, SEED_MIN)).toEqual([]);
    }
  });

  it('reads the scan without diacritics as well as the others', () => {
    const file = readdirSync(seeds).find((f) => f.startsWith('003_') && f.endsWith('.txt'));
    if (!file) throw new Error('seed 003 is missing');
    const draft = parsePlan(readFileSync(path.join(seeds, file), 'utf8'), { org: 'hai-phong', directory });
    expect(draft.doc_number).toBe('386/KH-LMHTX');
    expect(draft.issued_on).toBe('2024-12-24');
    expect(draft.year).toBe(2025);
    const withLead = draft.tasks.filter((t) => t.kind !== 'duty' && t.lead.length > 0);
    expect(withLead.length).toBeGreaterThanOrEqual(6);
  });
});

/**
 * The blind sets: plans and keys written by a helper who never read the parser, scored at first sight
 * (figures recorded in first-sight.json, never recomputed) and kept here as regression fixtures. Both
 * were read after their first sight and the parser improved on them by general mechanisms, so each is
 * guarded at the figures it reached after the changes made for it: A ≥ 0.90, B at its new figures
 * (1.00 on every one; first sight 0.81 / 0.95 / 0.41 / 0.88). Set C was read after its first sight too
 * (0.79 / 0.71 / 0.63 / 0.77) and improved by general mechanisms (timelines with "Thực hiện:" lines, two-line
 * table headers, appendices, phases, heads' posts …): it is guarded at its figures after those changes,
 * and never below its first sight. Set D was read after its first sight (0.75 / 0.66 / 0.29 /
 * 0.65, after the set-C mechanisms; 0.56 / 0.61 / 0.11 / 0.54 before) and improved by general mechanisms
 * (addressee headings, assignment matrices, month headings, output rates, unit lines and dash notes,
 * calendars whose rows stand apart): it is guarded at its figures after those changes, and never below
 * its first sight. Set E (the newest) has not been read: it must only not fall below its last first sight
 * (0.44 / 0.50 / 0.75 / 0.48).
 */
interface FirstSight {
  set: string;
  first_sight: { commit: string; what: string; overall: Figures }[];
}

const blindGold = (name: string): string => path.join(gold, name);
const firstSight = (name: string): FirstSight =>
  readJson<FirstSight>(path.join(blindGold(name), 'first-sight.json'));
const BLIND_SETS = [
  'blind-2026-12-a',
  'blind-2026-12-b',
  'blind-2026-12-c',
  'blind-2026-12-d',
  'blind-2026-12-e',
  'blind-2026-12-f',
  'blind-2026-12-g',
  'blind-2026-12-h',
  'blind-2026-12-i',
  'blind-2026-12-j',
  'blind-2026-12-k',
  'blind-2026-12-l',
  'blind-2026-12-m',
  'blind-2026-12-n',
  'blind-2026-12-o',
  'blind-2026-12-p',
  'blind-2026-12-q',
  'blind-2026-12-r',
  'blind-2026-12-s',
  'blind-2026-12-t',
  'blind-2026-12-u',
  'blind-2026-12-v',
  'blind-2026-12-w',
  'blind-2026-12-x',
  'blind-2026-12-y',
  'blind-2026-12-z',
  'blind-2026-12-aa',
];
/** Set B after the changes made for it (heading leads, assignment tables, timelines, rounds …). */
const BLIND_B_AFTER: Figures = { recall: 1, precision: 1, lead: 1, window: 1 };
/**
 * Set C after the changes made for it (first sight 0.79 / 0.71 / 0.63 / 0.77). Its congress plan (403) keys
 * no task for the congress itself, which the keys of sets T, U, V and W all key for their conference plans:
 * the importer follows the four, so C's precision is 0.99 (one task its key leaves out).
 */
const BLIND_C_AFTER: Figures = { recall: 1, precision: 0.99, lead: 1, window: 1 };
/** Set D after the changes made for it (first sight 0.75 / 0.66 / 0.29 / 0.65). */
const BLIND_D_AFTER: Figures = { recall: 0.83, precision: 0.87, lead: 0.81, window: 0.74 };
/** Set E after the CSV export and the reporting schedule's period and due cells were read (one plan of eight). */
const BLIND_E_AFTER: Figures = { recall: 0.58, precision: 0.56, lead: 0.81, window: 0.48 };
/** Set F after its campaign peak, assignment sentences and department-by-department list were read. */
const BLIND_F_AFTER: Figures = { recall: 0.85, precision: 0.87, lead: 0.94, window: 0.8 };
const NEWEST = BLIND_SETS[BLIND_SETS.length - 1] ?? '';
/** Sets guarded at their last first sight and, once read, at their figures after the changes made for them. */
const GUARDED_SINCE_FIRST_SIGHT: Record<string, Figures | null> = {
  'blind-2026-12-c': BLIND_C_AFTER,
  'blind-2026-12-d': BLIND_D_AFTER,
  'blind-2026-12-e': BLIND_E_AFTER,
  'blind-2026-12-f': BLIND_F_AFTER,
  'blind-2026-12-g': null, // read in part since (804, 803), still guarded at its first sight
  'blind-2026-12-h': null, // read in part since (903, 902)
  'blind-2026-12-i': null, // read in part since (111, 115)
  'blind-2026-12-j': null, // read since (120, 125)
  'blind-2026-12-k': null, // read in part since (136, 134, 132)
  'blind-2026-12-l': null, // read since its first sight (141–145)
  'blind-2026-12-m': null, // read since its last first sight (151, 153, 155)
  'blind-2026-12-n': null, // read since its first sight (161, 165, 167)
  'blind-2026-12-o': null, // read since its first sight (170, 171, 173, 174, 176, 177)
  'blind-2026-12-p': null, // read since its first sight (180, 181, 185, 186)
  'blind-2026-12-q': null, // read since its first sight (191, 192, 196)
  'blind-2026-12-r': null, // read since its first sight (211, 212, 213, 214, 215, 216)
  'blind-2026-12-s': null, // read since its last first sight (220–227)
  'blind-2026-12-t': null, // read in part since its first sight (231, 236)
  'blind-2026-12-u': null, // read in part since its first sight (241, 244, 245, 246)
  'blind-2026-12-v': null, // read in part since its first sight (250, 251)
  'blind-2026-12-w': null, // read in part since its first sight (260, 261)
  'blind-2026-12-x': null, // read in part since its two first sights (270)
  'blind-2026-12-y': null, // read in part since its first sight (281, 282, 284)
  'blind-2026-12-z': null, // read in part since its first sight (290, 294, 295, 297)
  'blind-2026-12-aa': null, // the newest, not read
};

describe('blind sets (score-import): first sight and now', () => {
  it("prints each set's first-sight figures beside today's; A ≥ 0.90, B to F at their figures after the changes, none below its first sight (lead and window as shares of the key found right)", async () => {
    const lines: string[] = [];
    const now: Record<string, Figures> = {};
    for (const name of BLIND_SETS) {
      const drafts = await draftsOf(blindGold(name));
      const s = score(drafts, blindGold(name), { orgs: path.join(blindGold(name), 'orgs.json') });
      now[name] = s.overall;
      for (const f of firstSight(name).first_sight)
        lines.push(`${`${name} first sight`.padEnd(30)} ${fmt(f.overall)}  (${f.commit.slice(0, 7)})`);
      lines.push(`${`${name} now`.padEnd(30)} ${fmt(s.overall)}`);
    }
    console.log(`blind sets (newest: ${NEWEST})\n${lines.join('\n')}`);
    expect(shortfalls(now['blind-2026-12-a']!, HELD_OUT_MIN)).toEqual([]);
    const first = firstSight('blind-2026-12-b').first_sight[0]!.overall;
    const nowB = now['blind-2026-12-b']!;
    // Figures print with two decimals: compare at that precision.
    const at2 = (f: Figures): Figures => ({
      recall: Number(f.recall.toFixed(2)),
      precision: Number(f.precision.toFixed(2)),
      lead: Number(f.lead.toFixed(2)),
      window: Number(f.window.toFixed(2)),
    });
    for (const k of ['recall', 'precision', 'lead', 'window'] as const) {
      expect(at2(nowB)[k]).toBeGreaterThanOrEqual(BLIND_B_AFTER[k]);
    }
    // The first sight stays recorded as it was measured, never recomputed.
    expect(first).toMatchObject({ recall: 0.81, precision: 0.95, lead: 0.41, window: 0.88 });
    // Sets C to H: never below their last first sight, nor below their figures after the changes made for
    // them (none for the newest, unread set). Lead and window are shares of the matched tasks, so a task
    // found that was missed before (its lead in a footnote, say) can lower them while the plan is read
    // better: they are compared as shares of the key's tasks found with the right lead or window
    // (lead × recall), and recall and precision as they are.
    const found = (f: Figures): Figures => ({
      ...f,
      lead: Number((f.lead * f.recall).toFixed(3)),
      window: Number((f.window * f.recall).toFixed(3)),
    });
    for (const [name, after] of Object.entries(GUARDED_SINCE_FIRST_SIGHT)) {
      const sight = found(firstSight(name).first_sight.at(-1)!.overall);
      const today = found(at2(now[name]!));
      for (const k of ['recall', 'precision', 'lead', 'window'] as const) {
        expect(`${name} ${k} ${today[k]}`).toBe(`${name} ${k} ${Math.max(today[k], sight[k])}`);
        if (after) {
          const then = found(after);
          expect(`${name} ${k} ${today[k]}`).toBe(`${name} ${k} ${Math.max(today[k], then[k])}`);
        }
      }
    }
  });
});
