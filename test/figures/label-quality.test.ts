import { describe, expect, it } from 'vitest';
import { badShape, namesAThing, saysSomething, withoutHoles } from '../../src/figures/labels/label-quality.js';
import { otherReadings } from '../../src/figures/labels/other-readings.js';
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

describe('badShape', () => {
  const cases: Array<[string, string, string, string | null]> = [
    ['Ukrainian forces captured 971 Russian soldiers.', 'Russian soldiers captured', '971', null],
    ['That translates into 5.3 million connections.', 'translates', '5.3 million', 'no-noun'],
    ['An MP has had £600 stolen.', 'MP has had', '£600', 'verb-after-name'],
    ['Chelsea could launch a £35m bid for Gerrard.', 'bid for Gerrard', '£35m', null],
    ['He said prices rose and the tax of 5% fell.', 'prices rose and', '5%', 'dangling'],
    ['A crowd of 1,375 watched.', '1,375', '1,375', 'no-words'],
    ['It cost about 40% more than planned.', 'more than planned', '40%', null],
    ['Britons held at Guantanamo Bay said 3 times.', 'Britons held at Guantanamo Bay', '3', 'names-only'],
  ];
  it.each(cases)('%s: "%s" → %s', (sentence, phrase, figure, expected) => {
    expect(badShape(tokensOf(sentence, phrase), figure)).toBe(expected);
  });

  it('lets a verb end a label when a counted noun comes before it ("jobs to go")', () => {
    expect(badShape(tokensOf('It wants 30,000 jobs to go.', 'jobs to go'), '30,000')).toBe(null);
  });
});

describe('otherReadings', () => {
  it('offers the noun phrase before the figure, with its prepositional phrase, and never a name alone', () => {
    const s = 'The attendance at Edgar Street was 1,375 for the Hereford game.';
    const toks = tagSentence(s).tokens;
    const f0 = toks.findIndex((t) => t.text === '1,375');
    const readings = otherReadings(toks, f0, f0).map((r) => r.map((t) => t.text).join(' '));
    expect(readings[0]).toBe('attendance at Edgar Street');
    expect(readings.every((r) => /attendance|game/.test(r))).toBe(true);
  });
});
