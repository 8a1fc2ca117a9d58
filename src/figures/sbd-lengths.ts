/**
 * Where `sbd` (1.0.19) cuts one line, without building its sentences: the non-space length of each sentence
 * `sbd.sentences(line, { newline_boundaries: false, sanitize: false })` returns, in order. splitSentences only
 * counts non-space characters of sbd's sentences to map them back onto the source, and sbd's words, arrays and
 * joins were two thirds of splitting a text. Every rule and quirk below is sbd's own, in its order (a test checks
 * this against sbd on generated and corpus lines): change nothing here without sbd changing first.
 */

/** sbd's English abbreviations (lib/Match.js): a word with a full stop that is one of these ends no sentence. */
const ABBREVIATIONS = new Set([
  'al', 'adj', 'assn', 'Ave', 'BSc', 'MSc', 'Cell', 'Ch', 'Co', 'cc', 'Corp', 'Dem', 'Dept', 'ed', 'eg', 'Eq', 'Eqs', 'est', 'etc', 'Ex',
  'ext', 'Fig', 'fig', 'Figs', 'figs', 'i.e', 'ie', 'Inc', 'inc', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct',
  'Nov', 'Dec', 'jr', 'mi', 'Miss', 'Mrs', 'Mr', 'Ms', 'Mol', 'mt', 'mts', 'no', 'Nos', 'PhD', 'MD', 'BA', 'MA', 'MM', 'pl', 'pop',
  'pp', 'Prof', 'Dr', 'pt', 'Ref', 'Refs', 'Rep', 'repr', 'rev', 'Sec', 'Secs', 'Sgt', 'Col', 'Gen', 'Sen', 'Gov', 'Lt', 'Maj', 'Capt',
  'St', 'Sr', 'sr', 'Jr', 'Rev', 'Sun', 'Mon', 'Tu', 'Tue', 'Tues', 'Wed', 'Th', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'trans', 'Univ',
  'Viz', 'Vol', 'vs', 'v',
]);
const SYMBOLS = /[-'`~!@#$%^&*()_|+=?;:'",.<>{}[\]\\/]/g;
const BRACKETS = /[()[\]{}]/g;
const WORDS = /\S+/g;
const URL = /[-a-zA-Z0-9@:%._+~#=]{2,256}\.[a-z]{2,6}\b([-a-zA-Z0-9@:%_+.~#?&//=]*)/;
const PHONE =
  /^(?:(?:\+?1\s*(?:[.-]\s*)?)?(?:\(\s*([2-9]1[02-9]|[2-9][02-8]1|[2-9][02-8][02-9])\s*\)|([2-9]1[02-9]|[2-9][02-8]1|[2-9][02-8][02-9]))\s*(?:[.-]\s*)?)?([2-9]1[02-9]|[2-9][02-9]1|[2-9][02-9]{2})\s*(?:[.-]\s*)?([0-9]{4})(?:\s*(?:#|x\.?|ext\.?|extension)\s*(\d+))?$/;

/** sbd's `isNaN(str)`: JavaScript's loose number reading ("", " 4", "1e3" and "0x1F" are numbers). */
function isNumber(s: string): boolean {
  return !Number.isNaN(Number(s));
}

function isCapitalized(s: string): boolean {
  const c0 = s.charCodeAt(0);
  const c1 = s.charCodeAt(1);
  return (c0 >= 65 && c0 <= 90 && c1 >= 97 && c1 <= 122) || isNumber(s);
}

function isSentenceStarter(s: string): boolean {
  return isCapitalized(s) || /``|"|'/.test(s.substring(0, 2));
}

function isDottedAbbreviation(word: string): boolean {
  const w = word.replace(BRACKETS, '');
  // sbd matches /(.\.)*/ at the start: one character, then a full stop.
  return w.length >= 2 && w.charCodeAt(1) === 46;
}

/** sbd's isNameAbbreviation over `words.slice(i, end)`: note the absolute `end`, sbd's own (it reads no word past index 5). */
function isNameAbbreviation(wordCount: number, words: readonly string[], i: number, end: number): boolean {
  if (i >= end || i >= words.length) return false;
  const first = words[i] as string;
  if (wordCount < 5 && first.length < 6 && isCapitalized(first)) return true;
  let capitalized = 0;
  for (let k = i; k < end && k < words.length; k++) {
    const c = (words[k] as string).charCodeAt(0);
    if (c >= 65 && c <= 90) capitalized++;
  }
  return capitalized >= 3;
}

function lastIs(word: string, c: number): boolean {
  return word.charCodeAt(word.length - 1) === c;
}

/** One sentence as sbd builds it: how many pieces, their total length, and the first piece (for sbd's list rule). */
interface Piece {
  count: number;
  length: number;
  first: string;
}

/**
 * The non-space length of each sentence sbd finds in `line` (a line without "\n").
 * @example sbdLengths("Mr. Smith paid $4.5m. He left.") // [19, 7]
 */
export function sbdLengths(line: string): number[] {
  const words = line.match(WORDS);
  if (words === null) return [];
  const sentences: Piece[] = [];
  let current: Piece = { count: 0, length: 0, first: '' };
  const add = (w: string): void => {
    if (current.count === 0) current.first = w;
    current.count++;
    current.length += w.length;
  };
  const close = (): void => {
    sentences.push(current);
    current = { count: 0, length: 0, first: '' };
  };
  let wordCount = 0;
  const L = words.length;
  for (let i = 0; i < L; i++) {
    const written = words[i] as string;
    let w = written;
    wordCount++;
    add(written);
    if (w.includes(',')) wordCount = 0;
    const last = w.charCodeAt(w.length - 1);
    // ".", "!" or "?" alone, a word ending in "?" or "!", or sbd's newline placeholder.
    if (last === 63 || last === 33 || w === '.' || w === '@~@') {
      close();
      wordCount = 0;
      continue;
    }
    // sbd drops a closing quote before looking for a full stop (in its word list only; the sentence keeps it).
    if (last === 34 || last === 0x201d) {
      w = w.slice(0, -1);
      words[i] = w;
    }
    if (lastIs(w, 46)) {
      if (i + 1 < L) {
        const next = words[i + 1] as string;
        if (w.length === 2 && !isNumber(w.charAt(0))) continue;
        if (ABBREVIATIONS.has(w.replace(SYMBOLS, ''))) continue;
        if (isSentenceStarter(next)) {
          if ((w === 'a.m.' || w === 'p.m.') && next.replace(/\W+/g, '').slice(-3).toLowerCase() === 'day') continue;
          if (isNameAbbreviation(wordCount, words, i, 6)) continue;
          if (isNumber(next) && (w.length <= 3 || isCapitalized(w))) continue;
        } else {
          if (w.endsWith('..')) continue;
          if (isDottedAbbreviation(w)) continue;
          if (isNameAbbreviation(wordCount, words, i, 5)) continue;
        }
      }
      close();
      wordCount = 0;
      continue;
    }
    const dot = w.indexOf('.');
    if (dot > -1) {
      if (isNumber(dot > 0 ? w.slice(dot - 1, dot + 2) : w)) continue;
      if (isDottedAbbreviation(w)) continue;
      if (URL.test(w) || PHONE.test(w)) continue;
    }
    // "end.Next": a stop glued to a capital or small letter starts a new sentence, the stop itself dropped.
    let k = dot;
    if (k < 0) k = w.indexOf('!');
    if (k < 0) k = w.indexOf('?');
    if (k > -1) {
      const c = w.charCodeAt(k + 1);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
        // sbd replaces the word as written (closing quote and all) with the part before the stop.
        current.count--;
        current.length -= written.length;
        add(w.slice(0, k));
        close();
        wordCount = 0;
        add(w.slice(k + 1));
      }
    }
  }
  if (current.count > 0) sentences.push(current);
  // sbd's list rule: a sentence that is one short word with a full stop ("1.", "a.") joins the next unless that one
  // starts with a word holding a full stop.
  const out: Piece[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.count === 1 && prev.first.length >= 2 && prev.first.length <= 3 && lastIs(prev.first, 46) && !s.first.includes('.')) {
      prev.count += s.count;
      prev.length += s.length;
    } else out.push(s);
  }
  return out.map((s) => s.length);
}
