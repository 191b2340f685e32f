import { numberedAnswer } from '../../../src/bot/commands/change';
import { plainText } from '../../../src/bot/messages';
import {
  parsePressData,
  pressData,
  renderReminder,
  renderReminderBatch,
  type ReminderMessageInput,
} from '../../../src/bot/reminder-message';
import type { ReminderKind } from '../../../src/domain/reminders';
import { officialCalendar } from '../../fixtures/reminders/fixtures';

const today = '2025-03-26';
function item(
  number: number,
  kind: ReminderKind,
  dueDate: string,
  title = `Việc ${number}`,
): ReminderMessageInput {
  return {
    kind,
    target: 'lead',
    leadNames: ['Văn phòng'],
    task: { number, title, start: null, end: dueDate },
    dueDate,
    today,
    calendar: officialCalendar,
  };
}

describe('a morning’s reminder message', () => {
  it('a single item reads exactly as a single reminder, with its buttons', () => {
    const one = item(12, 'due-soon', '2025-03-31', 'Báo cáo quý I');
    const reply = renderReminderBatch([one], 'vi');
    expect(reply.segments).toEqual(renderReminder(one, 'vi').segments);
    expect(reply.buttons?.map((row) => row.map((b) => b.data))).toEqual([
      ['rm:done:12', 'rm:p50:12', 'rm:p100:12', 'rm:snooze:12', 'rm:extend:12'],
    ]);
  });

  it('groups several by what they ask, the nearest first, and cuts a long list', () => {
    const items = [
      item(3, 'overdue', '2025-03-20'),
      item(4, 'due-soon', '2025-04-04'),
      item(5, 'due-soon', '2025-03-31'),
      item(6, 'campaign-prepare', '2025-03-29', 'Cao điểm truyền thông'),
      item(7, 'due-day', '2025-03-26'),
      ...Array.from({ length: 6 }, (_, i) => item(20 + i, 'overdue', '2025-03-1' + i)),
    ];
    const reply = renderReminderBatch(items, 'vi');
    const text = plainText(reply);
    expect(text.startsWith('🔔 Nhắc việc hôm nay: 11 việc')).toBe(true);
    const at = (s: string): number => text.indexOf(s);
    expect(at('📣 Sắp bắt đầu')).toBeLessThan(at('⏰ Sắp đến hạn'));
    expect(at('⏰ Sắp đến hạn')).toBeLessThan(at('🔴 Hạn hôm nay'));
    expect(at('🔴 Hạn hôm nay')).toBeLessThan(at('❗ Quá hạn'));
    expect(at('#5 ')).toBeLessThan(at('#4 ')); // 31/03 before 04/04
    expect(text).toContain('#6 Cao điểm truyền thông — Bắt đầu: Thứ Bảy, 29/03/2025');
    expect(text).toContain('… và 3 việc khác — /viec');
    expect(reply.buttons).toHaveLength(8);
  });

  it('tells a group without buttons (Zalo) what to type, not to press a button', () => {
    const items = [item(3, 'overdue', '2025-03-20'), item(4, 'due-soon', '2025-04-04')];
    expect(plainText(renderReminderBatch(items, 'vi'))).toContain('Bấm nút dưới tin');
    const typed = plainText(renderReminderBatch(items, 'vi', { buttons: false }));
    expect(typed).not.toMatch(/Bấm nút/);
    expect(typed).toContain('Trả lời tin này “xong 4”, “80% 4”; hoãn: /hoan 4 3.');
    expect(plainText(renderReminderBatch(items, 'en', { buttons: false }))).toContain(
      'Reply to this message “done 4”',
    );
  });

  it('button data round-trips and stays under Telegram’s 64 bytes', () => {
    const data = pressData('snooze', 1234567);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(parsePressData(data)).toEqual({ action: 'snooze', number: 1234567 });
    expect(parsePressData('rm:drop:1')).toBeNull();
  });
});

describe('replies that name the item', () => {
  it.each([
    ['xong 12', 12, 'xong'],
    ['12 xong', 12, 'xong'],
    ['80% 12', 12, '80%'],
    ['12 80%', 12, '80%'],
    ['Đã hoàn thành #7 gửi sở rồi', 7, 'xong gửi sở rồi'],
  ])('%s → task %d, "%s"', (text, number, answer) => {
    expect(numberedAnswer(text)).toEqual({ number, answer });
  });

  it('leaves an answer without a number to the one-item rule', () => {
    expect(numberedAnswer('xong')).toBeNull();
    expect(numberedAnswer('80%')).toBeNull();
    expect(numberedAnswer('đang chờ số liệu 12 đơn vị')).toBeNull();
  });
});
