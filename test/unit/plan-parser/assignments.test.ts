/**
 * Where plans put who leads and when, each mechanism on a small made-up plan (none is a copy of a
 * fixture): a lead written once in a heading, assignment tables, "Chuẩn bị" columns and merged cells,
 * a timeline saved one cell per line, aligned columns that overflow, responsibilities that hold recurring
 * work, inspection rounds, "các nội dung còn lại", and time words counted from an event.
 */
import { parsePlan } from '../../../src/domain/plan-parser';
import type { DraftTask, OrgDirectory } from '../../../src/domain/task';

const directory: OrgDirectory = {
  'ha-tien': {
    name: 'Liên minh Hợp tác xã tỉnh Hà Tiên',
    departments: {
      'van-phong': ['Văn phòng', 'VP'],
      'kiem-tra': ['Ban Kiểm tra – Pháp chế', 'Ban Kiểm tra - Pháp chế', 'Ban KT-PC'],
      'phat-trien': ['Ban Phát triển thành viên', 'Ban PTTV'],
      'truyen-thong': ['Ban Truyền thông', 'Ban TTh'],
      quy: ['Quỹ Hỗ trợ phát triển HTX', 'Quỹ HT'],
    },
  },
};
const ALL = ['van-phong', 'kiem-tra', 'phat-trien', 'truyen-thong', 'quy'];

const HEAD = [
  'LIÊN MINH HTX TỈNH HÀ TIÊN',
  'Số: 09/KH-LMHTX                 Hà Tiên, ngày 05 tháng 01 năm 2031',
  '',
  'KẾ HOẠCH',
  'Công tác năm 2031',
  '',
];

const parse = (lines: string[]): DraftTask[] =>
  parsePlan([...HEAD, ...lines].join('\n'), { org: 'ha-tien', directory }).tasks;

function find(tasks: DraftTask[], words: string): DraftTask {
  const t = tasks.find((x) => x.title.includes(words));
  if (!t) throw new Error(`no task "${words}" among: ${tasks.map((x) => x.title).join(' | ')}`);
  return t;
}

const who = (t: DraftTask): { lead: string[]; support: string[] } => ({
  lead: [...t.lead].sort(),
  support: [...t.support].sort(),
});

describe('a lead written once in a heading', () => {
  const tasks = parse([
    'A. MỤC TIÊU',
    '- Kết nạp 40 thành viên mới.',
    'B. NHIỆM VỤ',
    'I. CÔNG TÁC THÀNH VIÊN (Ban PTTV chủ trì tham mưu)',
    '1. Rà soát danh sách thành viên: Quý I/2031.',
    '2. Hội nghị thành viên tiêu biểu: tháng 6/2031 (VP chủ trì).',
    '3. Vận động kết nạp thành viên mới: trong năm 2031 (Ban KT-PC phối hợp).',
    'II. CÔNG TÁC QUỸ (Quỹ Hỗ trợ phát triển HTX thực hiện)',
    '4. Thẩm định hồ sơ vay vốn: thường xuyên (các ban, văn phòng phối hợp).',
    'C. TỔ CHỨC THỰC HIỆN',
    '1. Các ban, văn phòng, đơn vị gửi kế hoạch chi tiết về Văn phòng trước ngày 20/01/2031.',
  ]);

  it('leads every item under it that names no lead of its own', () => {
    expect(who(find(tasks, 'Rà soát danh sách'))).toEqual({ lead: ['phat-trien'], support: [] });
  });

  it('gives way to a lead the item names', () => {
    expect(who(find(tasks, 'Hội nghị thành viên'))).toEqual({ lead: ['van-phong'], support: [] });
  });

  it('still leads an item that names only helpers, in parentheses', () => {
    expect(who(find(tasks, 'Vận động kết nạp'))).toEqual({ lead: ['phat-trien'], support: ['kiem-tra'] });
    expect(who(find(tasks, 'Thẩm định hồ sơ'))).toEqual({
      lead: ['quy'],
      support: ALL.filter((s) => s !== 'quy').sort(),
    });
  });

  it('reads lettered parts above the roman sections: targets are no tasks, "C." assigns', () => {
    expect(tasks.some((t) => t.title.includes('Kết nạp 40'))).toBe(false);
    const due = find(tasks, 'gửi kế hoạch chi tiết');
    expect(due.kind).toBe('deadline');
    expect(who(due).lead).toEqual([...ALL].sort());
    expect([due.start, due.end]).toEqual(['2031-01-01', '2031-01-19']);
  });
});

