/** Reading the number a user asks about ("971", "1,000", "$4.5bn", "12%"). Pure. */

/** What to look for: exact values, and the digits as written without separators. */
export interface FigureQuery {
  values: number[];
  digits: string;
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
  const m = /(\d+(?:\.\d+)?)\s*(k|thousand|mn|mln|million|m|bn|billion|b|tn|trillion|t)?(?![a-z])/i.exec(compact);
  if (!m) return null;
  const value = Number(m[1]);
  if (!Number.isFinite(value)) return null;
  const scale = m[2] ? SCALE[m[2].toLowerCase()] : undefined;
  const values = scale ? [value, value * scale] : [value];
  return { values, digits: m[1] ?? '' };
}

/**
 * True when a figure's text or value answers the query.
 * @example figureMatches({ text: 'almost 1,000', value: 1000 }, parseFigureQuery('1000')!) // true
 */
export function figureMatches(figure: { text: string; value: number; valueMax?: number }, query: FigureQuery): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  if (query.values.some((v) => near(figure.value, v) || (figure.valueMax !== undefined && near(figure.valueMax, v)))) return true;
  const digits = figure.text.replace(/[,\s\u00a0\u202f'’]/g, '');
  return new RegExp(`(^|[^\\d.])${query.digits.replace('.', '\\.')}($|[^\\d])`).test(digits);
}
