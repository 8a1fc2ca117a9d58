/**
 * What a figure counts, in at most eight words taken from its sentence. Heuristics, not a parser:
 * the noun phrase after the number ("971 Russian soldiers"), the verb before it ("captured"),
 * and for money and percentages the subject ("Quarterly profits jumped 76%").
 */
import type { Figure } from '../domain/types.js';
import type { Sentence } from './sentences.js';

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  punct: boolean;
  numeric: boolean;
}

const TOKEN = /[\p{L}\p{N}$£€¥%][\p{L}\p{N}$£€¥%'’&.,/-]*[\p{L}\p{N}%]|[\p{L}\p{N}]|[,;:()"“”—–!?[\]]|(?<=\s)-(?=\s)/gu;
const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half)$/;
const MAX_WORDS = 8;

/** Words that end a noun phrase read forwards. */
const PREPOSITIONS = new Set([
  'in', 'on', 'at', 'during', 'after', 'before', 'since', 'for', 'from', 'by', 'with', 'to', 'than', 'as', 'into', 'over',
  'under', 'between', 'across', 'against', 'through', 'amid', 'despite', 'including', 'per', 'compared', 'according',
  'following', 'versus', 'vs', 'via', 'within', 'without', 'towards', 'toward', 'among', 'until', 'about', 'around',
  'like', 'near', 'off', 'up', 'down', 'out', 'ago', 'each', 'a', 'an', 'the',
]);
/** Prepositions whose phrase completes a one-word noun ("exchange with Russia"); not time or place ("during", "in"). */
const PP_KEEPERS = new Set(['than', 'with', 'for', 'against', 'from', 'into', 'on', 'over', 'between', 'towards']);
/** Words after a figure that say when, not what: "3.3% next year", "$639m year-earlier". */
const WHEN_WORDS = new Set(['next', 'last', 'this', 'annually', 'yesterday', 'today', 'tomorrow', 'earlier', 'later', 'year-earlier', 'year-on-year', 'now', 'apiece', 'each', 'overall', 'respectively']);
/** Words that make a prepositional phrase a time: "on Monday", "in January", "over the weekend". */
const TIME_WORD = /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December|today|yesterday|tomorrow|weekend|morning|afternoon|evening|night|week|month|year|\d{4})$/;
const CONJUNCTIONS = new Set(['and', 'or', 'but', 'while', 'because', 'although', 'though', 'when', 'where', 'if', 'so', 'which', 'whereas', 'unless', 'nor', 'yet', 'plus']);
/** Words that end a phrase read backwards (clause openers, auxiliaries, reporting verbs). */
const BACK_STOPS = new Set([
  'said', 'says', 'say', 'told', 'that', 'which', 'who', 'whom', 'whose', 'and', 'or', 'but', 'while', 'because', 'as',
  'when', 'where', 'if', 'is', 'was', 'were', 'are', 'be', 'been', 'being', 'has', 'had', 'have', 'will', 'would', 'could',
  'can', 'may', 'might', 'must', 'should', 'shall', 'do', 'does', 'did', 'saw', 'made', 'took', 'got', 'set', 'put', 'gave',
  'it', 'they', 'he', 'she', 'we', 'you', 'i', 'them', 'him', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'this', 'these', 'those',
  'there', 'here', 'then', 'than', 'also', 'now', 'including', 'some', 'all', 'just', 'only', 'not', 'according',
  'with', 'after', 'before', 'since', 'during', 'despite', 'amid', 'by', 'into', 'for', 'on', 'in', 'at', 'of', 'to', 'from',
  'the', 'a', 'an', 'about', 'over', 'under', 'almost', 'nearly', 'more', 'less', 'fewer', 'least', 'most', 'up', 'down',
]);
const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those', 'another', 'every']);
const CLAUSE_STOPS = new Set(['said', 'says', 'that', 'which', 'who', 'and', 'but', 'while', 'because', 'although', 'when', 'if']);
const AUXILIARIES = new Set(['would', 'will', 'could', 'should', 'may', 'might', 'must', 'can', 'has', 'have', 'had', 'is', 'was', 'were', 'are', 'be', 'been', 'to', 'not']);
const PARTICLES = new Set(['home', 'back', 'up', 'down', 'out', 'off', 'away', 'in', 'on', 'over', 'aside']);
const SUBJECT_PREPS = new Set(['at', 'of', 'in', 'for', 'on', 'from', 'before', 'after', 'with', 'by']);
const LEADING_JUNK = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'those', 'that', 'which', 'who', 'and', 'but', 'or', 'it', 'they', 'he', 'she', 'we', 'also', 'some']);
const TRAILING_JUNK = new Set([...PREPOSITIONS, ...CONJUNCTIONS, 'of', 'who', 'that', 'which', 'the', 'a', 'an', 'its', 'their', 'is', 'was', 'were', 'are', 'has', 'had', 'have', 'will', 'would', 'be']);

