/**
 * Evidence for the key-figure engine on a JSONL corpus (lines of `{"id","title","text"}`):
 * fidelity (every figure's text is the slice at its offsets and its value is what that text says),
 * figures per article, share of articles with a figure, count per kind, throughput, and recall@5
 * against a hand-annotated gold set.
 *
 * With the dev gold (`../shared/gold/figures-dev.jsonl`, or `--dev-gold FILE`) it also scores, per part of the
 * split in gold-split.ts, recall@5 by value, label agreement and false figures as `../shared/tools/score-figures.mjs` does.
 *
 * Usage: npm run eval:figures -- [corpus.jsonl] [--gold test/fixtures/gold-figures.json] [--dev-gold FILE] [--show ID…]
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleSummary, Figure, FigureKind } from '../domain/types.js';
// The scorer's word rule, kept once: label completion counts new words the same way.
import { contentWords } from '../figures/label-extend.js';
import { articleFigures, summarizeArticle } from '../figures/summarize.js';
import { goldPart } from './gold-split.js';

/** One corpus line. */
export interface CorpusArticle {
  id: string;
  category?: string;
  title: string;
  text: string;
}

/** One gold annotation: the figure texts a reader would call key, as they appear in the article. */
export interface GoldEntry {
  id: string;
  key: string[];
}

/** Totals over a corpus run. */
export interface CorpusReport {
  articles: number;
  figures: number;
  /** Figures whose text or value broke the invariant, with the article id. */
  violations: Array<{ id: string; figure: Pick<Figure, 'text' | 'value' | 'start' | 'end'>; why: string }>;
  withFigure: number;
  perKind: Record<FigureKind, number>;
  seconds: number;
}

/** Read a JSONL corpus. */
export function readCorpus(path: string): CorpusArticle[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CorpusArticle);
}

const SCALES = [1, 1e3, 1e6, 1e9, 1e12, 0.01];
/**
 * Spelled-out numbers: where they appear the digit check is relaxed ("Nine out of 10", "a dozen"). Cardinals,
 * fractions, run ordinals ("third straight") and multipliers ("tripled", "tenfold").
 */
const NUMBER_WORDS = /\b(?:a|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|half|dozens|scores|hundreds|thousands?|millions?|billions?|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|twentieths?|hundredths?|thousandths?|second|fourth|eleventh|twelfth|twice|doubled|doubling|tripled|tripling|trebled|trebling|quadrupled|quadrupling|[a-z]+fold)\b/i;
const DIGIT_RUN = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The value agrees with some digit run of the text at a known scale (words: a positive finite number). */
function valueMatches(value: number, runs: number[], pick: 'first' | 'last'): boolean {
  if (runs.length === 0) return Number.isFinite(value) && value > 0;
  const n = pick === 'first' ? runs[0] : runs[runs.length - 1];
  // Ranges may borrow the scale of their upper end ("£2-3bn"), so any scale is acceptable for either side.
  return n !== undefined && SCALES.some((s) => close(n * s, value));
}

/**
 * Why a figure breaks the fidelity invariant, or null when it holds: the text must be the slice at
 * its offsets, and the value (and upper bound) must be the number written there at a known scale.
 * @example fidelityProblem("rose 12%", { text: "12%", value: 12, start: 5, end: 8, … }) // null
 */
export function fidelityProblem(text: string, f: Figure): string | null {
  if (text.slice(f.start, f.end) !== f.text) return 'text is not the slice at its offsets';
  if (!f.sentence.includes(f.text)) return 'sentence does not hold the figure';
  if (!Number.isFinite(f.value)) return 'value not finite';
  const runs = [...f.text.matchAll(DIGIT_RUN)].map((m) => Number(m[0].replace(/,/g, '')));
  const hasWords = NUMBER_WORDS.test(f.text);
  if (runs.length === 0 && !hasWords) return 'no digits and no number words';
  if (!valueMatches(f.value, runs, 'first') && !(hasWords && runs.length <= 1)) return `value ${f.value} is not written in "${f.text}"`;
  if (f.valueMax !== undefined && !valueMatches(f.valueMax, runs, 'last') && !(hasWords && runs.length <= 1)) {
    return `valueMax ${f.valueMax} is not written in "${f.text}"`;
  }
  return null;
}

const KINDS: FigureKind[] = ['count', 'money', 'percent', 'measure', 'range', 'ratio', 'duration', 'other'];

/**
 * Summarize every article with all mentions ranked (topK = Infinity) and check the invariant on each.
 * @example evaluateCorpus(readCorpus("bbc.jsonl")).violations.length // 0
 */
