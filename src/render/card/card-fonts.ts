/**
 * The card's typeface, read from the @fontsource/inter package (no download at run time).
 * Fontsource splits a face into subsets by script; satori falls back between font *families*,
 * not between files of one family, so each subset is registered under its own family name and
 * the layout asks for them in order: Latin, Latin Extended (₴, €…), Cyrillic, Cyrillic Extended.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

/** A font file as the renderer process reads it (satori takes WOFF, not WOFF2). */
export interface CardFontFile {
  name: string;
  file: string;
  weight: 400 | 600 | 800;
  style: 'normal';
}

const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'] as const;
const WEIGHTS = [400, 600, 800] as const;

/** The font families of the card, in fallback order, as a CSS `font-family` value. */
export const CARD_FONT_STACK = SUBSETS.map((s) => `Inter-${s}`).join(', ');

/**
 * Every subset and weight the card uses, as files: the renderer's process reads them (once per process).
 * @example cardFontFiles()[0] // { name: 'Inter-latin', file: '…/@fontsource/inter/files/inter-latin-400-normal.woff', weight: 400, style: 'normal' }
 */
export function cardFontFiles(): CardFontFile[] {
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('@fontsource/inter/package.json')), 'files');
  return SUBSETS.flatMap((subset) => WEIGHTS.map((weight) => ({ name: `Inter-${subset}`, file: path.join(dir, `inter-${subset}-${weight}-normal.woff`), weight, style: 'normal' as const })));
}
