/**
 * Read one amount at a position: optional currency prefix, a number (digits or words), then
 * scale, percent, currency word or unit. The scanner in find-figures.ts decides what to keep.
 */
import type { FigureKind } from '../domain/types.js';
import { readMultiplierWord, TIMES, TIMES_AFTER } from './multipliers.js';
import { readNumberWords } from './number-words.js';
import { readVagueAmount } from './vague-amounts.js';
import { opensSentence } from './not-figures.js';
import { ORDINAL_SUFFIX, readChartPosition, readOrdinalWord } from './ordinals.js';
import {
  CURRENCY_PREFIX, CURRENCY_SUFFIX, PERCENT, SCALE, UNIT, currencyOfPrefix, currencyOfSuffix, scaleExponent, unitOf,
} from './quantity-units.js';

/** An amount as read, before not-figure filtering and range/ratio joining. */
export interface Amount {
  /** Start of the amount including a currency prefix. */
  start: number;
  end: number;
  /** Offsets of the bare number ("1.13" in "$1.13bn"). */
  coreStart: number;
  coreEnd: number;
  value: number;
  kind: FigureKind;
  unit: string | null;
  /** Power of ten applied by a scale word ("bn" → 9), 0 if none. */
  exponent: number;
  /** Spelled out ("three"), as opposed to digits. */
  words: boolean;
  /** The lone word "one": needs a unit or ratio to count as a figure. */
  bareOne: boolean;
  fraction: boolean;
  /** The digits as written when they are a plain integer (no separator, decimal, scale), else null. */
  plainInt: string | null;
  /** "a 25-year-old": an age, not a duration. */
  age: boolean;
  /** "2 min read": a reading time. */
  readingTime: boolean;
  /** "at number one" in a chart: a position, never one end of a range. */
  rank?: boolean;
  /** "tens of thousands", "several hundred": a vague amount (see vague-amounts.ts). */
  vague?: boolean;
}

const DIGITS = /\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?/y;
const NEXT_LOWER_WORD = /[ \t\u00a0]+([a-z]+)\b/y;
const AGE = /-?olds?\b|[ \t]+olds?\b/y;
const READ = /[ \t\u00a0]+read\b/y;
/** Words after "100m" that make it metres; any other lowercase word makes it millions ("20m people"). */
const METRE_WORDS = new Set([
  'race', 'sprint', 'hurdles', 'freestyle', 'backstroke', 'breaststroke', 'butterfly', 'relay', 'medley', 'final', 'finals',
  'heat', 'heats', 'title', 'record', 'pool', 'long', 'high', 'tall', 'deep', 'wide', 'away', 'above', 'below', 'world',
  'olympic', 'champion', 'gold', 'silver', 'bronze', 'event', 'dash', 'run', 'swim', 'behind', 'ahead', 'short', 'clear',
]);
/** Words after "11.9m" that say nothing of what it is ("peaked at 11.9m and", "1.1m of the UK's"): the text decides. */
const NEUTRAL_WORDS = new Set(['and', 'or', 'to', 'in', 'on', 'at', 'of', 'from', 'for', 'with', 'by', 'the', 'a', 'is', 'was', 'into', 'out', 'off']);

const TEMPERATURES = new Set(['°C', '°F']);
const GLUED_LETTER = /^[A-Z]$/;
const WORD_BEFORE = /(\p{L}[\p{L}\d]*)[ \t\u00a0]+$/u;

/** The word before `pos` is a name: capitalised inside ("iPhone") or mid-sentence ("Galaxy"). */
function afterName(text: string, pos: number): boolean {
  const m = WORD_BEFORE.exec(text.slice(Math.max(0, pos - 40), pos));
  const word = m?.[1];
  if (word === undefined) return false;
  if (/\p{Lu}/u.test(word.slice(1))) return true;
  return /^\p{Lu}/u.test(word) && !opensSentence(text, pos - m![0].length);
}

/**
 * "fell to -5C": a temperature below zero takes the hyphen before it as its sign, when the hyphen
 * stands alone before the digits (after a space or a bracket, not "20-25C", a range, nor "F-16").
 */
