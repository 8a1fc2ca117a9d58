/**
 * Vague amounts: "several hundred", "a few thousand", "dozens of", "scores of", "thousands",
 * "tens of thousands", "hundreds of millions of pounds". They are quantities a reader is told, with
 * no digit and no exact value: the value is the least the words say ("several" 3, a plural scale 2,
 * so "hundreds" is 200 and "tens of thousands" 20,000), and the words themselves mark it approximate.
 */

const SP = '[ \\t\\u00a0\\u202f]';
const SCALES: Record<string, number> = { dozen: 12, score: 20, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };
const CURRENCIES: Record<string, string> = { pounds: 'GBP', dollars: 'USD', euros: 'EUR' };

/** Alternation of the words that can start a vague amount, for the scanner's anchor regex. */
const FIRST_WORDS = 'several|tens|dozens|scores|hundreds|thousands|millions|billions';
export const VAGUE_WORDS = `${FIRST_WORDS}|a(?=${SP}+few${SP}+(?:hundred|thousand|million|billion)\\b)`;

/** "several hundred", "a few thousand": a small vague count of a scale. */
const FEW_OF_SCALE = new RegExp(`(several|a${SP}+few)${SP}+(dozen|hundred|thousand|million|billion)(?![\\p{L}\\d])`, 'iuy');
/** "tens of thousands", "hundreds of millions", "dozens", "thousands": plural scales, one of another at most. */
const PLURAL_SCALES = new RegExp(
  `(?:(tens|dozens|scores|hundreds)${SP}+of${SP}+(?=(?:thousands|millions|billions)\\b))?(dozens|scores|hundreds|thousands|millions|billions)(?![\\p{L}\\d])`,
  'iuy',
);
/** "scores" is a verb unless "of" follows ("he scores" / "scores of people"); so is "tens" without a scale after it. */
const OF_AFTER = new RegExp(`${SP}+of${SP}`, 'iy');
/** "millions of pounds": money. */
const OF_CURRENCY = new RegExp(`${SP}+of${SP}+(pounds|dollars|euros)\\b`, 'iy');

/** A vague amount read from the text. */
export interface VagueAmount {
  value: number;
  end: number;
  /** The currency when the amount is money ("millions of pounds"), else null. */
  currency: string | null;
}

/**
 * Read a vague amount at `pos`, or null.
 * @example readVagueAmount("tens of thousands of people", 0) // { value: 20000, end: 17, currency: null }
 */
export function readVagueAmount(text: string, pos: number): VagueAmount | null {
  let value: number;
  let end: number;
  FEW_OF_SCALE.lastIndex = pos;
  const few = FEW_OF_SCALE.exec(text);
  if (few !== null) {
    value = 3 * (SCALES[(few[2] ?? '').toLowerCase()] ?? 1);
    end = FEW_OF_SCALE.lastIndex;
  } else {
    PLURAL_SCALES.lastIndex = pos;
    const plural = PLURAL_SCALES.exec(text);
    if (plural === null) return null;
    end = PLURAL_SCALES.lastIndex;
    const outer = (plural[1] ?? '').toLowerCase();
    const scale = (plural[2] ?? '').toLowerCase();
    if (scale === 'scores' && outer === '') {
      OF_AFTER.lastIndex = end;
      if (!OF_AFTER.test(text)) return null;
    }
    const unit = SCALES[scale.slice(0, -1)] ?? 1;
    // "tens of thousands" is at least 20 thousands; "thousands" at least two.
    value = unit * (outer === '' ? 2 : outer === 'tens' ? 20 : 2 * (SCALES[outer.slice(0, -1)] ?? 1));
  }
  OF_CURRENCY.lastIndex = end;
  const money = OF_CURRENCY.exec(text);
  if (money === null) return { value, end, currency: null };
  return { value, end: OF_CURRENCY.lastIndex, currency: CURRENCIES[(money[1] ?? '').toLowerCase()] ?? null };
}

/**
 * True when a figure's text is a vague amount (its words say it, see readVagueAmount).
 * @example isVagueAmount('tens of thousands') // true
 */
export function isVagueAmount(text: string): boolean {
  return !/\d/.test(text) && VAGUE_TEXT.test(text);
}

const VAGUE_TEXT = new RegExp(`(?:^|${SP})(?:${FIRST_WORDS}|a${SP}+few)\\b`, 'iu');
