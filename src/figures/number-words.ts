/**
 * English number words ("twenty-five", "a dozen", "three million", "two-thirds") read at a
 * position of a text. No allocation per word beyond one sticky regex match.
 */

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const FRACTIONS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, sixth: 6, sixths: 6,
  seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9, tenth: 10, tenths: 10, twentieth: 20,
  twentieths: 20, hundredth: 100, hundredths: 100, thousandth: 1000, thousandths: 1000,
};

/** Alternation of the words that can start a spelled-out number, for the scanner's anchor regex. */
export const NUMBER_WORD_STARTS = [
  ...Object.keys(SMALL),
  'half',
  'a(?=[ \\t\\u00a0]+(?:hundred|thousand|million|billion|trillion|dozen|half|third|quarter|fifth|sixth|eighth|tenth|twentieth|hundredth)\\b)',
].join('|');

/** A spelled-out number read from the text. */
export interface WordNumber {
  value: number;
  end: number;
  /** True for "half", "two-thirds", "a quarter": a fraction rather than a count. */
  fraction: boolean;
  /** The single word "one" (pronoun-prone, so the caller is stricter with it). */
  bareOne: boolean;
}

const WORD = /([ \t\u00a0]+|-)?([A-Za-z]+)/y;
/** "of" after a fraction word, maybe past a closing quote: "a third of", '"about a third" of'. */
const OF = /^["”’']?[ \t\u00a0]+of\b/;
/** "five and a half", "two and a half million": a half added to the whole number before it. */
const AND_A_HALF = /[ \t\u00a0]+and[ \t\u00a0]+a[ \t\u00a0]+half\b(?:[ \t\u00a0]+(thousand|million|billion|trillion)\b)?/iy;

/** Words before "a quarter" that make it a share of something: "fell by a quarter", "almost a third". */
const SHARE_BEFORE = /\b(?:by|nearly|almost|about|around|roughly|over|under|than|some|just|rose|fell|cut|up|down|grew|dropped|slumped|jumped|increased|decreased)[ \t\u00a0]+$/i;
/** Words after it that compare: "a third cheaper", "a fifth more". */
const SHARE_AFTER = /^[ \t\u00a0]+(?:more|less|fewer|higher|lower|cheaper|dearer|bigger|smaller|larger|faster|slower)\b/i;

/** "a quarter" with no "of" is a share only next to a word of change or comparison ("in a quarter" is a period). */
function shareCue(text: string, pos: number, end: number): boolean {
  return SHARE_BEFORE.test(text.slice(Math.max(0, pos - 16), pos)) || SHARE_AFTER.test(text.slice(end, end + 12));
}

/**
 * Read a spelled-out number starting at `pos` (which must be at a number word), or null.
 * @example readNumberWords("some twenty-five people", 5) // { value: 25, end: 16, … }
 */
export function readNumberWords(text: string, pos: number): WordNumber | null {
  let total = 0;
  let current = 0;
  let end = pos;
  let words = 0;
  let seenNumber = false;
  let fraction = false;
  let firstWord = '';
  let cursor = pos;
  for (;;) {
    WORD.lastIndex = cursor;
    const m = WORD.exec(text);
    if (m === null) break;
    const sep = m[1] ?? '';
    if (words === 0 && sep !== '') break;
    if (words > 0 && sep === '') break;
    const w = (m[2] ?? '').toLowerCase();
    const next = WORD.lastIndex;
    if (words === 0) firstWord = w;
    if (w === 'a' && words === 0) {
      current = 1;
    } else if (w === 'and' && seenNumber && sep !== '-') {
      // "three hundred and fifty": only continue if a number word follows.
      WORD.lastIndex = next;
      const after = WORD.exec(text);
      const aw = (after?.[2] ?? '').toLowerCase();
      if (after === null || (after[1] ?? '') === '' || SMALL[aw] === undefined) break;
      cursor = next;
      words++;
      continue;
    } else if (SMALL[w] !== undefined) {
      const v = SMALL[w] ?? 0;
      // "twenty five" is fine, "five twenty" is two numbers: a small number only follows a tens word or a scale.
      if (seenNumber && !(current % 100 === 0 || (current % 10 === 0 && current % 100 >= 20 && v < 10))) break;
      current += v;
      seenNumber = true;
    } else if (w === 'dozen' && (seenNumber || current === 1)) {
      current = (current || 1) * 12;
      seenNumber = true;
    } else if (w === 'hundred' && (seenNumber || current === 1)) {
      current = (current || 1) * 100;
      seenNumber = true;
    } else if (SCALES[w] !== undefined && (seenNumber || current === 1 || fraction)) {
      const base = fraction ? total : current || 1;
      total = (fraction ? 0 : total) + base * (SCALES[w] ?? 1);
      current = 0;
      fraction = false;
      seenNumber = true;
      end = next;
      words++;
      cursor = next;
      break;
    } else if (w === 'half' && words === 0) {
      total = 0.5;
      fraction = true;
      seenNumber = true;
      end = next;
      words++;
      cursor = next;
      // "half a million": the fraction scales what follows.
      const half = /[ \t\u00a0]+a[ \t\u00a0]+(million|billion|trillion|thousand|dozen)\b/iy;
      half.lastIndex = next;
      const hm = half.exec(text);
      if (hm !== null) {
        const s = (hm[1] ?? '').toLowerCase();
        total = 0.5 * (s === 'dozen' ? 12 : SCALES[s] ?? 1);
        fraction = false;
        end = half.lastIndex;
      }
      break;
    } else if (FRACTIONS[w] !== undefined && (seenNumber || current === 1) && current < 10 && (sep === '-' || OF.test(text.slice(next, next + 4)) || (firstWord === 'a' && words === 1 && shareCue(text, pos, next)))) {
      // "two-thirds", "a quarter of"; without "of", "three quarters" counts periods, so we stop at "three".
      total = current / (FRACTIONS[w] ?? 1);
      current = 0;
      fraction = true;
      seenNumber = true;
      end = next;
      words++;
      // "a quarter of a million": the fraction scales what follows.
      const ofA = /[ \t\u00a0]+of[ \t\u00a0]+a[ \t\u00a0]+(million|billion|trillion|thousand)\b/iy;
      ofA.lastIndex = next;
      const om = ofA.exec(text);
      if (om !== null) {
        total *= SCALES[(om[1] ?? '').toLowerCase()] ?? 1;
        fraction = false;
        end = ofA.lastIndex;
      }
      break;
    } else {
      break;
    }
    words++;
    end = next;
    cursor = next;
  }
  if (!seenNumber && !fraction) return null;
  let value = total + current;
  if (!fraction && current > 0 && current < 100) {
    // "five and a half months" is 5.5, not "five" and then "half months".
    AND_A_HALF.lastIndex = end;
    const h = AND_A_HALF.exec(text);
    if (h !== null) {
      value = (value + 0.5) * (h[1] === undefined ? 1 : SCALES[h[1].toLowerCase()] ?? 1);
      return { value, end: AND_A_HALF.lastIndex, fraction: false, bareOne: false };
    }
  }
  return { value, end, fraction, bareOne: firstWord === 'one' && words === 1 };
}
