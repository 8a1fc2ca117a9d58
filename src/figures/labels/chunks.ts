/**
 * Chunks of a tagged sentence: noun phrases, prepositional phrases (a preposition and its noun phrase) and verbs with
 * their particle. They are the units label completion (label-extend.ts) may add, so a label only ever grows by whole
 * phrases and keeps reading as one.
 */
import type { Token } from '../tag-sentence.js';

/** A chunk of a sentence that may complete a label. */
export interface Chunk {
  kind: 'np' | 'pp' | 'verb';
  tokens: Token[];
  /** Token indices of the chunk in its sentence. */
  first: number;
  last: number;
}

/** Words that end a clause for our purposes: reported speech and relative openers start another one. */
const CLAUSE_BREAK = /^(?:said|says|say|told|added|according|that|which|who|whom|whose|while|whilst|although|though|because|but|whereas|if|when|where|so|and|or)$/;
const PARTICLE = /^(?:up|down|out|off|back|home|away|over)$/;

function isBoundary(t: Token): boolean {
  return (t.pos === 'PUNCT' && t.text !== '-' && t.text !== "'s" && t.text !== '’s') || t.pos === 'SCONJ' || CLAUSE_BREAK.test(t.lower);
}

function isNumberish(t: Token): boolean {
  return (t.pos === 'NUM' && /\d/.test(t.text)) || t.numberPiece === true || t.pos === 'SYM';
}

function isNominal(t: Token | undefined): boolean {
  return t !== undefined && !t.numberPiece && (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || (t.pos === 'PART' && /^['’]s?$/.test(t.text)) || (t.text === '-' && t.pos === 'PUNCT'));
}

/** The figure's clause: from the last boundary before it to the first after it, at most 12 tokens each side. */
export function clauseSpan(toks: readonly Token[], f0: number, f1: number): [number, number] {
  let a = f0;
  while (a > 0 && f0 - a < 12 && !isBoundary(toks[a - 1] as Token)) a--;
  let b = f1;
  while (b + 1 < toks.length && b - f1 < 12 && !isBoundary(toks[b + 1] as Token)) b++;
  return [a, b];
}

/** A noun phrase starting at i (determiners skipped): adjectives, nouns, names, possessives; returns the index after it (i when none). */
function npAt(toks: readonly Token[], i: number, end: number): number {
  let j = i;
  while (j <= end && toks[j]?.pos === 'DET') j++;
  const from = j;
  while (j <= end && isNominal(toks[j]) && !isNumberish(toks[j] as Token)) j++;
  // A phrase must end on a noun or a name: "the new" is no phrase.
  while (j > from && !(toks[j - 1]?.pos === 'NOUN' || toks[j - 1]?.pos === 'PROPN')) j--;
  if (j === from) return i;
  // "the end of the month", "users of Opera": an of-phrase belongs to its noun, never stands alone.
  if (toks[j]?.lower === 'of' && j + 1 <= end) {
    const e = npAt(toks, j + 1, end);
    if (e > j + 1) return e;
  }
  return j;
}

/**
 * The chunks of tokens a..b, skipping the figure's tokens skip0..skip1 (none when skip0 > skip1); a chunk never
 * crosses the figure, never holds another number or a pronoun.
 */
export function chunksIn(toks: readonly Token[], a: number, b: number, skip0: number, skip1: number): Chunk[] {
  const out: Chunk[] = [];
  for (let i = a; i <= b; ) {
    if (i >= skip0 && i <= skip1) { i = skip1 + 1; continue; }
    const t = toks[i] as Token;
    // "peer-to-peer": a hyphen, or a word glued to a hyphen before it, is inside a compound, never where a phrase starts.
    if (t.text === '-' || (toks[i - 1]?.text === '-' && toks[i - 1]?.end === t.start)) { i++; continue; }
    const stop = i < skip0 ? skip0 - 1 : b;
    if (t.pos === 'ADP' && !PARTICLE.test(t.lower)) {
      const e = npAt(toks, i + 1, stop);
      if (e > i + 1) {
        out.push({ kind: 'pp', tokens: toks.slice(i, e), first: i, last: e - 1 });
        i = e;
        continue;
      }
    }
    if (t.pos === 'VERB') {
      const e = toks[i + 1] !== undefined && PARTICLE.test(toks[i + 1]?.lower ?? '') && i + 1 <= stop && i + 1 !== skip0 ? i + 2 : i + 1;
      out.push({ kind: 'verb', tokens: toks.slice(i, e), first: i, last: e - 1 });
      i = e;
      continue;
    }
    const e = npAt(toks, i, stop);
    if (e > i) {
      out.push({ kind: 'np', tokens: toks.slice(i, e), first: i, last: e - 1 });
      i = e;
      continue;
    }
    i++;
  }
  return out;
}

/**
 * The chunks of the figure's clause.
 * @example clauseChunks(tagSentence("Cairn's shares closed up 64 pence").tokens, 4, 4) // ["Cairn's shares", "closed up"]
 */
export function clauseChunks(toks: readonly Token[], f0: number, f1: number): Chunk[] {
  const [a, b] = clauseSpan(toks, f0, f1);
  return chunksIn(toks, a, b, f0, f1);
}

/**
 * True when a chunk cuts a compound or a name: it ends on a word glued to a hyphen after it ("users of peer" of
 * "peer-to-peer"), or it starts or ends at the "and", "of" or "for" inside a name ("for Work" of "Department for
 * Work and Pensions", "at the Food" of "Food and Drug Administration"). Such a piece says something else alone.
 */
export function isFragment(toks: readonly Token[], c: Chunk): boolean {
  const next = toks[c.last + 1];
  if (next?.text === '-' && next.start === toks[c.last]?.end) return true;
  const cutBefore = toks[c.first]?.pos === 'PROPN' && NAME_JOINT.test(toks[c.first - 1]?.lower ?? '') && toks[c.first - 2]?.pos === 'PROPN';
  const cutAfter = toks[c.last]?.pos === 'PROPN' && NAME_JOINT.test(next?.lower ?? '') && toks[c.last + 2]?.pos === 'PROPN';
  return cutBefore || cutAfter;
}
const NAME_JOINT = /^(?:and|of|&|for|de|du|von|van)$/;

/** Tokens as the source spaces them; a sentence's first word loses its grammatical capital unless it is a name. */
export function joined(tokens: readonly Token[]): string {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const glued = i > 0 && tokens[i - 1]?.end === t.start;
    out += (out === '' || glued ? '' : ' ') + (t.initial === true && t.pos !== 'PROPN' ? t.lower : t.text);
  }
  return out;
}
