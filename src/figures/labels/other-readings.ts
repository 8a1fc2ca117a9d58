/**
 * Other readings of a figure's label from the noun phrases around it, for when the structural reading is one a reader
 * would reject (labels/label-quality.ts badShape): the noun phrase nearest before the figure in its clause, the
 * noun phrase right after it, the sentence's first noun phrase. Each is a whole phrase of the sentence with at
 * most one prepositional complement ("share of calls", "attendance at Hereford"), so it reads alone.
 */
import type { Token } from '../tag-sentence.js';
import { MAX_WORDS, PP_KEEPERS, countWords, isTimePhrase, nounBack, nounPhrase } from './phrases.js';

/** Tokens that end a clause going back from the figure. */
const CLAUSE_EDGE = /^(?:said|says|told|that|which|who|while|but|and|because|although)$/;

/** A noun phrase with a common noun in it: a name alone ("Pernod", "England") does not say what is counted. */
function hasCommonNoun(np: readonly Token[]): boolean {
  return np.some((t) => t.pos === 'NOUN' && t.numberPiece !== true);
}

/** The phrase with the prepositional phrase after it at index `end` ("attendance" + "at Hereford"), within the word limit. */
function withComplement(toks: Token[], np: Token[], end: number): Token[] {
  const prep = toks[end];
  if (prep === undefined || prep.pos !== 'ADP' || !PP_KEEPERS.has(prep.lower) || isTimePhrase(toks, end + 1)) return np;
  const pp = nounPhrase(toks, end + 1, true);
  return pp.length > 0 && countWords([...np, prep, ...pp]) <= MAX_WORDS ? [...np, prep, ...pp] : np;
}

/**
 * The readings, nearest first: the noun phrase before the figure in its clause, the one right after it (past "of"
 * or a bracketed conversion), the sentence's first. Empty phrases and names alone are left out.
 * @example otherReadings(tokensOf("a crowd of 1,375 watched"), f0, f1) // [["crowd"]]
 */
export function otherReadings(toks: Token[], f0: number, f1: number): Token[][] {
  const out: Token[][] = [];
  const keep = (np: Token[], end: number): void => {
    if (np.length > 0 && hasCommonNoun(np)) out.push(withComplement(toks, np, end));
  };
  for (let i = f0 - 1; i >= 0; i--) {
    const t = toks[i] as Token;
    if (t.pos === 'PUNCT' || CLAUSE_EDGE.test(t.lower)) break;
    if (t.pos === 'NOUN' && t.numberPiece !== true) {
      keep(nounBack(toks, i).filter((x) => x.pos !== 'DET'), i + 1);
      break;
    }
  }
  let j = f1 + 1;
  while (j < toks.length && (toks[j]?.numberPiece === true || toks[j]?.pos === 'DET' || toks[j]?.lower === 'of')) j++;
  const after = nounPhrase(toks, j, true);
  keep(after, j + after.length);
  const first = toks.findIndex((t) => t.pos === 'NOUN' || t.pos === 'PROPN');
  if (first >= 0 && first < f0) {
    const np = nounPhrase(toks, first, true);
    keep(np, first + np.length);
  }
  return out;
}
