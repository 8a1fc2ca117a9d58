import { describe, expect, it } from 'vitest';
import { namesAThing, saysSomething, withoutHoles } from '../../src/figures/labels/label-quality.js';
import { wordsOf } from '../../src/figures/labels/phrases.js';
import { tagSentence } from '../../src/figures/tag-sentence.js';

/** The tokens of `phrase` as tagged inside `sentence`. */
function tokensOf(sentence: string, phrase: string): ReturnType<typeof tagSentence>['tokens'] {
  const at = sentence.indexOf(phrase);
  return tagSentence(sentence).tokens.filter((t) => t.start >= at && t.end <= at + phrase.length);
}

describe('namesAThing', () => {
  const cases: Array<[string, string, boolean]> = [
    ['Ukrainian forces captured 971 Russian soldiers.', 'Russian soldiers', true],
    ['He has earmarked £4 billion for tax cuts.', 'earmarked', false],
    ['Dibaba won in 14 minutes.', 'Dibaba won', false],
    ['An MP has had £600 stolen.', 'MP has had', false],
  ];
  it.each(cases)('%s: "%s" → %s', (sentence, phrase, expected) => {
    expect(namesAThing(tokensOf(sentence, phrase))).toBe(expected);
  });

  it('counts a synthetic head ("rise in") as a thing, and joining words alone as none', () => {
    expect(namesAThing(wordsOf('rise in'))).toBe(true);
    expect(namesAThing(wordsOf('expected in of'))).toBe(false);
    expect(namesAThing([])).toBe(false);
  });
});

describe('withoutHoles', () => {
  it.each([
    ['industrial robots to in 2007', 'industrial robots in 2007'],
    ['Swiss fall in in Asia', 'Swiss fall in Asia'],
    ['rise in', 'rise'],
    // A preposition with its phrase, and "to" before a verb, stay.
    ['jobs to go at Work and Pensions', 'jobs to go at Work and Pensions'],
    ['rise in Time Warner profit', 'rise in Time Warner profit'],
  ])('%s → %s', (label, expected) => {
    expect(withoutHoles(label)).toBe(expected);
  });
});

describe('saysSomething', () => {
  it('is false for the number again or a label without a word', () => {
    expect(saysSomething('$365m', '$365m')).toBe(false);
    expect(saysSomething('%', '$162bn')).toBe(false);
    expect(saysSomething('157,000', '133,000')).toBe(false);
    expect(saysSomething('net income', '$365m')).toBe(true);
  });
});
