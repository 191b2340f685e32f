import path from 'node:path';
import { loadHolidayOverrides } from '../../../src/app/calendar-data';
import {
  createWorkingCalendar,
  holidayName,
  isWorkingDay,
  parseHolidayOverrides,
  statutoryHolidays,
  workingDaysIn,
} from '../../../src/domain/calendar';

const rulesOnly = createWorkingCalendar();
const names = (year: number): string[] => statutoryHolidays(year).map((h) => `${h.date} ${h.name}`);

describe('statutory holidays by rule', () => {
  it('gives Tết from the last day of the lunar year to mùng 4, with nghỉ bù for its weekend days', () => {
    // Tết 2025: mùng 1 = Wed 29/1, so 28/1–1/2; Saturday 1/2 is compensated on Monday 3/2.
    expect(names(2025).filter((n) => n.includes('Tết Nguyên'))).toEqual([
      '2025-01-28 Tết Nguyên đán',
      '2025-01-29 Tết Nguyên đán',
      '2025-01-30 Tết Nguyên đán',
      '2025-01-31 Tết Nguyên đán',
      '2025-02-01 Tết Nguyên đán',
      '2025-02-03 Nghỉ bù Tết Nguyên đán',
    ]);
  });

  it('takes the Quốc khánh neighbour that joins a weekend, as the announced years did', () => {
    const nationalDays = (year: number): string[] =>
      statutoryHolidays(year)
        .filter((h) => h.name.includes('Quốc khánh'))
        .map((h) => h.date);
    expect(nationalDays(2021)).toEqual(['2021-09-02', '2021-09-03']); // Thu → Fri
    expect(nationalDays(2022)).toEqual(['2022-09-01', '2022-09-02']); // Fri → Thu
    expect(nationalDays(2023)).toEqual(['2023-09-01', '2023-09-02', '2023-09-04']); // Sat → Fri + nghỉ bù Mon
    expect(nationalDays(2024)).toEqual(['2024-09-02', '2024-09-03']); // Mon → Tue
    expect(nationalDays(2025)).toEqual(['2025-09-01', '2025-09-02']); // Tue → Mon
    expect(nationalDays(2026)).toEqual(['2026-09-02', '2026-09-03']); // Wed → Thu
    expect(nationalDays(2029)).toEqual(['2029-09-02', '2029-09-03', '2029-09-04']); // Sun → Mon + nghỉ bù Tue
  });

  it('compensates fixed and lunar holidays that fall on a weekend on the next free working day', () => {
    // 2022: 1/1 Saturday; Giỗ Tổ Sunday 10/4; 30/4 Saturday and 1/5 Sunday.
    expect(holidayName('2022-01-03', rulesOnly)).toBe('Nghỉ bù Tết Dương lịch');
    expect(holidayName('2022-04-11', rulesOnly)).toBe('Nghỉ bù Giỗ Tổ Hùng Vương');
    expect(holidayName('2022-05-02', rulesOnly)).toBe('Nghỉ bù Ngày Chiến thắng 30/4');
    expect(holidayName('2022-05-03', rulesOnly)).toBe('Nghỉ bù Ngày Quốc tế Lao động 1/5');
    expect(isWorkingDay('2022-05-04', rulesOnly)).toBe(true);
    // 2026: Giỗ Tổ on Sunday 26/4 inside the banner month.
    expect(holidayName('2026-04-26', rulesOnly)).toBe('Giỗ Tổ Hùng Vương');
    expect(isWorkingDay('2026-04-27', rulesOnly)).toBe(false);
  });

  it('can switch compensation off and change the Tết span', () => {
    const cal = createWorkingCalendar({ rules: { compensate: false, tetFirstDayOffset: -2, tetLength: 7 } });
    // 28 Tết (27/1) to mùng 5 (2/2); the weekend days inside it are not made up.
    expect(workingDaysIn('2025-01-24', '2025-02-04', cal)).toEqual([
      '2025-01-24',
      '2025-02-03',
      '2025-02-04',
    ]);
    expect(holidayName('2025-01-27', cal)).toBe('Tết Nguyên đán');
  });
});

