/**
 * The guard of abstractive summaries: every number in a generated text — digits and number words,
 * scaled ("$4bn", "four billion", "3.1%") — must match a figure of the source articles in value,
 * unit and kind, and every other digit run (a year, a date) must appear as a number in a source.
 * Pure: texts in, verdict out.
 */
import type { Figure, FigureKind } from '../domain/types.js';
import { findFigures } from '../figures/find-figures.js';
import { inMainCurrency } from '../figures/quantity-units.js';

/** The verdict on a generated text. */
export type NumberCheck = { ok: true } | { ok: false; unsupported: string[] };

const DIGITS = /\d[\d,.]*/g;

/** Kinds that say the same sort of quantity: a count may restate a side of "1,000-for-1,000" or an end of "20-30". */
function kindsAgree(a: FigureKind, b: FigureKind): boolean {
  if (a === b) return true;
  const countish = (k: FigureKind) => k === 'count' || k === 'ratio' || k === 'range';
  return countish(a) && countish(b);
}

function decimals(text: string): number {
  const m = /\d\.(\d+)/.exec(text.replace(/,/g, ''));
  return m ? m[1]!.length : 0;
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Whether generated value `g` states source value `s`: equal, or `s` rounded to g's decimals when
 * g still has two significant digits ("$4.5bn" for "$4.52bn"; never "$4bn" for "$4.4bn").
 */
function valueAgrees(g: Figure, s: number): boolean {
  if (same(g.value, s)) return true;
  const places = decimals(g.text);
  if (places === 0) return false;
  const scale = Math.abs(g.value) / Number(/\d[\d,]*(?:\.\d+)?/.exec(g.text)?.[0].replace(/,/g, '') ?? NaN);
  if (!Number.isFinite(scale) || scale <= 0) return false;
  const shown = g.value / scale;
  const sigDigits = String(shown).replace(/^0\.0*|\./g, '').length;
  return sigDigits >= 2 && same(Number((s / scale).toFixed(places)), shown);
}

function supportedBy(g: Figure, sources: readonly Figure[]): boolean {
  return sources.some((s) => {
    if (s.unit === g.unit) return kindsAgree(g.kind, s.kind) && [s.value, s.valueMax].some((v) => v !== undefined && valueAgrees(g, v));
    // "79p" in a source and "£0.79" in a summary are the same price: pence are compared in pounds.
    if (g.kind !== 'money' || s.kind !== 'money') return false;
    const gm = inMainCurrency(g.value, g.unit);
    const sm = inMainCurrency(s.value, s.unit);
    return gm.unit === sm.unit && same(gm.value, sm.value);
  });
}

/**
 * Check a generated summary against the texts it summarizes.
 * @example checkNumbers('Ukraine brought home 303 prisoners.', [articleText]) // { ok: true }
 * @example checkNumbers('The firm lost $4m.', ['The firm lost $4bn.']) // { ok: false, unsupported: ['$4m'] }
 */
export function checkNumbers(generated: string, sourceTexts: readonly string[]): NumberCheck {
  const sources = sourceTexts.flatMap((t) => findFigures(t));
  const generatedFigures = findFigures(generated);
  const unsupported = generatedFigures.filter((g) => !supportedBy(g, sources)).map((g) => g.text);
  // Digits outside any figure (years, dates, "No 10") must be numbers the sources write too.
  const sourceNumbers = new Set(sourceTexts.flatMap((t) => [...t.matchAll(DIGITS)].map((m) => Number(m[0].replace(/,/g, '').replace(/\.$/, '')))));
  for (const m of generated.matchAll(DIGITS)) {
    const at = m.index;
    if (generatedFigures.some((f) => f.start <= at && at < f.end)) continue;
    const n = Number(m[0].replace(/,/g, '').replace(/\.$/, ''));
    if (!sourceNumbers.has(n)) unsupported.push(m[0].replace(/[.,]$/, ''));
  }
  return unsupported.length === 0 ? { ok: true } : { ok: false, unsupported };
}
