import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Digest, Figure, FigureKind, Story } from '../../src/domain/types.js';
import { renderStoryTelegram, renderTelegram } from '../../src/render/render-telegram.js';

// ---- fixtures: our own text, shaped like the seed story and a business story ----

/** A figure pointing into `text`, offsets computed so the traceability invariant holds. */
function fig(text: string, needle: string, kind: FigureKind, value: number, label: string, extra: Partial<Figure> = {}): Figure {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: ${needle} not in text`);
  const sentence = text.split(/(?<=\.)\s+/).find((s) => s.includes(needle)) ?? text;
  return { text: needle, value, kind, unit: null, label, sentence, start, end: start + needle.length, approx: null, ...extra };
}

const KURSK_TEXT = [
  'Ukrainian forces took 971 Russian soldiers prisoner in Kursk Oblast between 6 August 2024 and 25 May 2025, the General Staff said.',
  'The final phase of the swap brought 303 prisoners of war home.',
  'The 1,000-for-1,000 exchange was agreed at talks in Turkey on 16 May.',
  'Among those returned, 70 had defended Mariupol during the 2022 siege.',
  'The talks were the first direct negotiations in three years.',
].join(' ');

const kursk: Story = {
  number: 1,
  articleId: 101,
  title: 'Ukraine captured almost 1,000 Russian soldiers during Kursk offensive',
  link: 'https://news.example/ukraine-kursk-prisoners?ref=rss&lang=en',
  source: 'Example Independent',
  publishedAt: new Date('2025-05-26T07:15:00Z'),
  summary: 'Ukraine says it captured 971 Russian soldiers in Kursk Oblast; 303 came home in the last phase of a 1,000-for-1,000 exchange.',
  figures: [
    fig(KURSK_TEXT, '971', 'count', 971, 'Russian soldiers captured in Kursk Oblast'),
    fig(KURSK_TEXT, '303', 'count', 303, 'prisoners of war brought home in the final phase'),
    fig(KURSK_TEXT, '1,000-for-1,000', 'ratio', 1000, 'prisoner exchange agreed at talks in Turkey'),
    fig(KURSK_TEXT, '70', 'count', 70, 'returnees had defended Mariupol in 2022'),
    fig(KURSK_TEXT, 'three years', 'duration', 3, 'since the last direct negotiations', { unit: 'years' }),
  ],
};

const BIZ_TEXT = 'Acme & Sons said revenue rose 12% to $4.5bn. The <Widget> unit lost about £300m. Margins narrowed 1.5 percentage points.';
const business: Story = {
  number: 2,
  articleId: 102,
  title: 'Acme & Sons revenue rises 12% as <Widget> unit loses "about" £300m',
  link: 'https://biz.example/acme?x=1&y="2"',
  source: 'Biz <Daily>',
  publishedAt: new Date('2025-05-26T18:00:00Z'),
  summary: 'Acme & Sons grew revenue 12% to $4.5bn despite losses at <Widget>.',
  figures: [
    fig(BIZ_TEXT, '$4.5bn', 'money', 4.5e9, 'revenue', { unit: 'USD' }),
    fig(BIZ_TEXT, '12%', 'percent', 12, 'revenue growth', { unit: '%' }),
    fig(BIZ_TEXT, 'about £300m', 'money', 3e8, 'lost by the <Widget> unit', { unit: 'GBP', approx: 'about' }),
    fig(BIZ_TEXT, '1.5 percentage points', 'percent', 1.5, 'margin narrowing', { unit: 'pp' }),
  ],
};

const digestOf = (stories: Story[]): Digest => ({ date: '2025-05-26', createdAt: new Date('2025-05-26T20:00:00.000Z'), timezone: 'Europe/Kyiv', stories });

// ---- a small checker: only Telegram's tags, balanced, and no raw `<`, `>` or bare `&` ----

const TAG = /<(\/?)(b|i|a)(?: href="[^"<>]*")?>/g;
function wellFormedProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  for (const m of html.matchAll(TAG)) {
    const [, closing, name = ''] = m;
    if (!closing) {
      if (stack.length > 0) problems.push(`nested <${name}> in <${stack.at(-1)}>`);
      stack.push(name);
    } else if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(',')}`);
  const text = html.replace(TAG, '');
  if (/[<>]/.test(text)) problems.push('raw < or > outside a tag');
  if (/&(?!(?:amp|lt|gt|quot);)/.test(text)) problems.push('bare &');
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(html)) problems.push('lone surrogate');
  return problems;
}

function expectValidParts(parts: string[], max = 4096): void {
  expect(parts.length).toBeGreaterThan(0);
  for (const part of parts) {
    expect(part.length).toBeLessThanOrEqual(max);
    expect(part.trim()).not.toBe('');
    expect(wellFormedProblems(part)).toEqual([]);
  }
}

const storyNumbers = (part: string) => [...part.matchAll(/^<b>(\d+)\. /gm)].map((m) => Number(m[1]));

// ---- tests ----

