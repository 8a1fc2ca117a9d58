/**
 * Find every quantity mention in a text: one precompiled anchor regex walks the text once;
 * at each anchor we read the amount, drop what is not a figure (dates, years, names…), join
 * ranges and ratios, take in a qualifier ("almost"), then label each figure from its sentence.
 */
import type { Figure, FigureKind } from '../domain/types.js';
import { labelFigure, type LabelContext } from './label-figure.js';
import { articleContext } from './labels/article-context.js';
import { MULTIPLIER_WORDS } from './multipliers.js';
import { NUMBER_WORD_STARTS } from './number-words.js';
import { ORDINAL_WORDS, POSITION_WORDS } from './ordinals.js';
import { notFigure, numberBefore, opensSentence, type NumberBefore } from './not-figures.js';
import { CURRENCY_CODES } from './quantity-units.js';
import { readAmount, scaled, type Amount } from './read-amount.js';
import { splitSentences, type Sentence } from './sentences.js';
import { tagSentence, type TaggedSentence } from './tag-sentence.js';
import { VAGUE_WORDS } from './vague-amounts.js';

/**
 * Where a quantity may start: a digit or a currency sign, or a word (currency code, number word…). The word
 * alternatives sit behind one cheap test that no ASCII letter comes before, which each one's own \b or letter
 * lookbehind implies (ſ and K count: this regex folds them to s and k). Without it every alternative's guard ran at
 * every character, and this regex was about 4% of the summarize step; with it, half that. A digit or a sign never
 * starts a word alternative, so testing them first changes no match.
 */
const ANCHOR = new RegExp(
  `[\\d$£€¥₹₽₴₩₺₦]|(?<![A-Za-z\\u017f\\u212a])(?:(?<![\\p{L}])(?:US|AU?|CA?|NZ|HK|S|R)\\$|(?<![\\p{L}\\d])(?:${CURRENCY_CODES}|Rs\\.?)(?=[ \\t\\u00a0]?\\d)|\\b(?:${NUMBER_WORD_STARTS}|${MULTIPLIER_WORDS}|${ORDINAL_WORDS}|${POSITION_WORDS}|${VAGUE_WORDS})\\b)`,
  'giu',
);
const SP = '[ \\t\\u00a0\\u202f]';
const RANGE_SEP = new RegExp(`${SP}?[-–]${SP}?|${SP}+to${SP}+|${SP}–${SP}`, 'y');
/** A ratio's second side names a particular set ("four out of their six"), not a proportion ("one in five"). */
const DETERMINED = /\b(?:the|their|its|his|her)\b/i;
const RATIO_SEP = new RegExp(`-for-|${SP}+(?:in|out${SP}+of)${SP}+(?:(?:every|the|their|its|his|her)${SP}+)?|${SP}+of${SP}+(?:the|its|their)${SP}+`, 'y');
/** A verb or adverb of change right before an amount: "rose", "fell by", "up". */
const CHANGE_BEFORE = /\b(?:rose|risen|rises|fell|fallen|falls|jumped|climbed|dropped|slid|slipped|gained|lost|added|shed|increased|decreased|declined|grew|grown|surged|soared|plunged|tumbled|sank|edged|up|down)(?:[ \t\u00a0]+by)?[ \t\u00a0]+$/i;
/** "voted 41 to 19", "by 41 votes to 19": a tally, the larger side first. */
const TALLY_SEP = new RegExp(`${SP}+(?:votes?${SP}+)?to${SP}+`, 'y');
const TALLY_CUE = /\b(?:voted|vote|votes|by|won|beat|lost|margin\s+of)[ \t\u00a0]+$/i;
const BETWEEN_AND = new RegExp(`${SP}+and${SP}+`, 'y');
const QUALIFIER = new RegExp(
  `(?:^|[^\\p{L}])((?:just|well|slightly)${SP}+(?:over|under|below|above|short${SP}+of)|more${SP}+than|less${SP}+than|fewer${SP}+than|` +
    `almost|nearly|about|around|approximately|roughly|some|over|under|up${SP}+to|at${SP}+least|at${SP}+most|` +
    `as${SP}+(?:many|much|few|little)${SP}+as|close${SP}+to|upwards${SP}+of|in${SP}+excess${SP}+of|an${SP}+estimated|` +
    `estimated|circa|approx\\.|between|~)${SP}*$`,
  'iu',
);
const NEXT_WORD = new RegExp(`${SP}+([\\p{L}][\\p{L}'’]*)`, 'uy');
const HYPHEN_WORD = /-\p{L}/uy;
/** "three-quarter", "two-third": a numerator above one with a singular denominator is an adjective, not a share. */
const ADJECTIVE_FRACTION = /^(?:two|three|four|five|six|seven|eight|nine)-(?:third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)$/i;
/** Words after a spelled-out number that show it is not counting anything ("one of", "two and"). */
const NOT_COUNTED = new Set([
  'of', 'another', 'and', 'or', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'as', 'than', 'that', 'which', 'who',
  'is', 'was', 'were', 'are', 'be', 'been', 'has', 'had', 'have', 'will', 'would', 'can', 'could', 'may', 'might', 'must',
  'should', 'said', 'says', 'more', 'less', 'the', 'a', 'an', 'thing', 'things', 'way', 'else', 'such', 'after',
  'before', 'but', 'so', 'if', 'point', 'apiece', 'each', 'too', 'up', 'down', 'out', 'off', 'over', 'into', 'against',
  'it', 'they', 'he', 'she', 'we', 'you', 'i', 'this', 'these', 'those', 'all', 'both', 'either', 'neither', 'times', 'another',
]);
const PREV_WORD = /(\p{L}+)[ \t\u00a0]*$/u;
const HALF_CUES = new Set(['by', 'than', 'nearly', 'almost', 'about', 'around', 'over', 'roughly', 'just', 'some']);
const HALF_NOT = new Set(['first', 'second', 'the', 'other', 'latter', 'former', 'back', 'top', 'bottom', 'this', 'that']);

