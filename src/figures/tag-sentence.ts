/**
 * Part-of-speech tags and entity types for one sentence, from wink-nlp's English light model
 * (see README "Choices"). Only sentences that hold a candidate figure are tagged, which keeps
 * the summarize step above 1,000 articles/s. Tokens carry exact offsets into the source text:
 * wink's tokenization is lossless (preceding spaces + token values rebuild the sentence).
 */
import { createRequire } from 'node:module';
import type { WinkMethods } from 'wink-nlp';
import type Model from 'wink-eng-lite-web-model';

// Loaded on first use, not at import: commands that never tag (feeds, status, --help) start as fast as before.
const require = createRequire(import.meta.url);

/** Universal POS tags as wink gives them (NOUN, PROPN, VERB, AUX, ADP, NUM, DET, ADJ, ADV, PART, PRON, CCONJ, SCONJ, PUNCT, SYM, X…). */
export type Pos = string;

/** One token of a tagged sentence. Invariant: `text === source.slice(start, end)`. */
export interface Token {
  text: string;
  lower: string;
  /** Dictionary form: "fell" → "fall", "soldiers" → "soldier". */
  lemma: string;
  pos: Pos;
  /** Glued to a number before it: the "m" of "100m", the "bn" of "$4bn"; part of that number, never a label word. */
  numberPiece?: boolean;
  /** First word of the sentence (its capital is grammar, not a name). */
  initial?: boolean;
  /** Offsets into the text the sentence came from. */
  start: number;
  end: number;
}

/** A named-entity span over tokens `[first, last]` with wink's type (DATE, TIME, CARDINAL, ORDINAL, MONEY, PERCENT, DURATION…). */
export interface Entity {
  type: string;
  first: number;
  last: number;
}

/** A sentence with its tokens and entities. */
export interface TaggedSentence {
  tokens: Token[];
  entities: Entity[];
}

let nlp: WinkMethods | null = null;

/** The tagger, built on first use (loading the model takes ~100 ms): POS and NER only, no sentiment or sentence splitting. */
function tagger(): WinkMethods {
  if (nlp === null) {
    const winkNLP = require('wink-nlp') as (model: typeof Model, pipe?: string[]) => WinkMethods;
    const model = require('wink-eng-lite-web-model') as typeof Model;
    nlp = winkNLP(model, ['pos', 'ner']);
  }
  return nlp;
}

/**
 * Tag one sentence; offsets are shifted by `offset` so they point into the whole text.
 * @example tagSentence("Profits jumped 76%.").tokens.map((t) => t.pos) // ["NOUN", "VERB", "NUM", "SYM", "PUNCT"]
 */
export function tagSentence(sentence: string, offset = 0): TaggedSentence {
  const n = tagger();
  const its = n.its;
  const doc = n.readDoc(sentence);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const tokens: Token[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const text = values[i] ?? '';
    cursor += (spaces[i] ?? '').length;
    // Lossless in practice; should a token ever differ from the source, find it rather than drift.
    if (sentence.startsWith(text, cursor) === false) {
      const found = sentence.indexOf(text, cursor);
      if (found >= 0) cursor = found;
    }
    const prev = tokens[tokens.length - 1];
    const token: Token = { text, lower: text.toLowerCase(), lemma: (lemmas[i] ?? text).toLowerCase(), pos: pos[i] ?? 'X', start: offset + cursor, end: offset + cursor + text.length };
    if (tokens.every((t) => t.pos === 'PUNCT')) token.initial = true;
    if (prev !== undefined && prev.end === token.start && (prev.pos === 'NUM' || prev.numberPiece === true) && /^\p{L}/u.test(text)) token.numberPiece = true;
    tokens.push(token);
    cursor += text.length;
  }
  const entities: Entity[] = [];
  const types = doc.entities().out(its.type) as string[];
  const spans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
  for (let i = 0; i < types.length; i++) {
    const span = spans[i];
    if (span !== undefined) entities.push({ type: types[i] ?? '', first: span[0], last: span[1] });
  }
  return { tokens, entities };
}
