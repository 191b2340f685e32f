/**
 * Plan shapes met in blind sets C and E, each written small: where a plan puts a fact, the parser finds it.
 * The org below is made up; only the shapes matter.
 */
import { parsePlan } from '../../../src/domain/plan-parser';
import { csvAsTabs } from '../../../src/domain/plan-parser/layout/csv-export';
import type { DraftTask, OrgDirectory } from '../../../src/domain/task';

const directory: OrgDirectory = {
  demo: {
    name: 'Liên minh Hợp tác xã tỉnh Demo',
    departments: {
      'van-phong': ['Văn phòng', 'VP'],
      'ban-kiem-tra': ['Ban Kiểm tra'],
      'ban-tuyen-truyen': ['Ban Tuyên truyền – Đào tạo', 'Ban Tuyên truyền - Đào tạo'],
      'ban-chinh-sach': ['Ban Chính sách – Phát triển HTX', 'Ban Chính sách - Phát triển HTX'],
      'quy-ho-tro': ['Quỹ Hỗ trợ phát triển HTX tỉnh', 'Quỹ Hỗ trợ phát triển HTX'],
    },
  },
};

const HEAD = `LIÊN MINH HỢP TÁC XÃ TỈNH DEMO
Số: 12/KH-LMHTX                          Demo, ngày 10 tháng 02 năm 2026

KẾ HOẠCH
Công tác năm 2026

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức về kinh tế tập thể.
`;

const parse = (body: string): DraftTask[] => parsePlan(HEAD + body, { org: 'demo', directory }).tasks;
const byTitle = (tasks: DraftTask[], words: string): DraftTask | undefined =>
  tasks.find((t) => t.title.includes(words));

describe('plan shapes', () => {
  it("reads a heads' post as its department and the time beside the verbs", () => {
    const tasks = parse(`
II. NHIỆM VỤ CỤ THỂ
1. Tổ chức Hội nghị tuyên truyền Luật HTX năm 2023.
Chánh Văn phòng chủ trì; Trưởng Ban Kiểm tra phối hợp. Thời gian: tháng 4/2026.
2. Biên soạn sổ tay hướng dẫn thành lập HTX.
Giao Trưởng Ban Tuyên truyền – Đào tạo chủ trì thực hiện, hoàn thành trước ngày 30/6/2026.
`);
    expect(byTitle(tasks, 'Hội nghị tuyên truyền')).toMatchObject({
      lead: ['van-phong'],
      support: ['ban-kiem-tra'],
      start: '2026-04-01',
      end: '2026-04-30',
    });
    expect(byTitle(tasks, 'sổ tay')).toMatchObject({ lead: ['ban-tuyen-truyen'], end: '2026-06-29' });
  });

  it('reads a note of bare unit names, in parentheses or after a dash, as the lead', () => {
    const tasks = parse(`
II. CÁC HOẠT ĐỘNG
a) Tổ chức Lễ kỷ niệm ngày 11/4/2026 (Ban Tuyên truyền – Đào tạo).
b) Gặp mặt cán bộ hưu trí – dự kiến cuối tháng 4/2026 – Văn phòng.
`);
    expect(tasks.map((t) => [t.lead, t.start])).toEqual([
      [['ban-tuyen-truyen'], '2026-04-11'],
      [['van-phong'], '2026-04-21'],
    ]);
  });

  it("hands a heading's lead verb down, and reads '<work>: <time>' lines and a last clause of time", () => {
    const tasks = parse(`
II. NHIỆM VỤ CỤ THỂ
1. Nhiệm vụ do Văn phòng chủ trì
- Tổ chức Hội nghị cán bộ, công chức; thời gian: tháng 3/2026.
- Tổng hợp báo cáo năm; thời gian: tháng 12/2026.
2. Ban Kiểm tra chủ trì các nội dung sau:
a) Kiểm tra 10 HTX về thực hiện Luật HTX, Quý II/2026.
3. Các nội dung phối hợp với Sở Nông nghiệp và Môi trường (Văn phòng thực hiện)
- Hội thảo chuỗi giá trị nông sản: tháng 8/2026.
- Khảo sát mô hình HTX kiểu mới: tháng 9/2026.
`);
    expect(tasks.map((t) => [t.title, t.lead, t.start])).toEqual([
      ['Tổ chức Hội nghị cán bộ, công chức', ['van-phong'], '2026-03-01'],
      ['Tổng hợp báo cáo năm', ['van-phong'], '2026-12-01'],
      ['Kiểm tra 10 HTX về thực hiện Luật HTX', ['ban-kiem-tra'], '2026-04-01'],
      ['Hội thảo chuỗi giá trị nông sản', ['van-phong'], '2026-08-01'],
      ['Khảo sát mô hình HTX kiểu mới', ['van-phong'], '2026-09-01'],
    ]);
  });

  it('reads a list of abbreviations, one pair a line, however the pair is written', () => {
    const tasks = parsePlan(
      HEAD.replace(
        'I. MỤC ĐÍCH',
        'DANH MỤC TỪ VIẾT TẮT\nBKT – Ban Kiểm tra\nTTĐT: Ban Tuyên truyền – Đào tạo\nQHT = Quỹ Hỗ trợ phát triển HTX tỉnh\n\nI. MỤC ĐÍCH',
      ) + '\nII. NHIỆM VỤ\n1. Tập huấn nghiệp vụ (TTĐT chủ trì, QHT và BKT phối hợp; tháng 5/2026).\n',
      { org: 'demo', directory },
    ).tasks;
    expect(tasks[0]).toMatchObject({ lead: ['ban-tuyen-truyen'], support: ['quy-ho-tro', 'ban-kiem-tra'] });
  });

  it('reads a timeline of dated steps with "Thực hiện:" on the next line', () => {
    const tasks = parse(`
II. LỘ TRÌNH THỰC HIỆN
Giao Văn phòng theo dõi tiến độ các bước sau đây:
Ngày 18 – 19/6/2026: Tổ chức Hội nghị tổng kết (phiên trù bị và
phiên chính thức).
Thực hiện: Văn phòng, Ban Kiểm tra.
Tuần 2 tháng 9/2026: Kiểm tra hồ sơ vay vốn.
Thực hiện: Quỹ Hỗ trợ phát triển HTX tỉnh.
`);
    expect(tasks.map((t) => [t.title, t.lead, t.start, t.end])).toEqual([
      [
        'Tổ chức Hội nghị tổng kết (phiên trù bị và phiên chính thức)',
        ['van-phong', 'ban-kiem-tra'],
        '2026-06-18',
        '2026-06-19',
      ],
      ['Kiểm tra hồ sơ vay vốn', ['quy-ho-tro'], '2026-09-08', '2026-09-14'],
    ]);
  });

  it('reads phases and separate times as one task each, and Tết as a date', () => {
    const tasks = parse(`
II. NỘI DUNG
1. Thi đua chào mừng Đại hội. Ban Kiểm tra chủ trì.
- Đợt 1: cao điểm tháng 4/2026.
- Đợt 2: từ ngày 01/8 đến ngày 02/9/2026.
2. Tập huấn kế toán cho HTX.
- Chủ trì: Văn phòng.
- Thời gian: tháng 5 và tháng 8/2026.
3. Khảo sát nhu cầu đào tạo; hoàn thành trước Tết Nguyên đán Đinh Mùi 2027.
Văn phòng chủ trì.
`);
    expect(tasks.filter((t) => t.title.startsWith('Thi đua')).map((t) => [t.title, t.start, t.end])).toEqual([
      ['Thi đua chào mừng Đại hội (Đợt 1)', '2026-04-01', '2026-04-30'],
      ['Thi đua chào mừng Đại hội (Đợt 2)', '2026-08-01', '2026-09-02'],
    ]);
    expect(tasks.filter((t) => t.title.startsWith('Tập huấn')).map((t) => t.start)).toEqual([
      '2026-05-01',
      '2026-08-01',
    ]);
    expect(byTitle(tasks, 'Khảo sát')).toMatchObject({ kind: 'deadline', end: '2027-02-05' });
  });

  it('reads a pipe table whose header is on two lines, and an appendix after the signature', () => {
    const tasks = parse(`
II. NỘI DUNG
1. Tổ chức các lớp tập huấn: chi tiết tại Phụ lục kèm theo.

| TT | Nội dung kiểm tra,    | Đơn vị        | Đơn vị         | Thời gian      |
|    | giám sát              | chủ trì       | phối hợp       | thực hiện      |
|----|-----------------------|---------------|----------------|----------------|
| 1  | Kiểm tra hội phí      | Ban Kiểm tra  | Văn phòng      | Quý II/2026    |

Nơi nhận:                                  TM. BAN THƯỜNG VỤ
- Lưu: VT.

PHỤ LỤC
TT\tTên lớp\tThời gian\tĐơn vị chủ trì\tĐơn vị phối hợp
1\tTập huấn kế toán HTX\tTháng 6/2026\tVăn phòng\tBan Kiểm tra
`);
    expect(byTitle(tasks, 'Kiểm tra hội phí')).toMatchObject({
      lead: ['ban-kiem-tra'],
      support: ['van-phong'],
    });
    expect(byTitle(tasks, 'Tập huấn kế toán')).toMatchObject({ lead: ['van-phong'], start: '2026-06-01' });
    // The item that sends the reader to the appendix is no task of its own.
    expect(byTitle(tasks, 'chi tiết tại Phụ lục')).toBeUndefined();
  });
  it('gives the items under "Đối với <unit>" (a Công văn\'s asks per unit) to that unit', () => {
    const tasks = parse(`
II. NỘI DUNG
1. Đối với Văn phòng
a) Tham mưu Kế hoạch tổ chức Tết, trình Thường trực trước ngày 25/12/2026.
b) Tổ chức gặp mặt cán bộ đầu Xuân ngày 13/02/2026.
2. Đối với Ban Kiểm tra:
a) Rà soát Quy chế làm việc; hoàn thành trong Quý I/2026.
`);
    expect(byTitle(tasks, 'Kế hoạch tổ chức Tết')).toMatchObject({ lead: ['van-phong'] });
    expect(byTitle(tasks, 'gặp mặt')).toMatchObject({ lead: ['van-phong'], start: '2026-02-13' });
    expect(byTitle(tasks, 'Quy chế')).toMatchObject({ lead: ['ban-kiem-tra'], end: '2026-03-31' });
  });
  it('reads an assignment matrix (a column per unit, CT / PH / x in the cells) and "-nt-" time cells', () => {
    const tasks = parse(`
II. NHIỆM VỤ
1. Các nhiệm vụ cụ thể tại Phụ lục kèm theo.

Ghi chú: CT – chủ trì; PH – phối hợp. VP – Văn phòng; BKT – Ban Kiểm tra; Quỹ – Quỹ Hỗ trợ phát triển HTX tỉnh.

| TT | Nội dung nhiệm vụ | VP | BKT | Quỹ | Cơ quan khác | Thời gian |
|----|-------------------|----|-----|-----|--------------|-----------|
| 1 | Kiểm tra hoạt động của HTX thành viên | PH | CT |  |  | Quý II/2026 |
| 2 | Cho vay vốn hỗ trợ HTX | x |  | CT |  | -nt- |
| 3 | Rà soát HTX ngừng hoạt động |  | PH |  | Sở Nông nghiệp và Môi trường chủ trì | Tháng 5/2026 |
`);
    expect(byTitle(tasks, 'Kiểm tra hoạt động')).toMatchObject({
      lead: ['ban-kiem-tra'],
      support: ['van-phong'],
    });
    expect(byTitle(tasks, 'Cho vay')).toMatchObject({
      lead: ['quy-ho-tro'],
      support: ['van-phong'],
      start: '2026-04-01',
      end: '2026-06-30',
    });
    expect(byTitle(tasks, 'Rà soát')).toMatchObject({ lead: [], support: ['ban-kiem-tra'] });
  });
  it('reads a line under an item made only of unit names as its lead', () => {
    const tasks = parse(`
II. CÁC HOẠT ĐỘNG
1) Các sự kiện
a. Hội nghị tôn vinh HTX tiêu biểu: sáng 11/4/2026.
   * Ban Tuyên truyền – Đào tạo.
b. Giao lưu thể thao với các HTX: Chủ nhật, 19/4/2026.
   ▪ Văn phòng, Công đoàn cơ quan.
`);
    expect(byTitle(tasks, 'tôn vinh')).toMatchObject({ lead: ['ban-tuyen-truyen'], start: '2026-04-11' });
    expect(byTitle(tasks, 'Giao lưu')).toMatchObject({ lead: ['van-phong'] });
  });
  it('times the items after a month on a line of its own ("THÁNG 1", "Tháng Sáu") by that month', () => {
    const tasks = parse(`
II. NỘI DUNG THEO THÁNG
THÁNG 1
1. Thông qua Kế hoạch công tác năm 2026 (Ban Kiểm tra).
Tháng 02/2026 (nghỉ Tết từ 14/02 đến hết 22/02/2026)
2. Cho ý kiến dự thảo Đề án vị trí việc làm (Văn phòng).
Tháng Sáu
3. Cho ý kiến Kế hoạch thi đua (Văn phòng).
`);
    expect(byTitle(tasks, 'Kế hoạch công tác')).toMatchObject({ start: '2026-01-01', end: '2026-01-31' });
    expect(byTitle(tasks, 'vị trí việc làm')).toMatchObject({ start: '2026-02-01', end: '2026-02-28' });
    expect(byTitle(tasks, 'thi đua')).toMatchObject({ start: '2026-06-01', end: '2026-06-30' });
  });

  it("narrows a group's time by the item's own time inside it, not by a date the work is about", () => {
    const tasks = parse(`
II. NỘI DUNG THEO THÁNG
1. Tháng 3/2026
a) Thông qua Kế hoạch kiểm tra năm 2026 (tuần đầu tháng 3) (Ban Kiểm tra).
b) Lễ kỷ niệm 80 năm Ngày thành lập (11/4/1946 – 11/4/2026) (Văn phòng).
c) Cho ý kiến kế hoạch Hội chợ OCOP (dự kiến tổ chức vào ngày 20/3/2026) (Văn phòng).
`);
    expect(byTitle(tasks, 'Kế hoạch kiểm tra')).toMatchObject({ start: '2026-03-01', end: '2026-03-07' });
    expect(byTitle(tasks, 'kỷ niệm')).toMatchObject({ start: '2026-03-01', end: '2026-03-31' });
    expect(byTitle(tasks, 'Hội chợ')).toMatchObject({ start: '2026-03-01', end: '2026-03-31' });
  });
  it('reads the units after a dash with their verbs, and a list of names in brackets or after an em dash', () => {
    const tasks = parse(`
II. NỘI DUNG
1. Hội nghị tổng kết năm 2025 (Thứ Năm, 15/01/2026) — Ban Chính sách – Phát triển HTX chủ trì, Văn phòng phối hợp.
2. Thông qua Kế hoạch công tác năm 2026 – Ban Tuyên truyền – Đào tạo chuẩn bị.
3. Hội chợ OCOP từ 08 - 12/4/2026 — Quỹ Hỗ trợ phát triển HTX chủ trì; Ban Kiểm tra, Văn phòng phối hợp; mời Sở Công Thương cùng tham gia.
4. Cho ý kiến Kế hoạch thi đua năm 2026 [Ban Kiểm tra]
5. Thăm, chúc Tết các HTX (từ ngày 26/01 đến ngày 13/02/2026) — Văn phòng, Công đoàn cơ quan.
`);
    expect(byTitle(tasks, 'tổng kết')).toMatchObject({
      lead: ['ban-chinh-sach'],
      support: ['van-phong'],
    });
    expect(byTitle(tasks, 'Kế hoạch công tác')).toMatchObject({ lead: ['ban-tuyen-truyen'] });
    expect(byTitle(tasks, 'Hội chợ')).toMatchObject({
      lead: ['quy-ho-tro'],
      support: ['ban-kiem-tra', 'van-phong'],
    });
    expect(byTitle(tasks, 'thi đua')).toMatchObject({ lead: ['ban-kiem-tra'] });
    expect(byTitle(tasks, 'chúc Tết')).toMatchObject({ lead: ['van-phong'] });
  });
  it('reads a calendar in aligned columns whose rows stand apart, each over several lines', () => {
    const tasks = parse(`
II. LỊCH CÁC HOẠT ĐỘNG

  Thời gian                  Nội dung                                        Đơn vị thực hiện

  03/02/2026                 Sinh hoạt chuyên đề kỷ niệm 96 năm Ngày         Văn phòng
                             thành lập Đảng Cộng sản Việt Nam

  Từ 05/02 đến               Thăm, tặng quà Tết các HTX thành viên           Ban Kiểm tra
  14/02/2026                 khó khăn, gia đình chính sách

  19/5/2026                  Sinh hoạt chuyên đề học tập và làm theo tư      Văn phòng
                             tưởng, đạo đức, phong cách Hồ Chí Minh

III. TỔ CHỨC THỰC HIỆN
1. Văn phòng là đầu mối triển khai Kế hoạch.
`);
    expect(byTitle(tasks, 'thành lập Đảng')).toMatchObject({ lead: ['van-phong'], start: '2026-02-03' });
    expect(byTitle(tasks, 'tặng quà Tết')).toMatchObject({
      lead: ['ban-kiem-tra'],
      start: '2026-02-05',
      end: '2026-02-14',
    });
    expect(byTitle(tasks, 'phong cách Hồ Chí Minh')).toMatchObject({ start: '2026-05-19' });
  });
});

describe('a reporting schedule kept in Excel and saved as CSV', () => {
  const CSV = `LIÊN MINH HỢP TÁC XÃ TỈNH DEMO;;;;;
"DANH MỤC BÁO CÁO ĐỊNH KỲ NĂM 2026
(Kèm theo Quyết định số 05/QĐ-LMHTX ngày 08/01/2026)";;;;;
;;;;;
STT;Tên báo cáo;Đơn vị thực hiện;Nơi nhận;Kỳ báo cáo;Hạn nộp
1;"Báo cáo kết quả công tác tháng
của cơ quan";Văn phòng;Thường trực;Tháng;Trước ngày 25 hằng tháng
2;Báo cáo tình hình hoạt động của Quỹ;Quỹ Hỗ trợ phát triển HTX tỉnh;"Thường trực; Sở Tài chính";Quý;Ngày 15 tháng cuối quý
3;Báo cáo kết quả kiểm tra;Ban Kiểm tra;Thường trực;6 tháng;"Trước ngày 20/6;
trước ngày 20/12"
;;;;;
"Ghi chú: Báo cáo gửi qua hệ thống iOffice.";;;;;
`;

  it('reads each row as a report on its rhythm: twelve monthly, four quarterly on the 15th, two half-yearly', () => {
    const tasks = parsePlan(CSV, { org: 'demo', directory }).tasks;
    const monthly = tasks.filter((t) => t.title.startsWith('Báo cáo kết quả công tác tháng của cơ quan'));
    expect(monthly).toHaveLength(12);
    expect(monthly[0]).toMatchObject({ lead: ['van-phong'], start: '2026-01-01', end: '2026-01-24' });
    const fund = tasks.filter((t) => t.title.startsWith('Báo cáo tình hình hoạt động của Quỹ'));
    expect(fund.map((t) => t.end)).toEqual(['2026-03-15', '2026-06-15', '2026-09-15', '2026-12-15']);
    expect(fund[0]).toMatchObject({ lead: ['quy-ho-tro'], support: [] });
    const inspection = tasks.filter((t) => t.title.startsWith('Báo cáo kết quả kiểm tra'));
    expect(inspection.map((t) => t.end)).toEqual(['2026-06-19', '2026-12-19']);
    expect(tasks).toHaveLength(18);
  });

  it('leaves prose with semicolons and commas alone: its lines have every number of them', () => {
    const prose = `${HEAD}
II. NHIỆM VỤ
1. Tổ chức Hội nghị tổng kết năm; biểu dương HTX tiêu biểu; ký kết chương trình phối hợp; trao kỷ niệm chương.
Văn phòng chủ trì; Ban Kiểm tra, Quỹ Hỗ trợ phát triển HTX phối hợp; thời gian: tháng 12/2026.
2. Rà soát, đánh giá, phân loại HTX; đề xuất giải thể HTX ngừng hoạt động, "HTX trên giấy".
`;
    expect(csvAsTabs(prose)).toBe(prose);
  });
});

