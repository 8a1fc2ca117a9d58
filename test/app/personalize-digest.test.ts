/** personalizeDigest: feeds and topics (whole words, any case, accents ignored, never a regex). */
import { describe, it, expect } from 'vitest';
import { personalizeDigest, mentions, normalizeForMatch } from '../../src/app/personalize-digest.js';
import type { Digest, Story } from '../../src/domain/types.js';

const story = (n: number, title: string, feedId: number, extra: Partial<Story> = {}): Story => ({
  number: n, articleId: n, feedId, title, link: null, source: 'S', publishedAt: null, summary: '', figures: [], ...extra,
});
const digest: Digest = {
  date: '2026-11-24', createdAt: new Date(''), timezone: 'UTC',
  stories: [
    story(1, 'Ukraine captured 971 soldiers', 1),
    story(2, 'Football: Dynamo win 3-0', 2),
    story(3, 'Central bank holds interest rates', 1, { figures: [{ text: '5%', value: 5, kind: 'percent', unit: '%', label: 'rate', sentence: 'Rates stay at 5% in Kyiv.', start: 0, end: 2, approx: null }] }),
    story(4, 'Ukrainian grain exports', 2),
  ],
};
const titles = (d: Digest) => d.stories.map((s) => `${s.number}:${s.title.split(' ')[0]}`);

describe('personalizeDigest', () => {
  it.each([
    [{ feedIds: null, include: [], exclude: [] }, ['1:Ukraine', '2:Football:', '3:Central', '4:Ukrainian']],
    [{ feedIds: [2], include: [], exclude: [] }, ['1:Football:', '2:Ukrainian']],
    [{ feedIds: null, include: ['UKRAINE'], exclude: [] }, ['1:Ukraine']], // whole word: not "Ukrainian"
    [{ feedIds: null, include: ['interest rates'], exclude: [] }, ['1:Central']],
    [{ feedIds: null, include: ['kyiv'], exclude: [] }, ['1:Central']], // figure sentences count
    [{ feedIds: null, include: [], exclude: ['football'] }, ['1:Ukraine', '2:Central', '3:Ukrainian']],
    [{ feedIds: [1], include: ['ukraine', 'rates'], exclude: ['bank'] }, ['1:Ukraine']],
    [{ feedIds: [], include: [], exclude: [] }, []],
    [{ feedIds: null, include: ['(a+)+$'], exclude: [] }, []], // a regex-looking topic is only its plain words (here "a"), never a pattern
  ])('%j', (prefs, expected) => {
    expect(titles(personalizeDigest(digest, prefs))).toEqual(expected);
  });

  it('matches accents and case-insensitively, as whole words', () => {
    const text = normalizeForMatch('Zürich café: 10 Prozent');
    expect(mentions(text, 'zurich')).toBe(true);
    expect(mentions(text, 'CAFÉ')).toBe(true);
    expect(mentions(text, 'caf')).toBe(false);
    expect(mentions(text, '')).toBe(false);
  });
});