/**
 * Every quantity mention in `text`, in text order, with offsets, value, kind, unit, label and sentence.
 * @example findFigures("Profits jumped 76% to $1.13bn.") // [{ text: "76%", value: 76, kind: "percent", … }, { text: "$1.13bn", value: 1130000000, … }]
 */
export function findFigures(text: string, sentences: readonly Sentence[] = splitSentences(text)): Figure[] {
  const raw = scan(text);
  const figures: Figure[] = [];
  if (raw.length === 0) return figures;
  const ctx: LabelContext = { owner: ownerOf(text, sentences[0]), article: articleContext(text, sentences[0]) };
  let si = 0;
  let tagged: TaggedSentence | null = null;
  let taggedIndex = -1;
  const bareNumbers = new Map<Figure, NumberBefore>();
  for (const [ri, r] of raw.entries()) {
    while (si < sentences.length - 1 && (sentences[si]?.end ?? 0) <= r.start) si++;
    const s: Sentence = sentences[si] ?? { text, start: 0, end: text.length };
    // Only sentences that hold a candidate are tagged, each once, and only up to the end of the clause of their last candidate.
    if (taggedIndex !== si || tagged === null) {
      let lastEnd = r.end;
      for (let k = ri + 1; k < raw.length && (raw[k]?.start ?? Infinity) < s.end; k++) lastEnd = raw[k]?.end ?? lastEnd;
      CLAUSE_END.lastIndex = lastEnd - s.start;
      const stop = CLAUSE_END.exec(s.text);
      tagged = tagSentence(stop === null ? s.text : s.text.slice(0, stop.index), s.start);
      taggedIndex = si;
    }
    const figure: Figure = {
      text: text.slice(r.start, r.end), value: r.value, kind: r.kind, unit: r.unit, label: '', sentence: s.text,
      start: r.start, end: r.end, approx: r.approx,
    };
    if (r.valueMax !== undefined) figure.valueMax = r.valueMax;
    figure.label = labelFigure(tagged, figure, figures, text, ctx);
    figures.push(figure);
    if (figure.kind === 'count' && /^\d+$/.test(figure.text)) bareNumbers.set(figure, numberBefore(tagged.tokens, figure.end, figure.start));
  }
  return bareNumbers.size === 0 ? figures : withoutNames(figures, bareNumbers);
}

