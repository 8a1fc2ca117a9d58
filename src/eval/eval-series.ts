/**
 * Evidence for the series matcher: precision and recall on hand-annotated figure pairs
 * (test/fixtures/series/pairs.jsonl: same thing / different thing), from BBC corpus articles read
 * at run time, the synthetic threads of test/fixtures/series/threads.json and the seed article.
 * Pairs are split by a hash of their id (src/eval/gold-split.ts): the tune part set the rules and
 * the default threshold; the report part was not looked at while tuning. Both are printed.
 *
 * Independent held-out sets (test/fixtures/series/pairs-holdout*.jsonl) were annotated by someone
 * who never read the matcher, from threads the first set does not use; they are printed on their
 * own lines: the honest estimate of how the matcher does on news it was not shaped on.
 *
 * Usage: npm run eval:series -- [--corpus ../shared/corpus/articles/bbc.jsonl] [--threshold 0.5] [--show]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Figure } from '../domain/types.js';
import { findFigures } from '../figures/find-figures.js';
import { DEFAULT_MIN_CONFIDENCE, linkConfidence, linkable } from '../series/link-figures.js';
import { goldPart } from './gold-split.js';
import { readCorpus } from './eval-figures.js';

/** One annotated pair: a figure (its exact text, first occurrence) in each of two articles. */
export interface SeriesPair {
  id: string;
  a: { article: string; figure: string };
  b: { article: string; figure: string };
  same: boolean;
  note?: string;
}

/** An article the pairs refer to. */
export interface PairArticle {
  id: string;
  title: string;
  text: string;
}

/** The outcome of one pair. */
export interface PairOutcome {
  pair: SeriesPair;
  /** Null when an article is missing or the engine does not extract the annotated figure as written. */
  confidence: number | null;
  problem: string | null;
}

/** Precision and recall at a threshold. */
export interface Scores {
  pairs: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/** Read a JSONL file of pairs. */
export function readPairs(path: string): SeriesPair[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SeriesPair);
}

/** The extracted figure at the first occurrence of `text` in the article, or why there is none. */
export function locateFigure(article: PairArticle, figures: readonly Figure[], text: string): Figure | string {
  const at = article.text.indexOf(text);
  if (at < 0) return `"${text}" is not in ${article.id}`;
  const covering = figures.find((f) => f.start <= at && f.end > at);
  if (covering === undefined) return `"${text}" in ${article.id} is not extracted as a figure`;
  // "up to 2.25%", "more than 30bn": the engine keeps the qualifier with the number; the annotated number is the same figure.
  if (covering.text !== text && !covering.text.endsWith(` ${text}`)) return `"${text}" in ${article.id} is extracted as "${covering.text}"`;
  return covering;
}

/**
 * The matcher's confidence for every pair; a pair whose figure the engine does not extract as
 * annotated gets no confidence (counted as "not linked").
 * @example scorePairs(pairs, articles).filter((o) => o.confidence !== null).length
 */
export function scorePairs(pairs: readonly SeriesPair[], articles: ReadonlyMap<string, PairArticle>): PairOutcome[] {
  const figuresOf = new Map<string, Figure[]>();
  const figures = (a: PairArticle) => figuresOf.get(a.id) ?? figuresOf.set(a.id, findFigures(a.text)).get(a.id)!;
  return pairs.map((pair) => {
    const a = articles.get(pair.a.article);
    const b = articles.get(pair.b.article);
    if (a === undefined || b === undefined) return { pair, confidence: null, problem: `article ${a === undefined ? pair.a.article : pair.b.article} not available` };
    const fa = locateFigure(a, figures(a), pair.a.figure);
    const fb = locateFigure(b, figures(b), pair.b.figure);
    if (typeof fa === 'string' || typeof fb === 'string') return { pair, confidence: null, problem: typeof fa === 'string' ? fa : (fb as string) };
    return { pair, confidence: linkConfidence(linkable(a, fa), linkable(b, fb)), problem: null };
  });
}

/**
 * Precision and recall of "linked when confidence ≥ threshold" over the outcomes with an article.
 * @example scores(outcomes, 0.5).precision
 */
