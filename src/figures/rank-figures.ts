/**
 * Rank figures by how much they matter to the story with a small logistic model (weights fitted on
 * annotated articles by `npm run train:ranker`, kept as data in ranker-weights.json) over features of
 * each quantity: kind, headline, place in the article, repetition, centrality. One quantity stated
 * twice ("almost 1,000" in the headline, "971" in the body) is one figure; the precise form wins.
 */
import type { Figure } from '../domain/types.js';
import { findMentions } from './find-figures.js';
import { isConversion } from './label-figure.js';
import { articleWords, contentWords, FEATURE_NAMES, groupFeatures, type FeatureName } from './rank-features.js';
import weights from './ranker-weights.json' with { type: 'json' };
import { splitSentences } from './sentences.js';
import { isVagueAmount } from './vague-amounts.js';

export { isBaseline } from './rank-features.js';

/** What ranking needs to know about the article. */
export interface RankContext {
  title: string;
  text: string;
  /** How many figures to keep (default 5). */
  topK?: number;
  /** The text's sentences when the caller already split it (saves a second split). */
  sentences?: ReadonlyArray<{ start: number }>;
}

/** A model: a bias and one weight per feature name; the ranker's file also holds the "not a figure at all" model. */
export interface RankerWeights {
  bias: number;
  weights: Partial<Record<FeatureName, number>>;
  /** Log-odds that a quantity is not a figure at all (a chart place, "a 25-yard drive"): fitted on the gold's `not` lists. */
  notFigure?: { bias: number; weights: Partial<Record<FeatureName, number>> };
}

/** One quantity of an article: its mentions and features, before scoring. */
export interface FigureGroup {
  members: Figure[];
  features: Record<FeatureName, number>;
}

/**
 * Score figures and return the top K, one per quantity: best first, except that the headline's quantities lead.
 * @example rankFigures(findFigures(text), { title: "Ukraine captured almost 1,000 soldiers", text })[0].text // "971"
 */
export function rankFigures(figures: Figure[], ctx: RankContext, model: RankerWeights = weights as RankerWeights): Figure[] {
  const topK = ctx.topK ?? 5;
  // A vague amount ("tens of thousands") is shown only when the article has no exact one, and otherwise listed after
  // them: none of the 1,049 annotated key figures (dev and training gold) is vague. Ranked apart, so that it changes
  // nothing in how the exact ones are ranked.
  const vague = figures.filter((f) => isVagueAmount(f.text));
  if (vague.length === 0) return rankExact(figures, ctx, topK, model);
  const shown = rankExact(figures.filter((f) => !isVagueAmount(f.text)), ctx, topK, model);
  if (shown.length > 0 && topK !== Infinity) return shown;
  const after = rankExact(vague, ctx, topK - shown.length, model);
  // Listed after the exact ones, and scored no higher, so that a later sort by score (digests, /story) keeps them there.
  const floor = shown.at(-1)?.score;
  return [...shown, ...(floor === undefined ? after : after.map((f, i) => ({ ...f, score: Math.min(f.score ?? floor, Math.round((floor - 0.001 * (i + 1)) * 1000) / 1000) })))];
}

/** Rank figures by the model, one per quantity, best first but the headline's first (see rankFigures). */
function rankExact(figures: Figure[], ctx: RankContext, topK: number, model: RankerWeights): Figure[] {
  const notFigure = model.notFigure;
  // A quantity the "not a figure" model gives even odds or more is never shown: ranking alone would still show it
  // whenever the article has fewer than K figures.
  const groups = figureGroups(figures, ctx).filter((g) => notFigure === undefined || scoreOf(g.features, notFigure) < 0);
  const weightsInOrder = weightList(model);
  const ranked = groups.map((g) => ({ ...representative(g.members), score: Math.round(linearScore(g.features, model.bias, weightsInOrder) * 1000) / 1000 }));
  const inTitle = new Set(ranked.filter((_, i) => groups[i]!.features.inTitle === 1));
  ranked.sort((a, b) => b.score - a.score || a.start - b.start);
  return headlineFirst(ranked.slice(0, topK), inTitle);
}

/**
 * The model chooses which quantities are shown; among them the headline's own number leads (a reader
 * looks first for the number the story is about). Its score is raised just above the best shown, so
 * every later sort by score (digests, /story) keeps that order; which figures are shown is unchanged.
 */
function headlineFirst(shown: Figure[], inTitle: ReadonlySet<Figure>): Figure[] {
  const lead = shown.filter((f) => inTitle.has(f));
  if (lead.length === 0 || inTitle.has(shown[0]!)) return shown;
  const top = shown[0]!.score ?? 0;
  return [...lead.map((f, i) => ({ ...f, score: Math.round((top + 0.001 * (lead.length - i)) * 1000) / 1000 })), ...shown.filter((f) => !inTitle.has(f))];
}

/** The linear score of a feature vector (the model's log-odds that the quantity is key). */
export function scoreOf(features: Record<FeatureName, number>, model: Pick<RankerWeights, 'bias' | 'weights'>): number {
  return linearScore(features, model.bias, weightList(model));
}

/** The model's weights in FEATURE_NAMES order (0 where it has none): read once per model, not once per quantity and name. */
function weightList(model: Pick<RankerWeights, 'bias' | 'weights'>): number[] {
  let list = WEIGHT_LISTS.get(model.weights);
  if (list === undefined) WEIGHT_LISTS.set(model.weights, (list = FEATURE_NAMES.map((name) => model.weights[name] ?? 0)));
  return list;
}

/** Weight lists by the weights object they were read from (a model is data that is never changed once loaded). */
const WEIGHT_LISTS = new WeakMap<object, number[]>();

