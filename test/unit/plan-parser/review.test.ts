/**
 * What the secretary's review says beyond the tasks: numbered items left out and why, unit names read
 * from a damaged scan, and a table that could not be read; and tables and recurrences in other forms.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlan } from '../../../src/domain/plan-parser';
import { rewriteTextTables } from '../../../src/domain/plan-parser/layout/text-tables';
import type { OrgDirectory } from '../../../src/domain/task';
import { draftFromText } from '../../../src/import/import-plan';
import { ImportError } from '../../../src/import/import-error';

const repo = path.resolve(__dirname, '../../..');
const heldOut = path.join(repo, 'test', 'fixtures', 'plans', 'held-out');
const orgsFile = path.join(repo, 'test', 'fixtures', 'gold', 'held-out', 'orgs.json');
const readOrgs = (file: string): OrgDirectory => JSON.parse(readFileSync(file, 'utf8')) as OrgDirectory;
const directory = {
  ...readOrgs(path.join(repo, 'data', 'orgs.json')),
  ...readOrgs(path.join(repo, 'test', 'fixtures', 'plans', 'orgs.json')),
  ...readOrgs(orgsFile),
};

describe('the review of a draft', () => {
  it('npm run import -- --dry-run lists the numbered items it skipped, with their lines and why', () => {
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/import.ts',
        '--dry-run',
        '--org',
        'quang-tri',
        '--orgs-file',
        orgsFile,
        path.join(heldOut, '103_quang-tri-thang-hanh-dong-2025.txt'),
      ],
      { cwd: repo, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const skipped = run.stdout.split('\n').filter((l) => l.includes('bỏ qua'));
    expect(skipped).toEqual([
      expect.stringMatching(
        /! I\.1 \(dòng \/ line 9\): bỏ qua .*thuộc phần không giao việc.*Nâng cao nhận thức/,
      ),
      expect.stringMatching(/! I\.2 \(dòng \/ line 10\): bỏ qua .*Các hoạt động thiết thực/),
    ]);
    expect(run.stdout).toMatch(/7 nhiệm vụ \/ tasks\./);
  });

  it('says which unit names it read from a damaged scan by their letters', () => {
    const text = readFileSync(path.join(heldOut, '104_ha-tinh-ban-scan-chu-hoa-2025.txt'), 'utf8');
    const draft = parsePlan(text, { org: 'ha-tinh', directory });
    const fuzzy = draft.warnings.filter((w) => w.code === 'fuzzy-unit').map((w) => [w.ref, w.detail]);
    expect(fuzzy).toEqual(
      expect.arrayContaining([
        ['II.2', 'TRUNG TARN CLAO TAO - TU VAN → dao-tao'],
        ['II.3', 'BAN TUYÉN TRUYEN - THl DUA → tuyen-truyen'],
      ]),
    );
    // A name whose letters are all there (no diacritics, "THẺ" for "THỂ") is read exactly: no warning.
    expect(fuzzy.some(([ref]) => ref === 'II.1' || ref === 'II.5')).toBe(false);
  });

  it('says that a table was there but could not be read, instead of "no work items found"', () => {
    const text = [
      'KẾ HOẠCH',
      'Công tác năm 2025',
      'STT | Nội dung công việc | Đơn vị chủ trì | Thời gian',
      'Các nội dung xem phụ lục đính kèm.',
    ].join('\n');
    let error: unknown = null;
    try {
      draftFromText(text, 'kh.txt', { org: 'ninh-binh', directory });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('unread-table');
    expect((error as ImportError).messageVi).toMatch(/có bảng nhiệm vụ \(dòng 3\) nhưng không đọc được/);
  });
});

describe('tables and recurrences in other forms', () => {
  it('reads a table copied with tabs, its wrapped cell joined and its section row as a group', () => {
    const text = [
      'LIÊN MINH HTX TỈNH NINH BÌNH',
      'KẾ HOẠCH công tác năm 2025',
      'TT\tNội dung\tChủ trì\tPhối hợp\tThời gian thực hiện',
      'I\tHỘI NGHỊ\t\t\t',
      '1\tHội nghị tổng kết công tác\tVăn phòng\t\tTháng 12/2025',
      '2\tTập huấn kỹ năng số cho cán bộ\tTrung tâm Đào tạo nghề\tVăn phòng\t15.4.2025',
      '\tHTX nông nghiệp\t\t\t',
    ].join('\n');
    const draft = parsePlan(text, { org: 'ninh-binh', directory });
    expect(draft.tasks.map((t) => [t.title, t.lead, t.support, t.start, t.end])).toEqual([
      ['Hội nghị tổng kết công tác', ['van-phong'], [], '2025-12-01', '2025-12-31'],
      [
        'Tập huấn kỹ năng số cho cán bộ HTX nông nghiệp',
        ['trung-tam-dao-tao'],
        ['van-phong'],
        '2025-04-15',
        '2025-04-15',
      ],
    ]);
  });

  it('reads columns aligned by spaces under headings centred over them and set on two lines', () => {
    const text = [
      'LIÊN MINH HTX TỈNH NINH BÌNH',
      'KẾ HOẠCH công tác năm 2025',
      'STT          Nội dung                  Đơn vị          Thời gian',
      '                                       chủ trì',
      '1     Hội nghị tổng kết công tác     Văn phòng      Tháng 12/2025',
      '2     Tập huấn kỹ năng số cho cán    Trung tâm      Quý II/2025',
      '      bộ HTX nông nghiệp             Đào tạo nghề',
      '',
      'Nơi nhận:',
    ].join('\n');
    const draft = parsePlan(text, { org: 'ninh-binh', directory });
    expect(draft.tasks.map((t) => [t.title, t.lead, t.start, t.end])).toEqual([
      ['Hội nghị tổng kết công tác', ['van-phong'], '2025-12-01', '2025-12-31'],
      ['Tập huấn kỹ năng số cho cán bộ HTX nông nghiệp', ['trung-tam-dao-tao'], '2025-04-01', '2025-06-30'],
    ]);
  });

  it('leaves a table of costs alone: it names no one and no time', () => {
    const budget = [
      'STT | Nội dung | Kinh phí (triệu đồng) | Ghi chú',
      '1 | Hội nghị | 20 |',
      '2 | Tập huấn | 50 |',
    ];
    expect(rewriteTextTables(budget.join('\n'))).toEqual({ text: budget.join('\n'), unread: [] });
  });

  it('keeps a weekly meeting over the year as one standing task, spells out a few weeks of weekly work, and expands half-yearly and quarterly work over the plan window', () => {
    const text = [
      'LIÊN MINH HTX TỈNH NINH BÌNH',
      'KẾ HOẠCH công tác năm 2025',
      'I. NHIỆM VỤ',
      '1. Họp giao ban lãnh đạo hằng tuần (thứ Hai). Đơn vị chuẩn bị: Văn phòng.',
      '2. Sơ kết công tác thi đua 6 tháng một lần. Đơn vị chủ trì: Phòng Phong trào thi đua.',
      '3. Kiểm tra sổ sách kế toán, mỗi quý ít nhất 01 lần. Chủ trì: Văn phòng.',
    ].join('\n');
    const draft = parsePlan(text, { org: 'ninh-binh', directory });
    // Blind writers of four sets keyed a weekly meeting over a quarter or a year as one task: 52 reminders
    // of the same meeting would be noise.
    const standing = draft.tasks.filter((t) => t.ref.startsWith('I.1'));
    expect(standing.map((t) => [t.title, t.kind, t.start, t.end, t.lead])).toEqual([
      ['Họp giao ban lãnh đạo hằng tuần (thứ Hai)', 'recurring', '2025-01-01', '2025-12-31', ['van-phong']],
    ]);
    const weeks = parsePlan(
      [
        'LIÊN MINH HTX TỈNH NINH BÌNH',
        'KẾ HOẠCH công tác năm 2025',
        'I. NHIỆM VỤ THÁNG 6/2025',
        '1. Gửi lịch công tác tuần sau về Văn phòng, thứ Sáu hằng tuần. Chủ trì: Văn phòng.',
      ].join('\n'),
      { org: 'ninh-binh', directory },
    ).tasks.filter((t) => t.series?.key === 'I.1');
    expect(weeks.map((t) => t.start)).toEqual([
      '2025-05-26',
      '2025-06-02',
      '2025-06-09',
      '2025-06-16',
      '2025-06-23',
      '2025-06-30',
    ]);
    const half = draft.tasks.filter((t) => t.series?.key === 'I.2');
    expect(half.map((t) => [t.start, t.end, t.lead])).toEqual([
      ['2025-01-01', '2025-06-30', ['phong-trao-thi-dua']],
      ['2025-07-01', '2025-12-31', ['phong-trao-thi-dua']],
    ]);
    expect(draft.tasks.filter((t) => t.series?.key === 'I.3').map((t) => t.end)).toEqual([
      '2025-03-31',
      '2025-06-30',
      '2025-09-30',
      '2025-12-31',
    ]);
  });
});
