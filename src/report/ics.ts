/**
 * A department's tasks as an iCalendar file (the `ics` generator): each task's window as an all-day event,
 * so it shows in the phone's calendar. UIDs are built from the organisation and the task number, which
 * never change, and SEQUENCE is the task's revision: importing a newer file updates the events in place
 * instead of adding copies.
 */
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addDays, parseLocalDate } from '../domain/calendar';
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
}

/** `ics` accepts `timestamp` (DTSTAMP) but its typings leave it out. */
type StampedEvent = EventAttributes & { timestamp: number };

export function taskUid(orgSlug: string, taskNumber: number): string {
  return `${orgSlug}-task-${taskNumber}@lmhtx-bot`;
}

function day(date: LocalDate): DateArray {
  const { year, month, day: d } = parseLocalDate(date);
  return [year, month, d];
}

function toEvent(input: CalendarInput, task: TaskRecord): StampedEvent | null {
  const first = task.start ?? task.end;
  const last = task.end ?? task.start;
  if (!first || !last) return null;
  const names = (slugs: string[]): string => slugs.map((s) => input.deptName(s)).join(', ') || '—';
  return {
    uid: taskUid(input.orgSlug, task.number),
    timestamp: input.now.getTime(),
    sequence: task.revision,
    title: `${task.status === 'done' ? '✅ ' : ''}#${task.number} ${task.title}`,
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
  return { ics: value, events: events.length };
}
