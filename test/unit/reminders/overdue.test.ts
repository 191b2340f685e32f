import { planReminders, type Reminder } from '../../../src/domain/reminders';
import { goldTask, lines, officialCalendar } from '../../fixtures/reminders/fixtures';

const deadline = goldTask('002-III.8', { status: 'in_progress' }); // due 14/3/2024
const afterDeadline = new Date('2024-03-15T02:00:00Z'); // 09:00 on Friday 15/3, an hour after the first overdue morning

describe('overdue reminders', () => {
  const r = planReminders(deadline, { now: afterDeadline, calendar: officialCalendar });

  it('repeat every 2 working days and go to the leaders from 5 working days late', () => {
    expect(lines(r).slice(0, 6)).toEqual([
      '2024-03-19T01:00:00.000Z overdue lead', // 3 working days late (the 15/3 one has passed)
      '2024-03-21T01:00:00.000Z overdue lead',
      '2024-03-21T01:00:00.000Z overdue-escalated leaders',
      '2024-03-25T01:00:00.000Z overdue lead',
      '2024-03-25T01:00:00.000Z overdue-escalated leaders',
      '2024-03-27T01:00:00.000Z overdue lead',
    ]);
    expect(r.slice(0, 3).map((x) => x.workingDaysLate)).toEqual([3, 5, 5]);
    const lead = r.filter((x) => x.target === 'lead');
    const leaders = r.filter((x) => x.target === 'leaders');
    expect(leaders.map((x) => x.localDate)).toEqual(lead.slice(1).map((x) => x.localDate));
  });

  it('skip holidays and use a swapped working Saturday', () => {
    const days = r.filter((x) => x.target === 'lead').map((x) => x.localDate);
    expect(days).toContain('2024-04-19'); // 16/4 + 2 working days, over Giỗ Tổ 18/4
    expect(days).not.toContain('2024-04-18');
    expect(days).toEqual(expect.arrayContaining(['2024-04-25', '2024-05-02', '2024-05-04'])); // over 29/4–1/5; Sat 4/5 worked
  });

  it('stop at the horizon (60 days after now by default)', () => {
    expect(r[r.length - 1]?.localDate).toBe('2024-05-13');
    const shorter = planReminders(deadline, {
      now: afterDeadline,
      calendar: officialCalendar,
      settings: { horizonDays: 10 },
    });
    expect(shorter.map((x) => x.localDate).every((d) => d <= '2024-03-25')).toBe(true);
  });

  it('are anchored at the deadline, so re-planning after a restart finds the same next one', () => {
    const later = new Date('2024-03-20T03:00:00Z');
    const again = planReminders(deadline, { now: later, calendar: officialCalendar });
    expect(lines(again).slice(0, 2)).toEqual([
      '2024-03-21T01:00:00.000Z overdue lead',
      '2024-03-21T01:00:00.000Z overdue-escalated leaders',
    ]);
    const sameWindow = (x: Reminder): boolean => x.at >= later && x.localDate <= '2024-05-13';
    expect(again.filter(sameWindow).map((x) => x.key)).toEqual(r.filter(sameWindow).map((x) => x.key));
  });

  it('honour an organisation’s escalation settings', () => {
    const strict = planReminders(deadline, {
      now: afterDeadline,
      calendar: officialCalendar,
      settings: { overdueEveryWorkingDays: 1, escalateAfterWorkingDays: 2, horizonDays: 5 },
    });
    expect(lines(strict)).toEqual([
      '2024-03-18T01:00:00.000Z overdue lead',
      '2024-03-18T01:00:00.000Z overdue-escalated leaders',
      '2024-03-19T01:00:00.000Z overdue lead',
      '2024-03-19T01:00:00.000Z overdue-escalated leaders',
      '2024-03-20T01:00:00.000Z overdue lead',
      '2024-03-20T01:00:00.000Z overdue-escalated leaders',
    ]);
  });
});

describe('a done task', () => {
  it('has no reminders at all', () => {
    expect(
      planReminders({ ...deadline, status: 'done' }, { now: afterDeadline, calendar: officialCalendar }),
    ).toEqual([]);
    expect(
      planReminders(goldTask('003-V.8.-3', { status: 'done' }), {
        now: new Date('2025-03-01T00:00:00Z'),
        calendar: officialCalendar,
      }),
    ).toEqual([]);
  });

  it('counts a completion time at or before now as done, but not one in the future', () => {
    const completedAt = new Date('2024-03-15T01:30:00Z');
    expect(
      planReminders({ ...deadline, completedAt }, { now: afterDeadline, calendar: officialCalendar }),
    ).toEqual([]);
    expect(
      planReminders(
        { ...deadline, completedAt },
        { now: new Date('2024-03-15T00:00:00Z'), calendar: officialCalendar },
      ),
    ).not.toEqual([]);
  });
});