function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(TOKEN)) {
    const text = m[0];
    const lower = text.toLowerCase();
    const punct = text.length === 1 && /[,;:()"“”—–!?[\]-]/.test(text);
    out.push({ text, lower, start: m.index, end: m.index + text.length, punct, numeric: /\d/.test(text) || NUMBER_WORD.test(lower) });
  }
  return out;
}

/**
 * A short label for a figure, from its sentence (never empty). `earlier` are the figures before it, already labelled.
 * @example labelFigure(sentence("Ukrainian forces captured 971 Russian soldiers during the offensive."), fig971) // "Russian soldiers captured"
 */
export function labelFigure(sentence: Sentence, figure: LabelTarget, earlier: ReadonlyArray<LabelTarget & { label: string }> = []): string {
  const tokens = tokenize(sentence.text);
  const relStart = figure.start - sentence.start;
  const relEnd = figure.end - sentence.start;
  const before = tokens.filter((t) => t.end <= relStart);
  const after = tokens.filter((t) => t.start >= relEnd);
  const last = earlier[earlier.length - 1];
  const sibling = earlier.findLast((f) => f.start >= sentence.start && f.kind === figure.kind && f.label !== '');
  // "$1.13bn (£600m)": a conversion says the same as the amount before it.
  if (sibling !== undefined && sibling === last && isConversion(sentence.text, sibling.end - sentence.start, relStart)) return sibling.label;
  const label = chooseLabel(before, after, figure.kind);
  if (label.length > 0) return finish(label);
  // "jumped 76% to $1.13bn …, from $639m year-earlier": an amount with nothing of its own shares its sibling's subject.
  if (sibling !== undefined) {
    const when = after[0] !== undefined && WHEN_WORDS.has(after[0].lower) ? ` ${after[0].text}` : '';
    return finish(tokenize(sibling.label + when));
  }
  const near = [...before.slice(-4), ...after.slice(0, 4)].filter((t) => !t.punct);
  return near.length > 0 ? finish(near) : figure.text;
}

/** The parts of a figure a label needs. */
export type LabelTarget = Pick<Figure, 'start' | 'end' | 'kind' | 'text'>;

