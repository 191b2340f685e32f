/**
 * A department's tasks as an iCalendar file (the `ics` generator), made not to clutter a phone: one
 * all-day event per task, on its deadline (a window of a month or less — a conference week — keeps its
 * days; a quarter or a whole year is its last day, not a bar over every day), with an alarm at 08:00 the
 * morning before. Finished work and work whose end had passed when its plan was loaded are left out.
 * UIDs are built from the organisation and the task number, which never change, and SEQUENCE is the
 * task's revision: importing a newer file updates the events in place instead of adding copies.
 */
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addDays, compareDates, daysBetween, parseLocalDate, toLocalDate } from '../domain/calendar';
import { foldIcsByOctets } from './ics-fold';
import type { LocalDate } from '../domain/task';
import type { TaskRecord } from '../store/types';
import type { Words } from './status-chart';

export interface CalendarInput {
  t: Words;
  orgSlug: string;
  /** The calendar's name as the phone lists it: "LMHTX Hải Phòng – Văn phòng". */
  calName: string;
  deptName(slug: string): string;
  tasks: readonly TaskRecord[];
  /** The service clock's now: DTSTAMP, which `ics` would otherwise read from the global clock. */
  now: Date;
  /** The organisation's time zone, for the day a plan was loaded. */
  zone?: string;
}

/** Windows longer than this are shown on their deadline only. */
const LONGEST_SPAN_DAYS = 31;
/** The alarm: 08:00 the day before, counted from the all-day event's midnight. */
const ALARM_HOURS_BEFORE = 16;

/** `ics` accepts `timestamp` (DTSTAMP) but its typings leave it out. */
type StampedEvent = EventAttributes & { timestamp: number };

export function taskUid(orgSlug: string, taskNumber: number): string {
  return `${orgSlug}-task-${taskNumber}@lmhtx-bot`;
}

function day(date: LocalDate): DateArray {
  const { year, month, day: d } = parseLocalDate(date);
  return [year, month, d];
}

/** What a phone's calendar should show: not finished, and not already past when the plan came in. */
function belongs(input: CalendarInput, task: TaskRecord): boolean {
  if (task.status === 'done') return false;
  const last = task.end ?? task.start;
  if (!last) return false;
  const loadedOn = task.loadedAt ? toLocalDate(task.loadedAt, input.zone) : null;
  return !loadedOn || compareDates(last, loadedOn) >= 0;
}

function toEvent(input: CalendarInput, task: TaskRecord): StampedEvent | null {
  const last = task.end ?? task.start;
  if (!last || !belongs(input, task)) return null;
  const from = task.start ?? last;
  const first = daysBetween(from, last) < LONGEST_SPAN_DAYS ? from : last;
  const names = (slugs: string[]): string => slugs.map((s) => input.deptName(s)).join(', ') || '—';
  return {
    uid: taskUid(input.orgSlug, task.number),
    timestamp: input.now.getTime(),
    sequence: task.revision,
    title: `#${task.number} ${task.title}`,
    description: input.t('reports:calendar.description', {
      number: task.number,
      lead: names(task.lead),
      support: names(task.support),
      status: input.t(`status.${task.status}`),
      progress: task.progress,
    }),
    start: day(first),
    // All-day events end on the day after (RFC 5545), so a window's last day is still shown.
    end: day(addDays(last, 1)),
    categories: [task.kind],
    status: 'CONFIRMED',
    busyStatus: 'FREE',
    transp: 'TRANSPARENT',
    alarms: [
      {
        action: 'display',
        description: `#${task.number} ${task.title}`,
        trigger: { hours: ALARM_HOURS_BEFORE, before: true },
      },
    ],
  };
}

/** The .ics text, and how many events it holds. */
export function buildCalendar(input: CalendarInput): { ics: string; events: number } {
  const events = input.tasks.map((t) => toEvent(input, t)).filter((e): e is StampedEvent => e !== null);
  const { error, value } = createEvents(events, {
    productId: 'lmhtx-bot',
    method: 'PUBLISH',
    calName: input.calName,
  });
  if (error || value === null) throw error ?? new Error('ics: no calendar produced');
  return { ics: foldIcsByOctets(value), events: events.length };
}
