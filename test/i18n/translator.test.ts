import { describe, it, expect } from 'vitest';
import { negotiateLocale, translator } from '../../src/i18n/translator.js';
import { formatDate, formatDigestDate } from '../../src/render/format-figure.js';

describe('plural forms', () => {
  // Each message chooses its own form by Fluent's NUMBER selector (Intl.PluralRules of the language).
  // Ukrainian: one (1, 21, 31 …), few (2–4, 22–24 …), many (0, 5–20, 25–30 …, and 11–14), other (fractions).
  const args = {
    'stories-count': (n: number) => ({ count: n }),
    'figures-count': (n: number) => ({ count: n }),
    'unsubscribe-done': (n: number) => ({ name: 'Wire', left: n }),
    'feed-failures': (n: number) => ({ count: n }),
    'search-none': (n: number) => ({ days: n, query: 'q' }),
    'topics-hidden-mention': (n: number) => ({ count: n, word: 'x' }),
  };
  type Id = keyof typeof args;
  const ids = Object.keys(args) as Id[];
  // locale, n, then the expected text of each message in `args` order (null: not checked at n)
  const forms: Array<[string, number, ...Array<string | null>]> = [
    ['uk', 1, '1 історія', '1 число', 'Ви відписалися від Wire. Залишилася 1 стрічка.', '1 збій', 'За останні 1 день ніщо не згадує q.', '1 згадує «x»'],
    ['uk', 2, '2 історії', '2 числа', 'Ви відписалися від Wire. Залишилися 2 стрічки.', '2 збої', 'За останні 2 дні ніщо не згадує q.', '2 згадують «x»'],
    ['uk', 5, '5 історій', '5 чисел', 'Ви відписалися від Wire. Залишилося 5 стрічок.', '5 збоїв', 'За останні 5 днів ніщо не згадує q.', '5 згадують «x»'],
    ['uk', 11, '11 історій', '11 чисел', 'Ви відписалися від Wire. Залишилося 11 стрічок.', '11 збоїв', 'За останні 11 днів ніщо не згадує q.', '11 згадують «x»'],
    ['uk', 21, '21 історія', '21 число', 'Ви відписалися від Wire. Залишилася 21 стрічка.', '21 збій', 'За останні 21 день ніщо не згадує q.', '21 згадує «x»'],
    ['uk', 22, '22 історії', '22 числа', 'Ви відписалися від Wire. Залишилися 22 стрічки.', '22 збої', 'За останні 22 дні ніщо не згадує q.', '22 згадують «x»'],
    ['uk', 25, '25 історій', '25 чисел', 'Ви відписалися від Wire. Залишилося 25 стрічок.', '25 збоїв', 'За останні 25 днів ніщо не згадує q.', '25 згадують «x»'],
    ['uk', 0, '0 історій', '0 чисел', null, null, null, null],
    ['uk', 14, '14 історій', '14 чисел', null, null, null, null],
    ['uk', 101, '101 історія', '101 число', null, null, null, null],
    ['uk', 1.5, '1,5 історії', '1,5 числа', null, null, null, null],
    ['en', 1, '1 story', '1 figure', 'Unsubscribed from Wire. 1 feed left.', '1 failure', 'Nothing in the last 1 day mentions q.', '1 mentions "x"'],
    ['en', 2, '2 stories', '2 figures', 'Unsubscribed from Wire. 2 feeds left.', '2 failures', 'Nothing in the last 2 days mentions q.', '2 mention "x"'],
    ['en', 5, '5 stories', '5 figures', 'Unsubscribed from Wire. 5 feeds left.', '5 failures', 'Nothing in the last 5 days mentions q.', '5 mention "x"'],
    ['en', 11, '11 stories', '11 figures', 'Unsubscribed from Wire. 11 feeds left.', '11 failures', 'Nothing in the last 11 days mentions q.', '11 mention "x"'],
    ['en', 21, '21 stories', '21 figures', 'Unsubscribed from Wire. 21 feeds left.', '21 failures', 'Nothing in the last 21 days mentions q.', '21 mention "x"'],
    ['en', 22, '22 stories', '22 figures', 'Unsubscribed from Wire. 22 feeds left.', '22 failures', 'Nothing in the last 22 days mentions q.', '22 mention "x"'],
    ['en', 25, '25 stories', '25 figures', 'Unsubscribed from Wire. 25 feeds left.', '25 failures', 'Nothing in the last 25 days mentions q.', '25 mention "x"'],
  ];
  it.each(forms)('%s %d', (locale, n, ...texts) => {
    const tr = translator(locale);
    const expected = Object.fromEntries(ids.map((id, i) => [id, texts[i]]).filter(([, text]) => text !== null));
    const actual = Object.fromEntries(Object.keys(expected).map((id) => [id, tr.t(id, args[id as Id](n))]));
    expect(actual).toEqual(expected);
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
    expect(formatDate(new Date('2025-05-25T22:30:00Z'), 'Europe/Kyiv', 'uk')).toBe('26 травня 2025 р.');
    expect(formatDate(new Date('2025-05-25T22:30:00Z'), 'UTC', 'uk')).toBe('25 травня 2025 р.');
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
