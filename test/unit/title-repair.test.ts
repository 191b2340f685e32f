/**
 * Repairs proposed for titles a scan damaged. 003 (the OCR scan shipped as a sample) is the plan the
 * repair was built on: 0.89 of words and 9/28 titles as the secretary's reviewed draft the first time it
 * ran (vocabulary: the four clean seeds), 0.92 and 11/28 once the vocabulary counted every well-typed plan
 * the project holds. The Bắc Giang plan typed without accents was first repaired after that: 13/13
 * titles, its reviewed titles written by hand before the repair ever ran on it. A scan never teaches the
 * vocabulary its own words.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkTitle } from '../../src/domain/ocr-check';
import { buildVocabulary, isClean, repairTitle, scanDistance, skeleton } from '../../src/domain/title-repair';
import { acceptTitleRepairs, importPlanFile } from '../../src/import';
import { applyReviewedTitles, readReviewedTitles } from '../../src/import/reviewed-titles';
import { titleRepairer } from '../../src/import/title-repairs';
import type { OrgDirectory, PlanDraft } from '../../src/domain/task';
import { orgDirectory } from '../../scripts/org-directory';
import { GENRE_WORDS_FILE, genreWordsJson } from '../../scripts/build-genre-words';

const ROOT = path.join(__dirname, '..', '..');
const SCAN = path.join(ROOT, 'data', 'seeds', '003_117c8db4048098c3.txt');
const NO_ACCENTS = path.join(ROOT, 'test', 'fixtures', 'plans', 'bac-giang-ngay-htx-2024-khong-dau.txt');
const NO_ACCENTS_REVIEWED = path.join(
  ROOT,
  'test',
  'fixtures',
  'title-repair',
  'bac-giang-khong-dau.reviewed.json',
);

interface Reviewed {
  plan: string;
  titles: Record<string, string>;
}

/** Share of words in place that equal the reviewed title's, over the longer of the two. */
function wordAccuracy(pairs: Array<[string, string]>): number {
  let right = 0;
  let all = 0;
  for (const [got, want] of pairs) {
    const a = got.split(/\s+/);
    const b = want.split(/\s+/);
    all += Math.max(a.length, b.length);
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] === b[i]) right++;
  }
  return right / all;
}

async function repairsOf(file: string, org: string, directory: OrgDirectory, reviewed: Reviewed) {
  const draft = await importPlanFile(file, { org, directory });
  const repair = titleRepairer(readFileSync(file, 'utf8'), directory[org]);
  const items = [{ ref: null, title: draft.title }, ...draft.tasks];
  return items.map((t): [string, string] => [
    repair(t.title)?.title ?? t.title,
    t.ref === null ? reviewed.plan : reviewed.titles[t.ref]!,
  ]);
}

describe('skeletons and scan distance', () => {
  it('reads the glyphs a scan puts for letters, and finds misread words near the right ones', () => {
    expect(skeleton('T6')).toBe('to');
    expect(skeleton('K&')).toBe('ke');
    expect(skeleton('th}_rc')).toBe('thrc');
    expect(skeleton('Đồng')).toBe('dong');
    expect(scanDistance('chirc', 'chuc')).toBeLessThanOrEqual(1.5);
    expect(scanDistance('deng', 'dong')).toBe(0.5);
    expect(scanDistance('ngay', 'ngan', 0.6)).toBe(Infinity);
  });
});

describe('the vocabulary', () => {
  it('learns only from text that survived: a scan and a plan typed without accents teach nothing', () => {
    expect(isClean(readFileSync(SCAN, 'utf8'))).toBe(false);
    expect(isClean(readFileSync(NO_ACCENTS, 'utf8'))).toBe(false);
    expect(isClean(readFileSync(path.join(ROOT, 'data', 'seeds', '000_8e4ee9ff6fe76c60.txt'), 'utf8'))).toBe(
      true,
    );
    const v = buildVocabulary([readFileSync(SCAN, 'utf8')], ['Văn phòng']);
    expect([...v.words.keys()].sort()).toEqual(['phòng', 'văn']);
  });

  it('data/genre-words.json is what npm run build:genre-words makes of the plans the project holds', () => {
    expect(readFileSync(GENRE_WORDS_FILE, 'utf8')).toBe(genreWordsJson());
  });
});

