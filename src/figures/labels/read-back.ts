/**
 * Reading leftwards from a figure: the preposition before it, the verb that governs it (with particle, negation and
 * modality) and that verb's subject, stepping over sibling figures, dates, parentheticals and relative clauses.
 */
import type { Token } from '../tag-sentence.js';
import { MODALS, NEGATION, TIME_WORD, isGlued, isNounish, isTimePhrase, isVerbLike, namesOf, nounBack, nounPhrase, word } from './phrases.js';

/** Verbs, by lemma, that join a subject to an amount rather than act on it: "is", "reached", "totalled". */
export const COPULA = new Set(['be', 'become', 'remain', 'stand', 'total', 'reach', 'hit', 'top', 'exceed', 'amount', 'come', 'equal', 'represent', 'account', 'make', 'number']);

/** Verbs and adjectives of intent or forecast, by lemma: a change after them is expected, not done. */
export const EXPECT = new Set(['expect', 'forecast', 'predict', 'project', 'estimate', 'set', 'due', 'likely', 'plan', 'aim', 'hope', 'want', 'seek', 'threaten', 'propose']);

/** What reading leftwards from a figure found. */
export interface Back {
  /** The preposition right before the figure ("to" in "to $1.13bn"), else null. */
  prep: string | null;
  /** The main verb before the figure with its particle: "captured", "brought home". */
  verb: Token[];
  negation: Token[];
  /** "expected", "could": modality that must stay in the label. */
  modality: Token[];
  /** The subject noun phrase of that verb. */
  subject: Token[];
  /** For "X of <figure>" / "X for <figure>", the phrase X: "profit", "bid". */
  headOfNoun: Token[];
  /** The verb follows "has", "have" or "had": a past event even when its form is the present ("has cut"). */
  perfect: boolean;
  /** The verb is "have" as ownership: "Ireland have three wins". */
  possessive?: boolean;
}

