/**
 * Plans kept in the files of programs rather than written as documents: a todo.txt list and a Graphviz
 * drawing of the task network. Each names its units by codes its comments define.
 */
import { parsePlan } from '../../../src/domain/plan-parser';
import type { OrgDirectory } from '../../../src/domain/task';

const directory: OrgDirectory = {
  demo: {
    name: 'Liên minh Hợp tác xã tỉnh Demo',
    departments: {
      'van-phong': ['Văn phòng'],
      'ban-phat-trien': ['Ban Phát triển hợp tác xã'],
      'trung-tam': ['Trung tâm Hỗ trợ HTX'],
      'quy-ho-tro': ['Quỹ Hỗ trợ phát triển HTX'],
    },
  },
};

const rows = (text: string): unknown[] =>
  parsePlan(text, { org: 'demo', directory }).tasks.map((t) => [t.title, t.lead, t.support, t.start, t.end]);

describe('a todo.txt list', () => {
  it('reads open lines with @leads, ph: supports, t:/due: days and a monthly rec: rule; done, cancelled and note lines are no tasks', () => {
    const text = `# todo.txt — Văn phòng Liên minh HTX tỉnh Demo
# Danh sách việc theo Kế hoạch số 09/KH-LMHTX ngày 05/02/2027 "Tổ chức Ngày hội HTX năm 2027".
# Mã đơn vị: VP = Văn phòng; PT = Ban Phát triển hợp tác xã;
#   TT = Trung tâm Hỗ trợ HTX; Quy = Quỹ Hỗ trợ phát triển HTX; SoNN = Sở Nông nghiệp (ngoài Liên minh)

x 2027-02-05 2027-01-22 Ban hành Kế hoạch tổ chức Ngày hội @VP due:2027-02-05
(A) 2027-02-05 Trình UBND tỉnh phê duyệt chủ trương tổ chức Ngày hội @PT +NgayHoi due:2027-02-26
(B) 2027-02-05 Vận động HTX đăng ký gian hàng @TT ph:VP,PT +NgayHoi t:2027-03-01 due:2027-04-10
(A) 2027-02-05 Hội thảo thương hiệu sản phẩm HTX @PT t:2027-04-24 due:2027-04-24 status:huy
(B) 2027-02-05 Báo cáo tiến độ công việc tháng @PT @Quy due:2027-02-25 rec:thang until:2027-04
(B) 2027-02-05 Cấp mã số vùng trồng @SoNN ph:PT t:2027-03-01 due:2027-07-31
Ghi nhớ: xin số điện thoại đầu mối VNPT +NgayHoi
`;
    expect(rows(text)).toEqual([
      [
        'Trình UBND tỉnh phê duyệt chủ trương tổ chức Ngày hội',
        ['ban-phat-trien'],
        [],
        '2027-01-01',
        '2027-02-26',
      ],
      [
        'Vận động HTX đăng ký gian hàng',
        ['trung-tam'],
        ['van-phong', 'ban-phat-trien'],
        '2027-03-01',
        '2027-04-10',
      ],
      [
        'Báo cáo tiến độ công việc tháng (Tháng 2/2027)',
        ['ban-phat-trien', 'quy-ho-tro'],
        [],
        '2027-02-01',
        '2027-02-25',
      ],
      [
        'Báo cáo tiến độ công việc tháng (Tháng 3/2027)',
        ['ban-phat-trien', 'quy-ho-tro'],
        [],
        '2027-03-01',
        '2027-03-25',
      ],
      [
        'Báo cáo tiến độ công việc tháng (Tháng 4/2027)',
        ['ban-phat-trien', 'quy-ho-tro'],
        [],
        '2027-04-01',
        '2027-04-25',
      ],
      ['Cấp mã số vùng trồng', [], ['ban-phat-trien'], '2027-03-01', '2027-07-31'],
    ]);
  });
});