/**
 * Drop numbers that are names: "50 Cent said", "its 787 Dreamliner plane", "Windows 95 was launched", and every other mention of the same
 * number that the article writes before the same word ("Rapper 50 Cent scores chart first") or with nothing
 * counted after it ("the 787 will fly"). A name is found where the syntax is plain and recognised everywhere.
 */
function withoutNames(figures: Figure[], bare: ReadonlyMap<Figure, NumberBefore>): Figure[] {
  const names = new Map<string, string | null>();
  for (const [f, b] of bare) if (b.name || b.endsName) names.set(f.text, b.capital);
  if (names.size === 0) return figures;
  return figures.filter((f) => {
    const b = bare.get(f);
    if (b === undefined || !names.has(f.text)) return true;
    return !(b.name || b.endsName || b.bare || (b.capital !== null && b.capital === names.get(f.text)));
  });
}

/** Where the clause of a sentence's last candidate ends: the words after it never label a figure. */
const CLAUSE_END = /[;:—–]|,[ \t\u00a0](?!\d)/g;

/** The proper name a headline is about ("Qantas", "Time Warner"), to stand in for "it" and "the firm" in labels. */
function ownerOf(text: string, headline: Sentence | undefined): string | null {
  if (headline === undefined || headline.text.length > 200) return null;
  const body = text.slice(headline.end);
  // Headlines capitalise common words ("Mobile", "Global"): a name is capitalised mid-sentence in the body too.
  for (const m of headline.text.matchAll(NAME_RUN)) {
    const name = m[0];
    if (name.length > 1 && !HEADLINE_WORDS.has(name.toLowerCase()) && !TIME_NAME.test(name) && capitalisedMidSentence(body, name)) return name;
  }
  return null;
}

/** Names of days, months and holidays own nothing: "New Year", "Christmas", "Monday". */
const TIME_NAME = /\b(?:New Year|Christmas|Easter|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December)\b/;
/** One to three capitalised words in a row: "Qantas", "Time Warner", "BT". */
const NAME_RUN = /\p{Lu}[\p{L}&'’-]*(?:[ ]\p{Lu}[\p{L}&'’-]*){0,2}/gu;
const HEADLINE_WORDS = new Set(['the', 'a', 'an', 'new', 'us', 'uk']);

/** True when `name` occurs after a lower-case word or a comma, i.e. capitalised because it is a name. */
function capitalisedMidSentence(body: string, name: string): boolean {
  for (let i = body.indexOf(name); i >= 0; i = body.indexOf(name, i + 1)) {
    const after = body.charCodeAt(i + name.length);
    const endsWord = Number.isNaN(after) || !/[\p{L}\p{N}]/u.test(String.fromCharCode(after));
    if (endsWord && body[i - 1] === ' ' && /[a-z,]/.test(body[i - 2] ?? '')) return true;
  }
  return false;
}

/**
 * The quantity mentions of `text` without sentences or labels: what `findFigures` finds (same offsets, values,
 * kinds, units, qualifiers), for callers that only compare quantities, such as ranking against the headline.
 * @example findMentions("Profits jump 76%")[0] // { start: 13, end: 16, value: 76, kind: "percent", unit: "%", approx: null }
 */
export function findMentions(text: string): Mention[] {
  return scan(text);
}

/** One quantity mention: offsets into its text, value (and upper end of a range or ratio), kind, unit, qualifier. */
export interface Mention {
  start: number;
  end: number;
  value: number;
  valueMax?: number;
  kind: FigureKind;
  unit: string | null;
  approx: string | null;
}

