/**
 * Fit the figure ranker: a conditional logit (softmax over each article's quantities) on every annotated article
 * the project may learn from: the tune part of the dev gold (never its report part), the 40-article key-only
 * fixture and the hand-annotated training gold (test/fixtures/gold-train.jsonl, dev-gold format), with L2
 * shrinkage. Reports k-fold cross-validated recall@5 (folds by article over all of them; recall counted where the
 * gold gives values), then fits on all of it, calibrates the scores to log-odds (see `calibrate`) and writes
 * src/figures/ranker-weights.json.
 *
 * Usage: npm run train:ranker -- [--gold ../shared/gold/figures-dev.jsonl] [--train test/fixtures/gold-train.jsonl]
 *   [--folds 5] [--repeats 1] [--l2 0.01] [--not-l2 0.001] [--without feature,feature] [--dry]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { articleFromDocument } from '../app/article-from-document.js';
import type { Figure } from '../domain/types.js';
import { findFigures } from '../figures/find-figures.js';
import { FEATURE_NAMES, type FeatureName } from '../figures/rank-features.js';
import { figureGroups, representative, scoreOf, type RankerWeights } from '../figures/rank-figures.js';
import { splitSentences } from '../figures/sentences.js';
import { chromeEnd } from '../figures/summarize.js';
import { isVagueAmount } from '../figures/vague-amounts.js';
import { closeValue } from './eval-figures.js';
import { learnableGold } from './gold-split.js';

/** Where a training article comes from: the dev gold's tune part, the key-only fixture, the training gold. */
export type TrainingSource = 'tune' | 'fixture' | 'train';

/** One article ready for training: its quantities' feature vectors, which are key, and the gold values. */
export interface TrainingArticle {
  id: string;
  source?: TrainingSource;
  x: number[][];
  y: boolean[];
  /** Representative value (and upper bound) of each quantity, for recall. */
  values: Array<[number, number | undefined]>;
  gold: number[];
  /** Whether each quantity's shown mention is one of the gold's `not` strings (absent where the source has no `not` list). */
  not?: boolean[];
}

/** Features whose direction is known: the fit may shrink them to zero but never flip them. */
const SIGNS: Partial<Record<FeatureName, 1 | -1>> = { inTitle: 1, repeats: 1, lead: 1, baseline: -1, restated: -1, approx: -1, bracketed: -1 };

/**
 * Where shrinkage pulls a weight when the data say little (L2 towards a prior, not towards zero): the headline's
 * number is the story's number (8 headline quantities in the tune part cannot teach that alone).
 */
const PRIOR: Partial<Record<FeatureName, number>> = { inTitle: 1, repeats: 0.3, baseline: -0.5, restated: -0.3 };
/**
 * How hard shrinkage holds a weight to its prior, as a multiple of l2. Six of the eight headline quantities in the
 * training data are key, yet so few that the fit, sharing their credit with lead and repeats, left inTitle at 0 and
 * let "€12.5 million" outrank the headline's "almost 600"/"587". Held at 10× it fits to about 0.4 (CV cost ≤ 1 point).
 */
const PRIOR_STRENGTH: Partial<Record<FeatureName, number>> = { inTitle: 10 };

/** The quantities of one article as summarize sees them (title = first line of "title\n\ntext"). */
function quantities(title: string, body: string): Array<{ members: Figure[]; x: number[] }> {
  const { title: t, text } = articleFromDocument(`${title}\n\n${body}`);
  const start = chromeEnd(text);
  const all = splitSentences(text);
  const sentences = start === 0 ? all : all.filter((s) => s.start >= start);
  // Vague amounts ("thousands") are never key and rankFigures ranks them apart: they are not learnt from.
  const mentions = findFigures(text, all).filter((f) => f.start >= start && !isVagueAmount(f.text));
  return figureGroups(mentions, { title: t, text, sentences }).map((g) => ({ members: g.members, x: FEATURE_NAMES.map((n) => g.features[n]) }));
}