describe('renderTelegram layout', () => {
  it('renders the seed layout for a Kursk-style story', () => {
    const [message, ...rest] = renderTelegram(digestOf([kursk]));
    expect(rest).toEqual([]);
    expect(message).toBe([
      '<b>KeyFigures · 26 May 2025</b>',
      '1 story · 5 figures',
      '',
      '<b>1. Ukraine captured almost 1,000 Russian soldiers during Kursk offensive</b>',
      '<i>Example Independent · 26 May 2025</i>',
      '• <b>971</b> Russian soldiers captured in Kursk Oblast',
      '• <b>303</b> prisoners of war brought home in the final phase',
      '• <b>1,000-for-1,000</b> prisoner exchange agreed at talks in Turkey',
      '• <b>70</b> returnees had defended Mariupol in 2022',
      '• <b>3 years</b> since the last direct negotiations',
      '<a href="https://news.example/ukraine-kursk-prisoners?ref=rss&amp;lang=en">source</a> · /story_1',
    ].join('\n'));
  });

  it('escapes every piece of feed text in a business story', () => {
    const [message = ''] = renderTelegram(digestOf([kursk, business]), { heading: 'Morning <digest> & more' });
    expect(message).toContain('<b>Morning &lt;digest&gt; &amp; more</b>\n2 stories · 9 figures');
    expect(message).toContain('<b>2. Acme &amp; Sons revenue rises 12% as &lt;Widget&gt; unit loses &quot;about&quot; £300m</b>');
    expect(message).toContain('<i>Biz &lt;Daily&gt; · 26 May 2025</i>');
    expect(message).toContain('• <b>about £300m</b> lost by the &lt;Widget&gt; unit');
    expect(message).toContain('<a href="https://biz.example/acme?x=1&amp;y=%222%22">source</a> · /story_2');
    expectValidParts([message]);
  });

  it('shows non-http links as plain text and no link at all when absent', () => {
    const [message = ''] = renderTelegram(digestOf([{ ...kursk, link: 'javascript:alert("x")' }, { ...business, link: null }]));
    expect(message).not.toContain('<a ');
    expect(message).toContain('javascript:alert(&quot;x&quot;) · /story_1');
    expect(message).toContain('\n/story_2');
  });

  it('renders one friendly message for an empty digest', () => {
    expect(renderTelegram(digestOf([]))).toEqual(['<b>KeyFigures · 26 May 2025</b>\nNo new stories with figures since the last digest.']);
  });

  it('refuses a maxLength too small to hold anything', () => {
    expect(() => renderTelegram(digestOf([kursk]), { maxLength: 5 })).toThrow(RangeError);
  });
});

const HOSTILE_TITLES = [
  '<script>alert("x")</script>',
  'Tom & Jerry &amp; &lt;friends&gt;',
  '<b>unclosed <i>tags <a href="http://evil">',
  '"quoted" \'single\'',
  'x'.repeat(5000),
  '🇺🇦'.repeat(2000) + ' flags',
  '&'.repeat(3000),
  'שלום עולם — مرحبا بالعالم 1,000 ‏RTL‏ mark',
  'line\nbreaks\r\nand\ttabs\u0000nul',
  'lone \uD83D surrogate',
];

describe('renderTelegram with hostile feed text', () => {
  it.each(HOSTILE_TITLES.map((t) => [`${JSON.stringify(t.slice(0, 40))} (${t.length} units)`, t]))('%s', (_name, title) => {
    const hostile: Story = { ...kursk, number: 2, title, source: title, summary: title, figures: kursk.figures.map((f) => ({ ...f, label: title, text: title.slice(0, 4000) })) };
    for (const parts of [renderTelegram(digestOf([kursk, hostile, { ...business, number: 3 }])), renderStoryTelegram(hostile)]) {
      expectValidParts(parts);
      expect(parts.join('\n')).not.toMatch(/<script|<b>unclosed/);
    }
  });

  it('truncates a 5,000-character title with … and keeps numbering stable', () => {
    const parts = renderTelegram(digestOf([kursk, { ...business, title: 'Y'.repeat(5000) }, { ...kursk, number: 3 }]));
    expectValidParts(parts);
    expect(parts.flatMap(storyNumbers)).toEqual([1, 2, 3]);
    expect(parts.join('\n')).toMatch(/<b>2\. Y+…<\/b>/);
    expect(parts.join('\n')).toContain('/story_3');
  });

  it('splits a 60-story digest only at story boundaries, numbering 1..60 in order', () => {
    const stories = Array.from({ length: 60 }, (_, i) => ({ ...(i % 2 ? business : kursk), number: i + 1 }));
    const parts = renderTelegram(digestOf(stories));
    expect(parts.length).toBeGreaterThan(3);
    expectValidParts(parts);
    expect(parts.flatMap(storyNumbers)).toEqual(stories.map((s) => s.number));
    expect(parts[0]).toMatch(/^<b>KeyFigures · 26 May 2025<\/b>\n60 stories · 270 figures\n\n<b>1\. /);
    parts.forEach((part, i) => {
      if (i > 0) expect(part).toMatch(/^<b>\d+\. /);
      expect(part).toMatch(/ · \/story_\d+$/);
    });
  });

  it('splits a story longer than a message at its lines', () => {
    const many: Story = { ...kursk, figures: Array.from({ length: 60 }, (_, i) => ({ ...kursk.figures[0]!, label: `label number ${i} ${'z'.repeat(50)}` })) };
    const parts = renderTelegram(digestOf([many]), { maxLength: 1000 });
    expect(parts.length).toBeGreaterThan(2);
    expectValidParts(parts, 1000);
    expect(parts.join('\n').match(/^• /gm)).toHaveLength(60);
  });
});

