/**
 * What the ranker knows about one quantity of an article (all its mentions together), as named
 * numbers: kind, where it first appears, whether the headline states it, how often it recurs, how
 * much its sentence shares with the headline and with the article's most frequent words (centrality), how
 * often the words of its label recur (topicality), stress ("only 15%"), and signs that it is incidental (a
 * baseline, a restatement, a small spelled-out count). Pure: the same figures and article give the same features.
 */
import type { Figure } from '../domain/types.js';

/** The article around the figures, as ranking sees it. */
export interface FeatureContext {
  text: string;
  /** Content words of the headline, lower case. */
  titleWords: ReadonlySet<string>;
  /** Start offset of every sentence, in order. */
  sentenceStarts: readonly number[];
  /** Every mention of the article (all groups), for "the total that others are parts of". */
  all: readonly Figure[];
  /** How often each content word occurs in the article (folded, see `fold`). */
  wordCounts?: ReadonlyMap<string, number>;
  /** The article's most frequent content words (folded), its topic. */
  topicWords?: ReadonlySet<string>;
  /** Content words of each sentence already read (several quantities share a sentence; ranking runs per article). */
  sentenceWords?: Map<string, string[]>;
  /** The same words folded (see `fold`), as a set, per sentence already read. */
  sentenceFolded?: Map<string, ReadonlySet<string>>;
}

/** Feature names in a fixed order; the weights file holds one weight per name plus a bias. */
export const FEATURE_NAMES = [
  'money', 'percent', 'ratio', 'count', 'range', 'measure', 'other', 'duration',
  'inTitle', 'lead', 'early', 'middle', 'position', 'repeats', 'approx', 'baseline', 'restated',
  'pence', 'singleTime', 'spelled', 'small', 'logValue', 'titleOverlap', 'quoted', 'bracketed',
  'labelWords', 'largestOfUnit', 'mentionsInSentence', 'order', 'firstOfKind', 'labelInTitle',
  'times', 'share', 'changed', 'labelTopic', 'centrality', 'emphasis', 'countLog', 'leadMoney',
  'chart', 'modifier', 'conditional',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

const STOP = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'is', 'was', 'are', 'were', 'says', 'said', 'with', 'by', 'from', 'as', 'its', 'it', 'that', 'this', 'be', 'has', 'have', 'had', 'will', 'after', 'over', 'new']);
const WORD = /[\p{L}][\p{L}'’-]*/gu;

/** a–z: where an ASCII word starts. */
function isAsciiLetter(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** a–z, an apostrophe (' or ’) or a hyphen: what an ASCII word goes on with. */
function isWordPart(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 39 || c === 0x2019 || c === 45;
}

/**
 * Content words of a headline or sentence, lower case, without stop words.
 * @example contentWords("Qantas sees profits fly to record") // ["qantas", "sees", "profits", "fly", "record"]
 */
export function contentWords(s: string): string[] {
  return (s.toLowerCase().match(WORD) ?? []).filter((w) => !STOP.has(w) && w.length > 2);
}

/** Words before an amount that make it the baseline of a change: "from $639m", "compared with £125m". */
const BASELINE_BEFORE = /\b(?:from|compared[ \t\u00a0]+(?:with|to)|against|versus|vs\.?)[ \t\u00a0]+$/i;
/** Words after an amount that make it last period's level: "$639m year-earlier", "£125m a year earlier". */
const BASELINE_AFTER = /^[ \t\u00a0]*(?:\([^()]{0,30}\)[ \t\u00a0]*)?(?:a[ \t\u00a0]+year[ \t\u00a0]+(?:earlier|ago|before)|year-(?:earlier|ago)|(?:in[ \t\u00a0]+)?the[ \t\u00a0]+(?:previous|prior|same)[ \t\u00a0]+(?:year|quarter|period|month)|(?:a|one)[ \t\u00a0]+(?:month|quarter)[ \t\u00a0]+(?:earlier|ago|before)|last[ \t\u00a0]+(?:year|month))\b/i;

/**
 * True when `f` is the level a change started from ("from $639m year-earlier", "compared with £125m a year earlier").
 * @example isBaseline("rose to $5bn from $4bn", fig("$4bn")) // true
 */
export function isBaseline(text: string, f: Pick<Figure, 'start' | 'end'>): boolean {
  return BASELINE_BEFORE.test(text.slice(Math.max(0, f.start - 16), f.start)) || BASELINE_AFTER.test(text.slice(f.end, f.end + 48));
}

/** A verb or adverb of change right before an amount: the number is what changed ("rose 12%", "fell by $2", "up 5%"). */
const CHANGE_BEFORE = /\b(?:rose|risen|rise|rises|fell|fallen|fall|falls|jumped|climbed|dropped|slid|slipped|gained|lost|added|shed|cut|increased|decreased|declined|grew|grown|surged|soared|plunged|tumbled|sank|edged|up|down|by)(?:[ \t\u00a0]+by)?[ \t\u00a0]+$/i;

/** A number joined to its unit by a hyphen, or a unit glued on ("25-yard", "two-hour", "10ft"). */
const MODIFIER = /^[\p{L}\d.,]+(?:-[\p{L}]+|\d(?:ft|in|m|km|cm|mm|lb|kg))$/u;
/** The word after a figure is a word in lower case (the noun or adjective the figure describes), not punctuation. */
const NOUN_AFTER = /^[ \t\u00a0]+(?:long[ \t\u00a0]+|old[ \t\u00a0]+)?[a-z]{3,}/;
/** A condition or a supposition in the figure's sentence. */
const CONDITIONAL = /\b(?:if|unless|would|could)\b/i;

/** "only 15%", "just 11%", "as many as 400": the writer stresses the number. */
const EMPHASIS_BEFORE = /\b(?:only|just|as[ \t\u00a0]+(?:many|much|few|little)[ \t\u00a0]+as)[ \t\u00a0]+$/i;
/** Index of the sentence holding `pos`. */
export function sentenceIndex(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let idx = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] ?? 0) <= pos) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return idx;
}

