import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/figures/find-figures.js';

/** The label of the figure whose text is `figure` in `sentence`. */
function labelOf(sentence: string, figure: string): string {
  const f = findFigures(sentence).find((x) => x.text === figure);
  if (f === undefined) throw new Error(`no figure "${figure}" in: ${sentence}`);
  return f.label;
}

describe('labelFigure', () => {
  const cases: Array<[string, string, string]> = [
    ['Ukrainian forces captured 971 Russian soldiers during a months-long offensive.', '971', 'Russian soldiers captured'],
    ['Ukraine brought home 303 prisoners of war in the final phase.', '303', 'prisoners of war brought home'],
    ['Families welcomed the returnees, including 70 troops who had defended Mariupol during the siege.', '70', 'troops who had defended Mariupol'],
    ['Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.', '76%', 'Quarterly profits jumped'],
    ['Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.', '$1.13bn', 'Quarterly profits'],
    ['Quarterly profits jumped 76% to $1.13bn (£600m) for the year.', '£600m', 'Quarterly profits'],
    ['The firm said fourth quarter sales rose 2% to $11.1bn.', '2%', 'fourth quarter sales rose'],
    ['It lost 464,000 subscribers in the fourth quarter.', '464,000', 'subscribers lost'],
    ['The firm now owns 8% of search-engine Google.', '8%', 'of search-engine Google'],
    ['The talks were agreed as part of a 1,000-for-1,000 exchange with Russia.', '1,000-for-1,000', 'exchange with Russia'],
    ['The buyer must pay back a $900m loan.', '$900m', 'loan'],
    ['Last year the group posted a profit of $3.36bn.', '$3.36bn', 'group posted a profit'],
    ['The operation cost €12.5 million, about 40% more than planned.', 'about 40%', 'more than planned'],
    ['It was the first direct talks between the two countries in three years.', 'three years', 'first direct talks between the two countries'],
    ["AOL's underlying profit before exceptional items rose 8%.", '8%', "AOL's underlying profit rose"],
  ];
  it.each(cases)('%s → %s', (sentence, figure, expected) => {
    expect(labelOf(sentence, figure)).toBe(expected);
  });

  it('is never empty, at most eight words, and made of words from the sentence', () => {
    const sentences = [
      '5%.',
      '$4bn',
      'Up 27% from its 2003 performance, the unit said it would hire 1,200 more staff across 14 sites in the next three years.',
      'And 40.',
    ];
    for (const s of sentences) {
      for (const f of findFigures(s)) {
        expect(f.label.length).toBeGreaterThan(0);
        expect(f.label.split(' ').length).toBeLessThanOrEqual(8);
        for (const word of f.label.split(' ')) expect(s).toContain(word);
      }
    }
  });
});
