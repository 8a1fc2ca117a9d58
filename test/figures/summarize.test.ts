import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countWords, normalizesTo, summarizeArticle } from '../../src/figures/summarize.js';

// A synthetic story in the shape of a wire report: headline repeated as the first line, a byline
// with date, time and reading time, an approximate headline figure restated precisely in the body.
const TITLE = 'Coast guard rescued almost 600 migrants during winter operation, navy says';
const TEXT = `Coast guard rescued almost 600 migrants during winter operation, navy says

by Maria Lenz Feb. 3, 2025 7:45 AM 3 min read
Coast guard crews rescued 587 migrants during a months-long operation in the central Mediterranean, the Navy Command said on Feb. 2, calling the mission vital to a planned resettlement deal.

The statement came a day after Italy and Tunisia agreed a 500-for-500 transfer of detained fishermen at talks held in Rome on Jan. 28, the first direct negotiations between the two governments in four years.

According to the Navy Command, the 587 people were brought ashore between Nov. 4, 2024, and Jan. 31, 2025. The operation cost €12.5 million, about 40% more than planned.

"No one will be left behind at sea," the commander said in a statement. "This mission has proven to be one of the hardest of the decade."

Families in Sfax welcomed 45 fishermen who had been held in Lampedusa since the 2023 crackdown on unlicensed boats.

The transfer was carried out in two stages over two days and remains the only concrete result of the Rome talks.`;

describe('summarizeArticle on a synthetic wire story', () => {
  const summary = summarizeArticle({ title: TITLE, text: TEXT });
  const byText = (t: string) => summary.figures.find((f) => f.text === t);

  it('ranks the key figures, the precise 587 first', () => {
    const top = summary.figures.map((f) => f.text);
    expect(top[0]).toBe('587');
    expect(top).toEqual(expect.arrayContaining(['587', '€12.5 million', '500-for-500']));
    expect(top).not.toContain('almost 600');
  });

  it('labels each figure with words from its sentence', () => {
    expect(byText('587')?.label).toBe('migrants rescued by Coast guard crews');
    expect(byText('500-for-500')).toMatchObject({ kind: 'ratio', value: 500, valueMax: 500 });
    expect(byText('€12.5 million')).toMatchObject({ kind: 'money', unit: 'EUR', value: 12_500_000, label: 'operation cost' });
    const all = summarizeArticle({ title: TITLE, text: TEXT }, { topK: 10 }).figures;
    expect(all.find((f) => f.text === '45')?.label).toBe('fishermen who had been held in Lampedusa');
  });

  it('keeps the duration, below the rescued, the cost and the exchange', () => {
    const all = summarizeArticle({ title: TITLE, text: TEXT }, { topK: 10 }).figures.map((f) => f.text);
    expect(all).toContain('four years');
    for (const key of ['587', '€12.5 million', '500-for-500']) expect(all.indexOf(key)).toBeLessThan(all.indexOf('four years'));
  });

  it('has no dates, years, times or reading time among the figures', () => {
    const all = summarizeArticle({ title: TITLE, text: TEXT }, { topK: 50 }).figures.map((f) => f.text);
    for (const t of all) expect(t).not.toMatch(/Feb|Jan|Nov|2023|2024|2025|7:45|min read|^3$|^28$|^2$/);
    expect(all).not.toContain('almost 600');
  });

  it('points every figure into the text and carries its sentence', () => {
    for (const f of summary.figures) {
      expect(TEXT.slice(f.start, f.end)).toBe(f.text);
      expect(TEXT).toContain(f.sentence);
      expect(f.sentence).toContain(f.text);
    }
  });

  it('summarizes with the lead plus the most central sentence, within 280 characters', () => {
    expect(summary.summary.length).toBeLessThanOrEqual(280);
    expect(summary.summary.startsWith('Coast guard crews rescued 587 migrants')).toBe(true);
    expect(summary.title).toBe(TITLE);
    expect(summary.text).toBe(TEXT);
  });
});

describe('summarizeArticle: summary rules', () => {
  const cases: Array<[string, string, string]> = [
    ['one sentence when two would not fit', 'Shares fell sharply in early trading on Monday after the company warned that profits would miss forecasts by a wide margin this year. The chief executive said the group would cut 300 jobs across its European offices, most of them in sales, marketing and customer support roles in France and Spain.', 'Shares fell sharply in early trading on Monday after the company warned that profits would miss forecasts by a wide margin this year.'],
    ['skips the byline and a photo caption', 'by Jane Doe 2 min read\nWorkers at the port, seen on Monday, wait for news. (Jane Roe/Agency via Getty Images)\nThe port will close for three weeks from Friday, officials said.', 'The port will close for three weeks from Friday, officials said.'],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(summarizeArticle({ title: 'Port closes', text }).summary).toBe(expected);
  });

  it('cuts a single over-long sentence at a word, with an ellipsis', () => {
    const text = `${'The committee discussed a very long list of items '.repeat(8)}today.`;
    const { summary } = summarizeArticle({ title: '', text });
    expect(summary.length).toBeLessThanOrEqual(280);
    expect(summary.endsWith('…')).toBe(true);
    expect(text.startsWith(summary.slice(0, -1))).toBe(true);
  });

  it('copes with an empty article', () => {
    expect(summarizeArticle({ title: 'Nothing', text: '' })).toEqual({ title: 'Nothing', summary: 'Nothing', text: '', figures: [] });
  });
});

describe('normalizesTo', () => {
  // The reference: lower case, whitespace runs as one space, trimmed (what comparing with the headline means).
  const normal = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const text = fc.string({ unit: fc.constantFrom('a', 'B', 'c', ' ', '\t', '\n', 'é', 'İ', '\u00a0', '.'), maxLength: 12 });

  it('agrees with normalizing both sides and comparing, ASCII or not', () => {
    fc.assert(fc.property(text, text, (s, t) => normalizesTo(s, normal(t)) === (normal(s) === normal(t)) && normalizesTo(s, normal(s))), { numRuns: 500 });
  });

  it('treats case and spacing as equal, other words as different', () => {
    expect(normalizesTo('  Profits\t JUMP ', 'profits jump')).toBe(true);
    expect(normalizesTo('Profits jumped', 'profits jump')).toBe(false);
    expect(normalizesTo('Profits jump', 'profits  jump')).toBe(false);
  });
});

describe('countWords', () => {
  // The reference: how many words the regex the summary used before finds.
  const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
  const text = fc.string({ unit: fc.constantFrom('a', 'Z', '7', ' ', "'", '’', '-', 'é', 'İ', 'ß', '٣', '😀', '𝐀', '\ud800', '.', '\u00a0'), maxLength: 16 });

  it('counts what the word regex matches, up to the limit, any script or surrogate', () => {
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 6 }), (s, limit) => {
      const all = s.match(WORD)?.length ?? 0;
      return countWords(s) === all && countWords(s, limit) === Math.min(limit, all);
    }), { numRuns: 2000 });
  });

  it('counts words with apostrophes and hyphens as one', () => {
    expect(countWords("It's a well-known rise of 5% in May")).toBe(8);
    expect(countWords('one two three four', 2)).toBe(2);
  });
});
