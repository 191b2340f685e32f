import pino from 'pino';
import type { CommandContext } from '../../src/bot/context';
import { plainText } from '../../src/bot/messages';
import { reviewReply } from '../../src/bot/plan-review';
import { createWorkingCalendar } from '../../src/domain/calendar';
import type { DraftTask, PlanDraft } from '../../src/domain/task';
import { fixedClock } from '../../src/shared/clock';
import { t, type Locale } from '../../src/shared/i18n';

function ctxIn(locale: Locale): CommandContext {
  const now = new Date('2025-05-15T09:00:00+07:00');
  return {
    msg: { platform: 'telegram', chat: { id: '1', isGroup: false }, user: { id: 'a', name: 'A' }, text: '' },
    deps: {
      clock: fixedClock(now),
      tz: 'Asia/Ho_Chi_Minh',
      calendar: createWorkingCalendar(),
      defaultLocale: 'vi',
      admins: [],
      t,
      logger: pino({ level: 'silent' }),
    },
    binding: null,
    org: null,
    departments: [],
    locale,
    isAdmin: true,
    roles: { deploymentAdmin: true, adminOf: [] },
    chatRoles: { deploymentAdmin: true, orgAdmin: true, leaders: false, department: null },
    now,
    today: '2025-05-15',
    t: (key, vars) => t(locale, key, vars),
    deptName: (s) => s,
  };
}

const task = (ref: string, over: Partial<DraftTask> = {}): DraftTask => ({
  ref,
  title: `Nhiệm vụ ${ref}`,
  kind: 'deadline',
  lead: ['van-phong'],
  support: [],
  start: '2025-03-01',
  end: '2025-03-31',
  time_text: 'tháng 3',
  ...over,
});

const draft: PlanDraft = {
  org: 'hai-phong',
  title: 'Kế hoạch thử',
  doc_number: '1/KH',
  issued_on: null,
  year: 2025,
  tasks: [
    task('1'),
    task('2', { lead: [], start: null, end: null }),
    task('3', { title: 'To chirc hoi nghi' }),
    ...['4', '5', '6', '7'].map((r) => task(r, { lead: ['ke-hoach'] })),
  ],
  warnings: [
    { ref: '2', code: 'no-lead' },
    { ref: '2', code: 'no-date' },
    { ref: '5', code: 'unknown-unit', detail: 'Ban Kinh tế' },
    { ref: null, code: 'some-new-code' as never },
  ],
};

