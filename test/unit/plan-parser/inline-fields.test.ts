/** Fields written on the item's own line, after its title or in parentheses. */
import { parsePlan } from '../../../src/domain/plan-parser';
import { inlineFields, trailingFields } from '../../../src/domain/plan-parser/items/inline-fields';
import type { OrgDirectory } from '../../../src/domain/task';

/** The fields as "kind=value", which reads better in a failing expectation than objects. */
function split(text: string): { text: string; fields: string[] } {
  const r = inlineFields(text);
  return { text: r.text, fields: r.fields.map((f) => `${f.kind}=${f.value}`) };
}

describe('fields after the title', () => {
  it.each([
    [
      'Tổ chức hội nghị tổng kết năm. Đơn vị chủ trì: Văn phòng. Thời gian: tháng 12/2026.',
      'Tổ chức hội nghị tổng kết năm',
      ['lead=Văn phòng', 'time=tháng 12/2026'],
    ],
    [
      'Hoàn thành báo cáo đánh giá HTX trước 15/3/2026. Chủ trì: Phòng Hỗ trợ.',
      'Hoàn thành báo cáo đánh giá HTX trước 15/3/2026',
      ['lead=Phòng Hỗ trợ'],
    ],
    [
      'Tập huấn cán bộ HTX; đơn vị thực hiện: Phòng Hỗ trợ, phối hợp: Văn phòng; thời gian: Quý III.',
      'Tập huấn cán bộ HTX',
      ['lead=Phòng Hỗ trợ', 'support=Văn phòng', 'time=Quý III'],
    ],
    [
      'Khảo sát mô hình HTX - Đơn vị phối hợp: Văn phòng - Thời gian thực hiện: tháng 5/2026',
      'Khảo sát mô hình HTX',
      ['support=Văn phòng', 'time=tháng 5/2026'],
    ],
    [
      'Xay dung ke hoach. DON VI CHU TRI: Phong Ho tro; THOI GIAN: thang 4/2026',
      'Xay dung ke hoach',
      ['lead=Phong Ho tro', 'time=thang 4/2026'],
    ],
    [
      'Gặp mặt doanh nhân. Thời gian: tháng 10; địa điểm: Hội trường; đơn vị chủ trì và phối hợp: Văn phòng, Phòng Hỗ trợ',
      'Gặp mặt doanh nhân',
      ['time=tháng 10', 'other=Hội trường', 'lead-support=Văn phòng, Phòng Hỗ trợ'],
    ],
  ])('%s', (line, title, fields) => {
    expect(split(line)).toEqual({ text: title, fields });
  });

  it('keeps a unit name with a dash whole: only a label with a colon opens a field', () => {
    expect(split('Tuyên truyền. Chủ trì: Ban Tuyên truyền - Thi đua; phối hợp: Văn phòng')).toEqual({
      text: 'Tuyên truyền',
      fields: ['lead=Ban Tuyên truyền - Thi đua', 'support=Văn phòng'],
    });
  });

  it.each([
    // A label's words inside the title, not after a separator.
    'Tổ chức hội nghị phối hợp giữa các HTX: tháng 5/2026',
    // A clause that is no field: no label, or a label without a colon.
    'Tập huấn cán bộ; các HTX thành viên cùng tham dự',
    'Tổng kết năm. Phối hợp với các sở, ngành liên quan',
    'Tổng kết năm. Thời gian, địa điểm do Văn phòng bố trí',
    // A line that opens with the field has no title to split off: it is a field line of its own.
    'Thời gian: tháng 12/2026. Chủ trì: Văn phòng',
  ])('leaves "%s" alone', (line) => {
    expect(trailingFields(line)).toEqual({ text: line, fields: [] });
  });

  it('reads parenthesised fields first, then those after the title', () => {
    expect(split('Tổ chức Hội nghị (thời gian: tháng 8/2024). Chủ trì: Văn phòng')).toEqual({
      text: 'Tổ chức Hội nghị',
      fields: ['time=tháng 8/2024', 'lead=Văn phòng'],
    });
  });
});

describe('a plan whose items carry their fields on their own line', () => {
  const directory: OrgDirectory = {
    'thai-binh': {
      name: 'Liên minh Hợp tác xã tỉnh Thái Bình',
      departments: {
        'van-phong': ['Văn phòng'],
        'phong-ho-tro': ['Phòng Hỗ trợ phát triển HTX', 'Phòng Hỗ trợ'],
      },
    },
  };
  const text = [
    'KẾ HOẠCH công tác năm 2026',
    '1. Tổ chức hội nghị tổng kết năm. Đơn vị chủ trì: Văn phòng. Thời gian: tháng 12/2026.',
    '2. Hoàn thành báo cáo đánh giá HTX trước 15/3/2026. Chủ trì: Phòng Hỗ trợ.',
    '3. Tập huấn cán bộ HTX; đơn vị thực hiện: Phòng Hỗ trợ, phối hợp: Văn phòng; thời gian: Quý III.',
  ].join('\n');
  const draft = parsePlan(text, { org: 'thai-binh', directory });

  it("reads each item's title, units and time", () => {
    expect(
      draft.tasks.map((t) => [t.ref, t.title, t.kind, t.lead, t.support, t.start, t.end, t.time_text]),
    ).toEqual([
      [
        '1',
        'Tổ chức hội nghị tổng kết năm',
        'review',
        ['van-phong'],
        [],
        '2026-12-01',
        '2026-12-31',
        'tháng 12/2026',
      ],
      [
        '2',
        'Hoàn thành báo cáo đánh giá HTX',
        'deadline',
        ['phong-ho-tro'],
        [],
        '2026-01-01',
        '2026-03-14',
        'trước 15/3/2026',
      ],
      [
        '3',
        'Tập huấn cán bộ HTX',
        'event',
        ['phong-ho-tro'],
        ['van-phong'],
        '2026-07-01',
        '2026-09-30',
        'Quý III',
      ],
    ]);
    expect(draft.warnings).toEqual([]);
  });
});
