import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/figures/find-figures.js';
import { rankFigures, sameQuantity } from '../../src/figures/rank-figures.js';

function ranked(title: string, text: string, topK?: number): string[] {
  return rankFigures(findFigures(text), { title, text, topK }).map((f) => f.text);
}

describe('rankFigures', () => {
  const cases: Array<[string, string, string, string[]]> = [
    [
      'the precise body figure wins over the approximate headline figure',
      'Army captured almost 1,000 soldiers',
      'Army captured almost 1,000 soldiers\nThe army captured 971 soldiers in the offensive, officials said.',
      ['971'],
    ],
    [
      'the same number twice is one figure',
      '',
      'The army captured 971 soldiers. Later, officials said the 971 soldiers were moved.',
      ['971'],
    ],
    [
      'a conversion in brackets is not a second figure',
      '',
      'Profits jumped to $1.13bn (£600m) this year.',
      ['$1.13bn'],
    ],
    [
      'the lead outranks a late figure of the same kind',
      '',
      'The firm cut 300 jobs. It has offices. It has staff. It has plans. It has hopes. It has rivals. It has 40 shops.',
      ['300', '40'],
    ],
    [
      'a figure in the headline (the first line of the text, as articles arrive) outranks the same kind in the body',
      'Firm hires 250 staff',
      'Firm hires 250 staff\n\nThe firm has 90 shops. It will hire 250 staff next year.',
      ['250', '90'],
    ],
    [
      'durations rank low but are kept',
      '',
      'Talks resumed after three years. The deal frees 303 prisoners.',
      ['303', 'three years'],
    ],
  ];
  it.each(cases)('%s', (_name, title, text, expected) => {
    expect(ranked(title, text)).toEqual(expected);
  });

  it('money and percentages outrank incidental counts in the same place', () => {
    const got = ranked('', 'Two managers said sales rose 12% to $4bn.');
    expect(got.slice(0, 2).sort()).toEqual(['$4bn', '12%']);
    expect(got[2]).toBe('Two');
  });

  it('keeps the top K, best first, with scores', () => {
    const text = 'Sales rose 5% to $2bn, with 300 jobs added at 12 sites and 4 new plants in 9 cities.';
    const got = rankFigures(findFigures(text), { title: '', text, topK: 3 });
    expect(got).toHaveLength(3);
    const scores = got.map((f) => f.score ?? Number.NaN);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const f of got) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('defaults to five figures', () => {
    const text = 'Figures: 11 cats, 12 dogs, 13 hens, 14 cows, 15 pigs, 16 ducks and 17 geese.';
    expect(rankFigures(findFigures(text), { title: '', text })).toHaveLength(5);
  });
});

describe('sameQuantity', () => {
  const [approx, precise, other, far, over, above, under] = findFigures('almost 1,000 men; 971 men; 1,000 men; about 500 men; more than 980 men; 1,010 men; nearly 960 men');
  const cases: Array<[string, boolean, boolean]> = [
    ['approximate and precise within 10%', sameQuantity(approx!, precise!), true],
    ['identical values', sameQuantity(approx!, other!), true],
    ['two precise values that differ', sameQuantity(precise!, other!), false],
    ['approximate but far apart', sameQuantity(far!, precise!), false],
    ['a lower bound above the precise value', sameQuantity(over!, precise!), false],
    ['a lower bound below the precise value', sameQuantity(over!, above!), true],
    ['an upper bound below the precise value', sameQuantity(under!, above!), false],
  ];
  it.each(cases)('%s', (_name, got, expected) => {
    expect(got).toBe(expected);
  });
});

describe('the headline leads', () => {
  // A model that ranks by size alone, so the headline's 76% would come after the $6.4bn.
  const bySize = { bias: 0, weights: { logValue: 1 } };
  const title = 'Northwind profit jumps 76% on record output';
  const text = 'Northwind said quarterly profit jumped 76%, helped by record output. Revenue reached $6.4bn. The company will spend $2.5bn on turbines.';

  it("puts the headline's quantity first among those shown, without changing which are shown", () => {
    const withTitle = rankFigures(findFigures(text), { title, text }, bySize);
    const withoutTitle = rankFigures(findFigures(text), { title: '', text }, bySize);
    expect(withoutTitle[0]!.text).not.toBe('76%');
    expect(withTitle[0]!.text).toBe('76%');
    expect(withTitle.map((f) => f.text).sort()).toEqual(withoutTitle.map((f) => f.text).sort());
  });

  it('keeps that order for anyone who sorts by score later (digests, /story)', () => {
    const shown = rankFigures(findFigures(text), { title, text }, bySize);
    const scores = shown.map((f) => f.score ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("does not pull a headline quantity the model left out into the shown ones", () => {
    const shown = rankFigures(findFigures(text), { title, text, topK: 2 }, bySize).map((f) => f.text);
    expect(shown).not.toContain('76%');
  });
});

describe('what is not a figure at all', () => {
  const text = 'The single went straight in at number 11 in the US chart. Sales reached 40,000 copies. Gerrard scored with a 25-yard drive.';

  it('is never shown when the "not a figure" model gives it even odds, however few figures the article has', () => {
    const notChart = { bias: 0, weights: { logValue: 1 }, notFigure: { bias: -1, weights: { chart: 2 } } };
    const shown = rankFigures(findFigures(text), { title: '', text }, notChart).map((f) => f.text);
    expect(shown).toContain('40,000');
    expect(shown).toContain('25-yard');
    expect(shown).not.toContain('number 11');
    expect(rankFigures(findFigures(text), { title: '', text }, { bias: 0, weights: {} }).map((f) => f.text)).toContain('number 11');
  });

  it('the shipped model leaves out a chart place and keeps the count', () => {
    const shown = rankFigures(findFigures(text), { title: 'Singer’s sales reach 40,000', text }).map((f) => f.text);
    expect(shown[0]).toBe('40,000');
    expect(shown).not.toContain('number 11');
  });
});
