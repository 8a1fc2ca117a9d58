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

const SMALL_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

/** "number one", "No 1", "number 12": where a position in a ranking is written (group 1: the number). */
export const POSITION_WORDS = `(?:number|No)(?=\\.?${SP}+(?:${Object.keys(SMALL_NUMBERS).join('|')}|\\d{1,3})(?![\\p{L}\\d]))`;
const POSITION = new RegExp(`(?:number|No\\.?)${SP}+(${Object.keys(SMALL_NUMBERS).join('|')}|\\d{1,3})(?![\\p{L}\\d])`, 'iuy');
/** A move into or out of a place in a chart: "straight in at number one", "rose to No 3", "from number eight". */
const MOVE_BEFORE = new RegExp(`\\b(?:at|to|from|reached|reaches|reach|hit|hits|topped|retains|retained|retain|kept|keeps|held${SP}+on${SP}+to)${SP}+(?:the${SP}+)?$`, 'i');
/** "the number one spot": a place named as such. */
const PLACE_AFTER = new RegExp(`^${SP}+(?:spot|place|position|slot)\\b`, 'i');
/** A sentence about a chart or a bestseller list, where a position is the news. */
const CHART_CUE = /\b(?:charts?|singles?|albums?|box[ -]office|best-?sell\w*|downloads?|hit parade)\b/i;

/**
 * A chart position at `pos` that is the news ("went straight in at number one in the singles chart"), or null.
 * Elsewhere "number eight" is a player's position and "No 10" an address, so a chart must be named in the
 * sentence and the words around must place something there.
 * @example readChartPosition("The single went in at number one in the UK chart.", 22) // { value: 1, end: 32, numberStart: 29 }
 */
export function readChartPosition(text: string, pos: number): { value: number; end: number; numberStart: number } | null {
  POSITION.lastIndex = pos;
  const m = POSITION.exec(text);
  if (m === null) return null;
  const end = POSITION.lastIndex;
  const written = m[1] ?? '';
  const value = SMALL_NUMBERS[written.toLowerCase()] ?? Number(written);
  if (!(value >= 1 && value <= 100)) return null;
  const placed = MOVE_BEFORE.test(text.slice(Math.max(0, pos - 24), pos)) || PLACE_AFTER.test(text.slice(end, end + 12));
  if (!placed || !CHART_CUE.test(sentenceAt(text, pos))) return null;
  return { value, end, numberStart: end - written.length };
}

/** The sentence around `pos`, cut at the nearest full stops or line breaks (at most 300 characters each side). */
function sentenceAt(text: string, pos: number): string {
  const before = text.slice(Math.max(0, pos - 300), pos);
  const after = text.slice(pos, pos + 300);
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  const to = after.search(/\.(?:\s|$)|\n/);
  return `${from < 0 ? before : before.slice(from + 1)}${to < 0 ? after : after.slice(0, to)}`;
}