describe('shapes met in blind set F', () => {
  it("reads a campaign's peak from a time line that names the campaign at length, and times 'trong thời gian cao điểm' by it", () => {
    const tasks = parse(`
II. NỘI DUNG HOẠT ĐỘNG
1. Thời gian cao điểm Tháng hành động vì Hợp tác xã năm 2026: từ ngày 29/3/2026 đến ngày 29/4/2026.
2. Tuyên truyền về Tháng hành động trên Báo và Đài tỉnh trong thời gian cao điểm.
Văn phòng chủ trì thực hiện.
`);
    expect(byTitle(tasks, 'Tuyên truyền về Tháng hành động')).toMatchObject({
      lead: ['van-phong'],
      start: '2026-03-29',
      end: '2026-04-29',
    });
  });

  it('reads a sentence under a heading with no end mark that opens with a unit and its lead verb as the assignment, with its time', () => {
    const tasks = parse(`
II. NỘI DUNG
4. Xét chọn HTX, cá nhân tiêu biểu để tôn vinh tại Lễ kỷ niệm
Ban Kiểm tra chủ trì tổng hợp hồ sơ, trình Hội đồng Thi đua - Khen thưởng xét chọn; hoàn thành trước ngày 31/3/2026.
5. Tổ chức ra mắt các HTX thành lập mới theo Luật Hợp tác xã năm 2023
Ban Tuyên truyền – Đào tạo chủ trì, thực hiện trong tháng 5/2026.
`);
    const chosen = byTitle(tasks, 'Xét chọn HTX');
    expect(chosen).toMatchObject({ lead: ['ban-kiem-tra'], end: '2026-03-30' });
    expect(chosen?.title).toBe('Xét chọn HTX, cá nhân tiêu biểu để tôn vinh tại Lễ kỷ niệm');
    expect(byTitle(tasks, 'ra mắt các HTX')).toMatchObject({
      lead: ['ban-tuyen-truyen'],
      start: '2026-05-01',
      end: '2026-05-31',
    });
  });

  it('keeps a heading wrapped before a unit it works with as one line: that unit is given no lead verb', () => {
    const tasks = parse(`
II. NỘI DUNG
1. Tổ chức hội thảo khoa học về phát triển kinh tế tập thể trong tình hình mới, phối hợp với
Ban Tuyên giáo Tỉnh ủy và các sở, ngành liên quan; thời gian trong tháng 9/2026.
Văn phòng chủ trì.
`);
    expect(byTitle(tasks, 'phối hợp với Ban Tuyên giáo Tỉnh ủy')).toMatchObject({
      lead: ['van-phong'],
      start: '2026-09-01',
      end: '2026-09-30',
    });
  });

  it('reads "PHÂN CÔNG NHIỆM VỤ" that lists dated work department by department as that work, led by each', () => {
    const tasks = parse(`
III. PHÂN CÔNG NHIỆM VỤ
1. Văn phòng
- Tham mưu tổ chức Hội nghị tổng kết công tác năm 2025. Thời gian: trong tháng 01/2026.
- Xây dựng báo cáo kết quả công tác 6 tháng đầu năm 2026, hoàn thành trước ngày 20/6/2026.
2. Ban Kiểm tra
- Xây dựng Kế hoạch kiểm tra, giám sát năm 2026, ban hành trong tháng 02/2026.
- Theo dõi việc chấp hành Điều lệ của HTX thành viên: thường xuyên.
3. Quỹ Hỗ trợ phát triển HTX
- Thẩm định hồ sơ, giải ngân cho vay trong Quý II/2026.

IV. TỔ CHỨC THỰC HIỆN
Các ban, Văn phòng, Quỹ căn cứ nhiệm vụ được phân công xây dựng kế hoạch chi tiết.
`);
    expect(byTitle(tasks, 'Hội nghị tổng kết')).toMatchObject({ lead: ['van-phong'], end: '2026-01-31' });
    expect(byTitle(tasks, 'Kế hoạch kiểm tra')).toMatchObject({ lead: ['ban-kiem-tra'], end: '2026-02-28' });
    // Undated, and still the unit's work in this list, not a standing responsibility.
    expect(byTitle(tasks, 'chấp hành Điều lệ')).toMatchObject({ lead: ['ban-kiem-tra'] });
    expect(byTitle(tasks, 'chấp hành Điều lệ')?.kind).not.toBe('duty');
    expect(byTitle(tasks, 'giải ngân')).toMatchObject({ lead: ['quy-ho-tro'], start: '2026-04-01' });
    expect(tasks.filter((t) => t.ref.startsWith('III.')).every((t) => t.kind !== 'duty')).toBe(true);
  });

  it('reads classes named "Lớp 1.", "Lớp 2." under a heading that gives their lead and helper, and their field lines', () => {
    const tasks = parse(`
II. NỘI DUNG, THỜI GIAN
Khảo sát nhu cầu đào tạo của các HTX: trong tháng 02/2026; Ban Tuyên truyền - Đào tạo thực hiện, Văn phòng phối hợp.

1. Các lớp do Ban Tuyên truyền – Đào tạo chủ trì, Ban Kiểm tra phối hợp tuyển sinh
   Lớp 1. Bồi dưỡng kiến thức quản trị HTX
          - Thời gian: tháng 3/2026  - Địa điểm: thành phố Demo  - Số lượng: 70 học viên
   Lớp 2. Nghiệp vụ kế toán HTX
          - Thời gian: tháng 4/2026  - Địa điểm: huyện Đông  - Số lượng: 60 học viên
2. Các lớp do Ban Chính sách - Phát triển HTX chủ trì
   Lớp 3. Phổ biến chính sách hỗ trợ HTX
          - Thời gian: tháng 7/2026  - Địa điểm: huyện Tây
3. Bồi dưỡng cán bộ cơ quan (Văn phòng chủ trì)
   - Cử cán bộ tham gia các lớp do Liên minh HTX Việt Nam tổ chức (theo thông báo triệu tập).
   - Tổ chức 01 đoàn học tập kinh nghiệm tại tỉnh Lâm Đồng (Quý III/2026).

IV. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên truyền – Đào tạo
- Hoàn thành biên soạn tài liệu các lớp trước ngày 28/02/2026.
- Quản lý lớp học, tổng hợp danh sách học viên.
- Tổng kết công tác đào tạo năm 2026, đề xuất kế hoạch năm 2027 (tháng 12/2026).
`);
    expect(byTitle(tasks, 'Khảo sát nhu cầu')).toMatchObject({
      lead: ['ban-tuyen-truyen'],
      support: ['van-phong'],
      end: '2026-02-28',
    });
    expect(byTitle(tasks, 'kiến thức quản trị')).toMatchObject({
      lead: ['ban-tuyen-truyen'],
      support: ['ban-kiem-tra'],
      start: '2026-03-01',
      end: '2026-03-31',
    });
    expect(byTitle(tasks, 'kế toán')).toMatchObject({ lead: ['ban-tuyen-truyen'], start: '2026-04-01' });
    expect(byTitle(tasks, 'Phổ biến chính sách')).toMatchObject({
      lead: ['ban-chinh-sach'],
      start: '2026-07-01',
    });
    // The heading over two lines of work is a group, not a task.
    expect(byTitle(tasks, 'Bồi dưỡng cán bộ cơ quan')).toBeUndefined();
    expect(byTitle(tasks, 'đoàn học tập')).toMatchObject({ lead: ['van-phong'], start: '2026-07-01' });
    expect(byTitle(tasks, 'Cử cán bộ')).toMatchObject({ lead: ['van-phong'] });
    // In "Tổ chức thực hiện", a line with a time of its own is work due then; one without is a duty.
    expect(byTitle(tasks, 'biên soạn tài liệu')).toMatchObject({ kind: 'deadline', end: '2026-02-27' });
    expect(byTitle(tasks, 'Tổng kết công tác đào tạo')).toMatchObject({
      kind: 'review',
      start: '2026-12-01',
      end: '2026-12-31',
    });
    expect(byTitle(tasks, 'Quản lý lớp học')?.kind).toBe('duty');
  });

  it('reads "Giao: X. Thời hạn: …" under a preparation step, and a time sentence after the unit', () => {
    const tasks = parse(`
III. CÔNG TÁC CHUẨN BỊ
1. Văn phòng, Ban Kiểm tra, Quỹ Hỗ trợ phát triển HTX gửi số liệu 6 tháng về Ban Tuyên truyền – Đào tạo.
   Thời hạn: trước ngày 20/6/2026.
2. Dự toán kinh phí tổ chức Hội nghị
   Giao: Văn phòng. Thời hạn: trình Thường trực phê duyệt trước ngày 20/6/2026.
3. Trang trí hội trường, đón tiếp đại biểu
   Giao: Văn phòng. Thực hiện ngày 09/7/2026.
4. Giai đoạn I: chuẩn bị tài liệu hội nghị trước ngày 30/6/2026.
`);
    // The fourth unit is the Quỹ, not "Quỹ … HTX tỉnh" stretched over the verb "gửi".
    expect(byTitle(tasks, 'gửi số liệu')).toMatchObject({
      lead: ['van-phong', 'ban-kiem-tra', 'quy-ho-tro'],
      end: '2026-06-19',
    });
    expect(byTitle(tasks, 'Dự toán kinh phí')).toMatchObject({ lead: ['van-phong'], end: '2026-06-19' });
    expect(byTitle(tasks, 'Trang trí hội trường')).toMatchObject({
      lead: ['van-phong'],
      start: '2026-07-09',
      end: '2026-07-09',
    });
    // "Giai đoạn I:" is no "Giao:" for all that OCR tolerance allows a letter.
    expect(byTitle(tasks, 'chuẩn bị tài liệu')?.lead).toEqual([]);
  });

  it("reads a meeting's agenda beside its time and place as points held on its day, led by their presenters", () => {
    const text = `LIÊN MINH HỢP TÁC XÃ TỈNH DEMO
Số: 74/KH-LMHTX                          Demo, ngày 05 tháng 6 năm 2026

KẾ HOẠCH
Tổ chức Hội nghị Ban Chấp hành lần thứ 6

I. MỤC ĐÍCH, YÊU CẦU
- Đánh giá kết quả 6 tháng đầu năm 2026.

II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN, NỘI DUNG HỘI NGHỊ
1. Thời gian: 01 ngày, thứ Sáu, ngày 10/7/2026.
2. Địa điểm: Hội trường Liên minh HTX tỉnh.
3. Nội dung Hội nghị:
(1) Thông qua Báo cáo sơ kết công tác 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2026 (Ban Kiểm tra trình bày).
(2) Cho ý kiến dự thảo Đề án phát triển HTX giai đoạn 2026 - 2030 (Văn phòng trình bày).

III. TỔ CHỨC THỰC HIỆN
1. Văn phòng chịu trách nhiệm chung về công tác tổ chức, hậu cần Hội nghị.
`;
    const tasks = parsePlan(text, { org: 'demo', directory }).tasks;
    expect(byTitle(tasks, 'Thông qua Báo cáo sơ kết')).toMatchObject({
      kind: 'agenda',
      lead: ['ban-kiem-tra'],
      start: '2026-07-10',
      end: '2026-07-10',
    });
    expect(byTitle(tasks, 'Đề án phát triển')).toMatchObject({ lead: ['van-phong'], start: '2026-07-10' });
    // The standing duty runs through the year, not the meeting's day.
    expect(byTitle(tasks, 'chịu trách nhiệm chung')).toMatchObject({
      kind: 'duty',
      start: '2026-01-01',
      end: '2026-12-31',
    });
  });

  it('reads a quarterly programme table: its quarter from the title line, weeks of each month, and an unnumbered "TỔ CHỨC THỰC HIỆN" after it', () => {
    const text = `LIÊN MINH HỢP TÁC XÃ TỈNH DEMO
Số: 58/CTr-LMHTX                          Demo, ngày 27 tháng 3 năm 2026

CHƯƠNG TRÌNH CÔNG TÁC QUÝ II/2026
CỦA THƯỜNG TRỰC, BAN THƯỜNG VỤ LIÊN MINH HTX TỈNH

TT\tNội dung công việc\tĐơn vị chủ trì tham mưu\tĐơn vị phối hợp\tThời gian
I\tTHÁNG 4/2026\t\t\t
1\tLàm việc với UBND thị xã Phú Mỹ về tình hình phát triển HTX\tBan Kiểm tra\tVăn phòng\tTuần 2
2\tKiểm tra việc sử dụng vốn vay tại 03 HTX\tBan Kiểm tra\tQuỹ Hỗ trợ phát triển HTX\tTuần 3 - 4
II\tCÔNG VIỆC THƯỜNG XUYÊN TRONG QUÝ\t\t\t
3\tCập nhật tin, bài trên Trang thông tin điện tử\tVăn phòng\t\tCả quý

TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, đôn đốc các đơn vị thực hiện Chương trình; báo cáo Thường trực vào phiên giao ban hằng tháng.
2. Các Ban, Quỹ căn cứ nội dung được phân công xây dựng kế hoạch chi tiết.
`;
    const tasks = parsePlan(text, { org: 'demo', directory }).tasks;
    expect(byTitle(tasks, 'Làm việc với UBND')).toMatchObject({ start: '2026-04-08', end: '2026-04-14' });
    expect(byTitle(tasks, 'vốn vay')).toMatchObject({ start: '2026-04-15', end: '2026-04-28' });
    expect(byTitle(tasks, 'Cập nhật tin')).toMatchObject({ start: '2026-04-01', end: '2026-06-30' });
    // A standing duty that reports "hằng tháng" on no day of its own is one duty, not a task a month.
    const followUp = tasks.filter((t) => t.title.includes('theo dõi, đôn đốc'));
    expect(followUp).toHaveLength(1);
    expect(followUp[0]?.kind).toBe('duty');
  });

  it('reads a unit whose name holds a dash after the last dash of the line', () => {
    const tasks = parse(`
II. NỘI DUNG
1. Báo cáo kết quả Tháng hành động gửi Liên minh HTX Việt Nam trước ngày 10/5/2026 – Ban Tuyên truyền – Đào tạo.
`);
    expect(byTitle(tasks, 'Báo cáo kết quả Tháng hành động')).toMatchObject({
      lead: ['ban-tuyen-truyen'],
      end: '2026-05-09',
    });
  });

  it("writes out times counted from the plan's event: days before the opening, after the closing, and a fair's day N", () => {
    const text = `LIÊN MINH HỢP TÁC XÃ TỈNH DEMO
Số: 88/KH-LMHTX                          Demo, ngày 15 tháng 5 năm 2026

KẾ HOẠCH
Tổ chức Hội chợ sản phẩm Hợp tác xã năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Quảng bá sản phẩm của HTX.

II. QUY MÔ, THỜI GIAN, ĐỊA ĐIỂM
1. Thời gian: 04 ngày, từ ngày 20/8/2026 đến hết ngày 23/8/2026. Ngày khai mạc (thứ Năm, 20/8/2026) trong Kế hoạch này gọi là ngày N.
2. Địa điểm: Quảng trường trung tâm.

III. TIẾN ĐỘ CHUẨN BỊ VÀ PHÂN CÔNG
1. Ngày N-50: Họp Ban Tổ chức lần thứ nhất, thông qua phương án tổ chức (Văn phòng chuẩn bị).
2. Trước ngày N ít nhất 45 ngày, Ban Kiểm tra gửi thư mời các HTX đăng ký tham gia gian hàng.
3. Từ N-30 đến N-15: Văn phòng lựa chọn đơn vị thi công gian hàng (Ban Kiểm tra phối hợp).
4. Gửi giấy mời đại biểu chậm nhất 10 ngày trước ngày khai mạc; Văn phòng thực hiện.
5. Chậm nhất 10 ngày sau ngày bế mạc: Ban Kiểm tra báo cáo kết quả Hội chợ gửi UBND tỉnh.
`;
    const tasks = parsePlan(text, { org: 'demo', directory }).tasks;
    expect(byTitle(tasks, 'Họp Ban Tổ chức')).toMatchObject({ start: '2026-07-01', end: '2026-07-01' });
    expect(byTitle(tasks, 'gửi thư mời')).toMatchObject({ lead: ['ban-kiem-tra'], end: '2026-07-06' });
    expect(byTitle(tasks, 'đơn vị thi công')).toMatchObject({
      lead: ['van-phong'],
      support: ['ban-kiem-tra'],
      start: '2026-07-21',
      end: '2026-08-05',
    });
    expect(byTitle(tasks, 'giấy mời đại biểu')).toMatchObject({ end: '2026-08-10' });
    expect(byTitle(tasks, 'báo cáo kết quả Hội chợ')).toMatchObject({ kind: 'deadline', end: '2026-09-02' });
  });

  it('reads a work calendar laid out day by day: each entry on its day or days, its "Chuẩn bị:" unit as lead', () => {
    const text = `LIÊN MINH HỢP TÁC XÃ TỈNH DEMO
Số: 41/LCT-LMHTX                          Demo, ngày 29 tháng 5 năm 2026

                          LỊCH CÔNG TÁC THÁNG 6/2026
        của Thường trực và cơ quan Liên minh Hợp tác xã tỉnh

====================================================================
TUẦN 23 (từ ngày 01/6 đến ngày 05/6/2026)
====================================================================
THỨ HAI (01/6)
  Sáng  07g30  Chủ tịch chủ trì giao ban Thường trực, lãnh đạo các Ban tháng 6/2026.
               Chuẩn bị: Văn phòng.  Địa điểm: Phòng họp lầu 2.
THỨ NĂM (04/6)
  Sáng  08g00  Hội nghị phát động phong trào thi đua 6 tháng cuối năm 2026.
               Chuẩn bị: Ban Tuyên truyền - Đào tạo.  Phối hợp: Văn phòng.
THỨ SÁU (05/6)
  17g00        Hạn chót Quỹ Hỗ trợ phát triển HTX trình kết quả thẩm định hồ sơ vay vốn.
THỨ BA (16/6) - THỨ TƯ (17/6)
  Cả ngày      Tập huấn kỹ năng bán hàng qua mạng cho HTX tại huyện Đông.
               Chuẩn bị: Ban Kiểm tra.

CÔNG VIỆC THỰC HIỆN TRONG THÁNG (không ấn định ngày)
- Đôn đốc thu hồi nợ vay đến hạn Quý II/2026: hoàn thành trước ngày 30/6/2026.
  Thực hiện: Quỹ Hỗ trợ phát triển HTX.

Nơi nhận:
- Lưu: VT.
`;
    const tasks = parsePlan(text, { org: 'demo', directory }).tasks;
    expect(byTitle(tasks, 'giao ban Thường trực')).toMatchObject({
      lead: ['van-phong'],
      start: '2026-06-01',
      end: '2026-06-01',
    });
    expect(byTitle(tasks, 'phát động phong trào')).toMatchObject({
      lead: ['ban-tuyen-truyen'],
      support: ['van-phong'],
      start: '2026-06-04',
    });
    expect(byTitle(tasks, 'thẩm định hồ sơ vay vốn')).toMatchObject({ end: '2026-06-05' });
    expect(byTitle(tasks, 'Hạn chót')).toBeUndefined();
    expect(byTitle(tasks, 'bán hàng qua mạng')).toMatchObject({ start: '2026-06-16', end: '2026-06-17' });
    expect(byTitle(tasks, 'thu hồi nợ vay')).toMatchObject({ lead: ['quy-ho-tro'], end: '2026-06-29' });
  });

  it('reads a timeline whose steps are headed by their time, with the work unit by unit under each', () => {
    const tasks = parse(`
IV. CÔNG TÁC CHUẨN BỊ
1. Từ nay đến trước ngày 12/02/2026
- Ban Kiểm tra: dự thảo Báo cáo tổng kết công tác năm 2025.
- Văn phòng: dự thảo Chương trình công tác năm 2026; gửi số liệu trước ngày 08/02/2026.
2. Ngày 13/02/2026
- Ban Thường vụ họp cho ý kiến vào các dự thảo văn bản (Văn phòng chuẩn bị tài liệu).
3. Sau Hội nghị
- Quỹ Hỗ trợ phát triển HTX: bố trí vốn cho HTX thành viên trước Tết Nguyên đán Bính Ngọ.
- Các Ban, Văn phòng tiếp thu ý kiến, hoàn chỉnh văn bản.
`);
    expect(byTitle(tasks, 'Báo cáo tổng kết')).toMatchObject({ lead: ['ban-kiem-tra'], end: '2026-02-11' });
    expect(byTitle(tasks, 'Chương trình công tác')).toMatchObject({ lead: ['van-phong'], end: '2026-02-07' });
    expect(byTitle(tasks, 'họp cho ý kiến')).toMatchObject({ lead: ['van-phong'], start: '2026-02-13' });
    // "bố trí" after the colon is no "Bộ": the Quỹ leads; Tết Bính Ngọ is 17/02/2026.
    expect(byTitle(tasks, 'trí vốn cho HTX')).toMatchObject({ lead: ['quy-ho-tro'], end: '2026-02-16' });
    expect(byTitle(tasks, 'tiếp thu ý kiến')?.lead).toEqual(
      expect.arrayContaining(['ban-kiem-tra', 'ban-tuyen-truyen', 'ban-chinh-sach', 'van-phong']),
    );
    // The headings are the steps' times, not tasks.
    expect(byTitle(tasks, 'Sau Hội nghị')).toBeUndefined();
    expect(tasks.some((t) => t.title.startsWith('Ngày 13/02'))).toBe(false);
  });

  it('reads items written in prose: paragraphs opened by an indent, the time and lead inside their sentences', () => {
    const tasks = parse(`
IV. NỘI DUNG HOẠT ĐỘNG

     1. Lễ phát động Tháng hành động vì Hợp tác xã
     Lễ phát động được tổ chức vào sáng thứ Bảy, ngày 28/3/2026 tại hội trường
cơ quan, kết nối trực tuyến với các điểm cầu. Văn phòng chủ trì, phối hợp Ban
Kiểm tra chuẩn bị kịch bản, diễn văn và hậu cần.

     2. Lễ kỷ niệm 80 năm Ngày Hợp tác xã Việt Nam, tôn vinh HTX tiêu biểu
     Lễ kỷ niệm tổ chức sáng thứ Sáu, ngày 10/4/2026, do Ban Tuyên truyền - Đào tạo
chủ trì, Văn phòng phối hợp; mời lãnh đạo tỉnh, các sở, ngành và đại diện HTX
dự.
     Ban Kiểm tra hướng dẫn các HTX lập hồ sơ, tổng hợp và trình Hội đồng xét chọn
mười HTX tiêu biểu để tôn vinh tại Lễ kỷ niệm; hồ sơ gửi về chậm nhất ngày 31/3/2026.

     3. Thăm, tặng quà HTX gặp khó khăn
     Thường trực thăm, tặng quà các HTX bị thiệt hại do mưa lũ cuối năm 2025
trong tháng 4/2026; Văn phòng chủ trì chuẩn bị quà, lịch trình.
`);
    expect(byTitle(tasks, 'Lễ phát động')).toMatchObject({
      lead: ['van-phong'],
      start: '2026-03-28',
      end: '2026-03-28',
    });
    expect(byTitle(tasks, 'Lễ kỷ niệm 80 năm')).toMatchObject({
      lead: ['ban-tuyen-truyen'],
      support: ['van-phong'],
      start: '2026-04-10',
      end: '2026-04-10',
    });
    expect(byTitle(tasks, 'lập hồ sơ')).toMatchObject({ lead: ['ban-kiem-tra'], end: '2026-03-31' });
    expect(byTitle(tasks, 'Thăm, tặng quà')).toMatchObject({ start: '2026-04-01', end: '2026-04-30' });
  });

  it('reads rules of recurrence by where they fall: the last month of each quarter, the months written, the next quarter', () => {
    const tasks = parse(`
II. NHIỆM VỤ CỤ THỂ
1. Phát hành Bản tin Kinh tế hợp tác, mỗi quý 01 số, phát hành vào tháng cuối quý (Ban Kiểm tra thực hiện).
2. Kiểm tra sau cho vay các dự án đã giải ngân, ít nhất 6 tháng 01 lần (tháng 6 và tháng 12/2026). Quỹ Hỗ trợ phát triển HTX thực hiện.
3. Báo cáo Ban Thường vụ kết quả hoạt động của Quỹ hằng quý, trước ngày 10 của tháng đầu quý sau.
4. Tổ chức Hội nghị sơ kết 6 tháng đầu năm (dự kiến tháng 7/2026) và Hội nghị tổng kết công tác năm 2026 (dự kiến ngày 22/12/2026). Văn phòng chủ trì.
5. Các Ban, Quỹ báo cáo tiến độ thực hiện về Ban Kiểm tra trước ngày 20 hằng tháng.
`);
    const bulletins = tasks.filter((t) => t.title.startsWith('Phát hành Bản tin'));
    expect(bulletins.map((t) => [t.start, t.end])).toEqual([
      ['2026-03-01', '2026-03-31'],
      ['2026-06-01', '2026-06-30'],
      ['2026-09-01', '2026-09-30'],
      ['2026-12-01', '2026-12-31'],
    ]);
    const checks = tasks.filter((t) => t.title.startsWith('Kiểm tra sau cho vay'));
    expect(checks.map((t) => [t.start, t.end])).toEqual([
      ['2026-06-01', '2026-06-30'],
      ['2026-12-01', '2026-12-31'],
    ]);
    const reports = tasks.filter((t) => t.title.startsWith('Báo cáo Ban Thường vụ'));
    expect(reports.map((t) => t.end)).toEqual(['2026-04-09', '2026-07-09', '2026-10-09', '2027-01-09']);
    expect(byTitle(tasks, 'Hội nghị sơ kết')).toMatchObject({
      lead: ['van-phong'],
      start: '2026-07-01',
      end: '2026-07-31',
    });
    expect(byTitle(tasks, 'Hội nghị tổng kết')).toMatchObject({
      lead: ['van-phong'],
      start: '2026-12-22',
      end: '2026-12-22',
    });
    // Every Ban but the one the reports go to, and the Quỹ named last before the verb.
    expect(byTitle(tasks, 'báo cáo tiến độ')?.lead.sort()).toEqual([
      'ban-chinh-sach',
      'ban-tuyen-truyen',
      'quy-ho-tro',
    ]);
  });

  it('reads "Các phòng, Trung tâm, Quỹ" as kinds of unit, and a table cell of abbreviations in capitals as a cell', () => {
    const phong: OrgDirectory = {
      phong: {
        name: 'Liên minh Hợp tác xã tỉnh Phòng',
        departments: {
          'van-phong': ['Văn phòng', 'VP'],
          'phong-kiem-tra': ['Phòng Kiểm tra', 'P.KT'],
          'phong-chinh-sach': ['Phòng Chính sách', 'P.CS'],
          'trung-tam': ['Trung tâm Xúc tiến thương mại', 'TT XTTM&DV'],
          quy: ['Quỹ Hỗ trợ phát triển HTX', 'Quỹ HTPT'],
        },
      },
    };
    const text = `${HEAD}
II. CHƯƠNG TRÌNH

TT
Nội dung công việc
Đơn vị chủ trì
Đơn vị phối hợp
Thời gian
I
THÁNG 4/2026
1
Cho ý kiến Kế hoạch tổ chức kỷ niệm Ngày Hợp tác xã Việt Nam
P.KT
VP, TT XTTM&DV
Tuần 1 (01-03/4)
2
Báo cáo kết quả công tác tháng gửi Thường trực
Các phòng, Trung tâm, Quỹ
VP (tổng hợp)
Trước ngày 25/4/2026
`;
    const tasks = parsePlan(text, { org: 'phong', directory: phong }).tasks;
    expect(byTitle(tasks, 'Cho ý kiến Kế hoạch')).toMatchObject({
      lead: ['phong-kiem-tra'],
      support: ['van-phong', 'trung-tam'],
      start: '2026-04-01',
      end: '2026-04-03',
    });
    expect(byTitle(tasks, 'Báo cáo kết quả công tác tháng')?.lead.sort()).toEqual([
      'phong-chinh-sach',
      'phong-kiem-tra',
      'quy',
      'trung-tam',
    ]);
  });

  it("reads an item's time and lead from its footnote, and skips the table of contents", () => {
    const text = `${HEAD}
MỤC LỤC
1. Mục đích, yêu cầu ............................................... 1
2. Nội dung ........................................................ 2

II. NỘI DUNG
1. Mở chuyên mục "Hợp tác xã và Luật mới" trên Báo Demo[1].
2. Hội nghị phổ biến Luật Hợp tác xã khu vực phía Đông[2].
3. Thiết kế, phát hành tờ gấp về thủ tục đăng ký HTX, hoàn thành trước ngày 31/3/2026[3].

Nơi nhận:
- Lưu: VT.

_______________________
Chú thích
[1] Thực hiện từ tháng 3 đến tháng 11/2026, mỗi tháng 02 kỳ; Ban Tuyên truyền
- Đào tạo chủ trì.
[2] Dự kiến ngày 24/3/2026; Ban Kiểm tra chủ trì, Văn phòng phối hợp.
[3] Văn phòng chủ trì.
`;
    const tasks = parsePlan(text, { org: 'demo', directory }).tasks;
    // Two issues a month is a rate over the months, one task.
    const column = tasks.filter((t) => t.title.includes('chuyên mục'));
    expect(column).toHaveLength(1);
    expect(column[0]).toMatchObject({ lead: ['ban-tuyen-truyen'], start: '2026-03-01', end: '2026-11-30' });
    expect(byTitle(tasks, 'Hội nghị phổ biến')).toMatchObject({
      lead: ['ban-kiem-tra'],
      support: ['van-phong'],
      start: '2026-03-24',
    });
    expect(byTitle(tasks, 'tờ gấp')).toMatchObject({ lead: ['van-phong'], end: '2026-03-30' });
    expect(tasks.some((t) => t.title.startsWith('Mục đích'))).toBe(false);
  });

  it('reads an export of assigned work, record by record: its unit, its dates, a cancelled record and a parent left out', () => {
    const record = (n: string, title: string, lead: string, rest: string): string =>
      `[${n}] Mã CV: CV-2026-03${n}\nTên công việc      : ${title}\nĐơn vị xử lý chính : ${lead}\nNgày giao          : 12/03/2026\n${rest}\n${'-'.repeat(40)}`;
    const text = [
      'HỆ THỐNG QUẢN LÝ VĂN BẢN VÀ ĐIỀU HÀNH',
      'LIÊN MINH HỢP TÁC XÃ TỈNH DEMO',
      'DANH SÁCH CÔNG VIỆC THEO VĂN BẢN GIAO VIỆC',
      record(
        '1',
        'Rà soát danh sách HTX thành viên',
        'Ban Kiểm tra',
        'Ngày bắt đầu       : 16/03/2026\nHạn xử lý          : 30/04/2026 17:00\nTrạng thái         : Chưa xử lý',
      ),
      record(
        '2',
        'Tổ chức hội thảo đã bỏ',
        'Văn phòng',
        'Hạn xử lý          : 30/05/2026 17:00\nTrạng thái         : Đã hủy',
      ),
      record('3', 'Hội chợ sản phẩm HTX', 'Văn phòng', 'Trạng thái         : Chưa xử lý'),
      '    [3.1] Mã CV: CV-2026-0315-01',
      '    Tên công việc      : Vận động HTX đăng ký gian hàng Hội chợ',
      '    Đơn vị xử lý chính : Ban Tuyên truyền - Đào tạo',
      '    Ngày bắt đầu       : 01/04/2026',
      '    Hạn xử lý          : 31/05/2026 17:00',
      record(
        '4',
        'Báo cáo tình hình hoạt động của HTX thành viên',
        'Văn phòng',
        'Chu kỳ             : Hằng tháng, hạn xử lý ngày 22\nTrạng thái         : Chưa xử lý',
      ),
    ].join('\n');
    const tasks = parsePlan(text, { org: 'demo', directory }).tasks;
    expect(byTitle(tasks, 'Rà soát danh sách')).toMatchObject({
      lead: ['ban-kiem-tra'],
      start: '2026-03-16',
      end: '2026-04-30',
    });
    expect(byTitle(tasks, 'hội thảo đã bỏ')).toBeUndefined();
    expect(tasks.some((t) => t.title === 'Hội chợ sản phẩm HTX')).toBe(false);
    expect(byTitle(tasks, 'đăng ký gian hàng')).toMatchObject({
      lead: ['ban-tuyen-truyen'],
      end: '2026-05-31',
    });
    const monthly = tasks.filter((t) => t.title.startsWith('Báo cáo tình hình hoạt động'));
    // From March, when the work was given, each due on the 22nd.
    expect(monthly[0]).toMatchObject({ start: '2026-03-01', end: '2026-03-22' });
    expect(monthly).toHaveLength(10);
  });

  it('reads a table drawn with box characters, its cells wrapped over lines, and parts of a month under its heading', () => {
    const text = `${HEAD}
II. CHƯƠNG TRÌNH
┌────┬────────────────────────────────────────┬──────────────┬────────────────┬────────────────┐
│ TT │ Nội dung công việc                     │ Đơn vị chủ   │ Đơn vị phối    │ Thời gian      │
│    │                                        │ trì          │ hợp            │                │
├────┴────────────────────────────────────────┴──────────────┴────────────────┴────────────────┤
│ A. THÁNG 5/2026                                                                              │
├────┬────────────────────────────────────────┬──────────────┬────────────────┬────────────────┤
│ 1  │ Cho ý kiến đối với Kế hoạch tổ chức    │ Ban Kiểm tra │ Văn phòng      │ Tuần 3 - Tuần 4│
│    │ Ngày hội Hợp tác xã tỉnh năm 2026      │              │                │                │
├────┼────────────────────────────────────────┼──────────────┼────────────────┼────────────────┤
│ 2  │ Sơ kết công tác tháng, triển khai      │ Văn phòng    │                │ Cuối tháng     │
│    │ nhiệm vụ tháng tiếp theo               │              │                │                │
└────┴────────────────────────────────────────┴──────────────┴────────────────┴────────────────┘
`;
    const tasks = parsePlan(text, { org: 'demo', directory }).tasks;
    expect(byTitle(tasks, 'Ngày hội Hợp tác xã')).toMatchObject({
      lead: ['ban-kiem-tra'],
      support: ['van-phong'],
      start: '2026-05-15',
      end: '2026-05-28',
    });
    expect(byTitle(tasks, 'Sơ kết công tác tháng')).toMatchObject({
      lead: ['van-phong'],
      start: '2026-05-21',
      end: '2026-05-31',
    });
  });

  it('reads "HÌNH THỨC, THỜI GIAN THỰC HIỆN" as work, a list of topics as none, and a line ending on "trong" as running on', () => {
    const tasks = parse(`
II. NỘI DUNG TUYÊN TRUYỀN
- Những điểm mới của Luật HTX năm 2023: thành viên liên kết không góp vốn, Quỹ chung không chia.
- Gương điển hình HTX kiểu mới trên địa bàn tỉnh.

III. HÌNH THỨC, THỜI GIAN THỰC HIỆN
1. Hội nghị, đối thoại (Ban Kiểm tra chủ trì, Văn phòng phối hợp)
1.1. Tọa đàm về chuyển đổi HTX theo Luật HTX năm 2023, trung tuần tháng 6/2026.
1.2. Đối thoại chính sách với các HTX nuôi trồng thủy sản tại đặc khu Phú Quốc, trong
Quý III/2026 (Ban Tuyên truyền - Đào tạo chủ trì; Sở Nông nghiệp và Môi trường phối hợp).
`);
    expect(byTitle(tasks, 'Những điểm mới')).toBeUndefined();
    expect(byTitle(tasks, 'Gương điển hình')).toBeUndefined();
    expect(byTitle(tasks, 'Tọa đàm')).toMatchObject({
      lead: ['ban-kiem-tra'],
      start: '2026-06-11',
      end: '2026-06-20',
    });
    expect(byTitle(tasks, 'Đối thoại chính sách')).toMatchObject({
      lead: ['ban-tuyen-truyen'],
      start: '2026-07-01',
      end: '2026-09-30',
    });
  });

  it('reads a lead written in a sentence of its own after the item, and a due day later in a quarterly clause', () => {
    const tasks = parse(`
II. NHIỆM VỤ CỤ THỂ
1.1. Biên tập, phát hành Bản tin Kinh tế hợp tác, mỗi quý 01 số, phát hành vào tháng cuối quý.
Việc này giao Ban Kiểm tra.

1.2. Tổ chức Hội thảo về hợp tác xã kiểu mới trong tháng 5/2026.
Đơn vị chủ trì là Ban Tuyên truyền – Đào tạo.

1.3. Báo cáo tình hình hoạt động hằng quý gửi Liên minh HTX Việt Nam và UBND tỉnh,
trước ngày 18 của tháng cuối quý.
Văn phòng chủ trì tổng hợp.
`);
    expect(
      tasks.filter((t) => t.title.startsWith('Biên tập')).every((t) => t.lead[0] === 'ban-kiem-tra'),
    ).toBe(true);
    expect(byTitle(tasks, 'Hội thảo')).toMatchObject({ lead: ['ban-tuyen-truyen'], start: '2026-05-01' });
    const reports = tasks.filter((t) => t.title.startsWith('Báo cáo tình hình'));
    expect(reports.map((t) => t.end)).toEqual(['2026-03-17', '2026-06-17', '2026-09-17', '2026-12-17']);
  });
});

