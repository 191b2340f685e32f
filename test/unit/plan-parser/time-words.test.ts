import { readTime, yearWindow, type TimeContext } from '../../../src/domain/plan-parser';
import { hasTimeCue, isSpecificTime } from '../../../src/domain/plan-parser/time/time-words';

const ctx: TimeContext = { year: 2024, plan: yearWindow(2024) };

function win(text: string, c: TimeContext = ctx): [string | null, string | null] {
  const w = readTime(text, c).window;
  return [w?.start ?? null, w?.end ?? null];
}

describe('time words → window', () => {
  it.each([
    ['Quý I/2024', '2024-01-01', '2024-03-31'],
    ['Quý II/2024', '2024-04-01', '2024-06-30'],
    ['Quý III năm 2024', '2024-07-01', '2024-09-30'],
    ['quý 4', '2024-10-01', '2024-12-31'],
    ['Quý I và Quý II/2025', '2025-01-01', '2025-06-30'],
    ['tháng 4/2024', '2024-04-01', '2024-04-30'],
    ['trong tháng 4/2024', '2024-04-01', '2024-04-30'],
    ['Trong tháng 6 năm 2025', '2025-06-01', '2025-06-30'],
    ['Tháng 01 năm 2026', '2026-01-01', '2026-01-31'],
    ['tháng 2', '2024-02-01', '2024-02-29'],
    ['ngày 28/3/2024', '2024-03-28', '2024-03-28'],
    ['Dự kiến ngày 28/3/2024 (Thứ Năm)', '2024-03-28', '2024-03-28'],
    ['ngày 20 tháng 3 năm 2024', '2024-03-20', '2024-03-20'],
    ['trung tuần tháng 10', '2024-10-11', '2024-10-20'],
    ['Dự kiến trung tuần tháng 10 năm 2024.', '2024-10-11', '2024-10-20'],
    ['thượng tuần tháng 9 năm 2024', '2024-09-01', '2024-09-10'],
    ['hạ tuần tháng 2/2024', '2024-02-21', '2024-02-29'],
    ['đầu tháng 6', '2024-06-01', '2024-06-10'],
    ['cuối tháng 5', '2024-05-21', '2024-05-31'],
    ['giữa tháng 7', '2024-07-11', '2024-07-20'],
    ['½ ngày, dự kiến vào cuối tháng 5, hoặc đầu tháng 6 năm 2024', '2024-05-21', '2024-06-10'],
    ['tháng 4-5/2024', '2024-04-01', '2024-05-31'],
    ['từ tháng 01 năm 2025 đến hết tháng 6 năm 2025', '2025-01-01', '2025-06-30'],
    ['tháng 12/2025 - tháng 01/2026', '2025-12-01', '2026-01-31'],
    ['Từ ngày 20/3 đến trước 01/7/2024', '2024-03-20', '2024-06-30'],
    ['từ ngày 01/4 đến hết ngày 30/4/2025', '2025-04-01', '2025-04-30'],
    ['29/3/2024 - 29/4/2024', '2024-03-29', '2024-04-29'],
    ['từ 01/12 đến 15/01/2025', '2024-12-01', '2025-01-15'],
    ['cả năm', '2024-01-01', '2024-12-31'],
    ['Cả năm 2024', '2024-01-01', '2024-12-31'],
    ['Năm 2025', '2025-01-01', '2025-12-31'],
    ['6 tháng đầu năm', '2024-01-01', '2024-06-30'],
    ['6 tháng cuối năm 2024', '2024-07-01', '2024-12-31'],
    ['9 tháng đầu năm', '2024-01-01', '2024-09-30'],
    ['01 ngày (dự kiến tổ chức trong tháng 4/2024)', '2024-04-01', '2024-04-30'],
  ])('%s', (text, start, end) => {
    expect(win(text)).toEqual([start, end]);
  });

  it('reads deadlines: "trước D" ends the day before, "chậm nhất D" on D, both from the plan start', () => {
    const before = readTime('Hoàn thành trước 15/3/2024', ctx);
    expect(before.deadline).toBe(true);
    expect(before.window).toEqual({ start: '2024-01-01', end: '2024-03-14' });
    expect(
      readTime('hoàn thành trước ngày 15/4/2025', { year: 2025, plan: yearWindow(2025) }).window?.end,
    ).toBe('2025-04-14');
    const latest = readTime('chậm nhất ngày 30/6/2024', ctx);
    expect(latest.deadline).toBe(true);
    expect(latest.window).toEqual({ start: '2024-01-01', end: '2024-06-30' });
    expect(readTime('Hạn hoàn thành: 20/5/2024', ctx).window?.end).toBe('2024-05-20');
    // A plan that starts later starts its deadlines later.
    const plan = { start: '2024-03-01', end: '2024-12-31' };
    expect(readTime('trước ngày 01/5/2024', { year: 2024, plan }).window).toEqual({
      start: '2024-03-01',
      end: '2024-04-30',
    });
  });

  it('takes a missing year from the words that follow, else from the context', () => {
    expect(win('trung tuần tháng 10', { year: 2025, plan: yearWindow(2025) })).toEqual([
      '2025-10-11',
      '2025-10-20',
    ]);
    expect(win('cuối tháng 5, hoặc đầu tháng 6 năm 2023', { year: 2023, plan: yearWindow(2023) })).toEqual([
      '2023-05-21',
      '2023-06-10',
    ]);
  });

  it('splits peaks ("cao điểm") from the main window', () => {
    const r = readTime('Cả năm 2024, trong đó cao điểm từ ngày 29/3/2024 - 29/4/2024.', ctx);
    expect(r.window).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(r.peaks).toEqual([
      { start: '2024-03-29', end: '2024-04-29', text: 'từ ngày 29/3/2024 - 29/4/2024' },
    ]);
    const two = readTime(
      'Kiểm tra thường xuyên cả năm 2024. Cao điểm tháng 4-5/2024 và tháng 8-9/2024 (nắm bắt khó khăn, vướng mắc triển khai thực hiện Luật HTX năm 2023)',
      ctx,
    );
    expect(two.peaks.map((p) => [p.start, p.end])).toEqual([
      ['2024-04-01', '2024-05-31'],
      ['2024-08-01', '2024-09-30'],
    ]);
    expect(two.peakNote).toBe('nắm bắt khó khăn, vướng mắc triển khai thực hiện Luật HTX năm 2023');
    expect(two.sustained).toBe(true);
    // Only a peak: it is the whole window.
    const only = readTime('cao điểm từ 29/3 đến 29/4', ctx);
    expect(only.window).toEqual({ start: '2024-03-29', end: '2024-04-29' });
    expect(only.peaks).toEqual([]);
  });

  it('reads dates and spans written in other ways', () => {
    const c: TimeContext = { year: 2026, plan: yearWindow(2026), issued: '2026-02-10' };
    const read = (t: string): [string | undefined, string | undefined, boolean] => {
      const r = readTime(t, c);
      return [r.window?.start, r.window?.end, r.deadline];
    };
    expect(read('15-4-2026')).toEqual(['2026-04-15', '2026-04-15', false]);
    expect(read('15.4.2026')).toEqual(['2026-04-15', '2026-04-15', false]);
    expect(read('Trước ngày 30.6.2026')).toEqual(['2026-01-01', '2026-06-29', true]);
    expect(read('chậm nhất ngày 15/4')).toEqual(['2026-01-01', '2026-04-15', true]);
    expect(read('dịp 2/9')).toEqual(['2026-09-02', '2026-09-02', false]);
    expect(read('Tuần đầu tháng 9')).toEqual(['2026-09-01', '2026-09-07', false]);
    expect(read('tuần cuối tháng 2')).toEqual(['2026-02-22', '2026-02-28', false]);
    expect(read('Từ nay đến hết năm 2026')).toEqual(['2026-02-10', '2026-12-31', false]);
    expect(read('từ nay đến hết tháng 6/2026')).toEqual(['2026-02-10', '2026-06-30', false]);
    expect(read('Quý II và Quý III')).toEqual(['2026-04-01', '2026-09-30', false]);
    // A version number is no date.
    expect(read('phiên bản 1.5')).toEqual([undefined, undefined, false]);
  });

  it('reads recurrence', () => {
    const every = (t: string): string | undefined => readTime(t, ctx).recurrence?.every;
    expect(every('ít nhất 01 Quý 01 lần')).toBe('quarter');
    expect(every('hằng quý')).toBe('quarter');
    expect(every('mỗi quý ít nhất 01 lần')).toBe('quarter');
    expect(every('định kỳ hàng tháng')).toBe('month');
    expect(every('ít nhất 01 tháng 01 lần')).toBe('month');
    expect(every('6 tháng một lần')).toBe('half');
    expect(every('định kỳ 6 tháng')).toBe('half');
    expect(every('hằng tuần')).toBe('week');
    expect(readTime('Quý II/2024', ctx).recurrence).toBeNull();
    expect(readTime('6 tháng đầu năm', ctx).recurrence).toBeNull();
    // The day of the month a monthly report is due, and the weekday of a weekly meeting.
    expect(readTime('trước ngày 25 hằng tháng', ctx).recurrence).toEqual({
      every: 'month',
      due: 24,
      weekday: null,
    });
    expect(readTime('hằng tháng, chậm nhất ngày 5', ctx).recurrence).toEqual({
      every: 'month',
      due: 5,
      weekday: null,
    });
    expect(readTime('hằng tuần (thứ Hai)', ctx).recurrence).toEqual({ every: 'week', due: null, weekday: 1 });
  });

  it('reads OCR text without diacritics', () => {
    const c = { year: 2025, plan: yearWindow(2025) };
    expect(win('Ca nim 2025', c)).toEqual(['2025-01-01', '2025-12-31']);
    expect(win('Thang 5 nam 2025', c)).toEqual(['2025-05-01', '2025-05-31']);
    expect(win('(Tu ngay 01/4 dén hét ngay 30/4/2025).', c)).toEqual(['2025-04-01', '2025-04-30']);
    expect(readTime('Ca nim 2025; cao diém tir ngay 29/3/2025 dén 31/7/2025.', c).peaks[0]).toMatchObject({
      start: '2025-03-29',
      end: '2025-07-31',
    });
  });

  it('ignores history and names: far years, a weekday, a year in a title', () => {
    expect(win('(11/4/1946 – 11/4/2024)')).toEqual([null, null]);
    expect(win('Theo kế hoạch của UBND tỉnh.')).toEqual([null, null]);
    // "năm 2023" names the law; the month is the time.
    expect(win('Tập huấn Luật HTX năm 2023 trong tháng 5/2024')).toEqual(['2024-05-01', '2024-05-31']);
    expect(isSpecificTime('Phát động phong trào thi đua năm 2025')).toBe(false);
    expect(isSpecificTime('Thời gian: tháng 5')).toBe(true);
    expect(hasTimeCue('kỷ niệm Ngày HTX Việt Nam 11/4')).toBe(false);
    expect(hasTimeCue('hoàn thành trước ngày 15/3')).toBe(true);
  });
});

