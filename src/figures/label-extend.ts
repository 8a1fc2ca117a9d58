/**
 * Completing a structural label with phrases it left out, chosen by a small fitted model (logistic regression,
 * weights in label-weights.json, trained by src/eval/train-label-extend.ts on annotated articles).
 *
 * The structural rules in label-figure.ts find the counted noun, the subject of a change and the like, but on
 * their own they often stop short: hand-written labels hold about one content word more (whose it is, where,
 * what the story is about). Chunks are the phrases of the figure's clause; the model gives each a probability
 * of carrying a word a reader's label would use, from where the phrase is (distance to the figure), what it is (a
 * name, an of-phrase) and whether it names the story's subject (the headline's words, words the article repeats).
 * Wider candidates were measured and left out: phrases from the rest of the sentence and from the headline added
 * as many misleading owners and places ("Sony PSP gadgets", "recover on Scotland") as right ones, and on the tune
 * part no choice of clause phrases within eight words makes more than 3 of 198 more labels agree (an oracle). The likely ones join the label while it stays within eight words. Phrases are whole
 * chunks, never single words, so the label keeps reading as a phrase.
 */
import type { Token } from './tag-sentence.js';
import weightsJson from './label-weights.json' with { type: 'json' };
import { clauseChunks, isFragment, joined, type Chunk } from './labels/chunks.js';
import { contentWords } from './labels/content-words.js';
import type { ArticleContext } from './labels/article-context.js';

export { clauseChunks, type Chunk } from './labels/chunks.js';
export { contentWords } from './labels/content-words.js';


/** What the features look at besides the chunk: the sentence, where the figure is, the label so far, the article. */
export interface ChunkContext {
  toks: readonly Token[];
  f0: number;
  f1: number;
  /** The label's (and unit's) content words, lower case. */
  labelWords: ReadonlySet<string>;
  labelHasName: boolean;
  kind: string;
  article: ArticleContext | undefined;
}

/** Fitted weights: one per feature name, and the probability a chunk needs to be added. */
export interface LabelWeights {
  bias: number;
  weights: Record<string, number>;
  threshold: number;
}

/** Feature names, in the order of `chunkFeatures`. */
export const CHUNK_FEATURES = [
  'np', 'pp', 'before', 'adjacent', 'distance', 'name', 'labelHasName', 'newWords', 'labelShort',
  'percentOrMoney', 'count', 'nearestOnSide', 'ofPhrase', 'repeated', 'inHeadline',
] as const;

const TIME = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|days?|hours?|weeks?|months?|years?|quarters?|decades?|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tomorrow|weekend|morning|afternoon|evening|night|time|period|season|ago|last|next|this|earlier|later)$/;

/** How often the article repeats the chunk's words beyond this mention, 0..1: a story's subject recurs. */
function repeated(words: readonly string[], article: ArticleContext | undefined): number {
  if (article === undefined || words.length === 0) return 0;
  const most = Math.max(...words.map((w) => article.count(w)));
  return Math.min(Math.max(most - 1, 0), 6) / 6;
}

/** The chunk's feature vector, in the order of CHUNK_FEATURES. */
export function chunkFeatures(c: Chunk, ctx: ChunkContext, all: readonly Chunk[]): number[] {
  const before = c.last < ctx.f0;
  const gap = before ? ctx.f0 - c.last - 1 : c.first - ctx.f1 - 1;
  const words = contentWords(c.tokens.map((t) => t.text).join(' '));
  const fresh = words.filter((w) => !ctx.labelWords.has(w));
  const sameSide = all.filter((o) => (o.last < ctx.f0) === before);
  const nearest = before ? sameSide[sameSide.length - 1] === c : sameSide[0] === c;
  const f: Record<(typeof CHUNK_FEATURES)[number], number> = {
    np: c.kind === 'np' ? 1 : 0,
    pp: c.kind === 'pp' ? 1 : 0,
    before: before ? 1 : 0,
    adjacent: gap <= 1 ? 1 : 0,
    distance: Math.min(gap, 12) / 12,
    name: c.tokens.some((t) => t.pos === 'PROPN' && t.initial !== true) ? 1 : 0,
    labelHasName: ctx.labelHasName ? 1 : 0,
    newWords: Math.min(fresh.length, 4) / 4,
    labelShort: ctx.labelWords.size <= 2 ? 1 : 0,
    percentOrMoney: ctx.kind === 'percent' || ctx.kind === 'money' ? 1 : 0,
    count: ctx.kind === 'count' ? 1 : 0,
    nearestOnSide: nearest ? 1 : 0,
    ofPhrase: c.kind === 'pp' && c.tokens[0]?.lower === 'of' ? 1 : 0,
    repeated: repeated(words, ctx.article),
    inHeadline: ctx.article !== undefined && words.some((w) => ctx.article?.headlineWords().has(w)) ? 1 : 0,
  };
  return CHUNK_FEATURES.map((n) => f[n]);
}

/** Probability that a chunk carries a word the reader's label would use. */
export function chunkProbability(x: readonly number[], w: LabelWeights): number {
  let z = w.bias;
  CHUNK_FEATURES.forEach((n, k) => { z += (w.weights[n] ?? 0) * (x[k] ?? 0); });
  return 1 / (1 + Math.exp(-z));
}

const DEFAULT_WEIGHTS = weightsJson as LabelWeights;
let active: LabelWeights | null = DEFAULT_WEIGHTS;

/** Swap the weights (null: no completion), for the training script and tests; returns the ones before. */
export function useLabelWeights(w: LabelWeights | null): LabelWeights | null {
  const before = active;
  active = w;
  return before;
}

