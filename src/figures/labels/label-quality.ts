/**
 * Whether a label can stand alone: it must name the thing counted. A label of verbs and names only ("Campbell get",
 * "earmarked", "MP had") says what happened but not what the number is, and a reader cannot place it.
 */
import type { Token } from '../tag-sentence.js';

/** Synthetic words that only join or qualify: they name nothing. */
const SYNTHETIC_LINKS = /^(?:in|of|by|per|who|v|no|expected|possible|after|before|since|until)$/;

/**
 * True when the label holds a common noun of the sentence, or a synthetic head ("rise", "cost", "length").
 * @example namesAThing(tokensOf("Russian soldiers captured")) // true; namesAThing(tokensOf("Campbell get")) // false
 */
export function namesAThing(words: readonly Token[]): boolean {
  return words.some((t) => (t.pos === 'NOUN' && t.numberPiece !== true) || (t.start < 0 && !SYNTHETIC_LINKS.test(t.lower)));
}

const PREPOSITION = /^(?:in|of|for|at|by|on|to|from|with|into|than|over|under|about|after|before|since|until|per)$/;

/**
 * The label without holes: a preposition whose phrase was cut out or lies elsewhere ("industrial robots to in 2007",
 * "fall in in Asia", "rise in") leaves a gap a reader trips over; the label reads on without it.
 * @example withoutHoles("industrial robots to in 2007") // "industrial robots in 2007"
 */
export function withoutHoles(label: string): string {
  const words = label.split(' ');
  const kept = words.filter((w, i) => !(PREPOSITION.test(w.toLowerCase()) && (i === words.length - 1 || PREPOSITION.test((words[i + 1] ?? '').toLowerCase()))));
  return kept.length > 0 ? kept.join(' ') : label;
}

/** True when a label says something in words: not the number again, not a lone symbol or "in". */
export function saysSomething(label: string, figureText: string): boolean {
  return label !== figureText && /\p{L}{3}/u.test(label);
}
