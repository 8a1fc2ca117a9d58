import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agrees, fit, trainingGold } from '../../src/eval/train-label-extend.js';
import { goldPart } from '../../src/eval/gold-split.js';
import { articleContext } from '../../src/figures/labels/article-context.js';
import { splitSentences } from '../../src/figures/sentences.js';
import { findFigures } from '../../src/figures/find-figures.js';
import { clauseChunks, completeLabel, contentWords, useLabelWeights, type LabelWeights } from '../../src/figures/label-extend.js';
import { tagSentence } from '../../src/figures/tag-sentence.js';

/** The sentence's tokens and the figure's first and last token. */
function at(sentence: string, figure: string): { toks: ReturnType<typeof tagSentence>['tokens']; f0: number; f1: number } {
  const toks = tagSentence(sentence).tokens;
  const start = sentence.indexOf(figure);
  const f0 = toks.findIndex((t) => t.end > start);
  let f1 = f0;
  while ((toks[f1 + 1]?.start ?? Infinity) < start + figure.length) f1++;
  return { toks, f0, f1 };
}

/** Weights that add every placeable chunk: what the candidates are, whatever the fit says. */
const ALL: LabelWeights = { bias: 5, weights: {}, threshold: 0.5 };
const initial = useLabelWeights(null);
useLabelWeights(initial);
afterEach(() => {
  useLabelWeights(initial);
});

describe('clauseChunks', () => {
  it.each([
    ['Negotiators freed 240 detainees on Monday in Geneva.', '240', ['Negotiators', 'freed', 'detainees', 'on Monday', 'in Geneva']],
    // An of-phrase stays with its noun; the clause ends at a comma or "said".
    ['The users of Opera grew to 10 million, the firm said.', '10 million', ['users of Opera', 'grew']],
    ['Analysts said sales of phones rose 26% in Europe.', '26%', ['sales of phones', 'rose', 'in Europe']],
  ])('%s → %s', (sentence, figure, chunks) => {
    const { toks, f0, f1 } = at(sentence, figure);
    expect(clauseChunks(toks, f0, f1).map((c) => c.tokens.map((t) => t.text).join(' ').replace(/^the /i, ''))).toEqual(chunks);
  });
});

describe('completeLabel', () => {
  it.each([
    // A prepositional phrase goes after the label; a time phrase never (the date rules place times).
    ['Negotiators freed 240 detainees on Monday in Geneva.', '240', 'detainees freed', 'detainees freed in Geneva'],
    // A bare common noun leans on words left behind ("after talks"); a name or a modified noun reads alone.
    ['Negotiators freed 240 detainees after talks in Geneva.', '240', 'detainees freed', 'detainees freed in Geneva'],
    ['Negotiators freed 240 detainees after long talks.', '240', 'detainees freed', 'detainees freed after long talks'],
    // A name heading its phrase goes first when the label names nobody; "according to" says who told, not what.
    ['According to analysts, Tony Blair met 40 families in Leeds.', '40', 'families', 'Tony Blair families in Leeds'],
    ['Tony Blair met 40 families of victims.', '40', 'Blair families', 'Blair families'],
  ])('%s [%s] %s → %s', (sentence, figure, label, completed) => {
    useLabelWeights(ALL);
    const { toks, f0, f1 } = at(sentence, figure);
    expect(completeLabel(label, toks, f0, f1, 'count', null)).toBe(completed);
  });

  it('keeps the structural label when no weights are active, and within eight words when they are', () => {
    const sentence = 'Negotiators from the United Nations freed 240 detainees held in camps near the border with Iran in Geneva.';
    const { toks, f0, f1 } = at(sentence, '240');
    useLabelWeights(null);
    expect(completeLabel('detainees freed', toks, f0, f1, 'count', null)).toBe('detainees freed');
    useLabelWeights(ALL);
    const out = completeLabel('detainees freed', toks, f0, f1, 'count', null);
    expect(out.startsWith('detainees freed')).toBe(true);
    expect(out.split(' ').length).toBeLessThanOrEqual(8);
    expect(out).not.toBe('detainees freed');
  });

  it('never adds a piece of a name or of a hyphenated compound', () => {
    useLabelWeights(ALL);
    // "for Work" of "the Department for Work and Pensions", "at the Food" of "the Food and Drug Administration".
    for (const [sentence, figure] of [
      ['The plan cut 30,000 jobs at the Department for Work and Pensions.', '30,000'],
      ['The firm sold 40 devices to the Food and Drug Administration.', '40'],
    ]) {
      const { toks, f0, f1 } = at(sentence as string, figure as string);
      expect(completeLabel('jobs cut', toks, f0, f1, 'count', null)).toBe('jobs cut');
    }
    const { toks, f0, f1 } = at('Users of peer-to-peer networks shared 500 films.', '500');
    expect(clauseChunks(toks, f0, f1).map((c) => c.tokens.map((t) => t.text).join(' '))).not.toContainEqual(expect.stringMatching(/^(?:-|to\b)/));
    // A whole name in a phrase still joins.
    const whole = at('The plan cut 30,000 jobs in Northern Ireland.', '30,000');
    expect(completeLabel('jobs cut', whole.toks, whole.f0, whole.f1, 'count', null)).toBe('jobs cut in Northern Ireland');
  });

  it('puts completions after a structural opener ("rise in"), fronted phrases too', () => {
    useLabelWeights(ALL);
    const { toks, f0, f1 } = at('At Qantas the profits rose 8% in Australia.', '8%');
    expect(completeLabel('rise in profits', toks, f0, f1, 'percent', null)).toBe('rise in profits at Qantas in Australia');
  });

  it('is what findFigures labels with, under the fitted weights', () => {
    const f = findFigures('Negotiators freed 240 detainees on Monday in Geneva.').find((x) => x.text === '240');
    useLabelWeights(null);
    const bare = findFigures('Negotiators freed 240 detainees on Monday in Geneva.').find((x) => x.text === '240');
    expect(bare?.label).toBe('detainees freed by Negotiators');
    expect(f?.label.startsWith(bare?.label ?? '?')).toBe(true);
  });
});