describe('repairing a title', () => {
  const vocab = buildVocabulary(
    ['Tổ chức Tháng hành động vì Hợp tác xã năm 2025. Hội nghị tổng kết hoạt động năm 2025.'],
    ['Văn phòng'],
  );

  it('chooses the words together, so each fits the one before it', () => {
    const r = repairTitle('To chirc Thang hanh déng vi Hop tac xa nam 2025', vocab, { everyWord: true });
    expect(r.title).toBe('Tổ chức Tháng hành động vì Hợp tác xã năm 2025');
    expect(r.unresolved).toEqual([]);
  });

  it('keeps numbers, dates, abbreviations and punctuation as written, and says which words it could not place', () => {
    const r = repairTitle('Hoi nghi tong ket HTX (31/7/2025), xyzzq', vocab, { everyWord: true });
    expect(r.title).toBe('Hội nghị tổng kết HTX (31/7/2025), xyzzq');
    expect(r.unresolved).toEqual(['xyzzq']);
  });

  it('leaves a well-typed title alone, and in a typed plan touches only the misspelt word', () => {
    expect(repairTitle('Hội nghị tổng kết năm 2025', vocab).changed).toBe(false);
    expect(repairTitle('Hội nghị tổng kết hogt động năm 2025', vocab).title).toBe(
      'Hội nghị tổng kết hoạt động năm 2025',
    );
  });
});

describe('repairs proposed for whole plans (first-sight figures)', () => {
  it('003, the OCR scan: at least 0.90 of words as the secretary corrected them', async () => {
    const reviewed = readReviewedTitles(SCAN) as Reviewed;
    const pairs = await repairsOf(SCAN, 'hai-phong', orgDirectory(), reviewed);
    expect(pairs).toHaveLength(28);
    expect(wordAccuracy(pairs)).toBeGreaterThanOrEqual(0.9);
    expect(pairs.filter(([a, b]) => a === b).length).toBeGreaterThanOrEqual(11);
  });

  it('a plan typed without accents: every title as a secretary would write it', async () => {
    const reviewed = JSON.parse(readFileSync(NO_ACCENTS_REVIEWED, 'utf8')) as Reviewed;
    const directory = JSON.parse(
      readFileSync(path.join(ROOT, 'test', 'fixtures', 'plans', 'orgs.json'), 'utf8'),
    ) as OrgDirectory;
    const pairs = await repairsOf(NO_ACCENTS, 'bac-giang', directory, reviewed);
    expect(pairs).toHaveLength(13);
    expect(pairs.filter(([a, b]) => a === b)).toEqual(pairs);
  });

  it('the draft carries only repairs that leave no damaged word, and loads them only when accepted', async () => {
    const draft: PlanDraft = await importPlanFile(SCAN, { org: 'hai-phong', directory: orgDirectory() });
    const proposed = draft.tasks.filter((t) => t.proposed_title);
    expect(proposed.length).toBeGreaterThanOrEqual(15);
    for (const t of proposed) expect(checkTitle(t.proposed_title!).damaged).toBe(false);
    expect(draft.tasks.every((t) => checkTitle(t.title).damaged)).toBe(true); // nothing changed yet
    const accepted = acceptTitleRepairs(draft);
    expect(accepted.title).toBe('Kế hoạch Tổ chức Tháng hành động vì Hợp tác xã năm 2025');
    // Each task loads the title proposed for it. (Which word a scan's "truyén thong" proposes, thông or
    // thống, depends on the plans the vocabulary counts: both fit the letters; the review shows it.)
    for (const t of proposed)
      expect(accepted.tasks.find((a) => a.ref === t.ref)!.title).toBe(t.proposed_title);
    expect(accepted.tasks.some((t) => 'proposed_title' in t)).toBe(false);
  });
});

describe('the shipped scan loads as its secretary reviewed it', () => {
  it('every title of 003 comes from the reviewed draft beside the scan, none reads damaged', async () => {
    const draft = applyReviewedTitles(
      await importPlanFile(SCAN, { org: 'hai-phong', directory: orgDirectory() }),
      readReviewedTitles(SCAN),
    );
    expect(checkTitle(draft.title).damaged).toBe(false);
    for (const t of draft.tasks) expect(checkTitle(t.title).damaged).toBe(false);
    const reviewed = readReviewedTitles(SCAN) as Reviewed;
    // The reviewed draft names every item the importer finds, and nothing it does not.
    expect(Object.keys(reviewed.titles).sort()).toEqual(draft.tasks.map((t) => t.ref).sort());
  });
});
