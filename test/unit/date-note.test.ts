import { offDayNote } from '../../src/bot/date-note';
import { createWorkingCalendar } from '../../src/domain/calendar';
import { categorise, deadlineOf, isOverdue } from '../../src/domain/status-report';
import { t } from '../../src/shared/i18n';
import type { BotDeps } from '../../src/bot/context';

const ctx = (locale: 'vi' | 'en') => ({
  deps: { calendar: createWorkingCalendar() } as BotDeps,
  t: (key: string, vars?: Record<string, unknown>) => t(locale, key, vars),
});

describe('a typed date on a day off', () => {
  it('names the holiday or the weekend and the working day the bot reminds on', () => {
    expect(offDayNote(ctx('vi'), '2025-04-30')).toBe(
      'Lưu ý: 30/04/2025 là ngày nghỉ lễ (Ngày Chiến thắng 30/4); bot nhắc vào ngày làm việc trước đó, 29/04/2025.',
    );
    expect(offDayNote(ctx('vi'), '2025-04-20')).toBe(
      'Lưu ý: 20/04/2025 là Chủ nhật; bot nhắc vào ngày làm việc trước đó, 18/04/2025.',
    );
    expect(offDayNote(ctx('en'), '2025-04-19')).toBe(
      'Note: 19/04/2025 is a Saturday; the bot reminds on the working day before, 18/04/2025.',
    );
  });

  it('says nothing on a working day or without a date', () => {
    expect(offDayNote(ctx('vi'), '2025-04-29')).toBeNull();
    expect(offDayNote(ctx('vi'), null)).toBeNull();
  });
});

describe('one counting rule for duties and dated tasks', () => {
  const duty = {
    kind: 'duty' as const,
    status: 'open' as const,
    progress: 0,
    start: '2024-01-01',
    end: '2024-12-31',
    completedOn: null,
  };
  const dated = { ...duty, kind: 'deadline' as const };

  it('a standing duty has no deadline, so it is never overdue; a dated task is', () => {
    expect(deadlineOf(duty)).toBeNull();
    expect(deadlineOf(dated)).toBe('2024-12-31');
    expect(isOverdue(duty, '2026-12-01')).toBe(false);
    expect(isOverdue(dated, '2026-12-01')).toBe(true);
    expect(categorise(duty, '2026-12-01')).toBe('inProgress');
    expect(categorise(dated, '2026-12-01')).toBe('overdue');
  });

  it('a duty finished after its window is done on time', () => {
    expect(categorise({ ...duty, status: 'done', completedOn: '2025-03-01' }, '2026-12-01')).toBe(
      'doneOnTime',
    );
    expect(categorise({ ...dated, status: 'done', completedOn: '2025-03-01' }, '2026-12-01')).toBe(
      'doneLate',
    );
  });
});
