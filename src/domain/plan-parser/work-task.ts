/** Building a WorkTask, and expanding recurring work into one task per period. */
import type { TaskKind } from '../task';
import { daysInMonth } from '../calendar/dates';
import type { Inherited, ParseContext, WorkTask } from './context';
import type { Leads } from './leads';
import type { Recurrence, Window } from './time-words';

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

function quarterWindows(kind: Recurrence, plan: Window): { window: Window; label: string; n: number }[] {
  const year = Number(plan.start.slice(0, 4));
  const out: { window: Window; label: string; n: number }[] = [];
  const roman = ['I', 'II', 'III', 'IV'];
  const pad = (n: number): string => String(n).padStart(2, '0');
  const periods = kind === 'quarter' ? 4 : 12;
  for (let k = 1; k <= periods; k++) {
    const [m1, m2] = kind === 'quarter' ? [k * 3 - 2, k * 3] : [k, k];
    const window = {
      start: `${year}-${pad(m1)}-01`,
      end: `${year}-${pad(m2)}-${pad(daysInMonth(year, m2))}`,
    };
    if (window.end < plan.start || window.start > plan.end) continue;
    out.push({
      window,
      n: k,
      label: kind === 'quarter' ? `Quý ${roman[k - 1] ?? k}/${year}` : `Tháng ${k}/${year}`,
    });
  }
  return out;
}

/** Expands a recurring piece of work into one task per period of the plan. */
export function recurringTasks(
  place: ItemPlace,
  title: string,
  kind: Recurrence,
  recurrenceText: string,
  leads: Leads,
  ctx: ParseContext,
  matchText: string,
): WorkTask[] {
  return quarterWindows(kind, ctx.plan).map(({ window, label, n }) => ({
    ...task(
      { ...place, ref: `${place.ref} ${kind === 'quarter' ? 'Q' : 'T'}${n}` },
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
  }));
}
