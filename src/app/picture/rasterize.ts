/**
 * A layout tree to PNG bytes: satori lays out the boxes and turns text into vector paths with
 * the card's fonts; resvg rasterizes the SVG. Shared by the edition card and the trend chart.
 * Both run in the renderer's own process (card-renderer-process.ts), out of the bot's memory.
 */
import { cardFontFiles } from '../../render/card/card-fonts.js';
import type { CardNode } from '../../render/card/card-layout.js';
import { CardRendererProcess } from './card-renderer-process.js';

/** The process's one renderer, started on the first card, let go when idle. */
const renderer = new CardRendererProcess();

/**
 * Draw `layout` at `width`×`height` pixels.
 * @example const png = await rasterize(cardLayout(figures, text, CARD_FONT_STACK), CARD_WIDTH, CARD_HEIGHT)
 */
export function rasterize(layout: CardNode, width: number, height: number): Promise<Buffer> {
  return renderer.draw(layout, width, height, cardFontFiles());
}