describe('a task network drawn in Graphviz DOT', () => {
  it("reads each node's label as a task, the legend's codes as units, and leaves out a node struck from the plan and the legend's samples", () => {
    const text = `// LIÊN MINH HTX TỈNH DEMO - VĂN PHÒNG
// Sơ đồ mạng công việc kèm theo Kế hoạch số 15/KH-LMHTX ngày 22/02/2027 "Tổ chức Ngày hội HTX năm 2027"
// Viết tắt trong nhãn: VP = Văn phòng; PT = Ban Phát triển hợp tác xã;
//   TT = Trung tâm Hỗ trợ HTX.
digraph NgayHoi {
  node [shape=box];
  subgraph cluster_gd1 {
    label="GIAI ĐOẠN 1 - CHUẨN BỊ (tháng 3 - tháng 8/2027)";
    T01 [label="T01. Thành lập Ban Tổ chức Ngày hội\\nChủ trì: VP\\nPhối hợp: -\\nHạn: trước 15/3/2027"];
    T02 [label="T02. Xây dựng kịch bản tổng thể Ngày hội\\nChủ trì: PT\\nPhối hợp: TT, VP\\nHạn: 30/4/2027"];
    T03 [label="T03. Đêm nhạc \\"Sắc màu\\"\\nChủ trì: PT\\nThời gian: tối 18/9/2027\\n(ĐÃ BỎ)", style="dashed", color=gray];
    T04 [label="T04. Ngày hội HTX năm 2027\\nChủ trì: TT\\nPhối hợp: VP, PT\\nThời gian: 18/9 - 20/9/2027"];
  }
  subgraph cluster_chuthich {
    label="Chú giải";
    CG1 [label="Nút thường = công việc"];
  }
  T01 -> T02 -> T04;
}
`;
    expect(rows(text)).toEqual([
      ['Thành lập Ban Tổ chức Ngày hội', ['van-phong'], [], '2027-01-01', '2027-03-14'],
      [
        'Xây dựng kịch bản tổng thể Ngày hội',
        ['ban-phat-trien'],
        ['trung-tam', 'van-phong'],
        '2027-01-01',
        '2027-04-30',
      ],
      ['Ngày hội HTX năm 2027', ['trung-tam'], ['van-phong', 'ban-phat-trien'], '2027-09-18', '2027-09-20'],
    ]);
  });
});

describe('a task database dumped as SQL', () => {
  it('runs the dump, later UPDATE and DELETE statements included, and reads tasks, their CT/PH assignments and a parent sharing its units with its sub-task', () => {
    const text = `-- MySQL dump 10.13
-- Trích xuất gửi kèm Kế hoạch số 15/KH-LMHTX ngày 18/01/2027 của Liên minh HTX tỉnh Demo "Hỗ trợ HTX năm 2027".
CREATE TABLE \`don_vi\` (\`id\` int NOT NULL, \`ma\` varchar(20), \`ten\` varchar(255), PRIMARY KEY (\`id\`)) ENGINE=InnoDB;
LOCK TABLES \`don_vi\` WRITE;
INSERT INTO \`don_vi\` VALUES (1,'VP','Văn phòng'),(2,'PT','Ban Phát triển hợp tác xã'),(3,'TT','Trung tâm Hỗ trợ HTX');
UNLOCK TABLES;
CREATE TABLE \`nhiem_vu\` (\`id\` int, \`cha_id\` int, \`tieu_de\` varchar(500), \`bat_dau\` date, \`han\` date, \`lap_lai\` varchar(10), \`trang_thai\` varchar(10));
INSERT INTO \`nhiem_vu\` VALUES
(101,NULL,'Ban hành Kế hoạch; gửi các đơn vị',NULL,'2027-01-18',NULL,'xong'),
(102,NULL,'Khảo sát hiện trạng liên kết chuỗi','2027-02-01','2027-03-31',NULL,'dang_lam'),
(104,NULL,'Xây dựng mô hình liên kết chuỗi',NULL,NULL,NULL,'moi'),
(105,104,'Mô hình lúa chất lượng cao tại xã Thoại Sơn','2027-04-01','2027-09-30',NULL,'moi'),
(107,NULL,'Xây dựng bộ tiêu chí đánh giá HTX',NULL,'2027-03-15',NULL,'moi'),
(108,NULL,'Tập huấn quản trị chuỗi cung ứng','2027-04-20','2027-04-21',NULL,'huy'),
(109,NULL,'Khảo sát thị trường tại Campuchia','2027-05-01','2027-05-31',NULL,'moi');
CREATE TABLE \`phan_cong\` (\`nhiem_vu_id\` int, \`don_vi_id\` int, \`vai_tro\` char(2));
INSERT INTO \`phan_cong\` VALUES (101,1,'CT'),(102,2,'CT'),(102,3,'PH'),(104,2,'CT'),(104,1,'PH'),(107,2,'CT'),(108,3,'CT'),(109,3,'CT');
UPDATE \`nhiem_vu\` SET \`han\`='2027-04-15' WHERE \`id\`=107;
DELETE FROM \`nhiem_vu\` WHERE \`id\`=109;
`;
    expect(rows(text)).toEqual([
      ['Khảo sát hiện trạng liên kết chuỗi', ['ban-phat-trien'], ['trung-tam'], '2027-02-01', '2027-03-31'],
      [
        'Mô hình lúa chất lượng cao tại xã Thoại Sơn',
        ['ban-phat-trien'],
        ['van-phong'],
        '2027-04-01',
        '2027-09-30',
      ],
      ['Xây dựng bộ tiêu chí đánh giá HTX', ['ban-phat-trien'], [], '2027-01-01', '2027-04-15'],
    ]);
  });
});

