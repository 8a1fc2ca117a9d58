import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import sbd from 'sbd';
import { sbdLengths } from '../../src/figures/sbd-lengths.js';
import { splitSentences } from '../../src/figures/sentences.js';

describe('splitSentences', () => {
  const cases: Array<[string, string, string[]]> = [
    ['two plain sentences', 'Prices rose. Sales fell.', ['Prices rose.', 'Sales fell.']],
    ['abbreviations and decimals survive', 'Mr. Smith of the U.S. paid $4.5 million on Jan. 5 at 3 p.m. today. He left.', ['Mr. Smith of the U.S. paid $4.5 million on Jan. 5 at 3 p.m. today.', 'He left.']],
    ['quotes stay with their sentence', 'He said "Stop it." Then he left!', ['He said "Stop it."', 'Then he left!']],
    ['a headline without a full stop ends at the line break', 'Firm cuts 300 jobs\n\nThe firm said it would cut 300 jobs.', ['Firm cuts 300 jobs', 'The firm said it would cut 300 jobs.']],
    ['a byline on its own line', 'by Jane Doe May 26, 2025 8:59 AM 2 min read\nThe vote passed.', ['by Jane Doe May 26, 2025 8:59 AM 2 min read', 'The vote passed.']],
    ['irregular whitespace is kept inside, trimmed outside', '  Rates  rose\tby 2%.   Then   fell. ', ['Rates  rose\tby 2%.', 'Then   fell.']],
    ['CRLF line endings', 'Headline\r\nBody text here.\r\n', ['Headline', 'Body text here.']],
    ['empty text', '', []],
    ['only whitespace', ' \n\n \t', []],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    const got = splitSentences(input);
    expect(got.map((s) => s.text)).toEqual(expected);
    for (const s of got) expect(input.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps a line whole when its only full stop, ! or ? ends it, as sbd does', () => {
    // splitSentences skips sbd on such lines; this is the assumption, checked against sbd itself.
    const chunk = fc.constantFrom('Mr', 'U', 'S', ' ', '  ', '"', '”', 'é', '😀', '\u00a0', 'word', 'Jan', '4', ',', '$', '…', '(', ')');
    const end = fc.constantFrom('', '.', '!', '?', '. ', '."');
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 30 }), end, (parts, last) => {
        const line = parts.join('') + last;
        const pieces = sbd.sentences(line, { newline_boundaries: false, sanitize: false });
        expect(pieces.length).toBeLessThanOrEqual(1);
        const trimmed = line.trim();
        expect(splitSentences(line).map((s) => s.text)).toEqual(trimmed === '' ? [] : [trimmed]);
      }),
      { numRuns: 500 },
    );
  });

  it('cuts a line where sbd does: sbdLengths gives the non-space length of each of sbd\'s sentences', () => {
    const nonSpace = (s: string) => s.replace(/\s/g, '').length;
    const chunk = fc.constantFrom(
      'Mr.', 'U.S.', 'a.m.', 'p.m.', 'Monday', 'Smith', 'J.', 'A', 'word', 'Word', 'no', '12', '4.5', '4.', '1.', 'a.', 'iv.', 'Jan.', 'No.',
      'etc.', 'e.g.', 'i.e.', 'vs.', 'St.', 'Inc.', '.', '!', '?', '..', '...', '…', ',', '"', '”', "'", '``', '"Go."', 'Yes."', 'Why?"',
      '(', ')', '[a.', 'end.Next', 'end!next', 'what?Now', '.Net', '@~@', 'www.bbc.co.uk', 'x@y.com', '555-123-4567', '0x1F', '1e3',
      'Infinity', '$', '-', 'é', '😀', '\u00a0', '\u2003',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(chunk, fc.string({ maxLength: 4 })), { maxLength: 30 }), fc.constantFrom(' ', ''), (parts, glue) => {
        const line = parts.join(glue).replace(/\n/g, ' ');
        expect(sbdLengths(line)).toEqual(sbd.sentences(line, { newline_boundaries: false, sanitize: false }).map(nonSpace));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the offset invariant on any text', () => {
    const chunk = fc.constantFrom('Mr.', 'U.S.', ' ', '  ', '\n', '\n\n', '.', '!', '?', '"', 'é', '😀', '\u00a0', '\u2003', 'word', 'Jan.', '4.5', '$', '…');
    fc.assert(
      fc.property(fc.array(fc.oneof(chunk, fc.string()), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        let last = 0;
        for (const s of splitSentences(text)) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          last = s.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