export function scores(outcomes: readonly PairOutcome[], threshold: number): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let n = 0;
  for (const o of outcomes) {
    if (o.problem?.startsWith('article ')) continue;
    n++;
    const linked = o.confidence !== null && o.confidence >= threshold;
    if (linked && o.pair.same) tp++;
    else if (linked) fp++;
    else if (o.pair.same) fn++;
  }
  return { pairs: n, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

/** Load the articles the pairs need: the corpus (when present), the synthetic threads, the seed. */
export function loadPairArticles(paths: { corpus: string; threads: string; seed: string }): { articles: Map<string, PairArticle>; missing: string[] } {
  const articles = new Map<string, PairArticle>();
  const missing: string[] = [];
  if (existsSync(paths.corpus)) for (const a of readCorpus(paths.corpus)) articles.set(a.id, { id: a.id, title: a.title, text: a.text });
  else missing.push(paths.corpus);
  const threads = JSON.parse(readFileSync(paths.threads, 'utf8')) as { articles: PairArticle[] };
  for (const a of threads.articles) articles.set(a.id, { id: a.id, title: a.title, text: a.text });
  if (existsSync(paths.seed)) articles.set('seed', seedArticle(readFileSync(paths.seed, 'utf8')));
  else missing.push(paths.seed);
  return { articles, missing };
}

/** The seed file as an article: its headline line is the title, the rest the text. */
export function seedArticle(raw: string): PairArticle {
  const lines = raw.split('\n');
  const titleLine = lines.find((l, i) => i > 0 && l.trim().length > 20 && !/\bmembers\b/.test(l)) ?? '';
  return { id: 'seed', title: titleLine.trim(), text: raw };
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function line(name: string, s: Scores): string {
  return `${name.padEnd(8)} pairs ${String(s.pairs).padStart(3)}  precision ${pct(s.precision).padStart(6)} (${s.truePositives}/${s.truePositives + s.falsePositives})  recall ${pct(s.recall).padStart(6)} (${s.truePositives}/${s.truePositives + s.falseNegatives})`;
}

function shortLine(s: Scores): string {
  return `P ${pct(s.precision)} (${s.truePositives}/${s.truePositives + s.falsePositives}) R ${pct(s.recall)}`;
}

/** The independently annotated sets beside the main pairs file, in name order. */
function holdoutFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^pairs-holdout.*\.jsonl$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: resolve(root, '../shared/corpus/articles/bbc.jsonl') },
      pairs: { type: 'string', default: resolve(root, 'test/fixtures/series/pairs.jsonl') },
      threshold: { type: 'string', default: String(DEFAULT_MIN_CONFIDENCE) },
      show: { type: 'boolean', default: false },
    },
  });
  const threshold = Number(values.threshold);
  const { articles, missing } = loadPairArticles({ corpus: values.corpus!, threads: resolve(root, 'test/fixtures/series/threads.json'), seed: resolve(root, '../shared/seed/article-2025-05-26.txt') });
  for (const m of missing) console.log(`note: ${m} is absent; pairs that need it are skipped`);
  const outcomes = scorePairs(readPairs(values.pairs!), articles);
  const tune = outcomes.filter((o) => goldPart(o.pair.id) === 'tune');
  const report = outcomes.filter((o) => goldPart(o.pair.id) === 'report');
  const heldOut = holdoutFiles(dirname(values.pairs!)).map((file) => ({ file, outcomes: scorePairs(readPairs(file), articles) }));
  console.log(`Series matcher at confidence ≥ ${threshold} (same thread and same meaning):`);
  console.log(line('report', scores(report, threshold)) + '   ← held out while tuning');
  console.log(line('tune', scores(tune, threshold)));
  console.log(line('all', scores(outcomes, threshold)));
  for (const h of heldOut) console.log(line(basename(h.file, '.jsonl').replace('pairs-', ''), scores(h.outcomes, threshold)) + '   ← annotated independently');
  console.log('\nThreshold sweep (tune part | independent sets):');
  for (const t of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9]) {
    console.log(`  ≥ ${t.toFixed(2)}  ${line('', scores(tune, t)).trim()}${heldOut.map((h) => ` | ${shortLine(scores(h.outcomes, t))}`).join('')}`);
  }
  const all = [...outcomes, ...heldOut.flatMap((h) => h.outcomes)];
  const problems = all.filter((o) => o.problem !== null);
  if (problems.length > 0) console.log(`\n${problems.length} pairs not scored as annotated (counted as not linked):`);
  for (const o of problems) console.log(`  ${o.pair.id}: ${o.problem}`);
  if (values.show) {
    console.log('\nErrors:');
    for (const o of all) {
      const linked = o.confidence !== null && o.confidence >= threshold;
      if (linked === o.pair.same || o.problem) continue;
      console.log(`  ${o.pair.id} [${goldPart(o.pair.id)}] ${linked ? 'FALSE LINK' : 'missed'} ${o.confidence?.toFixed(2)}  ${o.pair.a.article} "${o.pair.a.figure}" ~ ${o.pair.b.article} "${o.pair.b.figure}" (${o.pair.note ?? ''})`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