/** The scanner: text → mentions, no sentences or labels. */
function scan(text: string): Mention[] {
  const out: Mention[] = [];
  let lastEnd = 0;
  ANCHOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ANCHOR.exec(text)) !== null) {
    const pos = m.index;
    const a = readAmount(text, pos);
    if (a === null) continue;
    const skip = notFigure(text, a);
    if (skip !== null) {
      ANCHOR.lastIndex = Math.max(skip.end, pos + 1);
      continue;
    }
    const mention = joinRangeOrRatio(text, a) ?? toMention(a);
    // A vague amount says itself that it is approximate: "tens of thousands".
    if (a.vague === true) mention.approx = text.slice(a.start, a.end);
    extendScoreLine(text, mention);
    extendDuration(text, mention);
    if (!acceptWords(text, a, mention)) {
      ANCHOR.lastIndex = Math.max(a.coreEnd, pos + 1);
      continue;
    }
    takeQualifier(text, mention, lastEnd);
    out.push(mention);
    lastEnd = mention.end;
    ANCHOR.lastIndex = mention.end;
  }
  return out;
}

function toMention(a: Amount): Mention {
  return { start: a.start, end: a.end, value: a.value, kind: a.kind, unit: a.unit, approx: null };
}

/** "20-30%", "20 to 30 years", "£2-3bn", "between 20 and 30", "1,000-for-1,000", "one in five", "2-1". */
function joinRangeOrRatio(text: string, a: Amount): Mention | null {
  if (a.fraction || a.age || a.rank === true || a.vague === true) return null;
  const between = /\bbetween[ \t\u00a0]+$/i.test(text.slice(Math.max(0, a.start - 9), a.start));
  const sep = between ? BETWEEN_AND : RANGE_SEP;
  sep.lastIndex = a.end;
  if (sep.exec(text) !== null) {
    const b = readAmount(text, sep.lastIndex, a.kind === 'money' ? a.unit : null);
    const isTo = /to/.test(text.slice(a.end, sep.lastIndex));
    // The right side of "20-30%" is glued to the dash, which is fine here; a date or a year is not.
    const skipB = b === null ? null : notFigure(text, b);
    // "from 5 to 7" is two levels; "fell $2.86 to $41.32" is a change and the level it reached.
    const twoFigures = isTo && ((a.kind !== 'count' && CHANGE_BEFORE.test(text.slice(Math.max(0, a.start - 16), a.start))) || /\bfrom[ \t\u00a0]+$/i.test(text.slice(Math.max(0, a.start - 6), a.start)));
    if (b !== null && (skipB === null || skipB.reason === 'identifier') && !twoFigures) {
      const joined = range(a, b);
      if (joined !== null) return joined;
      if (!isTo && !between && a.kind === 'count' && b.kind === 'count' && a.plainInt !== null && b.plainInt !== null && a.value < 100 && b.value < 100) {
        // A score such as "won 2-1": a pair, not a span.
        return { start: a.start, end: b.end, value: a.value, valueMax: b.value, kind: 'ratio', unit: null, approx: null };
      }
    }
  }
  if (a.kind !== 'count') return null;
  const tally = a.plainInt !== null && TALLY_CUE.test(text.slice(Math.max(0, a.start - 12), a.start)) ? tallyWith(text, a) : null;
  if (tally !== null) return tally;
  RATIO_SEP.lastIndex = a.end;
  const ratioSep = RATIO_SEP.exec(text);
  if (ratioSep === null) return null;
  const b = readAmount(text, RATIO_SEP.lastIndex);
  const skip = b === null ? null : notFigure(text, b);
  if (b === null || b.kind !== 'count' || (skip !== null && skip.reason !== 'identifier')) return null;
  const isFor = text[a.end] === '-';
  if (!isFor && !(b.value > a.value)) return null;
  // "five of the eight critics" is a share; "one of the two" is just a pronoun.
  if (/of/.test(ratioSep[0]) && (a.bareOne || a.value < 2 || b.fraction)) return null;
  if (a.words && !isFor && !DETERMINED.test(ratioSep[0])) {
    // "one in five", "nine out of 10": a proportion, so its value is the fraction (0.2, 0.9). "four out of their six"
    // counts members of a set and keeps both sides; so does "9 out of 10", whose value stays the number written first.
    return { start: a.start, end: b.end, value: Number((a.value / b.value).toPrecision(6)), kind: 'ratio', unit: null, approx: null };
  }
  return { start: a.start, end: b.end, value: a.value, valueMax: b.value, kind: 'ratio', unit: null, approx: null };
}

