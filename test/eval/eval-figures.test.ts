import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  devGoldScore, evaluateCorpus, fidelityProblem, figureMatches, goldRecall, labelAgrees, readCorpus, readGold, type CorpusArticle,
} from '../../src/eval/eval-figures.js';
import { findFigures } from '../../src/figures/find-figures.js';
import { summarizeArticle } from '../../src/figures/summarize.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = resolve(repo, '../shared/corpus/articles/bbc.jsonl');
const GOLD = resolve(repo, 'test/fixtures/gold-figures.json');
const hasCorpus = existsSync(CORPUS);
if (!hasCorpus) console.warn(`skipping corpus tests: ${CORPUS} is absent`);
/** Measured 100/108 = 92.6% when the gold set was made (87.0% before the ranking work); a drop below this fails. */
const RECALL_FLOOR = 0.9;

describe('figureMatches', () => {
  it.each([
    ['971', '971', true],
    ['almost 1,000', '1,000', true],
    ['Five of the eight', 'Five', true],
    ['$1.13bn', '$1.13bn', true],
    ['£1.97bn', '$1.97bn', false],
    ['9.7', '97', false],
  ])('%s ~ %s → %s', (text, key, expected) => {
    expect(figureMatches({ text }, key)).toBe(expected);
  });
});

describe('fidelityProblem', () => {
  const text = 'Profits rose 12% to $4.5bn.';
  const [pct, money] = findFigures(text);
  it.each([
    ['a true figure', () => fidelityProblem(text, pct!), null],
    ['shifted offsets', () => fidelityProblem(text, { ...pct!, start: pct!.start + 1 }), 'text is not the slice at its offsets'],
    ['a value the text does not say', () => fidelityProblem(text, { ...money!, value: 4.6e9 }), 'value 4600000000 is not written in "$4.5bn"'],
  ])('%s', (_name, run, expected) => {
    expect(run()).toBe(expected);
  });
});

describe.skipIf(!hasCorpus)('the BBC corpus', () => {
  const articles: CorpusArticle[] = hasCorpus ? readCorpus(CORPUS) : [];

  // The whole corpus (2,003 articles): 3 s on a quiet core, 13.6 s at load 10, past vitest's default 5 s.
  it('keeps every mention faithful on every article', () => {
    const report = evaluateCorpus(articles, Infinity);
    expect(report.violations).toEqual([]);
    expect(report.withFigure / report.articles).toBeGreaterThan(0.9);
  }, 120_000);

  it(`finds at least ${RECALL_FLOOR * 100}% of the hand-annotated key figures in the top 5`, () => {
    const r = goldRecall(articles, readGold(GOLD));
    expect(r.unknownIds).toEqual([]);
    expect(r.articles).toBe(40);
    expect(r.recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });

  it('keeps fidelity on random slices of corpus text (property)', () => {
    fc.assert(
      fc.property(fc.nat(articles.length - 1), fc.nat(4000), fc.integer({ min: 1, max: 1500 }), (i, from, len) => {
        const a = articles[i] as CorpusArticle;
        const text = a.text.slice(Math.min(from, a.text.length), from + len);
        for (const f of summarizeArticle({ title: a.title, text }, { topK: 50 }).figures) {
          expect(fidelityProblem(text, f)).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('fidelity on generated text (property)', () => {
  const piece = fc.constantFrom(
    ' ', '\n', ', ', '. ', '-', '%', '$', '£', 'bn', 'm', 'million', 'per cent', 'almost ', 'voted ', ' to ', ' of the ', 'Stallone, ',
    'Help us reach ', 'five', 'eight', 'critics', 'from ', ' a year earlier', 'or ', 'p', 'years', 'Friday ', 'Subscribe\n',
  );
  const digits = fc.stringMatching(/^[0-9]{1,4}([.,][0-9]{1,3})?$/);
  it('every ranked figure is the slice at its offsets and says its value', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, digits), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        for (const f of summarizeArticle({ title: '', text }, { topK: 50 }).figures) expect(fidelityProblem(text, f)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

describe('labelAgrees (the dev-gold scorer rule)', () => {
  it.each([
    ['rise in Time Warner quarterly profit', '%', "rise in Time Warner's quarterly profit", true],
    ['Russian soldiers captured', null, 'Russian soldiers captured by Ukraine', true],
    ['profit', null, 'Qantas first-half net profit', false],
    ['anything', null, 'the of', false],
    ['years', 'years', 'years since the band split', false],
  ])('"%s" (%s) vs "%s" → %s', (label, unit, gold, expected) => {
    expect(labelAgrees({ label, unit }, gold)).toBe(expected);
  });
});

describe('devGoldScore', () => {
  const articles: CorpusArticle[] = [
    { id: 'a', title: 'Profits jump at Acme', text: 'Acme profits jumped 76% to $1.13bn in 2004, the firm said on 5 May.' },
    { id: 'b', title: 'Quiet day', text: 'Nothing was counted.' },
  ];
  it('counts recall by value, labels by content words and shown strings the gold forbids', () => {
    const score = devGoldScore(articles, [
      { id: 'a', key: [{ value: 76, text: '76%', label: 'rise in Acme profits' }, { value: 3, text: 'three', label: 'absent' }], not: ['2004'] },
      { id: 'b', key: [] },
      { id: 'missing', key: [{ value: 1, text: '1', label: 'x' }] },
    ]);
    expect(score).toMatchObject({ articles: 2, keys: 2, found: 1, candidates: 1, labelled: 1, falseShown: 0 });
    expect(score.shown).toBeGreaterThanOrEqual(2);
  });
  it('counts a gold figure ranked below the top 5 among the candidates, not among the found', () => {
    // One text of ten quantities scored twice, each time with five of them as gold: whatever the ranking, the top 5
    // hold exactly five gold values across the two, and all ten are candidates.
    const text = 'Acme sold 11 cars, 12 vans, 13 bikes, 14 boats, 15 kites, 16 sleds, 17 rafts, 18 carts, 19 tents and 20 hats.';
    const key = (values: number[]) => values.map((value) => ({ value, text: String(value), label: 'sales' }));
    const score = devGoldScore([{ id: 'a', title: 'Acme sales', text }, { id: 'b', title: 'Acme sales', text }], [
      { id: 'a', key: key([11, 12, 13, 14, 15]) },
      { id: 'b', key: key([16, 17, 18, 19, 20]) },
    ]);
    expect(score).toMatchObject({ keys: 10, found: 5, candidates: 10 });
  });
});
