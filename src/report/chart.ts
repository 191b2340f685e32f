/**
 * The /status picture: one horizontal bar per department, stacked by the five reporting categories, drawn
 * on the server with Apache ECharts' SVG renderer and turned into a PNG by resvg (no browser, no canvas).
 */
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { STATUS_CATEGORIES, type CategoryCounts, type StatusCategory } from '../domain/status-report';
import { CHART_FONT_FAMILY, chartFontFiles } from './fonts';

/**
 * Okabe–Ito colours, which stay distinct for the common colour-vision deficiencies; fixed per category so
 * a leader learns them once: green done, orange done late, blue under way, vermillion overdue, grey not yet.
 */
export const CATEGORY_COLOURS: Record<StatusCategory, string> = {
  doneOnTime: '#009E73',
  doneLate: '#E69F00',
  inProgress: '#0072B2',
  overdue: '#D55E00',
  notStarted: '#999999',
};

export interface ChartRow {
  /** The department's display name, with its diacritics. */
  name: string;
  counts: CategoryCounts;
}

export interface StatusChartInput {
  /** e.g. "Tình hình thực hiện Quý II/2025". */
  title: string;
  /** e.g. "Tính đến 30/06/2025". */
  subtitle: string;
  /** Legend labels in the reader's language. */
  labels: Record<StatusCategory, string>;
  /** Top to bottom. */
  rows: ChartRow[];
}

export const CHART_WIDTH = 1000;
const ROW_HEIGHT = 46;
const CHROME_HEIGHT = 170;
/** Pixels per SVG unit in the PNG: sharp on a phone held at arm's length. */
export const CHART_SCALE = 1.25;

export function chartHeight(rows: number): number {
  return CHROME_HEIGHT + ROW_HEIGHT * Math.max(rows, 1);
}

export function renderStatusSvg(input: StatusChartInput): string {
  const width = CHART_WIDTH;
  const height = chartHeight(input.rows.length);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const names = input.rows.map((r) => r.name);
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    title: {
      text: input.title,
      subtext: input.subtitle,
      left: 'center',
      top: 12,
      textStyle: { fontSize: 22, fontWeight: 'bold', color: '#222222' },
      subtextStyle: { fontSize: 15, color: '#444444' },
    },
    legend: {
      top: 80,
      left: 'center',
      itemGap: 18,
      textStyle: { fontSize: 14, color: '#222222' },
      data: STATUS_CATEGORIES.map((c) => input.labels[c]),
    },
    // A fixed label column: ECharts cannot measure Noto Sans on the server, so it is not asked to fit it.
    grid: { left: 270, right: 40, top: 125, bottom: 36 },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { fontSize: 13, color: '#444444' },
      splitLine: { lineStyle: { color: '#e5e5e5' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: names,
      axisTick: { show: false },
      axisLabel: { fontSize: 15, color: '#222222', width: 250, overflow: 'break', lineHeight: 18 },
    },
    series: STATUS_CATEGORIES.map((c) => ({
      type: 'bar',
      name: input.labels[c],
      stack: 'total',
      barWidth: 28,
      itemStyle: { color: CATEGORY_COLOURS[c], borderColor: '#ffffff', borderWidth: 1 },
      label: {
        show: true,
        color: c === 'notStarted' || c === 'doneLate' ? '#111111' : '#ffffff',
        fontSize: 13,
        fontWeight: 'bold',
        // A zero would draw a stray "0" on a bar of width nothing.
        formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : ''),
      },
      data: input.rows.map((r) => r.counts[c]),
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

let fontFiles: string[] | undefined;

export function svgToPng(svg: string, scale = CHART_SCALE): Buffer {
  fontFiles ??= chartFontFiles();
  const resvg = new Resvg(svg, {
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}

export function renderStatusChart(input: StatusChartInput): Buffer {
  return svgToPng(renderStatusSvg(input));
}
