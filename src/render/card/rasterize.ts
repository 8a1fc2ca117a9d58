/**
 * A layout tree to PNG bytes: satori lays out the boxes and turns text into vector paths with
 * the card's fonts; resvg rasterizes the SVG. Shared by the edition card and the trend chart.
 */
import { loadCardFonts } from './card-fonts.js';
import type { CardNode } from './card-layout.js';

/**
 * Draw `layout` at `width`×`height` pixels.
 * @example const png = await rasterize(cardLayout(figures, text, CARD_FONT_STACK), CARD_WIDTH, CARD_HEIGHT)
 */
export async function rasterize(layout: CardNode, width: number, height: number): Promise<Buffer> {
  // Loaded on first use: the two libraries cost about a second of start-up that most commands never need.
  const [{ default: satori }, { Resvg }] = await Promise.all([import('satori'), import('@resvg/resvg-js')]);
  const svg = await satori(layout as Parameters<typeof satori>[0], { width, height, fonts: await loadCardFonts() });
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}
