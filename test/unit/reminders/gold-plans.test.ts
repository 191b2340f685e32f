import { planReminders } from '../../../src/domain/reminders';
import { goldTask, lines, officialCalendar, rulesOnlyCalendar } from '../../fixtures/reminders/fixtures';

// 08:00 in Asia/Ho_Chi_Minh is 01:00Z on the same day.
describe('reminders for the seed plans', () => {
  it('003 banner 01/4–30/4/2025: prepare, first day, and the last day moved off the 30/4 holiday', () => {
    const r = planReminders(goldTask('003-V.8.-3'), {
      now: new Date('2025-03-01T00:00:00Z'),
      calendar: officialCalendar,
    });
    expect(lines(r)).toEqual([
      '2025-03-27T01:00:00.000Z banner-prepare lead',
      '2025-04-01T01:00:00.000Z banner-start lead',
      '2025-04-29T01:00:00.000Z banner-end lead',
    ]);
    expect(r[2]).toMatchObject({
      localDate: '2025-04-29',
      dueDate: '2025-04-30',
      key: '003-V.8.-3_banner-end_lead_2025-04-29',
    });
  });

  it('002 campaign peak 29/3–29/4/2024: Monday nudges, and the last day before the swapped 29/4', () => {
    const r = planReminders(goldTask('002-II.3'), {
      now: new Date('2024-03-01T00:00:00Z'),
      calendar: officialCalendar,
    });
    expect(lines(r)).toEqual([
      '2024-03-26T01:00:00.000Z campaign-prepare lead',
      '2024-03-29T01:00:00.000Z campaign-start lead',
      '2024-04-01T01:00:00.000Z campaign-progress lead',
      '2024-04-08T01:00:00.000Z campaign-progress lead',
      '2024-04-15T01:00:00.000Z campaign-progress lead',
      '2024-04-22T01:00:00.000Z campaign-progress lead',
      // 29/4/2024 was given off in exchange for Saturday 4/5, so the last-day reminder is on Friday 26/4.
      '2024-04-26T01:00:00.000Z campaign-end lead',
    ]);
  });

  it('002 campaign peak by the rules alone keeps 29/4 (a Monday) and skips Giỗ Tổ 18/4 for a Thursday nudge', () => {
    const r = planReminders(goldTask('002-II.3'), {
      now: new Date('2024-03-01T00:00:00Z'),
      calendar: rulesOnlyCalendar,
      settings: { campaignWeekday: 4 },
    });
    expect(lines(r).filter((l) => l.includes('progress') || l.includes('end'))).toEqual([
      '2024-04-04T01:00:00.000Z campaign-progress lead',
      '2024-04-11T01:00:00.000Z campaign-progress lead',
      '2024-04-17T01:00:00.000Z campaign-progress lead', // Thursday 18/4 is Giỗ Tổ
      '2024-04-25T01:00:00.000Z campaign-progress lead',
      '2024-04-29T01:00:00.000Z campaign-end lead',
    ]);
  });

  it('000 quarterly reviews of 2024: 10 and 3 working days before each period ends', () => {
    const now = new Date('2024-01-01T00:00:00Z');
    const plan = (id: string): string[] =>
      lines(planReminders(goldTask(id), { now, calendar: officialCalendar }));
    expect(plan('000-I.1.(8)')).toEqual([
      '2024-03-18T01:00:00.000Z review-soon lead',
      '2024-03-27T01:00:00.000Z review-soon lead',
    ]);
    expect(plan('000-I.2.(6)')).toEqual([
      '2024-06-17T01:00:00.000Z review-soon lead',
      '2024-06-26T01:00:00.000Z review-soon lead',
    ]);
    expect(plan('000-I.3.(3)')).toEqual([
      '2024-09-16T01:00:00.000Z review-soon lead',
      '2024-09-25T01:00:00.000Z review-soon lead',
    ]);
    expect(plan('000-I.4.(1)')).toEqual([
      '2024-12-17T01:00:00.000Z review-soon lead',
      '2024-12-26T01:00:00.000Z review-soon lead',
    ]);
    expect(plan('000-II.1.(1)')).toEqual(plan('000-I.2.(6)'));
    expect(plan('000-II.2.(1)')).toEqual(plan('000-I.4.(1)'));
  });

  it('002 "hoàn thành trước 15/3/2024" deadlines (end 14/3): 7 and 3 working days, the eve, the day', () => {
    for (const id of ['002-III.8', '002-III.9']) {
      const r = planReminders(goldTask(id), {
        now: new Date('2024-01-01T00:00:00Z'),
        calendar: officialCalendar,
      });
      expect(lines(r)).toEqual([
        '2024-03-05T01:00:00.000Z due-soon lead',
        '2024-03-11T01:00:00.000Z due-soon lead',
        '2024-03-13T01:00:00.000Z due-eve lead',
        // Văn phòng coordinates, so its group hears the day before too.
        '2024-03-13T01:00:00.000Z due-eve support',
        '2024-03-14T01:00:00.000Z due-day lead',
      ]);
      expect(r.map((x) => x.workingDaysBefore)).toEqual([7, 3, 1, 1, 0]);
      expect(r.every((x) => x.dueDate === '2024-03-14')).toBe(true);
    }
  });

  it('002 launch event on Thursday 28/3/2024 counts down to its day', () => {
    const r = planReminders(goldTask('002-III.1'), {
      now: new Date('2024-03-01T00:00:00Z'),
      calendar: officialCalendar,
      settings: { horizonDays: 20 }, // the overdue chain would start on 29/3
    });
    expect(lines(r)).toEqual([
      '2024-03-19T01:00:00.000Z event-soon lead',
      '2024-03-25T01:00:00.000Z event-soon lead',
      '2024-03-27T01:00:00.000Z event-eve lead',
      '2024-03-28T01:00:00.000Z event-day lead',
    ]);
  });

  it('001 member meetings of Quý I/2024: the quarter start moves before the 1/1 holiday; due 10 working days before 31/3', () => {
    const r = planReminders(goldTask('001-II.1.b Q1'), {
      now: new Date('2023-12-01T00:00:00Z'),
      calendar: officialCalendar,
    });
    expect(lines(r)).toEqual([
      '2023-12-29T01:00:00.000Z recurring-quarter-start lead',
      '2024-03-18T01:00:00.000Z recurring-quarter-due lead',
    ]);
  });

  it('recurring work over a whole year: each quarter started and due', () => {
    const r = planReminders(goldTask('001-II.1.b Q1', { start: '2024-01-01', end: '2024-12-31' }), {
      now: new Date('2024-01-02T00:00:00Z'),
      calendar: officialCalendar,
      settings: { horizonDays: 0 },
    });
    expect(lines(r)).toEqual([
      '2024-03-18T01:00:00.000Z recurring-quarter-due lead',
      '2024-04-01T01:00:00.000Z recurring-quarter-start lead',
      '2024-06-17T01:00:00.000Z recurring-quarter-due lead',
      '2024-07-01T01:00:00.000Z recurring-quarter-start lead',
      '2024-09-16T01:00:00.000Z recurring-quarter-due lead',
      '2024-10-01T01:00:00.000Z recurring-quarter-start lead',
      '2024-12-17T01:00:00.000Z recurring-quarter-due lead',
    ]);
  });
});
