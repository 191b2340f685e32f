import {
  buildOutline,
  detectMarker,
  normalizeText,
  toParagraphs,
  type OutlineNode,
} from '../../../src/domain/plan-parser';
import { readField } from '../../../src/domain/plan-parser/items/fields';
import { classifySection } from '../../../src/domain/plan-parser/items/sections';
import { cleanTitle } from '../../../src/domain/plan-parser/items/titles';

/** The outline as "label text" lines, indented by depth. */
function sketch(node: OutlineNode, depth = 0): string[] {
  return node.children.flatMap((c) => [
    `${'  '.repeat(depth)}${c.marker ? `${c.marker.label} ` : ''}${c.text.slice(0, 40)}`,
    ...sketch(c, depth + 1),
  ]);
}

const outline = (text: string): string[] => sketch(buildOutline(toParagraphs(normalizeText(text))));

describe('item markers', () => {
  it.each([
    ['I. MỤC ĐÍCH, YÊU CẦU', 'roman', 'I'],
    ['III. NỘI DUNG HOẠT ĐỘNG', 'roman', 'III'],
    ['I11. NOI DUNG HOAT DONG', 'roman', 'III'],
    ['|. MUC PiCH, YEU CAU:', 'roman', 'I'],
    ['1. Quý I/2024', 'number', '1'],
    ['12. Đẩy mạnh hợp tác quốc tế', 'number', '12'],
    ['1.1 Đối tượng: cán bộ', 'multi', '1.1'],
    ['2.3. Nội dung và chương trình', 'multi', '2.3'],
    ['(1) Cho ý kiến đối với', 'paren', '(1)'],
    ['a) Nội dung của hội nghị', 'letter', 'a'],
    ['b. Nguồn hội phí', 'letter', 'b'],
    ['- Thời gian: tháng 4', 'bullet', '-'],
    ['+ Tham mưu tổ chức', 'bullet', '+'],
    ['* Thoi gian: Thang 4/2025', 'bullet', '*'],
  ])('%s', (line, kind, label) => {
    expect(detectMarker(line)).toMatchObject({ kind, label });
  });

  it.each(['2024. Cao điểm tháng 4-5/2024', 'Văn phòng chủ trì', 'V. tại đây', '11/4 là Ngày HTX'])(
    'no marker: %s',
    (line) => {
      expect(detectMarker(line)).toBeNull();
    },
  );
});

describe('paragraphs and outline', () => {
  it('joins the printed lines of a PDF paragraph and keeps items apart', () => {
    const pdf = [
      '(1) Cho ý kiến đối với công tác thi đua, khen thưởng và các hoạt động gắn ',
      '',
      'với công tác thi đua, khen thưởng năm 2024. ',
      '',
      'Đơn vị chủ trì chuẩn bị: Phòng Kiểm tra và Tổ chức thành viên, Trung tâm ',
      '',
      'Đào tạo. ',
      '',
      '(2) Thông qua kế hoạch thành lập Câu lạc bộ dịch vụ nông nghiệp. ',
    ].join('\n');
    expect(toParagraphs(normalizeText(pdf)).map((p) => p.text)).toEqual([
      '(1) Cho ý kiến đối với công tác thi đua, khen thưởng và các hoạt động gắn với công tác thi đua, khen thưởng năm 2024.',
      'Đơn vị chủ trì chuẩn bị: Phòng Kiểm tra và Tổ chức thành viên, Trung tâm Đào tạo.',
      '(2) Thông qua kế hoạch thành lập Câu lạc bộ dịch vụ nông nghiệp.',
    ]);
  });

  it('does not read a wrapped year as an item number', () => {
    const text = '+ Thường trực: Kiểm tra thường xuyên cả năm\n2024. Cao điểm tháng 4-5/2024.';
    expect(toParagraphs(normalizeText(text)).map((p) => p.text)).toEqual([
      '+ Thường trực: Kiểm tra thường xuyên cả năm 2024. Cao điểm tháng 4-5/2024.',
    ]);
  });

  it('nests roman sections, numbers, (n), a) and bullets; unmarked paragraphs belong to the item above', () => {
    const text = [
      'I. CHƯƠNG TRÌNH CÔNG TÁC',
      '1. Quý I/2024',
      '(1) Cho ý kiến đối với kế hoạch A.',
      'Đơn vị chủ trì: Văn phòng.',
      '(2) Thông qua kế hoạch B.',
      '- Nội dung: tổng kết',
      '+ chi tiết',
      'Ghi chú thêm.',
      '- Thời gian: tháng 3',
      '2. Quý II/2024',
      'a) Việc C',
      'II. TỔ CHỨC THỰC HIỆN',
      '1.1 Văn phòng',
    ].join('\n');
    expect(outline(text)).toEqual([
      'I CHƯƠNG TRÌNH CÔNG TÁC',
      '  1 Quý I/2024',
      '    (1) Cho ý kiến đối với kế hoạch A.',
      '      Đơn vị chủ trì: Văn phòng.',
      '    (2) Thông qua kế hoạch B.',
      '      - Nội dung: tổng kết',
      '        + chi tiết',
      '      Ghi chú thêm.',
      '      - Thời gian: tháng 3',
      '  2 Quý II/2024',
      '    a Việc C',
      'II TỔ CHỨC THỰC HIỆN',
      '  1.1 Văn phòng',
    ]);
  });

  it('stops at the list of recipients', () => {
    expect(outline('1. Việc A\nNơi nhận:\n- Lưu: VT, KHTH.')).toEqual(['1 Việc A']);
  });
});

