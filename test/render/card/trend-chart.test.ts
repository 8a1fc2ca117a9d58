/** The trend chart's data and bars: honest heights from zero, the reader's words and dates. */
import { describe, expect, it } from 'vitest';
import { barHeights, trendChartLayout, type TrendChartData } from '../../../src/render/card/trend-chart-layout.js';
import { trendChartData } from '../../../src/bot/commands/trend.js';
import { translator } from '../../../src/i18n/translator.js';
import type { SeriesPoint } from '../../../src/store/series-store.js';

function point(value: number, text: string, iso: string, link: string): SeriesPoint {
  return {
    id: value, seriesId: 1, articleId: value, date: new Date(iso), confidence: 1, linkedTo: null,
    meaning: {} as SeriesPoint['meaning'],
    figure: { text, value, kind: 'count', unit: null, label: 'prisoners of war brought home', sentence: `${text} came home.`, start: 0, end: text.length, approx: null },
    article: { title: `Exchange ${text}`, link, source: 'News', publishedAt: new Date(iso) } as SeriesPoint['article'],
  };
}

describe('barHeights', () => {
  it('measures bars from zero, so 303 is about a third of 1,000', () => {
    expect(barHeights([303, 1000], 300)).toEqual([91, 300]);
  });
  it('measures from the lowest value when one is negative, and keeps a zero visible', () => {
    const [low, zero, high] = barHeights([-50, 0, 50], 100);
    expect(low).toBe(4);
    expect(zero).toBe(50);
    expect(high).toBe(100);
  });
  it('gives equal values full bars', () => {
    expect(barHeights([7, 7], 120)).toEqual([120, 120]);
  });
});

describe('trendChartData', () => {
  const points = [point(390, '390', '2025-05-23T10:00:00Z', 'https://a/1'), point(697, '697', '2025-05-24T10:00:00Z', 'https://a/2'), point(1000, '1,000', '2025-05-25T10:00:00Z', 'https://a/2')];

  it('says what is counted, from first to last with dates, and counts points and distinct sources', () => {
    const data = trendChartData(points, 'UTC', translator('en'));
    expect(data.title).toBe('prisoners of war brought home');
    expect(data.summary).toBe('from 390 on 23 May 2025 to 1,000 on 25 May 2025');
    expect(data.footer).toMatch(/^3 points · 2 sources · /);
    expect(data.points.map((p) => `${p.text} ${p.date}`)).toEqual(['390 23 May', '697 24 May', '1,000 25 May']);
  });

  it('keeps the year on the bars when the series spans years, and speaks Ukrainian', () => {
    const spanning = [point(5, '5', '2024-12-30T10:00:00Z', 'https://a/1'), point(9, '9', '2025-01-02T10:00:00Z', 'https://a/2')];
    expect(trendChartData(spanning, 'UTC', translator('en')).points.map((p) => p.date)).toEqual(['30 Dec 2024', '2 Jan 2025']);
    const uk = trendChartData(points, 'Europe/Kyiv', translator('uk'));
    expect(uk.footer).toMatch(/^3 точки · 2 джерела/);
    expect(uk.points[0]!.date).toBe('23 травня');
  });
});

describe('trendChartLayout', () => {
  it('draws one column per point, the latest in the accent colour', () => {
    const data: TrendChartData = { brand: 'K', title: 't', summary: 's', footer: 'f', points: [{ value: 1, text: '1', date: 'a' }, { value: 2, text: '2', date: 'b' }] };
    const [, body] = trendChartLayout(data, 'Inter').props.children as Array<{ props: { children: Array<{ props: { children: Array<{ props: { style: Record<string, unknown> } }> } }> } }>;
    const bars = body!.props.children.map((col) => col.props.children[1]!.props.style.backgroundColor);
    expect(bars).toHaveLength(2);
    expect(bars[0]).not.toBe(bars[1]);
  });
});