describe('assignment tables', () => {
  it('maps the item numbers of a row to its lead and partner cells; outside bodies are no partners', () => {
    const tasks = parse([
      'I. NỘI DUNG',
      '(1) Tổ chức phiên chợ nông sản: tháng 5/2031.',
      '(2) Khảo sát nhu cầu vốn của HTX: Quý II/2031.',
      '(3) Tập huấn kế toán HTX: tháng 9/2031.',
      'II. PHÂN CÔNG',
      '| Nội dung | Đơn vị chủ trì | Đơn vị phối hợp |',
      '|---|---|---|',
      '| (1), (3) | Ban PTTV và Ban TTh | Sở Công Thương |',
      '| (2) | Quỹ HT | VP |',
    ]);
    expect(who(find(tasks, 'phiên chợ'))).toEqual({ lead: ['phat-trien', 'truyen-thong'], support: [] });
    expect(who(find(tasks, 'Tập huấn kế toán'))).toEqual({
      lead: ['phat-trien', 'truyen-thong'],
      support: [],
    });
    expect(who(find(tasks, 'Khảo sát nhu cầu'))).toEqual({ lead: ['quy'], support: ['van-phong'] });
  });

  it('"Chuẩn bị" leads, and a month cell merged over rows times the rows below it', () => {
    const tasks = parse([
      'I. NỘI DUNG',
      '| Thời gian | Nội dung | Chuẩn bị | Phối hợp |',
      '|---|---|---|---|',
      '| | QUÝ I/2031 | | |',
      '| Tháng 02 | Cho ý kiến kế hoạch kiểm tra | Ban KT-PC | VP |',
      '| | Cho ý kiến phương án cho vay | Quỹ HT | |',
      '| | QUÝ II/2031 | | |',
      '| | Cho ý kiến đề án truyền thông | Ban TTh | |',
    ]);
    const merged = find(tasks, 'phương án cho vay');
    expect(who(merged)).toEqual({ lead: ['quy'], support: [] });
    expect([merged.start, merged.end]).toEqual(['2031-02-01', '2031-02-28']);
    expect(who(find(tasks, 'kế hoạch kiểm tra'))).toEqual({ lead: ['kiem-tra'], support: ['van-phong'] });
    // A section row ends the merge: the next quarter's first row has its quarter, not February.
    const next = find(tasks, 'đề án truyền thông');
    expect([next.start, next.end]).toEqual(['2031-04-01', '2031-06-30']);
  });
  it('leaves a blank time cell blank where the time column comes after the work', () => {
    const tasks = parse([
      'I. NỘI DUNG',
      '| STT | Nội dung | Chủ trì | Thời gian |',
      '|---|---|---|---|',
      '| I | QUÝ I/2031 | | |',
      '| 1 | Hội nghị tổng kết năm 2030 | VP | Tháng 01 |',
      '| 2 | Rà soát quy chế làm việc | Ban KT-PC | |',
    ]);
    const blank = find(tasks, 'Rà soát quy chế');
    expect([blank.start, blank.end]).toEqual(['2031-01-01', '2031-03-31']);
  });
});

describe('a timeline saved one cell per line', () => {
  it('reads phase rows, keeps a merged time for the rows below, and "X (chủ trì), Y"', () => {
    const tasks = parse([
      'I. TIẾN ĐỘ THỰC HIỆN',
      '',
      'STT',
      'Thời gian',
      'Nội dung',
      'Đơn vị thực hiện',
      'Giai đoạn 1: CHUẨN BỊ',
      '1',
      'Tháng 3/2031',
      'Xây dựng đề cương báo cáo',
      'Ban PTTV (chủ trì), VP',
      '',
      '2',
      '',
      'Lấy ý kiến các HTX về đề cương',
      'Ban PTTV',
      '',
      'Giai đoạn 2: TỔ CHỨC',
      '3',
      'Ngày 10/5/2031',
      'Tổ chức hội nghị tổng kết',
      'VP và Ban TTh',
      '',
      'II. TỔ CHỨC THỰC HIỆN',
      '1. Văn phòng bảo đảm kinh phí.',
    ]);
    expect(who(find(tasks, 'đề cương báo cáo'))).toEqual({ lead: ['phat-trien'], support: ['van-phong'] });
    const merged = find(tasks, 'Lấy ý kiến');
    expect([merged.start, merged.end]).toEqual(['2031-03-01', '2031-03-31']);
    const meeting = find(tasks, 'hội nghị tổng kết');
    expect(who(meeting)).toEqual({ lead: ['truyen-thong', 'van-phong'], support: [] });
    expect(meeting.start).toBe('2031-05-10');
    // "Tiến độ thực hiện" over work is no plan period: the duty keeps the whole year.
    expect(find(tasks, 'bảo đảm kinh phí').end).toBe('2031-12-31');
  });
});

