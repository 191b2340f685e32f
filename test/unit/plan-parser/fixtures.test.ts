/** Plans of other alliances, written in other ways than the seeds, against drafts checked by hand. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlan } from '../../../src/domain/plan-parser';
import type { DraftTask, DraftWarning, OrgDirectory } from '../../../src/domain/task';

const fixtures = path.resolve(__dirname, '../../fixtures/plans');
const directory = JSON.parse(readFileSync(path.join(fixtures, 'orgs.json'), 'utf8')) as OrgDirectory;

interface Expected {
  org: string;
  title: string;
  doc_number: string | null;
  issued_on: string | null;
  year: number;
  tasks: Omit<DraftTask, 'time_text'>[];
  warnings: DraftWarning[];
}

const cases: [string, string][] = [
  ['thai-binh-ho-tro-htx-2025', 'a) items, "Chủ trì tham mưu", "chậm nhất ngày", an unknown unit'],
  ['bac-giang-ngay-htx-2024-khong-dau', 'no diacritics, leads given per unit under "Tổ chức thực hiện"'],
  ['ninh-binh-chuong-trinh-thuong-truc-2024', 'a committee programme printed to PDF, times after a colon'],
  [
    'thai-binh-hoat-dong-quy-3-2024',
    'bullets for items, fields in parentheses, monthly work, a quarter plan',
  ],
  [
    'thai-binh-cong-tac-2026-truong-tren-dong',
    'fields after the title on the item\'s own line (". ", "; ", " - "), with and without diacritics',
  ],
];

describe.each(cases)('%s (%s)', (name) => {
  const expected = JSON.parse(readFileSync(path.join(fixtures, `${name}.expected.json`), 'utf8')) as Expected;
  const draft = parsePlan(readFileSync(path.join(fixtures, `${name}.txt`), 'utf8'), {
    org: expected.org,
    directory,
  });

  it('reads the head of the document', () => {
    expect([draft.title, draft.doc_number, draft.issued_on, draft.year]).toEqual([
      expected.title,
      expected.doc_number,
      expected.issued_on,
      expected.year,
    ]);
  });

  it('drafts the expected tasks', () => {
    const got = draft.tasks.map(({ time_text: _timeText, ...t }) => t);
    expect(got).toEqual(expected.tasks);
  });

  it('gives each dated task the words its window comes from', () => {
    for (const t of draft.tasks)
      expect({ ref: t.ref, time: t.start === null || (t.time_text ?? '').length > 0 }).toEqual({
        ref: t.ref,
        time: true,
      });
  });

  it('warns about what a secretary must check', () => {
    expect(draft.warnings).toEqual(expected.warnings);
  });
});
