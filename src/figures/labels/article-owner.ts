/**
 * Whose a figure is, from the article rather than its sentence. Hand-written labels name the story's subject
 * ("US price of Sony PSP", "Xbox consoles sold in Europe", "Nirvana CDs") where the sentence only says "the handheld
 * console" or "consoles": the subject was named in the headline, and the text takes it as read. The candidates are
 * the headline's names that the body also writes as names (capitalised after a lower-case word), so a headline's
 * capitalised common words ("Global", "Mobile") are no owner. A small fitted model (logistic regression, weights in
 * owner-weights.json, trained by src/eval/train-label-extend.ts) says whether one of them belongs in a label: the
 * oracle on the training gold showed that adding every headline name fixes many labels but also names an owner
 * where the text around the figure speaks of someone else ("Campbell" on other runners' times).
 *
 * The step runs on the ranked figures, after ranking: the ranker was fitted on labels read from the sentence alone
 * (its label-in-title feature would count every owner taken from the headline as a sign of importance).
 */
import type { Figure } from '../../domain/types.js';
import type { Sentence } from '../sentences.js';
import weightsJson from './owner-weights.json' with { type: 'json' };
import { contentWords } from './content-words.js';

/** Fitted weights: one per feature name, and the probability an owner needs to be added. */
export interface OwnerWeights {
  bias: number;
  weights: Record<string, number>;
  threshold: number;
}

/** Feature names, in the order of `ownerFeatures`. */
export const OWNER_FEATURES = [
  'inSentence', 'nearBefore', 'repeated', 'firstInHeadline', 'labelHasName', 'labelShort', 'percentOrMoney', 'count', 'early', 'words', 'lastNamed',
] as const;

/** Where a figure sits in its article, as owner features read it. */
export interface OwnerSite {
  /** The whole text the offsets point into (headline first). */
  text: string;
  /** Start of the figure's sentence and of the figure. */
  sentenceStart: number;
  sentenceEnd: number;
  /** Where the body starts (after the headline). */
  bodyStart: number;
  kind: string;
}

/** How far back (in characters, about two sentences) an owner named counts as near. */
const NEAR_CHARS = 300;
const MAX_WORDS = 8;

