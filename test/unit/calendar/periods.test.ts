import { foldVietnamese, overlaps, parsePeriod, quarterOf } from '../../../src/domain/calendar/periods';

describe('parsePeriod', () => {
  it.each([
    ['Q2', 'quarter', '2025-04-01', '2025-06-30', 'Quý II/2025'],
    ['q2/2025', 'quarter', '2025-04-01', '2025-06-30', 'Quý II/2025'],
    ['Quý II', 'quarter', '2025-04-01', '2025-06-30', 'Quý II/2025'],
    ['quy 2', 'quarter', '2025-04-01', '2025-06-30', 'Quý II/2025'],
    ['QUÝ I', 'quarter', '2025-01-01', '2025-03-31', 'Quý I/2025'],
    ['quý IV năm 2024', 'quarter', '2024-10-01', '2024-12-31', 'Quý IV/2024'],
    ['Quý III/2024', 'quarter', '2024-07-01', '2024-09-30', 'Quý III/2024'],
    ['q1 2028', 'quarter', '2028-01-01', '2028-03-31', 'Quý I/2028'],
    ['6 tháng đầu năm', 'half', '2025-01-01', '2025-06-30', '6 tháng đầu năm 2025'],
    ['6 tháng cuối năm 2024', 'half', '2024-07-01', '2024-12-31', '6 tháng cuối năm 2024'],
    ['6 thang dau nam 2024', 'half', '2024-01-01', '2024-06-30', '6 tháng đầu năm 2024'],
    ['6 tháng', 'half', '2025-01-01', '2025-06-30', '6 tháng đầu năm 2025'],
    ['9 tháng', 'nine-months', '2025-01-01', '2025-09-30', '9 tháng năm 2025'],
    ['9 tháng đầu năm 2024', 'nine-months', '2024-01-01', '2024-09-30', '9 tháng năm 2024'],
    ['tháng 5', 'month', '2025-05-01', '2025-05-31', 'Tháng 5/2025'],
    ['thang 2', 'month', '2025-02-01', '2025-02-28', 'Tháng 2/2025'],
    ['Tháng 2/2024', 'month', '2024-02-01', '2024-02-29', 'Tháng 2/2024'],
    ['5/2025', 'month', '2025-05-01', '2025-05-31', 'Tháng 5/2025'],
    ['tháng 12 năm 2024', 'month', '2024-12-01', '2024-12-31', 'Tháng 12/2024'],
    ['2025', 'year', '2025-01-01', '2025-12-31', 'Năm 2025'],
    ['năm 2024', 'year', '2024-01-01', '2024-12-31', 'Năm 2024'],
    ['cả năm', 'year', '2025-01-01', '2025-12-31', 'Năm 2025'],
    ['  Quý II.  ', 'quarter', '2025-04-01', '2025-06-30', 'Quý II/2025'],
  ])('%j', (text, kind, start, end, label) => {
    expect(parsePeriod(text, 2025)).toMatchObject({ kind, start, end, label });
  });

  it.each(['', 'Q5', 'quý V', 'tháng 13', '13/2025', 'quý 2025', 'hôm nay', 'Q2 abc', 'tháng', 'q2/25'])(
    '%j is not a period',
    (text) => {
      expect(parsePeriod(text, 2025)).toBeNull();
    },
  );

  it('folds accents and case', () => {
    expect(foldVietnamese('  Quý  IV Năm ĐẦU ')).toBe('quy iv nam dau');
  });
});

describe('overlaps', () => {
  const q2 = { start: '2025-04-01', end: '2025-06-30' };
  it('is inclusive at both ends', () => {
    expect(overlaps({ start: '2025-03-29', end: '2025-04-01' }, q2)).toBe(true);
    expect(overlaps({ start: '2025-06-30', end: '2025-07-31' }, q2)).toBe(true);
    expect(overlaps({ start: '2025-01-01', end: '2025-03-31' }, q2)).toBe(false);
    expect(overlaps({ start: '2025-01-01', end: '2025-12-31' }, q2)).toBe(true);
  });

  it('treats a half-open window as its known day and a dateless one as nowhere', () => {
    expect(overlaps({ start: null, end: '2025-04-10' }, q2)).toBe(true);
    expect(overlaps({ start: '2025-07-01', end: null }, q2)).toBe(false);
    expect(overlaps({ start: null, end: null }, q2)).toBe(false);
  });

  it('finds the quarter of a date', () => {
    expect(quarterOf('2024-03-31')).toMatchObject({
      start: '2024-01-01',
      end: '2024-03-31',
      label: 'Quý I/2024',
    });
    expect(quarterOf('2024-04-01').label).toBe('Quý II/2024');
  });
});