describe('a plan saved as a flat OpenDocument text (.fodt)', () => {
  it('reads its table: a time merged down two rows serves both, a month row heads its items, a struck row and "Phân công trực Tết" as work', () => {
    const cell = (text: string, extra = ''): string =>
      `<table:table-cell${extra}><text:p>${text}</text:p></table:table-cell>`;
    const row = (...cells: string[]): string => `<table:table-row>${cells.join('')}</table:table-row>`;
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0">
 <office:automatic-styles>
  <style:style style:name="T_Gach" style:family="text"><style:text-properties style:text-line-through-style="solid"/></style:style>
 </office:automatic-styles>
 <office:body><office:text>
  <text:p>LIÊN MINH HTX TỈNH DEMO</text:p>
  <text:p>Số: 41/CTr-LMHTX</text:p>
  <text:p>Demo, ngày 28 tháng 12 năm 2026</text:p>
  <text:p>CHƯƠNG TRÌNH CÔNG TÁC QUÝ I/2027</text:p>
  <table:table>
   ${row(cell('TT'), cell('Nội dung công việc'), cell('Thời gian'), cell('Đơn vị chủ trì'))}
   ${row(cell('I. THÁNG 01/2027', ' table:number-columns-spanned="4"'), '<table:covered-table-cell/>'.repeat(3))}
   ${row(cell('1'), cell('Họp Ban Thường vụ phiên thường kỳ tháng 01'), cell('Sáng 07/01', ' table:number-rows-spanned="2"'), cell('Văn phòng'))}
   ${row(cell('2'), cell('Thông qua Kế hoạch thi đua năm 2027 (cùng phiên họp)'), '<table:covered-table-cell/>', cell('Ban Phát triển hợp tác xã'))}
   ${row(cell('3'), cell('Phân công trực Tết Nguyên đán, bảo đảm an toàn cơ quan'), cell('Từ 04/02 đến 10/02'), cell('Văn phòng'))}
   ${row(cell('<text:span text:style-name="T_Gach">4</text:span>'), cell('<text:span text:style-name="T_Gach">Tọa đàm HTX với du lịch</text:span>'), cell('<text:span text:style-name="T_Gach">Ngày 25/01</text:span>'), cell('Trung tâm Hỗ trợ HTX'))}
  </table:table>
 </office:text></office:body>
</office:document>`;
    expect(rows(text)).toEqual([
      ['Họp Ban Thường vụ phiên thường kỳ tháng 01', ['van-phong'], [], '2027-01-07', '2027-01-07'],
      [
        'Thông qua Kế hoạch thi đua năm 2027 (cùng phiên họp)',
        ['ban-phat-trien'],
        [],
        '2027-01-07',
        '2027-01-07',
      ],
      [
        'Phân công trực Tết Nguyên đán, bảo đảm an toàn cơ quan',
        ['van-phong'],
        [],
        '2027-02-04',
        '2027-02-10',
      ],
    ]);
  });
});

describe('a schedule saved from Microsoft Project as XML', () => {
  it("reads tasks that are no summary, their units from the fields named for lead and helpers, a recurring task's occurrences, and leaves out tasks switched off or finished", () => {
    const field = (id: string, value: string): string =>
      `<ExtendedAttribute><FieldID>${id}</FieldID><Value>${value}</Value></ExtendedAttribute>`;
    const task = (
      uid: number,
      name: string,
      level: number,
      start: string,
      finish: string,
      more = '',
    ): string =>
      `<Task><UID>${uid}</UID><Name>${name}</Name><OutlineLevel>${level}</OutlineLevel><Start>${start}T08:00:00</Start><Finish>${finish}T17:00:00</Finish>${more}</Task>`;
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Title>Tiến độ tổ chức Hội chợ HTX năm 2027</Title>
  <Subject>Kèm theo Kế hoạch số 09/KH-LMHTX ngày 18/01/2027 của Liên minh HTX tỉnh Demo</Subject>
  <Company>Liên minh Hợp tác xã tỉnh Demo</Company>
  <ExtendedAttributes>
    <ExtendedAttribute><FieldID>188743731</FieldID><FieldName>Text1</FieldName><Alias>Đơn vị chủ trì</Alias></ExtendedAttribute>
    <ExtendedAttribute><FieldID>188743734</FieldID><FieldName>Text2</FieldName><Alias>Đơn vị phối hợp</Alias></ExtendedAttribute>
  </ExtendedAttributes>
  <Tasks>
    ${task(1, 'CHUẨN BỊ', 1, '2027-01-11', '2027-05-18', '<Summary>1</Summary>')}
    ${task(2, 'Xây dựng Kế hoạch tổ chức Hội chợ', 2, '2027-01-11', '2027-01-18', `<PercentComplete>100</PercentComplete>${field('188743731', 'Văn phòng')}`)}
    ${task(3, 'Vận động HTX đăng ký gian hàng', 2, '2027-02-15', '2027-04-15', field('188743731', 'Ban Phát triển hợp tác xã') + field('188743734', 'Quỹ Hỗ trợ phát triển HTX'))}
    ${task(4, 'Đêm giao lưu văn nghệ HTX', 2, '2027-05-22', '2027-05-22', `<Active>0</Active>${field('188743731', 'Văn phòng')}`)}
    ${task(5, 'Báo cáo tiến độ chuẩn bị Hội chợ', 1, '2027-02-25', '2027-03-25', `<Summary>1</Summary><Recurring>1</Recurring>${field('188743731', 'Trung tâm Hỗ trợ HTX')}`)}
    ${task(6, 'Báo cáo tiến độ chuẩn bị Hội chợ 1', 2, '2027-02-25', '2027-02-25')}
    ${task(7, 'Báo cáo tiến độ chuẩn bị Hội chợ 2', 2, '2027-03-25', '2027-03-25')}
    ${task(8, 'Tổng kết công tác tổ chức Hội chợ', 1, '2027-06-10', '2027-06-10', field('188743731', 'Trung tâm Hỗ trợ HTX'))}
  </Tasks>
</Project>`;
    expect(rows(text)).toEqual([
      ['Vận động HTX đăng ký gian hàng', ['ban-phat-trien'], ['quy-ho-tro'], '2027-02-15', '2027-04-15'],
      ['Báo cáo tiến độ chuẩn bị Hội chợ (25/02/2027)', ['trung-tam'], [], '2027-02-25', '2027-02-25'],
      ['Báo cáo tiến độ chuẩn bị Hội chợ (25/03/2027)', ['trung-tam'], [], '2027-03-25', '2027-03-25'],
      ['Tổng kết công tác tổ chức Hội chợ', ['trung-tam'], [], '2027-06-10', '2027-06-10'],
    ]);
  });
});