describe('time words met in set C', () => {
  const c26: TimeContext = { year: 2026, plan: yearWindow(2026) };
  it.each([
    ['Ngày 18 – 19/6/2026', '2026-06-18', '2026-06-19'],
    ['từ ngày 10 đến ngày 20/7/2026', '2026-07-10', '2026-07-20'],
    ['ngày 10 và 11/7/2026', '2026-07-10', '2026-07-11'],
    ['Tuần 2 tháng 9/2026', '2026-09-08', '2026-09-14'],
    ['trước Tết Nguyên đán Bính Ngọ 2026', '2026-01-01', '2026-02-16'],
    ['cuối Quý II/2026', '2026-06-01', '2026-06-30'],
    ['đầu quý III/2026', '2026-07-01', '2026-07-31'],
    ['Quý II và Quý III/2026', '2026-04-01', '2026-09-30'],
  ])('%s', (text, start, end) => {
    expect(win(text, c26)).toEqual([start, end]);
  });

  it.each([
    ['tháng 5 và tháng 8/2026', ['2026-05-01', '2026-08-01']],
    ['tháng 3, 6, 9 và 12/2026', ['2026-03-01', '2026-06-01', '2026-09-01', '2026-12-01']],
    ['Quý I và Quý III/2026', ['2026-01-01', '2026-07-01']],
    ['đợt 1 tháng 3, đợt 2 tháng 9/2026', ['2026-03-01', '2026-09-01']],
  ])('%s: separate times', (text, starts) => {
    expect(readTime(text, c26).separate?.map((w) => w.start)).toEqual(starts);
  });

  it('reads the due dates written for each period of a recurrence', () => {
    const r = readTime('định kỳ 6 tháng (trước ngày 20/6 và trước ngày 20/12/2026)', c26).recurrence;
    expect(r?.dues).toEqual([
      { month: 6, day: 19 },
      { month: 12, day: 19 },
    ]);
  });
  it.each([
    ['trong suốt Tháng hành động (ít nhất 02 tin, bài mỗi tuần)', false],
    ['phát hành 03 bản tin hằng tháng', false],
    ['họp giao ban 01 lần mỗi tuần', true],
    ['giao ban hằng tuần vào thứ Hai', true],
  ])('%s: a count of products per period is a rate, not a recurrence', (text, recurs) => {
    expect(readTime(text, c26).recurrence !== null && readTime(text, c26).recurrence !== undefined).toBe(
      recurs,
    );
  });
});
