/**
 * How much the reminders speak, measured on the five shipped plans: every department of each organisation
 * linked to its own group, plus a leaders group; each plan loaded on the day it was issued (else 2 January
 * of its year) and the clock run over a whole service year from then. Nobody finishes anything: the worst
 * case. Pure (planner and the worker's grouping rule), no store or queue.
 */
import path from 'node:path';
import { addDays, compareDates, type WorkingCalendar } from '../src/domain/calendar';
import { planReminders, type Reminder } from '../src/domain/reminders';
import type { OrgDirectory } from '../src/domain/task';
import { importPlanFile } from '../src/import/import-plan';
import { mondayOf } from '../src/scheduler/weeks';

const SEEDS = path.join(__dirname, '..', 'data', 'seeds');

export interface NoiseFigures {
  plans: number;
  tasks: number;
  groups: number;
  /** (group, week) pairs over the service years. */
  groupWeeks: number;
  perGroupWeek: { median: number; p90: number; max: number; mean: number };
  /** Messages into one group in one slot (08:00 of one day): the grouping makes it 1 at most. */
  largestBurst: number;
  /** Reminders that a group would have got that morning as separate messages without the grouping. */
  largestBatch: number;
  perTask: { median: number; max: number; mean: number; silent: number };
  /** Tasks never reminded because their end had passed when their plan was loaded. */
  pastWhenLoaded: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export async function measureNoise(
  directory: OrgDirectory,
  calendar: WorkingCalendar,
): Promise<NoiseFigures> {
  // (group, day) → reminders that morning; group = `${org}/${department | leaders}`.
  const mornings = new Map<string, number>();
  const perTask: number[] = [];
  const weeksOf = new Map<string, Set<string>>();
  let plans = 0;
  let groups = 0;
  let pastWhenLoaded = 0;
  for (const [org, entry] of Object.entries(directory)) {
    const departments = Object.keys(entry.departments);
    groups += departments.length + 1;
    const weeks = new Set<string>();
    for (const seed of entry.seeds ?? []) {
      const draft = await importPlanFile(path.join(SEEDS, seed), { org, directory });
      plans++;
      const loaded = draft.issued_on ?? `${draft.year}-01-02`;
      const until = addDays(loaded, 364);
      for (let d = mondayOf(loaded); compareDates(d, until) <= 0; d = addDays(d, 7)) weeks.add(d);
      const now = new Date(`${loaded}T00:00:00+07:00`);
      draft.tasks.forEach((t, i) => {
        const task = {
          id: `${org}-${seed}-${i}`,
          kind: t.kind,
          title: t.title,
          start: t.start,
          end: t.end,
          status: 'open' as const,
          support: t.support,
          loadedOn: loaded,
        };
        // The horizon covers the year: the daily re-plan would find these same keys one by one.
        const planned = planReminders(task, { now, calendar, settings: { horizonDays: 400 } }).filter(
          (r) => compareDates(r.localDate, until) <= 0,
        );
        if (t.end && compareDates(t.end, loaded) < 0) pastWhenLoaded++;
        let sends = 0;
        for (const r of planned) {
          for (const g of groupsOf(r, t.lead, t.support, departments)) {
            const key = `${org}/${g}|${r.localDate}`;
            mornings.set(key, (mornings.get(key) ?? 0) + 1);
            sends++;
          }
        }
        perTask.push(sends);
      });
    }
    weeksOf.set(org, weeks);
  }

  // Messages per group per week: one per morning with anything due, zero weeks included.
  const counts = new Map<string, number>();
  for (const key of mornings.keys()) {
    const [group = '', day = ''] = key.split('|');
    const wk = `${group}|${mondayOf(day)}`;
    counts.set(wk, (counts.get(wk) ?? 0) + 1);
  }
  const perGroupWeek: number[] = [];
  for (const [org, entry] of Object.entries(directory)) {
    for (const g of [...Object.keys(entry.departments), 'leaders'])
      for (const wk of weeksOf.get(org) ?? []) perGroupWeek.push(counts.get(`${org}/${g}|${wk}`) ?? 0);
  }
  perGroupWeek.sort((a, b) => a - b);
  perTask.sort((a, b) => a - b);
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  return {
    plans,
    tasks: perTask.length,
    groups,
    groupWeeks: perGroupWeek.length,
    perGroupWeek: {
      median: quantile(perGroupWeek, 0.5),
      p90: quantile(perGroupWeek, 0.9),
      max: perGroupWeek.at(-1) ?? 0,
      mean: sum(perGroupWeek) / Math.max(1, perGroupWeek.length),
    },
    largestBurst: mornings.size > 0 ? 1 : 0,
    largestBatch: Math.max(0, ...mornings.values()),
    perTask: {
      median: quantile(perTask, 0.5),
      max: perTask.at(-1) ?? 0,
      mean: sum(perTask) / Math.max(1, perTask.length),
      silent: perTask.filter((n) => n === 0).length,
    },
    pastWhenLoaded,
  };
}

/** The worker's target rule (jobs/targets.ts) with every department linked. */
function groupsOf(
  r: Reminder,
  lead: readonly string[],
  support: readonly string[],
  departments: readonly string[],
): string[] {
  const known = (slugs: readonly string[]): string[] => slugs.filter((s) => departments.includes(s));
  if (r.target === 'leaders') return ['leaders'];
  if (r.target === 'support') return known(support);
  return lead.length === 0 ? ['leaders'] : known(lead);
}
