import {
  addDays,
  compareDates,
  daysBetween,
  daysInMonth,
  isLocalDate,
  weekday,
} from '../../../src/domain/calendar/dates';
import {
  localDateTimeToInstant,
  toLocalDate,
  toLocalDateTime,
  zoneOffsetMinutes,
} from '../../../src/domain/calendar/local-time';

describe('local dates', () => {
  it('handles Gregorian leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2025-02-29')).toBe(false);
    expect(isLocalDate('2025-4-1')).toBe(false);
  });

  it('crosses month and year ends and compares', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2024-03-29', '2024-04-29')).toBe(31);
    expect(compareDates('2024-03-31', '2024-04-01')).toBe(-1);
    expect(compareDates('2024-04-01', '2024-04-01')).toBe(0);
    expect(compareDates('2025-01-01', '2024-12-31')).toBe(1);
  });

  it('knows the weekday', () => {
    expect(weekday('2025-04-30')).toBe(3); // Wednesday
    expect(weekday('2024-03-31')).toBe(0); // Sunday
    expect(weekday('2025-04-26')).toBe(6); // Saturday
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('1969-12-31')).toBe(3);
  });
});

describe('local time in Asia/Ho_Chi_Minh', () => {
  it('turns local wall-clock times into instants at UTC+7', () => {
    expect(localDateTimeToInstant('2025-03-27', '08:00').toISOString()).toBe('2025-03-27T01:00:00.000Z');
    expect(localDateTimeToInstant('2025-01-01', '06:30').toISOString()).toBe('2024-12-31T23:30:00.000Z');
    expect(zoneOffsetMinutes(new Date('2025-06-01T00:00:00Z'))).toBe(420);
  });

  it('reads the local date of an instant, not the UTC one', () => {
    expect(toLocalDate(new Date('2024-12-31T17:00:00.000Z'))).toBe('2025-01-01');
    expect(toLocalDate(new Date('2024-12-31T16:59:59.999Z'))).toBe('2024-12-31');
    expect(toLocalDateTime(new Date('2025-03-27T01:00:00.000Z'))).toEqual({
      date: '2025-03-27',
      hour: 8,
      minute: 0,
    });
  });

  it('keeps the zone a parameter', () => {
    expect(localDateTimeToInstant('2025-03-27', '08:00', 'UTC').toISOString()).toBe(
      '2025-03-27T08:00:00.000Z',
    );
    // A zone with DST still lands on the wall-clock time asked for.
    expect(localDateTimeToInstant('2025-07-01', '08:00', 'Europe/Paris').toISOString()).toBe(
      '2025-07-01T06:00:00.000Z',
    );
    expect(toLocalDate(new Date('2025-03-27T20:00:00Z'), 'America/New_York')).toBe('2025-03-27');
  });

  it('rejects malformed input', () => {
    expect(() => localDateTimeToInstant('2025-03-27', '8:00')).toThrow(RangeError);
    expect(() => localDateTimeToInstant('2025-02-30', '08:00')).toThrow(RangeError);
    expect(() => toLocalDate(new Date('nope'))).toThrow(RangeError);
  });
});
