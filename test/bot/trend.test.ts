import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, PRIVATE, type Harness } from './bot-harness.js';
import { recordSeries } from '../../src/app/record-series.js';
import { asNewArticle, threadArticles } from '../series/series-support.js';
import { PNG_SIGNATURE } from '../support/fake-bot-api.js';
import { CHART_HEIGHT, CHART_WIDTH } from '../../src/render/card/trend-chart-layout.js';

let h: Harness;
// The CPI thread's links score ~0.75: below the default SERIES_MIN_CONFIDENCE (0.85), so the bot
// is run at the same permissive threshold the series are recorded at here.
beforeEach(async () => {
  h = await startHarness({ env: { SERIES_MIN_CONFIDENCE: '0.5' } });
  const threads = threadArticles();
  for (const id of ['uk-cpi-oct', 'uk-cpi-nov', 'flood-day-1']) {
    const saved = await h.store.saveArticle(asNewArticle(threads.get(id)!));
    await recordSeries(h.store, saved!, { minConfidence: 0.5, lookbackDays: 120 });
  }
});
afterEach(async () => h.stop());

describe('/trend', () => {
  it('shows a series with a sparkline and every point with its sentence and source', async () => {
    const [reply] = await h.say(PRIVATE, '/trend inflation');
    const html = reply!.text;
    expect(html).toContain('▁█ 2.8% → 3.1%');
    // A weak link (petrol's monthly change vs food's annual rise) is not shown.
    expect(html).not.toContain('food prices');
    expect(html).toContain('UK consumer price inflation rose to 2.8% in October');
    expect(html).toContain('UK inflation climbed to 3.1% in November');
    expect((reply!.entities as Array<{ type: string; url?: string }>).some((e) => e.type === 'text_link' && e.url === 'https://news.example/uk-cpi-nov')).toBe(true);
  });

  it('follows the text with the series as a bar chart photo, captioned with what it counts', async () => {
    const [reply] = await h.say(PRIVATE, '/trend inflation');
    const photo = await h.api.waitForPhoto(PRIVATE.id, 0, 10_000);
    expect(photo.content.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect({ width: photo.content.readUInt32BE(16), height: photo.content.readUInt32BE(20) }).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect(photo.content.length).toBeGreaterThan(15_000); // a blank chart compresses to a few KB
    // The caption names what the bars count: the same label the text's heading shows.
    const heading = reply!.text.split('\n')[0]!;
    expect(photo.caption).toBe(heading);
    expect(photo.caption.length).toBeLessThanOrEqual(1024);
  });

  it('says so when nothing was reported twice, and gives usage without words', async () => {
    const [none] = await h.say(PRIVATE, '/trend floods');
    expect(none!.text).toMatch(/has been reported more than once yet/);
    const [usage] = await h.say(PRIVATE, '/trend');
    expect(usage!.text).toMatch(/^Usage: \/trend/);
    expect(h.api.photos(PRIVATE.id)).toEqual([]);
  });
});
