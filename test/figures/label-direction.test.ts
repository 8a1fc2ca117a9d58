import { describe, expect, it } from 'vitest';
import { changeNounDirection, comparativeDirection, direction } from '../../src/figures/labels/direction.js';
import { tagSentence } from '../../src/figures/tag-sentence.js';

describe('direction of a change', () => {
  it('reads a verb of change by its lemma, and none from other verbs', () => {
    const toks = tagSentence('Profits jumped 76% and sales fell 2% as the firm said.').tokens;
    const at = (w: string) => toks.filter((t) => t.lower === w);
    expect(direction(at('jumped'))).toBe('rise');
    expect(direction(at('fell'))).toBe('fall');
    expect(direction(at('said'))).toBe(null);
  });

  it('reads a noun of change, singular or plural', () => {
    expect(changeNounDirection('increase')).toBe('rise');
    expect(changeNounDirection('reductions')).toBe('fall');
    expect(changeNounDirection('share')).toBe(null);
  });

  it('reads a comparative after the figure, turning "more affordable" into a fall', () => {
    const dir = (s: string, after: string): string | null => {
      const toks = tagSentence(s).tokens;
      return comparativeDirection(toks, toks.findIndex((t) => t.lower === after));
    };
    expect(dir('US crude is 30% more expensive.', 'more')).toBe('rise');
    expect(dir('Tickets are 7% cheaper.', 'cheaper')).toBe('fall');
    expect(dir('Homes are 5% more affordable.', 'more')).toBe('fall');
    expect(dir('Tickets are 7% on sale.', 'on')).toBe(null);
  });
});
