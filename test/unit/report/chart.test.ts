import { STATUS_CATEGORIES, emptyCounts } from '../../../src/domain/status-report';
import {
  CATEGORY_COLOURS,
  CHART_SCALE,
  CHART_WIDTH,
  chartHeight,
  renderStatusChart,
  renderStatusSvg,
  svgToPng,
  type StatusChartInput,
} from '../../../src/report/chart';
import { t } from '../../../src/shared/i18n';
import { categoryLabels } from '../../../src/report/status-chart';
import { countColour, decodePng, inkColumns, inkFraction } from '../../helpers/png';

const NAME = 'Phòng Kế hoạch – Tổng hợp';

/** One line of text in the chart's font, as resvg draws it. */
function drawText(text: string): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="80"><text x="10" y="55" font-family="Noto Sans" font-size="40" fill="#000">${text}</text></svg>`;
  return svgToPng(svg, 1);
}

function inkWidth(text: string): number {
  const cols = inkColumns(decodePng(drawText(text)));
  return cols ? cols[1] - cols[0] + 1 : 0;
}

function input(rows: number): StatusChartInput {
  return {
    title: 'Tình hình thực hiện Quý II/2025',
    subtitle: 'Tính đến 30/06/2025',
    labels: categoryLabels((key, vars) => t('vi', key, vars)),
    rows: Array.from({ length: rows }, (_, i) => ({
      name: i === 0 ? NAME : `Phòng số ${i + 1}`,
      counts: { ...emptyCounts(), doneOnTime: 2, doneLate: 1, inProgress: 3, overdue: 1, notStarted: i },
    })),
  };
}

describe('status chart', () => {
  it('draws Vietnamese letters with their own glyphs, not the missing-glyph box', () => {
    // "中" is not in Noto Sans (Latin, Greek, Cyrillic, Vietnamese): what a missing glyph looks like.
    const missing = drawText('中');
    for (const ch of ['ò', 'ế', 'ạ', 'ổ', 'ợ', 'ữ', 'Đ', '–']) {
      const drawn = drawText(ch);
      expect({ ch, inked: inkFraction(decodePng(drawn)) > 0 }).toEqual({ ch, inked: true });
      expect({ ch, sameAsMissing: drawn.equals(missing) }).toEqual({ ch, sameAsMissing: false });
    }
    // Diacritics add ink: "ộ" is not drawn as a plain "o".
    expect(drawText('ộ').equals(drawText('o'))).toBe(false);
    // The whole name is as wide as its letters, and a missing glyph in its place changes the width.
    const width = inkWidth(NAME);
    expect(width).toBeGreaterThan(300);
    expect(inkWidth(NAME.replace('ế', '中'))).not.toBe(width);
  });

  it('is a PNG of the fixed width, one bar per department, every category in its own colour', () => {
    const png = decodePng(renderStatusChart(input(4)));
    expect(png.width).toBe(Math.round(CHART_WIDTH * CHART_SCALE));
    expect(png.height).toBe(Math.round(chartHeight(4) * CHART_SCALE));
    expect(inkFraction(png)).toBeGreaterThan(0.05);
    for (const c of STATUS_CATEGORIES)
      expect({ c, pixels: countColour(png, CATEGORY_COLOURS[c]) > 500 }).toEqual({ c, pixels: true });
    expect(decodePng(renderStatusChart(input(12))).height).toBeGreaterThan(png.height);
  });

  it('puts the period, the as-of date, the legend and the names with diacritics in the picture', () => {
    const svg = renderStatusSvg(input(2));
    expect(svg).toContain('Tình hình thực hiện Quý II/2025');
    expect(svg).toContain('Tính đến 30/06/2025');
    for (const label of [
      'Hoàn thành đúng hạn',
      'Hoàn thành quá hạn',
      'Đang thực hiện',
      'Quá hạn chưa hoàn thành',
      'Chưa đến hạn',
    ])
      expect(svg).toContain(label);
    expect(svg).toContain(NAME);
  });
});