describe('the label model training', () => {
  it('agrees as the scorer does: half of the gold content words, the unit counted', () => {
    expect(contentWords('rise in the UK exports')).toEqual(['rise', 'exports']);
    expect(agrees('exports rise', null, 'rise in China exports')).toBe(true);
    expect(agrees('exports', null, 'rise in China exports')).toBe(false);
    expect(agrees('China', 'exports', 'rise in China exports')).toBe(true);
  });

  it('fits a feature that separates the rows with a positive weight', () => {
    const rows = Array.from({ length: 40 }, (_, k) => {
      const x = new Array<number>(14).fill(0);
      x[1] = k % 2;
      return { x, y: k % 2 };
    });
    const w = fit(rows, { l2: 0.01, steps: 300, threshold: 0.5 });
    expect(w.weights.pp ?? 0).toBeGreaterThan(1);
    expect(w.bias).toBeLessThan(0);
  });
});

describe('what the model reads of the article', () => {
  it('counts each content word over the whole text and knows the headline words', () => {
    const text = 'Sony PSP hits the US\n\nThe PSP costs $250. Sony sold 500,000 PSP consoles in Japan.';
    const article = articleContext(text, splitSentences(text)[0]);
    expect(article.count('psp')).toBe(3);
    expect(article.count('japan')).toBe(1);
    expect(article.count('nowhere')).toBe(0);
    expect([...article.headlineWords()].sort()).toEqual(['hits', 'psp', 'sony']);
    // A text without a headline line has no headline words.
    const plain = 'The PSP costs $250. Sony sold 500,000 PSP consoles.';
    expect(articleContext(plain, splitSentences(plain)[0]).headlineWords().size).toBe(0);
  });
});

describe('the training articles', () => {
  it('are the dev gold tune part and the training annotations, never the report part', () => {
    const dir = mkdtempSync(join(tmpdir(), 'label-gold-'));
    const ids = ['business-001', 'business-002', 'business-003', 'business-004', 'business-005', 'business-006'];
    const entry = (id: string): string => JSON.stringify({ id, key: [{ value: 1, text: '1', label: 'one thing' }] });
    writeFileSync(join(dir, 'dev.jsonl'), ids.map(entry).join('\n') + '\n');
    const report = ids.filter((id) => goldPart(id) === 'report');
    expect(report.length).toBeGreaterThan(0);
    // The training file annotates a new article and, again, one of the dev gold's report part.
    writeFileSync(join(dir, 'train.jsonl'), [entry('tech-900'), entry(report[0] as string)].join('\n') + '\n');
    const got = trainingGold(join(dir, 'dev.jsonl'), [join(dir, 'train.jsonl'), join(dir, 'missing.jsonl')]).map((g) => g.id);
    expect(got.sort()).toEqual([...ids.filter((id) => goldPart(id) === 'tune'), 'tech-900'].sort());
  });
});