/** True when only " (" (or "; " inside brackets) separates two amounts: "$1.13bn (£600m)", "($74.6bn; £39.1bn)". */
export function isConversion(text: string, prevEnd: number, start: number): boolean {
  return prevEnd <= start && start - prevEnd <= 3 && /^[ \t\u00a0]*[(;/][ \t\u00a0]*$/.test(text.slice(prevEnd, start));
}

function chooseLabel(before: Token[], after: Token[], kind: Figure['kind']): Token[] {
  const noun = nounAfter(after);
  const moneyLike = kind === 'money' || kind === 'percent';
  const back = readBackwards(before);
  if (noun.length > 0 && noun[0]?.lower === 'of') {
    // "8% of search-engine Google", "a third of voters": the "of" phrase says what it is a share of.
    return trim(noun);
  }
  // "a profit of $3.36bn", "bought the unit for $9.3bn"; but "one of six executives" is about the executives.
  if (back.headOfNoun.length > 0 && (moneyLike || noun.length === 0)) return trim(back.headOfNoun);
  if (back.determiner) return trim(noun); // "pay back a $900m loan": the noun is the label
  if (kind === 'duration' && noun.length === 0) return trim(clauseBefore(before));
  if (noun.length > 0 && !(moneyLike && noun.length === 1 && back.subject.length > 0)) {
    // "Russian soldiers captured" reads well; "fishermen who had been held welcomed" does not.
    const clause = noun.some((t) => t.lower === 'who' || t.lower === 'that');
    // "covering at least 300 more people" does not turn into "more people covering".
    const participle = /ing$/.test(back.verb[back.verb.length - 1]?.lower ?? '');
    const withVerb = back.verb.length > 0 && !back.prep && !clause && !participle && noun.length <= 4 ? [...noun, ...back.verb] : noun;
    return trim(withVerb);
  }
  if (back.subject.length > 0) {
    // After "to"/"from" the amount is a level of the subject, not the change: "$1.13bn" → "Quarterly profits".
    if (back.prep === 'from') {
      // "from $639m year-earlier": the subject then, said with the source's own time words.
      const when = after[0] !== undefined && WHEN_WORDS.has(after[0].lower) ? [after[0]] : [];
      return [...trim(back.subject), ...when];
    }
    return trim(back.prep === 'to' ? back.subject : [...back.subject, ...back.verb]);
  }
  if (back.verb.length > 0) {
    const tail = after.slice(0, Math.min(4, MAX_WORDS - back.verb.length));
    const stop = tail.findIndex((t) => t.punct);
    return trim([...back.verb, ...(stop < 0 ? tail : tail.slice(0, stop))]);
  }
  return trim(clauseBefore(before));
}

/** The noun phrase right after the figure: "Russian soldiers", "prisoners of war", "troops who had defended Mariupol". */
function nounAfter(after: Token[]): Token[] {
  const out: Token[] = [];
  // Step over a conversion in brackets: "$900m (£479m) loan".
  const start = after[0]?.text === '(' && after[1]?.numeric && after[2]?.text === ')' ? 3 : 0;
  for (let i = start; i < after.length && out.length < 6; i++) {
    const t = after[i];
    if (t === undefined || t.punct || t.numeric || (out.length === 0 && WHEN_WORDS.has(t.lower))) break;
    if (t.lower === 'of' || ((t.lower === 'who' || t.lower === 'that') && out.length > 0)) {
      out.push(t);
      continue;
    }
    if (PREPOSITIONS.has(t.lower) || CONJUNCTIONS.has(t.lower)) {
      // A one-word noun keeps its first prepositional phrase: "exchange with Russia".
      if (out.length === 1 && PP_KEEPERS.has(t.lower)) {
        const pp = [t];
        for (let j = i + 1; j < after.length && pp.length < 4; j++) {
          const u = after[j];
          if (u === undefined || u.punct || u.numeric || PREPOSITIONS.has(u.lower) || CONJUNCTIONS.has(u.lower)) break;
          pp.push(u);
        }
        // "exchange with Russia" yes; "detainees on Monday" no: a time is when, not what.
        if (pp.length > 1 && !pp.some((u) => TIME_WORD.test(u.text))) out.push(...pp);
      }
      break;
    }
    out.push(t);
  }
  return out;
}

interface Backwards {
  /** The preposition right before the figure ("to" in "to $1.13bn"), else null. */
  prep: string | null;
  /** The verb chain before the figure: "captured", "brought home", "offered to pay". */
  verb: Token[];
  /** The subject noun phrase before the verb. */
  subject: Token[];
  /** For "X of <figure>", the phrase X with its verb: "TimeWarner posted a profit". */
  headOfNoun: Token[];
  /** "a $900m loan": a determiner right before the figure, so the noun after it is the label. */
  determiner: boolean;
}

function readBackwards(before: Token[]): Backwards {
  let j = before.length - 1;
  let prep: string | null = null;
  const last = before[j];
  if (last !== undefined && ['to', 'from', 'of', 'at', 'by', 'than', 'with', 'for'].includes(last.lower)) {
    prep = last.lower;
    j--;
  }
  if (last !== undefined && DETERMINERS.has(last.lower)) return { prep, verb: [], subject: [], headOfNoun: [], determiner: true };
  if (prep === 'of' || prep === 'for' || prep === 'at') {
    return { prep, verb: [], subject: [], headOfNoun: phraseBack(before, j, prep === 'of' ? 5 : 6), determiner: false };
  }
  // "jumped 76% to $1.13bn from $639m": step over the sibling figures to reach the verb.
  while (prep !== null && j >= 0 && ((before[j]?.numeric ?? false) || ['to', 'from'].includes(before[j]?.lower ?? ''))) j--;
  const verb: Token[] = [];
  while (j >= 0 && verb.length < 3) {
    const t = before[j];
    if (t === undefined || t.punct || t.numeric || /^\p{Lu}/u.test(t.text)) break;
    const prev = verb[0];
    // The first word is taken as the verb ("captured"); more only after a particle or "to": "brought home", "offered to pay".
    const joins =
      prev === undefined
        ? !BACK_STOPS.has(t.lower) || t.lower === 'up' || t.lower === 'down'
        : (PARTICLES.has(prev.lower) || prev.lower === 'to' || t.lower === 'to') && (t.lower === 'to' || !BACK_STOPS.has(t.lower));
    if (!joins) break;
    verb.unshift(t);
    j--;
  }
  // Auxiliaries belong to the verb: "would reach", "is to rise", "has risen".
  while (verb.length > 0 && j >= 0 && AUXILIARIES.has(before[j]?.lower ?? '')) verb.unshift(before[j--] as Token);
  if (verb[0]?.lower === 'to') verb.shift();
  const subject = verb.length > 0 ? subjectBack(before, j) : [];
  return { prep, verb, subject, headOfNoun: [], determiner: false };
}

/** The subject before index j, preferring the head before a prepositional phrase ("Quarterly profits at US giant X"). */
function subjectBack(before: Token[], j: number): Token[] {
  const np: Token[] = [];
  let i = j;
  while (i >= 0 && np.length < 5) {
    const t = before[i];
    if (t === undefined || t.punct || t.numeric) break;
    if (SUBJECT_PREPS.has(t.lower) && np.length > 0) {
      const head = phraseBack(before, i - 1, 4, true);
      return head.length > 0 ? head : np;
    }
    if (/ly$/.test(t.lower) && !/^\p{Lu}/u.test(t.text)) {
      i--;
      continue; // adverbs: "already", "previously"
    }
    if (BACK_STOPS.has(t.lower) || /ed$/.test(t.lower)) break;
    np.unshift(t);
    i--;
  }
  return np;
}

/** Up to `max` words back from index j, stopping at punctuation and clause words. */
function phraseBack(before: Token[], j: number, max: number, nounOnly = false): Token[] {
  const out: Token[] = [];
  for (let i = j; i >= 0 && out.length < max; i--) {
    const t = before[i];
    if (t === undefined || t.punct) break;
    if (t.numeric || (nounOnly ? BACK_STOPS.has(t.lower) : CLAUSE_STOPS.has(t.lower) || (PREPOSITIONS.has(t.lower) && !DETERMINERS.has(t.lower)))) break;
    out.unshift(t);
  }
  return out;
}

/** The words of the clause before the figure: "first direct negotiations between the two countries (in)". */
function clauseBefore(before: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = before.length - 1; i >= 0 && out.length < MAX_WORDS + 1; i--) {
    const t = before[i];
    if (t === undefined || t.punct || /\d/.test(t.text) || CLAUSE_STOPS.has(t.lower)) break;
    out.unshift(t);
  }
  return out;
}

function trim(tokens: Token[]): Token[] {
  let a = 0;
  let b = tokens.length;
  while (b > a && TRAILING_JUNK.has(tokens[b - 1]?.lower ?? '')) b--;
  while (a < b && LEADING_JUNK.has(tokens[a]?.lower ?? '')) a++;
  return tokens.slice(a, b);
}

function finish(tokens: Token[]): string {
  return tokens
    .slice(0, MAX_WORDS)
    .map((t) => t.text)
    .join(' ');
}
