/**
 * Phrase readers shared by the label rules: noun phrases before and after an index, what a noun phrase's things
 * did (its predicate), time phrases, and turning label tokens into text of at most eight words.
 */
import type { Token } from '../tag-sentence.js';

/** A label holds at most eight words: a reader takes it in at a glance. */
export const MAX_WORDS = 8;

/** Words that negate a predicate; a label keeps them. */
export const NEGATION = new Set(['not', "n't", 'never', 'no']);

/** Modal auxiliaries; a label keeps them ("could", "will"). */
export const MODALS = new Set(['could', 'may', 'might', 'would', 'will', 'should', 'must', 'can', 'shall']);

/** Words after a figure that say when, not what: "3.3% next year", "$639m year-earlier". */
export const WHEN_WORDS = new Set(['next', 'last', 'this', 'annually', 'yesterday', 'today', 'tomorrow', 'earlier', 'later', 'year-earlier', 'year-on-year', 'now', 'apiece', 'each', 'overall', 'respectively', 'ago', 'previously', 'before', 'a']);

/** Prepositions whose phrase completes a short noun ("exchange with Russia", "bid for Gerrard"). */
export const PP_KEEPERS = new Set(['than', 'versus', 'vs', 'with', 'for', 'against', 'from', 'into', 'on', 'over', 'between', 'towards', 'in', 'at', 'of', 'to', 'by', 'under', 'per']);

/** Articles, left out of labels. */
export const DROP_IN_LABEL = new Set(['the', 'a', 'an']);

/** Adverbs that change what a predicate says ("already made", "wrongly jailed", "regularly use"). */
export const KEPT_ADVERB = /^(?:already|still|never|only|\p{L}+ly)$/u;

/** Words that name a time or a period: a phrase headed by one says when, not what. */
export const TIME_WORD = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|day|days|hour|hours|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday|tomorrow|weekend|morning|afternoon|evening|night|week|weeks|month|months|year|years|quarter|decade|period|time|season|\d{4})$/;

/** A synthetic token (offsets -1): a label word that is not in the sentence. */
export function word(text: string): Token {
  return { text, lower: text.toLowerCase(), lemma: text.toLowerCase(), pos: 'X', start: -1, end: -1 };
}

/** Synthetic tokens, one per word, so word counts stay true. */
export function wordsOf(text: string): Token[] {
  return text.split(' ').filter((w) => w !== '').map(word);
}