function takeMinusSign(text: string, a: Amount): void {
  if (a.start !== a.coreStart || text[a.start - 1] !== '-') return;
  const before = a.start >= 2 ? text[a.start - 2] ?? '' : '';
  if (before !== '' && !/[\s(]/.test(before)) return;
  a.start -= 1;
  a.value = -a.value;
}

/** `sticky.exec(text)` at `pos`. */
function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/**
 * Read the amount at `pos`, or null if none starts there.
 * @example readAmount("profits of $1.13bn", 11) // { value: 1130000000, kind: "money", unit: "USD", … }
 */
export function readAmount(text: string, pos: number, inheritedCurrency: string | null = null): Amount | null {
  let currency: string | null = null;
  let cursor = pos;
  const prefix = at(CURRENCY_PREFIX, text, pos);
  if (prefix !== null) {
    currency = currencyOfPrefix(prefix[0]);
    cursor = CURRENCY_PREFIX.lastIndex;
  }
  if (currency === null) {
    const position = readChartPosition(text, cursor);
    if (position !== null) {
      return {
        start: pos, end: position.end, coreStart: position.numberStart, coreEnd: position.end, value: position.value, kind: 'other', unit: null,
        exponent: 0, words: !/\d/.test(text.slice(position.numberStart, position.end)), bareOne: false, fraction: false, plainInt: null, age: false,
        readingTime: false, rank: true,
      };
    }
  }
  const coreStart = cursor;
  let value: number;
  let coreEnd: number;
  let words = false;
  let bareOne = false;
  let fraction = false;
  let plainInt: string | null = null;
  const digits = at(DIGITS, text, cursor);
  if (digits !== null) {
    const raw = digits[0];
    value = Number(raw.replace(/,/g, ''));
    coreEnd = DIGITS.lastIndex;
    if (/^\d+$/.test(raw)) plainInt = raw;
  } else {
    if (currency !== null) return null;
    const vague = readVagueAmount(text, cursor);
    if (vague !== null) {
      return {
        start: pos, end: vague.end, coreStart: cursor, coreEnd: vague.end, value: vague.value, kind: vague.currency === null ? 'count' : 'money',
        unit: vague.currency, exponent: 0, words: true, bareOne: false, fraction: false, plainInt: null, age: false, readingTime: false, vague: true,
      };
    }
    const times = readMultiplierWord(text, cursor);
    const ordinal = times === null ? readOrdinalWord(text, cursor) : null;
    const whole = times ?? ordinal;
    if (whole !== null) {
      return {
        start: pos, end: whole.end, coreStart: cursor, coreEnd: whole.end, value: whole.value, kind: 'other', unit: times === null ? null : TIMES,
        exponent: 0, words: true, bareOne: false, fraction: false, plainInt: null, age: false, readingTime: false,
      };
    }
    const w = readNumberWords(text, cursor);
    if (w === null) return null;
    ({ value, bareOne, fraction } = w);
    coreEnd = w.end;
    words = true;
  }
  const amount: Amount = {
    start: pos, end: coreEnd, coreStart, coreEnd, value, kind: currency ? 'money' : 'count', unit: currency,
    exponent: 0, words, bareOne, fraction, plainInt, age: false, readingTime: false,
  };
  if (plainInt !== null && currency === null && at(ORDINAL_SUFFIX, text, coreEnd) !== null) {
    // "the 19th consecutive month": a rank that is the news (not a date: the kind is no longer a count).
    amount.kind = 'other';
    amount.end = ORDINAL_SUFFIX.lastIndex;
    return amount;
  }
  cursor = coreEnd;
  if (!words) cursor = readScale(text, amount, currency ?? inheritedCurrency);
  return readSuffix(text, amount, cursor);
}

/** Apply "m", "bn", "million" after digits. A bare "m" is a million for money or counted nouns ("20m people"), else metres. */
function readScale(text: string, a: Amount, currency: string | null): number {
  const s = at(SCALE, text, a.coreEnd);
  if (s === null) return a.coreEnd;
  const end = SCALE.lastIndex;
  const letter = s[2];
  if (letter !== undefined && currency === null) {
    const moneyAfter = at(CURRENCY_SUFFIX, text, end) !== null;
    const next = letter === 'm' ? at(NEXT_LOWER_WORD, text, end) : null;
    // Nobody writes "3000m" for three billion: big bare numbers with "m" are distances.
    const nextWord = next?.[1] ?? '';
    const countAfter = a.value < 1000 && (next !== null && !NEUTRAL_WORDS.has(nextWord) ? !METRE_WORDS.has(nextWord) : letter === 'm' && !readsAsLength(text, a.coreStart, end));
    if (!moneyAfter && !countAfter) {
      if (letter === 'm') {
        a.kind = 'measure';
        a.unit = 'm';
        a.end = end;
      }
      return end;
    }
  }
  a.exponent = scaleExponent(s[1] ?? letter ?? '');
  a.value = scaled(a.value, a.exponent);
  a.plainInt = null;
  a.end = end;
  return end;
}

/** Words of a text about lengths run, jumped or thrown: there a bare "6.63m" is metres. */
const LENGTH_TEXT = /\b(?:athlet\w*|jump\w*|vault\w*|leap\w*|throw\w*|hurdl\w*|sprint\w*|relay|metres?|meters?|marathon|runn\w*|indoors?|swim\w*|heptathlon|pentathlon|decathlon|triathlon|olympics?|race[sd]?|racing)\b/i;
/** Words of length near the amount: "the longest stretches for about 300m". */
const LENGTH_NEAR = /\b(?:long(?:er|est)?|length|heights?|tall(?:er|est)?|wide|wider|widest|deep|deeper|deepest|distance|stretch(?:es)?)\b/i;
/** "17m/s", "3.7m/h": a speed, so metres. */
const PER_AFTER = /\/[a-z]/y;
/** "30ft (10m)", "1.3m (4.2ft)": a length given in feet or inches beside it. */
const IMPERIAL_BEFORE = /\d(?:ft|in|feet|foot|inches)\)?[ \t\u00a0]*\($/;
const IMPERIAL_AFTER = /[ \t\u00a0]*\([^()]{0,12}\d(?:ft|in\b|[ \t\u00a0]*(?:feet|foot|inches))/y;
/** The last text `readsAsLength` looked through, and what it found (a scan reads many amounts of one text). */
let lengthText: { text: string; lengths: boolean } | null = null;

/**
 * Whether a bare "11.9m" followed by no word ("peaked at 11.9m and", "a total of 204.3m (£109m)") is a length: a speed,
 * a length beside its imperial conversion, or any such amount in a text about running, jumping or throwing. Else it is
 * millions: outside sport a reporter writes "11.9m" for viewers and "1.1m" for people.
 */
function readsAsLength(text: string, start: number, end: number): boolean {
  if (at(PER_AFTER, text, end) !== null || at(IMPERIAL_AFTER, text, end) !== null) return true;
  if (IMPERIAL_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return true;
  if (LENGTH_NEAR.test(text.slice(Math.max(0, start - 60), end + 60))) return true;
  if (lengthText?.text !== text) lengthText = { text, lengths: LENGTH_TEXT.test(text) };
  return lengthText.lengths;
}

/** Multiply by a power of ten without binary noise: 1.13 × 10⁹ is exactly 1130000000. */
export function scaled(value: number, exponent: number): number {
  if (exponent === 0) return value;
  // A value already in exponent notation ("1e+21") cannot take a second exponent in a string.
  return Math.abs(value) < 1e21 ? Number(`${value}e${exponent}`) : value * 10 ** exponent;
}

function readSuffix(text: string, a: Amount, cursor: number): Amount {
  if (a.kind === 'measure') return a;
  const pct = at(PERCENT, text, cursor);
  if (pct !== null && a.kind !== 'money') {
    a.kind = 'percent';
    a.unit = pct[1] !== undefined || pct[2] !== undefined ? 'pp' : pct[3] !== undefined ? 'bp' : '%';
    a.end = PERCENT.lastIndex;
    return a;
  }
  if (a.kind !== 'money') {
    const cur = at(CURRENCY_SUFFIX, text, cursor);
    if (cur !== null) {
      const { unit, factor } = currencyOfSuffix(cur);
      // "50p" is pence only after digits; "a p" is never money.
      if (!(cur[3] !== undefined && a.words)) {
        a.kind = 'money';
        a.unit = unit;
        a.value = factor === 1 ? a.value : Number((a.value * factor).toPrecision(12)); // 50p → 0.5, 0.00001p stays non-zero
        a.end = CURRENCY_SUFFIX.lastIndex;
        return a;
      }
    }
  }
  if (a.kind === 'money') return a;
  const times = a.fraction ? null : at(TIMES_AFTER, text, cursor);
  if (times !== null) {
    a.kind = 'other';
    a.unit = TIMES;
    // "10-fold" is one word; in "16 times faster" the figure stays "16" and "times faster" is what it says.
    if (times[1] !== undefined) a.end = TIMES_AFTER.lastIndex;
    return a;
  }
  const u = at(UNIT, text, cursor);
  if (u !== null) {
    const end = UNIT.lastIndex;
    const { unit, duration } = unitOf(u);
    // "iPhone 5C", "Model 3F": a letter glued to a number after a name is part of the name.
    if (GLUED_LETTER.test(u[0]) && afterName(text, a.start)) return a;
    a.unit = unit;
    a.end = end;
    a.kind = duration ? 'duration' : 'measure';
    if (duration && at(AGE, text, end) !== null) {
      a.age = true;
      a.kind = 'other';
      a.end = AGE.lastIndex;
    } else if (unit === 'minutes' && at(READ, text, end) !== null) {
      a.readingTime = true;
    } else if (TEMPERATURES.has(unit)) {
      takeMinusSign(text, a);
    }
  }
  if (a.fraction && a.kind === 'count') a.kind = 'other';
  return a;
}