export function evaluateCorpus(articles: readonly CorpusArticle[], topK = 5): CorpusReport {
  const perKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<FigureKind, number>;
  const violations: CorpusReport['violations'] = [];
  let figures = 0;
  let withFigure = 0;
  const t0 = performance.now();
  const summaries = articles.map((a) => summarizeArticle(a, { topK }));
  const seconds = (performance.now() - t0) / 1000;
  summaries.forEach((s, i) => {
    const id = articles[i]?.id ?? String(i);
    if (s.figures.length > 0) withFigure++;
    for (const f of s.figures) {
      figures++;
      perKind[f.kind]++;
      const why = fidelityProblem(s.text, f);
      if (why !== null) violations.push({ id, figure: { text: f.text, value: f.value, start: f.start, end: f.end }, why });
    }
  });
  return { articles: articles.length, figures, violations, withFigure, perKind, seconds };
}

/** Normalize a figure text for matching: case, spacing and non-breaking spaces ignored. */
function norm(s: string): string {
  return s.toLowerCase().replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/**
 * Whether a ranked figure is the annotated key figure: same text, or the annotation is the figure's
 * number with a qualifier added or removed ("almost 1,000" / "1,000").
 */
export function figureMatches(figure: Pick<Figure, 'text'>, key: string): boolean {
  const f = norm(figure.text);
  const k = norm(key);
  if (f === k) return true;
  const escaped = k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[ (])${escaped}(?:$| of )`).test(f) || new RegExp(`(?:^|[ (])${norm(f).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`).test(k);
}

/** Recall of gold key figures in each article's top K. */
export interface RecallReport {
  articles: number;
  keys: number;
  found: number;
  recall: number;
  /** Annotations not in the top K, per article id, with what was ranked instead. */
  misses: Array<{ id: string; missing: string[]; top: string[] }>;
  /** Gold ids absent from the corpus. */
  unknownIds: string[];
}

/**
 * Share of annotated key figures that appear among the top `k` ranked figures.
 * @example goldRecall(readCorpus(path), gold).recall // 0.8
 */
export function goldRecall(articles: readonly CorpusArticle[], gold: readonly GoldEntry[], k = 5): RecallReport {
  const byId = new Map(articles.map((a) => [a.id, a]));
  let keys = 0;
  let found = 0;
  const misses: RecallReport['misses'] = [];
  const unknownIds: string[] = [];
  for (const g of gold) {
    const a = byId.get(g.id);
    if (a === undefined) {
      unknownIds.push(g.id);
      continue;
    }
    const top = summarizeArticle(a, { topK: k }).figures;
    const missing = g.key.filter((key) => !top.some((f) => figureMatches(f, key)));
    keys += g.key.length;
    found += g.key.length - missing.length;
    if (missing.length > 0) misses.push({ id: g.id, missing, top: top.map((f) => f.text) });
  }
  return { articles: gold.length - unknownIds.length, keys, found, recall: keys === 0 ? 0 : found / keys, misses, unknownIds };
}

/** One line of the dev gold (`../shared/gold/figures-dev.jsonl`): key figures with value and label, and strings never to show. */
export interface DevGoldEntry {
  id: string;
  key: Array<{ value: number; text: string; label: string }>;
  not?: string[];
}

/** Label, recall and false-figure scores over the dev gold, the way `../shared/tools/score-figures.mjs` judges them. */
export interface DevGoldScore {
  articles: number;
  keys: number;
  /** Gold figures whose value (±0.5%) is among the top 5 values or upper bounds. */
  found: number;
  /** Gold figures whose value is among all the article's candidates: the most ranking alone could reach. */
  candidates: number;
  /** Found gold figures whose label we agree with (see labelAgrees). */
  labelled: number;
  shown: number;
  /** Shown figures that are one of the article's `not` strings. */
  falseShown: number;
}

/** A figure's value is a gold value when within 0.5%, as the scorer matches them. */
export const closeValue = (a: number | undefined, b: number): boolean => a !== undefined && (a === b || (Number.isFinite(a) && Math.abs(a - b) <= Math.abs(b) * 0.005));

/**
 * True when our label (with its unit) holds at least half the content words of the hand-written one.
 * @example labelAgrees({ label: "rise in Time Warner quarterly profit", unit: "%" }, "rise in Time Warner's profit") // true
 */
export function labelAgrees(ours: Pick<Figure, 'label' | 'unit'>, gold: string): boolean {
  const want = contentWords(gold);
  const have = new Set(contentWords(`${ours.label} ${ours.unit ?? ''}`));
  return want.length > 0 && want.filter((w) => have.has(w)).length * 2 >= want.length;
}

/**
 * Score the top 5 figures of each article against the dev gold: recall@5, label agreement, false figures.
 * Articles are read as the scorer reads them: title, a blank line, then the text.
 * @example devGoldScore(readCorpus(bbc), readDevGold(dev)).labelled
 */
export function devGoldScore(articles: readonly CorpusArticle[], gold: readonly DevGoldEntry[]): DevGoldScore {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const r: DevGoldScore = { articles: 0, keys: 0, found: 0, candidates: 0, labelled: 0, shown: 0, falseShown: 0 };
  for (const g of gold) {
    const a = byId.get(g.id);
    if (a === undefined) continue;
    r.articles++;
    const text = `${a.title}\n\n${a.text}`;
    // Ranked in full once: the first five are what summarize shows, the rest tell a ranking miss from a recognition miss.
    const all = articleFigures({ title: text.split('\n')[0] ?? '', text }).ranked;
    const top = all.slice(0, 5);
    r.shown += top.length;
    for (const f of top) if ((g.not ?? []).some((s) => f.text === s || (f.text.includes(s) && /\d/.test(s)))) r.falseShown++;
    for (const k of g.key.slice(0, 5)) {
      r.keys++;
      if (all.some((f) => closeValue(f.value, k.value) || closeValue(f.valueMax, k.value))) r.candidates++;
      const m = top.find((f) => closeValue(f.value, k.value) || closeValue(f.valueMax, k.value));
      if (m === undefined) continue;
      r.found++;
      if (labelAgrees(m, k.label)) r.labelled++;
    }
  }
  return r;
}

/** Read a JSONL dev gold file. */
export function readDevGold(path: string): DevGoldEntry[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as DevGoldEntry);
}

/** Read the gold file. */
export function readGold(path: string): GoldEntry[] {
  return JSON.parse(readFileSync(path, 'utf8')) as GoldEntry[];
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}

function show(s: ArticleSummary, id: string): void {
  console.log(`\n[${id}] ${s.title}`);
  for (const f of s.figures) console.log(`  ${String(f.score ?? '').padStart(5)}  ${f.text} — ${f.label}`);
}

function main(argv: string[]): void {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const args = [...argv];
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const goldPath = flag('--gold') ?? resolve(repo, 'test/fixtures/gold-figures.json');
  const showIds: string[] = [];
  for (let v = flag('--show'); v !== undefined; v = flag('--show')) showIds.push(v);
  const verbose = args.includes('--misses');
  const corpusPath = args.find((a) => !a.startsWith('--')) ?? resolve(repo, '../shared/corpus/articles/bbc.jsonl');
  const articles = readCorpus(corpusPath);
  for (const id of showIds) {
    const a = articles.find((x) => x.id === id);
    if (a) show(summarizeArticle(a, { topK: 10 }), id);
  }
  // Warm up once so the JIT does not count against the measured run.
  evaluateCorpus(articles.slice(0, 50));
  const all = evaluateCorpus(articles, Infinity);
  const top = evaluateCorpus(articles, 5);
  console.log(`corpus: ${corpusPath}`);
  console.log(`articles: ${all.articles}`);
  console.log(`fidelity: ${pct(all.figures - all.violations.length, all.figures)} of ${all.figures} mentions (${all.violations.length} violations)`);
  for (const v of all.violations.slice(0, 10)) console.log(`  ✗ ${v.id} ${JSON.stringify(v.figure)}: ${v.why}`);
  console.log(`mentions per article: ${(all.figures / all.articles).toFixed(2)}; key figures (top 5) per article: ${(top.figures / top.articles).toFixed(2)}`);
  console.log(`articles with ≥1 figure: ${pct(all.withFigure, all.articles)}`);
  console.log(`per kind (all mentions): ${KINDS.map((k) => `${k} ${all.perKind[k]}`).join(', ')}`);
  console.log(`per kind (top 5):        ${KINDS.map((k) => `${k} ${top.perKind[k]}`).join(', ')}`);
  console.log(`throughput (summarizeArticle, top 5): ${(top.articles / top.seconds).toFixed(0)} articles/s (${top.seconds.toFixed(2)} s)`);
  let gold: GoldEntry[] = [];
  try {
    gold = readGold(goldPath);
  } catch {
    console.log(`gold: ${goldPath} not readable, recall skipped`);
  }
  if (gold.length > 0) {
    const r = goldRecall(articles, gold);
    console.log(`recall@5 (gold ${goldPath.replace(`${repo}/`, '')}): ${r.found}/${r.keys} = ${pct(r.found, r.keys)} over ${r.articles} articles`);
    if (r.unknownIds.length > 0) console.log(`  unknown ids: ${r.unknownIds.join(', ')}`);
    if (verbose) for (const m of r.misses) console.log(`  ${m.id}: missing ${JSON.stringify(m.missing)}; top ${JSON.stringify(m.top)}`);
  }
  const devPath = flag('--dev-gold') ?? resolve(repo, '../shared/gold/figures-dev.jsonl');
  let dev: DevGoldEntry[] = [];
  try {
    dev = readDevGold(devPath);
  } catch {
    console.log(`dev gold: ${devPath} not readable, labels skipped`);
  }
  // The report part was kept out of every tuning step (gold-split.ts): its line is the fair estimate.
  for (const part of ['tune', 'report'] as const) {
    const d = devGoldScore(articles, dev.filter((g) => goldPart(g.id) === part));
    if (d.articles === 0) continue;
    console.log(`dev gold ${part} (${d.articles} articles): recall@5 ${pct(d.found, d.keys)}, label ${pct(d.labelled, d.found)}, false ${pct(d.falseShown, d.shown)}; among all candidates ${pct(d.candidates, d.keys)}`);
  }
  if (all.violations.length > 0) process.exitCode = 1;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
