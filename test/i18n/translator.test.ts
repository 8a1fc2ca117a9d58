import { describe, it, expect } from 'vitest';
import { negotiateLocale, translator } from '../../src/i18n/translator.js';
import { formatDate, formatDigestDate } from '../../src/render/format-figure.js';

describe('plural forms', () => {
  // Ukrainian: one (1, 21, 31 …), few (2–4, 22–24 …), many (0, 5–20, 25–30 …, and 11–14), other (fractions).
  it.each([
    ['uk', 1, '1 історія', '1 число'],
    ['uk', 2, '2 історії', '2 числа'],
    ['uk', 5, '5 історій', '5 чисел'],
    ['uk', 11, '11 історій', '11 чисел'],
    ['uk', 21, '21 історія', '21 число'],
    ['uk', 22, '22 історії', '22 числа'],
    ['uk', 25, '25 історій', '25 чисел'],
    ['uk', 0, '0 історій', '0 чисел'],
    ['uk', 14, '14 історій', '14 чисел'],
    ['uk', 101, '101 історія', '101 число'],
    ['uk', 1.5, '1,5 історії', '1,5 числа'],
    ['en', 1, '1 story', '1 figure'],
    ['en', 2, '2 stories', '2 figures'],
    ['en', 5, '5 stories', '5 figures'],
    ['en', 11, '11 stories', '11 figures'],
    ['en', 21, '21 stories', '21 figures'],
    ['en', 22, '22 stories', '22 figures'],
    ['en', 25, '25 stories', '25 figures'],
  ])('%s %d → %s, %s', (locale, count, stories, figures) => {
    const tr = translator(locale);
    expect(tr.t('stories-count', { count })).toBe(stories);
    expect(tr.t('figures-count', { count })).toBe(figures);
  });
});

describe('Intl formatting per language', () => {
  it('numbers: grouping and decimal marks', () => {
    expect(translator('en').number(12345.5)).toBe('12,345.5');
    expect(translator('uk').number(12345.5)).toBe('12\u00a0345,5');
    expect(translator('uk').t('stories-count', { count: 1021 })).toBe('1\u00a0021 історія');
  });

  it('dates: edition days and article days in the reader\'s time zone', () => {
    expect(formatDigestDate('2026-11-24', 'en')).toBe('24 Nov 2026');
    expect(formatDigestDate('2026-11-24', 'uk')).toBe('24 листопада 2026 р.');
    expect(formatDigestDate('2026-02-30', 'uk')).toBe('2026-02-30');
    expect(formatDate('2025-05-25T22:30:00Z', 'Europe/Kyiv', 'uk')).toBe('26 травня 2025 р.');
    expect(formatDate('2025-05-25T22:30:00Z', 'UTC', 'uk')).toBe('25 травня 2025 р.');
  });

  it('adds no invisible bidi marks around arguments', () => {
    expect(translator('uk').t('digest-heading', { date: 'X' })).toBe('KeyFigures · X');
  });
});

describe('negotiateLocale (Telegram language_code → our language)', () => {
  it.each([
    ['uk', 'uk'], ['uk-UA', 'uk'], ['en', 'en'], ['en-GB', 'en'], ['de', 'en'], ['ru', 'en'], ['', 'en'], [null, 'en'], [undefined, 'en'],
  ])('%s → %s', (code, locale) => {
    expect(negotiateLocale(code)).toBe(locale);
    expect(translator(code).locale).toBe(locale);
  });

  it('an unknown message id comes back as itself rather than as nothing', () => {
    expect(translator('uk').t('no-such-message')).toBe('no-such-message');
  });
});

describe("plural forms of the bot's messages", () => {
  // Each message chooses its own form by Fluent's NUMBER selector (Intl.PluralRules of the language).
  it.each([
    [1, 'Залишилася 1 стрічка.', '1 збій', 'за останні 1 день', '1 згадує «x»'],
    [2, 'Залишилися 2 стрічки.', '2 збої', 'за останні 2 дні', '2 згадують «x»'],
    [5, 'Залишилося 5 стрічок.', '5 збоїв', 'за останні 5 днів', '5 згадують «x»'],
    [11, 'Залишилося 11 стрічок.', '11 збоїв', 'за останні 11 днів', '11 згадують «x»'],
    [21, 'Залишилася 21 стрічка.', '21 збій', 'за останні 21 день', '21 згадує «x»'],
    [22, 'Залишилися 22 стрічки.', '22 збої', 'за останні 22 дні', '22 згадують «x»'],
    [25, 'Залишилося 25 стрічок.', '25 збоїв', 'за останні 25 днів', '25 згадують «x»'],
  ])('uk %d', (n, left, failures, days, mentions) => {
    const tr = translator('uk');
    expect(tr.t('unsubscribe-done', { name: 'Wire', left: n })).toBe(`Ви відписалися від Wire. ${left}`);
    expect(tr.t('feed-failures', { count: n })).toBe(failures);
    expect(tr.t('search-none', { days: n, query: 'q' }).toLowerCase()).toContain(days);
    expect(tr.t('topics-hidden-mention', { count: n, word: 'x' })).toBe(mentions);
  });

  it.each([
    [1, '1 feed left.', '1 failure', 'the last 1 day', '1 mentions "x"'],
    [2, '2 feeds left.', '2 failures', 'the last 2 days', '2 mention "x"'],
    [5, '5 feeds left.', '5 failures', 'the last 5 days', '5 mention "x"'],
    [11, '11 feeds left.', '11 failures', 'the last 11 days', '11 mention "x"'],
    [21, '21 feeds left.', '21 failures', 'the last 21 days', '21 mention "x"'],
    [22, '22 feeds left.', '22 failures', 'the last 22 days', '22 mention "x"'],
    [25, '25 feeds left.', '25 failures', 'the last 25 days', '25 mention "x"'],
  ])('en %d', (n, left, failures, days, mentions) => {
    const tr = translator('en');
    expect(tr.t('unsubscribe-done', { name: 'Wire', left: n })).toBe(`Unsubscribed from Wire. ${left}`);
    expect(tr.t('feed-failures', { count: n })).toBe(failures);
    expect(tr.t('search-none', { days: n, query: 'q' })).toContain(days);
    expect(tr.t('topics-hidden-mention', { count: n, word: 'x' })).toBe(mentions);
  });
});
