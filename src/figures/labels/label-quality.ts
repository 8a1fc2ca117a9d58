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

/** Words a label may not end on: it would stop mid-phrase ("jobs and", "rise in that"). A trailing preposition is withoutHoles' business. */
const DANGLING_END = /^(?:and|or|but|the|a|an|that|which|who|its|their|his|her|'s|’s)$/;

/** A shape a reader would reject, by structure (null: none of them). */
export type BadShape = 'no-words' | 'no-noun' | 'names-only' | 'verb-first' | 'verb-after-name' | 'dangling';

const isVerb = (t: Token): boolean => t.start >= 0 && (t.pos === 'VERB' || t.pos === 'AUX');

/**
 * Why a label cannot stand alone, read from its tagged words (synthetic words have `start < 0`): no words but the
 * number ("1,375"), no thing named ("translates", "got to run"), a bare verb phrase ("caught of event"), a name and
 * its verb with no counted noun ("MP had", "Brown doubling"), or a last word that waits for more ("jobs and").
 * @example badShape(tokensOf("MP had"), "£600") // "verb-after-name"
 */
export function badShape(words: readonly Token[], figureText: string): BadShape | null {
  const real = words.filter((t) => t.pos !== 'PUNCT');
  if (!saysSomething(real.map((t) => t.text).join(' '), figureText)) return 'no-words';
  const last = real[real.length - 1];
  // "MP had", "Brown doubling", "Spain won": the label ends on the verb group of a name or pronoun and names no thing
  // before it. "soldiers captured", "bid Chelsea could launch" end on a verb of a counted noun and read.
  if (last !== undefined && isVerb(last)) {
    let v = real.length - 1;
    while (v > 0 && (isVerb(real[v - 1] as Token) || real[v - 1]?.pos === 'ADV' || real[v - 1]?.pos === 'PART')) v--;
    const doer = real[v - 1];
    const named = real.slice(0, v).some((t) => (t.pos === 'NOUN' && t.numberPiece !== true) || t.start < 0);
    if (doer !== undefined && (doer.pos === 'PROPN' || doer.pos === 'PRON') && !named) return 'verb-after-name';
  }
  // "translates", "got to run", "took": nothing named at all; "Britons held at Guantanamo Bay" names who.
  // "more than planned", "higher than expected": a comparison says what the figure is measured against, and reads.
  if (!namesAThing(real)) return real.some((t) => t.pos === 'PROPN') ? 'names-only' : real.some((t) => t.lower === 'than') ? null : 'no-noun';
  if (last !== undefined && DANGLING_END.test(last.lower)) return 'dangling';
  const first = real[0];
  return first !== undefined && isVerb(first) && !/ing$/.test(first.lower) ? 'verb-first' : null;
}
