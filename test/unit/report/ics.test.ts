/**
 * The calendar a department imports into a phone: one event per task on its deadline, an alarm the
 * morning before, nothing finished or already past when the plan came in, and lines folded by octets as
 * RFC 5545 says — read back with ical.js, as a calendar app would.
 */
import { buildCalendar } from '../../../src/report/ics';
import { foldIcsByOctets } from '../../../src/report/ics-fold';
import type { TaskRecord } from '../../../src/store/types';
import { ICAL, parseEvents } from '../../helpers/ical';

const LOADED = new Date('2025-01-02T09:00:00+07:00');

function task(number: number, over: Partial<TaskRecord>): TaskRecord {
  return {
    id: `t${number}`,
    org: 'o',
    plan: 'p',
    number,
    ref: String(number),
    title: `Việc ${number}`,
    kind: 'deadline',
    lead: ['van-phong'],
    support: [],
    start: null,
    end: null,
    timeText: null,
    series: null,
    status: 'open',
    progress: 0,
    completedAt: null,
    blockedReason: null,
    history: [],
    revision: 1,
    loadedAt: LOADED,
    source: null,
    snoozedFrom: null,
    snoozedUntil: null,
    originalEnd: null,
    extensions: [],
    extensionRequest: null,
    review: null,
    returned: 0,
    attachments: [],
    ...over,
  };
}

const LONG_TITLE =
  'Tổ chức Hội nghị tổng kết công tác năm 2025, triển khai nhiệm vụ trọng tâm năm 2026 của Liên minh Hợp tác xã thành phố';

const tasks = [
  task(1, { start: '2025-01-01', end: '2025-12-31', kind: 'duty' }), // a whole year: its last day only
  task(2, { start: '2025-06-20', end: '2025-06-22', kind: 'event', title: LONG_TITLE }), // a conference
  task(3, { start: '2025-04-01', end: '2025-06-30' }), // a quarter
  task(4, { end: '2025-05-15', status: 'done', completedAt: new Date('2025-05-10T03:00:00Z') }),
  task(5, { start: '2024-10-01', end: '2024-12-31' }), // already past when the plan was loaded
  task(6, {}), // no date at all
];

const { ics, events: count } = buildCalendar({
  t: (key: string) => key,
  orgSlug: 'hai-phong',
  calName: 'LMHTX Hải Phòng – Văn phòng',
  deptName: (s) => s,
  tasks,
  now: new Date('2025-03-26T08:00:00+07:00'),
  zone: 'Asia/Ho_Chi_Minh',
});
const events = parseEvents(ics);
const byNumber = (n: number) => events.find((e) => e.summary.startsWith(`#${n} `));

describe('the .ics calendar', () => {
  it('has one event per open task that was still ahead when loaded, none for finished or past ones', () => {
    expect(count).toBe(3);
    expect(events.map((e) => e.summary.split(' ')[0]).sort()).toEqual(['#1', '#2', '#3']);
  });

  it('puts windows longer than a month on their deadline, and keeps a short window’s days', () => {
    const year = byNumber(1)!;
    expect(year.startDate.toString()).toBe('2025-12-31');
    expect(year.endDate.toString()).toBe('2026-01-01');
    expect(byNumber(3)!.startDate.toString()).toBe('2025-06-30');
    const conference = byNumber(2)!;
    expect(conference.startDate.toString()).toBe('2025-06-20');
    expect(conference.endDate.toString()).toBe('2025-06-23');
  });

  it('rings at 08:00 the morning before each event', () => {
    for (const e of events) {
      const alarm = e.component.getFirstSubcomponent('valarm');
      expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
      const trigger = alarm?.getFirstPropertyValue('trigger') as InstanceType<typeof ICAL.Duration>;
      const at = e.startDate.clone();
      at.isDate = false; // the all-day event begins at midnight, where the trigger counts from
      at.addDuration(trigger);
      expect(at.toString()).toBe(`${dayBefore(e.startDate.toString())}T08:00:00`);
    }
  });

  it('folds every line at 75 octets without breaking a Vietnamese letter, and unfolds to the same text', () => {
    const lines = ics.split('\r\n');
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l, 'utf8')))).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    expect(ics).not.toContain('\uFFFD');
    expect(byNumber(2)!.summary).toBe(`#2 ${LONG_TITLE}`);
  });

  it('folding by octets keeps short lines and splits multi-byte text on character boundaries', () => {
    expect(foldIcsByOctets('A:b\r\nB:c')).toBe('A:b\r\nB:c');
    const folded = foldIcsByOctets(`SUMMARY:${'ệ'.repeat(40)}`); // 3 bytes each
    const parts = folded.split('\r\n');
    expect(parts.map((p) => Buffer.byteLength(p, 'utf8'))).toEqual([74, 55]);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'ệ'.repeat(40)}`);
  });
});

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
