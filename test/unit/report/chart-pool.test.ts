/**
 * The /status picture drawn off the event loop: on a pool thread, each distinct chart once, a new picture
 * when a count moves, and a stuck drawing never blocks the charts after it.
 */
import { emptyCounts } from '../../../src/domain/status-report';
import { renderStatusChart, type StatusChartInput } from '../../../src/report/chart';
import { ChartPool, THREAD_HEAP } from '../../../src/report/chart-pool';
import { categoryLabels, closeChartPool, drawStatusChart } from '../../../src/report/status-chart';
import { t } from '../../../src/shared/i18n';
import { decodePng } from '../../helpers/png';

function input(overdue: number): StatusChartInput {
  return {
    title: 'Tình hình thực hiện Quý II/2025',
    subtitle: 'Tính đến 15/05/2025',
    labels: categoryLabels((key, vars) => t('vi', key, vars)),
    rows: ['Văn phòng', 'Phòng Kế hoạch – Tổng hợp'].map((name) => ({
      name,
      counts: { ...emptyCounts(), doneOnTime: 3, inProgress: 2, overdue },
    })),
  };
}

afterAll(() => closeChartPool());

describe('chart drawing threads', () => {
  it('draws the same picture as drawing in place, while the event loop keeps running', async () => {
    let ticked = false;
    const drawing = drawStatusChart(input(1));
    setImmediate(() => (ticked = true));
    const png = await drawing;
    // Another group's message would have been handled while this chart was drawn.
    expect(ticked).toBe(true);
    expect(png.equals(renderStatusChart(input(1)))).toBe(true);
    expect(decodePng(png).width).toBeGreaterThan(0);
  });

  it('draws a chart once for the same data, and anew when a count changes', async () => {
    const [a, b] = await Promise.all([drawStatusChart(input(2)), drawStatusChart(input(2))]);
    expect(b).toBe(a);
    expect(await drawStatusChart(input(2))).toBe(a);
    const moved = await drawStatusChart(input(3));
    expect(moved).not.toBe(a);
    expect(moved.equals(a)).toBe(false);
  });

  it('fails a drawing that takes too long and draws the next one on a fresh thread', async () => {
    const pool = new ChartPool({ threads: 1, timeoutMs: 1 });
    await expect(pool.draw(input(4))).rejects.toThrow(/not drawn within 1 ms/);
    await pool.close();
    const patient = new ChartPool({ threads: 1 });
    expect((await patient.draw(input(4))).equals(renderStatusChart(input(4)))).toBe(true);
    await patient.close();
  });

  it('draws within its capped heap, and a thread that outgrows its cap fails its chart alone', async () => {
    const capped = new ChartPool({ threads: 1, resourceLimits: THREAD_HEAP });
    expect((await capped.draw(input(5))).equals(renderStatusChart(input(5)))).toBe(true);
    await capped.close();
    // Too small even to load ECharts: the chart fails (/status then answers in words), its thread is gone.
    const starved = new ChartPool({ threads: 1, resourceLimits: { maxOldGenerationSizeMb: 2 } });
    await expect(starved.draw(input(5))).rejects.toThrow();
    expect(starved.size).toBe(0);
    await starved.close();
  });
});
