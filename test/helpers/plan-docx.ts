/** A plan as a Word file, built in the test with the `docx` package, as a secretary would receive it. */
import { Document, Packer, Paragraph, TextRun } from 'docx';

export const PLAN_PARAGRAPHS = [
  'LIÊN MINH HỢP TÁC XÃ THÀNH PHỐ HẢI PHÒNG',
  'Số: 45/KH-LMHTX',
  'Hải Phòng, ngày 10 tháng 3 năm 2025',
  'KẾ HOẠCH',
  'Triển khai công tác hỗ trợ hợp tác xã năm 2025',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '- Bảo đảm các hoạt động thiết thực, hiệu quả.',
  'II. NỘI DUNG',
  '1. Tổ chức tập huấn chuyển đổi số cho hợp tác xã. Đơn vị chủ trì: Trung tâm Đào tạo; thời gian: tháng 6/2025.',
  '2. Báo cáo kết quả triển khai Luật Hợp tác xã năm 2023. Đơn vị chủ trì: Phòng Kế hoạch – Tổng hợp; phối hợp: Văn phòng; thời gian: trước ngày 30/6/2025.',
  '3. Hoat déng truyén thong ve Ngay HTX Viet Nam. Đơn vị chủ trì: Phòng Thông tin và Tuyên truyền; thời gian: tháng 4/2025.',
  'III. TỔ CHỨC THỰC HIỆN',
  'Các phòng, đơn vị căn cứ kế hoạch triển khai thực hiện.',
];

export async function planDocx(paragraphs: string[] = PLAN_PARAGRAPHS): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }],
  });
  return Packer.toBuffer(doc);
}