const MAX_WORDS = 8;
/** Synthetic words a structural label opens with ("rise in", "expected fall in", "length of", "time after"): completions go after them. */
const OPENER = /^(?:(?:expected|possible|no) )?(?:(?:rise|fall|share|cost|length|price|speed) (?:in|of)|time (?:after|before|since|until)) /;

/**
 * The label with the likely missing phrases added, at most eight words: a name before the label (after any opener)
 * as whose it is, prepositional phrases after it in sentence order.
 * @example completeLabel("stake", toks, f0, f1, "percent") // "stake in United Bank" when the model finds that phrase likely
 */
export function completeLabel(label: string, toks: readonly Token[], f0: number, f1: number, kind: string, unit: string | null | undefined, article?: ArticleContext): string {
  const w = active;
  if (w === null || label === '') return label;
  const scored = scoredChunks(label, toks, f0, f1, kind, unit, article).filter((s) => s.p >= w.threshold).sort((x, y) => y.p - x.p);
  if (scored.length === 0) return label;
  const count = (s: string): number => s.split(' ').filter((x) => x !== '').length;
  let n = count(label);
  const chosen: Chunk[] = [];
  const seen = new Set<string>();
  for (const s of scored) {
    const words = contentWords(s.chunk.tokens.map((t) => t.text).join(' '));
    // One owner is enough ("Tony Blair", not "Tony Blair Labour"), and a word once.
    if (s.chunk.kind === 'np' && chosen.some((c) => c.kind === 'np')) continue;
    if (words.some((x) => seen.has(x))) continue;
    const k = s.chunk.tokens.filter((t) => !isArticle(t)).length;
    if (n + k > MAX_WORDS) continue;
    chosen.push(s.chunk);
    for (const x of words) seen.add(x);
    n += k;
  }
  if (chosen.length === 0) return label;
  const text = (c: Chunk): string => joined(c.tokens.filter((t) => !isArticle(t)));
  const open = OPENER.exec(label)?.[0] ?? '';
  // A time from an event ("time after disappearance") has no owner: a name before it did something else.
  const owned = !/^time /.test(open);
  const before = owned ? chosen.filter((c) => c.kind === 'np').sort((x, y) => x.first - y.first).map(text) : [];
  const after = chosen.filter((c) => c.kind === 'pp').sort((x, y) => x.first - y.first).map(text);
  return [open.trim(), ...before, label.slice(open.length), ...after].filter((x) => x !== '').join(' ');
}

/** True when a chunk can be placed in a label and read there, whatever the model says of it. */
function placeable(c: Chunk, f0: number, labelHasName: boolean, prevToken: Token | undefined): boolean {
  const head = c.tokens[c.tokens.length - 1];
  // A name goes first only when it heads its phrase ("Tony Blair", not "BT lines") and the label names nobody yet;
  // it must come before the figure (a name after it did something else).
  const nameFirst = c.kind === 'np' && !labelHasName && head?.pos === 'PROPN' && head.initial !== true && c.last < f0 && c.tokens.length <= 3;
  // A prepositional phrase goes after the label when it reads alone; "according to analysts" says who told, "as
  // London" gives an example: neither says what is counted.
  const pp = c.kind === 'pp' && standsAlone(c) && !/^(?:as|like|than|including)$/.test(c.tokens[0]?.lower ?? '') && prevToken?.lower !== 'according';
  return nameFirst || pp;
}

/** Every placeable candidate with its features and probability under the active weights (all zero when none). */
export function scoredChunks(label: string, toks: readonly Token[], f0: number, f1: number, kind: string, unit: string | null | undefined, article?: ArticleContext): Array<{ chunk: Chunk; x: number[]; p: number }> {
  const labelWords = new Set(contentWords(`${label} ${unit ?? ''}`));
  const labelLower = ` ${label.toLowerCase()} `;
  const ctx: ChunkContext = { toks, f0, f1, labelWords, labelHasName: /(?:^| )\p{Lu}/u.test(label), kind, article };
  const all = clauseChunks(toks, f0, f1).filter((c) => {
    if (!placeable(c, f0, ctx.labelHasName, toks[c.first - 1]) || isFragment(toks, c)) return false;
    // When a figure holds is the date rules' business (label-figure.ts withTime): a time phrase here would only repeat
    // or misplace it ("everyone under 18 from January").
    if (c.tokens.some((t) => (t.pos === 'NOUN' || t.pos === 'PROPN') && TIME.test(t.lower))) return false;
    // Only chunks that add a word, and none the label already holds in part ("in the UK" when it says "UK").
    const words = contentWords(c.tokens.map((t) => t.text).join(' '));
    return words.length > 0 && words.every((x) => !labelWords.has(x)) && !c.tokens.some((t) => t.pos !== 'DET' && t.pos !== 'ADP' && labelLower.includes(` ${t.lower} `));
  });
  return all.map((chunk) => {
    const x = chunkFeatures(chunk, ctx, all);
    return { chunk, x, p: active === null ? 0 : chunkProbability(x, active) };
  });
}

/** "the", "a", "an": dropped from added phrases as labels drop them; "each", "every" and the "Da" of "Da Vinci" stay. */
function isArticle(t: Token): boolean {
  return t.pos === 'DET' && /^(?:the|a|an)$/.test(t.lower);
}

/** A phrase whose words after its preposition read alone: a name or two words besides determiners. */
function standsAlone(c: Chunk): boolean {
  const object = c.tokens.slice(1).filter((t) => t.pos !== 'DET');
  return object.some((t) => t.pos === 'PROPN') || object.length >= 2;
}
