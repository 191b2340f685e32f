/** Building a WorkTask, and expanding recurring work into one task per period. */
import type { TaskKind } from '../../task';
import { addDays, daysInMonth, weekday } from '../../calendar/dates';
import { isWorkingDay, nextWorkingDay, onOrBeforeWorkingDay } from '../../calendar/working-days';
import { CALENDAR } from '../time/relative-days';
import type { Inherited, ParseContext, WorkTask } from '../plan/context';
import type { Leads } from './leads';
import { weekOfMonth, type Recurrence, type Window } from '../time/time-words';

export interface ItemPlace {
  ref: string;
  group: string;
  inherited: Inherited;
}

export function task(
  place: ItemPlace,
  title: string,
  kind: TaskKind,
  leads: Leads,
  window: Window | null,
  timeText: string | null,
  meta: Partial<WorkTask['meta']> & Pick<WorkTask['meta'], 'origin'>,
): WorkTask {
  const t: WorkTask = {
    ref: place.ref,
    title,
    kind,
    lead: [...leads.lead],
    support: [...leads.support],
    start: window?.start ?? null,
    end: window?.end ?? null,
    time_text: timeText,
    meta: { group: place.group, bare: false, explicitLead: false, matchText: title, ...meta },
  };
  if (leads.unknown.length > 0) t.unknown_units = [...leads.unknown];
  if (leads.fuzzy?.length) t.fuzzy_units = [...leads.fuzzy];
  return t;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

interface Occurrence {
  window: Window;
  label: string;
  /** Short tag for the ref: T3, Q2, H1, W12. */
  tag: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** Every period of the rule that meets the plan's window, in date order. */
export function occurrences(rule: Recurrence, plan: Window): Occurrence[] {
  const out: Occurrence[] = [];
  const meets = (w: Window): boolean => !(w.end < plan.start || w.start > plan.end);
  if (rule.every === 'week') {
    // Weeks run Monday to Sunday; "hằng tuần (thứ Hai)" is that day of each week.
    let monday = addDays(plan.start, -((weekday(plan.start) + 6) % 7));
    for (; monday <= plan.end; monday = addDays(monday, 7)) {
      const day = rule.weekday ? addDays(monday, rule.weekday - 1) : null;
      const w = day ? { start: day, end: day } : { start: monday, end: addDays(monday, 6) };
      if (!meets(w) || (day && (day < plan.start || day > plan.end))) continue;
      const [y, m, d] = w.start.split('-');
      out.push({ window: w, label: `tuần ${d}/${m}/${y}`, tag: `W${out.length + 1}` });
    }
    return out;
  }
  const first = Number(plan.start.slice(0, 4));
  const last = Number(plan.end.slice(0, 4));
  for (let year = first; year <= last; year++) {
    const periods = rule.every === 'month' ? 12 : rule.every === 'quarter' ? 4 : 2;
    const months = 12 / periods;
    for (let k = 1; k <= periods; k++) {
      const m1 = rule.lastMonth ? k * months : (k - 1) * months + 1;
      const m2 = k * months;
      // A due date written for this period ("trước ngày 20/6" for the first half) ends it.
      const written = rule.dues?.find((d) => d.month >= (k - 1) * months + 1 && d.month <= m2);
      const endDay = rule.due ? Math.min(rule.due, daysInMonth(year, m2)) : daysInMonth(year, m2);
      const endMonth = written ? written.month : m2;
      const endOn = written ? Math.min(written.day, daysInMonth(year, endMonth)) : endDay;
      let window = { start: `${year}-${pad(m1)}-01`, end: `${year}-${pad(endMonth)}-${pad(endOn)}` };
      // "(tháng 6 và tháng 12/2026)": the period's month as written.
      const listed = rule.inMonths?.find((mo) => mo >= (k - 1) * months + 1 && mo <= m2);
      if (listed)
        window = {
          start: `${year}-${pad(listed)}-01`,
          end: `${year}-${pad(listed)}-${pad(daysInMonth(year, listed))}`,
        };
      // "vào tuần đầu của tháng đầu quý": that week of the month.
      if (rule.week) window = weekOfMonth(rule.week, window) ?? window;
      // "Sáng thứ Hai tuần đầu tháng": the first such weekday in that week.
      if (rule.weekday && rule.week) {
        let d = window.start;
        while (d < window.end && weekday(d) !== rule.weekday % 7) d = addDays(d, 1);
        window = { start: d, end: d };
        // "trường hợp trùng ngày nghỉ lễ thì lùi sang ngày làm việc tiếp theo".
        if (rule.holidayShift && !isWorkingDay(d, CALENDAR)) {
          const next = nextWorkingDay(d, CALENDAR);
          window = { start: next, end: next };
        }
      }
      // "vào ngày làm việc cuối cùng của tháng": the month's last working day.
      if (rule.lastWorkingDay) {
        const last = onOrBeforeWorkingDay(window.end, CALENDAR);
        window = { start: window.start, end: last };
      }
      // "trước ngày 10 của tháng đầu quý sau": the period, then the next one's first days.
      if (rule.nextPeriodDue)
        window = {
          ...window,
          end: addDays(`${year}-${pad(m2)}-${pad(daysInMonth(year, m2))}`, rule.nextPeriodDue),
        };
      if (!meets(window)) continue;
      // "(bắt đầu từ tháng 3/2026)": periods that end before it are none of the rule's.
      const since = rule.since;
      if (since && (since.year ?? year) === year && Number(window.end.slice(5, 7)) < since.month) continue;
      if (since?.year && since.year > year) continue;
      // "… đến tháng 10/2026": periods that start after it are none of the rule's either.
      const until = rule.until;
      if (until && (until.year ?? year) === year && Number(window.start.slice(5, 7)) > until.month) continue;
      if (until?.year && until.year < year) continue;
      // A month written for the half year names it: "(Tháng 11/2026)" says more than "6 tháng cuối năm".
      const label =
        listed && rule.every === 'half'
          ? `Tháng ${listed}/${year}`
          : rule.every === 'month' || (rule.lastMonth && !rule.byQuarter)
            ? `Tháng ${m2}/${year}`
            : rule.every === 'quarter'
              ? `Quý ${ROMAN[k - 1] ?? k}/${year}`
              : `6 tháng ${k === 1 ? 'đầu' : 'cuối'} năm ${year}`;
      const tag = `${rule.every === 'month' ? 'T' : rule.every === 'quarter' ? 'Q' : 'H'}${k}${first === last ? '' : `/${year}`}`;
      out.push({ window, label, tag });
    }
  }
  return out;
}

/** Expands a recurring piece of work into one task per period of the plan, linked as one series. */
/** Weeks a weekly rhythm is spelled out for, one task a week; past them it is one standing task. */
const WEEKS_SPELLED_OUT = 8;

export function recurringTasks(
  place: ItemPlace,
  title: string,
  rule: Recurrence,
  recurrenceText: string,
  leads: Leads,
  ctx: ParseContext,
  matchText: string,
): WorkTask[] {
  // A plan issued in March that reports "hằng tháng, trước ngày 25" starts with March: the occurrences
  // already over on the day it is issued are no work it assigns.
  const issued = ctx.issued ?? null;
  // "II. NHIỆM VỤ TRỌNG TÂM QUÝ II/2026" over "… sáng thứ Hai tuần đầu tiên hằng tháng": the rhythm runs
  // over the part's period, inside the plan's.
  const part = place.inherited.time?.reading?.window;
  // A part no longer than one of the rhythm's periods ("THÁNG 01/2027" over "trước ngày 22 hằng tháng" in
  // a quarter's table) is where the row was written down, not where the rhythm stops.
  const within =
    part &&
    !place.inherited.time?.reading?.recurrence &&
    part.start >= ctx.plan.start &&
    part.end <= ctx.plan.end &&
    occurrences(rule, part).length > 1
      ? part
      : ctx.plan;
  const all = occurrences(rule, within).filter((o) => issued === null || o.window.end >= issued);
  // "Giao ban cơ quan – sáng thứ Hai hằng tuần" over a quarter: a standing meeting, one task over its span
  // (a reminder each week would be noise); a few weeks' run of it ("đến hết tháng 7") is spelled out.
  if (rule.every === 'week' && all.length > WEEKS_SPELLED_OUT)
    return [
      task(
        place,
        title,
        'recurring',
        leads,
        // The span the rhythm runs over (its first and last weeks may reach outside it).
        within,
        recurrenceText,
        { origin: 'recurring', matchText },
      ),
    ];
  return all.map(({ window, label, tag }, i) => ({
    ...task(
      { ...place, ref: `${place.ref} ${tag}` },
      `${title} (${label})`,
      'recurring',
      leads,
      window,
      `${recurrenceText} (${label})`,
      {
        origin: 'recurring',
        matchText,
      },
    ),
    series: { key: place.ref, index: i + 1, count: all.length },
  }));
}
