import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/figures/find-figures.js';
import { linkConfidence, linkable } from '../../src/series/link-figures.js';
import { changeText, seriesChange, sparkline, type ChangePoint } from '../../src/series/series-change.js';
import { figureMeaning, LAST_PHASE } from '../../src/series/figure-meaning.js';
import { parseConfig } from '../../src/config.js';

function fig(text: string, figure: string) {
  const f = findFigures(text).find((x) => x.text === figure);
  if (f === undefined) throw new Error(`no ${figure}`);
  return f;
}

describe('figureMeaning', () => {
  it.each([
    ['Ukraine brought home 390 prisoners on May 23 in the first phase of the exchange.', '390', 1],
    ['Ukraine brought home 303 prisoners of war in the final phase of the swap.', '303', LAST_PHASE],
    ['Ukraine brought home 303 prisoners of war.', '303', null],
  ])('phase of %s', (text, figure, phase) => {
    expect(figureMeaning(fig(text, figure)).phase).toBe(phase);
  });

  it('tells a forecast from what happened, and May the month from may the verb', () => {
    expect(figureMeaning(fig('The Bank is expected to keep rates at 4.5% on Thursday.', '4.5%')).modality).toBe('expected');
    expect(figureMeaning(fig('Ukraine freed 307 soldiers on May 24.', '307')).modality).toBe('actual');
  });
});

describe('linkConfidence', () => {
  const uk = { title: 'UK inflation climbs to 3.1% in November', text: 'UK inflation climbed to 3.1% in November, the Office for National Statistics said.' };
  const ukOct = { title: 'UK inflation rises to 2.8% in October', text: 'UK consumer price inflation rose to 2.8% in October, the Office for National Statistics said.' };
  const ez = { title: 'Eurozone inflation slows to 2.1% in November', text: 'Eurozone inflation slowed to 2.1% in November, Eurostat said.' };
  const link = (a: typeof uk, fa: string, b: typeof uk, fb: string) => linkConfidence(linkable(a, fig(a.text, fa)), linkable(b, fig(b.text, fb)));

  it('links a rate to its earlier value in the same thread', () => {
    expect(link(uk, '3.1%', ukOct, '2.8%')).toBeGreaterThanOrEqual(0.5);
  });
  it('does not link the same kind of rate of another economy', () => {
    expect(link(uk, '3.1%', ez, '2.1%')).toBe(0);
  });
});

describe('seriesChange', () => {
  const day = (d: string) => new Date(`${d}T12:00:00Z`);
  const point = (articleId: number, value: number, date: string, over: Partial<ChangePoint> = {}): ChangePoint => ({
    articleId, value, kind: 'count', unit: null, date: day(date), phase: null, month: null, confidence: 0.9, ...over,
  });

  it('sums numbered batches into a running total', () => {
    const points = [point(1, 390, '2025-05-23', { phase: 1, confidence: 1 }), point(2, 307, '2025-05-24', { phase: 2 }), point(3, 303, '2025-05-25', { phase: 3 })];
    const change = seriesChange(points, points[2]!, { minConfidence: 0.5, timezone: 'UTC' })!;
    expect(changeText(change, points[2]!.date, 'UTC')).toBe('total 1,000 since 23 May (+303 since yesterday)');
  });
  it('shows nothing below the confidence threshold', () => {
    const points = [point(1, 2.8, '2025-10-19', { kind: 'percent', unit: '%' }), point(2, 3.1, '2025-11-19', { kind: 'percent', unit: '%', confidence: 0.4 })];
    expect(seriesChange(points, points[1]!, { minConfidence: 0.5, timezone: 'UTC' })).toBeNull();
  });
  it('compares a level with the latest earlier day, never the same day', () => {
    const points = [point(1, 2.6, '2025-09-17'), point(2, 2.8, '2025-10-19', { month: 'October' }), point(3, 2.9, '2025-11-19'), point(4, 3.1, '2025-11-19')];
    const change = seriesChange(points, points[3]!, { minConfidence: 0.5, timezone: 'UTC' })!;
    expect(changeText(change, points[3]!.date, 'UTC')).toBe('was 2.8 in October');
  });
  it('writes an earlier share price in pence as pence ("79p" is 79 GBX)', () => {
    const pence = { kind: 'money' as const, unit: findFigures('Shares closed at 79p.')[0]!.unit };
    const points = [point(1, 79, '2025-10-19', pence), point(2, 81, '2025-11-19', pence)];
    const change = seriesChange(points, points[1]!, { minConfidence: 0.5, timezone: 'UTC' })!;
    expect(changeText(change, points[1]!.date, 'UTC')).toMatch(/^was 79p /);
  });
});

it('draws a sparkline from low to high', () => {
  expect(sparkline([1, 5, 9])).toBe('▁▅█');
  expect(sparkline([4, 4])).toBe('▄▄');
});

it('validates SERIES_MIN_CONFIDENCE', () => {
  expect(parseConfig({ SERIES_MIN_CONFIDENCE: '0.8' }).series.minConfidence).toBe(0.8);
  expect(() => parseConfig({ SERIES_MIN_CONFIDENCE: '80%' })).toThrow(/SERIES_MIN_CONFIDENCE must be a number from 0 to 1/);
});