/** Read a corpus file into a map by id. */
function readCorpusById(corpusFile: string): Map<string, { title: string; text: string }> {
  const corpus = new Map<string, { title: string; text: string }>();
  for (const l of readFileSync(corpusFile, 'utf8').split('\n')) if (l.trim()) {
    const a = JSON.parse(l) as { id: string; title: string; text: string };
    corpus.set(String(a.id), a);
  }
  return corpus;
}

/** An article annotated by value (dev gold or training gold), ready for training. */
function byValue(id: string, a: { title: string; text: string }, key: ReadonlyArray<{ value: number }>, source: TrainingSource, not: readonly string[] = []): TrainingArticle {
  const gold = key.slice(0, 5).map((k) => k.value);
  const qs = quantities(a.title, a.text);
  const y = qs.map((q) => q.members.some((m) => gold.some((v) => closeValue(m.value, v) || closeValue(m.valueMax, v))));
  // Recall is judged on the mention shown for each quantity, as the product shows it.
  const shown = qs.map((q) => representative(q.members));
  return { id, source, x: qs.map((q) => q.x), y, values: shown.map((m) => [m.value, m.valueMax]), gold, not: shown.map((m) => isNotString(m.text, not)) };
}

/**
 * Build training articles: the dev gold's tune part and the training gold by value, the fixture (figure texts) by
 * text. A training-gold article that is also in the dev gold is left out, so the report part can never leak in.
 */
export function trainingArticles(goldFile: string, fixtureFile: string | null, corpusFile: string, trainFile: string | null = null): { tune: TrainingArticle[]; fixture: TrainingArticle[]; train: TrainingArticle[] } {
  const corpus = readCorpusById(corpusFile);
  const gold = learnableGold<{ id: string; key: Array<{ value: number }>; not?: string[] }>(goldFile, trainFile === null ? [] : [trainFile]);
  const annotated = (entries: typeof gold.tune, source: TrainingSource): TrainingArticle[] =>
    entries.flatMap((g) => {
      const a = corpus.get(String(g.id));
      return a === undefined ? [] : [byValue(String(g.id), a, g.key, source, g.not ?? [])];
    });
  const tune = annotated(gold.tune, 'tune');
  const train = annotated(gold.train, 'train');
  const fixture: TrainingArticle[] = [];
  if (fixtureFile !== null) {
    for (const g of JSON.parse(readFileSync(fixtureFile, 'utf8')) as Array<{ id: string; key: string[] }>) {
      const a = corpus.get(String(g.id));
      if (a === undefined || gold.devIds.has(String(g.id))) continue;
      const qs = quantities(a.title, a.text);
      const y = qs.map((q) => q.members.some((m) => isFixtureKey(m.text, g.key)));
      fixture.push({ id: g.id, source: 'fixture', x: qs.map((q) => q.x), y, values: [], gold: [] });
    }
  }
  return { tune, fixture, train };
}

/**
 * Whether a shown figure is one of the gold's `not` strings, by the scorer's rule: the same text, or a text holding a
 * `not` string that has a digit ("in 2004" holds "2004").
 * @example isNotString("number 11", ["number 11"]) // true
 */
export function isNotString(text: string, not: readonly string[]): boolean {
  return not.some((s) => text === s || (text.includes(s) && /\d/.test(s)));
}

/**
 * Whether a mention is one of the fixture's key figures. The fixture writes a key without its qualifier ("500,000"
 * for "more than 500,000", "2,000 and 4,000" for "between 2,000 and 4,000"): matched on the whole text only, a
 * quarter of its keys trained as incidental and taught the model that approximate figures are.
 * @example isFixtureKey("more than 500,000", ["500,000"]) // true
 */
export function isFixtureKey(mention: string, keys: readonly string[]): boolean {
  return keys.some((k) => mention === k || mention.endsWith(` ${k}`));
}

/**
 * Conditional logit by gradient descent: maximise, per article, the softmax probability of its key quantities.
 * @example fit(articles, { l2: 0.01, steps: 1500 }).weights.inTitle // > 0
 */