describe('aligned columns', () => {
  it('cuts a cell that runs into the next column, one space before the word under its heading', () => {
    const tasks = parse([
      'I. NỘI DUNG',
      '',
      'TT   Nội dung                     Thời gian          Chủ trì',
      '1.   Tập huấn cán bộ HTX          Quý III - IV/2031 Ban TTh',
      '2.   Hội nghị sơ kết              Tháng 7/2031       VP',
      '',
      'II. TỔ CHỨC THỰC HIỆN',
      '  1. Văn phòng theo dõi việc thực hiện Kế hoạch.',
    ]);
    const t = find(tasks, 'Tập huấn cán bộ');
    expect(who(t)).toEqual({ lead: ['truyen-thong'], support: [] });
    expect([t.start, t.end]).toEqual(['2031-07-01', '2031-12-31']);
    expect(tasks.some((x) => x.title.includes('theo dõi') && x.kind === 'duty')).toBe(true);
  });
});

describe('responsibilities and recurring work', () => {
  const tasks = parse([
    'I. THỜI GIAN CHỐT SỐ LIỆU',
    '- Báo cáo tháng: số liệu tính đến ngày 14 của tháng báo cáo.',
    'II. CÁC BÁO CÁO',
    '1. Báo cáo sơ kết 6 tháng',
    '- Đơn vị chủ trì: Văn phòng; các ban, đơn vị phối hợp.',
    '- Thời hạn: chậm nhất ngày 15/6/2031.',
    'III. TRÁCH NHIỆM THỰC HIỆN',
    '1. Ban PTTV và Quỹ HT gửi số liệu về Văn phòng trước ngày 10 hằng tháng.',
  ]);

  it('makes recurring work stated among the responsibilities one task a month, led by its subjects', () => {
    const monthly = tasks.filter((t) => t.title.startsWith('Ban PTTV và Quỹ HT gửi số liệu'));
    expect(monthly).toHaveLength(12);
    expect(who(monthly[0]!)).toEqual({ lead: ['phat-trien', 'quy'], support: [] });
    expect([monthly[2]!.start, monthly[2]!.end]).toEqual(['2031-03-01', '2031-03-09']);
  });

  it('reads "Văn phòng; các ban, đơn vị phối hợp" as one lead and helpers', () => {
    expect(who(find(tasks, 'Báo cáo sơ kết'))).toEqual({
      lead: ['van-phong'],
      support: ALL.filter((s) => s !== 'van-phong').sort(),
    });
  });

  it('takes no task from the days a report counts its figures to', () => {
    expect(tasks.some((t) => t.title.includes('số liệu tính đến'))).toBe(false);
  });

  it('lists no occurrence already over on the day the plan is issued', () => {
    const late = parsePlan(
      [
        'LIÊN MINH HTX TỈNH HÀ TIÊN',
        'Số: 10/KH-LMHTX                 Hà Tiên, ngày 20 tháng 3 năm 2031',
        '',
        'KẾ HOẠCH',
        'Trao đổi thông tin năm 2031',
        '',
        'I. NỘI DUNG',
        '1. Gửi bản tin thị trường cho các HTX: hằng tháng, trước ngày 25 (VP chủ trì).',
      ].join('\n'),
      { org: 'ha-tien', directory },
    ).tasks;
    expect(late.map((t) => (t.start ?? '').slice(5, 7))).toEqual([
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '11',
      '12',
    ]);
  });
});

