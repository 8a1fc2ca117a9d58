/** markedSentences: each sentence once, every figure marked where it stands. */
import { describe, it, expect } from 'vitest';
import { markedSentences } from '../../src/figures/marked-sentences.js';
import { articleFigures } from '../../src/figures/summarize.js';
import type { Figure } from '../../src/domain/types.js';

const bold = (s: { text: string; marks: Array<{ start: number; end: number }> }) => {
  let out = '';
  let at = 0;
  for (const m of s.marks) {
    out += `${s.text.slice(at, m.start)}[${s.text.slice(m.start, m.end)}]`;
    at = m.end;
  }
  return out + s.text.slice(at);
};

describe('markedSentences', () => {
  it('gives a sentence with several figures once, all of them marked, the best figure’s sentence first', () => {
    const text = 'The port counted traffic on Monday. Every day 1,350 lorries, 4,200 cars and 310 buses cross. Tolls rose 4% in 2025.';
    const { ranked, mentions } = articleFigures({ title: 'Bridge carries 4,200 cars a day', text });
    const sentences = markedSentences([...ranked, ...mentions], text);
    expect(sentences.map(bold).sort()).toEqual(['Every day [1,350] lorries, [4,200] cars and [310] buses cross.', 'Tolls rose [4%] in 2025.']);
    expect(sentences[0]!.text).toBe(ranked[0]!.sentence);
  });

  it('marks the right one of two equal numbers by offset; without the text, the first; joins overlapping marks', () => {
    const text = 'Of 10 boats, 10 sank. The 1,000-for-1,000 swap ended.';
    const second: Figure = { text: '10', value: 10, kind: 'count', unit: null, label: 'sank', sentence: 'Of 10 boats, 10 sank.', start: 13, end: 15, approx: null };
    const swap: Figure = { ...second, text: '1,000-for-1,000', sentence: 'The 1,000-for-1,000 swap ended.', start: 26, end: 41 };
    const inner: Figure = { ...swap, text: '1,000', start: 36, end: 41 };
    expect(markedSentences([second, swap, inner], text).map(bold)).toEqual(['Of 10 boats, [10] sank.', 'The [1,000-for-1,000] swap ended.']);
    expect(markedSentences([second], '').map(bold)).toEqual(['Of [10] boats, 10 sank.']);
  });

  it('never loses a figure its sentence does not spell the same way', () => {
    const odd: Figure = { text: '5 million', value: 5e6, kind: 'count', unit: null, label: 'people', sentence: 'Five million people voted.', start: 0, end: 9, approx: null };
    expect(markedSentences([odd], '')).toEqual([{ text: 'Five million people voted.', marks: [], unplaced: ['5 million'] }]);
  });
});