export function fit(articles: readonly TrainingArticle[], opts: { l2: number; steps: number; rate?: number }): RankerWeights {
  const d = FEATURE_NAMES.length;
  const w = new Float64Array(d);
  const rate = opts.rate ?? 0.5;
  // Flat arrays: the fit runs thousands of passes, and cross-validation repeats it per fold.
  const usable = articles.filter((a) => a.y.some(Boolean) && a.y.some((v) => !v)).map((a) => ({
    x: Float64Array.from(a.x.flat()),
    y: a.y,
    positives: a.y.filter(Boolean).length,
  }));
  const prior = Float64Array.from(FEATURE_NAMES, (n) => PRIOR[n] ?? 0);
  const strength = Float64Array.from(FEATURE_NAMES, (n) => PRIOR_STRENGTH[n] ?? 1);
  const signs = FEATURE_NAMES.map((n) => SIGNS[n]);
  const grad = new Float64Array(d);
  const scores = new Float64Array(Math.max(0, ...articles.map((a) => a.x.length)));
  for (let step = 0; step < opts.steps; step++) {
    grad.fill(0);
    for (const a of usable) {
      const n = a.y.length;
      let max = -Infinity;
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let i = 0; i < d; i++) s += (a.x[j * d + i] ?? 0) * (w[i] ?? 0);
        scores[j] = s;
        if (s > max) max = s;
      }
      let z = 0;
      for (let j = 0; j < n; j++) {
        scores[j] = Math.exp((scores[j] ?? 0) - max);
        z += scores[j] ?? 0;
      }
      // Each key quantity is one observed choice among all the article's quantities.
      for (let j = 0; j < n; j++) {
        const coef = (a.y[j] ? 1 : 0) - (a.positives * (scores[j] ?? 0)) / z;
        for (let i = 0; i < d; i++) grad[i] = (grad[i] ?? 0) + coef * (a.x[j * d + i] ?? 0);
      }
    }
    for (let i = 0; i < d; i++) {
      const next = (w[i] ?? 0) + rate * ((grad[i] ?? 0) / usable.length - opts.l2 * (strength[i] ?? 1) * ((w[i] ?? 0) - (prior[i] ?? 0)));
      const sign = signs[i];
      // Prior knowledge kept as sign constraints: a small sample must not teach that the headline's number matters less.
      w[i] = sign === undefined ? next : sign > 0 ? Math.max(0, next) : Math.min(0, next);
    }
  }
  const weights: Partial<Record<FeatureName, number>> = {};
  FEATURE_NAMES.forEach((n, i) => {
    weights[n] = Math.round((w[i] ?? 0) * 1000) / 1000;
  });
  return { bias: 0, weights };
}

/**
 * Turn the conditional logit's scores into calibrated log-odds that a quantity is key (Platt scaling): fit
 * P(key) = sigmoid(a·score + b) over every quantity of the training articles by Newton's method, then fold a and b
 * into the model (weights × a, bias b). The order within an article is unchanged (a > 0); what changes is that a
 * score now means the same thing after every refit, so a digest can weigh stories by sigmoid(score) without
 * depending on the scale a particular fit happened to land on.
 * @example calibrate(articles, fit(articles, opts)).bias // < 0: most quantities are not key
 */
