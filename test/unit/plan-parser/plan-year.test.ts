/**
 * The plan's year comes from its date of issue and its subject, never from a law, decree or resolution it
 * cites: a plan to carry out the 2023 Cooperative Law, issued in January 2026, is a plan for 2026.
 */
import { parsePlan } from '../../../src/domain/plan-parser';
import { planYearOf } from '../../../src/domain/plan-parser/plan/header';
import type { OrgDirectory } from '../../../src/domain/task';

const directory: OrgDirectory = {
  'phu-yen': {
    name: 'Liên minh Hợp tác xã tỉnh Phú Yên',
    departments: { 'van-phong': ['Văn phòng', 'VP'], 'ban-kiem-tra': ['Ban Kiểm tra', 'Ban KT'] },
  },
};

const lawPlan = `LIÊN MINH HTX TỈNH PHÚ YÊN
Số: 12/KH-LMHTX
Phú Yên, ngày 20 tháng 01 năm 2026

KẾ HOẠCH
Triển khai Luật Hợp tác xã năm 2023 năm 2026

Căn cứ Luật Hợp tác xã số 17/2023/QH15 ngày 20/6/2023;
Căn cứ Nghị định số 92/2024/NĐ-CP ngày 18/7/2024 của Chính phủ;

I. MỤC ĐÍCH, YÊU CẦU
1. Tuyên truyền sâu rộng Luật Hợp tác xã năm 2023.

II. NỘI DUNG
1. Tổ chức hội nghị phổ biến Luật Hợp tác xã năm 2023 cho cán bộ chủ chốt.
Đơn vị chủ trì: Văn phòng. Thời gian: Quý I/2026.
2. Rà soát, hướng dẫn các hợp tác xã sửa đổi điều lệ theo Luật.
Đơn vị chủ trì: Ban Kiểm tra; phối hợp: Văn phòng. Thời gian: Quý II/2026.
3. Sơ kết việc thi hành Luật trong năm.
Đơn vị chủ trì: Văn phòng.
`;

describe("the plan's year", () => {
  it('a plan that cites the 2023 law in its title and is issued in 2026 loads in 2026', () => {
    const draft = parsePlan(lawPlan, { org: 'phu-yen', directory });
    expect(draft.year).toBe(2026);
    expect(draft.issued_on).toBe('2026-01-20');
    const byRef = Object.fromEntries(draft.tasks.map((t) => [t.ref, t]));
    expect(byRef['II.1']).toMatchObject({ lead: ['van-phong'], start: '2026-01-01', end: '2026-03-31' });
    expect(byRef['II.2']).toMatchObject({
      lead: ['ban-kiem-tra'],
      support: ['van-phong'],
      start: '2026-04-01',
      end: '2026-06-30',
    });
    // No time at the item: the plan's year, 2026, not the law's.
    expect(byRef['II.3']).toMatchObject({ start: '2026-01-01', end: '2026-12-31' });
  });

  it.each([
    ['Triển khai Luật Hợp tác xã năm 2023 năm 2026', 2026],
    ['Thực hiện Nghị quyết số 20-NQ/TW năm 2022 của Ban Chấp hành Trung ương năm 2025', 2025],
    ['Công tác năm 2025', 2025],
    ['Triển khai Chỉ thị 15 năm 2021', null],
  ])('"%s" names the year %s', (subject, year) => {
    expect(planYearOf(subject)).toBe(year);
  });

  it('a plan issued late in the year for the next one keeps the year its subject names', () => {
    const text = lawPlan
      .replace('ngày 20 tháng 01 năm 2026', 'ngày 15 tháng 12 năm 2025')
      .replace('Triển khai Luật Hợp tác xã năm 2023 năm 2026', 'Công tác năm 2026');
    expect(parsePlan(text, { org: 'phu-yen', directory }).year).toBe(2026);
  });
});