describe('the review of a plan draft', () => {
  const names = (s: string) => ({ 'van-phong': 'Văn phòng', 'ke-hoach': 'Phòng Kế hoạch' })[s] ?? s;

  it('counts per department, dates, and everything that needs a look, in Vietnamese', () => {
    const text = plainText(
      reviewReply(ctxIn('vi'), draft, { fresh: 5, known: 2 }, names, new Date('2025-05-16T02:00:00Z')),
    );
    expect(text).toMatch(/7 nhiệm vụ: 5 mới, 2 đã có/);
    expect(text).toMatch(/• Phòng Kế hoạch: 4\n• Văn phòng: 2\n• Chưa rõ đơn vị chủ trì: 1/);
    expect(text).toMatch(/Thời gian: 01\/03\/2025 – 31\/03\/2025\n1 nhiệm vụ chưa có thời gian/);
    expect(text).toMatch(/Tên đơn vị “Ban Kinh tế” không khớp phòng, ban nào của hai-phong \(5\)/);
    // Every dated task ended before 15/05/2025, the day the draft is reviewed: nothing would be reminded.
    expect(text).toMatch(
      /Mọi nhiệm vụ đều đã qua hạn tính đến hôm nay 15\/05\/2025 \(hạn muộn nhất 31\/03\/2025\)/,
    );
    expect(text).not.toMatch(/chưa tìm thấy đơn vị chủ trì/);
    // Kinds in Vietnamese, departments by name.
    expect(text).toMatch(/1\. Nhiệm vụ 1 — hạn chót — Văn phòng — /);
    expect(text).not.toMatch(/deadline|van-phong/);
    expect(text).toMatch(/1 mục “some-new-code”/);
    expect(text).toMatch(
      /1 tên có vẻ lỗi khi quét:\n\s+3: “To chirc hoi nghi” \(chưa đề xuất được, cần sửa tay\)/,
    );
    expect(text).toMatch(/… và 2 mục khác trong tệp đính kèm/);
    expect(text).toMatch(/giữ đến 09:00 16\/05\/2025/);
  });

  it('says when most tasks have no lead, which items were skipped (with their line), and undated work', () => {
    const loose: PlanDraft = {
      ...draft,
      tasks: [
        task('II.1', { lead: [], end: '2025-12-31' }),
        task('II.2', { lead: [] }),
        task('II.3', { title: 'Thực hiện nhiệm vụ khác theo chỉ đạo của cấp trên', end: '2025-12-31' }),
      ],
      warnings: [
        {
          ref: 'I.1',
          code: 'skipped-item',
          line: 12,
          detail: 'thuộc phần không giao việc: Nâng cao nhận thức',
        },
        { ref: 'II.3', code: 'time-on-demand' },
      ],
    };
    const text = plainText(
      reviewReply(ctxIn('vi'), loose, { fresh: 3, known: 0 }, names, new Date('2025-05-16T02:00:00Z')),
    );
    expect(text).toMatch(/2\/3 nhiệm vụ chưa tìm thấy đơn vị chủ trì/);
    expect(text).toMatch(/Bỏ qua I\.1 \(dòng 12\): thuộc phần không giao việc: Nâng cao nhận thức/);
    expect(text).toMatch(/1 việc không ghi thời gian \(“theo chỉ đạo…”\), tạm để cả năm 2025: II\.3/);
    expect(text).not.toMatch(/đã qua hạn/);
  });

  it('lists damaged titles with the repair proposed for each, and how to load the repairs', () => {
    const scanned: PlanDraft = {
      ...draft,
      title: 'Ke hoach To chirc Thang hanh déng',
      proposed_title: 'Kế hoạch Tổ chức Tháng hành động',
      tasks: [
        task('III.1', { title: 'Hoat déng truyén thong', proposed_title: 'Hoạt động truyền thông' }),
        task('III.2', { title: 'VLE‘l bd phan Thuong truc' }),
        task('III.3', { title: 'Ngay héi hop tic xa', proposed_title: 'Ngày hội hợp tác xã' }),
        task('III.4', { title: 'Hoi nghi chuyén dé', proposed_title: 'Hội nghị chuyên đề' }),
      ],
      warnings: [],
    };
    const text = plainText(
      reviewReply(ctxIn('vi'), scanned, { fresh: 4, known: 0 }, names, new Date('2025-05-16T02:00:00Z')),
    );
    expect(text).toMatch(/5 tên có vẻ lỗi khi quét; bot đề xuất sửa 4 tên theo các từ đã biết:/);
    expect(text).toMatch(
      /Tên kế hoạch: “Ke hoach To chirc Thang hanh déng” → “Kế hoạch Tổ chức Tháng hành động”/,
    );
    expect(text).toMatch(/III\.1: “Hoat déng truyén thong” → “Hoạt động truyền thông”/);
    expect(text).toMatch(/III\.2: “VLE‘l bd phan Thuong truc” \(chưa đề xuất được, cần sửa tay\)/);
    // Three shown; the rest are in the attached draft.
    expect(text).toMatch(/… và 2 tên khác trong tệp nháp \(cột “Đề xuất sửa tên”\)/);
    expect(text).toMatch(/Gõ \/xacnhan sửa tên để nạp với các tên đã đề xuất/);
  });

  it('reads in English for an English group', () => {
    const text = plainText(
      reviewReply(ctxIn('en'), draft, { fresh: 7, known: 0 }, names, new Date('2025-05-16T02:00:00Z')),
    );
    expect(text).toMatch(/7 tasks: 7 new, 0 already loaded/);
    expect(text).toMatch(/Type \/confirm to load it/);
  });
});
