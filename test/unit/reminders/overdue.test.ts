import { planReminders } from '../../../src/domain/reminders';
import { goldTask, lines, officialCalendar } from '../../fixtures/reminders/fixtures';

const deadline = goldTask('002-III.8', { status: 'in_progress' }); // due 14/3/2024
const afterDeadline = new Date('2024-03-15T02:00:00Z'); // 09:00 on Friday 15/3, an hour after the first overdue morning

describe('overdue reminders', () => {
  const r = planReminders(deadline, { now: afterDeadline, calendar: officialCalendar });

  it('come 1, 3 and 5 working days late, the leaders told once, and then stop', () => {
    expect(lines(r)).toEqual([
      // 15/3 (1 working day late) has passed at 09:00.
      '2024-03-19T01:00:00.000Z overdue lead', // 3 working days late
      '2024-03-21T01:00:00.000Z overdue lead', // 5
      '2024-03-21T01:00:00.000Z overdue-escalated leaders',
    ]);
    expect(r.map((x) => x.workingDaysLate)).toEqual([3, 5, 5]);
    const later = planReminders(deadline, {
      now: new Date('2024-04-20T01:00:00Z'),
      calendar: officialCalendar,
    });
    expect(later).toEqual([]);
  });

  it('skip holidays: a chain over Giỗ Tổ and 30/4–1/5 lands on working days only', () => {
    const april = { ...deadline, end: '2024-04-17' };
    const days = planReminders(april, { now: new Date('2024-04-17T00:00:00Z'), calendar: officialCalendar })
      .filter((x) => x.kind === 'overdue')
      .map((x) => x.localDate);
    // 18/4 is Giỗ Tổ: one working day late is Friday 19/4; three is Tuesday 23/4; five Thursday 25/4.
    expect(days).toEqual(['2024-04-19', '2024-04-23', '2024-04-25']);
  });

  it('are anchored at the deadline, so re-planning after a restart finds the same next one', () => {
    const later = new Date('2024-03-20T03:00:00Z');
    const again = planReminders(deadline, { now: later, calendar: officialCalendar });
    expect(lines(again)).toEqual([
      '2024-03-21T01:00:00.000Z overdue lead',
      '2024-03-21T01:00:00.000Z overdue-escalated leaders',
    ]);
    expect(again.map((x) => x.key)).toEqual(r.slice(1).map((x) => x.key));
  });

  it('honour an organisation’s steps and escalation', () => {
    const strict = planReminders(deadline, {
      now: afterDeadline,
      calendar: officialCalendar,
      settings: { overdueWorkingDays: [2, 4], escalateAtWorkingDays: 2 },
    });
    expect(lines(strict)).toEqual([
      '2024-03-18T01:00:00.000Z overdue lead',
      '2024-03-18T01:00:00.000Z overdue-escalated leaders',
      '2024-03-20T01:00:00.000Z overdue lead',
    ]);
  });

  it('never nag about a task whose end had passed when its plan was loaded', () => {
    const old = { ...deadline, loadedOn: '2025-03-26' };
    expect(planReminders(old, { now: afterDeadline, calendar: officialCalendar })).toEqual([]);
    // Loaded before its end: reminded as usual.
    expect(
      planReminders(
        { ...deadline, loadedOn: '2024-03-01' },
        { now: afterDeadline, calendar: officialCalendar },
      ),
    ).toHaveLength(3);
  });

  it('a snoozed task’s reminders move to the end of the snooze, a working day', () => {
    const snoozed = { ...deadline, snoozed: { from: '2024-03-15', until: '2024-03-20' } };
    expect(lines(planReminders(snoozed, { now: afterDeadline, calendar: officialCalendar }))).toEqual([
      '2024-03-20T01:00:00.000Z overdue lead',
      '2024-03-21T01:00:00.000Z overdue lead',
      '2024-03-21T01:00:00.000Z overdue-escalated leaders',
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
