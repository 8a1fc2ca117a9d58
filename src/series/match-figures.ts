/**
 * Whether two figures state the same thing, with a confidence in [0, 1]. Rules, not a model:
 * hard checks first (same kind and unit, both actual or both expected, no conflicting owners,
 * periods or phases, values within a plausible factor), then how much the labels and the
 * words around the figures agree, less a penalty for every label word the other sentence lacks
 * ("construction jobs" is not "jobs"). Prefers missing a link to linking unrelated numbers.
 */
import type { FigureMeaning } from './figure-meaning.js';
import { entities, stemWord } from './words.js';

/** Tunables of {@link matchScore} (defaults measured with `npm run eval:series`). */
export interface MatchOptions {
  /** Largest ratio between the two values for counts and money (default 5). */
  maxRatio?: number;
  /** Largest ratio between the two values for percentages (default 3). */
  maxPercentRatio?: number;
  /** Weight of label agreement against context agreement (default 0.5). */
  labelWeight?: number;
  /** Confidence taken off, times the share of label words the other figure's sentence does not have (default 0.5). */
  conflictPenalty?: number;
  /** Confidence taken off when the two credit different sources (default 0.3). */
  sourcePenalty?: number;
  /** Confidence added when both state the same precise value ("$9.3bn" twice; default 0.3). */
  sameValueBonus?: number;
}

/** A figure as the matcher sees it: its value and meaning, and the names its article mentions. */
export interface MatchableFigure {
  value: number;
  meaning: FigureMeaning;
  /** Every proper name of the figure's article (see ThreadSignature.names); omitted = unknown. */
  names?: readonly string[];
}

/** A score with the reason it is zero, when it is. */
export interface MatchResult {
  score: number;
  /** Why the pair was ruled out (kind, unit, modality, owner, source, period, phase, value, sentence, words), or null. */
  ruledOut: string | null;
}

/** Verbs of change and reporting: "rose" and "fell" describe the same quantity moving. */
const GENERIC = new Set(
  [
    'rise', 'fall', 'increase', 'decrease', 'add', 'added', 'drop', 'climb', 'jump', 'surge', 'slide', 'slid', 'ease', 'hit',
    'stand', 'stood', 'show', 'report', 'trade', 'trading', 'close', 'gain', 'lose', 'grow', 'went', 'go', 'remain', 'stay', 'stayed',
    'set', 'put', 'take', 'push', 'come', 'widen', 'narrow', 'dip', 'slip', 'soar', 'plunge', 'tumble', 'edge', 'fell', 'rose',
    'shrink', 'expand', 'bring', 'mark', 'run', 'hold', 'held', 'now', 'still', 'overall', 'rate', 'per', 'current', 'currently',
  ].map(stemWord),
);

/** Label words other checks compare already: the batch ("final phase" — see phase) and how the figure is reported. */
const COMPARED_ELSEWHERE = new Set(['phase', 'stage', 'round', 'batch', 'tranche', 'wave', 'part', 'ad', 'add', 'includ', 'show', 'say', 'accord'].map(stemWord));

function specific(stems: readonly string[]): string[] {
  return stems.filter((s) => !GENERIC.has(s));
}

/**
 * What a label says is counted, without the words other checks compare: names (owners and
 * sources are checked on their own, so "prisoners brought home by Ukraine" and "… in the final
 * phase" agree on "prisoners of war brought home") and batch words. A longer label therefore
 * adds qualifiers, never lowers agreement by naming who or which batch.
 */
function whatIsCounted(label: readonly string[], names: ReadonlySet<string>): string[] {
  return specific(label).filter((s) => !COMPARED_ELSEWHERE.has(s) && !names.has(s.slice(0, 5)));
}

function overlap(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(b);
  return a.filter((x) => set.has(x)).length / Math.min(a.length, b.length);
}

/** True when neither side's names near the figure include any of the other's: "UK jobless rate" vs "Germany's". */
function disjoint(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((x) => b.includes(x));
}

/** "$9.3bn", "12.1%", "303": a value precise enough that two reports of it in one thread are likely the same fact. */
function distinctive(value: number): boolean {
  const digits = String(Math.abs(value)).replace(/^0\.0*|\.|e.*$/g, '').replace(/0+$/, '');
  return digits.length >= 2;
}

/**
 * How confident we are that `a` and `b` measure the same thing (same thread assumed).
 * @example matchScore({ value: 303, meaning: m303 }, { value: 390, meaning: m390 }).score // 0.8
 */
export function matchScore(a: MatchableFigure, b: MatchableFigure, opts: MatchOptions = {}): MatchResult {
  const ma = a.meaning;
  const mb = b.meaning;
  const out = (ruledOut: string): MatchResult => ({ score: 0, ruledOut });
  if (ma.kind !== mb.kind) return out('kind');
  if (ma.unit !== mb.unit) return out('unit');
  // The same sentence in two articles (a restatement, a syndicated story): one thing only at one place.
  if (ma.sentenceText === mb.sentenceText) return ma.at === mb.at ? { score: 1, ruledOut: null } : out('sentence');
  if (ma.modality !== mb.modality) return out('modality');
  if (disjoint(ma.owners, mb.owners)) return out('owner');
  if (ma.period !== null && mb.period !== null && ma.period !== mb.period) return out('period');
  if ((ma.phase === null) !== (mb.phase === null)) return out('phase');
  const low = Math.min(Math.abs(a.value), Math.abs(b.value));
  const high = Math.max(Math.abs(a.value), Math.abs(b.value));
  const limit = ma.kind === 'percent' ? (opts.maxPercentRatio ?? 3) : (opts.maxRatio ?? 5);
  if (high > 0 && (low === 0 || high / low > limit)) return out('value');
  const names = new Set([...entities(ma.sentenceText), ...entities(mb.sentenceText)]);
  const la = whatIsCounted(ma.label, names);
  const lb = whatIsCounted(mb.label, names);
  const ca = specific([...ma.label, ...ma.context]);
  const cb = specific([...mb.label, ...mb.context]);
  const w = opts.labelWeight ?? 0.5;
  const agreement = w * overlap(la.length > 0 ? la : ca, lb.length > 0 ? lb : cb) + (1 - w) * overlap(ca, cb);
  // Label words the other sentence never uses: "construction jobs" vs "jobs", "core inflation" vs "inflation".
  const sa = new Set(mb.sentence);
  const sb = new Set(ma.sentence);
  const conflicts = la.filter((x) => !sa.has(x)).length + lb.filter((x) => !sb.has(x)).length;
  const conflictShare = conflicts / Math.max(1, la.length + lb.length);
  const sameValue = a.value === b.value && distinctive(a.value) ? (opts.sameValueBonus ?? 0.3) : 0;
  // Different credited sources ("Halifax" vs "Nationwide") often mean different indices; officials of one side ("Kyiv", "Zelensky") do not.
  // A numbered batch of one event ("the second phase of the exchange") is one fact whoever reports it.
  const batches = ma.phase !== null && mb.phase !== null;
  const sourcePenalty = !batches && disjoint(ma.sources, mb.sources) ? (opts.sourcePenalty ?? 0.3) : 0;
  const score = Math.max(0, Math.min(1, agreement + sameValue - (opts.conflictPenalty ?? 0.5) * conflictShare - sourcePenalty));
  return score > 0 ? { score, ruledOut: null } : out('words');
}