export function calibrate(articles: readonly TrainingArticle[], model: RankerWeights): RankerWeights {
  const pairs = articles.flatMap((a) => a.x.map((x, j) => [scoreOf(Object.fromEntries(FEATURE_NAMES.map((k, i) => [k, x[i] ?? 0])) as Record<FeatureName, number>, model), a.y[j] ? 1 : 0] as const));
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 50; iter++) {
    // Gradient and Hessian of the log-likelihood in (a, b), with a whisper of ridge so a separable toy set stays finite.
    let ga = -1e-6 * a, gb = 0, haa = 1e-6, hab = 0, hbb = 1e-9;
    for (const [s, y] of pairs) {
      const p = 1 / (1 + Math.exp(-(a * s + b)));
      const r = y - p;
      const v = p * (1 - p);
      ga += r * s;
      gb += r;
      haa += v * s * s;
      hab += v * s;
      hbb += v;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  if (!(a > 0)) throw new Error(`calibrate: the scores do not rank key quantities higher (scale ${a})`);
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  const weights: Partial<Record<FeatureName, number>> = {};
  for (const n of FEATURE_NAMES) weights[n] = round((model.weights[n] ?? 0) * a);
  return { bias: round(model.bias * a + b), weights };
}

/**
 * What the "not a figure at all" model reads: the signs a number names, ranks or describes rather than counts (a chart
 * place, a number-unit compound before a noun, a supposition), with kind and place, which tell when such a sign misleads.
 */
export const NOT_FIGURE_FEATURES: readonly FeatureName[] = [
  'chart', 'modifier', 'conditional', 'money', 'percent', 'ratio', 'count', 'range', 'measure', 'other', 'duration',
  'inTitle', 'lead', 'quoted', 'small', 'spelled', 'logValue', 'repeats',
];

/**
 * Fit the "not a figure at all" model: logistic regression over every quantity of the articles that have `not` lists,
 * a quantity whose shown mention is a `not` string being the positive class (dates, ages, chart places, "a 25-yard
 * drive"). rankFigures drops a quantity the model gives even odds or more. Bias starts at the base rate, L2 towards 0.
 * @example fitNotFigure(articles, { l2: 0.01, steps: 2000 }).weights.chart // > 0
 */
export function fitNotFigure(articles: readonly TrainingArticle[], opts: { l2: number; steps: number; rate?: number }): RankerWeights {
  const cols = NOT_FIGURE_FEATURES.map((n) => FEATURE_NAMES.indexOf(n));
  const rows: Array<{ x: number[]; y: number }> = [];
  for (const a of articles) if (a.not !== undefined) a.x.forEach((x, j) => rows.push({ x: cols.map((c) => x[c] ?? 0), y: a.not?.[j] ? 1 : 0 }));
  const positives = rows.filter((r) => r.y === 1).length;
  const d = cols.length;
  const w = new Float64Array(d);
  let b = positives === 0 || positives === rows.length ? 0 : Math.log(positives / (rows.length - positives));
  const rate = opts.rate ?? 0.5;
  for (let step = 0; step < opts.steps && rows.length > 0; step++) {
    const g = new Float64Array(d);
    let gb = 0;
    for (const r of rows) {
      let z = b;
      for (let i = 0; i < d; i++) z += (w[i] ?? 0) * (r.x[i] ?? 0);
      const e = r.y - 1 / (1 + Math.exp(-z));
      gb += e;
      for (let i = 0; i < d; i++) g[i] = (g[i] ?? 0) + e * (r.x[i] ?? 0);
    }
    // Scaled per positive, not per row: thirty-odd positives among fifteen hundred quantities must still move the fit.
    const scale = rate / Math.max(1, positives);
    b += scale * gb;
    for (let i = 0; i < d; i++) w[i] = (w[i] ?? 0) + scale * (g[i] ?? 0) - rate * opts.l2 * (w[i] ?? 0);
  }
  const weights: Partial<Record<FeatureName, number>> = {};
  NOT_FIGURE_FEATURES.forEach((n, i) => {
    weights[n] = Math.round((w[i] ?? 0) * 1000) / 1000;
  });
  return { bias: Math.round(b * 1000) / 1000, weights };
}

/** A quantity's features as a record, from the trainer's vector. */
function record(x: readonly number[]): Record<FeatureName, number> {
  return Object.fromEntries(FEATURE_NAMES.map((k, i) => [k, x[i] ?? 0])) as Record<FeatureName, number>;
}

/**
 * Gold key values found among each article's top 5 quantities, and how many there were (the scorer's recall@5); with
 * a "not a figure" model, the quantities it rejects are not shown. `shown` and `notShown` count the top 5 and the
 * gold `not` strings among them (the scorer's false figures).
 */
export function hitsAt5(articles: readonly TrainingArticle[], model: RankerWeights, notFigure?: RankerWeights): { hit: number; n: number; shown: number; notShown: number } {
  let hit = 0;
  let n = 0;
  let shown = 0;
  let notShown = 0;
  for (const a of articles) {
    const order = a.x.map((x, j) => ({ j, s: scoreOf(record(x), model) })).filter((o) => notFigure === undefined || scoreOf(record(a.x[o.j] ?? []), notFigure) < 0);
    order.sort((p, q) => q.s - p.s || p.j - q.j);
    const top5 = order.slice(0, 5);
    const top = top5.map((o) => a.values[o.j] as [number, number | undefined]);
    if (a.not !== undefined) {
      shown += top5.length;
      notShown += top5.filter((o) => a.not?.[o.j]).length;
    }
    for (const v of a.gold) {
      n++;
      if (top.some(([lo, hi]) => closeValue(lo, v) || closeValue(hi, v))) hit++;
    }
  }
  return { hit, n, shown, notShown };
}

/** Share of gold key values among each article's top 5 quantities (the scorer's recall@5). */
export function recallAt5(articles: readonly TrainingArticle[], model: RankerWeights): number {
  const { hit, n } = hitsAt5(articles, model);
  return n === 0 ? 0 : hit / n;
}

/** Steps of the "not a figure" fit (few features, so a few hundred passes settle it). */
const NOT_FIGURE_STEPS = 800;

/** Cross-validated recall@5, over all scored articles and per source. */
export interface CrossValidation {
  recall: number;
  bySource: Partial<Record<TrainingSource, number>>;
  /** Share of shown quantities (top 5 of articles with `not` lists) that are gold `not` strings. */
  falseShare: number;
}

/**
 * k-fold cross-validated recall@5, folds by article over all the articles given; recall pools every gold value of
 * the held-out folds (a key-only fixture article trains but scores nothing). With repeats > 1 the folds are drawn
 * again from a seeded shuffle each time and pooled: with a hundred-odd articles one fold assignment moves the
 * estimate by a point or more, too much to compare two feature sets.
 * @example crossValidate(articles, { folds: 5, repeats: 1, l2: 0.01, steps: 1500 }).recall // 0.87
 */
export function crossValidate(articles: readonly TrainingArticle[], opts: { folds: number; repeats: number; l2: number; steps: number; notFigure?: boolean; notL2?: number }): CrossValidation {
  const total = { hit: 0, n: 0, shown: 0, notShown: 0 };
  const perSource = new Map<TrainingSource, { hit: number; n: number }>();
  for (let r = 0; r < opts.repeats; r++) {
    // Repeat 0 keeps file order, so a single run is reproducible by reading the files.
    const order = r === 0 ? [...articles] : shuffled(articles, r);
    for (let k = 0; k < opts.folds; k++) {
      const training = order.filter((_, i) => i % opts.folds !== k);
      const model = fit(training, opts);
      const notFigure = opts.notFigure === true ? fitNotFigure(training, { l2: opts.notL2 ?? opts.l2, steps: NOT_FIGURE_STEPS }) : undefined;
      for (const a of order.filter((_, i) => i % opts.folds === k)) {
        const h = hitsAt5([a], model, notFigure);
        total.hit += h.hit;
        total.n += h.n;
        total.shown += h.shown;
        total.notShown += h.notShown;
        const src = a.source ?? 'tune';
        const s = perSource.get(src) ?? { hit: 0, n: 0 };
        s.hit += h.hit;
        s.n += h.n;
        perSource.set(src, s);
      }
    }
  }
  const bySource: Partial<Record<TrainingSource, number>> = {};
  for (const [src, s] of perSource) if (s.n > 0) bySource[src] = s.hit / s.n;
  return { recall: total.n === 0 ? 0 : total.hit / total.n, bySource, falseShare: total.shown === 0 ? 0 : total.notShown / total.shown };
}

/** Mean predicted P(key) against the share that is key, over every quantity and over each article's top 5. */
function calibrationCheck(articles: readonly TrainingArticle[], model: RankerWeights): string {
  const all: Array<[number, number]> = [];
  const top: Array<[number, number]> = [];
  for (const a of articles) {
    const ps = a.x.map((x, j) => [1 / (1 + Math.exp(-scoreOf(Object.fromEntries(FEATURE_NAMES.map((k, i) => [k, x[i] ?? 0])) as Record<FeatureName, number>, model))), a.y[j] ? 1 : 0] as [number, number]);
    all.push(...ps);
    top.push(...[...ps].sort((p, q) => q[0] - p[0]).slice(0, 5));
  }
  const mean = (xs: Array<[number, number]>, i: 0 | 1): string => (xs.reduce((s, x) => s + x[i], 0) / Math.max(1, xs.length)).toFixed(3);
  return `mean P(key) ${mean(all, 0)} vs key share ${mean(all, 1)} over all quantities; ${mean(top, 0)} vs ${mean(top, 1)} over each top 5`;
}

/** A copy of `items` in an order fixed by `seed` (Fisher-Yates over a small linear congruential generator). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed * 2654435761 % 4294967296;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1664525 + 1013904223) % 4294967296;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (k: string, d: string): string => {
    const i = process.argv.indexOf(k);
    return i > 0 ? (process.argv[i + 1] ?? d) : d;
  };
  const goldFile = arg('--gold', '../shared/gold/figures-dev.jsonl');
  const trainFile = arg('--train', 'test/fixtures/gold-train.jsonl');
  const folds = Number(arg('--folds', '5'));
  const opts = { l2: Number(arg('--l2', '0.01')), steps: Number(arg('--steps', '1500')) };
  const repeats = Number(arg('--repeats', '1'));
  const { tune, fixture, train } = trainingArticles(goldFile, 'test/fixtures/gold-figures.json', '../shared/corpus/articles/bbc.jsonl', trainFile);
  // Ablation: features named in --without are zeroed everywhere, so the fit cannot use them.
  const without = new Set(arg('--without', '').split(',').filter(Boolean));
  const off = FEATURE_NAMES.flatMap((n, i) => (without.has(n) ? [i] : []));
  const all = [...tune, ...train, ...fixture].map((a) => (off.length === 0 ? a : { ...a, x: a.x.map((row) => row.map((v, i) => (off.includes(i) ? 0 : v))) }));
  // The "not a figure" filter is measured against the same folds without it: its cost in recall, its gain in false figures.
  const cv = crossValidate(all, { folds, repeats, ...opts });
  const notL2 = Number(arg('--not-l2', '0.001'));
  const filtered = crossValidate(all, { folds, repeats, ...opts, notFigure: true, notL2 });
  const model = calibrate(all, fit(all, opts));
  const notFigure = fitNotFigure(all, { l2: notL2, steps: NOT_FIGURE_STEPS });
  const pct = (v: number | undefined): string => (v === undefined ? 'n/a' : `${(100 * v).toFixed(1)}%`);
  const shuffles = repeats > 1 ? ` (pooled over ${repeats} shuffles)` : '';
  console.log(`${tune.length} tune + ${train.length} gold-train + ${fixture.length} fixture articles; ${folds}-fold cross-validated recall@5${shuffles}: ${pct(cv.recall)} (tune ${pct(cv.bySource.tune)}, gold-train ${pct(cv.bySource.train)})`);
  console.log(`false figures (gold \`not\` strings among the top 5), cross-validated: ${pct(cv.falseShare)}; with the "not a figure" filter: recall@5 ${pct(filtered.recall)} (tune ${pct(filtered.bySource.tune)}, gold-train ${pct(filtered.bySource.train)}), false ${pct(filtered.falseShare)}`);
  console.log(`fitted on all, recall@5 on tune + gold-train (not a fair estimate): ${pct(recallAt5([...tune, ...train], model))}`);
  console.log(`calibrated: bias ${model.bias}; ${calibrationCheck(all, model)}`);
  if (!process.argv.includes('--dry')) {
    const out = new URL('../figures/ranker-weights.json', import.meta.url);
    const note = `conditional logit, l2 ${opts.l2}, ${opts.steps} steps; ${tune.length} tune + ${train.length} gold-train + ${fixture.length} fixture articles; ${folds}-fold CV recall@5 ${pct(cv.recall)}${shuffles}, with the not-a-figure filter ${pct(filtered.recall)}, false ${pct(cv.falseShare)} -> ${pct(filtered.falseShare)}`;
    writeFileSync(out, `${JSON.stringify({ ...model, notFigure, note }, null, 2)}\n`);
    console.log(`wrote ${fileURLToPath(out)}`);
  }
}
