/**
 * "The day in numbers": an edition as a PNG picture card (1080×1350) of its most important
 * figures, drawn by rasterize().
 */
import type { Digest } from '../../domain/types.js';
import { countsText, formatDigestDate } from '../format-figure.js';
import { translator, type Translator } from '../../i18n/translator.js';
import { CARD_FONT_STACK } from './card-fonts.js';
import { rasterize } from './rasterize.js';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout, type CardText } from './card-layout.js';
import { pickCardFigures } from './pick-card-figures.js';

/**
 * The card's words for an edition, in the reader's language.
 * @example cardText(digest, translator('uk')).title // 'День у цифрах'
 */
export function cardText(digest: Pick<Digest, 'date' | 'stories'>, tr: Translator): CardText {
  return {
    brand: 'KeyFigures',
    title: tr.t('card-title'),
    date: formatDigestDate(digest.date, tr.locale),
    footer: countsText(digest.stories, tr, 'card-footer'),
    empty: tr.t('card-empty'),
  };
}

/** Options of {@link renderCard}. */
export interface RenderCardOptions {
  /** The reader's language ("en", "uk", or a Telegram language_code); English by default. */
  locale?: string;
}

/**
 * The edition's picture card as PNG bytes.
 * @example fs.writeFileSync('2026-11-24.png', await renderCard(digest))
 */
export async function renderCard(digest: Pick<Digest, 'date' | 'stories'>, opts: RenderCardOptions = {}): Promise<Buffer> {
  return rasterize(cardLayout(pickCardFigures(digest), cardText(digest, translator(opts.locale)), CARD_FONT_STACK), CARD_WIDTH, CARD_HEIGHT);
}