/** A noun, name or adjective that is not part of a number ("bn" of "$4bn"). */
export function isNounish(t: Token | undefined): boolean {
  return t !== undefined && (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ') && !t.numberPiece;
}

/** True when the token at j touches both neighbours: the hyphen of "half-year". */
export function isGlued(toks: Token[], j: number): boolean {
  const t = toks[j];
  return t !== undefined && toks[j - 1]?.end === t.start && toks[j + 1]?.start === t.end;
}

/** Noun phrase starting at i: modifiers and nouns, possessives, compounds with hyphens; `skipDet` steps over "the". */
export function nounPhrase(toks: Token[], i: number, skipDet: boolean): Token[] {
  const out: Token[] = [];
  let j = i;
  if (skipDet) while (toks[j] !== undefined && (toks[j]?.pos === 'DET' || toks[j]?.lower === 'those')) j++;
  // "this year's Six Nations", "last season's final": the determiner says which year, so it stays.
  if (j > i && /^(?:this|last|next)$/.test(toks[j - 1]?.lower ?? '') && TIME_WORD.test(toks[j]?.lower ?? '') && /^['’]s?$/.test(toks[j + 1]?.text ?? '')) out.push(toks[j - 1] as Token);
  for (; j < toks.length && out.length < 5; j++) {
    const t = toks[j] as Token;
    // "to A$458.4m": a currency glued to a number belongs to that amount, never to a noun phrase.
    const currency = /[$£€¥]/.test(t.text) && toks[j + 1]?.start === t.end;
    if (t.pos === 'NUM' || currency || (t.pos === 'PUNCT' && !(t.text === '-' && isGlued(toks, j)))) break;
    // "Work and Pensions", "Trade and Industry": "and" between capitalised words inside a name.
    if (t.pos === 'CCONJ' && /^(?:and|&)$/.test(t.lower) && out[out.length - 1]?.pos === 'PROPN' && toks[j + 1]?.pos === 'PROPN') {
      out.push(t);
      continue;
    }
    if (isNounish(t) || (t.pos === 'PART' && /^'s?$|^’s?$/.test(t.text)) || (t.text === '-' && isGlued(toks, j))) {
      out.push(t);
      continue;
    }
    // "registered users", "listed companies": a participle before a noun is an adjective.
    if (t.pos === 'VERB' && /(?:ed|ing)$/.test(t.lower) && isNounish(toks[j + 1]) && toks[j + 1]?.pos !== 'ADJ') {
      out.push(t);
      continue;
    }
    break;
  }
  while (out.length > 0 && out[out.length - 1]?.text === '-') out.pop();
  // "an hour's" with its head out of reach is an owner with nothing owned: drop it rather than dangle.
  if (out.length > 1 && /^['’]s?$/.test(out[out.length - 1]?.text ?? '') && out[out.length - 1]?.pos === 'PART') out.length = Math.max(0, out.length - 2);
  return out;
}

/** The noun phrase ending at index j (determiners dropped later), at most six words. */
export function nounBack(toks: Token[], j: number): Token[] {
  const out: Token[] = [];
  for (let i = j; i >= 0 && out.length < 6; i--) {
    const t = toks[i] as Token;
    if (isNounish(t) || t.pos === 'DET' || (t.pos === 'PART' && /^['’]s?$/.test(t.text)) || (t.text === '-' && isGlued(toks, i)) || (t.pos === 'NUM' && /^\d{4}$/.test(t.text) && isNounish(toks[i + 1]))) {
      if (t.pos === 'DET' && !/^(?:its|their|his|her|our|this|these|that)$/.test(t.lower)) {
        out.unshift(t);
        break;
      }
      out.unshift(t);
      continue;
    }
    if (t.pos === 'VERB' && /(?:ed|ing)$/.test(t.lower) && out.length > 0 && isNounish(toks[i + 1]) && (toks[i - 1]?.pos === 'DET' || toks[i - 1]?.pos === 'ADJ')) {
      out.unshift(t);
      continue;
    }
    // "its index": the possessive says whose, to be resolved to a name.
    if (t.pos === 'PRON' && out.length > 0 && /^(?:its|their)$/.test(t.lower)) out.unshift(t);
    break;
  }
  while (out.length > 0 && out[0]?.pos === 'ADJ' && out.length === 1) out.shift();
  return withoutLeadingTime(out);
}

/** "Last year profits rose": the time before a noun is when, not what (withTime places it). */
export function withoutLeadingTime(np: Token[]): Token[] {
  let k = 0;
  while (np[k]?.pos === 'DET') k++;
  if (np.length > k + 2 && /^(?:last|this|next)$/.test(np[k]?.lower ?? '') && TIME_WORD.test(np[k + 1]?.lower ?? '') && np[k + 2]?.pos !== 'PART') return np.slice(k + 2);
  return np;
}

export function isTimePhrase(toks: Token[], i: number): boolean {
  for (let j = i; j < Math.min(toks.length, i + 4); j++) {
    const t = toks[j] as Token;
    if (TIME_WORD.test(t.lower)) {
      // "the quarter-finals" is a round, "this year's Six Nations" an event: a time word inside a bigger noun is no time.
      const next = toks[j + 1];
      const event = next?.pos === 'PART' && /^['’]s?$/.test(next.text) && /^(?:this|last|next|the)$/.test(toks[j - 1]?.lower ?? '') && isNounish(toks[j + 2]) && toks[j + 2]?.lower !== 'worth';
      return !(next !== undefined && ((next.text === '-' && isGlued(toks, j + 1)) || event));
    }
    if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'NUM') return false;
  }
  return false;
}

/** A past tense or participle: "jumped", "sold", "brought"; never "buys" or "rises" (their lemma differs too). */
export function isPastForm(t: Token): boolean {
  return /ed$/.test(t.lower) || (t.lemma !== t.lower && !/s$/.test(t.lower) && !/ing$/.test(t.lower));
}

/** A verb, or a past form the light model took for a noun ("crews rescued 587": rescued/NOUN). */
export function isVerbLike(t: Token): boolean {
  return t.pos === 'VERB' || (t.pos === 'NOUN' && /[^e]ed$/.test(t.lower) && t.lower.length > 4);
}

/** "were captured", "died in the Hatfield crash", "were unaware": what the counted things did or were, after them. */
export function predicateAfter(toks: Token[], lastOfNp: Token): Token[] {
  let j = toks.indexOf(lastOfNp) + 1;
  const out: Token[] = [];
  // "who had defended Mariupol": a relative clause names them too.
  if (toks[j]?.lower === 'who' || toks[j]?.lower === 'that') {
    out.push(toks[j] as Token);
    j++;
  }
  const neg: Token[] = [];
  const aux: Token[] = [];
  while (j < toks.length && (toks[j]?.pos === 'AUX' || toks[j]?.pos === 'PART' || toks[j]?.pos === 'ADV')) {
    const t = toks[j] as Token;
    if (NEGATION.has(t.lower) || t.lemma === 'not') neg.push(t);
    // "jobs are to go": the infinitive's "to" says the event is still ahead.
    else if (MODALS.has(t.lower) || out.length > 0 || (t.pos === 'ADV' && KEPT_ADVERB.test(t.lower)) || (t.lower === 'to' && j > toks.indexOf(lastOfNp) + 1)) aux.push(t);
    j++;
  }
  // "three million Britons have some sort of condition": "have" before its object is the verb itself.
  if (toks[j - 1]?.pos === 'AUX' && toks[j - 1]?.lemma === 'have' && (toks[j]?.pos === 'DET' || isNounish(toks[j]))) {
    return [...out, ...neg, toks[j - 1] as Token, ...nounPhrase(toks, j, true).slice(0, 4)];
  }
  const v = toks[j];
  if (v === undefined || !(v.pos === 'VERB' || (v.pos === 'ADJ' && j > toks.indexOf(lastOfNp) + 1))) return [];
  const rest = [v];
  // "brought home", "moved abroad", "died in the Hatfield crash"
  let k = j + 1;
  if (/^(?:home|back|up|down|out|off|away|abroad|ashore|together|overseas|free|open)$/.test(toks[k]?.lower ?? '') && toks[k + 1]?.pos !== 'DET' && !isNounish(toks[k + 1])) rest.push(toks[k++] as Token);
  if ((toks[k]?.pos === 'ADP' || toks[k]?.pos === 'SCONJ') && PP_KEEPERS.has(toks[k]?.lower ?? '') && !isTimePhrase(toks, k + 1)) {
    // "arrested for throwing coins": a gerund and its object.
    const gerund = (toks[k + 1]?.pos === 'VERB' || toks[k + 1]?.pos === 'NOUN') && /ing$/.test(toks[k + 1]?.lower ?? '');
    const pp = gerund ? [toks[k + 1] as Token, ...nounPhrase(toks, k + 2, true).slice(0, 2)] : nounPhrase(toks, k + 1, true);
    if (pp.length > 0) rest.push(toks[k] as Token, ...pp.slice(0, 4));
  } else if (v.pos === 'VERB' && (toks[k]?.pos === 'DET' || isNounish(toks[k]) || (toks[k]?.pos === 'ADV' && (toks[k + 1]?.pos === 'DET' || isNounish(toks[k + 1]))))) {
    // "use just a single search engine": an adverb before the object keeps its place.
    const adverb = toks[k]?.pos === 'ADV' ? [toks[k++] as Token] : [];
    const object = nounPhrase(toks, k, true).slice(0, 3);
    if (object.length > 0) rest.push(...adverb, ...object);
  } else if (toks[k]?.lower === 'to' && toks[k + 1]?.pos === 'VERB') {
    // "schools invited to take part", "couples go to court": the infinitive completes the verb.
    rest.push(...infinitive(toks, k));
  } else if (v.pos === 'VERB' && /^(?:themselves|himself|herself|itself|ourselves)$/.test(toks[k]?.lower ?? '')) {
    // "regarded themselves as technically savvy enough to send": what they take themselves to be.
    rest.push(...complement(toks, k + 1 + (toks[k + 1]?.lower === 'as' ? 1 : 0)));
  } else if (v.pos === 'VERB' && /^(?:what|how|where|why)$/.test(toks[k]?.lower ?? '')) {
    // "find what they were looking for": a clause is the verb's object; it ends at the next break.
    const clause: Token[] = [];
    for (let i = k; i < toks.length && clause.length < 5 && !(toks[i]?.pos === 'PUNCT' || toks[i]?.pos === 'SCONJ' || toks[i]?.pos === 'CCONJ' || toks[i]?.pos === 'NUM'); i++) clause.push(toks[i] as Token);
    if (clause.length > 1) rest.push(...clause);
  }
  return [...out, ...aux, ...neg, ...rest];
}

/** "technically savvy enough to send": adverbs, an adjective, and an infinitive that completes it; empty without the adjective. */
function complement(toks: Token[], k: number): Token[] {
  const out: Token[] = [];
  let i = k;
  while (toks[i]?.pos === 'ADV' && out.length < 2) out.push(toks[i++] as Token);
  if (toks[i]?.pos !== 'ADJ') return [];
  out.push(toks[i++] as Token);
  if (toks[i]?.lower === 'enough') out.push(toks[i++] as Token);
  if (toks[i]?.lower === 'to' && toks[i + 1]?.pos === 'VERB') out.push(toks[i] as Token, toks[i + 1] as Token);
  return out;
}

/** "to take part", "to resolve access disputes": an infinitive at k ("to") with its object or particle, at most four words. */
export function infinitive(toks: Token[], k: number): Token[] {
  const v = toks[k + 1] as Token;
  const out = [toks[k] as Token, v];
  const next = toks[k + 2];
  if (next !== undefined && (next.pos === 'DET' || isNounish(next))) out.push(...nounPhrase(toks, k + 2, true).slice(0, 2));
  else if ((next?.pos === 'ADP' || next?.pos === 'ADV') && /^(?:up|down|out|off|back|part|place|over)$/.test(next.lower)) out.push(next);
  return out;
}

/** A predicate that is no finite verb of its own: a participle ("flouting the rules") or an infinitive ("to free up money"). */
export function nonFiniteAt(toks: Token[], i: number): boolean {
  const first = toks[i];
  return first !== undefined && ((first.pos === 'VERB' && /ing$/.test(first.lower)) || (first.lower === 'to' && toks[i + 1]?.pos === 'VERB'));
}

/** The object right after the figure's verb phrase ("$4bn for the unit" → "unit"), for labels that lack a subject. */
export function objectAfter(toks: Token[], i: number): Token[] {
  let j = i;
  if (toks[j]?.pos === 'ADP' && !/^(?:in|on|at|by|during|since|after|before|until)$/.test(toks[j]?.lower ?? '')) j++;
  else if (toks[j]?.pos !== 'DET' && !isNounish(toks[j])) return [];
  if (isTimePhrase(toks, j)) return [];
  const np = nounPhrase(toks, j, true);
  return np.length > 0 && (toks[j - 1]?.pos === 'ADP' && j > i) ? [toks[i] as Token, ...np] : np;
}

/** "rise of 5% in sales": the of-less phrase after the figure that says what changed. */
export function inPhrase(toks: Token[], i: number): Token[] {
  if (toks[i]?.lower !== 'in' || isTimePhrase(toks, i + 1)) return [];
  return nounPhrase(toks, i + 1, true);
}

/** "US media giant TimeWarner" → "TimeWarner": in an owner's phrase the name says it all. */
export function namesOf(np: Token[]): Token[] {
  const names = np.filter((t) => t.pos === 'PROPN' || (t.pos === 'PART' && /^['’]s?$/.test(t.text)));
  const last = names[names.length - 1];
  return names.length > 0 && names.length < np.length && last?.pos === 'PROPN' && np[np.length - 1] === last ? names : np;
}

/** Words as a reader counts them: tokens glued to the one before ("Warner's", "half-year") are one word. */
export function countWords(tokens: Token[]): number {
  let n = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (DROP_IN_LABEL.has(t.lower) || (t.pos === 'PUNCT' && t.text !== '-')) continue;
    if (!(i > 0 && t.start >= 0 && tokens[i - 1]?.end === t.start)) n++;
  }
  return n;
}

/** Join label tokens as the source spaces them, drop articles and dangling words, at most eight words, never cut inside a phrase. */
export function render(tokens: Token[]): string {
  // An unresolved "its" or "their" names nobody: "index" reads better than "its index".
  let kept = tokens.filter((t) => (!DROP_IN_LABEL.has(t.lower) && t.pos !== 'PUNCT' && !(t.pos === 'PRON' && /^(?:its|their)$/.test(t.lower))) || t.text === '-');
  if (countWords(kept) > MAX_WORDS) {
    let cut = kept.length;
    while (cut > 0 && countWords(kept.slice(0, cut)) > MAX_WORDS) cut--;
    // Stop before the last preposition within the limit rather than halfway through its phrase ("captured by Ukrainian").
    const lastPrep = kept.slice(0, cut).findLastIndex((t, i) => i > 1 && (t.pos === 'ADP' || t.pos === 'CCONJ'));
    kept = kept.slice(0, lastPrep > 1 && cut < kept.length ? lastPrep : cut);
  }
  for (;;) {
    const end = kept[kept.length - 1];
    if (end === undefined) break;
    // "for an hour's" cut before what is owned: the owner goes with its "'s".
    if (end.pos === 'PART' && /^['’]s?$/.test(end.text) && kept.length > 2) kept.splice(-2, 2);
    else if (/^(?:ADP|CCONJ|SCONJ|DET|AUX|PART)$/.test(end.pos) || /^(?:such|including|like)$/.test(end.lower)) kept.pop();
    else break;
  }
  while (kept.length > 0 && (/^(?:ADP|CCONJ|SCONJ|PART)$/.test(kept[0]?.pos ?? '') || kept[0]?.text === '-')) kept.shift();
  let out = '';
  let n = 0;
  for (let i = 0; i < kept.length; i++) {
    const t = kept[i] as Token;
    const prev = kept[i - 1];
    const glued = prev !== undefined && prev.end === t.start && t.start >= 0;
    if (!glued) {
      if (n === MAX_WORDS) break;
      n++;
    }
    out += (out === '' || glued ? '' : ' ') + (t.initial === true && t.pos !== 'PROPN' ? t.lower : t.text);
  }
  return out.replace(/-$/, '').trim();
}
