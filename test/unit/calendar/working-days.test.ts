import {
  addWorkingDays,
  createWorkingCalendar,
  holidayName,
  isWorkingDay,
  nextWorkingDay,
  onOrAfterWorkingDay,
  onOrBeforeWorkingDay,
  parseHolidayOverrides,
  previousWorkingDay,
  workingDaysBetween,
} from '../../../src/domain/calendar';

const cal = createWorkingCalendar({
  overrides: parseHolidayOverrides({
    '2025': {
      complete: true,
      off: [
        { date: '2025-01-01', reason: 'Tết Dương lịch' },
        { from: '2025-01-25', to: '2025-02-02', reason: 'Tết Nguyên đán' },
        { date: '2025-04-07', reason: 'Giỗ Tổ Hùng Vương' },
        { date: '2025-04-30', reason: 'Ngày Chiến thắng 30/4' },
        { date: '2025-05-01', reason: 'Ngày Quốc tế Lao động 1/5' },
        { date: '2025-05-02', reason: 'Nghỉ hoán đổi' },
        { from: '2025-09-01', to: '2025-09-02', reason: 'Quốc khánh 2/9' },
      ],
      work: [{ date: '2025-04-26', reason: 'Làm bù cho 02/5' }],
    },
  }),
});

describe('working days', () => {
  it('rests on weekends and holidays', () => {
    expect(isWorkingDay('2025-04-29', cal)).toBe(true);
    expect(isWorkingDay('2025-04-30', cal)).toBe(false);
    expect(holidayName('2025-04-30', cal)).toBe('Ngày Chiến thắng 30/4');
    expect(isWorkingDay('2025-04-27', cal)).toBe(false); // Sunday
    expect(holidayName('2025-04-27', cal)).toBeNull();
    expect(isWorkingDay('2025-04-26', cal)).toBe(true); // swapped Saturday
    expect(isWorkingDay('2025-04-07', cal)).toBe(false); // Giỗ Tổ
  });

  it('steps to the previous and next working day over long breaks', () => {
    expect(previousWorkingDay('2025-02-03', cal)).toBe('2025-01-24');
    expect(nextWorkingDay('2025-01-24', cal)).toBe('2025-02-03');
    expect(nextWorkingDay('2025-04-29', cal)).toBe('2025-05-05');
    expect(previousWorkingDay('2025-04-28', cal)).toBe('2025-04-26');
    // Across a year end: 1/1/2026 is a holiday by rule.
    expect(nextWorkingDay('2025-12-31', cal)).toBe('2026-01-02');
  });

  it('moves a window ending on a holiday to the working day before', () => {
    expect(onOrBeforeWorkingDay('2025-04-30', cal)).toBe('2025-04-29');
    expect(onOrBeforeWorkingDay('2025-02-02', cal)).toBe('2025-01-24');
    expect(onOrBeforeWorkingDay('2025-04-29', cal)).toBe('2025-04-29');
    expect(onOrAfterWorkingDay('2025-04-30', cal)).toBe('2025-05-05');
  });

  it('adds working days both ways', () => {
    expect(addWorkingDays('2025-04-01', -3, cal)).toBe('2025-03-27');
    expect(addWorkingDays('2025-04-29', 1, cal)).toBe('2025-05-05');
    expect(addWorkingDays('2025-04-24', 2, cal)).toBe('2025-04-26');
    expect(addWorkingDays('2025-03-30', 0, cal)).toBe('2025-03-30');
    // Counting from a non-working day: 3 working days before Sunday 30/3 is Wednesday 26/3.
    expect(addWorkingDays('2025-03-30', -3, cal)).toBe('2025-03-26');
    expect(() => addWorkingDays('2025-03-30', 1.5, cal)).toThrow(RangeError);
  });

  it('counts working days in (a, b]', () => {
    expect(workingDaysBetween('2025-04-25', '2025-05-05', cal)).toBe(4); // 26, 28, 29 April and 5 May
    expect(workingDaysBetween('2025-05-05', '2025-04-25', cal)).toBe(-4);
    expect(workingDaysBetween('2025-04-29', '2025-04-29', cal)).toBe(0);
    expect(workingDaysBetween('2025-01-24', '2025-02-03', cal)).toBe(1);
  });

  it('crosses a quarter boundary and a leap day', () => {
    // Quý I/2024 ends Sunday 31/3; Quý II starts Monday 1/4.
    const rules = createWorkingCalendar();
    expect(onOrBeforeWorkingDay('2024-03-31', rules)).toBe('2024-03-29');
    expect(addWorkingDays('2024-03-29', 1, rules)).toBe('2024-04-01');
    expect(workingDaysBetween('2024-03-29', '2024-04-01', rules)).toBe(1);
    expect(isWorkingDay('2024-02-29', rules)).toBe(true); // Thursday
    expect(addWorkingDays('2024-02-28', 2, rules)).toBe('2024-03-01');
    expect(isWorkingDay('2028-02-29', rules)).toBe(true); // Tuesday
    expect(addWorkingDays('2028-03-01', -1, rules)).toBe('2028-02-29');
  });
});

describe('remembered answers', () => {
  it('are kept per calendar: a day off in one calendar stays a working day in another', () => {
    // Saturday 26/04/2025 is a swapped working day in `cal` only; 29/04 is a working day in `cal` only.
    const other = createWorkingCalendar({
      overrides: parseHolidayOverrides({
        '2025': { complete: true, off: [{ date: '2025-04-29', reason: 'Nghỉ riêng' }], work: [] },
      }),
    });
    for (let i = 0; i < 3; i++) {
      expect(isWorkingDay('2025-04-26', cal)).toBe(true);
      expect(isWorkingDay('2025-04-26', other)).toBe(false);
      expect(isWorkingDay('2025-04-29', cal)).toBe(true);
      expect(isWorkingDay('2025-04-29', other)).toBe(false);
    }
    expect(addWorkingDays('2025-04-28', 1, other)).toBe('2025-04-30');
    expect(addWorkingDays('2025-04-28', 1, cal)).toBe('2025-04-29');
  });
});
