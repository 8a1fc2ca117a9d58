/**
 * Fit the label completion model (src/figures/label-extend.ts): logistic regression over the candidate chunks of
 * each figure (its clause, the rest of its sentence, the headline), on the tune part of the dev gold and on the
 * hand-annotated training articles (test/fixtures/gold-train.jsonl, same format; never the dev gold's report part).
 * A chunk is positive when it holds a content word of the hand-written label that the structural label lacks.
 * Shrinkage and threshold are chosen by k-fold cross-validated label agreement (folds by article; the same rule as
 * ../shared/tools/score-figures.mjs, over the gold figures found in the top 5), then the model is fitted on all of
 * it and written to src/figures/label-weights.json.
 *
 * Usage: npm run train:labels -- [--gold ../shared/gold/figures-dev.jsonl] [--train test/fixtures/gold-train.jsonl] [--folds 5] [--dry]
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHUNK_FEATURES, completeLabel, contentWords, scoredChunks, useLabelWeights, type LabelWeights } from '../figures/label-extend.js';
import { closeValue, labelAgrees, readCorpus, readDevGold, type DevGoldEntry } from './eval-figures.js';
import { splitSentences, type Sentence } from '../figures/sentences.js';
import type { Figure } from '../domain/types.js';
import { summarizeArticle } from '../figures/summarize.js';
import { tagSentence, type Token } from '../figures/tag-sentence.js';
import { articleContext, type ArticleContext } from '../figures/labels/article-context.js';
import { learnableGold } from './gold-split.js';

/** One gold figure the engine found: what completion needs, and the hand-written label. */
export interface LabelCase {
  id: string;
  base: string;
  unit: string | null;
  kind: string;
  toks: Token[];
  f0: number;
  f1: number;
  gold: string;
  article: ArticleContext;
}

/** The agreement rule of the scorer: at least half the gold label's content words are in ours (with the unit). */
export function agrees(ours: string, unit: string | null, gold: string): boolean {
  return labelAgrees({ label: ours, unit }, gold);
}

/**
 * The articles to learn from: the dev gold's tune part, and every training annotation of an article the dev gold
 * does not hold (so nothing of its report part, even when annotated twice).
 */
export function trainingGold(devFile: string, trainFiles: readonly string[]): DevGoldEntry[] {
  const { tune, train } = learnableGold<DevGoldEntry>(devFile, trainFiles);
  return [...tune, ...train];
}

/** One gold figure found among the top 5 of its article: the article's id and text, the gold entry and our figure. */
export interface FoundGold {
  id: string;
  text: string;
  key: DevGoldEntry['key'][number];
  figure: Figure;
}

/**
 * Every gold figure found in the top 5 of its article (matched by value, as the scorer matches), article by article;
 * `top` gives an article's top figures from its title and text (the scorer's "title, blank line, text").
 */
export function* foundGold(gold: readonly DevGoldEntry[], corpusFile: string, top: (title: string, text: string) => Figure[] = (title, text) => summarizeArticle({ title, text }).figures.slice(0, 5)): Generator<FoundGold> {
  const corpus = new Map(readCorpus(corpusFile).map((a) => [String(a.id), a]));
  for (const g of gold) {
    const a = corpus.get(String(g.id));
    if (a === undefined) continue;
    const text = `${a.title}\n\n${a.text}`;
    const figures = top(a.title, text);
    for (const key of g.key.slice(0, 5)) {
      const figure = figures.find((x) => closeValue(x.value, key.value) || closeValue(x.valueMax, key.value));
      if (figure !== undefined) yield { id: String(g.id), text, key, figure };
    }
  }
}

/** Gold figures found in the top 5 of their article, with the structural label (completion off). */
export function labelCases(gold: readonly DevGoldEntry[], corpusFile: string): LabelCase[] {
  const before = useLabelWeights(null);
  const cases: LabelCase[] = [];
  const sentencesOf = new Map<string, Sentence[]>();
  try {
    for (const { id, text, key, figure: f } of foundGold(gold, corpusFile)) {
      const sentences = sentencesOf.get(id) ?? splitSentences(text);
      sentencesOf.set(id, sentences);
      const s = sentences.find((x) => x.start <= f.start && f.end <= x.end);
      if (s === undefined) continue;
      const toks = tagSentence(s.text, s.start).tokens;
      const f0 = toks.findIndex((t) => t.end > f.start);
      let f1 = f0;
      while (f1 + 1 < toks.length && (toks[f1 + 1]?.start ?? Infinity) < f.end) f1++;
      cases.push({ id, base: f.label, unit: f.unit, kind: f.kind, toks, f0, f1, gold: key.label, article: articleContext(text, sentences[0]) });
    }
  } finally {
    useLabelWeights(before);
  }
  return cases;
}

/** Rows for the fit: each chunk's features and whether it holds a gold word the structural label lacks. */
function rows(cases: readonly LabelCase[]): Array<{ x: number[]; y: number }> {
  const out: Array<{ x: number[]; y: number }> = [];
  for (const c of cases) {
    const have = new Set(contentWords(`${c.base} ${c.unit ?? ''}`));
    const wanted = new Set(contentWords(c.gold).filter((w) => !have.has(w)));
    for (const s of scoredChunks(c.base, c.toks, c.f0, c.f1, c.kind, c.unit, c.article)) {
      const y = contentWords(s.chunk.tokens.map((t) => t.text).join(' ')).some((w) => wanted.has(w)) ? 1 : 0;
      out.push({ x: s.x, y });
    }
  }
  return out;
}

