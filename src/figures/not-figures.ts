/**
 * Numbers that are not figures: dates, times, years, phone numbers, addresses, list numbering,
 * model names ("Boeing 747", "F-16", "G7"). Each check looks only at a few characters around
 * the amount, so the scanner stays a single pass.
 */
import type { Amount } from './read-amount.js';
import type { Token } from './tag-sentence.js';

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const SP = '[ \\t\\u00a0\\u202f]';
const MONTH_ONLY = new RegExp(`^${MONTH}$`);
const WEEKDAY = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/;
const MONTH_BEFORE = new RegExp(`(?<![\\p{L}])${MONTH}\\.?,?${SP}+$`, 'u');
const MONTH_AFTER = new RegExp(`(?:st|nd|rd|th)?${SP}+(?:of${SP}+)?${MONTH}\\b\\.?(?:,?${SP}+\\d{4}(?!\\d))?`, 'y');
const DAY_SPAN_AFTER = new RegExp(`${SP}?[-–]${SP}?\\d{1,2}(?:st|nd|rd|th)?${SP}+(?:of${SP}+)?${MONTH}\\b\\.?(?:,?${SP}+\\d{4}(?!\\d))?`, 'y');
/** "22 and 23 June", "14, 20 and 27 April", "24 to 26 December": the first days of a list of days. */
const DAY_LIST_AFTER = new RegExp(`(?:(?:st|nd|rd|th)?,${SP}*\\d{1,2})*(?:st|nd|rd|th)?,?${SP}+(?:and|or|to)${SP}+\\d{1,2}(?:st|nd|rd|th)?${SP}+(?:of${SP}+)?${MONTH}\\b\\.?(?:,?${SP}+\\d{4}(?!\\d))?`, 'y');
const DAY_TAIL = new RegExp(`(?:st|nd|rd|th)?(?:,?${SP}+\\d{4}(?!\\d))?`, 'y');
const TIME = new RegExp(
  `\\d{1,2}(?:[:.]\\d{2})?${SP}?(?:[ap]\\.m\\.|[ap]m\\b|AM\\b|PM\\b)|\\d{1,2}:\\d{2}(?::\\d{2})?(?:${SP}?(?:AM|PM|GMT|BST|UTC|CET|EST|ET|PT)\\b)?|\\d{4}${SP}?(?:GMT|BST|UTC|hrs|hours${SP}GMT)\\b`,
  'y',
);
const PHONE = /\+?\(?\d{2,5}\)?(?:[ .-]\d{2,5}){2,4}(?!\d)/y;
const ADDRESS = new RegExp(
  `[A-Za-z]?${SP}+(?:[A-Z][a-z]+${SP}+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Boulevard|Blvd|Drive|Way|Place|Square|Court|Terrace|Crescent|Close|Highway)\\b`,
  'y',
);
const LIST_MARK = /[.)][ \t]/y;
/** Words that number the thing they name: "No. 10", "page 4", "section 404", "chapter 11", "series 3". */
const NUMBER_SIGN = new RegExp(`(?:\\bNo\\.?|#|\\b[Nn]umber|\\bv|\\bversion|\\bpage|\\bp\\.|\\bpp\\.|\\b[Ss]ection|\\b[Cc]hapter|\\b[Cc]lause|\\b[Pp]aragraph|\\b[Aa]rticle|\\b[Ee]pisode|\\b[Ss]eries|\\b[Ss]eason|\\b[Aa]mendment)${SP}*$`);
const RATE_BASE_BEFORE = new RegExp(`\\b(?:per|for${SP}+every)${SP}+$`, 'i');
/** Before a four-digit number under 1900 written without a comma (news writes counts as "1,500"): "in 1834", "the 1701 Act", "back to 1670". */
const OLD_YEAR_CUE = new RegExp(`\\b(?:in|since|from|until|by|of|circa|c\\.|the|back${SP}+to)${SP}+$`, 'i');
const RUN = /[\p{L}\p{N}._:/'’-]*/uy;
const SENTENCE_OPENERS = new Set(['the', 'in', 'on', 'at', 'by', 'for', 'of', 'to', 'and', 'but', 'with', 'from', 'than', 'about', 'over', 'some', 'or', 'all', 'only', 'just', 'around', 'nearly', 'almost', 'another', 'up', 'down', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'were', 'was', 'is', 'are', 'had', 'has', 'have', 'now', 'still', 'also', 'last', 'first', 'next', 'top', 'after', 'before', 'since', 'until', 'under', 'between', 'among', 'while', 'as', 'if', 'when']);
const APPOSITION_BEFORE = /(?:^|[^\p{L}])\p{Lu}[\p{L}'’-]+,[ \t\u00a0]*$/u;
const CAPITAL_WORD_BEFORE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(\\p{Lu}[\\p{L}]*|i\\p{Lu}[\\p{L}]*)${SP}$`, 'u');

/** Athletics and swimming distances that name an event ("the 100m final", "men's 3,000m"), not a length. */
const EVENT_DISTANCES = new Set([50, 60, 100, 110, 200, 400, 800, 1000, 1500, 3000, 5000, 10000]);
/** Road and cross-country events in kilometres ("Irish record holder at 3km, 5km and 10km"). */
const EVENT_KM = new Set([3, 5, 10]);
/** "won over 1500m", "third fastest over 800m": a race run over its distance is that event. */
const EVENT_BEFORE = /(?:\bthe|men's|women's|men’s|women’s|\bindoor|\boutdoor|\bindividual|\bfor|\bin|\bof|\band|\bhis|\bher|\bbreaks?|\bover)[ \t\u00a0]+$/i;
const EVENT_AFTER = /^[ \t\u00a0]*(?:and[ \t\u00a0]+[\d,]+m[ \t\u00a0]+)?(?:final|finals|record|title|event|events|race|heat|heats|semi|world|personal|gold|silver|bronze|champion|hurdles|relay|freestyle|butterfly|breaststroke|backstroke|medley|indoor|crown|steeplechase|runner|star|specialist|winner|sprint|season|best|time|victory|win|ranking|rankings|\))/i;
/** A race's own name after its distance, whatever the distance: "won the 9.2km race", "the six kilometre event". */
const RACE_AFTER = /^[ \t\u00a0-]*(?:road[ \t\u00a0]+)?(?:race|races|event|events|relay|final|finals|heat|heats|walk|steeplechase|cross-country)\b/i;
const RACE_UNITS = new Set(['m', 'km', 'miles']);
/** A sentence about a race: there a track distance ("ran 5,000m", "at 800m and 1500m") names the event. */
const SPORT_CUE = /\b(?:athlet\w*|olympics?|sprint\w*|hurdl\w*|relay|medal\w*|champion\w*|races?|raced|racing|ran|runs?|runners?|swim\w*|laps?|heats?|finals?|indoors?|outdoors?|steeplechase|track|personal best|season's best|world record)\b/i;
/** "100% certain", "zero tolerance": figures of speech. */
const SPEECH_AFTER = /^[ \t\u00a0]*(?:certain|sure|confident|committed|behind|correct|right|wrong|true|fit|genuine|honest|focused|tolerance)\b/i;
/** "the top 10", "a top-three finish": a rank, not a count. */
const RANK_BEFORE = /\btop[ \t\u00a0-]+$/i;
/** "on 59 minutes", "after 72 minutes", "after just four minutes", "put United ahead in 19 minutes": when in a match, not how long. */
const MATCH_TIME_BEFORE = /\b(?:on|after(?:[ \t\u00a0]+(?:just|only))?|in[ \t\u00a0]+the|(?:ahead|level|behind)[ \t\u00a0]+in)[ \t\u00a0]+$/i;
/** "a low drive from 25 yards", "shot wide from three yards": where a shot was struck, never a key figure. */
const SHOT_FROM_BEFORE = /\bfrom[ \t\u00a0]+$/i;
/** "with 10 minutes left", "five minutes into the second half", "two minutes from time", "13 minutes on the clock": a moment of a match. */
const MATCH_TIME_AFTER = /^[ \t\u00a0]+(?:left|remaining|to[ \t\u00a0]+go|into|on[ \t\u00a0]+the[ \t\u00a0]+clock|from[ \t\u00a0]+(?:time|the[ \t\u00a0]+end|full-time)|before[ \t\u00a0]+(?:half-time|the[ \t\u00a0]+break|the[ \t\u00a0]+end)|after[ \t\u00a0]+(?:half-time|the[ \t\u00a0]+break|the[ \t\u00a0]+restart))\b/i;
/** "his 69 years", "aged 65": someone's age. */
const AGE_BEFORE = /(?:\b(?:his|her|their)[ \t\u00a0]+|\baged[ \t\u00a0]+)$/i;
/** "aged 65", "aged between 18 and 24", "at the age of 67", "at age 16": a count right after these is an age. */
const AGED_BEFORE = /\b(?:aged(?:[ \t\u00a0]+(?:between|over|under|from))?|ages?(?:[ \t\u00a0]+of)?)[ \t\u00a0]+$/i;
const AGE_SPAN_REST = /^(?:[ \t\u00a0]*[-–][ \t\u00a0]*|[ \t\u00a0]+(?:to|and)[ \t\u00a0]+)\d{1,3}(?![\d]|[.,]\d)/;
/** "10 to 28-year-olds", "the 18-24 age group": the first side of a span of ages is an age too. */
const AGE_SPAN_AFTER = /^(?:[ \t\u00a0]*[-–][ \t\u00a0]*|[ \t\u00a0]+(?:to|and)[ \t\u00a0]+)\d{1,3}(?:[- \t\u00a0]years?[- \t\u00a0]olds?\b|[ \t\u00a0]+age[ \t\u00a0]+(?:group|bracket|range)\b)/i;
/** "in the last three months", "in five years" (when), unless the sentence says "first … in three years" (how long since). */
const RELATIVE_BEFORE = /\b(?:in[ \t\u00a0]+|(?:in|over|during)[ \t\u00a0]+the[ \t\u00a0]+(?:last|past|next|coming)[ \t\u00a0]+)$/i;
const SINCE_CUE = /\b(?:first|since|highest|lowest|biggest|largest|smallest|best|worst|record|fastest|slowest|strongest|weakest|longest|only)\b/i;
/** "the previous 12 months", "the first six months of the year", "the six months to December": a reporting period, not a figure. */
const PERIOD_BEFORE = /\bthe[ \t\u00a0]+(?:(?:first|last|previous|past|next|coming|same|latest|following|final|opening|preceding|prior|initial)[ \t\u00a0]+)?$/i;
const PERIOD_AFTER = /^[ \t\u00a0]+(?:ending|ended|to|of|since|until|through|before|after|from)\b/i;
const PERIOD_WORD_BEFORE = /\bthe[ \t\u00a0]+(?:first|last|previous|past|next|coming|same|latest|following|final|opening|preceding|prior|initial)[ \t\u00a0]+$/i;
/** "the 2300 slot": a clock time. */
const SLOT_AFTER = /^[ \t\u00a0]+(?:slot|bulletin|GMT|BST|hours|hrs)\b/;
/** "due at 1330", "until 0900": a 24-hour clock time after a word of when. */
const CLOCK_BEFORE = /\b(?:at|until|till|before|from)[ \t\u00a0]+$/i;
/** The rest of a score after its first side: "-19" of "21-19". */
const SCORE_AFTER = /^[-–]\d{1,2}(?!\d)/;
/** "one half of pop duo Wham!": a member, not a fraction. */
const MEMBER_HALF = /^one[ \t\u00a0]+half[ \t\u00a0]+of\b/i;

/** A reason the amount is not a figure and where scanning may resume, or null if it is a figure. */
export interface Skip {
  end: number;
  reason: 'identifier' | 'date' | 'time' | 'year' | 'phone' | 'address' | 'list' | 'name' | 'reading' | 'age' | 'speech' | 'rank' | 'when' | 'rate';
}

/** The sentence around `pos`, cheaply: back to the last stop or line break, forward to the next. */
function sentenceAround(text: string, pos: number): string {
  let a = pos;
  while (a > 0 && a > pos - 400 && !/[.!?\n]/.test(text[a - 1] ?? '')) a--;
  let b = pos;
  while (b < text.length && b < pos + 400 && !/[.!?\n]/.test(text[b] ?? '')) b++;
  return text.slice(a, b);
}

/**
 * Usage rules that need a word or two around the whole amount (unit included): event names, ages,
 * figures of speech, ranks, match minutes, relative times.
 */
function notByUsage(text: string, a: Amount, before: string): Skip | null {
  const after = text.slice(a.end, a.end + 40);
  // "100m" reads as metres or, before a noun, as millions ("100m personal best"): either way the event's name.
  const metres = a.kind === 'measure' && a.unit === 'm' ? a.value : a.kind === 'measure' && a.unit === 'km' && EVENT_KM.has(a.value) ? a.value * 1000 : a.kind === 'count' && a.exponent === 6 && /\dm$/.test(text.slice(a.start, a.end)) ? a.value / 1e6 : 0;
  // Kilometres name an event only by the words of a race ("a queue of 5km" is a length).
  const km = a.kind === 'measure' && a.unit === 'km';
  if (EVENT_DISTANCES.has(metres) && ((!km && EVENT_BEFORE.test(before)) || EVENT_AFTER.test(after) || SPORT_CUE.test(sentenceAround(text, a.start)))) {
    return { end: a.end, reason: 'name' };
  }
  if (a.kind === 'measure' && RACE_UNITS.has(a.unit ?? '') && RACE_AFTER.test(after)) return { end: a.end, reason: 'name' };
  if (a.kind === 'measure' && a.unit === 'yd' && SHOT_FROM_BEFORE.test(before)) return { end: a.end, reason: 'when' };
  if (a.age) return { end: a.end, reason: 'age' };
  if (a.kind === 'duration' && a.unit === 'years' && AGE_BEFORE.test(before)) return { end: a.end, reason: 'age' };
  if (a.kind === 'count' && a.value <= 120 && (AGED_BEFORE.test(before) || AGE_SPAN_AFTER.test(after))) {
    // "aged between 18 and 24": the other end of the span is an age as well.
    const rest = AGE_SPAN_REST.exec(after);
    return { end: a.end + (rest?.[0].length ?? 0), reason: 'age' };
  }
  if (SPEECH_AFTER.test(after) && (a.kind === 'percent' ? a.value === 100 : a.value === 0)) return { end: a.end, reason: 'speech' };
  // "at one point": a moment, not a score.
  if (a.words && a.unit === 'points' && a.value === 1 && /\bat[ \t\u00a0]+$/i.test(before)) return { end: a.end, reason: 'speech' };
  if (a.kind !== 'money' && RANK_BEFORE.test(before)) return { end: a.end, reason: 'rank' };
  if (a.words && MEMBER_HALF.test(text.slice(a.coreStart, a.coreStart + 16))) return { end: a.end, reason: 'name' };
  if (a.kind === 'duration' && a.unit === 'minutes' && a.value <= 120 && Number.isInteger(a.value) && (MATCH_TIME_BEFORE.test(before) || MATCH_TIME_AFTER.test(after))) return { end: a.end, reason: 'when' };
  if (a.kind === 'duration' && a.unit !== 'minutes' && a.unit !== 'seconds' && a.unit !== 'hours' && RELATIVE_BEFORE.test(before) && !SINCE_CUE.test(sentenceAround(text, a.start))) {
    return { end: a.end, reason: 'when' };
  }
  if (a.kind === 'duration' && a.unit !== 'minutes' && a.unit !== 'seconds' && a.unit !== 'hours' && (PERIOD_WORD_BEFORE.test(before) || (PERIOD_BEFORE.test(before) && PERIOD_AFTER.test(after)))) {
    // "the first rise in the past three years" counts how long since; "the first six months of the year" is a period.
    if (/\b(?:last|past|previous)[ \t\u00a0]+$/i.test(before) && SINCE_CUE.test(sentenceAround(text, a.start))) return null;
    return { end: a.end, reason: 'when' };
  }
  if (/^[ \t\u00a0]+ago\b/i.test(after) && (a.kind === 'duration' || a.kind === 'count')) return { end: a.end, reason: 'when' };
  if (a.plainInt !== null && a.plainInt.length === 4 && a.value % 100 < 60 && a.value < 2400 && a.end === a.coreEnd && (SLOT_AFTER.test(after) || (CLOCK_BEFORE.test(before) && !/^[ \t\u00a0]*[\p{L}%]/u.test(after) && (a.value < 1900 || a.value > 2099)))) {
    return { end: a.end, reason: 'time' };
  }
  return null;
}

/** Extend over the rest of a token like "737-800" or "2004/05" so its pieces are not read again. */
export function skipRun(text: string, pos: number): number {
  RUN.lastIndex = pos;
  RUN.exec(text);
  let end = RUN.lastIndex;
  while (end > pos && /[.,:_'’/-]/.test(text[end - 1] ?? '')) end--;
  return end;
}

function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);
}

function sticky(re: RegExp, text: string, pos: number): number {
  re.lastIndex = pos;
  return re.test(text) ? re.lastIndex : -1;
}

/**
 * Decide whether an amount is not a figure (date, time, year, name…).
 * @example notFigure("on May 25, 2025", readAmount("on May 25, 2025", 7)!) // { reason: "date", end: 15 }
 */
export function notFigure(text: string, a: Amount): Skip | null {
  const before = text.slice(Math.max(0, a.start - 24), a.start);
  const prev = text[a.start - 1];
  // Glued to letters or digits on the left: "G7", "A320", "MH17", "F-16", "COVID-19", "24/7", the "2" and "5" of "2+2=5".
  if (isLetterOrDigit(prev) || ((prev === '-' || prev === '/' || prev === '.' || prev === '+' || prev === '=') && isLetterOrDigit(text[a.start - 2]))) {
    return { end: skipRun(text, a.end), reason: 'identifier' };
  }
  if (a.kind !== 'money') {
    const t = sticky(TIME, text, a.coreStart);
    if (t > 0 && !a.words && a.kind !== 'percent') return { end: t, reason: 'time' };
  }
  if (a.readingTime) return { end: a.end + 5, reason: 'reading' };
  // A number too large to hold ("a 400-digit number", "$1,000,…,000 trillion") is never a figure.
  if (!Number.isFinite(a.value)) return { end: skipRun(text, a.end), reason: 'identifier' };
  const usage = notByUsage(text, a, before);
  if (usage !== null) return usage;
  if (a.words) return null;
  // Glued to letters on the right and nothing understood them: "5G", "3D", "25th", "1990s".
  if (a.end === a.coreEnd && isLetterOrDigit(text[a.end])) return { end: skipRun(text, a.end), reason: 'identifier' };
  // "24/7", "1.2.3", "26.05.2025", "2+2=5": a code, a date or a sum, not a quantity.
  if (/^[/.:+=]\d/.test(text.slice(a.coreEnd, a.coreEnd + 2))) return { end: skipRun(text, a.coreEnd), reason: 'identifier' };
  const isDayNumber = a.plainInt !== null && a.plainInt.length <= 2 && a.value >= 1 && a.value <= 31 && a.kind === 'count';
  if (isDayNumber) {
    if (MONTH_BEFORE.test(before)) return { end: Math.max(a.end, sticky(DAY_TAIL, text, a.coreEnd)), reason: 'date' };
    const after = sticky(MONTH_AFTER, text, a.coreEnd);
    if (after > 0) return { end: after, reason: 'date' };
    // "10-20 February": a span of days.
    const span = sticky(DAY_SPAN_AFTER, text, a.coreEnd);
    if (span > 0) return { end: span, reason: 'date' };
    const list = sticky(DAY_LIST_AFTER, text, a.coreEnd);
    if (list > 0) return { end: list, reason: 'date' };
  }
  if (a.plainInt !== null && a.plainInt.length === 4 && (a.kind === 'count' || a.kind === 'other')) {
    if (a.value >= 1900 && a.value <= 2099) return { end: skipRun(text, a.coreEnd), reason: 'year' };
    if (a.value >= 1000 && a.value < 1900 && OLD_YEAR_CUE.test(before)) return { end: a.coreEnd, reason: 'year' };
  }
  // "Opera 8.0", "Windows 3.1": a version after a name.
  if (a.kind === 'count' && a.start === a.coreStart && a.end === a.coreEnd && /^\d{1,2}\.\d$/.test(text.slice(a.coreStart, a.coreEnd)) && isModelName(text, a, before)) {
    return { end: a.end, reason: 'name' };
  }
  // "7.5 per 100 people", "3 doctors for every 1,000": the base of a rate, not a figure of its own.
  if (a.kind === 'count' && a.start === a.coreStart && RATE_BASE_BEFORE.test(before)) return { end: a.end, reason: 'rate' };
  if (a.kind === 'count' && a.plainInt !== null && a.start === a.coreStart) {
    const phoneStart = text[a.start - 1] === '+' || text[a.start - 1] === '(' ? a.start - 1 : a.start;
    const p = sticky(PHONE, text, phoneStart);
    if (p > 0 && text.slice(phoneStart, p).replace(/\D/g, '').length >= 9) return { end: p, reason: 'phone' };
    // "007", "0200": a leading zero is written only in codes, phone numbers and clock times, never in a count.
    if (a.plainInt.length > 1 && a.plainInt.startsWith('0')) return { end: a.coreEnd, reason: 'identifier' };
    const addr = sticky(ADDRESS, text, a.coreEnd);
    if (addr > 0) return { end: addr, reason: 'address' };
    if (a.plainInt.length <= 3 && sticky(LIST_MARK, text, a.coreEnd) > 0 && /(?:^|\n)[ \t]*$/.test(before)) {
      return { end: a.coreEnd + 1, reason: 'list' };
    }
    if (NUMBER_SIGN.test(before)) return { end: a.coreEnd, reason: 'name' };
    // "Stallone, 71, appeared": an age in apposition to a name.
    if (a.end === a.coreEnd && a.value <= 120 && APPOSITION_BEFORE.test(before) && /^[ \t\u00a0]*,/.test(text.slice(a.end, a.end + 3))) {
      return { end: a.coreEnd, reason: 'age' };
    }
    // "said Hynde, 53.", "The veteran film-maker, 68, won": a two-digit number alone between commas after a noun.
    if (a.end === a.coreEnd && a.value >= 16 && a.value <= 110 && a.plainInt.length === 2 && /\p{L},[ \t\u00a0]*$/u.test(before) && /^[ \t\u00a0]*(?:[,.;)]|$)/.test(text.slice(a.end, a.end + 3)) && !/\d[^,]*,[ \t\u00a0]*$/.test(before.slice(-12))) {
      return { end: a.coreEnd, reason: 'age' };
    }
    if (isModelName(text, a, before)) return { end: skipRun(text, a.coreEnd), reason: 'name' };
  }
  return null;
}

/** "Boeing 747", "iPhone 15", "FTSE 100": a capitalised name right before a bare number, mid-sentence. */
function isModelName(text: string, a: Amount, before: string): boolean {
  const m = CAPITAL_WORD_BEFORE.exec(before);
  if (m === null) return false;
  const word = m[1] ?? '';
  if (SENTENCE_OPENERS.has(word.toLowerCase())) return false;
  // "Wales beat England 21-19", "Hereford 1-1 Doncaster": a team before its score, not a model number.
  if (a.value < 100 && SCORE_AFTER.test(text.slice(a.coreEnd, a.coreEnd + 4))) return false;
  if (MONTH_ONLY.test(word) || WEEKDAY.test(word)) return false;
  const wordStart = a.start - 1 - word.length;
  // "Half-Life 2": the last part of a hyphenated name.
  if (text[wordStart - 1] === '-' && isLetterOrDigit(text[wordStart - 2])) return true;
  // A capitalised word that opens the sentence is just grammar ("Sales 5…" never happens, "Labour 356" rarely),
  // unless the article writes it capitalised mid-sentence too and the number is a short one: "Halo 2 sells", "Radio 1 said".
  if (!opensSentence(text, wordStart) || /^i\p{Lu}/u.test(word)) return true;
  return a.plainInt !== null && a.plainInt.length <= 2 && capitalisedElsewhere(text, word);
}

/** True when `word` occurs capitalised after another word somewhere in the text: a name, not a sentence's first word. */
function capitalisedElsewhere(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (isLetterOrDigit(text[i + word.length]) || isLetterOrDigit(text[i - 1])) continue;
    if (/\p{L}[ \t\u00a0]$/u.test(text.slice(Math.max(0, i - 2), i))) return true;
  }
  return false;
}

/** True when `pos` starts a sentence or line (only quotes, brackets or spaces since the last stop). */
export function opensSentence(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && /[ \t\u00a0"“‘'(]/.test(text[i] ?? '')) i--;
  return i < 0 || /[.!?\n:;—–-]/.test(text[i] ?? '');
}

/** What the words right after a bare number make of it. */
export interface NumberBefore {
  /** The capitalised word right after the number ("Cent" of "50 Cent"), or null. */
  capital: string | null;
  /** The number heads a proper name: "50 Cent said", "its 787 Dreamliner plane", "10 Downing Street". */
  name: boolean;
  /** A verb or nothing follows, so the number counts nothing here: "the 787 will fly", "sold the 50". */
  bare: boolean;
  /**
   * A proper name stands right before the number and a verb or the sentence's end right after it: the number
   * ends the name ("Windows 95 was launched", "Boeing's 747 carried", "Apollo 11 landed", "on Channel 4.").
   */
  endsName: boolean;
}

/** "Oscars", "MPs", "A300s", "bands": a plural (a name in the plural is a counted group, "120 Gurkhas"). */
const PLURAL = /^[\p{L}\p{N}]+[^s'’]s$/u;
/** Tags inside a noun phrase after a number: "12 Euro zone countries", "24 UK top 250 companies". */
const PHRASE_TAGS = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM']);

/** A capitalised word that may be part of a name ("Serie A", "Downing Street", whatever the light model tags them): not the sentence's first word, not "I". */
function isCapital(t: Token | undefined): boolean {
  return t !== undefined && /^\p{Lu}/u.test(t.text) && t.pos !== 'PRON' && t.pos !== 'PUNCT' && t.initial !== true;
}

/**
 * Read the words after a bare number (digits only, no unit) among a tagged sentence's tokens. When capitalised
 * words follow, the noun phrase they open decides: a plural head or a second number makes the number a count
 * ("120 Gurkhas", "11 Grammy awards", "300 Department of Health posts", "100 Muslim, 100 Evangelical Christian and
 * 50 Jewish schools"); otherwise the number belongs to a name ("50 Cent's", "787 Dreamliner plane", "6 Music for").
 * @example numberBefore(tagSentence("Rapper 50 Cent said so.").tokens, 9) // { capital: "Cent", name: true, bare: false }
 */
export function numberBefore(tokens: readonly Token[], end: number, start = end): NumberBefore {
  const i = tokens.findIndex((t) => t.end > end);
  const first = tokens[i];
  const named = nameBefore(tokens, start);
  if (first === undefined) return { capital: null, name: false, bare: false, endsName: named };
  // Glued to the next word or inside a token ("777-200LR"): not a number standing alone.
  if (first.start <= end) return { capital: null, name: false, bare: false, endsName: false };
  if (!isCapital(first)) {
    const bare = first.pos === 'VERB' || first.pos === 'AUX';
    return { capital: null, name: false, bare, endsName: named && (bare || SENTENCE_END.test(first.text)) };
  }
  let head = first;
  let numbers = 0;
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    const next = tokens[j + 1];
    if (t.lower === "'s" || t.lower === '’s') return { capital: first.text, name: true, bare: false, endsName: false };
    // "freight-carrying jets": a hyphenated word is one modifier, whatever its tags.
    if (t.text === '-' && next !== undefined && next.start === t.end && t.start === (tokens[j - 1] as Token).end) {
      j++;
      continue;
    }
    const joins = (t.pos === 'CCONJ' && next !== undefined && PHRASE_TAGS.has(next.pos)) || (t.lower === 'of' && isCapital(next)) || (t.text === ',' && next?.pos === 'NUM');
    if (joins) continue;
    if (!PHRASE_TAGS.has(t.pos) && !isCapital(t)) break;
    if (t.pos === 'NUM') numbers++;
    else head = t;
  }
  return { capital: first.text, name: numbers === 0 && !PLURAL.test(head.text), bare: false, endsName: false };
}

const SENTENCE_END = /^[.!?]$/;

/** A proper name ends right before `start`, one space away: "Windows 95", "Boeing's 747" (the tagger's PROPN, capitalised). */
function nameBefore(tokens: readonly Token[], start: number): boolean {
  let j = -1;
  for (let k = 0; k < tokens.length && (tokens[k] as Token).end <= start; k++) j = k;
  let t = tokens[j];
  if (t === undefined || start - t.end > 1) return false;
  if ((t.lower === "'s" || t.lower === '’s') && j > 0) t = tokens[j - 1] as Token;
  return t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text);
}