describe('fields, sections and titles', () => {
  it('reads field labels, with OCR damage, and their values', () => {
    expect(readField('Đơn vị chủ trì chuẩn bị: Phòng Kế hoạch – Tổng hợp.')).toMatchObject({
      kind: 'lead',
      value: 'Phòng Kế hoạch – Tổng hợp.',
    });
    expect(readField('Chủ trì tham mưu: Văn phòng')).toMatchObject({ kind: 'lead', value: 'Văn phòng' });
    expect(readField('Đơn vị tham mưu và phối hợp: Phòng Phong trào HTX')).toMatchObject({
      kind: 'lead-support',
    });
    expect(readField('Đơn vị phối hợp thực hiện: Văn phòng')).toMatchObject({
      kind: 'support',
      value: 'Văn phòng',
    });
    expect(readField('Thoi gian: Thang 4/2025')).toMatchObject({ kind: 'time', value: 'Thang 4/2025' });
    expect(readField('Ngi dung: Giao luu van nghe')).toMatchObject({ kind: 'other' });
    expect(readField('1.3. Thời gian, địa điểm')).toBeNull();
    expect(readField('Thời gian, địa điểm')).toMatchObject({ kind: 'time', colon: false, value: '' });
    // "Thường trực" is not "Phương thức"; "Chủ trì" without a colon opens a sentence.
    expect(readField('Thường trực Liên minh HTX tỉnh: Kiểm tra')).toBeNull();
    expect(readField('Chủ trì theo dõi, đôn đốc')).toBeNull();
  });

  it('classifies sections by their headings', () => {
    expect(classifySection('MỤC ĐÍCH, YÊU CẦU').kind).toBe('skip');
    expect(classifySection('MUC PiCH, YEU CAU:').kind).toBe('skip');
    expect(classifySection('KINH PHÍ THỰC HIỆN').kind).toBe('skip');
    expect(classifySection('TỔ CHỨC THỰC HIỆN').kind).toBe('duties');
    expect(classifySection('THỜI GIAN THỰC HIỆN').kind).toBe('time');
    expect(classifySection('NỘI DUNG HOẠT ĐỘNG').kind).toBe('tasks');
    expect(classifySection('CHƯƠNG TRÌNH CÔNG TÁC CỦA BAN THƯỜNG VỤ')).toEqual({
      kind: 'tasks',
      committee: true,
    });
  });

  it('cleans titles: long notes, further sentences and "với các nội dung:" go', () => {
    expect(
      cleanTitle(
        'Cho ý kiến đối với công tác đào tạo, bồi dưỡng năm 2024 (trọng tâm đối với các công tác đào tạo, bồi dưỡng, tập huấn cán bộ quản lý HTX).',
      ),
    ).toBe('Cho ý kiến đối với công tác đào tạo, bồi dưỡng năm 2024');
    expect(cleanTitle('Cho ý kiến đối với kế hoạch tổ chức chung kết Cuộc thi (cấp thành phố).')).toBe(
      'Cho ý kiến đối với kế hoạch tổ chức chung kết Cuộc thi (cấp thành phố)',
    );
    expect(cleanTitle('Ngày hội hợp tác xã năm 2025 với các nội dung:')).toBe('Ngày hội hợp tác xã năm 2025');
    expect(
      cleanTitle(
        'Tổng hợp, phân loại phản ánh của thành viên. Trên cơ sở trả lời của các đơn vị liên quan xây dựng báo cáo.',
      ),
    ).toBe('Tổng hợp, phân loại phản ánh của thành viên');
  });
});
