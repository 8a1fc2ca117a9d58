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
