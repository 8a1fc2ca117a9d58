/**
 * Ordinals that are the news: "the 19th consecutive expansion", "a third straight win", "his 17th turn
 * at the helm". Most ordinals are dates, centuries, minutes or names ("21st Century", "90th minute",
 * "77th Academy Awards"), so one counts only before a word that says it measures a run or a repeat.
 */

const SP = '[ \\t\\u00a0\\u202f]';
const RUN_WORDS = 'consecutive|straight|successive|running|turn';

/** "th" of "19th" before a run word (the digits are read by the caller). */
export const ORDINAL_SUFFIX = new RegExp(`(?:st|nd|rd|th)(?=${SP}+(?:${RUN_WORDS})\\b)`, 'y');

const WORD_ORDINALS: Record<string, number> = {
  second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
};

/** Alternation of spelled ordinals before a run word, for the scanner's anchor regex. */
export const ORDINAL_WORDS = `(?:${Object.keys(WORD_ORDINALS).join('|')})(?=${SP}+(?:consecutive|straight|successive)\\b)`;

const WORD = new RegExp(ORDINAL_WORDS, 'iy');

/**
 * A spelled ordinal at `pos` that measures a run ("third straight"), or null.
 * @example readOrdinalWord("a third straight win", 2) // { value: 3, end: 7 }
 */
export function readOrdinalWord(text: string, pos: number): { value: number; end: number } | null {
  WORD.lastIndex = pos;
  const m = WORD.exec(text);
  if (m === null) return null;
  const value = WORD_ORDINALS[m[0].toLowerCase()];
  return value === undefined ? null : { value, end: WORD.lastIndex };
}