describe('shapes met in blind set K', () => {
  it("reads the plan a signed decision issues (the plan comes after the decision's recipients), and cuts an item that names its timed steps at them", () => {
    const draft = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 15/QĐ-LMHTX                         Demo, ngày 23 tháng 01 năm 2026

QUYẾT ĐỊNH
Về việc ban hành Kế hoạch phát triển thành viên năm 2026

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển thành viên năm 2026.
Điều 2. Chánh Văn phòng, Trưởng các ban chịu trách nhiệm thi hành Quyết định này.

Nơi nhận:                                                    CHỦ TỊCH
- Như Điều 2;
- Lưu: VT.

LIÊN MINH HTX TỈNH DEMO
                                KẾ HOẠCH
         Phát triển thành viên năm 2026
  (Ban hành kèm theo Quyết định số 15/QĐ-LMHTX ngày 23/01/2026)

I. MỤC ĐÍCH, YÊU CẦU
- Tăng số lượng thành viên.

II. NHIỆM VỤ CỤ THỂ
1. Rà soát hợp tác xã ngừng hoạt động.
   - Chủ trì: Ban Kiểm tra; phối hợp: Văn phòng.
   - Thời hạn: Quý I/2026.
2. Sơ kết 6 tháng và tổng kết năm thực hiện Kế hoạch.
   - Chủ trì: Văn phòng.
   - Thời hạn: sơ kết tháng 7/2026; tổng kết tháng 12/2026.
`,
      { org: 'demo', directory },
    );
    expect(draft.title).toBe(
      'Kế hoạch Phát triển thành viên năm 2026 (Ban hành kèm theo Quyết định số 15/QĐ-LMHTX ngày 23/01/2026)',
    );
    expect(byTitle(draft.tasks, 'Rà soát')).toMatchObject({
      lead: ['ban-kiem-tra'],
      support: ['van-phong'],
      start: '2026-01-01',
      end: '2026-03-31',
    });
    expect(draft.tasks.filter((t) => t.lead[0] === 'van-phong').map((t) => [t.title, t.start])).toEqual([
      ['Sơ kết 6 tháng thực hiện Kế hoạch', '2026-07-01'],
      ['Tổng kết năm thực hiện Kế hoạch', '2026-12-01'],
    ]);
  });
});

describe('shapes met in blind set J', () => {
  it('reads the lead from a sentence of its own after the item, however it is worded', () => {
    const tasks = parse(`
II. NHIỆM VỤ CỤ THỂ
1. Báo cáo tình hình kinh tế tập thể hằng quý gửi Liên minh HTX Việt Nam, trước ngày 20 của tháng cuối quý.
Văn phòng tổng hợp, xây dựng báo cáo. Các ban phối hợp cung cấp số liệu.

2. Xây dựng Đề án hỗ trợ phát triển HTX vùng cao; hoàn thành trong Quý III/2026.
Nhiệm vụ giao Ban Chính sách - Phát triển HTX và Ban Kiểm tra cùng thực hiện, có sự tham gia của Sở Nông nghiệp.

3. Đánh giá, xếp loại cán bộ năm 2026 trong tháng 12/2026.
Đơn vị được giao chủ trì là Ban Tuyên truyền - Đào tạo.

4. Phát hành Bản tin, mỗi quý 01 số, phát hành vào tháng cuối quý.
Ban Kiểm tra thực hiện biên tập, phát hành.

5. Tham gia Hội chợ OCOP vùng Việt Bắc, trung tuần tháng 9/2026.
Văn phòng phối hợp với Sở Công Thương.
`);
    expect(tasks.filter((t) => t.title.startsWith('Báo cáo tình hình')).map((t) => t.lead)).toEqual(
      Array(4).fill(['van-phong']),
    );
    expect(byTitle(tasks, 'Đề án')?.lead).toEqual(['ban-chinh-sach', 'ban-kiem-tra']);
    expect(byTitle(tasks, 'xếp loại')?.lead).toEqual(['ban-tuyen-truyen']);
    expect(
      tasks.filter((t) => t.title.startsWith('Phát hành')).every((t) => t.lead[0] === 'ban-kiem-tra'),
    ).toBe(true);
    // A unit that only helps is no lead.
    expect(byTitle(tasks, 'Hội chợ')?.lead).toEqual([]);
  });

  it('times "vào tuần đầu của tháng đầu quý" as that week, and a closing step after a semicolon as a task of its own', () => {
    const tasks = parse(`
II. NHIỆM VỤ CỤ THỂ
1. Họp Ban Thường vụ định kỳ mỗi quý 01 lần, vào tuần đầu của tháng đầu quý (Văn phòng chủ trì).
2. Phát động phong trào thi đua "HTX giỏi" năm 2026 trong tháng 3/2026; sơ kết 6 tháng phong trào vào cuối tháng 7/2026 (Ban Kiểm tra chủ trì).
`);
    // Issued on 10/02/2026: the first quarter's meeting is over.
    expect(tasks.filter((t) => t.title.startsWith('Họp Ban')).map((t) => [t.start, t.end])).toEqual([
      ['2026-04-01', '2026-04-07'],
      ['2026-07-01', '2026-07-07'],
      ['2026-10-01', '2026-10-07'],
    ]);
    expect(byTitle(tasks, 'Phát động')).toMatchObject({
      lead: ['ban-kiem-tra'],
      start: '2026-03-01',
      end: '2026-03-31',
    });
    expect(byTitle(tasks, 'Sơ kết 6 tháng phong trào thi đua "HTX giỏi" năm 2026')).toMatchObject({
      lead: ['ban-kiem-tra'],
      start: '2026-07-21',
      end: '2026-07-31',
    });
  });

  it('reads a range of quarters after the last comma, rounds timed after a colon, and a monthly report that starts later', () => {
    const tasks = parse(`
II. NHIỆM VỤ CỤ THỂ
1. Hỗ trợ HTX đàm phán, ký kết hợp đồng liên kết bao tiêu sản phẩm, trong Quý II - Quý
III/2026 (Văn phòng chủ trì).
2. Tập huấn quản trị chuỗi cung ứng cho giám đốc HTX: lớp thứ nhất tháng 6/2026 tại phường
Long Châu; lớp thứ hai tháng 9/2026 tại phường Trà Vinh (Ban Kiểm tra chủ trì).
3. Hằng tháng, trước ngày 20, báo cáo tiến độ gửi về Văn phòng (bắt đầu từ tháng 5/2026).
`);
    expect(byTitle(tasks, 'đàm phán')).toMatchObject({ start: '2026-04-01', end: '2026-09-30' });
    expect(tasks.filter((t) => t.title.startsWith('Tập huấn')).map((t) => [t.title, t.start])).toEqual([
      ['Tập huấn quản trị chuỗi cung ứng cho giám đốc HTX (lớp thứ nhất)', '2026-06-01'],
      ['Tập huấn quản trị chuỗi cung ứng cho giám đốc HTX (lớp thứ hai)', '2026-09-01'],
    ]);
    const reports = tasks.filter((t) => t.title.startsWith('Hằng tháng'));
    expect(reports.map((t) => t.end)).toEqual([
      '2026-05-19',
      '2026-06-19',
      '2026-07-19',
      '2026-08-19',
      '2026-09-19',
      '2026-10-19',
      '2026-11-19',
      '2026-12-19',
    ]);
  });

  it('reads "Tổ chức thực hiện" that lists a section beside points, a co-lead with "cùng", and "hai Văn phòng đại diện"', () => {
    const dir: OrgDirectory = {
      demo: {
        name: 'Liên minh Hợp tác xã tỉnh Demo',
        departments: {
          'van-phong': ['Văn phòng'],
          'ban-thi-truong': ['Ban Thị trường'],
          'trung-tam': ['Trung tâm Dịch vụ hỗ trợ HTX', 'Trung tâm'],
          'vpdd-a': ['Văn phòng đại diện Bến Tre'],
          'vpdd-b': ['Văn phòng đại diện Trà Vinh'],
        },
      },
    };
    const { tasks } = parsePlan(
      `${HEAD}
II. NHIỆM VỤ
1. Kết nối
1.1. Tổ chức Hội nghị kết nối, trong tháng 5/2026.
1.2. Hỗ trợ ký kết hợp đồng, trong Quý III/2026.
2. Sơ kết, tổng kết
2.1. Sơ kết 6 tháng, trong tháng 7/2026.
2.2. Tổng kết năm, tháng 12/2026.
3. Báo cáo
3.1. Báo cáo tiến độ tại địa bàn, trước ngày 20/11/2026.

III. TỔ CHỨC THỰC HIỆN
1. Ban Thị trường chủ trì các nội dung tại điểm 1.1, mục 2.
2. Trung tâm Dịch vụ hỗ trợ HTX cùng Ban Thị trường chủ trì điểm 1.2.
3. Hai Văn phòng đại diện thực hiện báo cáo tại điểm 3.1.
`,
      { org: 'demo', directory: dir },
    );
    const lead = (words: string): string[] | undefined => byTitle(tasks, words)?.lead;
    expect(lead('Hội nghị kết nối')).toEqual(['ban-thi-truong']);
    expect(lead('Sơ kết')).toEqual(['ban-thi-truong']);
    expect(lead('Tổng kết')).toEqual(['ban-thi-truong']);
    expect(lead('ký kết')).toEqual(['trung-tam', 'ban-thi-truong']);
    expect(lead('Báo cáo tiến độ')).toEqual(['vpdd-a', 'vpdd-b']);
  });
});

describe('shapes met in blind set K, a terse hand', () => {
  it('reads months written "T5", shortened labels ("tg:", "đđ:", "p/h:") and the unlabelled unit that ends a line', () => {
    const tasks = parse(`II. CÁC LỚP
(ghi: tên lớp - tg - đđ - sl HV - đv thực hiện; p/h)
1. Kế toán HTX - tg: đầu T4 - đđ: xã Văn Quan - 45 - Ban Kiểm tra; p/h: Quỹ Hỗ trợ phát triển HTX
2. Phương án vay vốn - tg: T5 - đđ: xã Hữu Lũng - 50 - Quỹ Hỗ trợ phát triển HTX; p/h: VP
3. Trồng hồi theo VietGAP - tg: T7-8 - đđ: xã Văn Lãng - 35 - VP

III. VIỆC KHÁC
- Tổng kết công tác đào tạo năm 2026: cuối T12. VP; p/h: Ban Kiểm tra.
- Họp giao ban: Sáng T5, 02/4. VP.
`);
    const of = (words: string): DraftTask | undefined => byTitle(tasks, words);
    expect(of('Kế toán HTX')).toMatchObject({
      title: 'Kế toán HTX',
      start: '2026-04-01',
      end: '2026-04-10',
      lead: ['ban-kiem-tra'],
      support: ['quy-ho-tro'],
    });
    expect(of('Phương án vay vốn')).toMatchObject({
      start: '2026-05-01',
      end: '2026-05-31',
      lead: ['quy-ho-tro'],
      support: ['van-phong'],
    });
    expect(of('Trồng hồi')).toMatchObject({ start: '2026-07-01', end: '2026-08-31', lead: ['van-phong'] });
    expect(of('Tổng kết công tác')).toMatchObject({ start: '2026-12-21', end: '2026-12-31' });
    // "Sáng T5, 02/4" is a Thursday before its date, not May.
    expect(of('Họp giao ban')).toMatchObject({ start: '2026-04-02', end: '2026-04-02' });
  });
});

describe('titles a user is reminded with', () => {
  it('leaves out the time clauses an item ends with, and names half-yearly rounds by the months written after the rule', () => {
    const tasks = parse(`II. NHIỆM VỤ
1. Sinh hoạt thành viên theo cụm xã, 6 tháng 01 lần, vào tháng 5 và tháng 10/2026. Văn phòng chủ trì.
2. Tham gia Hội chợ OCOP vùng Việt Bắc, dự kiến trung tuần tháng 9/2026. Ban Kiểm tra thực hiện.
3. Tổ chức 12 lớp bồi dưỡng cán bộ quản lý, kế toán HTX, từ tháng 4 đến hết tháng 10/2026.
`);
    expect(tasks.map((t) => [t.title, t.start, t.end])).toEqual(
      expect.arrayContaining([
        ['Sinh hoạt thành viên theo cụm xã (Tháng 5/2026)', '2026-05-01', '2026-05-31'],
        ['Sinh hoạt thành viên theo cụm xã (Tháng 10/2026)', '2026-10-01', '2026-10-31'],
        ['Tham gia Hội chợ OCOP vùng Việt Bắc', '2026-09-11', '2026-09-20'],
        ['Tổ chức 12 lớp bồi dưỡng cán bộ quản lý, kế toán HTX', '2026-04-01', '2026-10-31'],
      ]),
    );
  });

  it('names a verbose item by the words before its colon, and its steps written in prose by their verbs', () => {
    const tasks = parse(`II. NHIỆM VỤ
1. Cuộc thi viết "Hợp tác xã Demo - 80 năm đồng hành" dành cho cán bộ, thành viên hợp tác xã và người lao động: Ban Kiểm tra là đơn vị chủ trì, có sự phối hợp của Văn phòng trong việc vận động các hợp tác xã tham gia; Cuộc thi được phát động vào ngày 20/3/2026, việc chấm và trao giải dự kiến được tổ chức trong tháng 6/2026.
`);
    const name =
      'Cuộc thi viết "Hợp tác xã Demo - 80 năm đồng hành" dành cho cán bộ, thành viên hợp tác xã và người lao động';
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead])).toEqual([
      [`Phát động ${name}`, '2026-03-20', '2026-03-20', ['ban-kiem-tra']],
      [`Chấm và trao giải ${name}`, '2026-06-01', '2026-06-30', ['ban-kiem-tra']],
    ]);
  });
});

describe('shapes met in blind set L', () => {
  it('reads an ASCII grid table (cells wrapped over lines, "nt" cells), "Các phòng, <unit>" as the Phòng-named ones, and "Sáng thứ Hai tuần đầu tháng" each month', () => {
    const dir: OrgDirectory = {
      demo: {
        name: 'Liên minh Hợp tác xã tỉnh Demo',
        departments: {
          'van-phong': ['Văn phòng', 'VP'],
          'phong-ke-hoach': ['Phòng Kế hoạch - Hỗ trợ', 'P.KH-HT'],
          'phong-to-chuc': ['Phòng Tổ chức - Thành viên', 'P.TC-TV'],
          'trung-tam': ['Trung tâm Khuyến công và Dịch vụ', 'TTKC&DV'],
        },
      },
    };
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 95/CTr-LMHTX                         Demo, ngày 28 tháng 12 năm 2026

CHƯƠNG TRÌNH
Công tác Quý I năm 2027 của Ban Thường vụ

+------+------------------------------------+-------------+----------------+-------------+
| TT   | Nội dung công việc                 | Chủ trì     | Phối hợp       | Thời gian   |
+======+====================================+=============+================+=============+
| A. THÁNG 01/2027                                                                        |
+------+------------------------------------+-------------+----------------+-------------+
| 1    | Thông qua Kế hoạch công tác năm    | P.KH-HT     | Các phòng,     | Sáng 08/01  |
|      | 2027 của các phòng, Trung tâm      |             | TTKC&DV        |             |
+------+------------------------------------+-------------+----------------+-------------+
| 2    | Cho ý kiến về phương án phân bổ    | nt          | VP             | nt          |
|      | kinh phí hỗ trợ HTX năm 2027       |             |                |             |
+------+------------------------------------+-------------+----------------+-------------+
| B. CÔNG VIỆC THƯỜNG XUYÊN                                                               |
+------+------------------------------------+-------------+----------------+-------------+
| 3    | Họp giao ban cơ quan               | VP          | Các phòng,     | Sáng thứ    |
|      |                                    |             | TTKC&DV        | Hai tuần    |
|      |                                    |             |                | đầu tháng   |
+------+------------------------------------+-------------+----------------+-------------+
`,
      { org: 'demo', directory: dir },
    );
    const of = (words: string): DraftTask | undefined => byTitle(tasks, words);
    expect(of('Thông qua Kế hoạch')).toMatchObject({
      title: 'Thông qua Kế hoạch công tác năm 2027 của các phòng, Trung tâm',
      start: '2027-01-08',
      lead: ['phong-ke-hoach'],
      // "Các phòng" beside a unit's name: the Phòng-named ones, not the Văn phòng.
      support: ['phong-to-chuc', 'trung-tam'],
    });
    expect(of('phân bổ kinh phí')).toMatchObject({ start: '2027-01-08', lead: ['phong-ke-hoach'] });
    expect(tasks.filter((t) => t.title.startsWith('Họp giao ban')).map((t) => t.start)).toEqual([
      '2027-01-04',
      '2027-02-01',
      '2027-03-01',
    ]);
  });

  it("reads a conference's day from its time-and-place part for its agenda and its counts of days, and presenters after 'do'", () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 176/KH-LMHTX                          Demo, ngày 16 tháng 11 năm 2026

KẾ HOẠCH
Tổ chức Hội nghị Ban Chấp hành lần thứ năm, tổng kết công tác năm 2026

II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN
1. Hội nghị được tổ chức trong 01 buổi, bắt đầu từ 08 giờ 00 ngày thứ Ba, 22/12/2026, tại Hội
trường tầng 3. Văn phòng là cơ quan thường trực tổ chức Hội nghị.
2. Thành phần: các đồng chí Ủy viên Ban Chấp hành.

III. NỘI DUNG HỘI NGHỊ
1. Báo cáo tổng kết công tác năm 2026 và phương hướng, nhiệm vụ năm 2027 của Liên minh HTX tỉnh,
do đồng chí Trưởng Ban Tuyên truyền - Đào tạo trình bày.
2. Thông qua Chương trình công tác năm 2027; nội dung này do Ban Kiểm tra chuẩn bị và trình Hội nghị.

IV. CÔNG TÁC CHUẨN BỊ
a) Văn phòng in ấn tài liệu, gửi tài liệu đến các đại biểu trước Hội nghị ít nhất 07 ngày.
`,
      { org: 'demo', directory },
    );
    const of = (words: string): DraftTask | undefined => byTitle(tasks, words);
    expect(of('Báo cáo tổng kết')).toMatchObject({
      title: 'Báo cáo tổng kết công tác năm 2026 và phương hướng, nhiệm vụ năm 2027 của Liên minh HTX tỉnh',
      start: '2026-12-22',
      end: '2026-12-22',
      lead: ['ban-tuyen-truyen'],
    });
    expect(of('Thông qua Chương trình')).toMatchObject({ start: '2026-12-22', lead: ['ban-kiem-tra'] });
    expect(of('in ấn tài liệu')).toMatchObject({ end: '2026-12-15', lead: ['van-phong'] });
    // The line that says when the conference is held is the conference, named as the plan names it.
    expect(tasks[0]).toMatchObject({
      title: 'Hội nghị Ban Chấp hành lần thứ năm',
      kind: 'event',
      start: '2026-12-22',
      lead: ['van-phong'],
    });
  });

  it('reads "Văn phòng đại diện" alone as every representative office, a rate "mỗi tháng 02 phiên" as one task, and "bắt đầu từ kỳ báo cáo tháng 3"', () => {
    const dir: OrgDirectory = {
      demo: {
        name: 'Liên minh Hợp tác xã thành phố Demo',
        departments: {
          'van-phong': ['Văn phòng'],
          'ban-lien-ket': ['Ban Liên kết chuỗi giá trị'],
          'ban-kiem-tra': ['Ban Kiểm tra'],
          'vpdd-a': ['Văn phòng đại diện Sóc Trăng'],
          'vpdd-b': ['Văn phòng đại diện Hậu Giang'],
        },
      },
    };
    const { tasks } = parsePlan(
      `${HEAD}
II. NHIỆM VỤ
1. Livestream bán hàng nông sản HTX, mỗi tháng 02 phiên, từ tháng 4 đến tháng 12/2026. Ban Liên kết chuỗi giá trị thực hiện.

III. CHẾ ĐỘ BÁO CÁO
1. Các ban, Văn phòng đại diện báo cáo tiến độ gửi về Ban Liên kết chuỗi giá trị trước ngày 20 hằng tháng, bắt đầu từ kỳ báo cáo tháng 10/2026.
`,
      { org: 'demo', directory: dir },
    );
    expect(tasks.filter((t) => t.title.startsWith('Livestream')).map((t) => [t.start, t.end])).toEqual([
      ['2026-04-01', '2026-12-31'],
    ]);
    const reports = tasks.filter((t) => t.title.startsWith('Các ban'));
    expect(reports.map((t) => t.start)).toEqual(['2026-10-01', '2026-11-01', '2026-12-01']);
    // "Các ban" beside a kind of unit: the Bans, but the one the reports go to; and both offices.
    expect(reports[0]?.lead).toEqual(['ban-kiem-tra', 'vpdd-a', 'vpdd-b']);
  });

  it('keeps a dated gathering over its preparation steps as a task, each step due by its own date, a note of units alone as lead', () => {
    const tasks = parse(`II. THỜI GIAN
Tháng hành động vì HTX năm 2026 được tổ chức cao điểm từ ngày 29/3/2026 đến ngày 29/4/2026.

III. CÁC HOẠT ĐỘNG
1. Lễ phát động Tháng hành động vì HTX năm 2026 (Văn phòng chủ trì; Ban Kiểm tra phối hợp), sáng thứ Hai ngày 29/3/2026.
  - Hoàn thiện kịch bản, giấy mời đại biểu (Văn phòng), trước ngày 22/3/2026.
  - Chuẩn bị khu trưng bày sản phẩm HTX tại buổi Lễ (Ban Kiểm tra), chậm nhất ngày 27/3/2026.
2. Phiên chợ sản phẩm HTX (Ban Kiểm tra chủ trì), từ ngày 16/4 đến ngày 18/4/2026 tại Quảng trường 2/4.
3. Đăng pano điện tử trên các nền tảng số (Ban Kiểm tra) trong suốt thời gian cao điểm.
`);
    const of = (words: string): DraftTask | undefined => byTitle(tasks, words);
    expect(of('Lễ phát động')).toMatchObject({ start: '2026-03-29', end: '2026-03-29', lead: ['van-phong'] });
    expect(of('Hoàn thiện kịch bản')).toMatchObject({ end: '2026-03-21', lead: ['van-phong'] });
    expect(of('Chuẩn bị khu trưng bày')).toMatchObject({ end: '2026-03-27', lead: ['ban-kiem-tra'] });
    // "Quảng trường 2/4" is a place, not a second date.
    expect(tasks.filter((t) => t.title.startsWith('Phiên chợ')).map((t) => [t.start, t.end])).toEqual([
      ['2026-04-16', '2026-04-18'],
    ]);
    expect(of('Đăng pano')).toMatchObject({ start: '2026-03-29', end: '2026-04-29', lead: ['ban-kiem-tra'] });
  });

  it("reads a week of the quarter's last month, a closing step before the fields, two rounds in the year, and rounds due by their own dates", () => {
    const tasks = parse(`II. NHIỆM VỤ
(4) Phiên họp Ban Thường vụ thường kỳ, mỗi quý 01 lần vào tuần đầu của tháng cuối quý.
Phân công: đồng chí Chánh Văn phòng chủ trì.
(9) Phát động phong trào thi đua "HTX đổi mới, sáng tạo" trong tháng
3/2026; sơ kết phong trào trong tháng 9/2026. Phân công: đồng chí Phó Chủ tịch phụ trách thi
đua chủ trì; tham mưu: đồng chí Trưởng Ban Kiểm tra.
(12) Xét kết nạp thành viên, 02 đợt trong năm vào tháng 6 và tháng 12/2026. Phân công: đồng
chí Trưởng Ban Kiểm tra chủ trì; đồng chí Chánh Văn phòng phối hợp.
(16) Giải ngân vốn vay của Quỹ hỗ trợ phát triển HTX: đợt 1 trước ngày 30/6/2026; đợt 2
trước ngày 30/11/2026. Phân công: đồng chí Giám đốc Quỹ.
`);
    const rows = tasks.map((t) => [t.title, t.start, t.end, t.lead]);
    expect(rows).toEqual([
      ['Phiên họp Ban Thường vụ thường kỳ (Quý I/2026)', '2026-03-01', '2026-03-07', ['van-phong']],
      ['Phiên họp Ban Thường vụ thường kỳ (Quý II/2026)', '2026-06-01', '2026-06-07', ['van-phong']],
      ['Phiên họp Ban Thường vụ thường kỳ (Quý III/2026)', '2026-09-01', '2026-09-07', ['van-phong']],
      ['Phiên họp Ban Thường vụ thường kỳ (Quý IV/2026)', '2026-12-01', '2026-12-07', ['van-phong']],
      ['Phát động phong trào thi đua "HTX đổi mới, sáng tạo"', '2026-03-01', '2026-03-31', ['ban-kiem-tra']],
      ['Sơ kết phong trào thi đua "HTX đổi mới, sáng tạo"', '2026-09-01', '2026-09-30', ['ban-kiem-tra']],
      ['Xét kết nạp thành viên (Tháng 6/2026)', '2026-06-01', '2026-06-30', ['ban-kiem-tra']],
      ['Xét kết nạp thành viên (Tháng 12/2026)', '2026-12-01', '2026-12-31', ['ban-kiem-tra']],
      ['Giải ngân vốn vay của Quỹ hỗ trợ phát triển HTX (đợt 1)', '2026-01-01', '2026-06-29', ['quy-ho-tro']],
      ['Giải ngân vốn vay của Quỹ hỗ trợ phát triển HTX (đợt 2)', '2026-01-01', '2026-11-29', ['quy-ho-tro']],
    ]);
  });

  it('reads a table set in aligned columns with rules of dashes and month rows in capitals, up to the next part', () => {
    const tasks = parse(`II. NỘI DUNG CHƯƠNG TRÌNH
TT  Nội dung công việc                            Chủ trì        Phối hợp         Thời gian
---------------------------------------------------------------------------------------------
THÁNG 4/2026
1   Phiên họp thường kỳ tháng 4: Cho ý kiến dự    Ban Kiểm tra   VP               03/4
    thảo Kế hoạch kiểm tra năm 2026
2   Làm việc với UBND các xã về mô hình HTX       VP             Ban Kiểm tra     Tuần 3
---------------------------------------------------------------------------------------------
THÁNG 5/2026
3   Kiểm tra hoạt động HTX thành viên             Ban Kiểm tra   VP               Tuần 2 - 3
4   Sơ kết 05 năm Chương trình phối hợp           VP             Ban Kiểm tra     Cuối tháng
---------------------------------------------------------------------------------------------

III. TỔ CHỨC THỰC HIỆN
1. Văn phòng giúp Thường trực theo dõi, đôn đốc việc thực hiện Chương trình.
`);
    const rows = tasks.filter((t) => t.kind !== 'duty').map((t) => [t.title, t.start, t.end, t.lead]);
    expect(rows).toEqual([
      [
        'Phiên họp thường kỳ tháng 4: Cho ý kiến dự thảo Kế hoạch kiểm tra năm 2026',
        '2026-04-03',
        '2026-04-03',
        ['ban-kiem-tra'],
      ],
      ['Làm việc với UBND các xã về mô hình HTX', '2026-04-15', '2026-04-21', ['van-phong']],
      ['Kiểm tra hoạt động HTX thành viên', '2026-05-08', '2026-05-21', ['ban-kiem-tra']],
      ['Sơ kết 05 năm Chương trình phối hợp', '2026-05-21', '2026-05-31', ['van-phong']],
    ]);
  });

  it('reads a bare unit beside fields in a parenthesis, and the unit that ends a line of parts set off by semicolons', () => {
    const tasks = parse(`II. NHIỆM VỤ
1. Xây dựng chuyên mục "Hợp tác xã đồng hành" (Ban Tuyên truyền - Đào tạo; phối hợp: Báo Demo), trong tháng 4/2026.
2. Lớp 3. Kỹ thuật trồng cà phê theo chuẩn 4C; đầu T4; xã Thuận Châu; 60; Ban Kiểm tra. PH: Văn phòng.
3. Tổng hợp báo cáo hằng quý gửi UBND tỉnh trước ngày 20 tháng cuối quý; các ban, Văn phòng phối hợp cung cấp số liệu. Ban Kiểm tra thực hiện.
`);
    const of = (words: string): DraftTask | undefined => byTitle(tasks, words);
    expect(of('Xây dựng chuyên mục')).toMatchObject({ lead: ['ban-tuyen-truyen'], start: '2026-04-01' });
    expect(of('Kỹ thuật trồng cà phê')).toMatchObject({
      lead: ['ban-kiem-tra'],
      support: ['van-phong'],
      start: '2026-04-01',
      end: '2026-04-10',
    });
    // A clause with a verb of its own is no bare list of units.
    expect(tasks.filter((t) => t.title.startsWith('Tổng hợp báo cáo')).map((t) => t.lead)).toEqual([
      ['ban-kiem-tra'],
      ['ban-kiem-tra'],
      ['ban-kiem-tra'],
      ['ban-kiem-tra'],
    ]);
  });

  it('reads "trước ngày 18 của tháng cuối quý" as a quarterly due day, and helpers who "phối hợp cung cấp số liệu"', () => {
    const tasks = parse(`II. NHIỆM VỤ
1. Báo cáo quý về kết quả chuyển đổi số gửi Liên minh HTX Việt Nam, trước ngày 18 của tháng cuối quý.
   Chủ trì: đồng chí Chánh Văn phòng; các đồng chí Trưởng Ban Kiểm tra, Giám đốc Quỹ phối hợp cung cấp số liệu.
`);
    expect(tasks.map((t) => [t.start, t.end, t.lead, t.support])).toEqual([
      ['2026-01-01', '2026-03-17', ['van-phong'], ['ban-kiem-tra', 'quy-ho-tro']],
      ['2026-04-01', '2026-06-17', ['van-phong'], ['ban-kiem-tra', 'quy-ho-tro']],
      ['2026-07-01', '2026-09-17', ['van-phong'], ['ban-kiem-tra', 'quy-ho-tro']],
      ['2026-10-01', '2026-12-17', ['van-phong'], ['ban-kiem-tra', 'quy-ho-tro']],
    ]);
  });

  it('reads two of the same work in one item each at its time, a subject after a lead-in, and "cho đến hết ngày"', () => {
    const tasks = parse(`II. NHIỆM VỤ
1. Hội nghị Ban Chấp hành lần thứ ba (sơ kết 6 tháng), dự kiến đầu tháng 7/2026; Hội nghị Ban Chấp hành lần thứ tư (tổng kết năm 2026), dự kiến ngày 22/12/2026.
   Chủ trì chuẩn bị: đồng chí Chánh Văn phòng.
2. Đồng thời, Ban Kiểm tra thiết kế, đăng tải pano điện tử trên Trang thông tin điện tử, trong tháng 4/2026.
3. Để bảo đảm thông tin sâu rộng, Ban Kiểm tra có trách nhiệm chủ trì xây dựng chuyên mục, trong Quý II/2026.
4. Văn phòng treo băng rôn tại trụ sở; thời gian treo từ ngày 01/4/2026 cho đến hết ngày 30/4/2026.
`);
    const of = (words: string): DraftTask | undefined => byTitle(tasks, words);
    expect(of('lần thứ ba')).toMatchObject({ start: '2026-07-01', end: '2026-07-10', lead: ['van-phong'] });
    expect(of('lần thứ tư')).toMatchObject({ start: '2026-12-22', end: '2026-12-22', lead: ['van-phong'] });
    expect(of('pano điện tử')?.lead).toEqual(['ban-kiem-tra']);
    expect(of('xây dựng chuyên mục')?.lead).toEqual(['ban-kiem-tra']);
    expect(of('treo băng rôn')).toMatchObject({
      start: '2026-04-01',
      end: '2026-04-30',
      lead: ['van-phong'],
    });
  });

  it("leaves a meeting's formalities out of its agenda, and counts working days from its close", () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 176/KH-LMHTX                          Demo, ngày 16 tháng 11 năm 2026

KẾ HOẠCH
Tổ chức Hội nghị Ban Chấp hành lần thứ năm

II. THỜI GIAN, ĐỊA ĐIỂM
1. Hội nghị được tổ chức trong 01 buổi, ngày thứ Ba, 22/12/2026, tại Hội trường tầng 3.

III. NỘI DUNG HỘI NGHỊ
1. Báo cáo tài chính năm 2026, do đồng chí Chánh Văn phòng trình bày.
2. Thảo luận; phát biểu của đồng chí lãnh đạo Tỉnh ủy; Chủ tịch kết luận Hội nghị.

IV. CÔNG TÁC CHUẨN BỊ
a) Sau Hội nghị, Ban Kiểm tra hoàn thiện Nghị quyết Hội nghị, trình ký và gửi các đơn vị trong vòng 05 ngày làm việc kể từ ngày bế mạc Hội nghị.
`,
      { org: 'demo', directory },
    );
    expect(tasks.some((t) => t.title.startsWith('Thảo luận'))).toBe(false);
    // Tuesday 22/12 and five working days: Tuesday 29/12.
    expect(byTitle(tasks, 'Nghị quyết')).toMatchObject({ end: '2026-12-29', lead: ['ban-kiem-tra'] });
  });

  it('splits off work a unit opens in a later clause or paragraph with a time of its own, and leads "X cùng với Y" together', () => {
    const tasks = parse(`IV. CÔNG TÁC CHUẨN BỊ
a) Văn phòng xây dựng dự thảo Báo cáo tổng kết, gửi xin ý kiến Thường trực chậm nhất ngày 30/11/2026; để có cơ sở tổng hợp, Ban Kiểm tra và Quỹ Hỗ trợ phát triển HTX gửi báo cáo kết quả công tác năm về Văn phòng trước ngày 23/11/2026.
b) Quỹ Hỗ trợ phát triển HTX cùng với Văn phòng kiểm
tra kỹ thuật hệ thống họp trực tuyến, chạy thử toàn bộ đường truyền vào chiều ngày 16/7/2026.
Đồng thời, Quỹ cập nhật tin, bài, hình ảnh về Hội nghị lên Trang thông tin điện tử của
Liên minh ngay trong ngày 17/7/2026.
`);
    const of = (words: string): DraftTask | undefined => byTitle(tasks, words);
    expect(of('dự thảo Báo cáo tổng kết')).toMatchObject({ end: '2026-11-30', lead: ['van-phong'] });
    expect(of('gửi báo cáo kết quả')).toMatchObject({
      end: '2026-11-22',
      lead: ['ban-kiem-tra', 'quy-ho-tro'],
    });
    expect(of('kiểm tra kỹ thuật')).toMatchObject({ start: '2026-07-16', lead: ['quy-ho-tro', 'van-phong'] });
    expect(of('cập nhật tin, bài')).toMatchObject({ start: '2026-07-17', lead: ['quy-ho-tro'] });
  });

  it("reads a contest's steps after its colon, each named before its own time, and a step in a bullet without a colon", () => {
    const tasks = parse(`II. NHIỆM VỤ
1. Cuộc thi ảnh "HTX Demo - Biển xanh" (Ban Kiểm tra chủ trì; Văn phòng phối hợp): phát động ngày 25/3/2026; nhận ảnh dự thi đến hết ngày 25/4/2026; chấm và trao giải trong tháng 5/2026.
2. Cuộc thi viết "Sắc màu hợp tác xã" (Ban Kiểm tra chủ trì):
- Phát động cuộc thi ngày 20/3/2026;
- Tổng kết, trao giải trong tháng 6/2026.
`);
    const rows = tasks.map((t) => [t.title, t.start, t.end, t.lead]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Phát động Cuộc thi ảnh "HTX Demo - Biển xanh"', '2026-03-25', '2026-03-25', ['ban-kiem-tra']],
        ['Nhận ảnh dự thi Cuộc thi ảnh "HTX Demo - Biển xanh"', '2026-04-25', '2026-04-25', ['ban-kiem-tra']],
        [
          'Chấm và trao giải Cuộc thi ảnh "HTX Demo - Biển xanh"',
          '2026-05-01',
          '2026-05-31',
          ['ban-kiem-tra'],
        ],
        [
          'Phát động cuộc thi – Cuộc thi viết "Sắc màu hợp tác xã"',
          '2026-03-20',
          '2026-03-20',
          ['ban-kiem-tra'],
        ],
      ]),
    );
  });

  it("makes the campaign's peak a task when the peak alone is the plan's time", () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 20/KH-LMHTX                          Demo, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Tổ chức Tháng hành động vì hợp tác xã

II. THỜI GIAN
Tháng hành động vì hợp tác xã được tổ chức cao điểm từ ngày 29/3 đến ngày 29/4/2026.

III. NỘI DUNG HOẠT ĐỘNG
1. Treo băng rôn tại trụ sở (Văn phòng chủ trì), từ ngày 01/4 đến ngày 30/4/2026.
`,
      { org: 'demo', directory },
    );
    expect(tasks[0]).toMatchObject({
      title: 'Cao điểm Tháng hành động vì hợp tác xã',
      kind: 'campaign',
      start: '2026-03-29',
      end: '2026-04-29',
    });
  });

  it('reads "thứ Bảy cuối tháng, từ tháng 5 đến tháng 10" as those months\' last Saturdays, and a scan\'s "3l/3" and "Quý lll"', () => {
    const tasks = parse(`II. NHIỆM VỤ
1. Phiên chợ sản phẩm HTX cuối tuần: mỗi tháng 01 phiên, vào thứ Bảy cuối tháng, từ tháng 5 đến tháng 7/2026. Văn phòng thực hiện.
2. Gửi thư mời các HTX tham gia Hội chợ, hoàn thành trước ngày 3l/3/2026. Văn phòng thực hiện.
3. Hội chợ sản phẩm HTX khu vực phía Tây, trong Quý lll/2026. Ban Kiểm tra thực hiện.
`);
    expect(tasks.filter((t) => t.title.startsWith('Phiên chợ')).map((t) => t.start)).toEqual([
      '2026-05-30',
      '2026-06-27',
      '2026-07-25',
    ]);
    expect(byTitle(tasks, 'Gửi thư mời')?.end).toBe('2026-03-30');
    expect(byTitle(tasks, 'phía Tây')).toMatchObject({ start: '2026-07-01', end: '2026-09-30' });
  });

  it('reads a draft copied with its tracked changes as the changes accepted, without the comments', () => {
    const { tasks, issued_on } = parsePlan(
      `[Tệp: KH du thao.docx - sao chép từ Microsoft Word, chế độ "Tất cả đánh dấu".]

LIÊN MINH HTX TỈNH DEMO
Số: 158/KH-LMHTX
                          Demo, ngày [Đã xóa: 05][Đã chèn: 12] tháng 10 năm 2026

KẾ HOẠCH
Xúc tiến thương mại Quý IV năm 2026

II. NỘI DUNG
1. Hội chợ sản phẩm HTX, [Đã xóa: từ ngày 05/11 đến ngày
08/11/2026][Đã chèn: từ ngày 19/11 đến ngày 22/11/2026][PCT1] tại phường Trấn Biên.
Chủ trì: Ban Kiểm tra; phối hợp: Văn phòng[Đã chèn: , Quỹ Hỗ trợ phát triển HTX].

[PCT1] Nguyễn Văn Hòa (08/10/2026 16:20): Đề nghị lùi 2 tuần để tránh trùng lịch.
`,
      { org: 'demo', directory },
    );
    expect(issued_on).toBe('2026-10-12');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      start: '2026-11-19',
      end: '2026-11-22',
      lead: ['ban-kiem-tra'],
      support: ['van-phong', 'quy-ho-tro'],
    });
  });

  it('reads a Word table saved one cell per line whose headings wrap over two lines and whose groups are numbered I, II', () => {
    const tasks = parse(`II. NHIỆM VỤ CỤ THỂ
TT
Nội dung nhiệm vụ
Lãnh đạo
phụ trách
Đơn vị tham
mưu
Đơn vị phối
hợp
Thời gian
hoàn thành
I. NHÓM NHIỆM VỤ VỀ CÔNG TÁC TỔ CHỨC
1
Kiện toàn Ban Chấp hành, Ủy ban Kiểm
tra Liên minh HTX tỉnh
Chủ tịch
Ban Kiểm tra
Văn phòng
Quý I
II. NHÓM NHIỆM VỤ VỀ TUYÊN TRUYỀN
2
Xuất bản Bản tin Liên minh HTX tỉnh
PCT Hoàng Đức Long
Văn phòng
Ban Kiểm tra
Tháng 4
3
Khảo sát nhu cầu vay vốn của các HTX
PCT Hoàng Đức Long
Quỹ Hỗ trợ phát triển
HTX
Văn phòng
Tháng 5

III. TỔ CHỨC THỰC HIỆN
Văn phòng theo dõi, đôn đốc việc thực hiện Chương trình.
`);
    const rows = tasks
      .filter((t) => t.kind !== 'duty')
      .map((t) => [t.title, t.start, t.end, t.lead, t.support]);
    expect(rows).toEqual([
      [
        'Kiện toàn Ban Chấp hành, Ủy ban Kiểm tra Liên minh HTX tỉnh',
        '2026-01-01',
        '2026-03-31',
        ['ban-kiem-tra'],
        ['van-phong'],
      ],
      ['Xuất bản Bản tin Liên minh HTX tỉnh', '2026-04-01', '2026-04-30', ['van-phong'], ['ban-kiem-tra']],
      // "HTX" alone on its line ends the name above it.
      ['Khảo sát nhu cầu vay vốn của các HTX', '2026-05-01', '2026-05-31', ['quy-ho-tro'], ['van-phong']],
    ]);
  });

  it("leads an inspection team's visits by the unit its head's post names", () => {
    const tasks = parse(`II. NỘI DUNG
1. Đoàn kiểm tra số 2 – Kiểm tra việc chấp hành Luật HTX
* Thành phần:
- Trưởng đoàn: đ/c Vàng A Pao – Trưởng Ban Kiểm tra Liên minh HTX tỉnh;
- Thành viên: đ/c Nguyễn Thị Hằng – Chánh Văn phòng.
* Đối tượng, thời gian:
- Kiểm tra HTX Thương mại dịch vụ Đoàn Kết: ngày 5 tháng 6 năm 2026
- Kiểm tra HTX Mắc ca Nậm Nhùn: hạ tuần tháng 8/2026
`);
    expect(tasks.map((t) => [t.start, t.end, t.lead])).toEqual(
      expect.arrayContaining([
        ['2026-06-05', '2026-06-05', ['ban-kiem-tra']],
        ['2026-08-21', '2026-08-31', ['ban-kiem-tra']],
      ]),
    );
  });

  it("reads a report's results and requests as no work, bounds a rhythm by its part's quarter, and names short steps with their heading", () => {
    const tasks = parse(`II. KẾT QUẢ CÔNG TÁC QUÝ I/2026
1. Ngày 16/01/2026, Văn phòng tham mưu tổ chức thành công Hội nghị tổng kết công tác năm 2025.

III. NHIỆM VỤ TRỌNG TÂM QUÝ II/2026
1. Giao Văn phòng chủ trì họp giao ban cơ quan vào sáng thứ Hai tuần đầu tiên hằng tháng.
2. Cuộc thi trực tuyến "Tìm hiểu Luật Hợp tác xã năm 2023" (Ban Kiểm tra chủ trì)
- Phát động cuộc thi: ngày 15/5/2026.
- Tổng kết, trao giải: tháng 6/2026.

IV. KIẾN NGHỊ, ĐỀ XUẤT
1. Đề nghị UBND tỉnh sớm bố trí trụ sở làm việc tập trung cho cơ quan Liên minh HTX tỉnh.
`);
    expect(tasks.some((t) => /Hội nghị tổng kết|trụ sở/.test(t.title))).toBe(false);
    expect(
      tasks
        .filter((t) => t.title.startsWith('Giao Văn phòng') || t.title.startsWith('Họp giao ban'))
        .map((t) => t.start),
    ).toEqual(['2026-04-06', '2026-05-04', '2026-06-01']);
    expect(byTitle(tasks, 'Phát động cuộc thi')?.title).toBe(
      'Phát động cuộc thi – Cuộc thi trực tuyến "Tìm hiểu Luật Hợp tác xã năm 2023"',
    );
  });

  it('reads a bilingual plan once: the English under each Vietnamese paragraph is its translation', () => {
    const tasks = parse(`III. HOẠT ĐỘNG CỤ THỂ / SPECIFIC ACTIVITIES
1.1. Khảo sát, đánh giá năng lực ban đầu của 30 HTX tại các xã Tam Giang, Đất Mũi; trong tháng 3/2026. Chủ trì: Ban Kiểm tra.
1.1. Baseline capacity assessment of 30 cooperatives in Tam Giang and Dat Mui communes; in March 2026. Lead: the Inspection Department.
1.2. Tập huấn quản trị tài chính cho Giám đốc HTX, trong tháng 5/2026. Chủ trì: Văn phòng.
1.2. Financial management training for the managers of cooperatives, in May 2026. Lead: the Office.
1.3. Hỗ trợ 10 HTX xây dựng hồ sơ chứng nhận tôm sinh thái, trong Quý III/2026. Chủ trì: Văn phòng.
1.3. Support 10 cooperatives to obtain organic shrimp certification, in the third quarter. Lead: the Office.
`);
    expect(tasks.map((t) => [t.start, t.lead])).toEqual([
      ['2026-03-01', ['ban-kiem-tra']],
      ['2026-05-01', ['van-phong']],
      ['2026-07-01', ['van-phong']],
    ]);
  });

  it('reads a Gantt table, a column a month marked "x", as each row\'s months', () => {
    const tab = (cells: string[]): string => cells.join('\t');
    const months = Array.from({ length: 12 }, (_, i) => `T${i + 1}`);
    const row = (n: string, work: string, lead: string, marked: number[]): string =>
      tab([n, work, lead, '', ...months.map((_, i) => (marked.includes(i + 1) ? 'x' : ''))]);
    const tasks = parse(`II. NỘI DUNG, TIẾN ĐỘ THỰC HIỆN
${tab(['TT', 'Nội dung công việc', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện năm 2026 (tháng)'])}
${tab(['', '', '', '', ...months])}
${row('1', 'Xây dựng Chương trình công tác năm 2026', 'Văn phòng', [1])}
${row('2', 'Quyết toán kinh phí năm 2025', 'Văn phòng', [1, 2])}
${row('3', 'Tập huấn nâng cao năng lực cán bộ quản lý HTX', 'Ban Kiểm tra', [4, 5, 8])}
${row('4', 'Báo cáo tình hình HTX hằng quý gửi UBND tỉnh', 'Văn phòng', [3, 6, 9, 12])}

III. TỔ CHỨC THỰC HIỆN
`);
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead])).toEqual([
      ['Xây dựng Chương trình công tác năm 2026', '2026-01-01', '2026-01-31', ['van-phong']],
      ['Quyết toán kinh phí năm 2025', '2026-01-01', '2026-02-28', ['van-phong']],
      [
        'Tập huấn nâng cao năng lực cán bộ quản lý HTX (từ tháng 4 đến hết tháng 5)',
        '2026-04-01',
        '2026-05-31',
        ['ban-kiem-tra'],
      ],
      [
        'Tập huấn nâng cao năng lực cán bộ quản lý HTX (Tháng 8/2026)',
        '2026-08-01',
        '2026-08-31',
        ['ban-kiem-tra'],
      ],
      // A quarterly rule in the title, its months marked: the last month of each quarter.
      [
        'Báo cáo tình hình HTX hằng quý gửi UBND tỉnh (Quý I/2026)',
        '2026-03-01',
        '2026-03-31',
        ['van-phong'],
      ],
      [
        'Báo cáo tình hình HTX hằng quý gửi UBND tỉnh (Quý II/2026)',
        '2026-06-01',
        '2026-06-30',
        ['van-phong'],
      ],
      [
        'Báo cáo tình hình HTX hằng quý gửi UBND tỉnh (Quý III/2026)',
        '2026-09-01',
        '2026-09-30',
        ['van-phong'],
      ],
      [
        'Báo cáo tình hình HTX hằng quý gửi UBND tỉnh (Quý IV/2026)',
        '2026-12-01',
        '2026-12-31',
        ['van-phong'],
      ],
    ]);
  });

  it("times a congress's steps by their counts of days before it, over the phase they are listed in", () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 05/KH-LMHTX                          Demo, ngày 09 tháng 02 năm 2026

KẾ HOẠCH
Tổ chức Đại hội đại biểu Liên minh HTX tỉnh lần thứ VII

II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN
   - Thời gian: Đại hội tổ chức trong 01 ngày, ngày 15/7/2026 (Thứ Tư).

III. NỘI DUNG VÀ LỘ TRÌNH CHUẨN BỊ
   2. Giai đoạn 2 – Xây dựng văn kiện, chuẩn bị nhân sự (tháng 4 – 6/2026)
   2.1. Hoàn thành dự thảo Báo cáo chính trị trước Đại hội 90 ngày: Ban Kiểm tra chủ trì, Văn phòng phối hợp.
   2.2. Hướng dẫn các Cụm HTX bầu đại biểu: hoàn thành trước ngày 30/5/2026. Văn phòng chủ trì.
`,
      { org: 'demo', directory },
    );
    expect(byTitle(tasks, 'Báo cáo chính trị')).toMatchObject({ end: '2026-04-16', lead: ['ban-kiem-tra'] });
    expect(byTitle(tasks, 'bầu đại biểu')).toMatchObject({ end: '2026-05-29', lead: ['van-phong'] });
  });

  it('leads work handed over by "Giao <unit> …" or "Đề nghị <unit> …" by that unit', () => {
    const tasks = parse(`II. NHIỆM VỤ TRỌNG TÂM QUÝ II/2026
1. Giao Văn phòng treo băng rôn, khẩu hiệu tại trụ sở từ ngày 01/4 đến hết ngày 30/4/2026.
2. Đề nghị Ban Kiểm tra kiểm tra việc sử dụng vốn vay của 10 HTX trong tháng 5/2026; Văn phòng phối hợp.
`);
    expect(tasks.map((t) => [t.start, t.lead])).toEqual([
      ['2026-04-01', ['van-phong']],
      ['2026-05-01', ['ban-kiem-tra']],
    ]);
  });

  it("reads a meeting's conclusions without its assessment, a proposal set aside, or a time the work must not run into", () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 12/TB-LMHTX                          Demo, ngày 02 tháng 4 năm 2026

THÔNG BÁO
Kết luận của đồng chí Chủ tịch tại cuộc họp giao ban công tác tháng 4 năm 2026

1. Đánh giá chung
Quý I/2026, các ban, đơn vị đã bám sát Chương trình công tác năm, hoàn thành cơ bản các nhiệm vụ được giao.

2. Nhiệm vụ trọng tâm thời gian tới
2.1. Quỹ Hỗ trợ phát triển HTX rà soát toàn bộ hồ sơ vay vốn còn tồn đọng, hoàn thành trong tháng 4/2026; không để kéo dài sang Quý III.
2.2. Đối với đề xuất của Văn phòng về việc mua sắm bổ sung máy chủ: Thường trực thống nhất chưa thực hiện trong Quý II.
`,
      { org: 'demo', directory },
    );
    expect(tasks.map((t) => [t.title, t.start, t.end])).toEqual([
      ['Quỹ Hỗ trợ phát triển HTX rà soát toàn bộ hồ sơ vay vốn còn tồn đọng', '2026-04-01', '2026-04-30'],
    ]);
  });

  it('reads a work calendar exported as iCalendar: events, a monthly rule by weekday, a to-do, a cancelled event', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'X-WR-CALNAME:Lịch công tác Liên minh HTX tỉnh Demo - Quý IV/2026',
      'BEGIN:VEVENT',
      'DTSTART;TZID=Asia/Ho_Chi_Minh:20261005T073000',
      'DTEND;TZID=Asia/Ho_Chi_Minh:20261005T090000',
      'RRULE:FREQ=MONTHLY;BYDAY=1MO;COUNT=3',
      'DESCRIPTION:Chủ trì: Văn phòng\\nThành phần: lãnh đạo các ban\\, Quỹ',
      'SUMMARY:Họp giao ban cơ quan',
      'BEGIN:VALARM',
      'DESCRIPTION:Nhắc việc: gửi tài liệu họp trước 01 ngày',
      'END:VALARM',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20261120',
      'DTEND;VALUE=DATE:20261123',
      'DESCRIPTION:Chủ trì: Ban Kiểm tra\\nPhối hợp: Văn phòng',
      'SUMMARY:Hội chợ nông sản HTX năm 2026',
      'END:VEVENT',
      'BEGIN:VTODO',
      'DUE;VALUE=DATE:20261030',
      'SUMMARY:Nộp dự toán ngân sách năm 2027 cho Sở Tài chính',
      'DESCRIPTION:Thực hiện: Văn phòng',
      'END:VTODO',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20261109',
      'DTEND;VALUE=DATE:20261113',
      'STATUS:CANCELLED',
      'SUMMARY:Đoàn khảo sát mô hình HTX tại Campuchia',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const { tasks } = parsePlan(ics, { org: 'demo', directory });
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead])).toEqual([
      ['Họp giao ban cơ quan (Tháng 10/2026)', '2026-10-05', '2026-10-05', ['van-phong']],
      ['Họp giao ban cơ quan (Tháng 11/2026)', '2026-11-02', '2026-11-02', ['van-phong']],
      ['Họp giao ban cơ quan (Tháng 12/2026)', '2026-12-07', '2026-12-07', ['van-phong']],
      ['Hội chợ nông sản HTX năm 2026', '2026-11-20', '2026-11-22', ['ban-kiem-tra']],
      ['Nộp dự toán ngân sách năm 2027 cho Sở Tài chính', '2026-10-01', '2026-10-30', ['van-phong']],
    ]);
  });

  it('moves a monthly meeting off a public holiday when the plan says so, and dates a report on the last working day', () => {
    const tasks = parse(`II. CHẾ ĐỘ GIAO BAN, BÁO CÁO TRONG QUÝ III/2026
1. Giao ban Thường trực với các ban được tổ chức vào sáng thứ Tư tuần đầu tiên của tháng; trường hợp trùng ngày nghỉ lễ thì lùi sang ngày làm việc tiếp theo. Văn phòng chuẩn bị.
2. Văn phòng tổng hợp báo cáo kết quả công tác tháng, trình Thường trực vào ngày làm việc cuối cùng của tháng.
`);
    const meetings = tasks.filter((t) => t.title.startsWith('Giao ban')).map((t) => t.start);
    // Wednesday 2/9/2026 and Thursday 3/9 are the National Day holidays: the meeting moves to Friday 4/9.
    expect(meetings).toEqual(['2026-07-01', '2026-08-05', '2026-09-04']);
    const reports = tasks.filter((t) => t.title.startsWith('Văn phòng tổng hợp')).map((t) => t.end);
    // 31/7 is a Friday; 31/8 a Monday; 30/9 a Wednesday.
    expect(reports).toEqual(['2026-07-31', '2026-08-31', '2026-09-30']);
  });

  it('reads a Word table converted to text with semicolons, a row over two lines, and the year from "QUÝ I/2027" on the title line', () => {
    const { tasks, year } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 52/CTr-BTV
Demo, ngày 26 tháng 12 năm 2026

CHƯƠNG TRÌNH CÔNG TÁC QUÝ I/2027
CỦA BAN THƯỜNG VỤ LIÊN MINH HỢP TÁC XÃ TỈNH

TT;Nội dung công việc;Chủ trì;Phối hợp;Thời gian;Ghi chú
I;THÁNG 01/2027;;;;
1;Phiên họp BTV tháng 01: cho ý kiến dự thảo Chương trình phối hợp năm 2027;Ban Kiểm tra;VP;Sáng 07/01;CT chủ trì
2;Thăm, tặng quà Tết Đinh Mùi 2027 cho HTX, thành viên
có hoàn cảnh khó khăn;VP;Ban Kiểm tra;18 - 29/01;
II;THÁNG 02/2027;;;;
3;Tập huấn nghiệp vụ kế toán HTX;Quỹ Hỗ trợ phát triển HTX;Sở Tài chính;24 - 25/02;
`,
      { org: 'demo', directory },
    );
    expect(year).toBe(2027);
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead])).toEqual([
      [
        'Phiên họp BTV tháng 01: cho ý kiến dự thảo Chương trình phối hợp năm 2027',
        '2027-01-07',
        '2027-01-07',
        ['ban-kiem-tra'],
      ],
      [
        'Thăm, tặng quà Tết Đinh Mùi 2027 cho HTX, thành viên có hoàn cảnh khó khăn',
        '2027-01-18',
        '2027-01-29',
        ['van-phong'],
      ],
      ['Tập huấn nghiệp vụ kế toán HTX', '2027-02-24', '2027-02-25', ['quy-ho-tro']],
    ]);
  });

  it("reads a terse conference plan's day from '- Hội nghị …: 01 ngày, thứ Năm 17/12/2026' for its agenda 'NỘI DUNG (người trình bày)'", () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 205/KH-LMHTX                   Demo, ngày 13 tháng 11 năm 2026

KẾ HOẠCH
Tổ chức Hội nghị Ban Chấp hành Liên minh HTX tỉnh lần thứ 6 (tổng kết năm 2026)

I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN
- Hội nghị BCH lần thứ 6 (tổng kết năm 2026): 01 ngày, thứ Năm 17/12/2026; HT tầng 3 trụ sở. Tổ chức: VP.
- Thành phần: Ủy viên BCH.

II. NỘI DUNG (người trình bày)
1. BC tổng kết công tác 2026, phương hướng 2027 - Ban Kiểm tra.
2. Thông qua CTr công tác 2027 của BCH - VP.
`,
      { org: 'demo', directory },
    );
    expect(byTitle(tasks, 'BC tổng kết')).toMatchObject({
      start: '2026-12-17',
      end: '2026-12-17',
      lead: ['ban-kiem-tra'],
    });
    expect(byTitle(tasks, 'Thông qua CTr')).toMatchObject({ start: '2026-12-17', lead: ['van-phong'] });
  });

  it('reads an inspection schedule whose rows name only a team composed earlier: the head leads, the members help', () => {
    const tasks = parse(`
II. TỔ KIỂM TRA
Tổ 1 (khu vực phía Bắc):
   - Tổ trưởng: Giám đốc Quỹ Hỗ trợ phát triển HTX tỉnh;
   - Thành viên: 01 cán bộ Quỹ; 01 cán bộ Ban Kiểm tra.
Tổ 2 (khu vực phía Nam):
   - Tổ trưởng: Chánh Văn phòng;
   - Thành viên: 01 cán bộ Ban Chính sách – Phát triển HTX.

III. LỊCH KIỂM TRA
 Ngày        | HTX được kiểm tra            | Địa bàn       | Tổ
 ------------|------------------------------|---------------|-----
 13/10/2026  | HTX Nông nghiệp Thành Long   | xã Châu Thành | Tổ 1
 20/10/2026  | HTX Rau an toàn Đức Hòa      | xã Đức Hòa    | Tổ 2
`);
    expect(byTitle(tasks, 'Thành Long')).toMatchObject({
      title: expect.stringMatching(/^Kiểm tra HTX Nông nghiệp Thành Long/),
      start: '2026-10-13',
      end: '2026-10-13',
      lead: ['quy-ho-tro'],
      support: ['ban-kiem-tra'],
    });
    expect(byTitle(tasks, 'Đức Hòa')).toMatchObject({
      start: '2026-10-20',
      lead: ['van-phong'],
      support: ['ban-chinh-sach'],
    });
  });

  it('reads a heading that leads "the contents of this item", a bare unit closing a line, a due day after a rhythm named twice, and "Quý II" as no fund', () => {
    const tasks = parse(`
II. NỘI DUNG
1. Kết nối doanh nghiệp (Ban Kiểm tra chủ trì các nội dung của mục này; Văn phòng phối hợp)
   a) Hội nghị kết nối HTX với doanh nghiệp: tháng 4/2026.
   b) Hỗ trợ ký kết hợp đồng liên kết tiêu thụ: Quý II – Quý III/2026.
