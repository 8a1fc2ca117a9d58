import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calibrate, crossValidate, fit, fitNotFigure, isFixtureKey, recallAt5, trainingArticles, type TrainingArticle } from '../../src/eval/train-ranker.js';
import { findFigures } from '../../src/figures/find-figures.js';
import { FEATURE_NAMES, type FeatureName } from '../../src/figures/rank-features.js';
import { figureGroups, scoreOf } from '../../src/figures/rank-figures.js';

describe('figure features', () => {
  const title = 'Factory hires 250 staff';
  const text = 'Factory hires 250 staff\n\nThe factory will hire 250 staff, up from 180 a year earlier, and has two sites.';
  const groups = figureGroups(findFigures(text), { title, text });
  const of = (t: string) => groups.find((g) => g.members.some((m) => m.text === t))?.features;

  it('joins the headline and body mentions of one number and marks it as the headline figure', () => {
    expect(of('250')).toMatchObject({ inTitle: 1, repeats: 1, lead: 1, count: 1 });
  });
  it('marks a baseline and a small spelled-out count', () => {
    expect(of('180')).toMatchObject({ baseline: 1, inTitle: 0 });
    expect(of('two')).toMatchObject({ spelled: 1, small: 1 });
  });
  it('counts only spelled-out counts and spans as spelled, not shares or percents in words', () => {
    const t = 'Sixty percent of the fund goes to poor countries. Half the world has a phone, and two firms agreed.';
    const gs = figureGroups(findFigures(t), { title: '', text: t });
    const f = (s: string) => gs.find((g) => g.members.some((m) => m.text === s))?.features;
    expect(f('Sixty percent')).toMatchObject({ spelled: 0, percent: 1 });
    expect(f('Half')).toMatchObject({ spelled: 0, share: 1 });
    expect(f('two')).toMatchObject({ spelled: 1 });
  });
  it('marks what changed, multipliers and proportions', () => {
    const t = 'Sales rose 12% as exports tripled. One in five firms grew, with 40 new plants.';
    const gs = figureGroups(findFigures(t), { title: '', text: t });
    const f = (s: string) => gs.find((g) => g.members.some((m) => m.text === s))?.features;
    expect(f('12%')).toMatchObject({ changed: 1, times: 0, share: 0 });
    expect(f('tripled')).toMatchObject({ times: 1, changed: 0 });
    expect(f('One in five')).toMatchObject({ share: 1, ratio: 1 });
    expect(f('40')).toMatchObject({ changed: 0, times: 0, share: 0 });
  });
  it('marks a stressed figure and one whose label and sentence are about the story', () => {
    const t = 'Broadband users rose to 5 million. Broadband prices fell and broadband users stayed. Only 15% of users left, and 3 shops shut in York.';
    const gs = figureGroups(findFigures(t), { title: '', text: t });
    const f = (s: string) => gs.find((g) => g.members.some((m) => m.text === s))?.features;
    expect(f('15%')).toMatchObject({ emphasis: 1 });
    expect(f('3')).toMatchObject({ emphasis: 0 });
    // "broadband" and "users" recur: the first sentence is central, the last one's shops are not the topic.
    expect(f('5 million')?.centrality).toBeGreaterThan(f('3')?.centrality ?? 1);
    expect(f('5 million')?.labelTopic).toBeGreaterThan(f('3')?.labelTopic ?? 1);
  });
  it('marks a chart place, a number-unit compound before a noun and a supposition', () => {
    const t = 'The song rose to number 11 in the charts. He hit a 25-yard drive past 40 fans. If we lose 2-0 we are out. The ban lasts six months.';
    const gs = figureGroups(findFigures(t), { title: '', text: t });
    const f = (s: string) => gs.find((g) => g.members.some((m) => m.text === s))?.features;
    expect(f('number 11')).toMatchObject({ chart: 1, modifier: 0 });
    expect(f('25-yard')).toMatchObject({ modifier: 1, chart: 0 });
    expect(f('40')).toMatchObject({ modifier: 0, chart: 0, conditional: 0 });
    expect(f('2-0')).toMatchObject({ conditional: 1 });
    expect(f('six months')).toMatchObject({ modifier: 0, conditional: 0 });
  });
  it('gives counts their size and early money its own weight', () => {
    const t = 'Acme made $5m and hired 4,000 staff.\n\nIt said so.\n\nLater it said more.\n\nAnd more.\n\nAnd more still.\n\nAnd then $2m went on 30 vans.';
    const gs = figureGroups(findFigures(t), { title: '', text: t });
    const f = (s: string) => gs.find((g) => g.members.some((m) => m.text === s))?.features;
    expect(f('4,000')?.countLog).toBeGreaterThan(f('30')?.countLog ?? 1);
    expect(f('$5m')).toMatchObject({ countLog: 0, leadMoney: 1 });
    expect(f('$2m')).toMatchObject({ leadMoney: 0 });
  });
});

