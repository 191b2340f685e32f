/**
 * A shared work calendar exported as iCalendar (RFC 5545) text, as Google Calendar or Outlook give it:
 * each VEVENT (an event) and VTODO (a to-do with a due date) becomes an item of the plan, its time from
 * DTSTART/DTEND or DUE, its units from the DESCRIPTION's lines ("Chủ trì: Văn phòng\nPhối hợp: …"). A
 * repeated event (RRULE: monthly or weekly, by a weekday of the month such as "1MO" or "-1FR", up to a
 * COUNT or an UNTIL, less its EXDATEs and plus its RDATEs) is one item an occurrence. A cancelled event is
 * none. Times are those of Asia/Ho_Chi_Minh: a UTC time ("…Z") is moved seven hours on.
 */
import type { LocalDate } from '../../task';
import { addDays, daysInMonth, formatLocalDate, weekday } from '../../calendar/dates';

interface Prop {
  name: string;
  params: string;
  value: string;
}

/** Lines folded by RFC 5545 (a line that starts with a space or a tab goes on the one above). */
function unfold(text: string): string[] {
  return text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
}

function unescape(value: string): string {
  return value.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');
}

function prop(line: string): Prop | null {
  const m = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
  return m ? { name: m[1] ?? '', params: m[2] ?? '', value: m[3] ?? '' } : null;
}

const VIETNAM_OFFSET_HOURS = 7;

/** "20261005T073000", "20261022T010000Z", "20261020": the local day. */
function dayOf(value: string): LocalDate | null {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})\d{4}(Z)?)?$/.exec(value.trim());
  if (!m) return null;
  const day = formatLocalDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return m[5] && Number(m[4]) + VIETNAM_OFFSET_HOURS >= 24 ? addDays(day, 1) : day;
}

const WEEKDAYS: Record<string, number> = { SU: 0, MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6 };

/** The day of a month that "1MO", "-1FR", "3TH" names, or null. */
function nthWeekday(year: number, month: number, spec: string): LocalDate | null {
  const m = /^([+-]?\d)?([A-Z]{2})$/.exec(spec);
  const wd = m ? WEEKDAYS[m[2] ?? ''] : undefined;
  if (!m || wd === undefined) return null;
  const n = Number(m[1] ?? '1');
  const last = daysInMonth(year, month);
  const days = Array.from({ length: last }, (_, i) => formatLocalDate(year, month, i + 1)).filter(
    (d) => weekday(d) === wd,
  );
  return (n > 0 ? days[n - 1] : days[days.length + n]) ?? null;
}

/** The rule's occurrences from the first day, as far as COUNT, UNTIL or a year of them. */
function occurrences(first: LocalDate, rule: string): LocalDate[] {
  const parts = Object.fromEntries(rule.split(';').map((p) => p.split('=') as [string, string]));
  const count = parts.COUNT ? Number(parts.COUNT) : Infinity;
  const until = parts.UNTIL ? dayOf(parts.UNTIL) : null;
  const byday = parts.BYDAY?.split(',')[0] ?? null;
  const step = Number(parts.INTERVAL ?? '1');
  const end = until ?? addDays(first, 366);
  const out: LocalDate[] = [];
  if (parts.FREQ === 'MONTHLY' || parts.FREQ === 'YEARLY') {
    const months = parts.FREQ === 'YEARLY' ? 12 * step : step;
    let y = Number(first.slice(0, 4));
    let mo = Number(first.slice(5, 7));
    const dom = Number(first.slice(8, 10));
    while (out.length < count) {
      const day = byday
        ? nthWeekday(y, mo, byday)
        : formatLocalDate(y, mo, Math.min(dom, daysInMonth(y, mo)));
      if (day && day > end) break;
      if (day && day >= first) out.push(day);
      mo += months;
      while (mo > 12) {
        mo -= 12;
        y++;
      }
    }
  } else if (parts.FREQ === 'WEEKLY' || parts.FREQ === 'DAILY') {
    const days = parts.FREQ === 'WEEKLY' ? 7 * step : step;
    for (let d = first; d <= end && out.length < count; d = addDays(d, days)) out.push(d);
  }
  return out;
}