/** One pair of a score as written: "6-7", "7–5". */
const SCORE_PAIR = /^\d{1,2}[-–]\d{1,2}$/;
/** The next set of a score line after a set: an optional tie-break in brackets, then a space or comma and another pair. */
const NEXT_SET = /(?:[ \t\u00a0]*\(\d{1,2}[-–/]\d{1,2}\))?(?:,[ \t\u00a0]*|[ \t\u00a0]+)\d{1,2}[-–]\d{1,2}(?![\d\p{L}%]|[-–/]\d)/uy;
/** A tie-break in brackets closing the line: " (7-5)". */
const LAST_TIE_BREAK = /[ \t\u00a0]*\(\d{1,2}[-–/]\d{1,2}\)/y;

/**
 * A set-by-set score is one figure: "6-7 (4-7) 7-6 (8-6) 7-5" is one result, not five, and takes the first number
 * as its value, as any score does.
 */
function extendScoreLine(text: string, m: Mention): void {
  if ((m.kind !== 'ratio' && m.kind !== 'range') || !SCORE_PAIR.test(text.slice(m.start, m.end))) return;
  let end = m.end;
  for (NEXT_SET.lastIndex = end; NEXT_SET.exec(text) !== null; NEXT_SET.lastIndex = end) end = NEXT_SET.lastIndex;
  if (end === m.end) return;
  LAST_TIE_BREAK.lastIndex = end;
  if (LAST_TIE_BREAK.exec(text) !== null) end = LAST_TIE_BREAK.lastIndex;
  m.end = end;
  m.kind = 'ratio';
  // The games of one set are no upper bound of the line: only the first number stands for it.
  delete m.valueMax;
}

/** Duration units, longest first: a compound duration goes down this list ("18 years and 185 days"). */
const DURATION_ORDER = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'];
/** Between the parts of a compound duration: a space, a comma or "and". */
const DURATION_JOIN = /,?[ \t\u00a0]+(?:and[ \t\u00a0]+)?/y;

/**
 * A compound duration is one figure: "18 years and 185 days", "14 minutes 32.93 seconds". Its value is the first
 * number in its unit, as a range or a score gives its first number.
 */
function extendDuration(text: string, m: Mention): void {
  let rank = m.kind === 'duration' && m.valueMax === undefined ? DURATION_ORDER.indexOf(m.unit ?? '') : -1;
  while (rank >= 0) {
    DURATION_JOIN.lastIndex = m.end;
    if (DURATION_JOIN.exec(text) === null) return;
    const b = readAmount(text, DURATION_JOIN.lastIndex);
    const next = b === null || b.kind !== 'duration' ? -1 : DURATION_ORDER.indexOf(b.unit ?? '');
    // One digit run after a spelled-out first number at most: the value must stay readable as the first number written.
    const secondDigitRun = !/^\d/.test(text.slice(m.start, m.start + 1)) && /\d/.test(text.slice(m.start, m.end)) && /\d/.test(text.slice(b?.start ?? 0, b?.end ?? 0));
    if (b === null || next <= rank || secondDigitRun) return;
    m.end = b.end;
    rank = next;
  }
}

/** "voted 41 to 19": both plain integers, the second smaller (a rise "to 19" would be larger). */
function tallyWith(text: string, a: Amount): Mention | null {
  TALLY_SEP.lastIndex = a.end;
  if (TALLY_SEP.exec(text) === null) return null;
  const b = readAmount(text, TALLY_SEP.lastIndex);
  if (b === null || b.kind !== 'count' || b.plainInt === null || b.value >= a.value || notFigure(text, b) !== null) return null;
  return { start: a.start, end: b.end, value: a.value, valueMax: b.value, kind: 'ratio', unit: null, approx: null };
}