2. Chế độ báo cáo
   - Báo cáo tiến độ hằng tháng gửi Thường trực, trước ngày 25 hằng tháng (Ban Tuyên truyền – Đào tạo).
   - Báo cáo quý gửi UBND tỉnh, trước ngày 15 tháng cuối mỗi quý (Ban Chính sách – Phát triển HTX chủ trì).
`);
    expect(byTitle(tasks, 'Hội nghị kết nối')).toMatchObject({
      lead: ['ban-kiem-tra'],
      support: ['van-phong'],
    });
    expect(byTitle(tasks, 'Hỗ trợ ký kết')).toMatchObject({
      start: '2026-04-01',
      end: '2026-09-30',
      lead: ['ban-kiem-tra'],
    });
    const monthly = tasks.filter((t) => t.title.startsWith('Báo cáo tiến độ'));
    // Issued on 10/02/2026: January's report is past, February's is the first.
    expect(monthly).toHaveLength(11);
    expect(monthly[0]).toMatchObject({ end: '2026-02-24', lead: ['ban-tuyen-truyen'] });
    expect(monthly[0]?.title).not.toContain('(Ban');
    expect(tasks.filter((t) => t.title.startsWith('Báo cáo quý'))).toHaveLength(4);
  });

  it('reads "Tham mưu, phối hợp" beside the chair as the lead where the chair is a leader, as helpers where it names a unit', () => {
    const tasks = parse(`
II. CHƯƠNG TRÌNH
| STT | Nội dung công việc | Chủ trì | Tham mưu, phối hợp | Thời gian |
|---|---|---|---|---|
| 1 | Cho ý kiến Kế hoạch hoạt động năm của các ban | Chủ tịch | Chánh Văn phòng | Tháng 3/2026 |
| 2 | Hoàn thiện hồ sơ thi đua, khen thưởng | Trưởng Ban Kiểm tra | Chánh Văn phòng | Trước 20/3/2026 |
`);
    expect(byTitle(tasks, 'Cho ý kiến')).toMatchObject({ lead: ['van-phong'], support: [] });
    expect(byTitle(tasks, 'Hoàn thiện hồ sơ')).toMatchObject({
      lead: ['ban-kiem-tra'],
      support: ['van-phong'],
    });
  });

  it("reads a joint programme of two bodies: 'Bên chủ trì: Liên minh HTX tỉnh [unit]', rounds each with its places, 'hai bên … 6 tháng một lần'", () => {
    const tasks = parse(`
II. NỘI DUNG PHỐI HỢP
Nội dung 1. Tuyên truyền pháp luật về kinh tế tập thể cho hội viên nông dân.
   Bên chủ trì: Hội Nông dân tỉnh.
   Bên phối hợp: Liên minh HTX tỉnh [Ban Tuyên truyền – Đào tạo].
   Thời gian: cả năm 2026.
Nội dung 2. Tổ chức hội nghị đối thoại "Nông dân với HTX".
   Bên chủ trì: hai bên cùng chủ trì [Ban Kiểm tra; Văn phòng].
   Thời gian: Quý II/2026 (xã An Phú, xã Tân Lập) và Quý III/2026 (xã Hòa Bình).
Nội dung 3. Giao ban giữa Thường trực hai bên 6 tháng một lần (tháng 6 và tháng 12/2026).
   Bên chủ trì: Liên minh HTX tỉnh [Văn phòng].
`);
    expect(byTitle(tasks, 'Tuyên truyền pháp luật')).toMatchObject({
      lead: [],
      support: ['ban-tuyen-truyen'],
    });
    const rounds = tasks.filter((t) => t.title.startsWith('Tổ chức hội nghị đối thoại'));
    expect(rounds.map((t) => [t.start, t.end, t.lead])).toEqual([
      ['2026-04-01', '2026-06-30', ['ban-kiem-tra', 'van-phong']],
      ['2026-07-01', '2026-09-30', ['ban-kiem-tra', 'van-phong']],
    ]);
    expect(tasks.filter((t) => t.title.startsWith('Giao ban')).map((t) => t.start)).toEqual([
      '2026-06-01',
      '2026-12-01',
    ]);
  });

  it('names the work of a verbose sentence, without the scene it opens with, why, who will do it or when it is held', () => {
    const tasks = parse(`
II. NỘI DUNG
1. Phiên chợ "Sản phẩm HTX Demo" nhằm kết nối tiêu thụ sản phẩm, đặc biệt là gạo và các sản phẩm OCOP, sẽ được tổ chức trong các ngày 10-12/4/2026 tại quảng trường tỉnh; Ban Kiểm tra giữ vai trò chủ trì.
2. Nhằm tháo gỡ khó khăn về vốn cho HTX, Quỹ Hỗ trợ phát triển HTX tỉnh sẽ tổ chức đợt giải ngân ưu đãi trong Tháng hành động, từ ngày 01/4/2026 đến ngày 29/4/2026.
3. Để nội dung khẩu hiệu được thống nhất trong toàn tỉnh, Ban Tuyên truyền – Đào tạo sẽ soạn thảo, trình Thường trực phê duyệt hệ thống khẩu hiệu tuyên truyền chậm nhất là ngày 20/3/2026.
`);
    expect(tasks.map((t) => t.title)).toEqual([
      'Phiên chợ "Sản phẩm HTX Demo"',
      'Tổ chức đợt giải ngân ưu đãi trong Tháng hành động',
      'Soạn thảo, trình Thường trực phê duyệt hệ thống khẩu hiệu tuyên truyền',
    ]);
    expect(tasks.map((t) => t.lead)).toEqual([['ban-kiem-tra'], ['quy-ho-tro'], ['ban-tuyen-truyen']]);
  });

  it("reads classes grouped under the lead unit's lettered heading inside a section, each with its schedule on the line below", () => {
    const tasks = parse(`
II. NỘI DUNG VÀ PHÂN CÔNG THỰC HIỆN
A. BAN TUYÊN TRUYỀN – ĐÀO TẠO CHỦ TRÌ (Văn phòng phối hợp bố trí kinh phí, hậu cần)
1. Lớp bồi dưỡng kiến thức quản lý cho Giám đốc HTX
   Tháng 3/2026 - phường Đông Hà - 60 học viên.
2. Lớp nghiệp vụ bán hàng trên sàn thương mại điện tử cho HTX
   Trung tuần tháng 7/2026 - phường Đồng Hới - 50 học viên.
B. BAN KIỂM TRA CHỦ TRÌ
3. Tập huấn chuyển đổi, tổ chức lại HTX ngừng hoạt động
   Tháng 8/2026 - phường Đông Hà - 60 học viên.

III. TỔ CHỨC THỰC HIỆN
1. Văn phòng bảo đảm kinh phí theo quy định.
`);
    expect(byTitle(tasks, 'kiến thức quản lý')).toMatchObject({
      title: 'Lớp bồi dưỡng kiến thức quản lý cho Giám đốc HTX',
      start: '2026-03-01',
      end: '2026-03-31',
      lead: ['ban-tuyen-truyen'],
      support: ['van-phong'],
    });
    expect(byTitle(tasks, 'sàn thương mại')).toMatchObject({ start: '2026-07-11', end: '2026-07-20' });
    expect(byTitle(tasks, 'Tập huấn chuyển đổi')).toMatchObject({
      kind: 'event',
      start: '2026-08-01',
      lead: ['ban-kiem-tra'],
    });
  });

  it('reads who does a step after its last colon, by post or by name, and helpers who "cung cấp số liệu"', () => {
    const tasks = parse(`
II. CÔNG TÁC CHUẨN BỊ
1. Dự thảo Báo cáo tổng kết, gửi xin ý kiến Thường trực trước ngày 01/12/2026: đồng chí Trưởng Ban Kiểm tra chủ trì; các đồng chí Chánh Văn phòng, Giám đốc Quỹ cung cấp số liệu.
2. Hoàn chỉnh tài liệu, in ấn chậm nhất ngày 11/12/2026: đồng chí Chánh Văn phòng.
`);
    expect(byTitle(tasks, 'Dự thảo Báo cáo tổng kết')).toMatchObject({
      end: '2026-11-30',
      lead: ['ban-kiem-tra'],
      support: ['van-phong', 'quy-ho-tro'],
    });
    expect(byTitle(tasks, 'Hoàn chỉnh tài liệu')).toMatchObject({
      title: 'Hoàn chỉnh tài liệu, in ấn',
      end: '2026-12-11',
      lead: ['van-phong'],
    });
  });

  it('reads a hand that writes the time first, then a dash: "Tháng 02 - 3/2026 - <work>; <who>", a rhythm first, two due dates joined by "và"', () => {
    const tasks = parse(`
