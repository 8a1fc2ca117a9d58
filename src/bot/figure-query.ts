/** Reading the number a user asks about ("971", "1,000", "$4.5bn", "12%"). Pure. */
import type { FigureKind } from '../domain/types.js';

/**
 * What to look for: exact values, the digits as written without separators, and the kind the
 * query names ("$…" money, "…%" percent), null when it names none.
 */
export interface FigureQuery {
  values: number[];
  digits: string;
  kind?: FigureKind | null;
}

const SCALE: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, mln: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9, t: 1e12, tn: 1e12, trillion: 1e12,
};

/**
 * The number in `text`, separators normalized (1,000 · 1 000 · 1'000 · 1.000,5 are read as
 * written in English: commas/spaces/apostrophes group thousands), or null when there is none.
 * @example parseFigureQuery('1,000') // { values: [1000], digits: '1000' }
 * @example parseFigureQuery('$4.5bn') // { values: [4.5, 4500000000], digits: '4.5' }
 */
export function parseFigureQuery(text: string): FigureQuery | null {
  const compact = text
    .slice(0, 100)
    .replace(/(\d)[,'’_\s\u00a0\u202f](?=\d{3}(?!\d))/g, '$1')
    .trim();
  // A scale counts only as a whole word ("4bn", not the "b" of "4 boats"); other letters after the number are its unit ("4p", "5kg").
  const m = /(\d+(?:\.\d+)?)(?:\s*(k|thousand|mn|mln|million|m|bn|billion|b|tn|trillion|t)(?![a-z]))?/i.exec(compact);
  if (!m) return null;
  const value = Number(m[1]);
  if (!Number.isFinite(value)) return null;
  const word = m[2]?.toLowerCase();
  const scale = word ? SCALE[word] : undefined;
  // "4bn" means four billion, not 4; only "m" stays ambiguous (million or metres)
  const values = scale ? (word === 'm' ? [value, value * scale] : [value * scale]) : [value];
  const kind: FigureKind | null = /[$£€¥₴]|\b(usd|eur|gbp|uah)\b|\d\s?p\b/i.test(compact) ? 'money' : /\d\s*%|per\s?cent/i.test(compact) ? 'percent' : null;
  return { values, digits: m[1] ?? '', ...(kind ? { kind } : {}) };
}

/**
 * How a figure answers the query: 'value' (same parsed value, and the same kind when the query
 * names one), 'text' (the digits as written, when the query names no scale or kind), or null.
 * @example figureMatch({ text: 'almost 1,000', value: 1000, kind: 'count' }, parseFigureQuery('1000')!) // 'value'
 * @example figureMatch({ text: '4p', value: 4, kind: 'money' }, parseFigureQuery('$4bn')!) // null
 */
export function figureMatch(figure: { text: string; value: number; valueMax?: number; kind?: FigureKind }, query: FigureQuery): 'value' | 'text' | null {
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  if (query.kind && figure.kind && figure.kind !== query.kind && figure.kind !== 'range') return null;
  if (query.values.some((v) => near(figure.value, v) || (figure.valueMax !== undefined && near(figure.valueMax, v)))) return 'value';
  if (query.kind || query.values.length !== 1 || query.values[0] !== Number(query.digits)) return null;
  const digits = figure.text.replace(/[,\s\u00a0\u202f'’]/g, '');
  return new RegExp(`(^|[^\\d.])${query.digits.replace('.', '\\.')}($|[^\\d])`).test(digits) ? 'text' : null;
}

/**
 * True when a figure answers the query by value or by its digits (see figureMatch).
 * @example figureMatches({ text: 'almost 1,000', value: 1000 }, parseFigureQuery('1000')!) // true
 */
export function figureMatches(figure: { text: string; value: number; valueMax?: number; kind?: FigureKind }, query: FigureQuery): boolean {
  return figureMatch(figure, query) !== null;
}
