/**
 * A figure's series over time as a bar chart picture (the /trend answer's chart), as layout data
 * for rasterize(). Pure: the words come in already in the reader's language.
 *
 * Bars start at zero (or at the lowest value when a value is negative) so their heights compare
 * honestly: 303 next to 1,000 looks a third as tall. Each bar carries its value above and its
 * date below; the latest bar is drawn in the accent colour.
 */
import { ACCENT, CARD_BACKGROUND, INK, MUTED, RULE, box, estimateEm, type CardNode, type FontStack } from './card-layout.js';

/** Chart size in pixels: 16:9, shown full width in Telegram without cropping. */
export const CHART_WIDTH = 1200;
export const CHART_HEIGHT = 675;

/** One point of the chart. */
export interface ChartPoint {
  value: number;
  /** The figure as the article wrote it ("1,000", "3.1%"). */
  text: string;
  /** Its date as the reader writes it ("24 Nov"). */
  date: string;
}

/** What the chart shows, words already translated. */
export interface TrendChartData {
  brand: string;
  /** What the figures count (the latest point's label). */
  title: string;
  /** One line under the title, e.g. "from 2.8% to 3.1%" (Inter has no arrows: they would draw as boxes). */
  summary: string;
  /** Bottom line, e.g. "2 points · 2 sources". */
  footer: string;
  /** Oldest first. */
  points: readonly ChartPoint[];
}

const PAD = 48;
const INNER_WIDTH = CHART_WIDTH - 2 * PAD;
const HEADER_HEIGHT = 186;
const FOOTER_HEIGHT = 44;
const BODY_HEIGHT = CHART_HEIGHT - 2 * PAD - HEADER_HEIGHT - FOOTER_HEIGHT;
const VALUE_BAND = 40;
const DATE_BAND = 36;
const BAR_AREA = BODY_HEIGHT - VALUE_BAND - DATE_BAND - 8;
const MIN_BAR = 4;
const OLDER_BAR = '#3C6E9F';

/**
 * Bar heights in pixels for `values`, from the zero line (or the lowest value when one is
 * negative) to the highest value; never below a sliver, so a zero is still seen.
 * @example barHeights([303, 1000], 300) // [91, 300]
 */
export function barHeights(values: readonly number[], area: number): number[] {
  if (values.length === 0) return [];
  const base = Math.min(0, ...values);
  const top = Math.max(...values);
  const span = top - base;
  return values.map((v) => (span <= 0 ? area : Math.max(MIN_BAR, Math.round(((v - base) / span) * area))));
}

/** A column: value over its bar, date under the baseline. */
function column(point: ChartPoint, height: number, width: number, latest: boolean): CardNode {
  const valueSize = Math.max(14, Math.min(28, Math.floor((width - 8) / Math.max(1, estimateEm(point.text)))));
  const barWidth = Math.max(8, Math.min(96, Math.floor(width * 0.62)));
  return box({ flexDirection: 'column', alignItems: 'center', width, height: BODY_HEIGHT }, [
    box({ width, height: VALUE_BAND + BAR_AREA - height, alignItems: 'flex-end', justifyContent: 'center' }, [
      box({ fontSize: valueSize, fontWeight: 800, lineHeight: 1.2, color: latest ? ACCENT : INK, paddingBottom: 6 }, point.text),
    ]),
    box({ width: barWidth, height, backgroundColor: latest ? ACCENT : OLDER_BAR, borderRadius: 4 }),
    box({ width, height: DATE_BAND + 8, alignItems: 'flex-end', justifyContent: 'center', borderTop: `2px solid ${RULE}`, fontSize: 20, fontWeight: 400, color: MUTED, overflow: 'hidden' }, point.date),
  ]);
}

/**
 * The whole chart: brand, what is counted and the change, the bars, and a footer line.
 * @example await rasterize(trendChartLayout(data, CARD_FONT_STACK), CHART_WIDTH, CHART_HEIGHT)
 */
export function trendChartLayout(data: TrendChartData, fontFamily: FontStack): CardNode {
  const points = data.points;
  const heights = barHeights(points.map((p) => p.value), BAR_AREA);
  const width = Math.floor(INNER_WIDTH / Math.max(1, points.length));
  const header = box({ flexDirection: 'column', width: INNER_WIDTH, height: HEADER_HEIGHT }, [
    box({ fontSize: 22, fontWeight: 800, letterSpacing: 3, color: ACCENT, textTransform: 'uppercase', lineHeight: 1.2 }, data.brand),
    box({ display: 'block', marginTop: 10, width: INNER_WIDTH, fontSize: 38, fontWeight: 800, lineHeight: 1.15, color: INK, overflow: 'hidden', lineClamp: 2, maxHeight: 88 }, data.title),
    box({ marginTop: 8, fontSize: 26, fontWeight: 600, lineHeight: 1.2, color: MUTED, overflow: 'hidden' }, data.summary),
  ]);
  const body = box({ flexDirection: 'row', justifyContent: 'center', width: INNER_WIDTH, height: BODY_HEIGHT }, points.map((p, i) => column(p, heights[i] ?? MIN_BAR, width, i === points.length - 1)));
  const footer = box({ width: INNER_WIDTH, height: FOOTER_HEIGHT, alignItems: 'flex-end', fontSize: 20, color: MUTED, overflow: 'hidden' }, data.footer);
  return box(
    { flexDirection: 'column', width: CHART_WIDTH, height: CHART_HEIGHT, padding: PAD, backgroundColor: CARD_BACKGROUND, fontFamily },
    [header, body, footer],
  );
}
