/**
 * Department summaries → the chart's input, in the reader's language, and the picture drawn off the event
 * loop (chart-pool.ts), each distinct chart once.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { STATUS_CATEGORIES, type DepartmentSummary, type StatusCategory } from '../domain/status-report';
import type { LocalDate } from '../domain/task';
import { formatDate } from '../shared/date-format';
import type { StatusChartInput } from './chart';
import { ChartPool } from './chart-pool';

export type Words = (key: string, vars?: Record<string, unknown>) => string;

/** `t` must resolve keys of the reports namespace ("reports:categories.doneOnTime"). */
export function categoryLabels(t: Words): Record<StatusCategory, string> {
  return Object.fromEntries(STATUS_CATEGORIES.map((c) => [c, t(`reports:categories.${c}`)])) as Record<
    StatusCategory,
    string
  >;
}

export function statusChartInput(
  t: Words,
  summaries: ReadonlyArray<Pick<DepartmentSummary<unknown>, 'department' | 'counts'>>,
  names: { deptName(slug: string): string; noLead: string },
  periodText: string,
  today: LocalDate,
): StatusChartInput {
  return {
    title: t('reports:chart.title', { period: periodText }),
    subtitle: t('reports:chart.asOf', { date: formatDate(today) }),
    labels: categoryLabels(t),
    rows: summaries.map((s) => ({
      name: s.department ? names.deptName(s.department) : names.noLead,
      counts: s.counts,
    })),
  };
}

let pool: ChartPool | undefined;

/**
 * Drawn charts by their whole input — department names, period, "as of" day and every count — so the same
 * chart for the same data is drawn once, and a task of that period whose change moves a count (done, late,
 * started, moved in or out of the period) gets a new picture at once; nothing has to remember to forget.
 * Concurrent asks for one chart share one drawing. Bounded by bytes (a 12-department PNG is ~60 KiB): 8 MiB
 * holds ~130 charts, a morning's worth across organisations; a chart whose counts moved is never asked for
 * again, so a larger bound only kept outdated pictures in the bot's memory.
 */
const drawn = new LRUCache<string, Buffer, StatusChartInput>({
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (png) => png.length || 1,
  fetchMethod: (_key, _stale, { context }) => (pool ??= new ChartPool()).draw(context),
});

export function chartKey(input: StatusChartInput): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('base64url');
}

/** The chart's PNG: from the cache, or drawn on a pool thread. */
export async function drawStatusChart(input: StatusChartInput): Promise<Buffer> {
  const png = await drawn.fetch(chartKey(input), { context: input });
  if (!png) throw new Error('the chart was not drawn');
  return png;
}

export function statusChartPng(...args: Parameters<typeof statusChartInput>): Promise<Buffer> {
  return drawStatusChart(statusChartInput(...args));
}

/** Ends the drawing threads (clean stops; an idle pool never holds the process open anyway). */
export async function closeChartPool(): Promise<void> {
  drawn.clear();
  const p = pool;
  pool = undefined;
  await p?.close();
}

/** Forgets every drawn chart (the benchmark's burst asks for charts not drawn before). */
export function forgetDrawnCharts(): void {
  drawn.clear();
}

/** Drawing threads running now, for the benchmark. */
export function chartThreads(): number {
  return pool?.size ?? 0;
}
