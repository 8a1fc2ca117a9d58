/**
 * The card's typeface, read from the @fontsource/inter package (no download at run time).
 * Fontsource splits a face into subsets by script; satori falls back between font *families*,
 * not between files of one family, so each subset is registered under its own family name and
 * the layout asks for them in order: Latin, Latin Extended (₴, €…), Cyrillic, Cyrillic Extended.
 */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/** A font as satori takes it. */
export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 600 | 800;
  style: 'normal';
}

const SUBSETS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'] as const;
const WEIGHTS = [400, 600, 800] as const;

/** The font families of the card, in fallback order, as a CSS `font-family` value. */
export const CARD_FONT_STACK = SUBSETS.map((s) => `Inter-${s}`).join(', ');

let loading: Promise<CardFont[]> | null = null;

/**
 * Every subset and weight the card uses, read once per process (satori takes WOFF, not WOFF2).
 * @example const fonts = await loadCardFonts()
 */
export function loadCardFonts(): Promise<CardFont[]> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.join(path.dirname(require.resolve('@fontsource/inter/package.json')), 'files');
    const files = SUBSETS.flatMap((subset) => WEIGHTS.map((weight) => ({ subset, weight })));
    return Promise.all(files.map(async ({ subset, weight }) => ({
      name: `Inter-${subset}`,
      data: await fs.readFile(path.join(dir, `inter-${subset}-${weight}-normal.woff`)),
      weight,
      style: 'normal' as const,
    })));
  })().catch((err: unknown) => {
    loading = null;
    throw new Error(`card: cannot read the Inter font from @fontsource/inter (run npm install): ${(err as Error).message}`);
  });
  return loading;
}