const dmy = (d: LocalDate): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** Events it takes to read a text as a calendar: one is a stray paste. */
const MIN_ITEMS = 2;

export function calendarAsItems(text: string): string {
  if (!/^\s*BEGIN:VCALENDAR\b/m.test(text)) return text;
  const lines = unfold(text);
  const name = lines.map(prop).find((p) => p?.name === 'X-WR-CALNAME')?.value;
  const items: string[] = [];
  let props: Prop[] | null = null;
  let kind = '';
  // An alarm's own lines ("DESCRIPTION:Nhắc việc …") are no part of its event.
  let inAlarm = false;
  for (const raw of lines) {
    const line = raw.trim();
    const begin = /^BEGIN:(VEVENT|VTODO)$/.exec(line);
    if (begin) {
      props = [];
      kind = begin[1] ?? '';
    } else if (line === 'BEGIN:VALARM') inAlarm = true;
    else if (line === 'END:VALARM') inAlarm = false;
    else if (/^END:(VEVENT|VTODO)$/.test(line) && props) {
      items.push(...itemsOf(props, kind));
      props = null;
    } else if (props && !inAlarm) {
      const p = prop(raw);
      if (p) props.push(p);
    }
  }
  if (items.length < MIN_ITEMS) return text;
  const title = unescape(name ?? 'Lịch công tác');
  return [`KẾ HOẠCH`, title, '', 'I. LỊCH CÔNG TÁC', ...items.map((item, i) => `${i + 1}. ${item}`)].join(
    '\n',
  );
}

function itemsOf(props: readonly Prop[], kind: string): string[] {
  const get = (n: string): Prop | undefined => props.find((p) => p.name === n);
  if (/CANCELLED/i.test(get('STATUS')?.value ?? '')) return [];
  const summary = unescape(get('SUMMARY')?.value ?? '').trim();
  if (!summary) return [];
  const body = unescape(get('DESCRIPTION')?.value ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const fields = body.map((l) => `\n- ${l}`).join('');
  const due = get('DUE') ? dayOf(get('DUE')?.value ?? '') : null;
  if (kind === 'VTODO' || due) return due ? [`Trước ngày ${dmy(addDays(due, 1))}: ${summary}${fields}`] : [];
  const start = dayOf(get('DTSTART')?.value ?? '');
  if (!start) return [];
  const allDay = /VALUE=DATE\b/.test(get('DTSTART')?.params ?? '');
  const endRaw = get('DTEND') ? dayOf(get('DTEND')?.value ?? '') : null;
  // An all-day event's DTEND is the day after its last.
  const end = endRaw ? (allDay ? addDays(endRaw, -1) : endRaw) : start;
  const when = (s: LocalDate, e: LocalDate): string =>
    e > s ? `Từ ngày ${dmy(s)} đến ngày ${dmy(e)}` : `Ngày ${dmy(s)}`;
  const rule = get('RRULE')?.value;
  if (!rule) return [`${when(start, end)}: ${summary}${fields}`];
  const length = Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000));
  const except = new Set(
    props.filter((p) => p.name === 'EXDATE').flatMap((p) => p.value.split(',').map((v) => dayOf(v))),
  );
  const extra = props
    .filter((p) => p.name === 'RDATE')
    .flatMap((p) => p.value.split(',').map((v) => dayOf(v)));
  const days = [...occurrences(start, rule).filter((d) => !except.has(d)), ...extra]
    .filter((d): d is LocalDate => d !== null)
    .sort();
  const monthly = /FREQ=(?:MONTHLY|YEARLY)/.test(rule);
  return days.map((d) => {
    const label = monthly ? `Tháng ${Number(d.slice(5, 7))}/${d.slice(0, 4)}` : dmy(d);
    return `${when(d, addDays(d, length))}: ${summary} (${label})${fields}`;
  });
}
