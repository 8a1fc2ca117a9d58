import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleFromDocument } from '../../src/app/article-from-document.js';
import { summarizeArticle } from '../../src/figures/summarize.js';

const SEED = new URL('../../../shared/seed/article-2025-05-26.txt', import.meta.url);

describe.skipIf(!existsSync(SEED))('the seed story (../shared/seed)', () => {
  const doc = articleFromDocument(existsSync(SEED) ? readFileSync(SEED, 'utf8') : '');
  const figures = summarizeArticle(doc).figures;
  it.each([
    ['971', /soldiers/],
    ['1,000-for-1,000', /exchange/],
    ['303', /prisoners/],
    ['70', /Mariupol|defend/],
  ])('gives %s with a label that says what it counts', (text, label) => {
    const f = figures.find((x) => x.text === text);
    expect(f, `figures: ${figures.map((x) => `${x.text} — ${x.label}`).join(' | ')}`).toBeDefined();
    expect(f?.label).toMatch(label);
    expect(f?.label.split(' ').length).toBeGreaterThanOrEqual(2);
  });
});
if (!existsSync(SEED)) console.warn('seed-story.test: ../shared/seed is absent, skipped');
