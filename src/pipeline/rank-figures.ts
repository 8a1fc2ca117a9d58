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
  const starts = splitSentences(ctx.text).map((s) => s.start);
  const titleFigures = ctx.title.trim() === '' ? [] : findFigures(ctx.title);
  const groups: Figure[][] = [];
  for (const [i, f] of figures.entries()) {
    const prev = figures[i - 1];
    // "$1.13bn (£600m)": the conversion is the same amount again, not a second figure.
    if (prev !== undefined && prev.kind === f.kind && f.kind === 'money' && isConversion(ctx.text, prev.end, f.start)) continue;
    const g = groups.find((members) => members.some((m) => sameQuantity(m, f)));
    if (g === undefined) groups.push([f]);
    else g.push(f);
  }
  const ranked = groups.map((members) => {
    const best = Math.max(...members.map((m) => mentionScore(m, sentenceIndex(starts, m.start))));
    const inTitle = members.some((m) => titleFigures.some((t) => sameQuantity(t, m)));
    // Only numbers written in digits count as repeated: "two" recurs in any text.
    const repeats = Math.max(0, Math.min(2, members.filter((m) => /\d/.test(m.text)).length - 1)) * REPEAT_BONUS;
    const score = Math.round((best + (inTitle ? TITLE_BONUS : 0) + repeats) * 100) / 100;
    return { ...representative(members), score };
  });
  ranked.sort((a, b) => b.score - a.score || a.start - b.start);
  return ranked.slice(0, topK);
}

/** One mention on its own: its kind, its place in the article, its precision. */
function mentionScore(f: Figure, sentence: number): number {
  let s = KIND_WEIGHT[f.kind];
  s += sentence === 0 ? 2.5 : sentence <= 2 ? 2 : sentence <= 5 ? 1 : sentence <= 10 ? 0.5 : 0;
  if (f.approx !== null) s -= 0.3;
  // "from $639m", "from $10.9bn": the baseline of a change matters less than where it went.
  if (/\bfrom[ \t\u00a0]+$/.test(f.sentence.slice(Math.max(0, sentenceOffset(f) - 6), sentenceOffset(f)))) s -= 0.7;
  // Spelled-out small counts ("the two countries", "three phases") are colour, not key figures.
  if (f.kind === 'count' && !/\d/.test(f.text)) s -= 1;
  if (f.kind === 'count' && f.value < 10) s -= 0.5;
  return s;
}

/** Where the figure sits in its sentence (the first occurrence of its text there). */
function sentenceOffset(f: Figure): number {
  return Math.max(0, f.sentence.indexOf(f.text));
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

/** The precise mention wins over an approximate one; otherwise the first. */
function representative(members: Figure[]): Figure {
  return members.find((m) => m.approx === null) ?? (members[0] as Figure);
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
