import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/figures/find-figures.js';
import { rankFigures } from '../../src/figures/rank-figures.js';
import { isVagueAmount, readVagueAmount } from '../../src/figures/vague-amounts.js';

describe('vague amounts', () => {
  it.each([
    ['several hundred jobs', 'several hundred', 300],
    ['a few thousand fans', 'a few thousand', 3000],
    ['dozens of people', 'dozens', 24],
    ['scores of police', 'scores', 40],
    ['thousands marched', 'thousands', 2000],
    ['tens of thousands of contracts', 'tens of thousands', 20_000],
    ['hundreds of thousands of homes', 'hundreds of thousands', 200_000],
    ['hundreds of millions of pounds', 'hundreds of millions of pounds', 200_000_000],
  ])('reads "%s" at the least its words say', (input, text, value) => {
    const v = readVagueAmount(input, 0);
    expect(v).not.toBeNull();
    expect(input.slice(0, v!.end)).toBe(text);
    expect(v!.value).toBe(value);
  });

  it('is money when pounds, dollars or euros are what there are many of', () => {
    expect(readVagueAmount('millions of dollars were lost', 0)).toEqual({ value: 2_000_000, end: 19, currency: 'USD' });
  });

  it.each(['he scores often', 'tens of people', 'several people', 'a few weeks', 'hundredth'])('reads nothing in "%s"', (input) => {
    expect(readVagueAmount(input, 0)).toBeNull();
  });

  it('finds them as approximate figures with what they count', () => {
    const figures = findFigures('Tens of thousands of fans marched. Several hundred jobs will go, and dozens of people were hurt.');
    expect(figures.map((f) => [f.text, f.value, f.approx, f.label])).toEqual([
      ['Tens of thousands', 20_000, 'Tens of thousands', 'fans marched'],
      ['Several hundred', 300, 'Several hundred', expect.stringContaining('jobs')],
      ['dozens', 24, 'dozens', expect.stringContaining('people')],
    ]);
    expect(isVagueAmount('Tens of thousands')).toBe(true);
    expect(isVagueAmount('about 2,000')).toBe(false);
  });

  it('are shown only when the article has no exact figure, and are listed after the exact ones', () => {
    const text = 'Thousands of workers walked out. The union said 104,000 staff were balloted and 2,000 jobs are at risk.';
    const title = 'Thousands join strike';
    expect(rankFigures(findFigures(text), { title, text }).map((f) => f.text)).toEqual(['104,000', '2,000']);
    const all = rankFigures(findFigures(text), { title, text, topK: Infinity });
    expect(all.map((f) => f.text)).toEqual(['104,000', '2,000', 'Thousands']);
    expect(all[2]!.score!).toBeLessThan(all[1]!.score!);
    const vagueOnly = 'Thousands of fans braved the cold.';
    expect(rankFigures(findFigures(vagueOnly), { title: '', text: vagueOnly }).map((f) => f.text)).toEqual(['Thousands']);
  });
});
