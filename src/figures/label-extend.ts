/**
 * Completing a structural label with the phrases of the figure's clause that it left out, chosen by a small
 * fitted model (logistic regression, weights in label-weights.json, trained by src/eval/train-label-extend.ts).
 *
 * The structural rules in label-figure.ts find the counted noun, the subject of a change and the like, but on
 * their own they often stop short: hand-written labels hold about one content word more (whose it is, where,
 * what was done). Here every noun phrase, prepositional phrase and verb of the figure's clause that brings a
 * new word is a candidate; the model gives each a probability of carrying a word a reader's label would use,
 * and the likely ones join the label in sentence order while it stays within eight words. Phrases are whole
 * chunks of the sentence, never single words, so the label keeps reading as a phrase.
 */
import type { Token } from './tag-sentence.js';
import weightsJson from './label-weights.json' with { type: 'json' };

/** A chunk of the figure's clause that may complete its label. */
export interface Chunk {
  kind: 'np' | 'pp' | 'verb';
  tokens: Token[];
  /** Token indices of the chunk in the sentence. */
  first: number;
  last: number;
}

/** What the features look at besides the chunk: the sentence, where the figure is, the label so far. */
export interface ChunkContext {
  toks: readonly Token[];
  f0: number;
  f1: number;
  /** The label's (and unit's) content words, lower case. */
  labelWords: ReadonlySet<string>;
  labelHasName: boolean;
  kind: string;
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
  'percentOrMoney', 'count', 'nearestOnSide', 'ofPhrase',
] as const;

const STOP = new Set('the a an of in on at to for by with and or from as is was were be been has have had its their this that than more less about over under'.split(' '));
/** Content words as the agreement rule counts them: lower case, three letters or more, no stop words. */
export function contentWords(s: string): string[] {
  return (s.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => w.length > 2 && !STOP.has(w));
}

const TIME = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|days?|hours?|weeks?|months?|years?|quarters?|decades?|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tomorrow|weekend|morning|afternoon|evening|night|time|period|season|ago|last|next|this|earlier|later)$/;
/** Words that end a clause for our purposes: reported speech and relative openers start another one. */
const CLAUSE_BREAK = /^(?:said|says|say|told|added|according|that|which|who|whom|whose|while|whilst|although|though|because|but|whereas|if|when|where|so|and|or)$/;
const PARTICLE = /^(?:up|down|out|off|back|home|away|over)$/;

function isBoundary(t: Token): boolean {
  return (t.pos === 'PUNCT' && t.text !== '-' && t.text !== "'s" && t.text !== '’s') || t.pos === 'SCONJ' || CLAUSE_BREAK.test(t.lower);
}

function isNumberish(t: Token): boolean {
  return (t.pos === 'NUM' && /\d/.test(t.text)) || t.numberPiece === true || t.pos === 'SYM';
}