II. NHIỆM VỤ CỤ THỂ
1.1. Tháng 02 - 3/2026 - Khảo sát nhu cầu vay vốn của các HTX thành viên; Quỹ Hỗ trợ phát triển HTX chủ trì, Ban Kiểm tra phối hợp.
1.2. Trung tuần tháng 7/2026 - Hội nghị Ban Chấp hành sơ kết công tác 6 tháng đầu năm; Văn phòng chủ trì chuẩn bị.
1.3. Tháng cuối mỗi quý - Ban Thường vụ họp định kỳ đánh giá kết quả công tác quý; Văn phòng chuẩn bị nội dung.
1.4. Trước ngày 15/6 và trước ngày 15/12/2026 - Báo cáo định kỳ gửi UBND tỉnh; Văn phòng tổng hợp.
`);
    expect(byTitle(tasks, 'Khảo sát nhu cầu')).toMatchObject({
      title: 'Khảo sát nhu cầu vay vốn của các HTX thành viên',
      start: '2026-02-01',
      end: '2026-03-31',
      lead: ['quy-ho-tro'],
      support: ['ban-kiem-tra'],
    });
    expect(byTitle(tasks, 'Hội nghị Ban Chấp hành')).toMatchObject({
      start: '2026-07-11',
      end: '2026-07-20',
    });
    expect(tasks.filter((t) => t.title.startsWith('Ban Thường vụ họp')).map((t) => t.start)).toEqual([
      '2026-03-01',
      '2026-06-01',
      '2026-09-01',
      '2026-12-01',
    ]);
    expect(tasks.filter((t) => t.title.startsWith('Báo cáo định kỳ')).map((t) => t.end)).toEqual([
      '2026-06-14',
      '2026-12-14',
    ]);
  });

  it('reads a table saved one cell per line up to "TỔ CHỨC THỰC HIỆN", and no preamble "… như sau:" as work', () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 87/CTr-LMHTX                          Demo, ngày 28 tháng 12 năm 2026

CHƯƠNG TRÌNH CÔNG TÁC QUÝ I/2027

Thực hiện Quy chế làm việc của Ban Thường vụ, Ban Thường vụ ban hành Chương trình công tác Quý I/2027 như sau:

TT
Nội dung công việc
Đơn vị chủ trì
Thời gian

1
Ban hành Kế hoạch kiểm tra, giám sát năm 2027
Ban Kiểm tra
Trước ngày 15/01

2
Cập nhật tin, bài lên trang thông tin điện tử
Văn phòng
Cả quý

TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, đôn đốc việc thực hiện Chương trình.
`,
      { org: 'demo', directory },
    );
    expect(tasks.map((t) => [t.kind, t.lead])).toEqual([
      ['deadline', ['ban-kiem-tra']],
      ['event', ['van-phong']],
      ['duty', ['van-phong']],
    ]);
  });

  it('reads a task board exported as text: open cards with their units and dates, open checklist steps with a due date, a monthly rule; not done, archived or unassigned cards', () => {
    const { tasks } = parsePlan(
      `XUẤT BẢNG CÔNG VIỆC - Bảng: KẾ HOẠCH CÔNG TÁC QUÝ I/2026
 Xuất lúc: 04/01/2026 16:42 - Người xuất: Nguyễn Thị Mai (Văn phòng)

--------------------- CỘT: ĐÃ XONG (1 thẻ) ---------------------
[#195] Báo cáo tổng kết công tác năm 2025
  Phụ trách: Lê Văn Bình (Văn phòng)
  Hạn: 20/12/2025  ✔ Hoàn thành 19/12/2025

--------------------- CỘT: CẦN LÀM (4 thẻ) ---------------------
[#201] Hội nghị tổng kết công tác năm 2025
  Phụ trách: Phạm Văn Tâm (Văn phòng)
  Tham gia: Trần Minh Khoa (Ban Kiểm tra)
  Bắt đầu: 18/01/2026 08:00  Hạn: 18/01/2026 11:30
  Danh sách kiểm tra "Chuẩn bị" (1/2):
    [x] Dự thảo báo cáo tổng kết (Văn phòng)
    [ ] Gửi giấy mời đại biểu - hạn 12/01/2026 - Huỳnh Văn Lợi (Ban Kiểm tra)
[#204] Giải ngân vốn vay đợt 1/2026
  Phụ trách: Đỗ Thị Hồng (Quỹ Hỗ trợ phát triển HTX)
  Hạn: 26/02/2026
  Bình luận (1):
    - Đỗ Thị Hồng, 05/01/2026: có thể lùi sang tháng 4.
[#206] Báo cáo tháng gửi Thường trực
  Phụ trách: Huỳnh Văn Lợi (Văn phòng)
  Hạn: 22/01/2026
  Lặp lại: hằng tháng vào ngày 22, kết thúc 31/03/2026
[#214] Theo dõi văn bản hướng dẫn mới
  (chưa giao người thực hiện, chưa đặt hạn)

--------------------- CỘT: LƯU TRỮ (1 thẻ) ---------------------
[#190] Hội thảo du lịch cộng đồng (đã hủy)
  Phụ trách: Nguyễn Hoàng Phúc (Ban Kiểm tra)
  Hạn: 20/01/2026
`,
      { org: 'demo', directory },
    );
    expect(tasks.map((t) => [t.title.replace(/ \(Tháng.*$/, ''), t.start, t.end, t.lead, t.support])).toEqual(
      [
        ['Hội nghị tổng kết công tác năm 2025', '2026-01-18', '2026-01-18', ['van-phong'], ['ban-kiem-tra']],
        ['Gửi giấy mời đại biểu', '2026-01-01', '2026-01-12', ['ban-kiem-tra'], []],
        ['Giải ngân vốn vay đợt 1/2026', '2026-01-01', '2026-02-26', ['quy-ho-tro'], []],
        ['Báo cáo tháng gửi Thường trực', '2026-01-01', '2026-01-22', ['van-phong'], []],
        ['Báo cáo tháng gửi Thường trực', '2026-02-01', '2026-02-22', ['van-phong'], []],
        ['Báo cáo tháng gửi Thường trực', '2026-03-01', '2026-03-22', ['van-phong'], []],
      ],
    );
  });

  it('reads a terse conference plan: its day from "TG:", its agenda "CHƯƠNG TRÌNH HN", a list of rows under a legend "(việc | đv | hạn)", an inserted "10a."', () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 196/KH-LMHTX                          Demo, ngày 20 tháng 11 năm 2026

KẾ HOẠCH
Tổ chức Hội nghị tổng kết năm 2026

II. THỜI GIAN, ĐỊA ĐIỂM
- TG: 01 buổi, sáng Thứ Ba, 22/12/2026.
- ĐĐ: Hội trường Liên minh HTX tỉnh.

III. CHƯƠNG TRÌNH HN
1. BC tổng kết 2026, phương hướng 2027 - Ban Kiểm tra.
2. Khen thưởng - Văn phòng.

IV. CHUẨN BỊ
(việc | đv | hạn)
1. Dự thảo BC tổng kết | Ban Kiểm tra, p/h: Văn phòng | 30/11
2. Tài liệu HN (in 200 bộ) | VP | xong 19/12
2a. Kịch bản điều hành, trình TT duyệt | VP | 17/12
`,
      { org: 'demo', directory },
    );
    expect(byTitle(tasks, 'BC tổng kết 2026')).toMatchObject({ start: '2026-12-22', end: '2026-12-22' });
    expect(byTitle(tasks, 'Dự thảo BC')).toMatchObject({
      title: 'Dự thảo BC tổng kết',
      kind: 'deadline',
      end: '2026-11-30',
      lead: ['ban-kiem-tra'],
      support: ['van-phong'],
    });
    expect(byTitle(tasks, 'Tài liệu HN')).toMatchObject({
      kind: 'deadline',
      end: '2026-12-19',
      lead: ['van-phong'],
    });
    expect(byTitle(tasks, 'Kịch bản')).toMatchObject({
      kind: 'deadline',
      end: '2026-12-17',
      lead: ['van-phong'],
    });
  });

  it("reads a meeting's speech-to-text transcript: the chair's turns, dates said in words, a spoken correction, a matter settled in the next turn", () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
BẢN GHI TỰ ĐỘNG PHIÊN GIAO BAN THƯỜNG TRỰC THÁNG 10/2026
Thời gian: 8 giờ 00, thứ Hai, ngày 12/10/2026

[00:00:41] CHỦ TỊCH: Rồi, mình bắt đầu nhé. Hôm nay chủ yếu là chốt các việc của quý bốn.
[00:01:20] CHỦ TỊCH: Việc thứ nhất là dự toán ngân sách năm hai không hai bảy. Văn phòng làm, nộp Sở Tài chính chậm nhất ngày ba mươi tháng mười.
[00:01:38] CHÁNH VĂN PHÒNG: Dạ, em nhận.
[00:07:30] CHỦ TỊCH: Lớp tập huấn cho HTX khu vực phía Nam, đầu tháng mười hai, giao Ban Kiểm tra.
[00:07:42] TRƯỞNG BAN KIỂM TRA: Anh ơi đầu tháng mười hai tụi em vướng, chắc không kham nổi.
[00:07:55] CHỦ TỊCH: Vậy thôi, Ban Tuyên truyền – Đào tạo chủ trì lớp đó, Ban Kiểm tra cử giảng viên hỗ trợ.
[00:08:40] CHỦ TỊCH: Hội nghị Ban Chấp hành cuối năm tổ chức ngày mười lăm, à không, ngày mười tám tháng mười hai. Văn phòng chuẩn bị.
[00:10:41] CHỦ TỊCH: Cái đó để sang năm tính, chưa giao. Không thì mình kết thúc ở đây.
`,
      { org: 'demo', directory },
    );
    expect(tasks.map((t) => [t.end, t.lead])).toEqual([
      ['2026-10-30', ['van-phong']],
      ['2026-12-10', ['ban-tuyen-truyen']],
      ['2026-12-18', ['van-phong']],
    ]);
    expect(tasks[0]?.title).toBe('Dự toán ngân sách năm 2027');
  });

  it('reads a subject after a scene ("Trên Trang thông tin …, Ban X được giao …") and helpers after "do X chủ trì tổ chức, Y phối hợp …"', () => {
    const tasks = parse(`
II. NỘI DUNG
1. Trên Trang thông tin điện tử của Liên minh, Ban Kiểm tra được giao đăng tải pano điện tử trong tháng 4/2026.
2. Cuộc thi viết "Chuyện HTX quê tôi" do Ban Tuyên truyền – Đào tạo chủ trì tổ chức, Văn phòng phối hợp bảo đảm kinh phí: phát động vào ngày 22/3/2026; trao giải trong tháng 5/2026.
`);
    expect(byTitle(tasks, 'pano điện tử')?.lead).toEqual(['ban-kiem-tra']);
    const contest = tasks.filter((t) => t.title.includes('Chuyện HTX quê tôi'));
    expect(contest.length).toBeGreaterThanOrEqual(2);
    for (const t of contest) expect([t.lead, t.support]).toEqual([['ban-tuyen-truyen'], ['van-phong']]);
  });

  it('leads an item by the units its own line opens with, not by the one a sentence below names for the next step', () => {
    const tasks = parse(`
II. CHẾ ĐỘ BÁO CÁO
1. Ban Kiểm tra, Ban Tuyên truyền – Đào tạo báo cáo tiến độ thực hiện về Văn phòng trước ngày 15 tháng cuối mỗi quý.
Văn phòng tổng hợp, báo cáo Thường trực.
`);
    const reports = tasks.filter((t) => t.title.startsWith('Ban Kiểm tra'));
    expect(reports).toHaveLength(4);
    for (const t of reports) expect(t.lead).toEqual(['ban-kiem-tra', 'ban-tuyen-truyen']);
  });

  it('reads "(các ban, Quỹ thực hiện; gửi Ban X tổng hợp)": the list leads, the unit that gathers the reports is not among them', () => {
    const tasks = parse(`
II. CHẾ ĐỘ BÁO CÁO
1. Báo cáo tiến độ thực hiện hằng tháng, trước ngày 22 (các ban, Quỹ thực hiện; gửi Ban Kiểm tra tổng hợp).
`);
    const monthly = tasks.filter((t) => t.title.startsWith('Báo cáo tiến độ'));
    expect(monthly.length).toBeGreaterThan(0);
    for (const t of monthly) expect(t.lead).toEqual(['ban-tuyen-truyen', 'ban-chinh-sach', 'quy-ho-tro']);
  });

  it('reads "Người thực hiện: đồng chí <post>" under an item, and a duty whose subject is "Đồng chí <post>"', () => {
    const tasks = parse(`
II. NHIỆM VỤ CỤ THỂ
1.1. Triển khai Chương trình công tác năm 2026 đến các HTX thành viên.
     Thời gian: tháng 01/2026.
     Người thực hiện: đồng chí Chánh Văn phòng; đồng chí Trưởng Ban Kiểm tra phối hợp.

III. TỔ CHỨC THỰC HIỆN
1. Đồng chí Chánh Văn phòng là đầu mối theo dõi, đôn đốc việc thực hiện Chương trình.
`);
    expect(byTitle(tasks, 'Triển khai Chương trình')).toMatchObject({
      lead: ['van-phong'],
      support: ['ban-kiem-tra'],
    });
    expect(byTitle(tasks, 'đầu mối')).toMatchObject({ kind: 'duty', lead: ['van-phong'] });
  });

  it("matches an item to the clause of a unit's responsibilities that names it, not to the whole sentence of clauses", () => {
    const tasks = parse(`
II. NỘI DUNG
1. Hội nghị quán triệt Luật Hợp tác xã năm 2023 cho cán bộ Liên minh (tháng 3/2026).
2. Cuộc thi trực tuyến tìm hiểu Luật Hợp tác xã (tháng 5/2026).

III. TỔ CHỨC THỰC HIỆN
1. Ban Kiểm tra: là đơn vị đầu mối tham mưu thực hiện Kế hoạch; chủ trì cuộc thi trực tuyến tìm hiểu Luật Hợp tác xã; tổng hợp báo cáo quý, sơ kết 6 tháng, tổng kết Kế hoạch.
2. Văn phòng: tổ chức Hội nghị quán triệt; quản trị Trang thông tin điện tử; bảo đảm kinh phí thực hiện Kế hoạch.
`);
    expect(byTitle(tasks, 'Hội nghị quán triệt')?.lead).toEqual(['van-phong']);
    expect(byTitle(tasks, 'Cuộc thi trực tuyến')?.lead).toEqual(['ban-kiem-tra']);
  });

  it('reads a plan saved as HTML source: its paragraphs, its table with a spanning section row, entities, and "Trước Tết Nguyên đán (06/02/2027)"', () => {
    const { tasks, issued_on } = parsePlan(
      `<p align="center"><b>LIÊN MINH HTX TỈNH DEMO</b><br>BAN THƯỜNG VỤ</p>
<p>Số: 121/CTr-LMHTX</p>
<p align="right"><i>Demo, ngày 28 tháng 12 năm 2026</i></p>
<p align="center"><b>CHƯƠNG TRÌNH CÔNG TÁC QUÝ I/2027</b></p>
<table border="1">
<tr><th>TT</th><th>Nội dung công việc</th><th>Đơn vị chủ trì</th><th>Đơn vị phối hợp</th><th>Thời gian</th></tr>
<tr><td colspan="5"><b>I. THÁNG 01/2027</b></td></tr>
<tr><td>1</td><td>Thăm, chúc Tết các HTX tiêu biểu</td><td>Văn phòng</td><td>&nbsp;</td><td>Trước Tết Nguyên đán (06/02/2027)</td></tr>
<tr><td>2</td><td>Phiên chợ hàng Việt &amp; sản phẩm HTX</td><td>Ban Kiểm tra</td><td>VP</td><td>20 - 24/01/2027</td></tr>
</table>
`,
      { org: 'demo', directory },
    );
    expect(issued_on).toBe('2026-12-28');
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead, t.support])).toEqual([
      ['Thăm, chúc Tết các HTX tiêu biểu', '2027-01-01', '2027-02-05', ['van-phong'], []],
      ['Phiên chợ hàng Việt & sản phẩm HTX', '2027-01-20', '2027-01-24', ['ban-kiem-tra'], ['van-phong']],
    ]);
  });

  it('reads a plan drawn as a tree (a mind map exported as an outline): numbered branches, their fields, a dropped and a done branch left out', () => {
    const tasks = parse(`
II. NỘI DUNG
├── 2. Hội chợ - triển lãm
│   ├── 2.1 Hội chợ OCOP và sản phẩm HTX 2026 [!ưu tiên]
│   │   ├── Thời gian: 21 - 25/4/2026
│   │   ├── Chủ trì: Ban Kiểm tra
│   │   └── Phối hợp: Văn phòng
│   ├── 2.2 Phiên chợ nông sản tại phường Phan Thiết
│   │   ├── Thời gian: cuối tháng 10/2026
│   │   └── Chủ trì: Văn phòng
│   └── 2.3 Hội chợ tại TP. Hồ Chí Minh [✖ bỏ - chuyển sang 2027]
│       └── Chủ trì: Ban Kiểm tra
└── 3. Thương mại điện tử
    └── 3.1 Khảo sát HTX có nhu cầu lên sàn [✔ đã xong 12/2025]
`);
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead, t.support])).toEqual([
      ['Hội chợ OCOP và sản phẩm HTX 2026', '2026-04-21', '2026-04-25', ['ban-kiem-tra'], ['van-phong']],
      ['Phiên chợ nông sản tại phường Phan Thiết', '2026-10-21', '2026-10-31', ['van-phong'], []],
    ]);
  });

  it('reads a spreadsheet pasted with column letters: its legend, wrapped cells, month group rows, "ø" and a note row; "hằng tháng" under a month row repeats over the quarter', () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 105/CTr-LMHTX
Demo, ngày 28 tháng 12 năm 2026
CHƯƠNG TRÌNH CÔNG TÁC QUÝ I/2027

KÝ HIỆU CỘT:  [A] Nội dung công việc   [B] Đơn vị chủ trì   [C] Đơn vị phối hợp   [D] Thời gian   [E] Ghi chú
Ô để trống ghi "ø".
====================== THÁNG 01/2027 ======================
01 [A] Phiên chợ sản phẩm HTX "Xuân 2027" tại quảng trường trung tâm [B] Ban Kiểm tra
   [C] VP [D] 25 - 27/01 [E] Huy động 40 gian hàng
02 [A] Báo cáo nhanh tình hình hoạt động trong tháng [B] Các ban, Quỹ [C] ø
   [D] Trước ngày 22 hằng tháng [E] Gửi Ban Kiểm tra tổng hợp
03 [A] Thăm, chúc Tết các HTX tiêu biểu [B] Thường trực (VP chuẩn bị) [C] ø
   [D] Trước Tết Nguyên đán (06/02/2027) [E] ø
   ~ Nghỉ Tết Nguyên đán theo thông báo của UBND tỉnh ~
====================== THÁNG 02/2027 ======================
04 [A] Xây dựng Kế hoạch kiểm tra HTX thành viên năm 2027 [B] Ban Kiểm tra [C] ø
   [D] Hoàn thành trước 28/02 [E] ø
==========================================================

TỔ CHỨC THỰC HIỆN
Văn phòng theo dõi, đôn đốc việc thực hiện Chương trình.
`,
      { org: 'demo', directory },
    );
    expect(
      tasks.filter((t) => t.kind !== 'duty').map((t) => [t.title, t.start, t.end, t.lead, t.support]),
    ).toEqual([
      [
        'Phiên chợ sản phẩm HTX "Xuân 2027" tại quảng trường trung tâm',
        '2027-01-25',
        '2027-01-27',
        ['ban-kiem-tra'],
        ['van-phong'],
      ],
      [
        'Báo cáo nhanh tình hình hoạt động trong tháng (Tháng 1/2027)',
        '2027-01-01',
        '2027-01-21',
        ['ban-tuyen-truyen', 'ban-chinh-sach', 'quy-ho-tro'],
        [],
      ],
      [
        'Báo cáo nhanh tình hình hoạt động trong tháng (Tháng 2/2027)',
        '2027-02-01',
        '2027-02-21',
        ['ban-tuyen-truyen', 'ban-chinh-sach', 'quy-ho-tro'],
        [],
      ],
      [
        'Báo cáo nhanh tình hình hoạt động trong tháng (Tháng 3/2027)',
        '2027-03-01',
        '2027-03-21',
        ['ban-tuyen-truyen', 'ban-chinh-sach', 'quy-ho-tro'],
        [],
      ],
      ['Thăm, chúc Tết các HTX tiêu biểu', '2027-01-01', '2027-02-05', ['van-phong'], []],
      [
        'Xây dựng Kế hoạch kiểm tra HTX thành viên năm 2027',
        '2027-01-01',
        '2027-02-27',
        ['ban-kiem-tra'],
        [],
      ],
    ]);
  });

  it('reads a process drawn as a flowchart: a box a step, boxes side by side, the swimlane as lead and "(+)" as helper, a decision and arrows left out, the gathering with its parts', () => {
    const tasks = parse(`
II. SƠ ĐỒ QUY TRÌNH TỔ CHỨC NGÀY HỘI HTX NĂM 2026
        ┌──────────────────────────────────────────────────┐
        │ B1. Xây dựng Kế hoạch chi tiết Ngày hội           │
        │ Làn: Ban Kiểm tra                                 │
        │ Hạn: 26/02/2026                                   │
        └──────────────────────────────────────────────────┘
                                │
                  ══════════════╦══════════════
                  ▼                            ▼
   ┌────────────────────────────┐ ┌───────────────────────────┐
   │ B2a. Phát hành thư mời,    │ │ B2b. Lựa chọn đơn vị thi  │
   │ nhận đăng ký gian hàng     │ │ công gian hàng, sân khấu  │
   │ Làn: Ban Kiểm tra          │ │ Làn: Văn phòng            │
   │ (+) Quỹ Hỗ trợ phát triển  │ │ Thời gian: tháng 6/2026   │
   │ HTX                        │ │                           │
   │ Thời gian: 01/5 - 31/7/2026│ │                           │
   └────────────────────────────┘ └───────────────────────────┘
                  ════════════════╩═════════════
                                │
                  ◇ B3. Đến 31/7 đã đủ 80 gian hàng? ◇
                              [Có]
        ╔══════════════════════════════════════════════════╗
        ║ B4. Ngày hội HTX năm 2026                          ║
        ║ Thời gian: 17 - 19/9/2026                          ║
        ║ Làn: Ban Kiểm tra   (+) Văn phòng                   ║
        ║   ├── B4.1 Lễ khai mạc Ngày hội: 8h00 ngày 17/9    ║
        ║   │         ─ Làn: Văn phòng                        ║
        ║   └── B4.2 Hội thảo chuỗi giá trị chè: sáng 18/9   ║
        ║             ─ Làn: Quỹ Hỗ trợ phát triển HTX        ║
        ╚══════════════════════════════════════════════════╝
                                ▼
        ┌──────────────────────────────────────────────────┐
        │ B5. Quyết toán kinh phí Ngày hội                  │
        │ Làn: Văn phòng                                    │
        │ Thời gian: chậm nhất 15 ngày sau ngày bế mạc      │
        └──────────────────────────────────────────────────┘
`);
    const rows = tasks.map((t) => [t.title.replace(/ – .*$/u, ''), t.end, t.lead, t.support]);
    expect(rows).toEqual([
      ['Xây dựng Kế hoạch chi tiết Ngày hội', '2026-02-26', ['ban-kiem-tra'], []],
      ['Phát hành thư mời, nhận đăng ký gian hàng', '2026-07-31', ['ban-kiem-tra'], ['quy-ho-tro']],
      ['Lựa chọn đơn vị thi công gian hàng, sân khấu', '2026-06-30', ['van-phong'], []],
      ['Ngày hội HTX năm 2026', '2026-09-19', ['ban-kiem-tra'], ['van-phong']],
      ['Lễ khai mạc Ngày hội', '2026-09-17', ['van-phong'], []],
      ['Hội thảo chuỗi giá trị chè', '2026-09-18', ['quy-ho-tro'], []],
      ['Quyết toán kinh phí Ngày hội', '2026-10-04', ['van-phong'], []],
    ]);
  });

  it('reads a terse hand that points from the work to its doer with "→", and leaves an outside body\'s part in "Tổ chức thực hiện" out', () => {
    const tasks = parse(`
II. NỘI DUNG (thời gian - việc - đơn vị)
1.1. 29/3 - 29/4: cao điểm tuyên truyền trên báo, đài, Cổng TTĐT Liên minh → Ban Kiểm tra; VP
     p.hợp.
1.2. Cuối tháng 3: phát sóng phóng sự "HTX vùng biển" trên kênh KTV → Đài Phát thanh - Truyền hình tỉnh
     thực hiện; Ban Kiểm tra cung cấp tư liệu.
1.3. 22/4: Hội nghị kết nối HTX với doanh nghiệp du lịch → Quỹ Hỗ trợ phát triển HTX; Văn phòng p.hợp (mời
     Sở Công Thương).

III. TỔ CHỨC THỰC HIỆN
- Văn phòng: bảo đảm kinh phí, hậu cần cho các hoạt động của Kế hoạch.
- HTX thành viên: treo băng rôn tại trụ sở từ 01/4 - 30/4/2026; đăng ký tham gia Ngày hội.
`);
    expect(tasks.map((t) => [t.title, t.lead, t.support])).toEqual([
      ['Cao điểm tuyên truyền trên báo, đài, Cổng TTĐT Liên minh', ['ban-kiem-tra'], ['van-phong']],
      ['Phát sóng phóng sự "HTX vùng biển" trên kênh KTV', [], ['ban-kiem-tra']],
      ['Hội nghị kết nối HTX với doanh nghiệp du lịch', ['quy-ho-tro'], ['van-phong']],
      ['Bảo đảm kinh phí, hậu cần cho các hoạt động của Kế hoạch', ['van-phong'], []],
    ]);
  });

  it('reads a plan kept as LaTeX source: its words without commands, a ruled table with a spanning group row, a note row and a row commented out', () => {
    const { tasks, issued_on } = parsePlan(
      String.raw`\documentclass[13pt,a4paper]{extarticle}
\usepackage[utf8]{vietnam}
\begin{document}
\noindent
\begin{tabular}{@{}p{9cm}p{13cm}@{}}
\centering LIÊN MINH HTX TỈNH DEMO\\ \textbf{BAN THƯỜNG VỤ}\\ \rule{3cm}{0.4pt} &
\centering \textbf{CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM}
\end{tabular}

\noindent Số: 95/CTr-LMHTX \hfill \textit{Demo, ngày 28 tháng 12 năm 2026}
\begin{center}
\textbf{CHƯƠNG TRÌNH CÔNG TÁC QUÝ I/2027}
\end{center}
\begin{longtable}{|c|p{8cm}|p{2.6cm}|p{3cm}|p{2.4cm}|}
\hline
\textbf{TT} & \textbf{Nội dung công việc} & \textbf{Chủ trì} & \textbf{Phối hợp} & \textbf{Thời gian} \\
\hline \endhead
\multicolumn{5}{|l|}{\textbf{I. THÁNG 01/2027}} \\ \hline
1 & Hoàn thiện hồ sơ đề nghị cấp kinh phí hoạt động \newline năm 2027 & Ban Kiểm tra & VP & Trước 20/01 \\ \hline
\multicolumn{5}{|c|}{\textit{Nghỉ Tết Nguyên đán từ 04/02 đến hết 10/02/2027}} \\ \hline
% 2 & Hội thảo liên kết chuỗi cà phê & VP & & Tuần 4 \\ \hline
2 & Tổ chức Phiên chợ sản phẩm HTX tại Hà Nội & Văn phòng & & 19 - 21/3 \\ \hline
\end{longtable}
\end{document}`,
      { org: 'demo', directory },
    );
    expect(issued_on).toBe('2026-12-28');
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead, t.support])).toEqual([
      [
        'Hoàn thiện hồ sơ đề nghị cấp kinh phí hoạt động năm 2027',
        '2027-01-01',
        '2027-01-19',
        ['ban-kiem-tra'],
        ['van-phong'],
      ],
      ['Tổ chức Phiên chợ sản phẩm HTX tại Hà Nội', '2027-03-19', '2027-03-21', ['van-phong'], []],
    ]);
  });

  it('reads a table kept as MediaWiki source: header cells by "!!", a month row spanning the table, a note row, a cell spanning two rows, a row one cell per line, and "Cùng phiên họp" as the time of the row above', () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 95/CTr-LMHTX                          Demo, ngày 28 tháng 12 năm 2026

CHƯƠNG TRÌNH CÔNG TÁC QUÝ I/2027

{| class="wikitable" style="width:100%"
|+ '''Chương trình công tác Quý I/2027'''
! TT !! Nội dung công việc !! Đơn vị chủ trì !! Đơn vị phối hợp !! Thời gian
|-
| colspan="5" style="background:#eee" | '''THÁNG 01/2027'''
|-
| 1 || Họp Ban Thường vụ phiên thường kỳ tháng 01 || Văn phòng || Ban Kiểm tra || 12/01/2027
|-
| 2 || Cho ý kiến Kế hoạch kiểm tra năm 2027 || Ban Kiểm tra || || Cùng phiên họp
|-
| 3 || Hoàn thiện hồ sơ quyết toán ngân sách năm 2026 || rowspan="2" | Quỹ Hỗ trợ phát triển HTX || || Trước 25/01
|-
| 4 || Xây dựng dự toán chi tiết năm 2027 || || 28/01/2027
|-
| colspan="5" | ''Nghỉ Tết Nguyên đán từ 04/02 đến hết 10/02/2027.''
|-
| 5
| Gặp mặt đầu xuân với HTX thành viên
| Văn phòng
| Ban Tuyên truyền – Đào tạo
| 12/02/2027
|}

'''Tổ chức thực hiện'''
* Các ban chủ động đề xuất điều chỉnh (nếu có).
`,
      { org: 'demo', directory },
    );
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead, t.support])).toEqual([
      [
        'Họp Ban Thường vụ phiên thường kỳ tháng 01',
        '2027-01-12',
        '2027-01-12',
        ['van-phong'],
        ['ban-kiem-tra'],
      ],
      ['Cho ý kiến Kế hoạch kiểm tra năm 2027', '2027-01-12', '2027-01-12', ['ban-kiem-tra'], []],
      ['Hoàn thiện hồ sơ quyết toán ngân sách năm 2026', '2027-01-01', '2027-01-24', ['quy-ho-tro'], []],
      ['Xây dựng dự toán chi tiết năm 2027', '2027-01-28', '2027-01-28', ['quy-ho-tro'], []],
      [
        'Gặp mặt đầu xuân với HTX thành viên',
        '2027-02-12',
        '2027-02-12',
        ['van-phong'],
        ['ban-tuyen-truyen'],
      ],
    ]);
  });

  it("reads a task list exported as XML: its number and date, open tasks with their units and time, a done and a cancelled task left out, sub-tasks sharing their parent's units, and duties per unit", () => {
    const { tasks, doc_number, issued_on } = parsePlan(
      `<?xml version="1.0" encoding="UTF-8"?>
<!-- Xuất từ Hệ thống theo dõi nhiệm vụ -->
<KeHoach so="07/KH-LMHTX" ngayBanHanh="2027-01-26" coQuan="Liên minh Hợp tác xã tỉnh Demo">
  <TrichYeu>Kế hoạch chuyển đổi số năm 2027</TrichYeu>
  <ChiTieu><Muc>70% HTX thành viên sử dụng hóa đơn điện tử</Muc></ChiTieu>
  <DanhSachNhiemVu>
    <NhiemVu ma="NV01" trangThai="HoanThanh">
      <NoiDung>Ban hành Kế hoạch chuyển đổi số năm 2027</NoiDung>
      <ChuTri>Văn phòng</ChuTri>
      <ThoiGian ketThuc="2027-01-26">Tháng 01/2027</ThoiGian>
    </NhiemVu>
    <NhiemVu ma="NV02" trangThai="ChuaThucHien">
      <NoiDung>Khảo sát mức độ chuyển đổi số của HTX</NoiDung>
      <ChuTri>Ban Chính sách – Phát triển HTX</ChuTri>
      <PhoiHop><DonVi>Văn phòng</DonVi><DonVi>Sở Khoa học &amp; Công nghệ</DonVi></PhoiHop>
      <ThoiGian batDau="2027-02-01" ketThuc="2027-03-31">Tháng 2 – tháng 3/2027</ThoiGian>
    </NhiemVu>
    <NhiemVu ma="NV03" trangThai="ChuaThucHien">
      <NoiDung>Tập huấn kỹ năng số cho cán bộ HTX</NoiDung>
      <ChuTri>Ban Tuyên truyền – Đào tạo</ChuTri>
      <PhoiHop><DonVi>Văn phòng</DonVi></PhoiHop>
      <NhiemVuCon ma="NV03.1">
        <NoiDung>Lớp tập huấn kỹ năng số tại thành phố</NoiDung>
        <ThoiGian batDau="2027-04-15" ketThuc="2027-04-16"/>
      </NhiemVuCon>
    </NhiemVu>
    <NhiemVu ma="NV04" trangThai="DaHuy">
      <NoiDung>Hỗ trợ HTX ký hợp đồng chữ ký số</NoiDung>
      <ChuTri>Quỹ Hỗ trợ phát triển HTX</ChuTri>
      <ThoiGian>Tháng 3/2027</ThoiGian>
    </NhiemVu>
  </DanhSachNhiemVu>
  <TrachNhiem>
    <DonVi ten="Văn phòng">Bảo đảm kinh phí cho các hoạt động chuyển đổi số.</DonVi>
  </TrachNhiem>
</KeHoach>
`,
      { org: 'demo', directory },
    );
    expect([doc_number, issued_on]).toEqual(['07/KH-LMHTX', '2027-01-26']);
    expect(tasks.map((t) => [t.kind === 'duty', t.title, t.start, t.end, t.lead, t.support])).toEqual([
      [
        false,
        'Khảo sát mức độ chuyển đổi số của HTX',
        '2027-02-01',
        '2027-03-31',
        ['ban-chinh-sach'],
        ['van-phong'],
      ],
      [
        false,
        'Lớp tập huấn kỹ năng số tại thành phố',
        '2027-04-15',
        '2027-04-16',
        ['ban-tuyen-truyen'],
        ['van-phong'],
      ],
      [
        true,
        'Bảo đảm kinh phí cho các hoạt động chuyển đổi số',
        '2027-01-01',
        '2027-12-31',
        ['van-phong'],
        [],
      ],
    ]);
  });

  it("reads a plan exported as YAML: its number and date, open records with their units, dates, a deadline and a quarterly repeat, a cancelled record left out, sub-tasks named with their parent's contest and sharing its units", () => {
    const { tasks, doc_number, issued_on } = parsePlan(
      `# Xuất từ phần mềm Quản lý kế hoạch
# han = hạn hoàn thành; trang_thai: da_huy = đã hủy
ke_hoach:
  co_quan: "LIÊN MINH HTX TỈNH DEMO"
  so_hieu: "14/KH-LMHTX"
  ngay_ban_hanh: 2027-02-10
  ten: "Kế hoạch hỗ trợ HTX phát triển sản phẩm OCOP năm 2027"
  chi_tieu:
    - "Có thêm 25 sản phẩm OCOP của HTX đạt 3 sao"
  nhiem_vu:
    - ma: NV01
      noi_dung: "Khảo sát sản phẩm OCOP của HTX hết hạn chứng nhận"
      chu_tri: "Ban Chính sách – Phát triển HTX"
      phoi_hop: ["Văn phòng", "Sở Nông nghiệp và Môi trường"]
      bat_dau: 2027-03-01
      ket_thuc: 2027-04-30
    - ma: NV02
      noi_dung: "Hoàn thiện hồ sơ đánh giá, phân hạng OCOP cấp tỉnh"
      chu_tri: "Văn phòng"
      han: 2027-06-15
    - ma: NV03
      noi_dung: "Sản xuất video giới thiệu sản phẩm OCOP"
      chu_tri: "Ban Tuyên truyền – Đào tạo"
      lap_lai: {chu_ky: quy, han: "ngày cuối quý"}
      bat_dau: 2027-01-01
      ket_thuc: 2027-12-31
    - ma: NV04
      trang_thai: da_huy
      noi_dung: "Tổ chức đoàn khảo sát thị trường tại Nhật Bản"
      chu_tri: "Văn phòng"
      bat_dau: 2027-10-01
      ket_thuc: 2027-10-31
    - ma: NV05
      noi_dung: "Cuộc thi \\"Sản phẩm HTX Demo 2027\\""
      chu_tri: "Ban Tuyên truyền – Đào tạo"
      phoi_hop: ["Văn phòng"]
      cong_viec_con:
        - noi_dung: "Phát động Cuộc thi"
          bat_dau: 2027-04-11
          ket_thuc: 2027-04-11
        - noi_dung: "Chấm và trao giải"
          phoi_hop: ["Ban Chính sách – Phát triển HTX"]
          bat_dau: 2027-10-15
          ket_thuc: 2027-10-15
`,
      { org: 'demo', directory },
    );
    expect([doc_number, issued_on]).toEqual(['14/KH-LMHTX', '2027-02-10']);
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead, t.support])).toEqual([
      [
        'Khảo sát sản phẩm OCOP của HTX hết hạn chứng nhận',
        '2027-03-01',
        '2027-04-30',
        ['ban-chinh-sach'],
        ['van-phong'],
      ],
      ['Hoàn thiện hồ sơ đánh giá, phân hạng OCOP cấp tỉnh', '2027-01-01', '2027-06-15', ['van-phong'], []],
      ...['01-01/03-31', '04-01/06-30', '07-01/09-30', '10-01/12-31'].map((w, i) => [
        `Sản xuất video giới thiệu sản phẩm OCOP (Quý ${['I', 'II', 'III', 'IV'][i]}/2027)`,
        `2027-${w.slice(0, 5)}`,
        `2027-${w.slice(6)}`,
        ['ban-tuyen-truyen'],
        [],
      ]),
      [
        'Phát động Cuộc thi "Sản phẩm HTX Demo 2027"',
        '2027-04-11',
        '2027-04-11',
        ['ban-tuyen-truyen'],
        ['van-phong'],
      ],
      [
        'Cuộc thi "Sản phẩm HTX Demo 2027": chấm và trao giải',
        '2027-10-15',
        '2027-10-15',
        ['ban-tuyen-truyen'],
        ['ban-chinh-sach'],
      ],
    ]);
  });

  it('reads a table converted to text with its rows opened by "{n}" and its cells in «…» pairs, a cell over two lines, «» empty, and "══ THÁNG … ══" rows grouping by month', () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 87/CTr-LMHTX
Demo, ngày 25 tháng 12 năm 2026

CHƯƠNG TRÌNH
Công tác Quý I năm 2027 của Ban Thường vụ

Cột:  «TT» «Nội dung công việc» «Thời gian» «Đơn vị chủ trì» «Đơn vị phối hợp»

══ THÁNG 01/2027 ══
{1} «Hội nghị tổng kết công tác năm 2026» «Ngày 15/01/2027»
    «Văn phòng» «Ban Chính sách – Phát triển HTX»
{2} «Thăm, chúc Tết các HTX thành viên có hoàn cảnh khó khăn» «Từ 18/01 đến
    05/02/2027» «Ban Chính sách – Phát triển HTX» «»
══ THÁNG 03/2027 ══
{3} «Khai giảng lớp bồi dưỡng nghiệp vụ kế toán HTX» «Tuần 3» «Ban Tuyên truyền – Đào tạo»
    «Văn phòng»

TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, đôn đốc việc thực hiện Chương trình.
`,
      { org: 'demo', directory },
    );
    expect(
      tasks.filter((t) => t.kind !== 'duty').map((t) => [t.title, t.start, t.end, t.lead, t.support]),
    ).toEqual([
      ['Hội nghị tổng kết công tác năm 2026', '2027-01-15', '2027-01-15', ['van-phong'], ['ban-chinh-sach']],
      [
        'Thăm, chúc Tết các HTX thành viên có hoàn cảnh khó khăn',
        '2027-01-18',
        '2027-02-05',
        ['ban-chinh-sach'],
        [],
      ],
      [
        'Khai giảng lớp bồi dưỡng nghiệp vụ kế toán HTX',
        '2027-03-15',
        '2027-03-21',
        ['ban-tuyen-truyen'],
        ['van-phong'],
      ],
    ]);
  });

  it('reads the lead by its head\'s post after "đồng chí", after opening clauses of rhythm ("Hằng tháng", "Thường xuyên cả năm") and after a semicolon', () => {
    const tasks = parse(`
II. NỘI DUNG VÀ PHÂN CÔNG
1. Hằng tháng, trước ngày 25, đồng chí Trưởng Ban Kiểm tra và đồng chí Giám đốc Quỹ Hỗ trợ phát triển HTX gửi kết quả thực hiện về Văn phòng.
2. Trong cả năm 2026, đồng chí Trưởng Ban Tuyên truyền – Đào tạo duy trì chuyên mục "Luật HTX vào cuộc sống" trên Báo tỉnh.
3. Thường xuyên cả năm, đồng chí Trưởng Ban Chính sách – Phát triển HTX tư vấn trực tiếp cho HTX về hồ sơ đăng ký.
4. Sơ kết 6 tháng (trong tháng 7/2026) việc thực hiện Kế hoạch; đồng chí Chánh Văn phòng chuẩn bị báo cáo.
`);
    expect(byTitle(tasks, 'gửi kết quả')?.lead).toEqual(['ban-kiem-tra', 'quy-ho-tro']);
    expect(byTitle(tasks, 'chuyên mục')?.lead).toEqual(['ban-tuyen-truyen']);
    expect(byTitle(tasks, 'tư vấn trực tiếp')?.lead).toEqual(['ban-chinh-sach']);
    expect(byTitle(tasks, 'Sơ kết')?.lead).toEqual(['van-phong']);
  });

  it('reads the time beside who in a terse tail "<lớp>: T3; 50 HV; <unit>"', () => {
    const tasks = parse(`
II. CÁC LỚP
1. Tại trụ sở Liên minh
1.1. Bồi dưỡng Luật HTX 2023 cho cán bộ quản lý HTX thành lập mới: T3; 50 HV; Ban Kiểm tra.
1.2. Kỹ năng bán hàng trên sàn TMĐT: tháng 6/2026; 30 HV; Văn phòng. PH: Ban Tuyên truyền – Đào tạo.
`);
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead, t.support])).toEqual([
      [
        'Bồi dưỡng Luật HTX 2023 cho cán bộ quản lý HTX thành lập mới',
        '2026-03-01',
        '2026-03-31',
        ['ban-kiem-tra'],
        [],
      ],
      ['Kỹ năng bán hàng trên sàn TMĐT', '2026-06-01', '2026-06-30', ['van-phong'], ['ban-tuyen-truyen']],
    ]);
  });

  it("reads a pad of task-assignment slips: each piece of work with its slip's units and time, a withdrawn slip left out, a margin note extending the deadline, a piece needing no helper", () => {
    const slip = (n: string, body: string): string => `- - - - - - - - - - ✂ - - - - - - - - - -
PHIẾU GIAO VIỆC                                  Số: ${n}/PGV-LMHTX
${body}
4. Sản phẩm: báo cáo.
Người giao việc: Chủ tịch Liên minh HTX tỉnh (đã ký)
`;
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                           Độc lập - Tự do - Hạnh phúc
Số: 15/PGV-LMHTX                          Demo, ngày 22 tháng 02 năm 2027

                          TẬP PHIẾU GIAO VIỆC
${slip(
  '01',
  `1. Đơn vị nhận việc: Ban Kiểm tra
2. Đơn vị phối hợp: Văn phòng
3. Nội dung công việc:
   a) Khảo sát, lựa chọn 15 HTX tham gia chuỗi.
      Thời hạn: hoàn thành trước ngày 31/3/2027.
   b) Tổng hợp kết quả, báo cáo Chủ tịch (nội dung này không cần phối hợp).
      Thời hạn: ngày 20/5/2027.`,
)}${slip(
        '02',
        `        ╳╳╳  THU HỒI – đã thay bằng Phiếu số 03  ╳╳╳
