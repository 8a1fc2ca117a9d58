/**
 * Rank figures by how much they matter to the story: where they appear (headline, lead), what
 * they are (money and percentages over incidental counts), and how often. One quantity stated
 * twice ("almost 1,000" in the headline, "971" in the body) is one figure; the precise form wins.
 */
import type { Figure } from '../domain/types.js';
import { findFigures } from './find-figures.js';
import { isConversion } from './label-figure.js';
import { splitSentences } from './sentences.js';

/** What ranking needs to know about the article. */
export interface RankContext {
  title: string;
  text: string;
  /** How many figures to keep (default 5). */
  topK?: number;
  /** The text's sentences when the caller already split it (saves a second split). */
  sentences?: ReadonlyArray<{ start: number }>;
}

const KIND_WEIGHT: Record<Figure['kind'], number> = {
  money: 3, percent: 2.5, ratio: 2.5, count: 2, range: 2, measure: 1.5, other: 0.5, duration: 1,
};
const TITLE_BONUS = 3;
const REPEAT_BONUS = 1;

/**
 * Score figures and return the top K, best first, one per quantity.
 * @example rankFigures(findFigures(text), { title: "Ukraine captured almost 1,000 soldiers", text })[0].text // "971"
 */
export function rankFigures(figures: Figure[], ctx: RankContext): Figure[] {
  const topK = ctx.topK ?? 5;
  const starts = (ctx.sentences ?? splitSentences(ctx.text)).map((s) => s.start);
  const titleFigures = ctx.title.trim() === '' ? [] : findFigures(ctx.title);
  const groups: Figure[][] = [];
  for (const [i, f] of figures.entries()) {
    const prev = figures[i - 1];
    // "$1.13bn (£600m)": the conversion is the same amount again, not a second figure.
    if (prev !== undefined && prev.kind === f.kind && f.kind === 'money' && isConversion(ctx.text, prev.end, f.start)) continue;
    const g = groups.find((members) => members.some((m) => sameQuantity(m, f) || restates(m, f)));
    if (g === undefined) groups.push([f]);
    else g.push(f);
  }
  const ranked = groups.map((members) => {
    const best = Math.max(...members.map((m) => mentionScore(ctx.text, m, sentenceIndex(starts, m.start))));
    const inTitle = members.some((m) => titleFigures.some((t) => sameQuantity(t, m)));
    // Only numbers written in digits count as repeated: "two" recurs in any text.
    const repeats = Math.max(0, Math.min(2, members.filter((m) => /\d/.test(m.text)).length - 1)) * REPEAT_BONUS;
    const score = Math.round((best + (inTitle ? TITLE_BONUS : 0) + repeats) * 100) / 100;
    return { ...representative(members), score };
  });
  ranked.sort((a, b) => b.score - a.score || a.start - b.start);
  return ranked.slice(0, topK);
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

/** One mention on its own: its kind, its place in the article, its precision. */
function mentionScore(text: string, f: Figure, sentence: number): number {
  let s = KIND_WEIGHT[f.kind];
  s += sentence === 0 ? 2.5 : sentence <= 2 ? 2 : sentence <= 5 ? 1 : sentence <= 10 ? 0.5 : 0;
  if (f.approx !== null) s -= 0.3;
  // "from $639m", "compared with £125m a year earlier": the baseline of a change matters less than where it went.
  if (isBaseline(text, f)) s -= 1.5;
  // "rose by £106m or 47.3%": the same change restated in another unit.
  if (/\d[\p{L}%]*[ \t\u00a0]+or[ \t\u00a0]+$/u.test(text.slice(Math.max(0, f.start - 12), f.start))) s -= 1;
  // "shares closed at 270.25p, down 3.75p": share prices in pence are market colour.
  if (f.kind === 'money' && /\dp$/.test(f.text)) s -= 1;
  // "for one day", "a year": a single unit of time is rarely the story.
  if (f.kind === 'duration' && f.value <= 1) s -= 1;
  // Spelled-out small counts ("the two countries", "three phases") are colour, not key figures.
  if (f.kind === 'count' && !/\d/.test(f.text)) s -= 1;
  if (f.kind === 'count' && f.value < 10) s -= 0.5;
  return s;
}

function sentenceIndex(starts: number[], pos: number): number {
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

/** The precise mention wins over an approximate or round one ("971" over "almost 1,000", "5.037 million" over "five million"). */
function representative(members: Figure[]): Figure {
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
  if (Math.min(a.value, b.value) < 1000 || isRound(a) === isRound(b)) return false;
  return Math.abs(a.value - b.value) / Math.max(a.value, b.value) <= 0.05;
}

/**
 * Two mentions of the same quantity: same kind and unit, and equal values, or within 10% when one is approximate.
 * @example sameQuantity(fig("almost 1,000"), fig("971")) // true
 */
export function sameQuantity(a: Figure, b: Figure): boolean {
  if (a.kind !== b.kind || a.unit !== b.unit || (a.valueMax ?? null) !== (b.valueMax ?? null)) return false;
  if (a.value === b.value) return true;
  if (a.approx === null && b.approx === null) return false;
  const hi = Math.max(Math.abs(a.value), Math.abs(b.value));
  return hi > 0 && Math.abs(a.value - b.value) / hi <= 0.1;
}
