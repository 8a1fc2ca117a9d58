/**
 * "The day in numbers": an edition as a PNG picture card (1080×1350) of its most important
 * figures. satori lays out the boxes and turns text into vector paths; resvg rasterizes the SVG.
 */
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import type { Digest } from '../../domain/types.js';
import { countFigures, formatDigestDate, plural } from '../format-figure.js';
import { CARD_FONT_STACK, loadCardFonts } from './card-fonts.js';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout, type CardText } from './card-layout.js';
import { pickCardFigures } from './pick-card-figures.js';

/** The card's words in English, from the edition. */
export function englishCardText(digest: Pick<Digest, 'date' | 'stories'>): CardText {
  return {
    brand: 'KeyFigures',
    title: 'The day in numbers',
    date: formatDigestDate(digest.date),
    footer: `${plural(digest.stories.length, 'story', 'stories')} · ${plural(countFigures(digest.stories), 'figure', 'figures')} · every number traced to its sentence`,
    empty: 'No figures in this edition.',
  };
}

/** Options of {@link renderCard}. */
export interface RenderCardOptions {
  /** The card's words; English from the edition by default. */
  text?: CardText;
}

/**
 * The edition's picture card as PNG bytes.
 * @example fs.writeFileSync('2026-11-24.png', await renderCard(digest))
 */
export async function renderCard(digest: Pick<Digest, 'date' | 'stories'>, opts: RenderCardOptions = {}): Promise<Buffer> {
  const layout = cardLayout(pickCardFigures(digest), opts.text ?? englishCardText(digest), CARD_FONT_STACK);
  const svg = await satori(layout, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: await loadCardFonts() });
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}
