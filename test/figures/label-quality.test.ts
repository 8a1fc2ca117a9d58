import { describe, expect, it } from 'vitest';
import { namesAThing } from '../../src/figures/labels/label-quality.js';
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