/**
 * The features of one quantity: `members` are its mentions in text order, `inTitle` whether the headline states it.
 * @example groupFeatures([fig971], true, ctx).inTitle // 1
 */
export function groupFeatures(members: readonly Figure[], inTitle: boolean, ctx: FeatureContext): Record<FeatureName, number> {
  const first = members[0] as Figure;
  const sentences = members.map((m) => sentenceIndex(ctx.sentenceStarts, m.start));
  const s0 = Math.min(...sentences);
  const digitMentions = members.filter((m) => /\d/.test(m.text)).length;
  const best = members.find((m) => m.approx === null) ?? first;
  const value = Math.abs(best.value);
  // The headline's own line overlaps itself fully: only body sentences say how close a figure is to the headline.
  const overlap = Math.max(0, ...members.filter((m) => !isHeadline(wordsOf(m.sentence, ctx), ctx.titleWords)).map((m) => titleOverlap(wordsOf(m.sentence, ctx), ctx.titleWords)));
  const before = ctx.text.slice(Math.max(0, first.start - 12), first.start);
  const sameUnit = ctx.all.filter((o) => o.kind === best.kind && o.unit === best.unit);
  const sentenceMentions = ctx.all.filter((o) => o.sentence === first.sentence).length;
  const earlier = ctx.all.filter((o) => o.start < first.start);
  const labelWords = contentWords(best.label);
  const topicWords = [...ctx.topicWords ?? []];
  const f: Record<FeatureName, number> = {
    money: 0, percent: 0, ratio: 0, count: 0, range: 0, measure: 0, other: 0, duration: 0,
    inTitle: inTitle ? 1 : 0,
    lead: s0 <= 1 ? 1 : 0,
    early: s0 > 1 && s0 <= 4 ? 1 : 0,
    middle: s0 > 4 && s0 <= 10 ? 1 : 0,
    position: ctx.sentenceStarts.length > 1 ? s0 / (ctx.sentenceStarts.length - 1) : 0,
    repeats: Math.min(2, Math.max(0, digitMentions - 1)),
    approx: members.every((m) => m.approx !== null) ? 1 : 0,
    baseline: members.every((m) => isBaseline(ctx.text, m)) ? 1 : 0,
    restated: /\d[\p{L}%]*[ \t\u00a0]+or[ \t\u00a0]+$/u.test(before) ? 1 : 0,
    pence: best.kind === 'money' && /\dp$/.test(best.text) ? 1 : 0,
    singleTime: best.kind === 'duration' && best.value <= 1 ? 1 : 0,
    // A count or a span spelled out is small and incidental ("two adults"); a share or a percent in words is not ("Sixty percent", "Half").
    spelled: (best.kind === 'count' || best.kind === 'duration') && members.every((m) => !/\d/.test(m.text)) ? 1 : 0,
    small: best.kind === 'count' && value < 10 ? 1 : 0,
    logValue: Math.min(12, Math.log10(1 + value)) / 12,
    titleOverlap: overlap,
    quoted: /["“”]/.test(first.sentence) ? 1 : 0,
    bracketed: /\([^()]*$/.test(ctx.text.slice(Math.max(0, first.start - 40), first.start)) ? 1 : 0,
    labelWords: Math.min(8, labelWords.length) / 8,
    largestOfUnit: sameUnit.length > 1 && sameUnit.every((o) => Math.abs(o.value) <= value) ? 1 : 0,
    mentionsInSentence: Math.min(5, sentenceMentions) / 5,
    order: Math.min(10, earlier.length) / 10,
    firstOfKind: earlier.every((o) => o.kind !== best.kind) ? 1 : 0,
    labelInTitle: labelWords.some((w) => ctx.titleWords.has(w)) ? 1 : 0,
    times: best.unit === 'times' ? 1 : 0,
    share: (best.kind === 'other' || best.kind === 'ratio') && best.valueMax === undefined && value < 1 ? 1 : 0,
    changed: members.some((m) => CHANGE_BEFORE.test(ctx.text.slice(Math.max(0, m.start - 24), m.start))) ? 1 : 0,
    labelTopic: topicality(labelWords, ctx.wordCounts),
    centrality: Math.max(...members.map((m) => share(topicWords, foldedOf(m.sentence, ctx)))),
    countLog: 0, leadMoney: 0,
    // A place in a list ("straight in at number 11"): a rank, news only when the rank is the story.
    chart: best.kind === 'other' && /^(?:number|no\.?)\s/i.test(best.text) ? 1 : 0,
    // A number-unit compound describing a noun ("a 25-yard drive", "24-hour news channels", "a 10ft long table").
    modifier: members.every((m) => MODIFIER.test(m.text) && NOUN_AFTER.test(ctx.text.slice(m.end, m.end + 24))) ? 1 : 0,
    // Said of a case that may not happen ("If we lose 2-0 we are out").
    conditional: members.every((m) => CONDITIONAL.test(m.sentence)) ? 1 : 0,
    emphasis: members.some((m) => EMPHASIS_BEFORE.test(ctx.text.slice(Math.max(0, m.start - 16), m.start))) ? 1 : 0,
  };
  f[best.kind] = 1;
  // Kind-specific effects: a count's size says more than money's (every sum is large), and money matters most early.
  f.countLog = best.kind === 'count' ? f.logValue : 0;
  f.leadMoney = best.kind === 'money' ? f.lead + f.early : 0;
  return f;
}

/** The content words of `sentence`, read once per article (module functions, not closures per call: tsx names each closure). */
function wordsOf(sentence: string, ctx: FeatureContext): string[] {
  let w = ctx.sentenceWords?.get(sentence);
  if (w === undefined) {
    w = contentWords(sentence);
    ctx.sentenceWords?.set(sentence, w);
  }
  return w;
}

/** The same words folded (see `fold`), as a set. */
function foldedOf(sentence: string, ctx: FeatureContext): ReadonlySet<string> {
  let w = ctx.sentenceFolded?.get(sentence);
  if (w === undefined) {
    w = new Set(wordsOf(sentence, ctx).map(fold));
    ctx.sentenceFolded?.set(sentence, w);
  }
  return w;
}

/** The headline repeated as the text's first line: the same content words, no more. */
function isHeadline(words: readonly string[], titleWords: ReadonlySet<string>): boolean {
  return titleWords.size > 0 && words.length === titleWords.size && words.every((w) => titleWords.has(w));
}

/** Share of the headline's content words found among a sentence's words (0 to 1). */
function titleOverlap(sentenceWords: readonly string[], titleWords: ReadonlySet<string>): number {
  if (titleWords.size === 0) return 0;
  // A sentence has a few dozen content words at most: searching them costs less than building a set per mention.
  let n = 0;
  for (const w of titleWords) if (sentenceWords.includes(w)) n++;
  return n / titleWords.size;
}

/** A word folded for counting: lower case, a plural's "s" dropped ("profits" and "profit" count together). */
export function fold(w: string): string {
  const l = w.toLowerCase();
  return l.length > 4 && l.endsWith('s') && !l.endsWith('ss') ? l.slice(0, -1) : l;
}

/** Share of `words` found in `set` (0 when either is empty). */
function share(words: readonly string[], set: ReadonlySet<string> | undefined): number {
  if (set === undefined || words.length === 0) return 0;
  let n = 0;
  for (const w of words) if (set.has(w) || set.has(fold(w))) n++;
  return n / words.length;
}

/** How much the label's words recur in the article: mean, over its words, of (occurrences − 1), capped at 4, scaled to 0–1. */
function topicality(words: readonly string[], counts: ReadonlyMap<string, number> | undefined): number {
  if (counts === undefined || words.length === 0) return 0;
  let sum = 0;
  for (const w of words) sum += Math.min(4, Math.max(0, (counts.get(fold(w)) ?? 0) - 1));
  return sum / (4 * words.length);
}

/**
 * What the features need to know about the article besides its figures: how often each word occurs, and its topic.
 * @example articleWords("Qantas profits rose. Qantas said profit grew. Qantas shares fell.").topicWords.has("qantas") // true
 */
export function articleWords(text: string): Pick<FeatureContext, 'wordCounts' | 'topicWords' | 'sentenceWords' | 'sentenceFolded'> {
  const wordCounts = new Map<string, number>();
  // ASCII words are enough to count what an article repeats; a character walk finds them without a regex or a
  // match array over the whole text, and skips the words of one or two letters before making a string of them.
  const lower = text.toLowerCase();
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isAsciiLetter(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < n && isWordPart(lower.charCodeAt(i))) i++;
    if (i - start <= 2) continue;
    const w = lower.slice(start, i);
    if (STOP.has(w)) continue;
    // `fold` without its lower-casing: the word is lower case already.
    const k = i - start > 4 && lower.charCodeAt(i - 1) === 115 && lower.charCodeAt(i - 2) !== 115 ? lower.slice(start, i - 1) : w;
    wordCounts.set(k, (wordCounts.get(k) ?? 0) + 1);
  }
  // The eight most frequent words said at least three times: what the story keeps coming back to.
  const frequent: Array<[string, number]> = [];
  for (const e of wordCounts) if (e[1] >= 3) frequent.push(e);
  const topicWords = new Set(frequent.sort((a, b) => b[1] - a[1]).slice(0, 8).map(([w]) => w));
  return { wordCounts, topicWords, sentenceWords: new Map(), sentenceFolded: new Map() };
}
