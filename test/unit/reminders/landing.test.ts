import { isWorkingDay, toLocalDateTime } from '../../../src/domain/calendar';
import {
  DEFAULT_REMINDER_SETTINGS,
  planReminders,
  reminderKey,
  resolveReminderSettings,
  type ReminderTask,
} from '../../../src/domain/reminders';
import gold from '../../fixtures/reminders/gold-tasks.json';
import { goldTask, lines, officialCalendar } from '../../fixtures/reminders/fixtures';

const task = (changes: Partial<ReminderTask>): ReminderTask => ({
  id: 't1',
  kind: 'deadline',
  start: '2025-01-01',
  end: '2025-12-31',
  status: 'open',
  ...changes,
});
const calm = { horizonDays: 0 }; // leave the overdue chain out where it is not the point

describe('where reminders land', () => {
  it('moves an event on a Sunday to Friday and sends only "today" there, not also "tomorrow"', () => {
    const r = planReminders(task({ kind: 'event', start: '2025-04-06', end: '2025-04-06' }), {
      now: new Date('2025-03-01T00:00:00Z'),
      calendar: officialCalendar,
      settings: calm,
    });
    expect(lines(r)).toEqual([
      '2025-03-27T01:00:00.000Z event-soon lead',
      '2025-04-02T01:00:00.000Z event-soon lead',
      '2025-04-04T01:00:00.000Z event-day lead',
    ]);
  });

  it('moves a deadline on Quốc khánh to the working day before and starts the overdue chain after it', () => {
    const r = planReminders(task({ end: '2025-09-02' }), {
      now: new Date('2025-08-01T00:00:00Z'),
      calendar: officialCalendar,
      settings: { horizonDays: 34 },
    });
    expect(lines(r)).toEqual([
      '2025-08-21T01:00:00.000Z due-soon lead',
      '2025-08-27T01:00:00.000Z due-soon lead',
      '2025-08-29T01:00:00.000Z due-day lead',
      '2025-09-03T01:00:00.000Z overdue lead',
    ]);
  });

  it('moves a banner that starts in the Tết break to before it', () => {
    const r = planReminders(task({ kind: 'banner', start: '2025-01-27', end: '2025-02-05' }), {
      now: new Date('2025-01-01T00:00:00Z'),
      calendar: officialCalendar,
      settings: calm,
    });
    expect(lines(r)).toEqual([
      '2025-01-22T01:00:00.000Z banner-prepare lead',
      '2025-01-24T01:00:00.000Z banner-start lead',
      '2025-02-05T01:00:00.000Z banner-end lead',
    ]);
  });

  it('is always a working day at 08:00 local, never at night, for every fixture task and clock', () => {
    const clocks = [
      '2023-12-01T00:00:00Z',
      '2024-03-15T16:30:00Z',
      '2024-06-30T22:00:00Z',
      '2025-03-31T12:00:00Z',
    ].map((t) => new Date(t));
    for (const t of gold.tasks) {
      for (const now of clocks) {
        for (const r of planReminders(goldTask(t.id), { now, calendar: officialCalendar })) {
          expect(toLocalDateTime(r.at)).toEqual({ date: r.localDate, hour: 8, minute: 0 });
          expect(isWorkingDay(r.localDate, officialCalendar)).toBe(true);
          expect(r.at.getTime()).toBeGreaterThanOrEqual(now.getTime());
        }
      }
    }
  });

  it('uses the organisation’s time of day and refuses a night-time one', () => {
    const r = planReminders(goldTask('003-V.8.-3'), {
      now: new Date('2025-03-01T00:00:00Z'),
      calendar: officialCalendar,
      settings: { time: '07:30' },
    });
    expect(r[0]?.at.toISOString()).toBe('2025-03-27T00:30:00.000Z');
    expect(() => resolveReminderSettings({ time: '22:00' })).toThrow(/night/);
    expect(() => resolveReminderSettings({ time: '05:59' })).toThrow(/night/);
    expect(() => resolveReminderSettings({ overdueWorkingDays: [0] })).toThrow(RangeError);
    expect(resolveReminderSettings()).toEqual(DEFAULT_REMINDER_SETTINGS);
  });
});

