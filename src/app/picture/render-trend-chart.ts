/** A series' bar chart as PNG bytes (see trend-chart-layout.ts for what it shows). */
import { CARD_FONT_STACK } from '../../render/card/card-fonts.js';
import { rasterize } from './rasterize.js';
import { CHART_HEIGHT, CHART_WIDTH, trendChartLayout, type TrendChartData } from '../../render/card/trend-chart-layout.js';

/**
 * @example fs.writeFileSync('trend.png', await renderTrendChart({ brand: 'KeyFigures', title: 'prisoners of war brought home', summary: '390 → 1,000', footer: '3 points', points }))
 */
export function renderTrendChart(data: TrendChartData): Promise<Buffer> {
  return rasterize(trendChartLayout(data, CARD_FONT_STACK), CHART_WIDTH, CHART_HEIGHT);
}