1. Đơn vị nhận việc: Văn phòng
2. Đơn vị phối hợp: (không)
3. Nội dung công việc: Tổ chức Tọa đàm "HTX trong chuỗi du lịch".
   Thời hạn: tháng 6/2027.`,
      )}${slip(
        '03',
        `1. Đơn vị nhận việc: Quỹ Hỗ trợ phát triển HTX
2. Đơn vị phối hợp: Ban Kiểm tra
3. Nội dung công việc: Thẩm định, cho vay ưu đãi đối với HTX tham gia chuỗi.
   Thời hạn: Quý II – Quý III/2027.
   [Ghi tay bên lề, có chữ ký Chủ tịch: "Đồng ý kéo dài thời hạn đến hết Quý IV/2027."]`,
      )}`,
      { org: 'demo', directory },
    );
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead, t.support])).toEqual([
      [
        'Khảo sát, lựa chọn 15 HTX tham gia chuỗi',
        '2027-01-01',
        '2027-03-30',
        ['ban-kiem-tra'],
        ['van-phong'],
      ],
      ['Tổng hợp kết quả, báo cáo Chủ tịch', '2027-05-20', '2027-05-20', ['ban-kiem-tra'], []],
      [
        'Thẩm định, cho vay ưu đãi đối với HTX tham gia chuỗi',
        '2027-04-01',
        '2027-12-31',
        ['quy-ho-tro'],
        ['ban-kiem-tra'],
      ],
    ]);
  });

  it("reads a Markdown task list (Obsidian Tasks): front matter, open tasks with 👤 👥 🛫 📅 🔁, done and cancelled ones left out, a sub-task sharing its parent's people", () => {
    const { tasks, issued_on } = parsePlan(
      `---
co-quan: Liên minh HTX tỉnh Demo
ngay-ban-hanh: 2027-01-25
---
# Hỗ trợ HTX tham gia chuỗi giá trị năm 2027
> [!info] 👤 chủ trì · 👥 phối hợp · 🛫 bắt đầu · 📅 hạn
## Chỉ tiêu
- Ít nhất 05 chuỗi giá trị có HTX làm nòng cốt.
## 1. Khảo sát, lựa chọn chuỗi
- [x] Họp Thường trực thống nhất danh mục chuỗi 👤 @[Văn phòng] ✅ 2027-01-22
- [ ] Khảo sát 12 HTX có tiềm năng liên kết chuỗi 👤 @[Ban Kiểm tra] 👥 @[Văn phòng] 🛫 2027-02-15 📅 2027-03-31 ⏫
- [-] Hội thảo chuỗi giá trị cao su 👤 @[Ban Kiểm tra] 📅 2027-06-30 (hủy)
- [ ] Hỗ trợ chứng nhận VietGAP cho 03 chuỗi 👤 @[Quỹ Hỗ trợ phát triển HTX] 📅 2027-10-31
    - [ ] Nộp hồ sơ đề nghị chứng nhận 📅 2027-07-15
- [ ] Báo cáo tiến độ thực hiện Kế hoạch 👤 @[Ban Kiểm tra] 🔁 every quarter 📅 2027-03-31
%% ghi chú riêng của Văn phòng %%
`,
      { org: 'demo', directory },
    );
    expect(issued_on).toBe('2027-01-25');
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead, t.support])).toEqual([
      [
        'Khảo sát 12 HTX có tiềm năng liên kết chuỗi',
        '2027-02-15',
        '2027-03-31',
        ['ban-kiem-tra'],
        ['van-phong'],
      ],
      ['Hỗ trợ chứng nhận VietGAP cho 03 chuỗi', '2027-01-01', '2027-10-31', ['quy-ho-tro'], []],
      ['Nộp hồ sơ đề nghị chứng nhận', '2027-01-01', '2027-07-15', ['quy-ho-tro'], []],
      ['Báo cáo tiến độ thực hiện Kế hoạch (Quý I/2027)', '2027-01-01', '2027-03-31', ['ban-kiem-tra'], []],
      ['Báo cáo tiến độ thực hiện Kế hoạch (Quý II/2027)', '2027-04-01', '2027-06-30', ['ban-kiem-tra'], []],
      ['Báo cáo tiến độ thực hiện Kế hoạch (Quý III/2027)', '2027-07-01', '2027-09-30', ['ban-kiem-tra'], []],
      ['Báo cáo tiến độ thực hiện Kế hoạch (Quý IV/2027)', '2027-10-01', '2027-12-31', ['ban-kiem-tra'], []],
    ]);
  });

  it('reads a terse hand that writes the lead first, "Ban X: <work>; <time>. PH: <helpers>", a unit by its full short name over the bare "TT", and "suốt thời gian cao điểm" closing a line', () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 21/KH-LMHTX                       Demo, ngày 22 tháng 02 năm 2027
KẾ HOẠCH
Tháng hành động vì Hợp tác xã năm 2027

I. NỘI DUNG
Cao điểm: 29/3 - 29/4/2027.
1. Tuyên truyền
1.1. Ban KT: tin, bài, phóng sự về HTX tiêu biểu trên trang tin Liên minh; 29/3 - 29/4. PH: TT XTTM.
1.2. Ban KT: banner điện tử trên trang tin, ảnh bìa fanpage; suốt thời gian cao điểm.
1.3. TT XTTM: kết nối HTX với siêu thị, sàn thương mại điện tử; 10 - 12/4.
1.4. Ban KT: tư vấn thành lập mới HTX theo Luật HTX 2023; tháng 4. PH: Sở Nông nghiệp và Môi trường.
`,
      {
        org: 'demo',
        directory: {
          demo: {
            name: 'Liên minh HTX tỉnh Demo',
            departments: {
              'ban-kt': ['Ban Kiểm tra', 'Ban KT'],
              'trung-tam': ['Trung tâm Xúc tiến thương mại', 'TT XTTM'],
            },
          },
        },
      },
    );
    expect(
      tasks
        .filter((t) => t.kind !== 'campaign' || t.lead.length > 0)
        .map((t) => [t.title, t.start, t.end, t.lead, t.support]),
    ).toEqual([
      [
        'Tin, bài, phóng sự về HTX tiêu biểu trên trang tin Liên minh',
        '2027-03-29',
        '2027-04-29',
        ['ban-kt'],
        ['trung-tam'],
      ],
      ['Banner điện tử trên trang tin, ảnh bìa fanpage', '2027-03-29', '2027-04-29', ['ban-kt'], []],
      ['Kết nối HTX với siêu thị, sàn thương mại điện tử', '2027-04-10', '2027-04-12', ['trung-tam'], []],
      ['Tư vấn thành lập mới HTX theo Luật HTX 2023', '2027-04-01', '2027-04-30', ['ban-kt'], []],
    ]);
  });

  it('reads lines of parts split by "►" under a legend "(mỗi dòng ghi: thời gian ► tên lớp ► địa điểm ► đơn vị thực hiện)", wrapped, grouped by learners, and shorter rows without a place', () => {
    const tasks = parse(`
II. CÁC LỚP ĐÀO TẠO, BỒI DƯỠNG
(mỗi dòng ghi: thời gian ► tên lớp ► địa điểm, số học viên ► đơn vị thực hiện)

1. Cán bộ quản lý HTX
15 - 17/3/2026 ► Lớp quản trị HTX kiểu mới cho Giám đốc HTX ► Hội trường Liên minh HTX tỉnh,
   70 học viên ► Ban Kiểm tra tổ chức; Văn phòng phối hợp.
06 - 08/4/2026 ► Lớp kế toán HTX (lớp 1) ► phường An Hội, 50 học viên ► Ban Kiểm tra.

2. Công chức, cán bộ cấp xã
Trung tuần tháng 5/2026 ► Tập huấn Luật HTX năm 2023 cho công chức cấp xã ► 03 điểm, 180 học viên
   ► Ban Tuyên truyền – Đào tạo; Sở Nông nghiệp và Môi trường cử báo cáo viên.

III. CÔNG TÁC CHUẨN BỊ
Trước 28/02/2026 ► Xây dựng chương trình, biên soạn tài liệu bồi dưỡng ► Ban Kiểm tra.

IV. TỔ CHỨC THỰC HIỆN
1. Văn phòng bảo đảm hậu cần, thanh quyết toán kinh phí các lớp học.
`);
    expect(
      tasks.filter((t) => t.kind !== 'duty').map((t) => [t.title, t.start, t.end, t.lead, t.support]),
    ).toEqual([
      [
        'Lớp quản trị HTX kiểu mới cho Giám đốc HTX',
        '2026-03-15',
        '2026-03-17',
        ['ban-kiem-tra'],
        ['van-phong'],
      ],
      ['Lớp kế toán HTX (lớp 1)', '2026-04-06', '2026-04-08', ['ban-kiem-tra'], []],
      [
        'Tập huấn Luật HTX năm 2023 cho công chức cấp xã',
        '2026-05-11',
        '2026-05-20',
        ['ban-tuyen-truyen'],
        [],
      ],
      [
        'Xây dựng chương trình, biên soạn tài liệu bồi dưỡng',
        '2026-01-01',
        '2026-02-27',
        ['ban-kiem-tra'],
        [],
      ],
    ]);
  });

  it("reads the lead from a later sentence of the item's own paragraph, however it is worded", () => {
    const tasks = parse(`
II. CÔNG TÁC CHUẨN BỊ
1. Xây dựng dự thảo Báo cáo tổng kết năm 2026, hoàn thành dự thảo trước ngày 20/12/2026 để xin ý kiến
Thường trực. Ban Kiểm tra được giao chủ trì việc này.
2. Lập dự toán kinh phí tổ chức Hội nghị, trình Thường trực phê duyệt trước ngày 30/12/2026.
Nhiệm vụ này cũng thuộc về Quỹ Hỗ trợ phát triển HTX.
3. Trang trí hội trường, chuẩn bị âm thanh, ánh sáng, xong trước 16 giờ ngày 13/01/2027. Phần này Văn
phòng đảm nhận, với sự giúp sức của Ban Kiểm tra ở khâu đón tiếp đại biểu.
4. Tổng hợp ý kiến phát biểu tại Hội nghị, ban hành thông báo kết luận trước ngày 20/01/2027. Việc này
giao Văn phòng.
`);
    expect(tasks.map((t) => t.lead)).toEqual([
      ['ban-kiem-tra'],
      ['quy-ho-tro'],
      ['van-phong'],
      ['van-phong'],
    ]);
  });

  it('reads "Phụ trách: <post>; giúp việc: <post>": the assistant helps a unit in charge and leads for a leader in charge', () => {
    const tasks = parse(`
II. NHIỆM VỤ
1. Tổ chức Hội nghị triển khai nhiệm vụ năm 2026, ngày 15/01/2026.
   Phụ trách: đồng chí Chánh Văn phòng; giúp việc: đồng chí Trưởng Ban Kiểm tra.
2. Xây dựng Đề án nâng cao hiệu quả hoạt động của Liên minh, trong Quý III/2026.
   Phụ trách: đồng chí Phó Chủ tịch Thường trực chỉ đạo; giúp việc: đồng chí Trưởng Ban Kiểm tra.
`);
    expect(tasks.map((t) => [t.lead, t.support])).toEqual([
      [['van-phong'], ['ban-kiem-tra']],
      [['ban-kiem-tra'], []],
    ]);
  });

  it('reads hand-over minutes: "PHẦN A." parts, work done or paused left out, "Tiếp nhận:" as who takes the work on, helpers who "cử cán bộ"', () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 03/BB-LMHTX
Demo, ngày 29 tháng 01 năm 2027
BIÊN BẢN
Bàn giao công việc của Trưởng Ban Kiểm tra

Thực hiện Quyết định số 211/QĐ-LMHTX ngày 05/01/2027 của Chủ tịch Liên minh HTX tỉnh về việc nghỉ hưu.
Hôm nay, vào lúc 14 giờ 00 ngày 29/01/2027, tại trụ sở Liên minh HTX tỉnh, chúng tôi gồm:

PHẦN A. CÔNG VIỆC ĐÃ HOÀN THÀNH (bàn giao hồ sơ lưu)
1. Báo cáo kết quả thực hiện chính sách hỗ trợ HTX năm 2026: đã gửi UBND tỉnh ngày 15/01/2027.

PHẦN B. CÔNG VIỆC ĐANG THỰC HIỆN, CHUYỂN TIẾP
1. Thẩm định hồ sơ 06 dự án vay vốn của các HTX nuôi tôm.
   - Thời hạn: trình Hội đồng quản lý Quỹ trước ngày 20/02/2027.
   - Tiếp nhận: theo kết luận của Thường trực, chuyển Quỹ Hỗ trợ phát triển HTX chủ trì kể từ 01/02/2027;
     Ban Kiểm tra phối hợp thẩm định thực địa.
2. Tập huấn chính sách thuế, tín dụng cho cán bộ quản lý HTX.
   - Thời gian: tháng 6/2027.
   - Tiếp nhận: Ban Kiểm tra; Quỹ Hỗ trợ phát triển HTX cử cán bộ báo cáo chuyên đề tín dụng.

PHẦN C. CÔNG VIỆC TẠM DỪNG, CHỜ Ý KIẾN
1. Đề án thành lập Tổ tư vấn chính sách HTX: tạm dừng theo chỉ đạo của Thường trực. Giao Văn phòng theo dõi.
`,
      { org: 'demo', directory },
    );
    expect(tasks.map((t) => [t.title, t.end, t.lead, t.support])).toEqual([
      [
        'Thẩm định hồ sơ 06 dự án vay vốn của các HTX nuôi tôm',
        '2027-02-19',
        ['quy-ho-tro'],
        ['ban-kiem-tra'],
      ],
      [
        'Tập huấn chính sách thuế, tín dụng cho cán bộ quản lý HTX',
        '2027-06-30',
        ['ban-kiem-tra'],
        ['quy-ho-tro'],
      ],
    ]);
  });

  it('reads "tối thiểu 02 kỳ mỗi tháng" as a pace kept over the item, "tháng cuối mỗi quý" as a quarterly due day, and helpers who "cung cấp hình ảnh, tư liệu" or "hỗ trợ dựng gian hàng"', () => {
    const tasks = parse(`
II. NỘI DUNG
1. Duy trì chuyên mục "HTX trong chuỗi giá trị" trên Trang thông tin điện tử của Liên minh với tần suất tối thiểu
02 kỳ mỗi tháng trong cả năm (Ban Kiểm tra).
2. Báo cáo quý: tổng hợp kết quả thực hiện Kế hoạch báo cáo Thường trực trước ngày 15 của tháng cuối mỗi quý
(Văn phòng).
3. Tổ chức Phiên chợ nông sản HTX vào cuối tháng 9/2026 (Ban Kiểm tra; Văn phòng hỗ trợ dựng gian hàng).
4. Sản xuất video giới thiệu HTX tiêu biểu trong tháng 6/2026 (Ban Kiểm tra; Quỹ Hỗ trợ phát triển HTX cung cấp hình
ảnh, tư liệu).
`);
    expect(tasks.map((t) => [t.start, t.end, t.lead, t.support])).toEqual([
      ['2026-01-01', '2026-12-31', ['ban-kiem-tra'], []],
      ['2026-01-01', '2026-03-14', ['van-phong'], []],
      ['2026-04-01', '2026-06-14', ['van-phong'], []],
      ['2026-07-01', '2026-09-14', ['van-phong'], []],
      ['2026-10-01', '2026-12-14', ['van-phong'], []],
      ['2026-09-21', '2026-09-30', ['ban-kiem-tra'], ['van-phong']],
      ['2026-06-01', '2026-06-30', ['ban-kiem-tra'], ['quy-ho-tro']],
    ]);
  });

  it('reads who does an agenda point or a step in a later clause after its colon, by post, among leaders who only chair', () => {
    const tasks = parse(`
II. CÔNG TÁC CHUẨN BỊ
1. Báo cáo tổng kết công tác năm 2026, phương hướng năm 2027: đồng chí Phó Chủ tịch Thường trực trình bày;
đồng chí Trưởng Ban Kiểm tra chuẩn bị dự thảo, trước ngày 30/11/2026.
2. Họp Ban Tổ chức kiểm tra công tác chuẩn bị: chiều thứ Hai ngày 21/12/2026; đồng chí Phó Chủ tịch Thường
trực chủ trì, đồng chí Chánh Văn phòng chuẩn bị nội dung.
3. Danh sách đề nghị khen thưởng: đồng chí Trưởng Ban Kiểm tra tổng hợp, trình Hội đồng Thi đua - Khen thưởng
trước ngày 10/12/2026.
`);
    expect(tasks.map((t) => t.lead)).toEqual([['ban-kiem-tra'], ['van-phong'], ['ban-kiem-tra']]);
  });

  it('reads "Việc này giao X, có sự tham gia của Y", "Hai ban đồng chủ trì: X, Y" and "X phối hợp với Hội … tổ chức" in a sentence after the item', () => {
    const tasks = parse(`
II. CÁC LỚP
1. Tập huấn chuyển đổi số cho HTX có sản phẩm OCOP. Thời gian: tháng 6/2026.
Việc này giao Ban Kiểm tra, có sự tham gia của Văn phòng và VNPT tỉnh.
2. Hội nghị tập huấn Luật HTX năm 2023 cho công chức cấp xã, trong tháng 10/2026.
Hai ban đồng chủ trì: Ban Kiểm tra, Ban Tuyên truyền – Đào tạo.
3. Lớp bồi dưỡng kỹ năng lãnh đạo cho nữ cán bộ quản lý HTX. Thời gian: tháng 11/2026.
Ban Tuyên truyền – Đào tạo phối hợp với Hội Liên hiệp Phụ nữ tỉnh tổ chức.
`);
    expect(tasks.map((t) => [t.lead, t.support])).toEqual([
      [['ban-kiem-tra'], ['van-phong']],
      [['ban-kiem-tra', 'ban-tuyen-truyen'], []],
      [['ban-tuyen-truyen'], []],
    ]);
  });

  it('reads a monthly report due early the next month, and the unit after the clauses of time a line opens with', () => {
    const tasks = parse(`
III. CHẾ ĐỘ BÁO CÁO
1. Trong thời gian thí điểm, Ban Kiểm tra báo cáo tiến độ hằng tháng về Văn phòng, trước ngày 05 của tháng sau.
2. Định kỳ hằng quý, trước ngày 15 của tháng cuối quý, Văn phòng tổng hợp kết quả thực hiện Kế hoạch.
`);
    const monthly = tasks.filter((t) => t.title.includes('tiến độ'));
    expect(monthly.find((t) => t.start === '2026-03-01')).toMatchObject({
      start: '2026-03-01',
      end: '2026-04-04',
      lead: ['ban-kiem-tra'],
    });
    expect(tasks.filter((t) => t.title.includes('Kế hoạch')).map((t) => [t.end, t.lead])).toEqual([
      ['2026-03-14', ['van-phong']],
      ['2026-06-14', ['van-phong']],
      ['2026-09-14', ['van-phong']],
      ['2026-12-14', ['van-phong']],
    ]);
  });

  it("starts the year's report the month after the half-year's is due, when a line gives both due days", () => {
    const tasks = parse(`
III. CHẾ ĐỘ BÁO CÁO
1. Văn phòng tổng hợp, báo cáo kết quả thực hiện Kế hoạch: 6 tháng trước ngày 20/6/2026; năm trước ngày 05/12/2026.
`);
    expect(tasks.map((t) => [t.start, t.end])).toEqual([
      ['2026-01-01', '2026-06-19'],
      ['2026-07-01', '2026-12-04'],
    ]);
  });

  it('reads an e-mail thread oldest message first: the work handed out in the quoted message, then the reply that changes it', () => {
    const { tasks } = parsePlan(
      `Re: Fwd: Phân công triển khai KH 175/KH-LMHTX Quý IV/2026
Nguyễn Văn A <a@demo.gov.vn>                      Thứ Sáu, 09/10/2026 16:42
Văn phòng chốt lại phân công theo ý kiến đồng chí Phó Chủ tịch, các đơn vị thực hiện theo bản chốt này.

> Vào Thứ Năm, 08/10/2026 09:15, Lê Thị B <b@demo.gov.vn> đã viết:
> Ban Kiểm tra đề nghị lùi hạn rà soát danh sách HTX đủ điều kiện OCOP.
>
>> Vào Thứ Tư, 07/10/2026 14:03, Nguyễn Văn C <c@demo.gov.vn> đã viết:
>> Trên cơ sở KH 175/KH-LMHTX ngày 05/10/2026, tôi phân công như sau:
>>
>> 1. Phiên chợ nông sản HTX tại phường Cao Lãnh, ngày 24-25/10/2026: Văn phòng chủ trì, Ban Kiểm tra
>>    phối hợp.
>> 2. Hội nghị giao thương HTX với doanh nghiệp xuất khẩu: ngày 14/11/2026, Ban Kiểm tra chủ trì.
`,
      { org: 'demo', directory },
    );
    expect(tasks.map((t) => [t.title, t.start, t.lead, t.support])).toEqual([
      ['Phiên chợ nông sản HTX tại phường Cao Lãnh', '2026-10-24', ['van-phong'], ['ban-kiem-tra']],
      ['Hội nghị giao thương HTX với doanh nghiệp xuất khẩu', '2026-11-14', ['ban-kiem-tra'], []],
    ]);
  });
});

