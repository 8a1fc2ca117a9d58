/**
 * The picture card drawn for real (satori + resvg, the Inter font from node_modules) and decoded
 * back with pngjs: its size, that it carries ink, that long text stays inside its box, and that
 * Cyrillic is drawn with real glyphs.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { PNG } from 'pngjs';
import type { Digest } from '../../../src/domain/types.js';
import { renderCard } from '../../../src/app/picture/render-card-png.js';
import { CARD_BACKGROUND, CARD_HEIGHT, CARD_WIDTH } from '../../../src/render/card/card-layout.js';
import { CARD_DIGEST, cardFigure, cardStory } from './card-digest.js';

const BG = [1, 3, 5].map((i) => parseInt(CARD_BACKGROUND.slice(i, i + 2), 16));

interface Pixels { width: number; height: number; data: Buffer }

function decode(png: Buffer): Pixels {
  return PNG.sync.read(png);
}

/** Pixels in the rectangle that differ visibly from the background. */
function ink(img: Pixels, x0 = 0, y0 = 0, x1 = img.width, y1 = img.height): number {
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 4;
      if (Math.abs(img.data[i]! - BG[0]!) + Math.abs(img.data[i + 1]! - BG[1]!) + Math.abs(img.data[i + 2]! - BG[2]!) > 24) n++;
    }
  }
  return n;
}

/** Rows of the rectangle whose pixels are identical in both images. */
function sameRegion(a: Pixels, b: Pixels, y0: number, y1: number): boolean {
  return a.data.subarray(y0 * a.width * 4, y1 * a.width * 4).equals(b.data.subarray(y0 * b.width * 4, y1 * b.width * 4));
}

let plain: Pixels;
beforeAll(async () => {
  plain = decode(await renderCard(CARD_DIGEST));
}, 30_000);

describe('renderCard', { timeout: 30_000 }, () => {
  it('draws a 1080×1350 PNG with the figures on it, not a blank page', () => {
    expect(plain.width).toBe(CARD_WIDTH);
    expect(plain.height).toBe(CARD_HEIGHT);
    // Corners are background; text covers a real share of the card.
    expect(ink(plain, 0, 0, 40, 40)).toBe(0);
    const share = ink(plain) / (CARD_WIDTH * CARD_HEIGHT);
    expect(share).toBeGreaterThan(0.04);
    expect(share).toBeLessThan(0.6);
    // Each of the three rows of figures (2×3 for six) has ink in both columns.
    const top = 72 + 156;
    const rowHeight = Math.floor((CARD_HEIGHT - 72 - 56 - 156 - 58 - 4) / 3);
    for (let r = 0; r < 3; r++) {
      const y0 = top + r * rowHeight + 10;
      expect(ink(plain, 64, y0, 540, y0 + rowHeight - 20), `row ${r} left`).toBeGreaterThan(2000);
      expect(ink(plain, 560, y0, 1016, y0 + rowHeight - 20), `row ${r} right`).toBeGreaterThan(2000);
    }
  });

  it('draws the same edition to the same bytes (the archive rebuild relies on it)', async () => {
    expect((await renderCard(CARD_DIGEST)).equals(await renderCard(CARD_DIGEST))).toBe(true);
  });

  it('wraps and clamps long labels, numbers and sources: nothing leaves its box', async () => {
    const long = 'Ukrainian prisoners of war brought home in the largest exchange since the start of the full-scale invasion in February 2022 '.repeat(3);
    const stories = CARD_DIGEST.stories.map((s, i) => cardStory(s.number, `${s.source} — ${'a very long name of a source '.repeat(4)}`, [
      cardFigure(i % 2 === 0 ? 'Donaudampfschifffahrtsgesellschaftskapitänswitwe' : '1 000 000 000 000 000 000 грн', `${i} ${i % 2 === 0 ? long : 'Надзвичайнодовгеслово'.repeat(8)}`),
      cardFigure('1', 'a second figure, so that the footer counts the same'),
    ]));
    const png = await renderCard({ ...CARD_DIGEST, stories });
    if (process.env.CARD_PREVIEW) (await import('node:fs')).writeFileSync(process.env.CARD_PREVIEW, png);
    const messy = decode(png);
    // The side margins stay empty from top to bottom …
    expect(ink(messy, 0, 0, 60, CARD_HEIGHT)).toBe(0);
    expect(ink(messy, CARD_WIDTH - 60, 0, CARD_WIDTH, CARD_HEIGHT)).toBe(0);
    // … and so does the bottom margin; the header and footer are untouched by the long text.
    expect(ink(messy, 0, CARD_HEIGHT - 50, CARD_WIDTH, CARD_HEIGHT)).toBe(0);
    expect(sameRegion(plain, messy, 0, 72 + 150)).toBe(true);
    expect(sameRegion(plain, messy, CARD_HEIGHT - 56 - 50, CARD_HEIGHT)).toBe(true);
  });

  it('draws Ukrainian letters with real glyphs, not the missing-glyph box', async () => {
    const one = (label: string): Digest => ({ ...CARD_DIGEST, stories: [cardStory(1, 'Суспільне', [cardFigure('5', label)])] });
    // Same length; the font has no Han glyphs, so the second label is drawn as missing-glyph boxes.
    // Were Cyrillic missing too, both cards would be identical.
    const ukrainian = decode(await renderCard(one('історій ґ є ї')));
    const missing = decode(await renderCard(one('中中中中中中中 中 中 中')));
    // The label of a lone figure sits in the middle band of the card.
    const [top, bottom] = [600, 900];
    expect(ink(ukrainian, 64, top, 1016, bottom)).toBeGreaterThan(3000);
    expect(sameRegion(ukrainian, missing, top, bottom)).toBe(false);
    // Glyph boxes are far denser than letters.
    expect(ink(ukrainian, 64, top, 1016, bottom)).toBeLessThan(ink(missing, 64, top, 1016, bottom) * 0.8);
  });

  it('says so when the edition has no figures', async () => {
    const empty = decode(await renderCard({ ...CARD_DIGEST, stories: [] }));
    expect(empty.width).toBe(CARD_WIDTH);
    expect(ink(empty, 64, 500, 1016, 850)).toBeGreaterThan(1000);
  });
});