/**
 * Logistic regression by gradient descent with L2 shrinkage (the bias is not shrunk).
 * @example fit(rows, { l2: 0.05, steps: 2000 }).weights.adjacent
 */
export function fit(data: ReadonlyArray<{ x: number[]; y: number }>, opts: { l2: number; steps: number; rate?: number; threshold: number }, names: readonly string[] = CHUNK_FEATURES): LabelWeights {
  const n = names.length;
  const w = new Array<number>(n).fill(0);
  let b = 0;
  const rate = opts.rate ?? 0.5;
  for (let step = 0; step < opts.steps; step++) {
    const g = new Array<number>(n).fill(0);
    let gb = 0;
    for (const r of data) {
      let z = b;
      for (let k = 0; k < n; k++) z += (w[k] ?? 0) * (r.x[k] ?? 0);
      const e = 1 / (1 + Math.exp(-z)) - r.y;
      gb += e;
      for (let k = 0; k < n; k++) g[k] = (g[k] ?? 0) + e * (r.x[k] ?? 0);
    }
    const m = Math.max(1, data.length);
    b -= (rate * gb) / m;
    for (let k = 0; k < n; k++) w[k] = (w[k] ?? 0) - rate * ((g[k] ?? 0) / m + opts.l2 * (w[k] ?? 0));
  }
  const round = (v: number): number => Math.round(v * 1000) / 1000;
  return { bias: round(b), weights: Object.fromEntries(names.map((name, k) => [name, round(w[k] ?? 0)])), threshold: opts.threshold };
}

/** Share of cases whose label agrees with the gold, with completion under `w` (null: structural labels only). */
export function agreement(cases: readonly LabelCase[], w: LabelWeights | null): number {
  const before = useLabelWeights(w);
  try {
    const ok = cases.filter((c) => agrees(completeLabel(c.base, c.toks, c.f0, c.f1, c.kind, c.unit, c.article), c.unit, c.gold)).length;
    return cases.length === 0 ? 0 : ok / cases.length;
  } finally {
    useLabelWeights(before);
  }
}

function foldOf(id: string, folds: number): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % folds;
}

/** Cross-validated agreement of a fit with these options: every fold's model judged on the fold's articles only. */
function crossValidated(cases: readonly LabelCase[], folds: number, opts: { l2: number; steps: number; threshold: number }): number {
  return kFold(cases, folds, (train, test) => agreement(test, fit(rows(train), opts)));
}

/**
 * Cross-validated agreement: `judge` fits on the other folds and returns the agreement on the held-out one (folds by
 * article); the mean over all cases.
 */
export function kFold<C extends { id: string }>(cases: readonly C[], folds: number, judge: (train: C[], test: C[]) => number): number {
  let ok = 0;
  for (let k = 0; k < folds; k++) {
    const test = cases.filter((c) => foldOf(c.id, folds) === k);
    ok += judge(cases.filter((c) => foldOf(c.id, folds) !== k), test) * test.length;
  }
  return ok / Math.max(1, cases.length);
}

function main(argv: string[]): void {
  const arg = (k: string, d: string): string => { const i = argv.indexOf(k); return i >= 0 ? (argv[i + 1] ?? d) : d; };
  const devFile = arg('--gold', '../shared/gold/figures-dev.jsonl');
  const trainFile = arg('--train', 'test/fixtures/gold-train.jsonl');
  const folds = Number(arg('--folds', '5'));
  const steps = Number(arg('--steps', '800'));
  const gold = trainingGold(devFile, [trainFile]);
  const cases = labelCases(gold, '../shared/corpus/articles/bbc.jsonl');
  const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;
  const tune = new Set(readDevGold(devFile).map((g) => String(g.id)));
  console.log(`${cases.length} gold figures found in the top 5 of ${new Set(cases.map((c) => c.id)).size} articles (${cases.filter((c) => tune.has(c.id)).length} of them in the dev gold's tune part, the rest from ${trainFile})`);
  console.log(`label agreement, structural labels only: ${pct(agreement(cases, null))}`);
  // Shrinkage and threshold by cross-validation: the grid is small, so the best of it is only slightly optimistic.
  // At equal agreement the most shrunk model wins (tried first): it leans least on the few articles it has.
  let best = { l2: 0.1, threshold: 0.3, cv: -1 };
  for (const l2 of [0.1, 0.03, 0.01, 0.003]) {
    for (const threshold of [0.3, 0.4, 0.5, 0.6]) {
      const cv = crossValidated(cases, folds, { l2, steps, threshold });
      console.log(`  l2 ${l2} threshold ${threshold}: ${folds}-fold cross-validated ${pct(cv)}`);
      if (cv > best.cv) best = { l2, threshold, cv };
    }
  }
  const model = fit(rows(cases), { l2: best.l2, steps, threshold: best.threshold });
  console.log(`label agreement, completed, ${folds}-fold cross-validated: ${pct(best.cv)} (l2 ${best.l2}, threshold ${best.threshold}, best of the grid)`);
  console.log(`label agreement, fitted on all (not a fair estimate): ${pct(agreement(cases, model))}`);
  console.log(JSON.stringify(model));
  if (!argv.includes('--dry')) writeFileSync(new URL('../figures/label-weights.json', import.meta.url), JSON.stringify(model, null, 2) + '\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