/** A name written mid-sentence: capitalised words after a lower-case word or a comma ("… said Sony PSP", "of Xbox"). */
const MID_NAME = /(?<=[\p{Ll},;] )\p{Lu}[\p{L}\d&'’-]*(?: (?:of |the |de |and )?\p{Lu}[\p{L}\d&'’-]*)*/gu;
/** One to three capitalised words in a row in a headline. */
const NAME_RUN = /\p{Lu}[\p{L}\d&'’-]*(?: \p{Lu}[\p{L}\d&'’-]*){0,2}/gu;
/** Headline words that are capitalised names of no owner: days, months, holidays, "New", "US". */
const NOT_OWNER = /^(?:the|a|an|new|us|uk|eu|mr|mrs|ms|dr|year|new year|christmas|easter|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/**
 * Names of peoples and languages are adjectives ("Irish Petrel", "German growth forecast"): they say where, not whose,
 * and a label that opens with one ("Irish valued") misleads.
 */
const DEMONYM = /^\p{Lu}\p{Ll}+(?:ish|ese|ian|ean|i|ch|kh)$|^(?:German|American|Mexican|Korean|Cuban|Kenyan|Afghan|Moroccan|Venezuelan|Chilean|European|African|Asian)$/u;

function withoutPossessive(name: string): string {
  return name.replace(/['’]s?$/, '');
}

/**
 * The headline's names that the body writes as names, longest piece first within each headline run: "Sony PSP
 * console" gives "Sony" and "PSP" when the body writes "Sony's PlayStation" and "the PSP".
 * @example headlineOwners("Sony PSP console hits US", "\n\nUS gamers can buy Sony's PlayStation. The PSP costs $250 at Sony stores.") // ["Sony"]
 */
export function headlineOwners(headline: string, body: string): string[] {
  const names = [...body.matchAll(MID_NAME)].map((m) => withoutPossessive(m[0]));
  const isName = (n: string): boolean => names.some((x) => x === n || x.startsWith(`${n} `) || x.endsWith(` ${n}`) || x.includes(` ${n} `));
  const out: string[] = [];
  for (const m of headline.matchAll(NAME_RUN)) {
    const words = withoutPossessive(m[0]).split(' ');
    for (let i = 0; i < words.length; i++) {
      for (let j = words.length; j > i; j--) {
        const n = words.slice(i, j).join(' ');
        if (NOT_OWNER.test(n) || DEMONYM.test(n) || n.length < 2 || !isName(n)) continue;
        if (!out.includes(n)) out.push(n);
        i = j - 1;
        break;
      }
    }
  }
  return out;
}

/** The owner's feature vector for one figure, in the order of OWNER_FEATURES. */
export function ownerFeatures(owner: string, index: number, lastNamed: boolean, label: string, site: OwnerSite, counts: (name: string) => number): number[] {
  const sentence = site.text.slice(site.sentenceStart, site.sentenceEnd);
  const before = site.text.slice(Math.max(site.bodyStart, site.sentenceStart - NEAR_CHARS), site.sentenceStart);
  const f: Record<(typeof OWNER_FEATURES)[number], number> = {
    inSentence: sentence.includes(owner) ? 1 : 0,
    nearBefore: before.includes(owner) ? 1 : 0,
    repeated: Math.min(Math.max(counts(owner) - 1, 0), 6) / 6,
    firstInHeadline: index === 0 ? 1 : 0,
    labelHasName: /(?:^| )\p{Lu}/u.test(label) ? 1 : 0,
    labelShort: contentWords(label).length <= 2 ? 1 : 0,
    percentOrMoney: site.kind === 'percent' || site.kind === 'money' ? 1 : 0,
    count: site.kind === 'count' ? 1 : 0,
    early: site.sentenceStart - site.bodyStart < 600 ? 1 : 0,
    words: Math.min(owner.split(' ').length, 3) / 3,
    // The headline name written last before the figure is the one the text speaks of there.
    lastNamed: lastNamed ? 1 : 0,
  };
  return OWNER_FEATURES.map((n) => f[n]);
}

/** Probability that an owner belongs in the label. */
export function ownerProbability(x: readonly number[], w: OwnerWeights): number {
  let z = w.bias;
  OWNER_FEATURES.forEach((n, k) => { z += (w.weights[n] ?? 0) * (x[k] ?? 0); });
  return 1 / (1 + Math.exp(-z));
}

const DEFAULT_WEIGHTS = weightsJson as OwnerWeights;
let active: OwnerWeights | null = DEFAULT_WEIGHTS;

/** Swap the weights (null: no owner from the article), for the training script and tests; returns the ones before. */
export function useOwnerWeights(w: OwnerWeights | null): OwnerWeights | null {
  const before = active;
  active = w;
  return before;
}

/** Every owner a label could take, with its features and probability under the active weights. */
export function ownerCandidates(label: string, owners: readonly string[], site: OwnerSite, counts: (name: string) => number): Array<{ owner: string; x: number[]; p: number }> {
  if (opensWithName(label, site.text)) return [];
  const have = new Set(contentWords(label));
  const room = MAX_WORDS - label.split(' ').filter((x) => x !== '').length;
  const upTo = site.text.slice(0, site.sentenceEnd);
  const last = owners.map((o) => upTo.lastIndexOf(o));
  const latest = Math.max(...last);
  return owners
    .map((owner, index) => ({ owner, index }))
    // Only an owner that adds words and fits in eight, and none the label already names in part.
    .filter(({ owner }) => owner.split(' ').length <= room && contentWords(owner).length > 0 && contentWords(owner).every((w) => !have.has(w)))
    .map(({ owner, index }) => {
      const x = ownerFeatures(owner, index, latest >= site.bodyStart && last[index] === latest, label, site, counts);
      return { owner, x, p: active === null ? 0 : ownerProbability(x, active) };
    });
}

/**
 * True when a label opens with a name (after any opener): a first word the text never writes in lower case
 * ("Euronext total capitalisation", "Chelsea side crushed", but not the "Sales" of a sentence's start). Another name
 * before it would read as a list ("LSE Euronext …"); a name later in the label is what the owner did something to
 * ("Hantuchova beating Elene Likhotseva").
 */
function opensWithName(label: string, text: string): boolean {
  const first = label.slice(OPENER.exec(label)?.[0].length ?? 0).split(' ')[0] ?? '';
  return /^\p{Lu}/u.test(first) && !text.includes(` ${first.toLowerCase()} `);
}

type Recorder = (site: OwnerSite, figureStart: number, label: string, owners: readonly string[]) => void;
let recorder: Recorder | null = null;

/** Watch every label the owner step sees, with its site (for the training script, which fits on exactly these). */
export function recordOwnerSites(r: Recorder | null): void {
  recorder = r;
}

/** Synthetic words a label opens with ("rise in", "price of", "expected fall in"): the owner goes after them. */
const OPENER = /^(?:(?:expected|possible|no) )?(?:(?:rise|fall|share|cost|length|price|speed|weight|area|temperature) (?:in|of)|time (?:after|before|since|until)) /;

/**
 * The label with the article's most likely owner before what it owns ("price of handheld console" → "price of Sony
 * PSP handheld console"), or the label unchanged when no owner is likely enough.
 * @example withArticleOwner("consoles", ["Xbox"], site, counts) // "Xbox consoles" when the model finds Xbox likely
 */
export function withArticleOwner(label: string, owners: readonly string[], site: OwnerSite, counts: (name: string) => number, figureStart = -1): string {
  recorder?.(site, figureStart, label, owners);
  const w = active;
  if (w === null || label === '' || owners.length === 0) return label;
  const best = ownerCandidates(label, owners, site, counts).filter((c) => c.p >= w.threshold).sort((a, b) => b.p - a.p)[0];
  if (best === undefined) return label;
  const open = OPENER.exec(label)?.[0] ?? '';
  // A time from an event ("time after disappearance") has no owner.
  if (/^time /.test(open)) return label;
  return `${open}${best.owner} ${label.slice(open.length)}`;
}

/** Headlines are short lines; a first "sentence" longer than this, or not ending its line, is body text. */
const MAX_HEADLINE_CHARS = 200;

/**
 * The figures with the article's owner in their labels where the fitted model finds it belongs; the same figures
 * (new objects only where a label changed) when the text has no headline or the headline names no owner.
 * `sentences` are the text's sentences, the headline first.
 * @example withArticleOwners(figures, "Xbox sales soar\n\nMicrosoft said Xbox sold 5 million consoles.", sentences)[0].label // "Xbox consoles" when likely
 */
export function withArticleOwners(figures: readonly Figure[], text: string, sentences: readonly Sentence[]): Figure[] {
  const headline = sentences[0];
  const isHeadline = headline !== undefined && headline.text.length <= MAX_HEADLINE_CHARS && text.slice(headline.end, headline.end + 2).includes('\n');
  if (figures.length === 0 || !isHeadline) return [...figures];
  const owners = headlineOwners(headline.text, text.slice(headline.end));
  if (owners.length === 0) return [...figures];
  const counted = new Map<string, number>();
  const counts = (name: string): number => {
    let n = counted.get(name);
    if (n === undefined) {
      n = 0;
      for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) n++;
      counted.set(name, n);
    }
    return n;
  };
  return figures.map((f) => {
    const s = sentences.findLast((x) => x.start <= f.start) ?? headline;
    const site: OwnerSite = { text, sentenceStart: s.start, sentenceEnd: s.end, bodyStart: headline.end, kind: f.kind };
    const label = withArticleOwner(f.label, owners, site, counts, f.start);
    return label === f.label ? f : { ...f, label };
  });
}
