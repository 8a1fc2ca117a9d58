/**
 * Which figures make "the day in numbers": the digest's own judgement, spread across stories.
 * Stories come ranked and each story's figures come ranked, so the card takes the best figure of
 * each story in digest order, then the second-best of each, and so on, up to the card's size.
 */
import type { Digest, Figure, Story } from '../../domain/types.js';
import { figureDisplayText, figureLabel, oneLine } from '../format-figure.js';

/** Most figures a card shows: six stay readable on a phone at 1080×1350. */
export const CARD_MAX_FIGURES = 6;

/** One figure as the card shows it: raw text, escaped by nobody (the renderer draws it). */
export interface CardFigure {
  /** The bold number as the source wrote it ("$48m", "almost 3 years"). */
  number: string;
  /** What it counts; the story's title when the extractor found no label. */
  label: string;
  /** Where it was reported. */
  source: string;
}

function cardFigure(story: Story, figure: Figure): CardFigure {
  return {
    number: figureDisplayText(figure),
    label: figureLabel(figure) || oneLine(story.title),
    source: oneLine(story.source),
  };
}

/**
 * The figures of the day, most important first: round-robin over the ranked stories, at most
 * `max`, a number repeated with the same label kept once.
 * @example pickCardFigures(digest).map((f) => f.number) // ['$48m', '412', '4.5%', '1,350']
 */
export function pickCardFigures(digest: Pick<Digest, 'stories'>, max = CARD_MAX_FIGURES): CardFigure[] {
  const picked: CardFigure[] = [];
  const seen = new Set<string>();
  const depth = Math.max(0, ...digest.stories.map((s) => s.figures.length));
  for (let rank = 0; rank < depth && picked.length < max; rank++) {
    for (const story of digest.stories) {
      const figure = story.figures[rank];
      if (!figure || picked.length >= max) continue;
      const card = cardFigure(story, figure);
      const key = `${card.number}\u0000${card.label}`.toLowerCase();
      if (!card.number || seen.has(key)) continue;
      seen.add(key);
      picked.push(card);
    }
  }
  return picked;
}