describe('work told in prose (a question-and-answer leaflet, a newspaper interview)', () => {
  it('reads each sentence of an answer that says who does what and when as a task, and leaves out targets, what was done and how to apply', () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
TỜ GẤP HỎI – ĐÁP (kèm Kế hoạch số 05/KH-LMHTX ngày 15/01/2027)

Câu 1. Năm nay Liên minh đặt ra chỉ tiêu gì?
Đáp: Thành lập mới 50 HTX. Năm 2026, Liên minh đã hỗ trợ thành lập 61 HTX.

Câu 2. HTX vay vốn của Quỹ khi nào?
Đáp: Quỹ Hỗ trợ phát triển HTX nhận hồ sơ vay từ ngày 01/3 đến hết ngày 31/3. HTX có thể nộp tại Văn phòng.

Câu 3. Tháng hành động vì HTX diễn ra thế nào?
Đáp: Văn phòng treo băng rôn tại trụ sở từ ngày 01/4 đến ngày 30/4. Lễ kỷ niệm Ngày HTX Việt Nam dự kiến tổ chức vào ngày 09/4; Ban Tuyên truyền – Đào tạo chuẩn bị. Trong Quý III, Ban Kiểm tra sẽ kiểm tra việc sửa đổi điều lệ của 20 HTX.
`,
      { org: 'demo', directory },
    );
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead])).toEqual([
      ['Quỹ Hỗ trợ phát triển HTX nhận hồ sơ vay', '2027-03-01', '2027-03-31', ['quy-ho-tro']],
      ['Văn phòng treo băng rôn tại trụ sở', '2027-04-01', '2027-04-30', ['van-phong']],
      ['Lễ kỷ niệm Ngày HTX Việt Nam', '2027-04-09', '2027-04-09', ['ban-tuyen-truyen']],
      ['Ban Kiểm tra kiểm tra việc sửa đổi điều lệ của 20 HTX', '2027-07-01', '2027-09-30', ['ban-kiem-tra']],
    ]);
  });

  it('reads an interview: the answer after the speaker, "Ban" alone as the unit named before it, a boxed list of milestones without what the answers told, and no past news', () => {
    const { tasks } = parsePlan(
      `BÁO DEMO ĐIỆN TỬ > Kinh tế
Thứ Hai, 11/01/2027 08:00 (GMT+7)

LIÊN MINH HTX TỈNH: NĂM 2027 ĐƯA SẢN PHẨM HTX RA THỊ TRƯỜNG

PV: Nhiệm vụ trọng tâm năm nay là gì, thưa ông?

Ông Nguyễn Văn A: Ngay trong tháng 3, Ban Chính sách – Phát triển HTX sẽ khảo sát các HTX trồng chè ở ba xã vùng cao. Ban sẽ hoàn thành báo cáo khảo sát trước ngày 30/4. Cuối năm, vào tháng 12, Văn phòng sẽ tổng kết phong trào thi đua "HTX vươn lên".

PV: Xin cảm ơn ông!

  ┌────────────────────────────────────────────────────────────────┐
  │ NHỮNG MỐC CHÍNH NĂM 2027                                       │
  │ (theo Kế hoạch số 03/KH-LMHTX ngày 08/01/2027)                 │
  │ • 15/01: Hội nghị triển khai nhiệm vụ (Văn phòng)              │
  │ • Tháng 3: Khảo sát các HTX trồng chè (Ban Chính sách – Phát triển HTX) │
  │ • Tháng 12: Tổng kết phong trào thi đua "HTX vươn lên" (Văn phòng) │
  └────────────────────────────────────────────────────────────────┘

Minh Đức (thực hiện).

Tin liên quan:
- Demo: 61 HTX thành lập mới trong năm 2026 (28/12/2026)
- Hội chợ HTX năm 2026 thu hút 100 gian hàng (21/10/2026)
`,
      { org: 'demo', directory },
    );
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead])).toEqual([
      [
        'Ban Chính sách – Phát triển HTX khảo sát các HTX trồng chè ở ba xã vùng cao',
        '2027-03-01',
        '2027-03-31',
        ['ban-chinh-sach'],
      ],
      [
        'Ban Chính sách – Phát triển HTX hoàn thành báo cáo khảo sát',
        '2027-01-01',
        '2027-04-29',
        ['ban-chinh-sach'],
      ],
      ['Văn phòng tổng kết phong trào thi đua "HTX vươn lên"', '2027-12-01', '2027-12-31', ['van-phong']],
      ['Hội nghị triển khai nhiệm vụ', '2027-01-15', '2027-01-15', ['van-phong']],
    ]);
  });
});

describe('a table kept as reStructuredText', () => {
  it('reads a list-table (a cell over two lines, an empty cell, a month row in bold) and a csv-table with its header option', () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 94/CTr-LMHTX
Demo, ngày 28 tháng 12 năm 2026

CHƯƠNG TRÌNH LÀM VIỆC
của Ban Thường vụ Quý I/2027

.. list-table:: CHƯƠNG TRÌNH LÀM VIỆC QUÝ I/2027
   :header-rows: 1
   :widths: 4 46 14 16 20

   * - TT
     - Nội dung
     - Thời gian
     - Đơn vị chuẩn bị
     - Phối hợp
   * - **THÁNG 01/2027**
     -
     -
     -
     -
   * - 1
     - Thông qua Quy chế phối hợp giữa Liên minh HTX tỉnh và Sở Công Thương
       giai đoạn 2027 - 2030
     - Tuần 3
     - Ban Kiểm tra
     -
   * - 2
     - Hội nghị tổng kết công tác năm 2026
     - Ngày 22/01
     - VP
     - Ban Kiểm tra
`,
      { org: 'demo', directory },
    );
    const csv = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 95/CTr-LMHTX
Demo, ngày 28 tháng 12 năm 2026

CHƯƠNG TRÌNH LÀM VIỆC
của Ban Thường vụ Quý I/2027

.. csv-table:: Các việc cả quý
   :header: "TT", "Nội dung", "Thời gian", "Chủ trì", "Phối hợp"

   "3", "Tuyên truyền Luật Hợp tác xã năm 2023, các văn bản hướng dẫn", "Cả quý", "Ban Tuyên truyền – Đào tạo", "VP"
`,
      { org: 'demo', directory },
    );
    expect([...tasks, ...csv.tasks].map((t) => [t.title, t.start, t.end, t.lead, t.support])).toEqual([
      [
        'Thông qua Quy chế phối hợp giữa Liên minh HTX tỉnh và Sở Công Thương giai đoạn 2027 - 2030',
        '2027-01-15',
        '2027-01-21',
        ['ban-kiem-tra'],
        [],
      ],
      ['Hội nghị tổng kết công tác năm 2026', '2027-01-22', '2027-01-22', ['van-phong'], ['ban-kiem-tra']],
      [
        'Tuyên truyền Luật Hợp tác xã năm 2023, các văn bản hướng dẫn',
        '2027-01-01',
        '2027-03-31',
        ['ban-tuyen-truyen'],
        ['van-phong'],
      ],
    ]);
  });
});

describe('shapes met in blind set U', () => {
  it('reads a monthly report over months written "T3-T6/2027", a quarterly report due in the next quarter\'s first month, work given "do" / "giao" a unit in a later sentence, and a range of quarters across a dash', () => {
    const tasks = parse(`II. NHIỆM VỤ
1. Tọa đàm chia sẻ kinh nghiệm giữa các Giám đốc HTX trẻ được tổ chức vào đầu tháng
12/2026 tại phường Trấn Biên.
Việc tổ chức Tọa đàm giao Ban Kiểm tra.
2. Lớp tập huấn ứng dụng chuyển đổi số cho HTX sẽ diễn ra trong tháng
6/2026 tại phường Long Khánh.
Lớp này do Ban Tuyên truyền – Đào tạo tổ chức; VNPT cử giảng viên hướng dẫn thực hành.
3. Khóa học trực tuyến "Quản trị tài chính HTX" được mở trong Quý II - Quý III/2026.

III. CHẾ ĐỘ BÁO CÁO
1. Báo cáo tháng (giai đoạn thí điểm, T3-T6/2026): Ban Kiểm tra gửi báo cáo tiến độ về Văn phòng trước ngày 25 hằng tháng.
2. Báo cáo quý: Văn phòng tổng hợp, báo cáo Thường trực trước ngày 05 tháng đầu quý sau.
`);
    const row = (t: DraftTask | undefined): unknown[] => [t?.start, t?.end, t?.lead];
    expect(row(byTitle(tasks, 'Tọa đàm'))).toEqual(['2026-12-01', '2026-12-10', ['ban-kiem-tra']]);
    expect(row(byTitle(tasks, 'Lớp tập huấn'))).toEqual(['2026-06-01', '2026-06-30', ['ban-tuyen-truyen']]);
    expect(row(byTitle(tasks, 'Khóa học'))).toEqual(['2026-04-01', '2026-09-30', []]);
    const monthly = tasks.filter((t) => t.title.startsWith('Báo cáo tháng'));
    expect(monthly.map((t) => [t.start, t.end])).toEqual([
      ['2026-03-01', '2026-03-24'],
      ['2026-04-01', '2026-04-24'],
      ['2026-05-01', '2026-05-24'],
      ['2026-06-01', '2026-06-24'],
    ]);
    const quarterly = tasks.filter((t) => t.title.startsWith('Báo cáo quý'));
    expect(quarterly.map((t) => [t.start, t.end, t.lead])).toEqual([
      ['2026-01-01', '2026-04-04', ['van-phong']],
      ['2026-04-01', '2026-07-04', ['van-phong']],
      ['2026-07-01', '2026-10-04', ['van-phong']],
      ['2026-10-01', '2027-01-04', ['van-phong']],
    ]);
  });
});

describe('tables kept as markup source, and standing weekly work', () => {
  const head = (kind: string): string => `LIÊN MINH HTX TỈNH DEMO
Số: 03/CTr-LMHTX
Demo, ngày 05 tháng 01 năm 2027
${kind}
Công tác Quý I năm 2027 của Ban Thường vụ
`;
  const rows = (tasks: DraftTask[]): unknown[][] =>
    tasks.filter((t) => t.kind !== 'duty').map((t) => [t.title, t.start, t.end, t.lead, t.support]);
  const expected = [
    ['Hội nghị tổng kết công tác năm 2026', '2027-01-15', '2027-01-15', ['van-phong'], ['ban-kiem-tra']],
    ['Kiểm tra HTX thành viên (đợt 1)', '2027-02-15', '2027-02-28', ['ban-kiem-tra'], []],
    [
      'Lớp bồi dưỡng kỹ năng quản trị cho giám đốc HTX',
      '2027-03-20',
      '2027-03-21',
      ['ban-kiem-tra'],
      ['van-phong'],
    ],
    ['Giao ban cơ quan', '2027-01-01', '2027-03-31', ['van-phong'], []],
  ];

  it('reads a Typst #table (a month row across it, a cell down two rows, a commented-out row) and leaves the settings out', () => {
    const { tasks } = parsePlan(
      `// Tệp nguồn Typst
#set page(paper: "a4", flipped: true)
#set text(font: "Times New Roman")
${head('#align(center)[*CHƯƠNG TRÌNH*]')}
#table(
  columns: (auto, 4fr, 1.2fr, 1.6fr, 1.8fr),
  table.header([*TT*], [*Nội dung công việc*], [*Thời gian*], [*Đơn vị chủ trì*], [*Đơn vị phối hợp*]),
  table.cell(colspan: 5, align: center)[*THÁNG 01/2027*],
  [1], [Hội nghị tổng kết công tác năm 2026], [Ngày 15/01/2027], [Văn phòng], [Ban Kiểm tra],
  table.cell(colspan: 5)[*THÁNG 02/2027*],
  [2], [Kiểm tra HTX thành viên (đợt 1)], [Tuần 3 - 4],
       table.cell(rowspan: 2)[Ban Kiểm tra], [],
  /* [3], [Hội thảo bỏ], [Cuối tháng 3], [Văn phòng], [], */
  [3], [Lớp bồi dưỡng kỹ năng quản trị cho giám đốc HTX], [20 - 21/3], [Văn phòng],
  table.cell(colspan: 5)[*CẢ QUÝ*],
  [4], [Giao ban cơ quan], [Sáng thứ Hai hằng tuần], [Văn phòng], [],
)
`,
      { org: 'demo', directory },
    );
    expect(rows(tasks)).toEqual(expected);
  });

  it('reads an AsciiDoc |=== table (cells on lines of their own, "5+" across it, ".2+" down two rows, a comment line)', () => {
    const { tasks } = parsePlan(
      `// Tệp nguồn AsciiDoc
= CHƯƠNG TRÌNH CÔNG TÁC QUÝ I/2027 CỦA BAN THƯỜNG VỤ
Liên minh Hợp tác xã tỉnh Demo
:so-van-ban: 03/CTr-LMHTX

[.text-left]
*LIÊN MINH HTX TỈNH DEMO* +
Số: {so-van-ban}

_Demo, ngày 05 tháng 01 năm 2027_

[cols="1,9,3,4,4",options="header"]
|===
|TT |Nội dung công việc |Thời gian |Đơn vị chủ trì |Đơn vị phối hợp

5+^h|THÁNG 01/2027

|1
|Hội nghị tổng kết công tác năm 2026
|Ngày 15/01/2027
|Văn phòng
|Ban Kiểm tra

5+^h|THÁNG 02/2027

|2
|Kiểm tra HTX thành viên (đợt 1)
|Tuần 3 - 4
.2+|Ban Kiểm tra
|

// |3 |Hội thảo bỏ |Cuối tháng 3 |Văn phòng |
|3
|Lớp bồi dưỡng kỹ năng quản trị cho giám đốc HTX
|20 - 21/3
|Văn phòng

5+^h|CẢ QUÝ

|4
|Giao ban cơ quan
|Sáng thứ Hai hằng tuần
|Văn phòng
|
|===
`,
      { org: 'demo', directory },
    );
    expect(rows(tasks)).toEqual(expected);
  });

  it('reads a troff/tbl table ("tab(^)", a month row "cb s s s s", "T{ … T}" blocks over lines, a commented-out row) and leaves the requests out', () => {
    const { tasks } = parsePlan(
      String.raw`.\" Tệp nguồn troff/tbl
.nr PS 12
.ce 3
${head('.B "CHƯƠNG TRÌNH"')}
.PP
Ban Thường vụ ban hành Chương trình như sau:
.TS
allbox center tab(^);
cb cb cb cb cb
n lw(7c) cw(2.5c) cw(2.5c) lw(3c).
TT^Nội dung công việc^Thời gian^Đơn vị chủ trì^Đơn vị phối hợp
.T&
cb s s s s.
THÁNG 01/2027
.T&
n lw(7c) cw(2.5c) cw(2.5c) lw(3c).
1^T{
Hội nghị tổng kết công tác năm 2026
T}^Ngày 15/01/2027^Văn phòng^Ban Kiểm tra
.T&
cb s s s s.
THÁNG 02/2027
.T&
n lw(7c) cw(2.5c) cw(2.5c) lw(3c).
2^Kiểm tra HTX thành viên (đợt 1)^Tuần 3 \- 4^Ban Kiểm tra^\-
.\" 3^Hội thảo bỏ^Cuối tháng 3^Văn phòng^
3^T{
Lớp bồi dưỡng kỹ năng quản trị
cho giám đốc HTX
T}^20 - 21/3^Ban Kiểm tra^Văn phòng
.T&
cb s s s s.
CẢ QUÝ
.T&
n lw(7c) cw(2.5c) cw(2.5c) lw(3c).
4^Giao ban cơ quan^Sáng thứ Hai hằng tuần^Văn phòng^
.TE
.SH
TỔ CHỨC THỰC HIỆN
.IP 1.
Văn phòng theo dõi, đôn đốc thực hiện Chương trình.
`,
      { org: 'demo', directory },
    );
    expect(rows(tasks)).toEqual(expected);
    expect(tasks.some((t) => /\.(?:TS|IP|nr)\b|T\{/.test(t.title))).toBe(false);
  });
});

describe('shapes met in blind set V', () => {
  it('reads leads given in a later sentence ("được giao cho", "thuộc về", "là đơn vị chuẩn bị", "đảm nhận") and the months an issue a half-year comes out in', () => {
    const tasks = parse(`II. NHIỆM VỤ
1. Tuyên truyền Luật Hợp tác xã năm 2023 trên Trang thông tin điện tử trong cả năm 2026.
Nội dung này được giao cho Ban Kiểm tra chủ trì thực hiện.
2. Tổ chức các hoạt động hưởng ứng Tháng hành động vì Hợp tác xã trong tháng 4/2026.
Việc chủ trì thuộc về Ban Tuyên truyền – Đào tạo; các ban còn lại cùng tham gia.
3. Tổ chức Hội nghị Ban Chấp hành giữa năm vào cuối tháng 7/2026.
Văn phòng là đơn vị chuẩn bị các điều kiện tổ chức Hội nghị.
4. Biên tập, phát hành Bản tin Kinh tế hợp tác, mỗi 6 tháng một số, phát hành vào tháng 6 và tháng 12/2026.
Ban Chính sách – Phát triển HTX đảm nhận việc biên tập, in và phát hành.
`);
    const lead = (words: string): string[] | undefined => byTitle(tasks, words)?.lead;
    expect(lead('Tuyên truyền Luật')).toEqual(['ban-kiem-tra']);
    expect(lead('Tháng hành động')).toEqual(['ban-tuyen-truyen']);
    expect(lead('Hội nghị Ban Chấp hành')).toEqual(['van-phong']);
    const issues = tasks.filter((t) => t.title.startsWith('Biên tập, phát hành Bản tin'));
    expect(issues.map((t) => [t.start, t.end, t.lead])).toEqual([
      ['2026-06-01', '2026-06-30', ['ban-chinh-sach']],
      ['2026-12-01', '2026-12-31', ['ban-chinh-sach']],
    ]);
  });
});

describe('shapes met in blind sets V and W', () => {
  it('reads a rhythm that opens a line before a colon or a dash as its time, a span in its parenthesis bounding it, and who reports after it', () => {
    const tasks = parse(`IV. CHẾ ĐỘ BÁO CÁO
(1) Hằng tháng, trước ngày 22 (trong thời gian thí điểm, từ tháng 4 đến tháng 6/2026): Ban Kiểm tra báo cáo tiến độ về Văn phòng.
(2) Hằng quý, trước ngày 10 của tháng đầu quý sau – Văn phòng tổng hợp, báo cáo Thường trực.
`);
    const monthly = tasks.filter((t) => t.lead.includes('ban-kiem-tra'));
    expect(monthly.map((t) => [t.start, t.end])).toEqual([
      ['2026-04-01', '2026-04-21'],
      ['2026-05-01', '2026-05-21'],
      ['2026-06-01', '2026-06-21'],
    ]);
    expect(monthly[0]?.title).toMatch(/^Ban Kiểm tra báo cáo tiến độ về Văn phòng/);
    const quarterly = tasks.filter((t) => t.lead.includes('van-phong'));
    expect(quarterly.map((t) => t.end)).toEqual(['2026-04-09', '2026-07-09', '2026-10-09', '2027-01-09']);
    expect(quarterly[0]?.title).toMatch(/^Văn phòng tổng hợp, báo cáo Thường trực/);
  });
});

describe('rounds named in one sentence', () => {
  it('reads "lớp thứ nhất trong tháng 4 …, lớp thứ hai trong tháng 5 …" as two classes, however close their months, inside the period that opens the line', () => {
    const tasks = parse(`III. NHIỆM VỤ
(4) Quý II/2026: tập huấn kỹ năng số cho cán bộ quản lý HTX, 02 lớp: lớp thứ nhất trong tháng 4/2026 tại phường Điện Biên Phủ, lớp thứ hai trong tháng 5/2026 tại xã Tuần Giáo. Ban Tuyên truyền – Đào tạo tổ chức.
`);
    expect(tasks.map((t) => [t.start, t.end, t.lead])).toEqual([
      ['2026-04-01', '2026-04-30', ['ban-tuyen-truyen']],
      ['2026-05-01', '2026-05-31', ['ban-tuyen-truyen']],
    ]);
    expect(tasks[0]?.title).toMatch(/^Tập huấn kỹ năng số cho cán bộ quản lý HTX/);
  });
});

describe("a unit addressed by its head's post", () => {
  it('gives the lettered steps under "1. Đồng chí Trưởng Ban X:" to that unit', () => {
    const tasks = parse(`IV. CÔNG TÁC CHUẨN BỊ
1. Đồng chí Trưởng Ban Kiểm tra:
   a) Tổng hợp danh sách tập thể, cá nhân đề nghị khen thưởng, xong trước ngày 05/11/2026.
   b) Hoàn thiện hồ sơ khen thưởng, trình Chủ tịch ký quyết định trước ngày 10/11/2026.
2. Đồng chí Chánh Văn phòng:
   a) Chuẩn bị hội trường, âm thanh, ánh sáng trước ngày 13/11/2026.
`);
    expect(tasks.map((t) => [t.end, t.lead])).toEqual([
      ['2026-11-04', ['ban-kiem-tra']],
      ['2026-11-09', ['ban-kiem-tra']],
      ['2026-11-12', ['van-phong']],
    ]);
  });
});

describe('titles of work named before a colon and done by a post after it', () => {
  it('keeps what the doer does to it in the title, and only the object when the doer only presents it', () => {
    const tasks = parse(`IV. CÔNG TÁC CHUẨN BỊ
1. Hồ sơ khen thưởng năm 2026: đồng chí Trưởng Ban Kiểm tra tổng hợp, trình Hội đồng Thi đua trước ngày 08/12/2026.
2. Báo cáo kết quả hoạt động năm 2026: đồng chí Chánh Văn phòng trình bày.
3. Thông báo kết luận Hội nghị: đồng chí Chánh Văn phòng hoàn thiện, gửi các đơn vị trong tháng 12/2026.
`);
    expect(tasks.map((t) => [t.title, t.lead])).toEqual([
      ['Hồ sơ khen thưởng năm 2026: tổng hợp, trình Hội đồng Thi đua', ['ban-kiem-tra']],
      ['Báo cáo kết quả hoạt động năm 2026', ['van-phong']],
      ['Thông báo kết luận Hội nghị: hoàn thiện, gửi các đơn vị', ['van-phong']],
    ]);
  });
});

describe("a conference plan's own event", () => {
  it('is a task on its day, named as the subject names it, led by the unit that runs it, its helpers beside it', () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 141/KH-LMHTX
Demo, ngày 16 tháng 11 năm 2026

KẾ HOẠCH
Tổ chức Hội nghị tổng kết công tác năm 2026, triển khai nhiệm vụ năm 2027

I. MỤC ĐÍCH, YÊU CẦU
- Đánh giá kết quả năm 2026.

II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN
1. Thời gian: 01 ngày, thứ Ba, ngày 22/12/2026.
2. Địa điểm: Hội trường Liên minh HTX tỉnh.
Đồng chí Chánh Văn phòng chịu trách nhiệm tổ chức Hội nghị, đồng chí Trưởng Ban Kiểm tra bảo đảm điểm cầu trực tuyến.

III. CÔNG TÁC CHUẨN BỊ
1. Dự thảo Báo cáo tổng kết: Ban Kiểm tra hoàn thành trước ngày 10/12/2026.
`,
      { org: 'demo', directory },
    );
    expect(tasks.map((t) => [t.title, t.kind, t.start, t.end, t.lead, t.support])[0]).toEqual([
      'Hội nghị tổng kết công tác năm 2026, triển khai nhiệm vụ năm 2027',
      'review',
      '2026-12-22',
      '2026-12-22',
      ['van-phong'],
      ['ban-kiem-tra'],
    ]);
  });
});

describe('a line that only says when the item is due', () => {
  it('times the item above it instead of standing as a task of its own', () => {
    const tasks = parse(`III. NỘI DUNG
1. Khảo sát, tổng hợp nhu cầu đào tạo, bồi dưỡng năm 2027 của các HTX (Ban Kiểm tra chủ trì)
   - Hoàn thành trước ngày 30/11/2026.
`);
    expect(tasks.map((t) => [t.title, t.end, t.lead])).toEqual([
      ['Khảo sát, tổng hợp nhu cầu đào tạo, bồi dưỡng năm 2027 của các HTX', '2026-11-29', ['ban-kiem-tra']],
    ]);
  });
});

describe('a note under a group heading', () => {
  it('names who helps with every item under "A. CÁC LỚP DO BAN X CHỦ TRÌ" when it is on a line of its own', () => {
    const tasks = parse(`III. NỘI DUNG, THỜI GIAN, ĐỊA ĐIỂM
A. CÁC LỚP DO BAN KIỂM TRA CHỦ TRÌ
   (Văn phòng phối hợp biên soạn tài liệu, mời giảng viên)
   1. Lớp bồi dưỡng kiến thức quản trị HTX
      - Thời gian: tháng 3/2026.
   2. Lớp kế toán HTX
      - Thời gian: tháng 5/2026.
B. CÁC LỚP DO VĂN PHÒNG CHỦ TRÌ
   3. Lớp thi đua khen thưởng
      - Thời gian: tháng 9/2026.
`);
    expect(tasks.map((t) => [t.title, t.lead, t.support])).toEqual([
      ['Lớp bồi dưỡng kiến thức quản trị HTX', ['ban-kiem-tra'], ['van-phong']],
      ['Lớp kế toán HTX', ['ban-kiem-tra'], ['van-phong']],
      ['Lớp thi đua khen thưởng', ['van-phong'], []],
    ]);
  });
});

describe('work given to a unit in the first of the sentences under an item', () => {
  it('reads the lead from "Nội dung này giao Ban X chủ trì thực hiện." before other sentences, and "Việc biên tập, phát hành thuộc về Ban X."', () => {
    const tasks = parse(`II. NHIỆM VỤ
1. Tuyên truyền Luật Hợp tác xã năm 2023 trên Trang thông tin điện tử, thực hiện trong cả năm 2026.
Nội dung này giao Ban Kiểm tra chủ trì thực hiện. Văn phòng phối hợp cung cấp thông tin.
2. Biên tập, phát hành Bản tin Kinh tế tập thể trong tháng 6/2026.
Việc biên tập, phát hành thuộc về Ban Tuyên truyền – Đào tạo.
`);
    expect(tasks.map((t) => t.lead)).toEqual([['ban-kiem-tra'], ['ban-tuyen-truyen']]);
  });
});

describe('who leads when the one in charge is no department, and subjects of several units', () => {
  it('gives the work to the aide of an outside body ("Ủy ban Kiểm tra chủ trì, Quỹ … giúp việc"), keeping a time written before the units', () => {
    const tasks = parse(`II. NHIỆM VỤ
1. Kiểm tra việc sử dụng vốn vay tại các HTX trong Quý III/2026; Ủy ban Kiểm tra chủ trì, Quỹ Hỗ trợ phát triển HTX giúp việc.
2. Kiểm tra hồ sơ vay vốn của 10 HTX: trong tháng 12/2026, Ủy ban Kiểm tra chủ trì, Ban Kiểm tra giúp việc.
3. Sơ kết công tác 6 tháng đầu năm 2026, thời gian cuối tháng 6/2026. Văn phòng chủ trì, Ban Kiểm tra, Quỹ Hỗ trợ phát triển HTX phối hợp chuẩn bị báo cáo chuyên đề.
`);
    expect(tasks.map((t) => [t.lead, t.support, t.start, t.end])).toEqual([
      [['quy-ho-tro'], [], '2026-07-01', '2026-09-30'],
      [['ban-kiem-tra'], [], '2026-12-01', '2026-12-31'],
      [['van-phong'], ['ban-kiem-tra', 'quy-ho-tro'], '2026-06-21', '2026-06-30'],
    ]);
  });

  it('makes every unit of a subject "Các ban, Quỹ …" the lead of a dated duty', () => {
    const tasks = parse(`II. TỔ CHỨC THỰC HIỆN
1. Các ban, Quỹ Hỗ trợ phát triển HTX căn cứ Kế hoạch này xây dựng kế hoạch của đơn vị, gửi về Văn phòng trước ngày 15/3/2026.
`);
    expect(tasks[0]).toMatchObject({
      lead: ['ban-kiem-tra', 'ban-tuyen-truyen', 'ban-chinh-sach', 'quy-ho-tro'],
      end: '2026-03-14',
    });
  });
});

describe('rates and purposes are no rhythm and no title', () => {
  it('keeps "mỗi tháng có ít nhất 02 tin, bài" as one task over the year, and cuts ", để nghe báo cáo …" from a rhythm\'s title', () => {
    const tasks = parse(`II. NHIỆM VỤ
1. Đẩy mạnh tuyên truyền Luật HTX năm 2023 trên Báo Demo trong cả năm 2026; mỗi tháng có ít nhất 02 tin, bài về mô hình HTX hiệu quả. Ban Tuyên truyền – Đào tạo thực hiện.
2. Duy trì chế độ họp Ban Thường vụ thường kỳ mỗi quý một lần, vào tuần cuối của tháng cuối quý, để nghe báo cáo, đánh giá tiến độ và cho ý kiến vào các nội dung do các ban trình. Văn phòng chuẩn bị.
`);
    const news = tasks.filter((t) => t.title.includes('tuyên truyền'));
    expect(news.map((t) => [t.start, t.end])).toEqual([['2026-01-01', '2026-12-31']]);
    const meetings = tasks.filter((t) => t.title.includes('Ban Thường vụ'));
    expect(meetings).toHaveLength(4);
    for (const m of meetings) expect(m.title).not.toMatch(/để nghe/);
  });
});

describe('leads named by a post in the sentence under an item', () => {
  it('reads "Đồng chí Chánh Văn phòng tổ chức; đồng chí Trưởng ban X …", a leader\'s clause before the unit\'s, and "X thực hiện; Y phối hợp …"', () => {
    const tasks = parse(`II. NỘI DUNG
1. Gặp mặt kỷ niệm Ngày Hợp tác xã Việt Nam
Thời gian: ngày 11/4/2026.
Đồng chí Chánh Văn phòng tổ chức; đồng chí Trưởng Ban Kiểm tra đón và bố trí đoàn đại biểu HTX các xã phía Bắc tỉnh.
2. Hội nghị đối thoại với HTX
Dự kiến trung tuần tháng 4/2026.
Đồng chí Phó Chủ tịch phụ trách chủ trì; đồng chí Trưởng ban Tuyên truyền – Đào tạo tổng hợp kiến nghị của HTX.
3. Xét chọn HTX tiêu biểu
Trong tháng 3/2026.
Đồng chí Trưởng ban Kiểm tra thực hiện; đồng chí Chánh Văn phòng phối hợp chuẩn bị hình thức khen thưởng.
4. Phiên chợ sản phẩm HTX tại quảng trường
Ngày 17 - 18/4/2026.
Đồng chí Chánh Văn phòng tổ chức.
`);
    expect(tasks.map((t) => [t.lead, t.support, t.start, t.end])).toEqual([
      [['van-phong'], [], '2026-04-11', '2026-04-11'],
      [['ban-tuyen-truyen'], [], '2026-04-11', '2026-04-20'],
      [['ban-kiem-tra'], ['van-phong'], '2026-03-01', '2026-03-31'],
      [['van-phong'], [], '2026-04-17', '2026-04-18'],
    ]);
  });
});

