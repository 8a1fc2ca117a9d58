import { describe, it, expect } from 'vitest';
import { pickCardFigures } from '../../../src/render/card/pick-card-figures.js';
import { cardRows } from '../../../src/render/card/card-layout.js';
import { CARD_DIGEST, cardFigure, cardStory } from './card-digest.js';

describe('pickCardFigures', () => {
  it('takes the best figure of each story in digest order, at most six', () => {
    expect(pickCardFigures(CARD_DIGEST).map((f) => f.number)).toEqual(['303', '1 200 грн', '$48m', '4.5%', '58 млн тонн', '2.4 km']);
    expect(pickCardFigures(CARD_DIGEST)[1]).toEqual({ number: '1 200 грн', label: 'середня вартість продуктового кошика', source: 'Українська правда' });
  });

  it('goes back for second figures when the day has few stories', () => {
    const digest = { stories: [
      cardStory(1, 'A', [cardFigure('1', 'a1'), cardFigure('2', 'a2'), cardFigure('3', 'a3')]),
      cardStory(2, 'B', [cardFigure('10', 'b1')]),
    ] };
    expect(pickCardFigures(digest).map((f) => f.number)).toEqual(['1', '10', '2', '3']);
    expect(pickCardFigures(digest, 3).map((f) => f.number)).toEqual(['1', '10', '2']);
  });

  it("shows the story's title when a figure has no label, and keeps a repeated figure once", () => {
    const digest = { stories: [
      cardStory(1, 'A', [cardFigure('412', '')], 'Talks free 412 prisoners'),
      cardStory(2, 'B', [cardFigure('412', ''), cardFigure('9%', 'pay rise')], 'Talks free 412 prisoners'),
    ] };
    expect(pickCardFigures(digest)).toEqual([
      { number: '412', label: 'Talks free 412 prisoners', source: 'A' },
      { number: '9%', label: 'pay rise', source: 'B' },
    ]);
  });

  it('has nothing to show for an edition without figures', () => {
    expect(pickCardFigures({ stories: [cardStory(1, 'A', [])] })).toEqual([]);
    expect(pickCardFigures({ stories: [] })).toEqual([]);
  });
});

describe('cardRows', () => {
  it.each([
    [1, [1]], [2, [1, 1]], [3, [1, 1, 1]], [4, [2, 2]], [5, [1, 2, 2]], [6, [2, 2, 2]],
  ])('%d figures → rows of %j', (n, shape) => {
    const rows = cardRows(Array.from({ length: n }, (_, i) => i));
    expect(rows.map((r) => r.length)).toEqual(shape);
    expect(rows.flat()).toEqual(Array.from({ length: n }, (_, i) => i));
  });
});
