import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dateSpans, tagSentence } from '../../src/figures/tag-sentence.js';

describe('tagSentence', () => {
  it('tags parts of speech and lemmas with offsets into the whole text', () => {
    const text = 'Intro. Profits fell 5% to $4bn.';
    const { tokens } = tagSentence(text.slice(7), 7);
    expect(tokens.map((t) => [t.text, t.pos])).toEqual([
      ['Profits', tokens[0]!.pos], ['fell', 'VERB'], ['5', 'NUM'], ['%', 'SYM'], ['to', tokens[4]!.pos], ['$', 'SYM'], ['4', 'NUM'], ['bn', tokens[7]!.pos], ['.', 'PUNCT'],
    ]);
    expect(tokens[1]!.lemma).toBe('fall');
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[7]!.numberPiece).toBe(true);
    expect(tokens[0]!.initial).toBe(true);
  });

  it('gives each verb the lemma wink gives it, contractions and a word under two tags included', () => {
    const require = createRequire(import.meta.url);
    const nlp = require('wink-nlp')(require('wink-eng-lite-web-model'), ['pos']);
    // Asked twice: the second reading of each word comes from the remembered lemmas.
    for (const s of ["They can't say it. They cannot say it. He's left and she'd said it's gone.", 'Sales rose. He rose. Shares fell as he fell.', "They can't say it. They cannot say it. He's left and she'd said it's gone."]) {
      const items = nlp.readDoc(s).tokens();
      const lemmas = items.out(nlp.its.lemma) as string[];
      const tokens = tagSentence(s, 100).tokens;
      expect(tokens).toHaveLength(lemmas.length);
      tokens.forEach((t, i) => {
        if (t.pos === 'VERB' || t.pos === 'AUX') expect([t.text, t.lemma]).toEqual([t.text, lemmas[i]!.toLowerCase()]);
      });
    }
  });

  it('keeps the offset invariant on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        for (const t of tagSentence(s, 3).tokens) expect(s.slice(t.start - 3, t.end - 3)).toBe(t.text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('retag', () => {
  const pos = (s: string, word: string) => tagSentence(s).tokens.find((t) => t.text === word)?.pos;
  it.each([
    ['a plural noun after a number is a noun', 'His side were denied two tries in the match.', 'tries', 'NOUN'],
    ['a plural noun before a finite verb is a noun', 'The market for music downloads was worth little.', 'downloads', 'NOUN'],
    ['a noun in -s between a noun and an amount is the verb', 'A print on an Epson printer costs £1.87.', 'costs', 'VERB'],
    ['a past verb of change before an amount is the verb', 'Sales in 2004 rose 5% to $3bn.', 'rose', 'VERB'],
    ['a capitalised number word inside a name is part of the name', 'They lost the Six Nations opener.', 'Six', 'PROPN'],
  ])('%s', (_name, sentence, word, expected) => {
    expect(pos(sentence, word)).toBe(expected);
  });

  it('reads only its own list of past forms, nothing an object inherits ("constructor" stays a noun)', () => {
    const { tokens } = tagSentence('The constructor 5 firms hired left.');
    expect(tokens.find((t) => t.text === 'constructor')).toMatchObject({ pos: 'NOUN', lemma: 'constructor' });
    for (const t of tokens) expect(typeof t.lemma).toBe('string');
  });
});

describe('dateSpans', () => {
  const spans = (s: string) => {
    const { tokens } = tagSentence(s);
    return dateSpans(tokens).map((e) => tokens.slice(e.first, e.last + 1).map((t) => t.text).join(' '));
  };
  it.each([
    ['Sales rose 5% in the third quarter of 2004.', ['the third quarter of 2004']],
    ['It was worth $20m in 2004 and $4m last month.', ['2004', 'last month']],
    ['The band split 11 days ago on 5 May 2004.', ['11 days ago', '5 May 2004']],
    // A small count of a period word is a stretch of time: "in five days", "the first six months".
    ['Futures have lost $4 in five days.', ['five days']],
    ['During the first six months of the year, sales rose.', ['the first six months of the year']],
    ['It ended a months-long operation.', []],
  ])('%s → %j', (sentence, expected) => {
    expect(spans(sentence)).toEqual(expected);
  });
});
