/** A fixed edition for card tests and the card benchmark: six stories, English and Ukrainian. */
import type { Digest, Figure, Story } from '../../../src/domain/types.js';

/** A figure as the extractor would store it (offsets unused by the card). */
export function cardFigure(text: string, label: string, value = 1): Figure {
  return { text, value, kind: 'count', unit: null, label, sentence: `${text} ${label}.`, start: 0, end: text.length, approx: null };
}

/** A story with the given figures, best first. */
export function cardStory(number: number, source: string, figures: Figure[], title = `Story ${number}`): Story {
  return { number, articleId: number, title, link: null, source, publishedAt: new Date('2026-11-24T06:00:00Z'), summary: '', figures };
}

/** Six stories, two figures each: the card shows the first figure of each. */
export const CARD_DIGEST: Digest = {
  date: '2026-11-24',
  createdAt: new Date('2026-11-24T06:00:00Z'),
  timezone: 'Europe/Kyiv',
  stories: [
    cardStory(1, 'Kyiv Independent', [cardFigure('303', 'Ukrainian prisoners of war brought home'), cardFigure('1,000-for-1,000', 'exchange agreed')]),
    cardStory(2, 'Українська правда', [cardFigure('1 200 грн', 'середня вартість продуктового кошика'), cardFigure('12%', 'зростання цін за рік')]),
    cardStory(3, 'Harbour Gazette', [cardFigure('$48m', 'bridge repairs'), cardFigure('1,350', 'lorries a day')]),
    cardStory(4, 'Business Daily', [cardFigure('4.5%', 'central bank rate, held for a third month'), cardFigure('0.3pp', 'inflation fall')]),
    cardStory(5, 'Суспільне', [cardFigure('58 млн тонн', 'зерна зібрали цього року'), cardFigure('4', 'порти працюють')]),
    cardStory(6, 'Demo World Wire', [cardFigure('2.4 km', 'of road deck resurfaced'), cardFigure('96', 'steel cables replaced')]),
  ],
};