describe('rounds, reports of a unit in "Tổ chức thực hiện", and helpers with a share of their own', () => {
  it('names a numbered round with its heading\'s work, reads a quarterly report in a unit\'s line as four tasks, and "(X; Y ra đề, chấm thi)" as Y helping', () => {
    const tasks = parse(`III. NỘI DUNG
1. Bồi dưỡng cán bộ quản lý HTX (Luật HTX, quản trị):
   1.1. T3/2026 - Lớp 1 - Hoa Lư - 70 HV (Ban Kiểm tra; Văn phòng triệu tập học viên).
   1.2. T4/2026 - Lớp 2 - Phủ Lý - 60 HV (Ban Kiểm tra).
2. Hội thi "Giám đốc HTX giỏi": phát động T6; chung khảo, trao giải T11/2026 (Văn phòng; Ban Kiểm tra ra đề, chấm thi).

V. TỔ CHỨC THỰC HIỆN
1. Văn phòng: đầu mối triển khai Kế hoạch.
2. Ban Kiểm tra: báo cáo kết quả đào tạo quý về Văn phòng trước ngày 05 của tháng đầu quý sau.
`);
    const classes = tasks.filter((t) => t.title.includes('Lớp'));
    expect(classes.map((t) => [t.title.startsWith('Bồi dưỡng cán bộ quản lý HTX'), t.start, t.lead])).toEqual(
      [
        [true, '2026-03-01', ['ban-kiem-tra']],
        [true, '2026-04-01', ['ban-kiem-tra']],
      ],
    );
    expect(classes[0]?.support).toEqual(['van-phong']);
    const contest = tasks.filter((t) => t.title.includes('Hội thi'));
    expect(contest.map((t) => [t.start, t.lead, t.support])).toEqual([
      ['2026-06-01', ['van-phong'], ['ban-kiem-tra']],
      ['2026-11-01', ['van-phong'], ['ban-kiem-tra']],
    ]);
    const reports = tasks.filter((t) => t.title.startsWith('Báo cáo kết quả đào tạo'));
    expect(reports.map((t) => [t.end, t.lead])).toEqual([
      ['2026-04-04', ['ban-kiem-tra']],
      ['2026-07-04', ['ban-kiem-tra']],
      ['2026-10-04', ['ban-kiem-tra']],
      ['2027-01-04', ['ban-kiem-tra']],
    ]);
  });
});

describe('items numbered under a lettered part', () => {
  it('reads "A.1." items under "A. BAN X CHỦ TRÌ", their time and place on the next line, none of the headings a task', () => {
    const tasks = parse(`III. NỘI DUNG, PHÂN CÔNG THEO ĐƠN VỊ CHỦ TRÌ

A. BAN KIỂM TRA CHỦ TRÌ
   (Văn phòng phối hợp bố trí hội trường)

   A.1. Lớp bồi dưỡng kiến thức quản trị cho Giám đốc HTX mới thành lập
        Tháng 3/2026 — Trụ sở Liên minh (phường Việt Trì) — 60 học viên.

   A.2. Lớp ứng dụng công nghệ số trong tiêu thụ sản phẩm
        Tháng 6/2026 — phường Việt Trì — 70 học viên.

B. VĂN PHÒNG CHỦ TRÌ

   B.1. Sơ kết công tác đào tạo, bồi dưỡng 6 tháng đầu năm — tháng 7/2026.
`);
    expect(tasks.map((t) => [t.title, t.start, t.lead, t.support])).toEqual([
      [
        'Lớp bồi dưỡng kiến thức quản trị cho Giám đốc HTX mới thành lập',
        '2026-03-01',
        ['ban-kiem-tra'],
        ['van-phong'],
      ],
      ['Lớp ứng dụng công nghệ số trong tiêu thụ sản phẩm', '2026-06-01', ['ban-kiem-tra'], ['van-phong']],
      ['Sơ kết công tác đào tạo, bồi dưỡng 6 tháng đầu năm', '2026-07-01', ['van-phong'], []],
    ]);
  });
});

describe('a legend "CT" / "PH", a rhythm after the title\'s colon, a duty whose doer closes it', () => {
  it('reads "(CT: X; PH: Y)", "Báo cáo … (từ tháng 4 đến tháng 6/2026): hằng tháng, trước ngày 25" as three reports, and "Là cơ quan thường trực … (Ban X)." as Ban X\'s duty', () => {
    const tasks = parse(`III. NỘI DUNG
1. Rà soát, lựa chọn HTX tham gia chuỗi giá trị, trong tháng 02 - 3/2026 (CT: Ban Kiểm tra; PH: Văn phòng).

IV. CHẾ ĐỘ BÁO CÁO
1. Báo cáo tiến độ hỗ trợ HTX (từ tháng 4 đến tháng 6/2026): hằng tháng, trước ngày 25, gửi Văn phòng tổng hợp (CT: Ban Kiểm tra).

V. TỔ CHỨC THỰC HIỆN
1. Là cơ quan thường trực giúp Thường trực theo dõi, đôn đốc thực hiện Kế hoạch (Ban Tuyên truyền – Đào tạo).
2. Chủ động đăng ký tham gia chuỗi (các HTX thành viên).
`);
    expect(byTitle(tasks, 'Rà soát')).toMatchObject({ lead: ['ban-kiem-tra'], support: ['van-phong'] });
    const reports = tasks.filter((t) => t.title.startsWith('Báo cáo tiến độ'));
    expect(reports.map((t) => [t.start, t.end, t.lead])).toEqual([
      ['2026-04-01', '2026-04-24', ['ban-kiem-tra']],
      ['2026-05-01', '2026-05-24', ['ban-kiem-tra']],
      ['2026-06-01', '2026-06-24', ['ban-kiem-tra']],
    ]);
    expect(byTitle(tasks, 'cơ quan thường trực')).toMatchObject({ kind: 'duty', lead: ['ban-tuyen-truyen'] });
    expect(byTitle(tasks, 'đăng ký tham gia chuỗi')).toBeUndefined();
  });
});

describe('a plan saved from Word as Rich Text', () => {
  it('reads its escaped Vietnamese letters, its paragraphs and its table, leaving the header, fonts and fields out', () => {
    const rtf = String.raw`{\rtf1\ansi\ansicpg1258\deff0{\fonttbl{\f0\froman\fcharset163 Times New Roman;}}
{\*\generator Microsoft Word 16.0;}{\info{\title KH 2026}{\author VP}}\uc1
{\header\pard\qr Li\u234?n minh HTX t\u7881?nh Demo \u8211? KH 2026\par}
\pard{\b LI\u202?N MINH HTX T\u7880?NH DEMO}\par
\pard S\u7889?: 05/KH-LMHTX\par
\pard{\i Demo, ng\u224?y 12 th\u225?ng 01 n\u259?m 2026}\par
\pard\qc{\b K\u7870? HO\u7840?CH}\par
\pard II. N\u7896?I DUNG\par
\pard 1. T\u7853?p hu\u7845?n k\u7871? to\u225?n HTX trong th\u225?ng 4/2026. V\u259?n ph\u242?ng ch\u7911? tr\u236?.\par
\pard 2. H\u7897?i ngh\u7883? k\u7871?t n\u7889?i ti\u234?u th\u7909?, ng\u224?y 20/5/2026 {\field{\*\fldinst PAGE}{\fldrslt }}(Ban Ki\u7875?m tra ch\u7911? tr\u236?).\par
}`;
    const { tasks } = parsePlan(rtf, { org: 'demo', directory });
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead])).toEqual([
      ['Tập huấn kế toán HTX', '2026-04-01', '2026-04-30', ['van-phong']],
      ['Hội nghị kết nối tiêu thụ', '2026-05-20', '2026-05-20', ['ban-kiem-tra']],
    ]);
  });

  it('turns a Word table in Rich Text into rows, a rule under the first', () => {
    const rtf = String.raw`{\rtf1\ansi
\pard LI\u202?N MINH HTX T\u7880?NH DEMO\par
\pard S\u7889?: 06/CTr-LMHTX. Demo, ng\u224?y 05 th\u225?ng 01 n\u259?m 2026\par
\pard CH\u431?\u416?NG TR\u204?NH\par
\trowd\cellx900\cellx6000\cellx8000\cellx9500\pard\intbl TT\cell N\u7897?i dung\cell Th\u7901?i gian\cell Ch\u7911? tr\u236?\cell\row
\trowd\cellx900\cellx6000\cellx8000\cellx9500\pard\intbl 1\cell H\u7897?i ngh\u7883? t\u7893?ng k\u7871?t\cell 15/01/2026\cell V\u259?n ph\u242?ng\cell\row
\pard Ghi ch\u250?.\par}`;
    const { tasks } = parsePlan(rtf, { org: 'demo', directory });
    expect(tasks.map((t) => [t.title, t.start, t.lead])).toEqual([
      ['Hội nghị tổng kết', '2026-01-15', ['van-phong']],
    ]);
  });
});

describe('a monthly rule written within one quarter', () => {
  it('reads "Báo cáo tháng: trong Quý II/2026 (…), các ban gửi … trước ngày 22 hằng tháng" as three reports, and a last clause "…, trung tuần tháng 7/2026" in the item\'s own sentence', () => {
    const tasks = parse(`IV. CHẾ ĐỘ BÁO CÁO
1. Báo cáo tháng: trong Quý II/2026 (giai đoạn cao điểm), Ban Kiểm tra gửi báo cáo tiến độ về Văn phòng trước ngày 22 hằng tháng.
2. Tổ chức Hội nghị Ban Chấp hành lần thứ 9 (sơ kết 6 tháng đầu năm 2026), trung tuần tháng 7/2026. Đồng chí Chánh Văn phòng chuẩn bị các điều kiện tổ chức.
`);
    const monthly = tasks.filter((t) => t.title.startsWith('Báo cáo tháng'));
    expect(monthly.map((t) => [t.start, t.end])).toEqual([
      ['2026-04-01', '2026-04-21'],
      ['2026-05-01', '2026-05-21'],
      ['2026-06-01', '2026-06-21'],
    ]);
    expect(byTitle(tasks, 'Hội nghị Ban Chấp hành')).toMatchObject({
      start: '2026-07-11',
      end: '2026-07-20',
      lead: ['van-phong'],
    });
  });
});

describe('helpers named in a sentence of their own', () => {
  it('reads "Văn phòng và Ban X cùng phối hợp." after the sentence that gives the lead, but not a unit whose name holds "Hỗ trợ" nor cooperatives taking part', () => {
    const tasks = parse(`II. NHIỆM VỤ
1. Tham mưu UBND tỉnh ban hành Kế hoạch phát triển kinh tế tập thể, hoàn thành trong Quý I/2026.
Ban Chính sách – Phát triển HTX được giao chủ trì nội dung này. Văn phòng và Ban Kiểm tra cùng phối hợp.
2. Tuyên truyền Luật Hợp tác xã năm 2023 trong cả năm 2026.
Ban Tuyên truyền – Đào tạo đảm nhận nội dung này. Quỹ Hỗ trợ phát triển HTX có trách nhiệm cung cấp thông tin.
3. Tổ chức đoàn HTX tham gia Hội chợ nông nghiệp trong tháng 8/2026. Ban Kiểm tra chủ trì; các HTX thành viên tham gia gian hàng.
`);
    expect(tasks.map((t) => [t.lead, t.support])).toEqual([
      [['ban-chinh-sach'], ['van-phong', 'ban-kiem-tra']],
      [['ban-tuyen-truyen'], ['quy-ho-tro']],
      [['ban-kiem-tra'], []],
    ]);
  });
});

describe('a programme posted on a board in BBCode', () => {
  it('reads its [table] (a month row across it, a cell down two rows, a struck row left out) and leaves the markup out', () => {
    const { tasks } = parsePlan(
      `[center][b]LIÊN MINH HTX TỈNH DEMO[/b]
Số: 03/CTr-LMHTX[/center]
[right][i]Demo, ngày 05 tháng 01 năm 2026[/i][/right]
[center][size=150][b]CHƯƠNG TRÌNH CÔNG TÁC QUÝ I/2026[/b][/size][/center]
[table]
[tr][th]TT[/th][th]Nội dung công việc[/th][th]Thời gian[/th][th]Đơn vị chủ trì[/th][th]Đơn vị phối hợp[/th][/tr]
[tr][td colspan=5][b]THÁNG 01/2026[/b][/td][/tr]
[tr][td]1[/td][td]Hội nghị tổng kết công tác năm 2025[/td][td]Ngày 15/01/2026[/td][td]Văn phòng[/td][td]Ban Kiểm tra[/td][/tr]
[tr][td colspan=5][b]THÁNG 02/2026[/b][/td][/tr]
[tr][td]2[/td][td]Kiểm tra HTX thành viên (đợt 1)[/td][td]Tuần 3 - 4[/td][td rowspan=2]Ban Kiểm tra[/td][td][/td][/tr]
[tr][td]3[/td][td]Lớp bồi dưỡng kỹ năng quản trị cho giám đốc HTX[/td][td]20 - 21/02[/td][td]Văn phòng[/td][/tr]
[tr][td][s]4[/s][/td][td][s]Tọa đàm bỏ[/s][/td][td][s]Cuối tháng[/s][/td][td][s]Văn phòng[/s][/td][td][color=red]Bỏ – chuyển sang Quý II[/color][/td][/tr]
[/table]
`,
      { org: 'demo', directory },
    );
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead, t.support])).toEqual([
      ['Hội nghị tổng kết công tác năm 2025', '2026-01-15', '2026-01-15', ['van-phong'], ['ban-kiem-tra']],
      ['Kiểm tra HTX thành viên (đợt 1)', '2026-02-15', '2026-02-28', ['ban-kiem-tra'], []],
      [
        'Lớp bồi dưỡng kỹ năng quản trị cho giám đốc HTX',
        '2026-02-20',
        '2026-02-21',
        ['ban-kiem-tra'],
        ['van-phong'],
      ],
    ]);
  });
});

describe('a programme kept as Texinfo source', () => {
  it('reads its @multitable (cells after @tab over several lines, a month row, a commented-out row) and leaves the commands out', () => {
    const { tasks } = parsePlan(
      String.raw`\input texinfo   @c -*-texinfo-*-
@setfilename ctr-q1.info
@settitle Chuong trinh Quy I
@c ban chuyen tu file Word
@node Top
@top LIÊN MINH HTX TỈNH DEMO

@noindent
LIÊN MINH HTX TỈNH DEMO @*
Số: 96/CTr-LMHTX

@flushright
@emph{Demo, ngày 25 tháng 12 năm 2025}
@end flushright

@center @strong{CHƯƠNG TRÌNH}
@center @strong{Công tác Quý I/2026 của Ban Thường vụ}

@section I. NỘI DUNG CÔNG TÁC

@multitable @columnfractions .05 .43 .14 .16 .22
@headitem TT @tab Nội dung công việc @tab Thời gian @tab Đơn vị chủ trì @tab Đơn vị phối hợp
@item @tab @strong{THÁNG 01/2026} @tab @tab @tab
@item 1
@tab Hội nghị tổng kết
công tác năm 2025
@tab Ngày 15/01/2026
@tab Văn phòng
@tab Ban Kiểm tra
@c @item 2 @tab Hội thảo bỏ @tab Cuối tháng @tab Văn phòng @tab
@item @tab @strong{THÁNG 02/2026} @tab @tab @tab
@item 2
@tab Kiểm tra HTX thành viên (đợt 1)
@tab Tuần 3 - 4
@tab Ban Kiểm tra
@tab @minus{}
@end multitable

@bye
`,
      { org: 'demo', directory },
    );
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead, t.support])).toEqual([
      ['Hội nghị tổng kết công tác năm 2025', '2026-01-15', '2026-01-15', ['van-phong'], ['ban-kiem-tra']],
      ['Kiểm tra HTX thành viên (đợt 1)', '2026-02-15', '2026-02-28', ['ban-kiem-tra'], []],
    ]);
  });
});

describe('a task list exported as TOML', () => {
  it('reads [[nhiem_vu]] records, their sub-tasks, a monthly rule over three periods and rounds in months listed, leaving closed tasks out', () => {
    const { tasks } = parsePlan(
      `# Xuất dữ liệu từ Phần mềm Quản lý nhiệm vụ — định dạng TOML
[ke_hoach]
so_ky_hieu    = "11/KH-LMHTX"
trich_yeu     = "Kế hoạch phát triển HTX năm 2026"
ngay_ban_hanh = 2026-02-05

[[nhiem_vu]]
ten        = "Rà soát, phân loại HTX theo Luật HTX 2023"
bat_dau    = 2026-02-15
ket_thuc   = 2026-04-30
chu_tri    = ["Ban Kiểm tra"]
phoi_hop   = ["Văn phòng"]
trang_thai = "chua_bat_dau"

[[nhiem_vu]]
ten        = "Vận động thành lập HTX tại các xã vùng cao"
chu_tri    = ["Ban Tuyên truyền – Đào tạo"]

  [[nhiem_vu.viec_con]]
  ten      = "Vận động thành lập HTX tại xã Mường Nhé"
  bat_dau  = 2026-03-01
  ket_thuc = 2026-05-31

[[nhiem_vu]]
ten        = "Xét kết nạp thành viên mới"
lap_lai    = { chu_ky = "dot", thang = [6, 11], nam = 2026 }
chu_tri    = ["Ban Kiểm tra"]

[[nhiem_vu]]
ten        = "Báo cáo tiến độ phát triển HTX"
lap_lai    = { chu_ky = "thang", ngay_han = 20, tu_ky = "2026-04", den_ky = "2026-06" }
chu_tri    = ["Quỹ Hỗ trợ phát triển HTX"]

[[nhiem_vu]]
ten        = "Khảo sát HTX ngừng hoạt động"
han        = 2026-03-31
chu_tri    = ["Ban Kiểm tra"]
trang_thai = "huy"
`,
      { org: 'demo', directory },
    );
    expect(tasks.map((t) => [t.title, t.start, t.end, t.lead])).toEqual([
      ['Rà soát, phân loại HTX theo Luật HTX 2023', '2026-02-15', '2026-04-30', ['ban-kiem-tra']],
      ['Vận động thành lập HTX tại xã Mường Nhé', '2026-03-01', '2026-05-31', ['ban-tuyen-truyen']],
      ['Xét kết nạp thành viên mới (Tháng 6/2026)', '2026-06-01', '2026-06-30', ['ban-kiem-tra']],
      ['Xét kết nạp thành viên mới (Tháng 11/2026)', '2026-11-01', '2026-11-30', ['ban-kiem-tra']],
      ['Báo cáo tiến độ phát triển HTX (Tháng 4/2026)', '2026-04-01', '2026-04-20', ['quy-ho-tro']],
      ['Báo cáo tiến độ phát triển HTX (Tháng 5/2026)', '2026-05-01', '2026-05-20', ['quy-ho-tro']],
      ['Báo cáo tiến độ phát triển HTX (Tháng 6/2026)', '2026-06-01', '2026-06-20', ['quy-ho-tro']],
    ]);
  });
});

describe('a name broken at its dash over two printed lines', () => {
  it('reads "(Trưởng phòng …" / "- Kế toán) trình bày." as one item, the presenter named in brackets its lead', () => {
    const { tasks } = parsePlan(
      `LIÊN MINH HTX TỈNH DEMO
Số: 208/KH-LMHTX                      Demo, ngày 08 tháng 12 năm 2026
KẾ HOẠCH
Tổ chức Hội nghị tổng kết

III. CHƯƠNG TRÌNH HỘI NGHỊ
3. Báo cáo công khai tài chính năm 2026 — đồng chí Kế toán trưởng (Trưởng phòng Tài chính
   - Kế toán) trình bày.
4. Thông qua Chương trình công tác năm 2027 — đồng chí Chánh Văn phòng trình bày.
`,
      {
        org: 'demo',
        directory: {
          demo: {
            name: 'Liên minh HTX tỉnh Demo',
            departments: { 'van-phong': ['Văn phòng'], 'tai-chinh': ['Phòng Tài chính - Kế toán'] },
          },
        },
      },
    );
    expect(tasks.map((t) => [t.title, t.lead])).toEqual([
      ['Báo cáo công khai tài chính năm 2026', ['tai-chinh']],
      ['Thông qua Chương trình công tác năm 2027', ['van-phong']],
    ]);
  });
});

describe('a plan sent as a diff against its draft', () => {
  it('reads the issued side of a unified diff in an e-mail, and "(chính)" marking the lead among the units that do the work', () => {
    const body = [
      ' LIÊN MINH HTX TỈNH DEMO',
      '-Số:     /KH-LMHTX (DỰ THẢO LẦN 2)',
      '-                                            Demo, ngày 20 tháng 01 năm 2026',
      '+Số: 23/KH-LMHTX',
      '+                                            Demo, ngày 02 tháng 02 năm 2026',
      ' ',
      '                                   KẾ HOẠCH',
      '        Hỗ trợ hợp tác xã tham gia chuỗi giá trị năm 2026',
      ' ',
      ' I. MỤC ĐÍCH, YÊU CẦU',
      ' Hình thành các chuỗi liên kết.',
      ' ',
      ' III. NỘI DUNG',
      ' 1. Khảo sát, lựa chọn 15 HTX có sản phẩm chủ lực.',
      '    Thực hiện: Ban Kiểm tra (chính), Văn phòng.',
      '-   Thời hạn: Quý I/2026.',
      '+   Thời hạn: tháng 02 - 3/2026.',
      ' ',
      '-2. Hội thảo chuỗi giá trị (bỏ ở bản ban hành).',
      '-   Thực hiện: Văn phòng.',
      '-   Thời hạn: tháng 4/2026.',
      '+2. Hội nghị kết nối HTX với doanh nghiệp thu mua.',
      '+   Thực hiện: Văn phòng (chính), Ban Kiểm tra.',
      '+   Thời hạn: trung tuần tháng 5/2026.',
      ' ',
      ' IV. TỔ CHỨC THỰC HIỆN',
      ' Văn phòng theo dõi, đôn đốc thực hiện Kế hoạch.',
    ];
    const { tasks } = parsePlan(
      [
        'From: Văn thư <vanthu@demo.gov.vn>',
        'Subject: Ban hành KH 23 - bản so sánh với dự thảo lần 2',
        '',
        'Gửi các ban, Văn phòng gửi kèm bản so sánh dưới đây.',
        '',
        'diff --git a/KH_du-thao-lan-2.txt b/KH_ban-hanh.txt',
        '--- a/KH_du-thao-lan-2.txt',
        '+++ b/KH_ban-hanh.txt',
        `@@ -1,${body.length} +1,${body.length} @@`,
        ...body,
      ].join('\n'),
      { org: 'demo', directory },
    );
    expect(
      tasks.filter((t) => t.kind !== 'duty').map((t) => [t.title, t.start, t.end, t.lead, t.support]),
    ).toEqual([
      [
        'Khảo sát, lựa chọn 15 HTX có sản phẩm chủ lực',
        '2026-02-01',
        '2026-03-31',
        ['ban-kiem-tra'],
        ['van-phong'],
      ],
      [
        'Hội nghị kết nối HTX với doanh nghiệp thu mua',
        '2026-05-11',
        '2026-05-20',
        ['van-phong'],
        ['ban-kiem-tra'],
      ],
    ]);
  });
});

describe('a standing duty followed by recurring reports in the same paragraph of "Tổ chức thực hiện"', () => {
  it('reads the duty and four quarterly reports led by the same unit', () => {
    const tasks = parse(`V. TỔ CHỨC THỰC HIỆN
1. Ban Kiểm tra là đơn vị thường trực, chịu trách nhiệm điều phối chung kế hoạch đào tạo năm 2026. Hằng quý, trước ngày 05 của tháng đầu quý sau, Ban Kiểm tra báo cáo Thường trực kết quả đào tạo trong quý.
2. Văn phòng bố trí kinh phí cho các lớp.
`);
    expect(tasks.filter((t) => t.kind === 'duty').map((t) => t.lead)).toEqual([
      ['ban-kiem-tra'],
      ['van-phong'],
    ]);
    const reports = tasks.filter((t) => t.kind !== 'duty');
    expect(reports.map((t) => [t.end, t.lead])).toEqual([
      ['2026-04-04', ['ban-kiem-tra']],
      ['2026-07-04', ['ban-kiem-tra']],
      ['2026-10-04', ['ban-kiem-tra']],
      ['2027-01-04', ['ban-kiem-tra']],
    ]);
    for (const r of reports) expect(r.title).toMatch(/báo cáo Thường trực kết quả đào tạo/i);
  });
});

describe('the doer after a label and its time', () => {
  it('reads "Báo cáo tháng: hằng tháng, trước ngày 20 (…), Ban X gửi …" and "Báo cáo quý: hằng quý, …, Văn phòng tổng hợp …" with their subjects as leads', () => {
    const tasks = parse(`III. CHẾ ĐỘ BÁO CÁO
1. Báo cáo tháng: hằng tháng, trước ngày 20 (từ tháng 3 đến tháng 5/2026), Ban Kiểm tra, Quỹ Hỗ trợ phát triển HTX gửi báo cáo tiến độ về Văn phòng.
2. Báo cáo quý: hằng quý, trước ngày 10 của tháng đầu quý sau, Văn phòng tổng hợp, báo cáo Thường trực.
`);
    const monthly = tasks.filter((t) => t.title.startsWith('Báo cáo tháng'));
    expect(monthly.map((t) => [t.end, t.lead])).toEqual([
      ['2026-03-19', ['ban-kiem-tra', 'quy-ho-tro']],
      ['2026-04-19', ['ban-kiem-tra', 'quy-ho-tro']],
      ['2026-05-19', ['ban-kiem-tra', 'quy-ho-tro']],
    ]);
    const quarterly = tasks.filter((t) => t.title.startsWith('Báo cáo quý'));
    expect(quarterly.map((t) => t.lead)).toEqual([
      ['van-phong'],
      ['van-phong'],
      ['van-phong'],
      ['van-phong'],
    ]);
  });
});

describe('a paragraph of recurring reports under a heading with no items', () => {
  it('is led by the units that open its sentence, not by the unit the reports are sent to', () => {
    const tasks = parse(`
II. NHIỆM VỤ CỤ THỂ
1. Khảo sát nhu cầu của HTX.
   Thực hiện: Văn phòng.
   Thời hạn: Quý I/2026.

III. CHẾ ĐỘ BÁO CÁO
Ban Kiểm tra, Quỹ Hỗ trợ phát triển HTX báo cáo kết quả thực hiện về Văn phòng trước ngày 15
tháng cuối mỗi quý.
`);
    const reports = tasks.filter((t) => t.title.startsWith('Ban Kiểm tra, Quỹ'));
    expect(reports.map((t) => [t.end, t.lead])).toEqual([
      ['2026-03-14', ['ban-kiem-tra', 'quy-ho-tro']],
      ['2026-06-14', ['ban-kiem-tra', 'quy-ho-tro']],
      ['2026-09-14', ['ban-kiem-tra', 'quy-ho-tro']],
      ['2026-12-14', ['ban-kiem-tra', 'quy-ho-tro']],
    ]);
  });
});

describe('a unit whose name holds a verb, named alone in a closing parenthesis', () => {
  it('leads the item: "(Ban Tổ chức – Phong trào)" names a unit, it organises nothing', () => {
    const { tasks } = parsePlan(
      `${HEAD}
II. NHIỆM VỤ CỤ THỂ
1. Khen thưởng các tập thể, cá nhân có thành tích xuất sắc năm 2025 (Ban Tổ chức – Phong trào).
2. Đưa tin về Hội nghị trên Trang thông tin điện tử (Văn phòng; Ban Tổ chức – Phong trào).
3. Tổng hợp báo cáo hằng quý trước ngày 20 tháng cuối quý (Văn phòng); các ban, Quỹ phối hợp cung cấp số liệu.
`,
      {
        org: 'demo',
        directory: {
          demo: {
            name: 'Liên minh HTX tỉnh Demo',
            departments: {
              'van-phong': ['Văn phòng'],
              'ban-to-chuc': ['Ban Tổ chức – Phong trào', 'Ban Tổ chức - Phong trào'],
              'quy-ho-tro': ['Quỹ Hỗ trợ phát triển HTX', 'Quỹ'],
            },
          },
        },
      },
    );
    expect(tasks.slice(0, 3).map((t) => [t.title.slice(0, 20), t.lead])).toEqual([
      ['Khen thưởng các tập ', ['ban-to-chuc']],
      ['Đưa tin về Hội nghị ', ['van-phong']],
      ['Tổng hợp báo cáo hằn', ['van-phong']],
    ]);
  });
});

describe('units that each do the same work at their own place', () => {
  it('lead it together; a unit doing a part under the lead, or giving material, helps', () => {
    const tasks = parse(`
II. NHIỆM VỤ CỤ THỂ
1. Treo băng rôn, khẩu hiệu hưởng ứng Tháng hành động
Từ ngày 01/4/2026 đến hết ngày 30/4/2026.
Đồng chí Chánh Văn phòng thực hiện tại trụ sở cơ quan; đồng chí Trưởng Ban Kiểm tra thực hiện tại
trụ sở của Ban. Các HTX thành viên treo tại trụ sở HTX.
2. Khảo sát nhu cầu đào tạo của các HTX từ ngày 15/01/2026 đến ngày 28/02/2026. Ban Chính sách – Phát
triển HTX chủ trì; Ban Kiểm tra thực hiện khảo sát tại các huyện phía Bắc.
`);
    expect(tasks.map((t) => [t.title.slice(0, 17), t.lead])).toEqual([
      ['Treo băng rôn, kh', ['van-phong', 'ban-kiem-tra']],
      ['Khảo sát nhu cầu ', ['ban-chinh-sach']],
    ]);
  });
});

describe('months written "T3", "T9/2026" in a terse plan', () => {
  it('reads a range and a month inside the words, and a column of one issue a month over a span as one campaign', () => {
    const tasks = parse(`
II. NỘI DUNG, THỜI GIAN
1. Chuyên mục "Luật HTX và cuộc sống" trên Báo tỉnh; mỗi tháng 01
   kỳ, T3 - T12/2026 (Ban Kiểm tra).
2. Cuộc thi trực tuyến "Tìm hiểu Luật Hợp tác xã": phát động 15/5/2026; chấm, trao giải
   T9/2026 (Ban Kiểm tra).
3. Báo cáo nhanh kết quả tuyên truyền: hằng tháng, trước ngày 20, từ T3 đến T5/2026, gửi Ban
   Kiểm tra tổng hợp (Văn phòng).
`);
    expect(tasks.map((t) => [t.title.slice(0, 20), t.start, t.end])).toEqual([
      ['Chuyên mục "Luật HTX', '2026-03-01', '2026-12-31'],
      ['Phát động Cuộc thi t', '2026-05-15', '2026-05-15'],
      ['Chấm, trao giải Cuộc', '2026-09-01', '2026-09-30'],
      ['Báo cáo nhanh kết qu', '2026-03-01', '2026-03-19'],
      ['Báo cáo nhanh kết qu', '2026-04-01', '2026-04-19'],
      ['Báo cáo nhanh kết qu', '2026-05-01', '2026-05-19'],
    ]);
  });
});
