import { renderDigest, type DigestInput } from '../../src/bot/digest-message';
import { plainText } from '../../src/bot/messages';
import { renderReminder, type ReminderMessageInput } from '../../src/bot/reminder-message';
import { REMINDER_KINDS } from '../../src/domain/reminders';
import { officialCalendar } from '../fixtures/reminders/fixtures';

const base: ReminderMessageInput = {
  kind: 'due-soon',
  target: 'lead',
  task: { number: 12, title: 'Báo cáo sơ kết 6 tháng đầu năm', start: '2025-01-01', end: '2025-03-14' },
  planTitle: 'Chương trình công tác năm 2025',
  leadNames: ['Văn phòng'],
  dueDate: '2025-03-14',
  today: '2025-03-11',
  calendar: officialCalendar,
};
const text = (changes: Partial<ReminderMessageInput>, locale: 'vi' | 'en' = 'vi'): string =>
  plainText(renderReminder({ ...base, ...changes }, locale));

describe('reminder messages', () => {
  it('says what, which plan, the deadline with its weekday, working days left and how to answer (vi)', () => {
    expect(text({}).split('\n')).toEqual([
      '⏰ Sắp đến hạn',
      'Việc số 12: Báo cáo sơ kết 6 tháng đầu năm',
      'Kế hoạch: Chương trình công tác năm 2025',
      'Hạn: Thứ Sáu, 14/03/2025 — còn 3 ngày làm việc',
      'Xong thì gõ /xong 12 hoặc trả lời tin này “xong”.',
    ]);
  });

  it('says the same in English', () => {
    expect(text({}, 'en').split('\n')).toEqual([
      '⏰ Due soon',
      'Task 12: Báo cáo sơ kết 6 tháng đầu năm',
      'Plan: Chương trình công tác năm 2025',
      'Deadline: Friday, 14/03/2025 — 3 working days left',
      'Done? Send /done 12 or reply “done” to this message.',
    ]);
  });

  it('puts the title in bold and the header in bold', () => {
    const reply = renderReminder(base, 'vi');
    expect(reply.segments.filter((s) => s.style === 'bold').map((s) => s.text)).toEqual([
      '⏰ Sắp đến hạn',
      'Báo cáo sơ kết 6 tháng đầu năm',
    ]);
  });

  it('counts working days across Tết, not calendar days', () => {
    // 24/01/2025 is the last working day before the Tết break (25/01–02/02): 03/02 and 04/02 are left.
    expect(text({ today: '2025-01-24', dueDate: '2025-02-04' })).toContain(
      'Hạn: Thứ Ba, 04/02/2025 — còn 2 ngày làm việc',
    );
    expect(text({ today: '2025-01-24', dueDate: '2025-02-04' }, 'en')).toContain('2 working days left');
  });

  it('uses the singular in English for one day, and calls the last working day so', () => {
    expect(text({ kind: 'due-eve', today: '2025-03-13' }, 'en')).toContain('1 working day left');
    expect(text({ kind: 'due-eve', today: '2025-03-13' })).toContain('⚠️ Ngày làm việc tới là hạn');
    expect(text({ kind: 'due-day', today: '2025-03-14' })).toContain(
      'Hạn: Thứ Sáu, 14/03/2025 — hôm nay là ngày làm việc cuối',
    );
    // A deadline on Quốc khánh is reminded on the Friday before: no working day lies in between.
    expect(text({ kind: 'due-day', today: '2025-08-29', dueDate: '2025-09-02' }, 'en')).toContain(
      'Deadline: Tuesday, 02/09/2025 — today is the last working day',
    );
  });

  it('counts working days late for overdue reminders', () => {
    expect(text({ kind: 'overdue', today: '2025-03-18' })).toContain('❗ Quá hạn\n');
    expect(text({ kind: 'overdue', today: '2025-03-18' })).toContain(
      'Hạn: Thứ Sáu, 14/03/2025 — đã quá 2 ngày làm việc',
    );
    expect(text({ kind: 'overdue', today: '2025-03-17' }, 'en')).toContain('1 working day late');
  });

  it('tells the leaders which unit leads the task and asks them to follow up, not to answer', () => {
    const msg = text({
      kind: 'overdue-escalated',
      target: 'leaders',
      today: '2025-03-21',
      leadNames: ['Phòng Tổ chức - Tổng hợp', 'Văn phòng'],
    });
    expect(msg).toContain('Chủ trì: Phòng Tổ chức - Tổng hợp, Văn phòng');
    expect(msg).toContain('đã quá 5 ngày làm việc');
    expect(msg).toContain('Đề nghị lãnh đạo đôn đốc đơn vị chủ trì.');
    expect(msg).not.toContain('/xong');
  });

  it('names the lead unit to a coordinating unit, and says when there is none', () => {
    expect(text({ kind: 'due-eve', target: 'support', today: '2025-03-13' })).toContain('Chủ trì: Văn phòng');
    expect(text({ target: 'lead', leadNames: [] })).toContain('Chủ trì: chưa giao đơn vị');
    expect(text({ target: 'lead', leadNames: [] }, 'en')).toContain('Lead: no unit assigned');
    expect(text({})).not.toContain('Chủ trì');
  });

  it('words banners and campaigns by their window', () => {
    const banner = { task: { ...base.task, start: '2025-04-01', end: '2025-04-30' } };
    expect(text({ ...banner, kind: 'banner-start', dueDate: '2025-04-01', today: '2025-04-01' })).toContain(
      'Thời gian: 01/04/2025 – 30/04/2025',
    );
    expect(
      text({ ...banner, kind: 'banner-prepare', dueDate: '2025-04-01', today: '2025-03-27' }, 'en'),
    ).toContain('Starts: Tuesday, 01/04/2025 — 3 working days left');
    expect(text({ ...banner, kind: 'campaign-end', dueDate: '2025-04-30', today: '2025-04-29' })).toContain(
      'Đề nghị báo cáo kết quả: /xong 12',
    );
    expect(
      text({ ...banner, kind: 'campaign-progress', dueDate: '2025-04-30', today: '2025-04-07' }, 'en'),
    ).toContain('Report progress: /update 12 60%');
  });

  it('has wording for every kind in both languages', () => {
    for (const kind of REMINDER_KINDS) {
      for (const locale of ['vi', 'en'] as const) {
        const msg = plainText(renderReminder({ ...base, kind, today: '2025-03-03' }, locale));
        expect({ kind, locale, msg }).toEqual({
          kind,
          locale,
          msg: expect.not.stringMatching(/reminders:|title\.|when\.|action\./),
        });
        expect(msg).toMatch(/\d{2}\/\d{2}\/\d{4}/);
      }
    }
  });
});