/** Join two amounts into a range when their units agree; the unit and scale of the second apply to a bare first. */
function range(a: Amount, b: Amount): Mention | null {
  let low = a.value;
  let unit = b.unit;
  if (a.kind === 'count' && a.exponent === 0) {
    low = scaled(a.value, b.exponent); // "20-30%", "2-3bn", "20 to 30 years"
  } else if (a.kind === 'money' && b.kind === 'count') {
    if (a.exponent === 0) low = scaled(a.value, b.exponent); // "$2-3bn", "£20-30"
    else if (b.exponent !== a.exponent) return null;
    unit = a.unit;
  } else if (a.kind !== b.kind || a.unit !== b.unit) {
    return null; // "rose 2% to $11.1bn" is two figures
  }
  if (!(b.value > low)) return null;
  return { start: a.start, end: b.end, value: low, valueMax: b.value, kind: 'range', unit, approx: null };
}

/** Spelled-out numbers only count when something is being counted: "three years", not "one of the biggest". */
function acceptWords(text: string, a: Amount, mention: Mention): boolean {
  if (!a.words) return true;
  const first = text[a.coreStart] ?? '';
  if (first !== first.toLowerCase() && !opensSentence(text, a.coreStart)) return false; // "Formula One", "Channel Four"
  if (a.vague === true) return true; // "hundreds of people": what is counted follows "of"
  if (mention.kind === 'ratio' || mention.kind === 'range') return true;
  // "half-time", "a half-step", "three-quarter Hal Luscombe": a fraction word inside a compound or an adjective names something.
  if (a.fraction && (/^-\p{L}/u.test(text.slice(a.end, a.end + 2)) || ADJECTIVE_FRACTION.test(text.slice(a.coreStart, a.end)))) return false;
  if (a.fraction && /^half$/i.test(text.slice(a.coreStart, a.end))) {
    // "half of", "more than half", "cut by half"; never "the second half".
    const prevWord = PREV_WORD.exec(text.slice(Math.max(0, a.coreStart - 16), a.coreStart))?.[1]?.toLowerCase() ?? '';
    if (HALF_CUES.has(prevWord)) return true;
    NEXT_WORD.lastIndex = a.end;
    const nextWord = NEXT_WORD.exec(text)?.[1]?.toLowerCase() ?? '';
    // "half of the staff", "Half the world's population"; never "the second half", "half the time".
    return (nextWord === 'of' || (nextWord === 'the' && !/^[ \t\u00a0]+the[ \t\u00a0]+(?:time|way|battle|story|fun)\b/i.test(text.slice(a.end, a.end + 16)))) && !HALF_NOT.has(prevWord);
  }
  if (a.fraction) return true;
  if (a.kind !== 'count') return true;
  if (a.bareOne) return false;
  HYPHEN_WORD.lastIndex = a.end;
  if (HYPHEN_WORD.test(text)) return false; // "one-off", "two-way", "three-pronged"
  NEXT_WORD.lastIndex = a.end;
  const next = NEXT_WORD.exec(text);
  // "sold over one million.": a scaled number stands on its own.
  if (next === null) return a.value >= 1000;
  const nextWord = (next[1] ?? '').toLowerCase();
  // "nine of their players", "Twenty of his films": a part of a named whole is a count; "one of the" is not.
  if (nextWord === 'of' && a.value >= 2 && /^[ \t\u00a0]+of[ \t\u00a0]+(?:their|his|her|its|our|these|those)\b/i.test(text.slice(a.end, a.end + 12))) return true;
  return !NOT_COUNTED.has(nextWord);
}

/** Take "almost", "more than", "between"… into the mention, never reaching back into the previous one. */
function takeQualifier(text: string, mention: Mention, lastEnd: number): void {
  const from = Math.max(lastEnd, mention.start - 24);
  const q = QUALIFIER.exec(text.slice(from, mention.start));
  if (q === null) return;
  const word = q[1] ?? '';
  const lower = word.toLowerCase().replace(/[ \t\u00a0\u202f]+/g, ' ');
  if (lower === 'between') {
    if (mention.kind !== 'range') return;
  } else if (mention.kind === 'duration' && /^(?:over|under|some|about|around)$/.test(lower)) {
    return; // "over three days" is when, not how many
  } else if (mention.kind === 'range' || mention.kind === 'ratio') {
    return;
  }
  const wordStart = from + q.index + q[0].length - word.length - (q[0].length - q[0].trimEnd().length);
  mention.start = wordStart;
  mention.approx = lower === 'between' ? null : text.slice(wordStart, wordStart + word.length);
}
