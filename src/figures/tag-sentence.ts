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

/** An entity span over tokens `[first, last]`; only DATE spans ("in 2004", "last month", "the third quarter") are found. */
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
    nlp = winkNLP(model, ['pos']);
  }
  return nlp;
}

/**
 * Tag one sentence; offsets are shifted by `offset` so they point into the whole text.
 * @example tagSentence("Profits jumped 76%.").tokens.map((t) => t.pos) // ["NOUN", "VERB", "NUM", "SYM", "PUNCT"]
 */
export function tagSentence(sentence: string, offset = 0): TaggedSentence {
  // A headline is tagged for the text and again for the title: the last few sentences are kept, found by their
  // offset (a number hashes for free; a key built from the sentence cost a string and its hash every call).
  const hit = recent.get(offset);
  if (hit !== undefined && hit.sentence === sentence) return hit.tagged;
  const tagged = tagUncached(sentence, offset);
  recent.delete(offset);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as number);
  recent.set(offset, { sentence, tagged });
  return tagged;
}

const RECENT_MAX = 16;

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
const recent = new Map<number, { sentence: string; tagged: TaggedSentence }>();

function tagUncached(sentence: string, offset: number): TaggedSentence {
  const n = tagger();
  const its = n.its;
  const items = n.readDoc(sentence).tokens();
  const values = items.out(its.value) as string[];
  const pos = items.out(its.pos) as string[];
  const contraction = items.out(its.contractionFlag) as boolean[];
  const tokens: Token[] = [];
  let sawWord = false;
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const text = values[i] ?? '';
    // wink's tokens are lossless: only whitespace lies between them (cheaper than asking for precedingSpaces).
    while (cursor < sentence.length && isSpace(sentence.charCodeAt(cursor)) && !sentence.startsWith(text, cursor)) cursor++;
    if (sentence.startsWith(text, cursor) === false) {
      const found = sentence.indexOf(text, cursor);
      if (found >= 0) cursor = found;
    }
    const prev = tokens[tokens.length - 1];
    const lower = text.toLowerCase();
    const p = pos[i] ?? 'X';
    // Lemmas cost a dictionary look-up each: only verbs (and past forms the model took for nouns) need them.
    const needsLemma = p === 'VERB' || p === 'AUX' || (p === 'NOUN' && lower.endsWith('ed'));
    const lemma = needsLemma ? lemmaOf(items, i, text, p, contraction[i] === true) : lower;
    const start = offset + cursor;
    // Both flags on every token, set at once: one object shape for all tokens (flags added later made three).
    const initial = !sawWord && p !== 'PUNCT';
    const numberPiece = prev !== undefined && prev.end === start && (prev.pos === 'NUM' || prev.numberPiece === true) && /^\p{L}/u.test(text);
    if (p !== 'PUNCT') sawWord = true;
    tokens.push({ text, lower, lemma, pos: p, numberPiece, initial, start, end: start + text.length });
    cursor += text.length;
  }
  retag(tokens);
  return { tokens, entities: dateSpans(tokens) };
}

/**
 * The lemma wink gives token `i`, asked once per word and tag: outside a contraction ("ca" of "can't" is "can") wink's
 * lemma depends only on the word and its tag (its lemmatizer consults the model's fixed vocabulary, never the words
 * it learns), and asking wink for it cost a tenth of the summarize step.
 */
function lemmaOf(items: WinkTokens, i: number, text: string, pos: Pos, contraction: boolean): string {
  if (contraction) return askLemma(items, i);
  let byText = LEMMAS.get(pos);
  if (byText === undefined) LEMMAS.set(pos, (byText = new Map()));
  let lemma = byText.get(text);
  if (lemma === undefined) {
    // A bound on what a long-running bot keeps: news brings new words every day.
    if (byText.size >= MAX_LEMMAS) byText.clear();
    byText.set(text, (lemma = askLemma(items, i)));
  }
  return lemma;
}

type WinkTokens = ReturnType<ReturnType<WinkMethods['readDoc']>['tokens']>;