describe('weekly digest message', () => {
  const input: DigestInput = {
    orgName: 'Liên minh HTX tỉnh Thái Bình',
    weekStart: '2025-03-17',
    weekEnd: '2025-03-23',
    totals: { done: 1, late: 1, due: 1 },
    sections: [
      {
        department: 'Văn phòng',
        done: [{ number: 3, title: 'Hội nghị tổng kết', end: '2025-03-12' }],
        late: [{ number: 7, title: 'Báo cáo quý I', end: '2025-03-12', workingDaysLate: 3 }],
        due: [{ number: 9, title: 'Kế hoạch tháng 4', end: '2025-03-20' }],
      },
    ],
  };

  it('lists per department what was finished, what is late and what is due, in the group language', () => {
    const [vi, ...rest] = renderDigest(input, 'vi');
    expect(rest).toEqual([]);
    expect(plainText(vi ?? { segments: [] }).split('\n')).toEqual([
      '📊 Tổng hợp tuần 17/03/2025 – 23/03/2025',
      'Liên minh HTX tỉnh Thái Bình',
      'Tuần trước xong 1 việc · Đang quá hạn 1 · Đến hạn tuần này 1',
      '',
      '▪ Văn phòng',
      '❗ Quá hạn:',
      '  #7 Báo cáo quý I — đã quá 3 ngày làm việc',
      '⏰ Đến hạn tuần này:',
      '  #9 Kế hoạch tháng 4 — hạn 20/03/2025',
      '✅ Xong tuần trước:',
      '  #3 Hội nghị tổng kết',
    ]);
    const en = plainText(renderDigest(input, 'en')[0] ?? { segments: [] });
    expect(en).toContain('Weekly summary 17/03/2025 – 23/03/2025');
    expect(en).toContain('#7 Báo cáo quý I — 3 working days late');
  });

  it('marks a title a scan damaged, so a leader knows the odd words are the scan’s', () => {
    const scanned: DigestInput = {
      ...input,
      sections: [
        {
          ...input.sections[0]!,
          late: [{ ...input.sections[0]!.late[0]!, title: 'Hoi nghi tong ket hogt dong' }],
        },
      ],
    };
    const text = plainText(renderDigest(scanned, 'vi')[0] ?? { segments: [] });
    expect(text).toContain('#7 Hoi nghi tong ket hogt dong (?) — đã quá 3 ngày làm việc');
    expect(text).toContain('#9 Kế hoạch tháng 4 — hạn 20/03/2025');
    expect(text).toContain('(?) tên có vẻ lỗi khi quét: nhóm lãnh đạo sửa bằng /sua <số> tên <tên đúng>.');
    expect(plainText(renderDigest(input, 'vi')[0] ?? { segments: [] })).not.toContain('(?)');
  });

  it('shortens long lists and splits a long digest into several messages', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      number: i + 1,
      title: `Việc ${i + 1} ${'x'.repeat(60)}`,
      end: '2025-03-20',
    }));
    const sections = Array.from({ length: 12 }, (_, i) => ({
      department: `Phòng ${i + 1}`,
      done: [],
      late: [],
      due: many,
    }));
    const replies = renderDigest({ ...input, sections }, 'vi');
    expect(replies.length).toBeGreaterThan(1);
    for (const r of replies) expect(plainText(r).length).toBeLessThan(4096);
    expect(plainText(replies[0] ?? { segments: [] })).toContain('… và 25 việc khác');
    expect(plainText(replies[1] ?? { segments: [] })).toContain('(tiếp theo)');
    expect(
      replies
        .map(plainText)
        .join('\n')
        .match(/▪ Phòng/g),
    ).toHaveLength(12);
  });

  it('says so when there is nothing to report', () => {
    expect(plainText(renderDigest({ ...input, sections: [] }, 'vi')[0] ?? { segments: [] })).toContain(
      'Không có việc nào',
    );
  });
});