describe('holiday overrides', () => {
  const overrides = parseHolidayOverrides({
    $comment: 'notes are ignored',
    '2025': {
      complete: true,
      off: [
        { from: '2025-01-25', to: '2025-02-02', reason: 'Tết Nguyên đán' },
        { date: '2025-05-02', reason: 'Nghỉ hoán đổi' },
      ],
      work: [{ date: '2025-04-26', reason: 'Làm bù cho 02/5' }],
    },
    '2027': {
      off: [{ date: '2027-12-31', reason: 'Nghỉ thêm' }],
      work: [{ date: '2027-01-01', reason: 'test: cancel a rule holiday' }],
    },
  });
  const cal = createWorkingCalendar({ overrides });

  it('replaces the rules in a complete year', () => {
    expect(isWorkingDay('2025-01-27', cal)).toBe(false);
    expect(holidayName('2025-01-27', cal)).toBe('Tết Nguyên đán');
    expect(isWorkingDay('2025-02-03', cal)).toBe(true); // the rule's nghỉ bù does not apply
    expect(isWorkingDay('2025-04-30', cal)).toBe(true); // not listed in this complete year
    expect(isWorkingDay('2025-05-02', cal)).toBe(false);
  });

  it('makes a swapped Saturday a working day', () => {
    expect(isWorkingDay('2025-04-26', cal)).toBe(true);
    expect(holidayName('2025-04-26', cal)).toBeNull();
  });

  it('adds to the rules in other years, and work days cancel rule holidays', () => {
    expect(isWorkingDay('2027-12-31', cal)).toBe(false);
    expect(isWorkingDay('2027-01-01', cal)).toBe(true);
    expect(isWorkingDay('2027-02-08', cal)).toBe(false); // Tết by rule
  });

  it('rejects malformed tables with the place of the fault', () => {
    expect(() => parseHolidayOverrides([])).toThrow(/top level/);
    expect(() => parseHolidayOverrides({ next: {} })).toThrow(/keys must be years/);
    expect(() => parseHolidayOverrides({ '2025': { off: [{ date: '2026-01-01', reason: 'x' }] } })).toThrow(
      /2025.off\[0\].*not in 2025/,
    );
    expect(() => parseHolidayOverrides({ '2025': { off: [{ date: '2025-02-30', reason: 'x' }] } })).toThrow(
      /YYYY-MM-DD/,
    );
    expect(() => parseHolidayOverrides({ '2025': { off: [{ date: '2025-02-03' }] } })).toThrow(/reason/);
    expect(() =>
      parseHolidayOverrides({ '2025': { off: [{ from: '2025-02-05', to: '2025-02-03', reason: 'x' }] } }),
    ).toThrow(/after/);
    expect(() =>
      parseHolidayOverrides({
        '2025': { off: [{ date: '2025-02-03', reason: 'x' }], work: [{ date: '2025-02-03', reason: 'y' }] },
      }),
    ).toThrow(/both/);
  });
});

describe('data/holidays.json', () => {
  it('holds the announced schedules of 2024 and 2025', async () => {
    const cal = createWorkingCalendar({
      overrides: await loadHolidayOverrides(path.join(__dirname, '../../../data/holidays.json')),
    });
    // Tết 2025: 25/1–2/2; 30/4–2/5 with Saturday 26/4 worked; Quốc khánh 1–2/9.
    expect(workingDaysIn('2025-01-24', '2025-02-04', cal)).toEqual([
      '2025-01-24',
      '2025-02-03',
      '2025-02-04',
    ]);
    expect(workingDaysIn('2025-04-26', '2025-05-05', cal)).toEqual([
      '2025-04-26',
      '2025-04-28',
      '2025-04-29',
      '2025-05-05',
    ]);
    expect(workingDaysIn('2025-08-29', '2025-09-03', cal)).toEqual(['2025-08-29', '2025-09-03']);
    // 2024: Tết 8–14/2; 29/4 swapped with Saturday 4/5; Giỗ Tổ 18/4; Quốc khánh 2–3/9.
    expect(workingDaysIn('2024-02-07', '2024-02-15', cal)).toEqual(['2024-02-07', '2024-02-15']);
    expect(workingDaysIn('2024-04-26', '2024-05-04', cal)).toEqual([
      '2024-04-26',
      '2024-05-02',
      '2024-05-03',
      '2024-05-04',
    ]);
    expect(holidayName('2024-04-18', cal)).toBe('Giỗ Tổ Hùng Vương');
    expect(workingDaysIn('2024-08-30', '2024-09-04', cal)).toEqual(['2024-08-30', '2024-09-04']);
    // 2026 Tết 14–22/2 as announced; the rest of 2026 by rule (Giỗ Tổ Sunday 26/4 → nghỉ bù 27/4).
    expect(workingDaysIn('2026-02-13', '2026-02-23', cal)).toEqual(['2026-02-13', '2026-02-23']);
    expect(isWorkingDay('2026-04-27', cal)).toBe(false);
  });
});
