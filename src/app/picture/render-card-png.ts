/**
 * "The day in numbers": an edition as a PNG picture card (1080×1350) of its most important
 * figures — the pure layout (render/card) drawn by rasterize() in the renderer's own process.
 */
import type { Digest } from '../../domain/types.js';
import { translator } from '../../i18n/translator.js';
import { CARD_FONT_STACK } from '../../render/card/card-fonts.js';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout } from '../../render/card/card-layout.js';
import { pickCardFigures } from '../../render/card/pick-card-figures.js';
import { cardText } from '../../render/card/render-card.js';
import { rasterize } from './rasterize.js';

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
