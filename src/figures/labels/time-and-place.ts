/**
 * Where and when a figure holds, added to its label when there is room: a date right after it or earlier in its
 * clause, a phrase that opens the sentence ("At the Department for Work and Pensions, …"), a rate ("a barrel").
 */
import type { TaggedSentence, Token } from '../tag-sentence.js';
import { MAX_WORDS, countWords, isNounish, isTimePhrase, nounPhrase, word } from './phrases.js';

/** A time phrase right after the figure ("in 2004", "last month", "each year") when the label has room: when, from the tagger's DATE entities. */
export function withTime(words: Token[], tagged: TaggedSentence, f1: number): Token[] {
  if (words.length === 0 || countWords(words) >= MAX_WORDS - 1) return words;
  const toks = tagged.tokens;
  const used = new Set(words);
  for (const e of tagged.entities) {
    if (e.type !== 'DATE' || e.first <= f1 || e.first > f1 + 8) continue;
    // Only what sits between the figure and the date is the figure's own phrase: no verb, comma or other number.
    const between = toks.slice(Math.max(f1, lastUsed(words, toks)) + 1, e.first);
    // "7% cheaper than last year": the date is the comparison's, not the figure's.
    if (between.some((t) => t.lower === 'than' || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ' || t.pos === 'CCONJ' || (t.pos === 'PUNCT' && t.text !== '(' && t.text !== ')') || (t.pos === 'NUM' && !insideBrackets(toks, f1 + 1, toks.indexOf(t))))) return words;
    const prep0 = toks[e.first - 1];
    // "between July and September 2004", "from March to May": a span of two dates is one time.
    const to = toks[e.last + 1];
    const end = /^(?:between|from)$/.test(prep0?.lower ?? '') && /^(?:and|to)$/.test(to?.lower ?? '') ? tagged.entities.find((x) => x.type === 'DATE' && x.first === e.last + 2) : undefined;
    const date = toks.slice(e.first, (end ?? e).last + 1);
    if (date.some((t) => used.has(t)) || /ago$/.test(date[date.length - 1]?.lower ?? '')) return words;
    // "in Sunday's final": the date owns the noun after it; it is not when the figure holds on its own.
    if (/^['’]s?$/.test(toks[(end ?? e).last + 1]?.text ?? '')) return words;
    // "for the year" says nothing a reader can place; "in 2004", "last month", "in the fourth quarter" do.
    if (!date.some((t) => /\d/.test(t.text) || t.pos === 'NUM' || /^(?:last|this|next|each|every|per|a|first|second|third|fourth|previous|same|financial|fiscal|[A-Z].*)$/.test(t.text))) return words;
    // "in its current financial year": the owner's pronoun between preposition and date says nothing new.
    const prep = toks[e.first - 1]?.pos === 'PRON' && toks[e.first - 2]?.pos === 'ADP' ? toks[e.first - 2] : toks[e.first - 1];
    const lead = prep !== undefined && prep.pos === 'ADP' && (/^(?:in|by|during|for|since|until|to)$/.test(prep.lower) || date.length > e.last - e.first + 1) && !used.has(prep) ? [prep] : [];
    if (lead.length === 0 && !/^(?:last|this|next|each|every|a|per)$/.test(date[0]?.lower ?? '')) return words;
    const timed = [...withoutDangling(words), ...lead, ...date];
    return countWords(timed) <= MAX_WORDS ? timed : words;
  }
  return withTimeBefore(words, tagged, f1, used);
}

/**
 * "Last year profits rose 5%", "Sales in 2004 rose 5%": a year or a "last/this/next" period earlier in the figure's
 * own clause (no comma, conjunction or other number between) places it too.
 */
function withTimeBefore(words: Token[], tagged: TaggedSentence, f1: number, used: Set<Token>): Token[] {
  const toks = tagged.tokens;
  let f0 = f1;
  while (f0 > 0 && toks[f0 - 1]?.pos === 'NUM') f0--;
  for (let n = tagged.entities.length - 1; n >= 0; n--) {
    const e = tagged.entities[n] as (typeof tagged.entities)[number];
    if (e.type !== 'DATE' || e.last >= f0 - 1) continue;
    const between = toks.slice(e.last + 1, f0);
    if (between.some((t) => t.pos === 'PUNCT' || t.pos === 'SCONJ' || t.pos === 'CCONJ' || t.lower === 'than' || (t.pos === 'NUM' && /\d/.test(t.text)))) return words;
    const date = toks.slice(e.first, e.last + 1);
    if (date.some((t) => used.has(t)) || /ago$/.test(date[date.length - 1]?.lower ?? '')) return words;
    const prep = toks[e.first - 1];
    const lead = prep !== undefined && prep.pos === 'ADP' && /^(?:in|during|since)$/.test(prep.lower) && !used.has(prep) ? [prep] : [];
    const strong = date.some((t) => /^(?:19|20)\d\d$/.test(t.text)) || /^(?:last|this|next)$/.test(date[0]?.lower ?? '');
    if (!strong || (lead.length === 0 && !/^(?:last|this|next)$/.test(date[0]?.lower ?? ''))) return words;
    const timed = [...withoutDangling(words), ...lead, ...date];
    return countWords(timed) <= MAX_WORDS ? timed : words;
  }
  return words;
}

/** Prepositions that open a sentence with where or when its figures hold: "At the Department for Work and Pensions, …". */
const FRONTED = /^(?:in|at|during|against|across|within|among|throughout|for|over)$/;

/**
 * A phrase that opens the sentence says where or when for every figure in it ("In the past year more than 2,600
 * orders were issued", "Against the yen the dollar was trading at $103.05"): appended when the label has room.
 */
export function withFrontedPhrase(words: Token[], tagged: TaggedSentence, f0: number): Token[] {
  const toks = tagged.tokens;
  // The sentence's opening, else the opening of the figure's own clause ("They say that in the past year …").
  let p = f0 - 1;
  while (p > 0 && !(toks[p - 1]?.text === ',' || toks[p - 1]?.lower === 'that' || toks[p - 1]?.pos === 'SCONJ')) p--;
  if (!(toks[p]?.pos === 'ADP' && FRONTED.test(toks[p]?.lower ?? ''))) p = 0;
  const prep = toks[p];
  if (words.length === 0 || prep === undefined || prep.pos !== 'ADP' || !FRONTED.test(prep.lower) || f0 < p + 2) return words;
  const date = tagged.entities.find((e) => e.type === 'DATE' && e.first >= p + 1 && e.first <= p + 2);
  let obj: Token[];
  let phraseEnd: number;
  if (date !== undefined) {
    phraseEnd = date.last;
    // "During the first six months of the fiscal year": the period itself, without what it is a part of.
    obj = toks.slice(date.first, date.last + 1);
    const of = obj.findIndex((t, i) => i > 0 && t.lower === 'of');
    if (of > 0) obj = obj.slice(0, of);
    if (words.some((t) => tagged.entities.some((e) => e.type === 'DATE' && t.start >= 0 && toks.indexOf(t) >= e.first && toks.indexOf(t) <= e.last))) return words;
  } else {
    // "for" and "over" open a time, not a place: "For the full year", "Over the past decade".
    if (/^(?:for|over)$/.test(prep.lower)) return words;
    obj = nounPhrase(toks, p + 1, true);
    // "In contrast, …", "In addition, …": a bare common noun after the preposition is a turn of phrase, no place.
    if (obj.length === 1 && obj[0]?.pos === 'NOUN' && toks[p + 1] === obj[0]) return words;
    const end = toks.indexOf(obj[obj.length - 1] as Token);
    // "At the Department for Work and Pensions": a name's own of- or for-phrase belongs to it.
    if (obj.length > 0 && /^(?:of|for)$/.test(toks[end + 1]?.lower ?? '') && obj.every((t) => t.pos === 'PROPN')) {
      const pp = nounPhrase(toks, end + 2, true);
      // "for Work and Pensions": a name joined by "and" is one name, never cut after its first half.
      const last = toks.indexOf(pp[pp.length - 1] as Token);
      const more = toks[last + 1]?.lower === 'and' && toks[last + 2]?.pos === 'PROPN' ? [toks[last + 1] as Token, ...nounPhrase(toks, last + 2, true)] : [];
      if (pp.length > 0 && [...pp, ...more].every((t) => t.pos === 'PROPN' || t.pos === 'CCONJ')) obj = [...obj, toks[end + 1] as Token, ...pp, ...more];
    }
    phraseEnd = toks.indexOf(obj[obj.length - 1] as Token);
  }
  if (obj.length === 0 || phraseEnd >= f0 - 1 || obj.some((t) => words.includes(t))) return words;
  // "At Jessops it costs £2.50 and at Snappy Snaps £9.99": a later conjunct has its own place.
  const between = toks.slice(phraseEnd + 1, f0);
  const conj = between.findIndex((t) => t.pos === 'CCONJ');
  if (conj > 0 && between.slice(0, conj).some((t) => t.pos === 'NUM')) return words;
  // Only a phrase that stands alone before its clause: a comma or the clause's subject follows it, not more of a phrase.
  const after = toks[phraseEnd + 1];
  if (after === undefined || !(after.text === ',' || after.pos === 'DET' || after.pos === 'PROPN' || after.pos === 'NUM' || after.pos === 'NOUN' || after.pos === 'ADJ' || after.pos === 'PRON' || after.pos === 'ADV')) return words;
  const placed = [...withoutDangling(words), prep, ...obj];
  return countWords(placed) <= MAX_WORDS ? placed : words;
}

/** "$41.32 a barrel", "£400m a year": the unit of a rate right after the figure, as "per barrel". */
export function withRate(words: Token[], toks: Token[], f1: number): Token[] {
  const a = toks[f1 + 1];
  const unit = toks[f1 + 2];
  if (a === undefined || unit === undefined || !/^(?:a|an|per)$/.test(a.lower) || unit.pos !== 'NOUN' || words.includes(unit)) return words;
  if (isNounish(toks[f1 + 3]) || countWords(words) >= MAX_WORDS - 1) return words;
  return [...words, word('per'), unit];
}

/** Index of the label's last word in the sentence (-1 when none comes from it). */
function lastUsed(words: Token[], toks: Token[]): number {
  let last = -1;
  for (const t of words) if (t.start >= 0) last = Math.max(last, toks.indexOf(t));
  return last;
}

function insideBrackets(toks: Token[], from: number, k: number): boolean {
  let depth = 0;
  for (let i = from; i < k; i++) {
    if (toks[i]?.text === '(') depth++;
    else if (toks[i]?.text === ')') depth--;
  }
  return depth > 0;
}

/** The label without a joining word left at its end ("rise in profits to"), so a phrase appended after it reads. */
function withoutDangling(words: Token[]): Token[] {
  let n = words.length;
  // A verb's particle stays: "fired off in December".
  const particle = (k: number): boolean => /^(?:up|down|off|out|back|over|away)$/.test(words[k]?.lower ?? '') && words[k - 1]?.pos === 'VERB';
  while (n > 1 && /^(?:ADP|PART|CCONJ|DET)$/.test(words[n - 1]?.pos ?? '') && !particle(n - 1)) n--;
  return words.slice(0, n);
}
