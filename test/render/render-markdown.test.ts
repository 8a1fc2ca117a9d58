import { describe, expect, it } from 'vitest';
import type { Digest, Figure, Story } from '../../src/domain/types.js';
import { digestToJson, escapeMarkdown, renderMarkdown } from '../../src/render/render-markdown.js';

const TEXT = 'Acme said revenue rose 12% to $4.5bn. The [beta] *Widget* unit lost about £300m.';

function fig(needle: string, extra: Partial<Figure>): Figure {
  const start = TEXT.indexOf(needle);
  const sentence = TEXT.split(/(?<=\.)\s+/).find((s) => s.includes(needle)) ?? TEXT;
  return { text: needle, value: 0, kind: 'money', unit: null, label: '', sentence, start, end: start + needle.length, approx: null, ...extra };
}

const business: Story = {
  number: 1,
  articleId: 7,
  title: 'Acme_Corp [Q3] revenue *jumps* 12% to $4.5bn/$5bn <guidance>',
  link: 'https://biz.example/acme_(q3)',
  source: 'Biz `Daily`',
  publishedAt: new Date('2025-05-26T07:00:00Z'),
  summary: '# Not a heading: Acme grew revenue 12% to $4.5bn.',
  figures: [
    fig('$4.5bn', { value: 4.5e9, unit: 'USD', label: 'revenue', score: 0.9 }),
    fig('12%', { value: 12, kind: 'percent', unit: '%', label: 'revenue growth' }),
    fig('about £300m', { value: 3e8, unit: 'GBP', label: 'lost by the [beta] *Widget* unit', approx: 'about', valueMax: 3.5e8 }),
  ],
};
const durations: Story = {
  number: 2, articleId: null, title: 'Talks resume after three years', link: 'javascript:alert(1)', source: 'Wire', publishedAt: null,
  summary: '', figures: [{ text: 'three years', value: 3, kind: 'duration', unit: 'years', label: 'since the last talks', sentence: 'It is the first round in three years.', start: 24, end: 35, approx: null }],
};
const digest: Digest = { date: '2025-05-26', timezone: 'Europe/Kyiv', createdAt: new Date('2025-05-26T05:00:00.000Z'), stories: [business, durations] };

describe('renderMarkdown', () => {
  const md = renderMarkdown(digest);

  it('starts with YAML front matter carrying date, timezone, created and counts', () => {
    expect(md.startsWith(['---', 'date: "2025-05-26"', 'timezone: "Europe/Kyiv"', 'created: "2025-05-26T05:00:00.000Z"', 'stories: 2', 'figures: 4', '---', '', '# KeyFigures · 26 May 2025', ''].join('\n'))).toBe(true);
  });

  it.each([
    ['linked, escaped story heading', '## 1. [Acme\\_Corp \\[Q3\\] revenue \\*jumps\\* 12% to \\$4.5bn/\\$5bn \\<guidance\\>](https://biz.example/acme_%28q3%29)'],
    ['source · date in italics', '*Biz \\`Daily\\` · 26 May 2025*'],
    ['a figure bullet with footnote', '- **\\$4.5bn** — revenue[^1-1]'],
    ['the approx qualifier and an escaped label', '- **about £300m** — lost by the \\[beta\\] \\*Widget\\* unit[^1-3]'],
    ['the summary, with its leading # defused', '\\# Not a heading: Acme grew revenue 12% to \\$4.5bn.'],
    ['each source sentence as a footnote', '[^1-3]: The \\[beta\\] \\*Widget\\* unit lost about £300m.'],
    ['number words shown as digits', '- **3 years** — since the last talks[^2-1]'],
    ['an unsafe link left as plain title', '## 2. Talks resume after three years\n\n*Wire*'],
  ])('%s', (_name, expected) => {
    expect(md).toContain(expected);
  });

  it('never emits the unsafe link, and ends with one newline', () => {
    expect(md).not.toContain('javascript:');
    expect(md.endsWith('.\n')).toBe(true);
  });

  it('says so when the digest is empty', () => {
    expect(renderMarkdown({ ...digest, stories: [] })).toContain('stories: 0\nfigures: 0\n---\n\n# KeyFigures · 26 May 2025\n\n_No new stories');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['plain words 12%', 'plain words 12%'],
    ['a_b*c`d[e]f', 'a\\_b\\*c\\`d\\[e\\]f'],
    ['<script>', '\\<script\\>'],
    ['# heading', '\\# heading'],
    ['> quote', '\\> quote'],
    ['- item', '\\- item'],
    ['1. item', '1\\. item'],
    ['2025. A year', '2025\\. A year'],
    ['A&amp;B & C', 'A\\&amp;B & C'],
    ['$5 and $6', '\\$5 and \\$6'],
    ['a | b ~~c~~', 'a \\| b \\~\\~c\\~\\~'],
    ['back\\slash', 'back\\\\slash'],
    ['multi\nline', 'multi line'],
  ])('%j → %j', (input, expected) => expect(escapeMarkdown(input)).toBe(expected));
});

describe('digestToJson', () => {
  it('is pretty JSON with every figure field and round-trips the digest, times as ISO text', () => {
    const json = digestToJson(digest);
    expect(json).toContain('\n  "date": "2025-05-26",');
    const isoTimes = { ...digest, createdAt: digest.createdAt.toISOString(), stories: digest.stories.map((s) => ({ ...s, publishedAt: s.publishedAt?.toISOString() ?? null })) };
    expect(JSON.parse(json)).toEqual(isoTimes);
    const figure = (JSON.parse(json) as Digest).stories[0]!.figures[2]!;
    expect(Object.keys(figure)).toEqual(['text', 'value', 'valueMax', 'kind', 'unit', 'label', 'sentence', 'start', 'end', 'approx']);
  });

  it('drops properties outside the model', () => {
    const extra = { ...digest, secret: 'x' } as Digest;
    expect(digestToJson(extra)).not.toContain('secret');
  });
});