/** Read leftwards from the figure: preposition, verb (with particle, auxiliaries, negation, modality) and subject. */
export function readBack(toks: Token[], f0: number): Back {
  const b: Back = { prep: null, verb: [], negation: [], modality: [], subject: [], headOfNoun: [], perfect: false };
  let j = f0 - 1;
  // "rose by a strong 0.7%", "fell by a further 2%": an article and an adjective between the preposition and the figure.
  if (toks[j]?.pos === 'ADJ' && toks[j - 1]?.pos === 'DET' && toks[j - 2]?.pos === 'ADP' && /^(?:by|of|to)$/.test(toks[j - 2]?.lower ?? '')) j -= 2;
  // "cut off ten sellers": a verb's particle is no preposition of the figure.
  const particle = /^(?:up|down|off|out|back)$/.test(toks[j]?.lower ?? '') && toks[j - 1] !== undefined && isVerbLike(toks[j - 1] as Token);
  if (!particle && (toks[j]?.pos === 'ADP' || toks[j]?.lower === 'to')) {
    b.prep = toks[j]?.lower ?? null;
    j--;
  }
  if (toks[j]?.pos === 'DET' && b.prep === null) j--;
  // "lost their first three matches", "won its last five games": the owner's word and an ordinal sit between verb and figure.
  if (b.prep === null && toks[j]?.pos === 'ADJ' && /^(?:first|last|next|final|previous|past|opening|latest)$/.test(toks[j]?.lower ?? '')) j--;
  if (b.prep === null && /^(?:their|its|his|her|our)$/.test(toks[j]?.lower ?? '') && isVerbLike(toks[j - 1] ?? word(''))) j--;
  // "a record profit in 2004 of 30.6bn yen": a year between the noun and its "of" says when, not what.
  if (b.prep === 'of' && /^(?:19|20)\d\d$/.test(toks[j]?.text ?? '') && /^(?:in|for)$/.test(toks[j - 1]?.lower ?? '') && isNounish(toks[j - 2])) j -= 2;
  if ((b.prep === 'of' || b.prep === 'for' || b.prep === 'at' || b.prep === 'than') && isNounish(toks[j])) {
    b.headOfNoun = nounBack(toks, j);
    const before = j - b.headOfNoun.length;
    // "posted a profit of": the owner is the verb's subject.
    let k = before;
    while (toks[k]?.pos === 'DET' || toks[k]?.pos === 'ADJ') k--;
    if (toks[k]?.pos === 'VERB') b.subject = subjectBack(toks, k - 1, b);
    else if (toks[k]?.pos === 'PART' && /'s|’s/.test(toks[k]?.text ?? '')) b.subject = nounBack(toks, k - 1);
    return b;
  }
  // "jumped 76% to $1.13bn from $639m": step over sibling figures to reach the verb.
  while (b.prep !== null && j >= 0 && (toks[j]?.pos === 'NUM' || inDate(toks[j], toks, j) || (/^(?:more|less)$/.test(toks[j]?.lower ?? '') && toks[j + 1]?.lower === 'than') || toks[j]?.text === ',' || toks[j]?.pos === 'SYM' || toks[j]?.pos === 'ADP' || toks[j]?.lower === 'to' || /^(?:bn|m|million|billion|per|cent|p|pence|cents|points)$/.test(toks[j]?.lower ?? '') || (toks[j]?.lower === 'or' && toks[j - 1]?.text === ','))) j--;
  while (toks[j]?.pos === 'ADV' || (toks[j]?.pos === 'ADP' && /^(?:up|down|back|off|out|home)$/.test(toks[j]?.lower ?? ''))) j--;
  // "was worth $20m": the copula carries it.
  if (toks[j]?.lower === 'worth' && toks[j - 1]?.pos === 'AUX') j--;
  const v = toks[j];
  // "Ireland have three wins": "have" right before the figure owns it.
  const possessive = v !== undefined && v.pos === 'AUX' && v.lemma === 'have' && b.prep === null && j >= f0 - 2;
  if (v === undefined || !(isVerbLike(v) || possessive || (v.pos === 'AUX' && COPULA.has(v.lemma)))) return b;
  b.possessive = possessive;
  b.verb = toks.slice(j, f0 - (b.prep !== null ? 1 : 0)).filter((t) => t.pos !== 'NUM' && !/^(?:pence|cents|points|or)$/.test(t.lower) && !TIME_WORD.test(t.lower) && t.pos !== 'SYM' && t.pos !== 'DET' && t.pos !== 'PRON' && !(t.pos === 'ADJ' && t.lower !== 'worth') && (t.pos !== 'ADP' || (particle && t === toks[f0 - 1])));
  if (b.verb.length === 0 || b.verb[0] !== v) b.verb = [v, ...b.verb.filter((t) => t !== v && t.pos !== 'ADV')];
  b.verb = b.verb.slice(0, 2);
  b.subject = subjectBack(toks, j - 1, b);
  raisedModality(toks, b);
  return b;
}

/** A time word between sibling figures ("rose to 58.6 last month from 57.8"): no verb or subject of its own. */
function inDate(t: Token | undefined, toks: Token[], j: number): boolean {
  if (t === undefined || !inDateRun(t)) return false;
  let k = j;
  while (k >= 0 && inDateRun(toks[k])) k--;
  let e = j;
  while (e + 1 < toks.length && inDateRun(toks[e + 1])) e++;
  // The run must name a time ("the third quarter", "June 2004"), not be a lone "the" or "in".
  if (!toks.slice(k + 1, e + 1).some((u) => TIME_WORD.test(u.lower))) return false;
  // "was sold in June 2004 for $800m": a whole date phrase (with its preposition) between the verb and the figure.
  const datePhrase = /^(?:in|on|during)$/.test(toks[k + 1]?.lower ?? '') && (toks[k]?.pos === 'VERB' || toks[k]?.pos === 'AUX');
  // Or only between figures: a number sits on the far side of the time words.
  return datePhrase || toks[k]?.pos === 'NUM' || toks[k]?.numberPiece === true || toks[k]?.pos === 'SYM';
}

function inDateRun(t: Token | undefined): boolean {
  return t !== undefined && (TIME_WORD.test(t.lower) || /^(?:last|this|next|previous|the|in|on|during|a|first|second|third|fourth|final)$/.test(t.lower) || /^(?:19|20)\d\d$/.test(t.text));
}

/** "it expects to see earnings grow", "analysts forecast profits to rise": intent said before the subject still hedges the change. */
function raisedModality(toks: Token[], b: Back): void {
  const first = b.subject[0];
  if (first === undefined || first.start < 0 || b.modality.length > 0) return;
  for (let k = toks.indexOf(first) - 1, n = 0; k >= 0 && n < 4; k--, n++) {
    const t = toks[k] as Token;
    if (t.pos === 'PUNCT' || t.pos === 'SCONJ' || t.pos === 'CCONJ') return;
    if ((t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'ADJ') && (EXPECT.has(t.lemma) || MODALS.has(t.lower))) {
      b.modality.push(t);
      return;
    }
  }
}

/** The subject before index j, collecting auxiliaries' negation and modality on the way. */
function subjectBack(toks: Token[], j: number, b: Back, depth = 0): Token[] {
  let i = j;
  while (i >= 0) {
    const t = toks[i] as Token;
    if (t.pos === 'AUX' || t.pos === 'PART' || t.pos === 'ADV' || (t.pos === 'VERB' && EXPECT.has(t.lemma)) || (t.pos === 'ADJ' && EXPECT.has(t.lemma))) {
      if (t.pos === 'AUX' && t.lemma === 'have') b.perfect = true;
      if (NEGATION.has(t.lower) || t.lemma === 'not') b.negation.unshift(t);
      else if (MODALS.has(t.lower) || EXPECT.has(t.lemma)) b.modality.unshift(t);
      // "plans to axe": the "to" of a verb of intent stays with it.
      else if (t.lower === 'to' && t.pos === 'PART' && EXPECT.has(toks[i - 1]?.lemma ?? '')) b.modality.unshift(t);
      i--;
      continue;
    }
    // "The index's sister survey - the employment index - eased": the apposition between dashes names the subject.
    if (/^[-–—]$/.test(t.text) && !isGlued(toks, i) && i > 1) {
      const apposition = nounBack(toks, i - 1);
      const open = toks[i - 1 - apposition.length];
      if (apposition.some((u) => u.pos === 'NOUN' || u.pos === 'PROPN') && open !== undefined && /^[-–—]$/.test(open.text)) return apposition;
    }
    // "has more than doubled": the qualifier of the verb hides the auxiliary and the subject.
    if (t.lower === 'than' && /^(?:more|less)$/.test(toks[i - 1]?.lower ?? '')) {
      i -= 2;
      continue;
    }
    // "The mill, Krivorizhstal, was sold": a name between commas says which one — "Krivorizhstal mill".
    if (t.text === ',' && i > 2) {
      const name = nounBack(toks, i - 1);
      const open = toks[i - 1 - name.length];
      const head = toks[i - 2 - name.length];
      if (name.length > 0 && name.length <= 3 && name.every((u) => u.pos === 'PROPN') && open?.text === ',' && head?.pos === 'NOUN') return [...name, head];
    }
    // "The yen, meanwhile, dropped": step over a parenthetical adverb between commas.
    if (t.text === ',' && toks[i - 1]?.pos === 'ADV' && toks[i - 2]?.text === ',') {
      i -= 3;
      continue;
    }
    // "Shares in casino operators, who had hoped for more, fell": step over a clause between commas that opens
    // with a relative pronoun or a participle.
    if (t.text === ',') {
      let k = i - 1;
      while (k >= 0 && i - k < 30 && toks[k]?.text !== ',') k--;
      const opener = toks[k + 1];
      if (k > 0 && toks[k]?.text === ',' && opener !== undefined && (/^(?:who|which|whose|when|while|where|although|though)$/.test(opener.lower) || (opener.pos === 'VERB' && /(?:ed|ing)$/.test(opener.lower)))) {
        i = k - 1;
        // "The Trust which was set up 20 years ago, when …, handed out": the relative clause's noun is the subject.
        let r = i;
        while (r > 0 && i - r < 12 && !/^(?:which|who|that)$/.test(toks[r]?.lower ?? '') && toks[r]?.pos !== 'PUNCT') r--;
        if (r > 0 && /^(?:which|who|that)$/.test(toks[r]?.lower ?? '') && isNounish(toks[r - 1]) && !isNounish(toks[i])) {
          const np = nounBack(toks, r - 1);
          if (np.length > 0) return np;
        }
        // "Shares in casino operators London Clubs, Rank Group and Stanley Leisure, who …, fell": the names only
        // list examples of the noun before them, and the phrase that noun ends is the subject.
        const head = beforeNameList(toks, i);
        if (head >= 0) i = head;
        continue;
      }
    }
    break;
  }
  // "the devices which will cost £70", "Im, who has made 100 films": a relative pronoun stands for the noun before it.
  if (/^(?:which|who|that)$/.test(toks[i]?.lower ?? '') && toks[i]?.pos !== 'SCONJ') {
    const antecedent = nounBack(toks, toks[i - 1]?.text === ',' ? i - 2 : i - 1);
    if (antecedent.length > 0) return antecedent;
  }
  const initial = clauseInitialSubject(toks, i);
  if (initial.length > 0) return initial;
  // "Futures fell $2.86, and have now lost $4": a second verb phrase shares the first one's subject.
  if (toks[i]?.pos === 'CCONJ' && depth < 2) {
    let v = i - 1;
    // "was worth $20m in 2004, but is set to be worth …": a copula is the first verb phrase too.
    while (v >= 0 && !isVerbLike(toks[v] as Token) && !(toks[v]?.pos === 'AUX' && toks[v]?.lemma === 'be')) v--;
    if (v > 0) {
      const shared = subjectBack(toks, v - 1, { prep: null, verb: [], negation: [], modality: [], subject: [], headOfNoun: [], perfect: false }, depth + 1);
      const head = shared[shared.length - 1];
      if (head !== undefined && (head.pos === 'NOUN' || head.pos === 'PROPN' || head.pos === 'PRON')) return shared;
    }
  }
  const np = nounBack(toks, i);
  // "Quarterly profits at US media giant TimeWarner": take the owner in the prepositional phrase too, when it is short.
  const k = i - np.length;
  if (np.length > 0 && toks[k]?.pos === 'ADP' && /^(?:at|of|for|in)$/.test(toks[k]?.lower ?? '')) {
    const head = nounBack(toks, k - 1);
    if (head.length > 0) return [...head, toks[k] as Token, ...namesOf(np)];
  }
  if (np.length === 0 && toks[i]?.pos === 'PRON') return [toks[i] as Token];
  return np;
}

/** Words that open a new clause: a label read backwards or forwards stops there. */
export const CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'when', 'while', 'if', 'because', 'although', 'though', 'as', 'after', 'before', 'since', 'but', 'and', 'or', 'where', 'whereas', 'unless', 'until']);