/** wink's lemma of token `i`, lower case. A module function, not a closure per call: tsx names every closure it makes. */
function askLemma(items: WinkTokens, i: number): string {
  return String(items.itemAt(i).out(tagger().its.lemma as unknown as ReturnType<typeof tagger>['its']['value'])).toLowerCase();
}

const LEMMAS = new Map<Pos, Map<string, string>>();
const MAX_LEMMAS = 100_000;

const FINITE_AFTER = /^(?:is|was|are|were|has|have|had|will|would|could|can|may|might|should|must)$/;

/**
 * Fix the light model's commonest slips that break phrase reading, from the neighbouring tags:
 * a plural noun read as a verb after a number ("two tries") or before a finite verb ("music downloads was"),
 * and a capitalised number word inside a name ("Six Nations").
 * @example retag(tokens) // "two/NUM tries/VERB" → "two/NUM tries/NOUN"
 */
export function retag(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (t.pos === 'VERB' && /[^s]s$/.test(t.lower) && prev !== undefined) {
      const afterNumber = prev.pos === 'NUM' && !/^\d{4}$/.test(prev.text);
      const beforeFinite = next !== undefined && (next.pos === 'AUX' || next.pos === 'VERB') && FINITE_AFTER.test(next.lower) && (prev.pos === 'NOUN' || prev.pos === 'ADJ' || prev.pos === 'PROPN');
      if (afterNumber || beforeFinite) {
        t.pos = 'NOUN';
        t.lemma = t.lower;
      }
    }
    // "a print costs £1.87", "winter drives oil down": a noun in -s between a noun and an amount or a particle is the verb.
    if (t.pos === 'NOUN' && /[^s]s$/.test(t.lower) && prev !== undefined && (prev.pos === 'NOUN' || prev.pos === 'PROPN') && next !== undefined && (next.pos === 'SYM' || (next.pos === 'NUM' && /\d/.test(next.text) && !/^\d{4}$/.test(next.text)))) {
      t.pos = 'VERB';
      t.lemma = t.lower.slice(0, -1);
    }
    // "Sales in 2004 rose 5%": a past verb of change before an amount is no noun (the flower, the fall of Rome).
    const changed = t.pos === 'NOUN' ? PAST_CHANGE.get(t.lower) : undefined;
    if (changed !== undefined && next !== undefined && (next.pos === 'NUM' || next.pos === 'SYM' || /^(?:by|to|from|sharply|slightly)$/.test(next.lower))) {
      t.pos = 'VERB';
      t.lemma = changed;
    }
    // "Barca's lead": what follows a possessive is owned, a noun whatever the model guessed.
    if (t.pos === 'VERB' && prev?.pos === 'PART' && /^['’]s$/.test(prev.text) && (tokens[i - 2]?.pos === 'PROPN' || tokens[i - 2]?.pos === 'NOUN') && !/ing$/.test(t.lower)) {
      t.pos = 'NOUN';
      t.lemma = t.lower;
    }
    // "…, 48% use two or three", "44% of searchers use just one": a share opening its clause (or its "of" plural) is
    // a subject, so a bare word after it that takes an object is its verb.
    // (The share test runs only for a noun not in -s: it is the costliest check and most tokens fail the cheap ones.)
    if (t.pos === 'NOUN' && !/s$/.test(t.lower) && shareSubject(tokens, i) && next !== undefined && (next.pos === 'NUM' || next.pos === 'DET' || next.pos === 'ADV')) {
      t.pos = 'VERB';
    }
    if (t.pos === 'NUM' && /^\p{Lu}\p{Ll}+$/u.test(t.text) && !t.initial && next?.pos === 'PROPN' && next.start === t.end + 1) t.pos = 'PROPN';
  }
}

/** A share opens the clause before token `i`: "…, 48% use", "44% of searchers use". */
function shareSubject(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return (prev?.text === '%' && tokens[i - 2]?.pos === 'NUM' && opensClause(tokens, i - 3))
    || (prev?.pos === 'NOUN' && /s$/.test(prev.lower) && tokens[i - 2]?.lower === 'of' && tokens[i - 3]?.text === '%');
}