describe('renderStoryTelegram', () => {
  it('shows the summary, each sentence once with all its figures in bold, and the link', () => {
    const [message, ...rest] = renderStoryTelegram(business, { timezone: 'UTC' });
    expect(rest).toEqual([]);
    expect(message).toBe([
      '<b>2. Acme &amp; Sons revenue rises 12% as &lt;Widget&gt; unit loses &quot;about&quot; £300m</b>',
      '<i>Biz &lt;Daily&gt; · 26 May 2025</i>',
      '',
      'Acme &amp; Sons grew revenue 12% to $4.5bn despite losses at &lt;Widget&gt;.',
      '',
      '• Acme &amp; Sons said revenue rose <b>12%</b> to <b>$4.5bn</b>.',
      '',
      '• The &lt;Widget&gt; unit lost <b>about £300m</b>.',
      '',
      '• Margins narrowed <b>1.5 percentage points</b>.',
      '',
      '<a href="https://biz.example/acme?x=1&amp;y=%222%22">source</a>',
    ].join('\n'));
  });

  it('lists every source of a story several feeds reported, each linked (unsafe links as text)', () => {
    const sources = [
      { source: 'Biz <Daily>', link: business.link, articleId: 102 },
      { source: 'Wire & Co', link: 'https://wire.example/a?b=1&c=2', articleId: 103 },
      { source: 'Old Post', link: 'javascript:alert(1)', articleId: 104 },
    ];
    const [message] = renderStoryTelegram({ ...business, sources }, { timezone: 'UTC' });
    expect(message!.split('\n').slice(-4)).toEqual([
      '<i>Sources (3):</i>',
      '• <a href="https://biz.example/acme?x=1&amp;y=%222%22">Biz &lt;Daily&gt;</a>',
      '• <a href="https://wire.example/a?b=1&amp;c=2">Wire &amp; Co</a>',
      '• Old Post · javascript:alert(1)',
    ]);
  });

  it('splits a long story between sentences, every sentence whole and once', () => {
    const sentences = Array.from({ length: 80 }, (_, i) => ({ text: `Sentence ${i} counted ${i * 7} boats & <oars>.`, marks: [{ start: 9 + String(i).length + 9, end: 9 + String(i).length + 9 + String(i * 7).length }], unplaced: [] }));
    const parts = renderStoryTelegram(kursk, { maxLength: 1000, sentences });
    expect(parts.length).toBeGreaterThan(2);
    expectValidParts(parts, 1000);
    const lines = parts.join('\n').split('\n').filter((l) => l.startsWith('• Sentence'));
    expect(lines).toEqual(sentences.map((_, i) => `• Sentence ${i} counted <b>${i * 7}</b> boats &amp; &lt;oars&gt;.`));
  });
});

describe('renderTelegram properties', () => {
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: fc.constantFrom('<', '>', '&', '"', 'b', 'i', '/', ' ', 'a', '=', ';', '\n', '🇺🇦', 'ש', '\uD800'), maxLength: 2000 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
  const figureArb = fc.record({ text, label: text, sentence: text, value: fc.double({ noNaN: true }) }).map(
    (r): Figure => ({ ...r, kind: 'count', unit: null, start: 0, end: 0, approx: null }),
  );
  const storyArb = fc.record({ title: text, source: text, summary: text, link: fc.oneof(fc.constant(null), fc.webUrl(), text), figures: fc.array(figureArb, { maxLength: 8 }) });

  it('every part fits, is balanced and carries no raw markup from feed text', () => {
    fc.assert(
      fc.property(fc.array(storyArb, { maxLength: 12 }), fc.integer({ min: 16, max: 4096 }), (raw, maxLength) => {
        const stories: Story[] = raw.map((s, i) => ({ ...s, number: i + 1, articleId: i, publishedAt: null }));
        const parts = renderTelegram(digestOf(stories), { maxLength });
        for (const part of parts) {
          expect(part.length).toBeLessThanOrEqual(maxLength);
          expect(wellFormedProblems(part)).toEqual([]);
        }
        if (maxLength >= 200) expect(parts.flatMap(storyNumbers)).toEqual(stories.map((s) => s.number));
        for (const story of stories.slice(0, 2)) {
          for (const part of renderStoryTelegram(story, { maxLength })) {
            expect(part.length).toBeLessThanOrEqual(maxLength);
            expect(wellFormedProblems(part)).toEqual([]);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
