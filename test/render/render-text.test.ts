import { describe, it, expect } from 'vitest';
import { renderText } from '../../src/render/render-text.js';
import type { Digest } from '../../src/domain/types.js';

const digest: Digest = {
  date: '2026-11-24',
  createdAt: new Date('2026-11-24T08:00:00Z'),
  timezone: 'UTC',
  stories: [
    {
      number: 1,
      articleId: 1,
      title: 'Port strike ends <after> 12 days',
      link: 'https://news.example/port',
      source: 'Example News',
      publishedAt: new Date('2026-11-23T10:00:00Z'),
      summary: 'Dock workers ended a 12-day strike.',
      figures: [
        { text: '9%', value: 9, kind: 'percent', unit: '%', label: 'pay rise', sentence: 'They won a 9% pay rise.', start: 10, end: 12, approx: null },
        { text: 'two years', value: 2, kind: 'duration', unit: 'years', label: 'over', sentence: 'Over two years.', start: 5, end: 14, approx: null },
      ],
    },
  ],
};

describe('renderText', () => {
  it('lays out each story like the Telegram digest, number first, with no markup added', () => {
    expect(renderText(digest)).toBe(
      [
        'KeyFigures · 24 Nov 2026 — 1 story, 2 figures',
        '',
        '1. Port strike ends <after> 12 days',
        '   Example News · 23 Nov 2026',
        '   • 9% pay rise',
        '   • 2 years over',
        '   https://news.example/port',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing', () => {
    expect(renderText({ ...digest, stories: [] })).toContain('No new stories');
  });
});
