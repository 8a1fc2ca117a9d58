/**
 * How a figure moved since earlier points of its series, and the words for it:
 * a batch of numbered phases → "total 1,000 since 23 May (+303 since 24 May)";
 * a level → "was 2.8% in October". Pure: dates in, text out.
 */
import type { FigureKind } from '../domain/types.js';
import { LAST_PHASE } from './figure-meaning.js';

/** One point of a series, as the change needs it. */
export interface ChangePoint {
  articleId: number;
  value: number;
  kind: FigureKind;
  unit: string | null;
  /** When the article was published (or first seen). */
  date: Date;
  /** The batch number ("first phase" = 1), or null. */
  phase: number | null;
  /** How many batches the point's article says there are, when it says. */
  phaseCount?: number | null;
  /** The month the figure refers to ("October"), or null. */
  month: string | null;
  /** Confidence of this point's link into the series (1 for the first point). */
  confidence: number;
}

/** The change shown next to a figure. */
export type FigureChange =
  | { kind: 'total'; total: number; since: Date; added: number; previousDate: Date; unit: string | null }
  | { kind: 'previous'; value: number; valueKind: FigureKind; unit: string | null; date: Date; month: string | null };

const DAY = 86_400_000;

function dayOf(d: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/**
 * The change for `current` given every point of its series, or null when there is none to show:
 * links below `minConfidence`, no earlier day, or batches that do not run 1, 2, … without a gap.
 * @example seriesChange(points, points[2], { minConfidence: 0.5, timezone: 'UTC' }) // { kind: 'total', total: 1000, … }
 */
export function seriesChange(points: readonly ChangePoint[], current: ChangePoint, opts: { minConfidence: number; timezone: string }): FigureChange | null {
  if (current.confidence < opts.minConfidence) return null;
  const today = dayOf(current.date, opts.timezone);
  const earlier = points
    .filter((p) => p !== current && p.articleId !== current.articleId && dayOf(p.date, opts.timezone) < today)
    .sort((a, b) => a.date.getTime() - b.date.getTime());
  if (earlier.length === 0) return null;
  if (current.phase !== null) return runningTotal(earlier, current, opts.minConfidence);
  const previous = earlier[earlier.length - 1]!;
  if (previous.confidence < opts.minConfidence && earlier.indexOf(previous) > 0) return null;
  return { kind: 'previous', value: previous.value, valueKind: previous.kind, unit: previous.unit, date: previous.date, month: previous.month };
}

/** Batches 1..k then this one (the next number, or the final one): their sum, else null. */
function runningTotal(earlier: readonly ChangePoint[], current: ChangePoint, minConfidence: number): FigureChange | null {
  // One point per phase: the same batch reported twice is counted once.
  const byPhase = new Map<number, ChangePoint>();
  for (const p of earlier) if (p.phase !== null && !byPhase.has(p.phase)) byPhase.set(p.phase, p);
  const phases = [...byPhase.keys()].sort((a, b) => a - b);
  if (phases.some((n, i) => n !== i + 1) || phases.includes(LAST_PHASE) || byPhase.has(current.phase!)) return null;
  if (current.phase !== LAST_PHASE && current.phase !== phases.length + 1) return null;
  // "The final phase" completes the total only when the article says how many phases there were.
  if (current.phase === LAST_PHASE && current.phaseCount !== phases.length + 1) return null;
  const batches = phases.map((n) => byPhase.get(n)!);
  if (batches.slice(1).some((p) => p.confidence < minConfidence)) return null;
  // The same value in every phase is the whole restated ("the first phase of a 1,000-for-1,000 exchange"), not batches to add up.
  if (batches.every((p) => p.value === current.value)) return null;
  const total = batches.reduce((sum, p) => sum + p.value, current.value);
  const previous = batches[batches.length - 1]!;
  return { kind: 'total', total, since: batches[0]!.date, added: current.value, previousDate: previous.date, unit: current.unit };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function shortDate(d: Date, timezone: string): string {
  const [, m, day] = dayOf(d, timezone).split('-');
  return `${Number(day)} ${MONTHS[Number(m) - 1]}`;
}

/**
 * A value written like the figure it continues: "1,000", "2.8%", "$4.5bn", "£1.2m", "12 km".
 * @example formatValue(1000, 'count', null) // '1,000'
 */
export function formatValue(value: number, kind: FigureKind, unit: string | null): string {
  const plain = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (kind === 'percent') return unit === 'pp' ? `${plain(value)} points` : `${plain(value)}%`;
  if (kind === 'money') {
    // Pence are their own unit (src/figures/quantity-units.ts): "79p" stays "79p".
    if (unit === 'GBX') return `${plain(value)}p`;
    const symbol = ({ USD: '$', GBP: '£', EUR: '€', JPY: '¥' } as Record<string, string>)[unit ?? ''] ?? `${unit ?? ''} `;
    const [scaled, suffix] = Math.abs(value) >= 1e9 ? [value / 1e9, 'bn'] : Math.abs(value) >= 1e6 ? [value / 1e6, 'm'] : [value, ''];
    return `${symbol}${plain(scaled)}${suffix}`;
  }
  return unit ? `${plain(value)} ${unit}` : plain(value);
}

/**
 * The words of a change, for the digest line after the figure's label.
 * @example changeText(change, new Date('2025-05-26'), 'UTC') // 'total 1,000 since 23 May (+303 since 24 May)'
 */
export function changeText(change: FigureChange, currentDate: Date, timezone: string): string {
  if (change.kind === 'total') {
    const yesterday = dayOf(new Date(currentDate.getTime() - DAY), timezone) === dayOf(change.previousDate, timezone);
    const since = yesterday ? 'yesterday' : shortDate(change.previousDate, timezone);
    return `total ${formatValue(change.total, 'count', change.unit)} since ${shortDate(change.since, timezone)} (+${formatValue(change.added, 'count', change.unit)} since ${since})`;
  }
  const when = change.month ? `in ${change.month}` : `on ${shortDate(change.date, timezone)}`;
  return `was ${formatValue(change.value, change.valueKind, change.unit)} ${when}`;
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * A text sparkline of values, one bar per value, scaled from the lowest to the highest.
 * @example sparkline([390, 307, 303]) // '█▁▁'
 */
export function sparkline(values: readonly number[]): string {
  if (values.length === 0) return '';
  const low = Math.min(...values);
  const high = Math.max(...values);
  return values.map((v) => BARS[high === low ? 3 : Math.round(((v - low) / (high - low)) * (BARS.length - 1))]).join('');
}
