/**
 * Which way a figure moved, and how sure the sentence is of it: a verb or noun of change ("jumped", "a cut of"), a
 * comparative after the figure ("30% more expensive"), and the negation or modality said before it ("no rise in",
 * "expected fall in"). A change label says its direction as a noun ("rise in …", "fall in …").
 */
import type { Token } from '../tag-sentence.js';
import { isTimePhrase, word } from './phrases.js';
import type { Back } from './read-back.js';

/** Verbs and nouns of change, by lemma: the direction a percentage or an amount moved. */
const RISE = new Set(['rise', 'jump', 'increase', 'grow', 'climb', 'soar', 'surge', 'gain', 'rocket', 'leap', 'boost', 'double', 'treble', 'triple', 'raise', 'up', 'rebound', 'recover', 'expand', 'growth', 'hike', 'improve', 'swell', 'balloon', 'spike', 'advance', 'add']);

const FALL = new Set(['fall', 'drop', 'decline', 'slump', 'plunge', 'slide', 'cut', 'shrink', 'dip', 'tumble', 'sink', 'down', 'decrease', 'ease', 'reduce', 'lose', 'shed', 'plummet', 'slip', 'contract', 'crash', 'dive', 'lower', 'loss', 'reduction', 'fell', 'weaken', 'retreat', 'halve']);

/** Nouns of change after a percentage, by their verb's lemma in RISE or FALL: "increase" → rise, "reduction" → fall. */
const CHANGE_NOUN = /^(increase|rise|jump|gain|growth|hike|climb|fall|drop|decline|cut|reduction|decrease|slump|dip|loss)(?:s)?$/;

/**
 * The direction of a noun of change after a percentage ("a 26% increase in", "a 5% cut in"), else null.
 * @example changeNounDirection("reductions") // "fall"
 */
export function changeNounDirection(noun: string): 'rise' | 'fall' | null {
  const m = CHANGE_NOUN.exec(noun);
  if (m === null) return null;
  return RISE.has(m[1] ?? '') ? 'rise' : 'fall';
}

/** The direction of the first verb (or noun) of change among these words, by lemma or form: "jumped" → rise. */
export function direction(verb: Token[]): 'rise' | 'fall' | null {
  for (const t of verb) {
    if (RISE.has(t.lemma) || RISE.has(t.lower)) return 'rise';
    if (FALL.has(t.lemma) || FALL.has(t.lower)) return 'fall';
  }
  return null;
}

/** "more expensive", "higher", "cheaper" right after a figure: the direction it compares in, else null. */
export function comparativeDirection(toks: Token[], i: number): 'rise' | 'fall' | null {
  const a = toks[i]?.lower ?? '';
  const b = toks[i + 1];
  if (/^(?:higher|bigger|greater|dearer|costlier|larger|up)$/.test(a)) return 'rise';
  if (/^(?:lower|cheaper|smaller|fewer|down)$/.test(a)) return 'fall';
  // "was 30% more than in 2003": more or less than a time before is a change.
  if ((a === 'more' || a === 'less' || a === 'fewer') && b?.lower === 'than' && isTimePhrase(toks, i + 2 + (toks[i + 2]?.pos === 'ADP' ? 1 : 0))) return a === 'more' ? 'rise' : 'fall';
  if ((a === 'more' || a === 'less') && b !== undefined && b.pos === 'ADJ') {
    const up = a === 'more' ? 'rise' : 'fall';
    return /^(?:cheap|affordable|inexpensive)/.test(b.lower) ? (up === 'rise' ? 'fall' : 'rise') : up;
  }
  return null;
}

/** Negation and modality of a change, said before it: "no rise in", "expected fall in", "possible rise in". */
export function hedge(back: Back): Token[] {
  if (back.negation.length > 0) return [word('no')];
  const m = back.modality.map((t) => t.lemma);
  if (m.some((w) => /^(?:could|may|might|can)$/.test(w))) return [word('possible')];
  if (m.length > 0) return [word('expected')];
  return [];
}
