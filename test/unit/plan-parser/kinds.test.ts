import { classifyKind, type KindFacts } from '../../../src/domain/plan-parser';

const kind = (title: string, facts: Partial<KindFacts> = {}): string =>
  classifyKind({ title, committee: false, deadline: false, hasPeaks: false, recurring: false, ...facts });

describe('task kinds', () => {
  it('agenda: what a committee discusses or approves', () => {
    expect(kind('Cho ý kiến đối với công tác tuyên truyền năm 2024')).toBe('agenda');
    expect(kind('Thông qua kế hoạch thành lập Câu lạc bộ dịch vụ nông nghiệp')).toBe('agenda');
    // In a committee's programme, any item is put to the meeting.
    expect(kind('Kế hoạch hoạt động kỷ niệm Ngày HTX Quốc tế', { committee: true })).toBe('agenda');
  });

  it('review: periodic evaluations, also when OCR damaged them', () => {
    expect(kind('Đánh giá kết quả công tác Quý I năm 2024')).toBe('review');
    expect(kind('Tổng kết, đánh giá kết quả công tác năm 2024', { committee: true })).toBe('review');
    expect(kind('Tổ chức Hội nghị sơ kết 6 tháng đầu năm 2025')).toBe('review');
    expect(kind('Hpi nghi tong ket hogt dpng Lién minh HTX thanh pho')).toBe('review');
  });

  it('event: meetings, ceremonies, fairs, trips', () => {
    expect(kind('Tổ chức Lễ phát động Tháng hành động vì HTX năm 2024')).toBe('event');
    expect(kind('Hội thao')).toBe('event');
    expect(kind('Ngày hội hợp tác xã thành phố Hải Phòng năm 2025')).toBe('event');
    expect(kind('Tổ chức Hội nghị kết nối cung cầu và Tổng kết công tác thi đua')).toBe('event');
    expect(kind('Ký kết chương trình phối hợp giữa Liên minh HTX với các đoàn thể')).toBe('event');
  });

  it('deadline: work due by a date, or founding acts', () => {
    expect(kind('Tôn vinh HTX tiêu biểu', { deadline: true })).toBe('deadline');
    expect(kind('Thành lập các Tiểu ban')).toBe('deadline');
  });

  it('campaign: sustained activity, with or without a peak', () => {
    expect(kind('Hoạt động truyền thông', { hasPeaks: true })).toBe('campaign');
    expect(kind('Đẩy mạnh phong trào khởi nghiệp HTX')).toBe('campaign');
    expect(kind('Tổ chức tuyên truyền')).toBe('campaign');
    expect(kind('Phát động phong trào thi đua')).toBe('campaign');
    expect(kind('Đăng tải tin, bài trên Cổng thông tin', { sustained: true })).toBe('campaign');
  });

  it('banner and recurring', () => {
    expect(kind('Các HTX thực hiện treo băng rôn, khẩu hiệu tại đơn vị')).toBe('banner');
    expect(kind('Treo bang ron, khau hieu chao mung Ngay Hop tac xa')).toBe('banner');
    expect(kind('Sinh hoạt thành viên', { recurring: true })).toBe('recurring');
  });
});