describe('ranker fit', () => {
  // Synthetic articles where only the headline feature tells the key quantity apart.
  const vec = (inTitle: number, noise: number) => FEATURE_NAMES.map((n) => (n === 'inTitle' ? inTitle : n === 'position' ? noise : 0));
  const articles: TrainingArticle[] = Array.from({ length: 12 }, (_, i) => ({
    id: String(i),
    x: [vec(0, 0.1 * (i % 3)), vec(1, 0.5), vec(0, 0.2), vec(0, 0.9), vec(0, 0.4), vec(0, 0.7)],
    y: [false, true, false, false, false, false],
    values: [[1, undefined], [2, undefined], [3, undefined], [4, undefined], [5, undefined], [6, undefined]],
    gold: [2],
  }));

  it('learns the feature that separates key quantities and ranks them first', () => {
    const model = fit(articles, { l2: 0.01, steps: 300 });
    expect(model.weights.inTitle).toBeGreaterThan(0);
    expect(recallAt5(articles, model)).toBe(1);
  });

  it('calibrates scores to log-odds that a quantity is key, keeping the order within each article', () => {
    const model = fit(articles, { l2: 0.01, steps: 300 });
    const calibrated = calibrate(articles, model);
    const p = (m: typeof model, x: number[]) => 1 / (1 + Math.exp(-scoreOf(Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, x[i] ?? 0])) as Record<FeatureName, number>, m)));
    const probs = articles.flatMap((a) => a.x.map((x) => p(calibrated, x)));
    // One key quantity in six: the calibrated probabilities average that share.
    expect(probs.reduce((s, v) => s + v, 0) / probs.length).toBeCloseTo(1 / 6, 2);
    expect(calibrated.bias).toBeLessThan(0);
    expect(recallAt5(articles, calibrated)).toBe(1);
    for (const a of articles) {
      const order = (m: typeof model) => a.x.map((x, j) => [p(m, x), j] as const).sort((u, v) => v[0] - u[0]).map(([, j]) => j);
      expect(order(calibrated)).toEqual(order(model));
    }
  });

  it('fits the "not a figure" model on the gold not-lists, and cross-validation counts the false figures it removes', () => {
    // Four quantities, so ranking alone shows them all; quantity 2 is a gold `not` string, and only it has the chart sign.
    const marked = articles.map((a) => ({
      ...a, x: a.x.slice(0, 4).map((x, j) => x.map((v, i) => (FEATURE_NAMES[i] === 'chart' ? (j === 2 ? 1 : 0) : v))),
      y: a.y.slice(0, 4), values: a.values.slice(0, 4), not: [false, false, true, false],
    }));
    const nf = fitNotFigure(marked, { l2: 0.001, steps: 800 });
    expect(nf.weights.chart).toBeGreaterThan(0);
    const opts = { folds: 3, repeats: 1, l2: 0.01, steps: 200 };
    expect(crossValidate(marked, opts).falseShare).toBeGreaterThan(0);
    const filtered = crossValidate(marked, { ...opts, notFigure: true, notL2: 0.001 });
    expect(filtered.falseShare).toBe(0);
    expect(filtered.recall).toBe(1);
  });

  it('matches a fixture key written without the qualifier the mention carries', () => {
    expect(isFixtureKey('more than 500,000', ['500,000'])).toBe(true);
    expect(isFixtureKey('between 2,000 and 4,000', ['2,000 and 4,000'])).toBe(true);
    expect(isFixtureKey('500,000', ['500,000'])).toBe(true);
    expect(isFixtureKey('1,500,000', ['500,000'])).toBe(false);
    expect(isFixtureKey('more than 50', ['500'])).toBe(false);
  });

  it('cross-validates on held-out folds and gives the same estimate on every run', () => {
    const opts = { folds: 3, l2: 0.01, steps: 200 };
    const once = crossValidate(articles, { ...opts, repeats: 1 });
    expect(once.recall).toBe(1);
    expect(crossValidate(articles, { ...opts, repeats: 3 })).toEqual(crossValidate(articles, { ...opts, repeats: 3 }));
  });

  it('folds every source, scores only articles with gold values, and reports each source apart', () => {
    // The training gold's articles hold a key value the finder never found: they train, and each counts as a miss.
    const liars: TrainingArticle[] = articles.slice(0, 6).map((a) => ({ ...a, id: `t${a.id}`, source: 'train', gold: [99] }));
    const keyOnly: TrainingArticle[] = articles.slice(0, 6).map((a) => ({ ...a, id: `f${a.id}`, source: 'fixture', gold: [] }));
    const cv = crossValidate([...articles.map((a) => ({ ...a, source: 'tune' as const })), ...liars, ...keyOnly], { folds: 3, repeats: 1, l2: 0.01, steps: 200 });
    expect(cv.bySource.tune).toBe(1);
    expect(cv.bySource.train).toBe(0);
    expect(cv.bySource.fixture).toBeUndefined();
    expect(cv.recall).toBeCloseTo(12 / 18, 6);
  });

  it('never trains on a training-gold article that the dev gold holds (its report part must not leak in)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'train-ranker-'));
    const article = (id: string): string => JSON.stringify({ id, title: `Sales up ${id.length}0%`, text: 'Sales rose 40% to $2bn, the firm said. It has 300 shops.' });
    writeFileSync(join(dir, 'corpus.jsonl'), `${article('a-1')}\n${article('b-22')}\n`);
    writeFileSync(join(dir, 'dev.jsonl'), `${JSON.stringify({ id: 'a-1', key: [{ value: 40 }] })}\n`);
    writeFileSync(join(dir, 'train.jsonl'), `${JSON.stringify({ id: 'a-1', key: [{ value: 40 }] })}\n${JSON.stringify({ id: 'b-22', key: [{ value: 2e9 }] })}\n`);
    const { train } = trainingArticles(join(dir, 'dev.jsonl'), null, join(dir, 'corpus.jsonl'), join(dir, 'train.jsonl'));
    expect(train.map((a) => a.id)).toEqual(['b-22']);
    expect(train[0]?.y.filter(Boolean).length).toBe(1);
  });
});