describe('inspection rounds and dated steps', () => {
  const tasks = parse([
    'I. NỘI DUNG',
    '1. Kiểm tra',
    'Đợt 1: Kiểm tra việc chấp hành Điều lệ tại 03 HTX.',
    '- Thời gian: tháng 5/2031.',
    '- Cơ quan thường trực đoàn: Ban KT-PC; thành viên đoàn gồm đại diện Ban PTTV, Quỹ HT.',
    'Đợt 2: Kiểm tra việc sử dụng vốn vay tại 02 HTX.',
    '- Thời gian: tháng 9/2031.',
    '- Cơ quan thường trực đoàn: Quỹ HT; thành viên đoàn: đại diện VP.',
    'II. TIẾN ĐỘ THỰC HIỆN',
    '- Trước ngày 15/4/2031: Ban hành quyết định thành lập đoàn kiểm tra (Ban KT-PC tham mưu).',
    '- Chậm nhất 10 ngày sau khi kết thúc mỗi đợt: Thông báo kết luận kiểm tra.',
    '- Ngày 20/12/2031: Tổng kết công tác kiểm tra năm 2031 (VP chuẩn bị).',
  ]);

  it('makes each "Đợt n:" an item: the standing body of the team leads, its members help', () => {
    expect(who(find(tasks, 'chấp hành Điều lệ'))).toEqual({
      lead: ['kiem-tra'],
      support: ['phat-trien', 'quy'],
    });
    const second = find(tasks, 'sử dụng vốn vay');
    expect(who(second)).toEqual({ lead: ['quy'], support: ['van-phong'] });
    expect([second.start, second.end]).toEqual(['2031-09-01', '2031-09-30']);
  });

  it('reads "Tiến độ thực hiện" made of dated steps as work, not as the plan\'s period', () => {
    const step = find(tasks, 'thành lập đoàn');
    expect(step.end).toBe('2031-04-14');
    expect(who(step).lead).toEqual(['kiem-tra']);
    expect(find(tasks, 'Tổng kết công tác kiểm tra').start).toBe('2031-12-20');
    expect(find(tasks, 'chấp hành Điều lệ').end).toBe('2031-05-31');
  });

  it('takes no task from work timed only from an event', () => {
    expect(tasks.some((t) => t.title.includes('Thông báo kết luận'))).toBe(false);
  });
});

describe("assignment by reference: what the other clauses left, and the plan's peak", () => {
  it('gives "các nội dung còn lại" the items no other clause assigned', () => {
    const tasks = parse([
      'I. MỤC ĐÍCH, YÊU CẦU, THỜI GIAN',
      '- Thời gian cao điểm: từ ngày 01/4/2031 đến ngày 30/4/2031.',
      'II. NỘI DUNG',
      '1. Lễ phát động: ngày 31/3/2031.',
      '2. Thăm HTX gặp khó khăn: trong thời gian cao điểm.',
      '3. Hội thi sản phẩm HTX: tháng 6/2031.',
      'III. PHÂN CÔNG THỰC HIỆN',
      '1. Ban TTh chủ trì thực hiện điểm 1 mục II.',
      '2. Ban PTTV chủ trì thực hiện các nội dung còn lại tại mục II, trừ các điểm đã phân công nêu trên.',
    ]);
    expect(who(find(tasks, 'Lễ phát động')).lead).toEqual(['truyen-thong']);
    expect(who(find(tasks, 'Hội thi sản phẩm')).lead).toEqual(['phat-trien']);
    const visit = find(tasks, 'Thăm HTX');
    expect(who(visit).lead).toEqual(['phat-trien']);
    // The peak is the plan's, so "trong thời gian cao điểm" is April; the plan itself keeps its year.
    expect([visit.start, visit.end]).toEqual(['2031-04-01', '2031-04-30']);
    expect(find(tasks, 'Hội thi sản phẩm').start).toBe('2031-06-01');
  });
});

describe('abbreviations the plan defines outside parentheses', () => {
  it('learns them from running text and from a note after a table', () => {
    const tasks = parse([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '- Trong Kế hoạch này, Ban Phát triển thành viên gọi tắt là Ban PT; Quỹ Hỗ trợ phát triển HTX viết tắt là QHT.',
      'II. NỘI DUNG',
      '| Thời gian | Nội dung | Chủ trì | Phối hợp |',
      '|---|---|---|---|',
      '| Tháng 3/2031 | Khảo sát HTX mới thành lập | Ban PT | BTTh |',
      '| Tháng 4/2031 | Giải ngân vốn vay đợt 1 | QHT | KTPC |',
      '',
      'Ghi chú: BTTh - Ban Truyền thông; KTPC - Ban Kiểm tra – Pháp chế.',
    ]);
    expect(who(find(tasks, 'Khảo sát HTX'))).toEqual({ lead: ['phat-trien'], support: ['truyen-thong'] });
    expect(who(find(tasks, 'Giải ngân'))).toEqual({ lead: ['quy'], support: ['kiem-tra'] });
  });
});

describe('a section lead on a field line under the heading', () => {
  it('leads the items below, the way a lead in the heading line does', () => {
    const tasks = parse([
      'I. CÔNG TÁC TRUYỀN THÔNG',
      'Đơn vị chủ trì: Ban TTh.',
      '1. Cập nhật trang thông tin điện tử: thường xuyên.',
      '2. Phát hành bản tin HTX: Quý II/2031 (Quỹ HT chủ trì).',
    ]);
    expect(who(find(tasks, 'trang thông tin'))).toEqual({ lead: ['truyen-thong'], support: [] });
    expect(who(find(tasks, 'bản tin'))).toEqual({ lead: ['quy'], support: [] });
  });
});