/** Token `k` starts a clause: before the sentence, punctuation, a conjunction or a name. */
function opensClause(tokens: readonly Token[], k: number): boolean {
  return k < 0 || tokens[k]?.pos === 'PUNCT' || tokens[k]?.pos === 'CCONJ' || tokens[k]?.pos === 'PROPN';
}

/**
 * Past forms of change verbs the light model sometimes tags as nouns, with their lemma. A Map, not an object:
 * a keyed look-up of every noun in an object literal was the slowest line of tagging (and "constructor" found Object).
 */
const PAST_CHANGE = new Map(Object.entries({
  rose: 'rise', fell: 'fall', grew: 'grow', jumped: 'jump', dropped: 'drop', climbed: 'climb', slipped: 'slip', slid: 'slide',
  gained: 'gain', lost: 'lose', sank: 'sink', soared: 'soar', surged: 'surge', plunged: 'plunge', tumbled: 'tumble', rallied: 'rally',
}));

const MONTH = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/;
const DATE_ANCHOR = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|year|years|quarter|month|months|week|weeks|day|days|decade|season|today|yesterday|tomorrow|weekend|morning|afternoon|evening|night|christmas|easter|summer|winter|spring|autumn)$/;
const PERIOD = /^(?:years|months|weeks|days|quarters|decades|hours|year|month|week|day|quarter|decade|hour)$/;
const DATE_MODIFIER = /^(?:the|last|this|next|each|every|per|a|first|second|third|fourth|final|same|previous|current|past|coming|financial|fiscal|calendar|half|early|late|mid|end|of|ago|-)$/;
/** Any of the three above: most words are none, and one test says so where three did. */
const DATE_WORD = new RegExp(`^(?:${[MONTH, DATE_ANCHOR, DATE_MODIFIER].map((r) => `(?:${r.source.slice(1, -1)})`).join('|')})$`);

/**
 * Date phrases from the tags: a run of date words holding a month, a weekday, a period word or a year.
 * NER would find them too, at about two thirds of the tagging speed; this is all the labels need.
 * @example dateSpans(tagSentence("Sales rose in the third quarter of 2004.").tokens) // [{ type: "DATE", first: 3, last: 7 }]
 */
export function dateSpans(tokens: readonly Token[]): Entity[] {
  const out: Entity[] = [];
  let i = 0;
  while (i < tokens.length) {
    let j = i;
    let anchored = false;
    while (j < tokens.length) {
      const t = tokens[j] as Token;
      const year = t.pos === 'NUM' && /^(?:19|20)\d\d$/.test(t.text);
      const day = t.pos === 'NUM' && /^\d{1,2}$/.test(t.text) && (MONTH.test(tokens[j + 1]?.lower ?? '') || MONTH.test(tokens[j - 1]?.lower ?? ''));
      // "a months-long operation": a period word glued into a compound adjective is no date.
      if (tokens[j + 1]?.text === '-' && tokens[j + 1]?.start === t.end) break;
      // "in five days", "the first six months": a small count of a period word is a stretch of time.
      const periodCount = t.pos === 'NUM' && !/\d{3}/.test(t.text) && PERIOD.test(tokens[j + 1]?.lower ?? '');
      if (periodCount) {
        j++;
        continue;
      }
      const dateWord = DATE_WORD.test(t.lower);
      if (year || day || (dateWord && ((MONTH.test(t.lower) && (t.pos === 'PROPN' || t.pos === 'NOUN')) || DATE_ANCHOR.test(t.lower)))) anchored = true;
      else if (!dateWord || !DATE_MODIFIER.test(t.lower)) break;
      j++;
    }
    // Trim modifiers that trail the phrase ("2004 -", "year of").
    let last = j - 1;
    while (last >= i && DATE_MODIFIER.test(tokens[last]?.lower ?? '') && tokens[last]?.lower !== 'ago') last--;
    if (anchored && last >= i) out.push({ type: 'DATE', first: i, last });
    i = Math.max(j, i + 1);
  }
  return out;
}
