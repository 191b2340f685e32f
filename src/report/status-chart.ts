/** Department summaries → the chart's input, in the reader's language. */
import { STATUS_CATEGORIES, type DepartmentSummary, type StatusCategory } from '../domain/status-report';
import type { LocalDate } from '../domain/task';
import { formatDate } from '../shared/date-format';
import { renderStatusChart, type StatusChartInput } from './chart';

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

export function statusChartPng(...args: Parameters<typeof statusChartInput>): Buffer {
  return renderStatusChart(statusChartInput(...args));
}