describe('the plan', () => {
  it('drops reminders before now but keeps one due exactly now', () => {
    const banner = goldTask('003-V.8.-3');
    const at = (iso: string) => ({ now: new Date(iso), calendar: officialCalendar, settings: calm });
    expect(lines(planReminders(banner, at('2025-04-01T01:00:00Z')))).toEqual([
      '2025-04-01T01:00:00.000Z banner-start lead',
      '2025-04-29T01:00:00.000Z banner-end lead',
    ]);
    expect(planReminders(banner, at('2025-04-01T01:00:00.001Z')).map((r) => r.kind)).toEqual(['banner-end']);
  });

  it('is sorted, one per morning and group, with unique job-safe keys', () => {
    const r = planReminders(
      task({
        id: 'plan:42',
        kind: 'campaign',
        start: '2024-01-01',
        end: '2024-12-31',
        support: ['van-phong'],
      }),
      {
        now: new Date('2023-12-01T00:00:00Z'),
        calendar: officialCalendar,
      },
    );
    const keys = r.map((x) => x.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(r.map((x) => `${x.localDate}|${x.target}`)).size).toBe(r.length);
    expect(keys.every((k) => !k.includes(':'))).toBe(true);
    expect(r.map((x) => x.at.getTime())).toEqual([...r.map((x) => x.at.getTime())].sort((a, b) => a - b));
    expect(reminderKey('plan:42', 'overdue', 'leaders', '2025-01-02')).toBe(
      'plan-42_overdue_leaders_2025-01-02',
    );
  });

  it('nudges a whole-year campaign monthly rather than weekly', () => {
    const r = planReminders(task({ kind: 'campaign', start: '2024-01-01', end: '2024-12-31' }), {
      now: new Date('2023-12-01T00:00:00Z'),
      calendar: officialCalendar,
    });
    expect(r.filter((x) => x.kind === 'campaign-progress').map((x) => x.localDate)).toEqual([
      '2024-02-05',
      '2024-03-04',
      '2024-04-01',
      '2024-05-06',
      '2024-06-03',
      '2024-07-01',
      '2024-08-05',
      '2024-08-30', // Monday 2/9 is Quốc khánh
      '2024-10-07',
      '2024-11-04',
      '2024-12-02',
    ]);
    // The campaign starts on New Year's Day, so its first-day reminder comes on the last working day before.
    expect(r[0]).toMatchObject({ kind: 'campaign-prepare', localDate: '2023-12-27' });
    expect(r[1]).toMatchObject({ kind: 'campaign-start', localDate: '2023-12-29' });
  });

  it('plans nothing for a standing duty or a task without dates', () => {
    const now = new Date('2023-12-01T00:00:00Z');
    expect(
      planReminders(task({ kind: 'duty', start: '2024-01-01', end: '2024-12-31' }), {
        now,
        calendar: officialCalendar,
      }),
    ).toEqual([]);
    expect(planReminders(task({ start: null, end: null }), { now, calendar: officialCalendar })).toEqual([]);
  });

  it('treats agenda items as due by the end of their window', () => {
    const r = planReminders(task({ kind: 'agenda', start: '2024-01-01', end: '2024-03-31' }), {
      now: new Date('2024-01-01T00:00:00Z'),
      calendar: officialCalendar,
      settings: calm,
    });
    expect(lines(r)).toEqual([
      '2024-03-21T01:00:00.000Z due-soon lead',
      '2024-03-27T01:00:00.000Z due-soon lead',
      '2024-03-29T01:00:00.000Z due-day lead', // Sunday 31/3 → Friday; the eve collapses into it
    ]);
  });
});
