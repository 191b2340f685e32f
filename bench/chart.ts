/**
 * `npm run bench:chart`: how long the /status picture takes for an alliance with 12 departments (target:
 * under 300 ms), split into ECharts' SVG and resvg's PNG. Figures, not a test; no database needed.
 */
import { performance } from 'node:perf_hooks';
import { emptyCounts } from '../src/domain/status-report';
import { renderStatusSvg, svgToPng, type StatusChartInput } from '../src/report/chart';
import { categoryLabels } from '../src/report/status-chart';
import { t } from '../src/shared/i18n';

const DEPARTMENTS = [
  'Văn phòng',
  'Phòng Kế hoạch – Tổng hợp',
  'Phòng Tổ chức – Kiểm tra',
  'Phòng Tuyên truyền và Phát triển thành viên',
  'Phòng Hỗ trợ hợp tác xã',
  'Phòng Chính sách – Pháp chế',
  'Phòng Kinh tế tập thể',
  'Quỹ Hỗ trợ phát triển hợp tác xã',
  'Trung tâm Tư vấn và Hỗ trợ hợp tác xã',
  'Trung tâm Đào tạo nghề',
  'Ban Thi đua – Khen thưởng',
  'Chưa giao đơn vị chủ trì',
];
const RUNS = 30;

function input(): StatusChartInput {
  return {
    title: 'Tình hình thực hiện Quý II/2025',
    subtitle: 'Tính đến 30/06/2025',
    labels: categoryLabels((key, vars) => t('vi', key, vars)),
    rows: DEPARTMENTS.map((name, i) => ({
      name,
      counts: {
        ...emptyCounts(),
        doneOnTime: 3 + (i % 4),
        doneLate: i % 3,
        inProgress: 5 - (i % 5),
        overdue: i % 2,
        notStarted: 2,
      },
    })),
  };
}

function stats(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms`;
}

const coldStart = performance.now();
let bytes = svgToPng(renderStatusSvg(input())).length;
const cold = performance.now() - coldStart;

const svgMs: number[] = [];
const pngMs: number[] = [];
const totalMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const svg = renderStatusSvg(input());
  const t1 = performance.now();
  bytes = svgToPng(svg).length;
  const t2 = performance.now();
  svgMs.push(t1 - t0);
  pngMs.push(t2 - t1);
  totalMs.push(t2 - t0);
}

const median = [...totalMs].sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? NaN;
console.log(
  `Chart for ${DEPARTMENTS.length} departments, ${RUNS} runs after one cold run (PNG ${(bytes / 1024).toFixed(0)} KiB):`,
);
console.log(`  first render (loads fonts): ${cold.toFixed(1)} ms`);
console.log(`  ECharts → SVG:  ${stats(svgMs)}`);
console.log(`  resvg → PNG:    ${stats(pngMs)}`);
console.log(`  total:          ${stats(totalMs)}`);
console.log(`  target < 300 ms: ${median < 300 ? 'met' : 'NOT met'} (median)`);