/**
 * The noun phrase that opens the clause ending at index j, with one prepositional phrase ("Net income for 2004",
 * "Net profit in the six months ending 31 December" → "Net profit"), when nothing but that phrase stands before the verb.
 */
function clauseInitialSubject(toks: Token[], j: number): Token[] {
  let b = j;
  while (b >= 0) {
    const t = toks[b] as Token;
    // "before", "after", "since" with only a noun phrase up to the verb are prepositions, not clause openers.
    // "a day after Ukraine brought": a name right after the word is the subject of its own clause.
    const prepLike = /^(?:before|after|since|until|as)$/.test(t.lower) && toks[b + 1]?.pos !== 'PROPN' && !toks.slice(b + 1, j + 1).some((u) => u.pos === 'VERB' || u.pos === 'AUX' || u.pos === 'PRON');
    // "The cost of security and other needs": "and" between nouns, with no verb after it, joins a noun phrase.
    const joinsNouns = /^(?:and|or)$/.test(t.lower) && (toks[b - 1]?.pos === 'NOUN' || toks[b - 1]?.pos === 'PROPN') && !toks.slice(b + 1, j + 1).some((u) => u.pos === 'VERB' || u.pos === 'AUX' || u.pos === 'PRON');
    if (!prepLike && !joinsNouns && ((t.pos === 'PUNCT' && t.text !== '-' && t.text !== "'") || t.pos === 'SCONJ' || CLAUSE_OPENERS.has(t.lower) || (t.pos === 'VERB' && !(/(?:ed|ing)$/.test(t.lower) && b < j)) || t.pos === 'AUX')) break;
    b--;
  }
  const start = b + 1;
  if (start > j) return [];
  const np = nounPhrase(toks, start, true);
  if (np.length === 0 || np.some((t) => t.pos === 'PROPN') && np.length === j - start + 1) return [];
  const first = np[0] as Token;
  const after = toks.indexOf(np[np.length - 1] as Token) + 1;
  if (after > j) return [];
  const prep = toks[after];
  // Only a phrase followed by its own prepositional phrase reaches back further than the nearest noun.
  if (prep === undefined || prep.pos !== 'ADP') return [];
  if (!/^(?:of|for|at|in|on|from)$/.test(prep.lower) || toks.indexOf(first) < 0) return np;
  if (isTimePhrase(toks, after + 1) && !/^\d{4}$/.test(toks[after + 1]?.text ?? '') && prep.lower !== 'for') return np;
  const pp: Token[] = [];
  for (let k = after + 1; k <= j && pp.length < 4; k++) {
    const t = toks[k] as Token;
    const joins = /^(?:and|or)$/.test(t.lower) && pp.length > 0 && (isNounish(toks[k + 1]) || toks[k + 1]?.pos === 'DET');
    if (!(joins || isNounish(t) || t.pos === 'DET' || (t.pos === 'NUM' && /^\d{4}$/.test(t.text)) || (t.pos === 'PART' && /^['’]s?$/.test(t.text)) || (t.text === '-' && isGlued(toks, k)))) break;
    pp.push(t);
  }
  if (pp.length === 0) return np;
  return [...np, prep, ...namesOf(pp)];
}

/**
 * Index of the common noun right before a list of names that ends at i ("casino operators London Clubs, Rank Group
 * and Stanley Leisure" → "operators"), else -1. A capitalised word inside the list is a name whatever its tag.
 */
function beforeNameList(toks: Token[], i: number): number {
  const named = (t: Token | undefined): boolean => t !== undefined && (t.pos === 'PROPN' || (/^\p{Lu}/u.test(t.text) && t.initial !== true && t.pos !== 'PUNCT'));
  let k = i;
  let joins = 0;
  while (k >= 0) {
    const t = toks[k] as Token;
    if (named(t)) k--;
    else if ((t.text === ',' || t.lower === 'and') && named(toks[k - 1]) && named(toks[k + 1])) { joins++; k--; }
    else break;
  }
  return joins > 0 && k < i && toks[k]?.pos === 'NOUN' ? k : -1;
}