function linearScore(features: Record<FeatureName, number>, bias: number, weights: readonly number[]): number {
  let s = bias;
  // Summed in FEATURE_NAMES order, as ever: the same additions give the same score to the last bit.
  for (let i = 0; i < FEATURE_NAMES.length; i++) s += (weights[i] as number) * features[FEATURE_NAMES[i] as FeatureName];
  return s;
}

/**
 * The quantities of an article with their features: mentions of the same quantity joined, bracketed
 * conversions ("$1.13bn (£600m)") dropped.
 */
export function figureGroups(figures: Figure[], ctx: RankContext): FigureGroup[] {
  const starts = (ctx.sentences ?? splitSentences(ctx.text)).map((s) => s.start);
  // The headline's quantities are only compared with the text's: no tagging or labels needed for them.
  // Vague amounts are ranked apart from exact ones (see rankFigures), and compared only with the headline's of their sort.
  const vague = figures.length > 0 && figures.every((f) => isVagueAmount(f.text));
  const titleFigures = ctx.title.trim() === '' ? [] : findMentions(ctx.title).filter((m) => isVagueAmount(ctx.title.slice(m.start, m.end)) === vague);
  const groups: Figure[][] = [];
  for (const [i, f] of figures.entries()) {
    const prev = figures[i - 1];
    // "$1.13bn (£600m)": the conversion is the same amount again, not a second figure.
    // "7-6 (7-1)": a tie-break in brackets details the score before it.
    if (prev !== undefined && prev.kind === f.kind && (f.kind === 'money' || f.kind === 'ratio') && isConversion(ctx.text, prev.end, f.start)) continue;
    // Set-by-set scores share their first number by chance ("6-4 6-3", "6-2 6-1"): only the same line is the same result.
    const g = groups.find((members) => members.some((m) => (isScoreLine(f) ? m.text === f.text : sameQuantity(m, f) || restates(m, f))));
    if (g === undefined) groups.push([f]);
    else g.push(f);
  }
  const fctx = { text: ctx.text, titleWords: new Set(contentWords(ctx.title)), sentenceStarts: starts, all: figures, ...articleWords(ctx.text) };
  return groups.map((members) => {
    const inTitle = members.some((m) => titleFigures.some((t) => sameQuantity(t, m)));
    return { members, features: groupFeatures(members, inTitle, fctx) };
  });
}

/** A score written set by set ("6-4 6-3"): a ratio valued by its first number alone (a proportion is below 1). */
function isScoreLine(f: Figure): boolean {
  return f.kind === 'ratio' && f.valueMax === undefined && f.value >= 1;
}

/** What two mentions must share to be one quantity. */
type Quantity = Pick<Figure, 'kind' | 'unit' | 'value' | 'valueMax' | 'approx'>;

/** The precise mention wins over an approximate or round one ("971" over "almost 1,000", "5.037 million" over "five million"). */
export function representative(members: Figure[]): Figure {
  const exact = members.filter((m) => m.approx === null);
  return exact.find((m) => !isRound(m)) ?? exact[0] ?? (members[0] as Figure);
}

/** Written round: in words ("five million") or with at most two significant digits ("5m", "1,000"). */
function isRound(f: Figure): boolean {
  if (!/\d/.test(f.text)) return true;
  const digits = String(Math.abs(f.value)).replace(/e.*$/, '').replace(/\./, '').replace(/^0+/, '').replace(/0+$/, '');
  return digits.length <= 2;
}

/**
 * A round figure restating a precise one within 5%: "five million" and "5.037 million" in one article.
 * Counts and money only, both above 1,000, so "20" and "21" stay apart.
 */
function restates(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind || a.unit !== b.unit || (a.kind !== 'count' && a.kind !== 'money')) return false;
  // Closeness first: it is arithmetic, while isRound builds strings, and every pair of mentions is asked.
  if (Math.min(a.value, b.value) < 1000 || !(Math.abs(a.value - b.value) / Math.max(a.value, b.value) <= 0.05)) return false;
  return isRound(a) !== isRound(b);
}

/**
 * Two mentions of the same quantity: same kind and unit, and equal values, or within 10% when one is approximate
 * and on the side its qualifier allows ("more than £2" is never "£1.87"; "almost 1,000" may be "971").
 * @example sameQuantity(fig("almost 1,000"), fig("971")) // true
 */
export function sameQuantity(a: Quantity, b: Quantity): boolean {
  if (a.kind !== b.kind || a.unit !== b.unit || (a.valueMax ?? null) !== (b.valueMax ?? null)) return false;
  if (a.value === b.value) return true;
  if (a.approx === null && b.approx === null) return false;
  const hi = Math.max(Math.abs(a.value), Math.abs(b.value));
  return hi > 0 && Math.abs(a.value - b.value) / hi <= 0.1 && boundHolds(a, b.value) && boundHolds(b, a.value);
}

/** A lower bound ("more than", "over", "at least") and an upper one ("almost", "under", "up to"): which side the true value lies. */
const LOWER_BOUND = /^(?:(?:just|well)\s+(?:over|above)|more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of)$/i;
const UPPER_BOUND = /^(?:(?:just|well|slightly)\s+(?:under|below|short\s+of)|less\s+than|fewer\s+than|almost|nearly|under|up\s+to|at\s+most|as\s+(?:many|much|few|little)\s+as)$/i;

/** True unless `m`'s qualifier says the value lies on the other side of `value`. */
function boundHolds(m: Quantity, value: number): boolean {
  if (m.approx === null) return true;
  if (LOWER_BOUND.test(m.approx)) return value >= m.value;
  if (UPPER_BOUND.test(m.approx)) return value <= m.value;
  return true;
}