function isNominal(t: Token | undefined): boolean {
  return t !== undefined && !t.numberPiece && (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || (t.pos === 'PART' && /^['’]s?$/.test(t.text)) || (t.text === '-' && t.pos === 'PUNCT'));
}

/** The figure's clause: from the last boundary before it to the first after it, at most 12 tokens each side. */
function clauseSpan(toks: readonly Token[], f0: number, f1: number): [number, number] {
  let a = f0;
  while (a > 0 && f0 - a < 12 && !isBoundary(toks[a - 1] as Token)) a--;
  let b = f1;
  while (b + 1 < toks.length && b - f1 < 12 && !isBoundary(toks[b + 1] as Token)) b++;
  return [a, b];
}

/** A noun phrase starting at i (determiners skipped): adjectives, nouns, names, possessives; ends before i+k where k is returned. */
function npAt(toks: readonly Token[], i: number, end: number): number {
  let j = i;
  while (j <= end && toks[j]?.pos === 'DET') j++;
  const from = j;
  while (j <= end && isNominal(toks[j]) && !isNumberish(toks[j] as Token)) j++;
  // A phrase must end on a noun or a name: "the new" is no phrase.
  while (j > from && !(toks[j - 1]?.pos === 'NOUN' || toks[j - 1]?.pos === 'PROPN')) j--;
  if (j === from) return i;
  // "the end of the month", "users of Opera": an of-phrase belongs to its noun, never stands alone.
  if (toks[j]?.lower === 'of' && j + 1 <= end) {
    const e = npAt(toks, j + 1, end);
    if (e > j + 1) return e;
  }
  return j;
}

/**
 * The chunks of the figure's clause: noun phrases, prepositional phrases (a preposition and its noun phrase),
 * and verbs with their particle; never the figure, another number, or a pronoun.
 * @example clauseChunks(tagSentence("Cairn's shares closed up 64 pence").tokens, 4, 4) // ["Cairn's shares", "closed up"]
 */
export function clauseChunks(toks: readonly Token[], f0: number, f1: number): Chunk[] {
  const [a, b] = clauseSpan(toks, f0, f1);
  const out: Chunk[] = [];
  for (let i = a; i <= b; ) {
    if (i >= f0 && i <= f1) { i = f1 + 1; continue; }
    const t = toks[i] as Token;
    const stop = i < f0 ? f0 - 1 : b;
    if (t.pos === 'ADP' && !PARTICLE.test(t.lower)) {
      const e = npAt(toks, i + 1, stop);
      if (e > i + 1) {
        out.push({ kind: 'pp', tokens: toks.slice(i, e), first: i, last: e - 1 });
        i = e;
        continue;
      }
    }
    if (t.pos === 'VERB') {
      const e = toks[i + 1] !== undefined && PARTICLE.test(toks[i + 1]?.lower ?? '') && i + 1 <= stop && i + 1 !== f0 ? i + 2 : i + 1;
      out.push({ kind: 'verb', tokens: toks.slice(i, e), first: i, last: e - 1 });
      i = e;
      continue;
    }
    const e = npAt(toks, i, stop);
    if (e > i) {
      out.push({ kind: 'np', tokens: toks.slice(i, e), first: i, last: e - 1 });
      i = e;
      continue;
    }
    i++;
  }
  return out;
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
const OPENER = /^(?:(?:expected|possible|no) )?(?:(?:rise|fall|share|cost|length) (?:in|of)|time (?:after|before|since|until)) /;

/**
 * The label with the clause's likely missing phrases added in sentence order, at most eight words.
 * @example completeLabel("stake", toks, f0, f1, "percent") // "stake in United Bank" when the model finds that phrase likely
 */
export function completeLabel(label: string, toks: readonly Token[], f0: number, f1: number, kind: string, unit: string | null | undefined): string {
  const w = active;
  if (w === null || label === '') return label;
  const scored = scoredChunks(label, toks, f0, f1, kind, unit).filter((s) => s.p >= w.threshold).sort((x, y) => y.p - x.p);
  if (scored.length === 0) return label;
  const words = (s: string): number => s.split(' ').filter((x) => x !== '').length;
  let n = words(label);
  const chosen: Chunk[] = [];
  for (const s of scored) {
    const k = s.chunk.tokens.filter((t) => t.pos !== 'DET').length;
    if (n + k > MAX_WORDS) continue;
    chosen.push(s.chunk);
    n += k;
  }
  if (chosen.length === 0) return label;
  const text = (c: Chunk): string => joined(c.tokens.filter((t) => t.pos !== 'DET'));
  const open = OPENER.exec(label)?.[0] ?? '';
  // A time from an event ("time after disappearance") has no owner: a name before it did something else.
  const owned = !/^time /.test(open);
  const before = owned ? chosen.filter((c) => c.kind === 'np').sort((x, y) => x.first - y.first).map(text) : [];
  const after = chosen.filter((c) => c.kind === 'pp').sort((x, y) => x.first - y.first).map(text);
  return [open.trim(), ...before, label.slice(open.length), ...after].filter((x) => x !== '').join(' ');
}

/** Every candidate chunk with its features and probability under the active weights (all zero when none). */
export function scoredChunks(label: string, toks: readonly Token[], f0: number, f1: number, kind: string, unit: string | null | undefined): Array<{ chunk: Chunk; x: number[]; p: number }> {
  const labelWords = new Set(contentWords(`${label} ${unit ?? ''}`));
  const labelLower = ` ${label.toLowerCase()} `;
  const ctx: ChunkContext = { toks, f0, f1, labelWords, labelHasName: /(?:^| )\p{Lu}/u.test(label), kind };
  const chunks = clauseChunks(toks, f0, f1).filter((c) => {
    // Only phrases that read where they go: a prepositional phrase after the label, a name before it as its owner.
    // A name goes first only when it heads its phrase ("Tony Blair", not "BT lines") and the label names nobody yet;
    // "according to analysts" says who told, "as London" gives an example: neither says what is counted.
    const head = c.tokens[c.tokens.length - 1];
    const name = c.kind === 'np' && c.last < f0 && !ctx.labelHasName && head?.pos === 'PROPN' && head.initial !== true;
    // A bare common noun ("after firm", "for responses", "at beginning") leans on words left behind; a name or a
    // modified noun ("in Sydney", "under new rules") reads alone.
    const pp = c.kind === 'pp' && standsAlone(c) && !/^(?:as|like|than|including)$/.test(c.tokens[0]?.lower ?? '') && toks[c.first - 1]?.lower !== 'according';
    if (!pp && !name) return false;
    // When a figure holds is the date rules' business (label-figure.ts withTime): a time phrase here would only repeat
    // or misplace it ("everyone under 18 from January").
    if (c.tokens.some((t) => (t.pos === 'NOUN' || t.pos === 'PROPN') && TIME.test(t.lower))) return false;
    // Only chunks that add a word, and none the label already holds in part ("in the UK" when it says "UK");
    // read after the cheap tests, which most chunks fail.
    const words = contentWords(c.tokens.map((t) => t.text).join(' '));
    return words.length > 0 && words.every((x) => !labelWords.has(x)) && !c.tokens.some((t) => t.pos !== 'DET' && t.pos !== 'ADP' && labelLower.includes(` ${t.lower} `));
  });
  return chunks.map((chunk) => {
    const x = chunkFeatures(chunk, ctx, chunks);
    return { chunk, x, p: active === null ? 0 : chunkProbability(x, active) };
  });
}

/** A phrase whose words after its preposition read alone: a name or two words besides determiners. */
function standsAlone(c: Chunk): boolean {
  const object = c.tokens.slice(1).filter((t) => t.pos !== 'DET');
  return object.some((t) => t.pos === 'PROPN') || object.length >= 2;
}

/** Tokens as the source spaces them. */
function joined(tokens: readonly Token[]): string {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const glued = i > 0 && tokens[i - 1]?.end === t.start;
    out += (out === '' || glued ? '' : ' ') + (t.initial === true && t.pos !== 'PROPN' ? t.lower : t.text);
  }
  return out;
}
