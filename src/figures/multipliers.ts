/**
 * Multipliers: how many times bigger something got ("tenfold", "ten-fold", "four times", "tripled",
 * "twice"). They are figures of their own (unit "times"): "sales tripled" is the story's number even
 * with no digit in it.
 */

const SP = '[ \\t\\u00a0\\u202f]';

const VERB_FACTORS: Record<string, number> = {
  twice: 2, doubled: 2, doubling: 2, tripled: 3, tripling: 3, trebled: 3, trebling: 3, quadrupled: 4, quadrupling: 4,
};
const FOLD_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20, fifty: 50, hundred: 100, thousand: 1000,
};

/** The unit of a multiplier figure. */
export const TIMES = 'times';

/** Alternation of the words that are a multiplier on their own, for the scanner's anchor regex. */
export const MULTIPLIER_WORDS = `${Object.keys(VERB_FACTORS).join('|')}|(?:${Object.keys(FOLD_WORDS).join('|')})fold`;

const WORD = new RegExp(`(?:${MULTIPLIER_WORDS})(?![\\p{L}\\d])`, 'iuy');
/**
 * "twice" multiplies only before what it is compared with: "twice the minimum wage", "twice as many". Alone it
 * counts occurrences ("scored twice", "think twice", "was twice denied"), which is never a key figure.
 */
const TWICE_COMPARES = new RegExp(`^${SP}+(?:as|the|that|what|its|their|his|her|our|this|those|these)\\b`, 'i');

/**
 * A multiplier word at `pos` ("tenfold", "tripled", "twice"), or null.
 * @example readMultiplierWord("Sales tripled.", 6) // { value: 3, end: 13 }
 */
export function readMultiplierWord(text: string, pos: number): { value: number; end: number } | null {
  WORD.lastIndex = pos;
  const m = WORD.exec(text);
  if (m === null) return null;
  const w = m[0].toLowerCase();
  if (w === 'twice' && !TWICE_COMPARES.test(text.slice(WORD.lastIndex, WORD.lastIndex + 8))) return null;
  const value = VERB_FACTORS[w] ?? FOLD_WORDS[w.slice(0, -4)];
  return value === undefined ? null : { value, end: WORD.lastIndex };
}

/** "times" or "-fold" right after a number: "four times", "16 times", "10-fold" (group 1: the fold, part of the figure). */
export const TIMES_AFTER = new RegExp(`(?:${SP}+times|(-?fold))(?![\\p{L}\\d])`, 'uy');
