import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/domain/types.js';
import { countsText, figureDisplayText, formatDate, formatDigestDate, oneLine, sourceLine } from '../../src/render/format-figure.js';
import { translator } from '../../src/i18n/translator.js';

const fig = (text: string, value: number, approx: string | null = null): Pick<Figure, 'text' | 'value' | 'approx'> => ({ text, value, approx });

describe('figureDisplayText', () => {
  it.each([
    ['971', 971, null, '971'],
    ['1,000-for-1,000', 1000, null, '1,000-for-1,000'],
    ['three years', 3, null, '3 years'],
    ['almost three years', 3, 'almost', 'almost 3 years'],
    ['Twenty-five', 25, null, '25'],
    ['one hundred and five', 105, null, '105'],
    ['two million', 2_000_000, null, '2 million'],
    ['fifteen thousand', 15_000, null, '15,000'],
    ['six-month', 6, null, '6-month'],
    // the words must denote the value itself: never show a number the source does not say
    ['three years', 4, null, 'three years'],
    ['one-third', 0.333, null, 'one-third'],
    ['dozens', 24, null, 'dozens'],
    // a qualifier kept apart from the text is not lost
    ['1,000', 1000, 'almost', 'almost 1,000'],
    ['almost 1,000', 1000, 'almost', 'almost 1,000'],
  ])('%j (value %d) → %j', (text, value, approx, expected) => {
    expect(figureDisplayText(fig(text, value, approx))).toBe(expected);
  });
});

describe('dates', () => {
  it.each([
    ['2025-05-25T22:30:00Z', 'Europe/Kyiv', '26 May 2025'],
    ['2025-05-25T22:30:00Z', 'UTC', '25 May 2025'],
    ['2025-09-01T12:00:00Z', 'UTC', '1 Sep 2025'],
    ['2025-05-25T22:30:00Z', 'Not/AZone', '25 May 2025'],
    ['garbage', 'UTC', null],
    [null, 'UTC', null],
  ])('formatDate(%j, %j) → %j', (iso, tz, expected) => {
    expect(formatDate(iso === null ? null : new Date(iso), tz)).toBe(expected);
  });

  it('formats edition dates without timezone arithmetic', () => {
    expect(formatDigestDate('2026-11-24')).toBe('24 Nov 2026');
    expect(formatDigestDate('2026-13-01')).toBe('2026-13-01');
  });

  it('joins source and date', () => {
    expect(sourceLine({ source: ' Kyiv\nIndependent ', publishedAt: new Date('2025-05-26T08:00:00Z') })).toBe('Kyiv Independent · 26 May 2025');
    expect(sourceLine({ source: '', publishedAt: null })).toBe('Unknown source');
  });
});

describe('text helpers', () => {
  it('oneLine collapses whitespace, drops controls, repairs lone surrogates', () => {
    expect(oneLine(' a\n\tb\u0000c \uD800 ')).toBe('a bc \uFFFD');
    expect(oneLine('🇺🇦 ok')).toBe('🇺🇦 ok');
  });
  it('countsText says the counts with the right plural forms, per language', () => {
    const one = { number: 1, articleId: 1, title: 't', link: null, source: 's', publishedAt: null, summary: '', figures: [] };
    expect(countsText([one], translator('en'))).toBe('1 story · 0 figures');
    expect(countsText([one, one], translator('uk'))).toBe('2 історії · 0 чисел');
  });
});
