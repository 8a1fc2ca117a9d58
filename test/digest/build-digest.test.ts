import { describe, expect, it } from 'vitest';
import type { Article, Figure } from '../../src/domain/types.js';
import { buildDigest, keyProbability, storyLinkKey, normalizeTitle, storyFromArticle } from '../../src/digest/build-digest.js';
import { summarizeArticle } from '../../src/figures/summarize.js';

const OPTS = { date: '2026-11-24', timezone: 'Europe/Kyiv', createdAt: new Date('2026-11-24T06:00:00.000Z') };

function figure(text: string, score?: number): Figure {
  return {
    text, value: Number.parseFloat(text.replace(/,/g, '')) || 0, kind: 'count', unit: null, label: `label of ${text}`,
    sentence: `Sentence with ${text}.`, start: 0, end: text.length, approx: null, ...(score !== undefined ? { score } : {}),
  };
}

let nextId = 1;
function article(title: string, figures: Figure[], extra: Partial<Article> = {}): Article {
  const id = nextId++;
  return {
    id, feedId: 1, key: `k${id}`, link: `https://news.test/${id}`, title, source: 'News Test',
    publishedAt: new Date('2026-11-23T10:00:00Z'), fetchedAt: new Date('2026-11-23T11:00:00Z'), text: '', summary: `Summary ${id}.`, figures, ...extra,
  };
}

const titles = (articles: Article[], opts = {}) => buildDigest(articles, { ...OPTS, ...opts }).stories.map((s) => s.title);

describe('buildDigest ranking', () => {
  it.each([
    {
      name: 'more figures first when unscored',
      articles: () => [article('two', [figure('1'), figure('2')]), article('three', [figure('1'), figure('2'), figure('3')])],
      expected: ['three', 'two'],
    },
    {
      // Scores are log-odds that a figure is key: two likely key figures (p 0.88) outweigh three unlikely ones (p 0.12).
      name: 'likely key figures beat more figures',
      articles: () => [article('many unlikely', [figure('1', -2), figure('2', -2), figure('3', -2)]), article('two likely', [figure('8', 2), figure('9', 2)])],
      expected: ['two likely', 'many unlikely'],
    },
    {
      // A weak figure is still a chance of one more key figure: it never makes its story weigh less than the story without it.
      name: 'an unlikely figure never counts against its story',
      articles: () => [article('strong alone', [figure('9', 2)]), article('strong and weak', [figure('9', 2), figure('1', -3)])],
      expected: ['strong and weak', 'strong alone'],
    },
    {
      name: 'newer first on equal weight',
      articles: () => [
        article('old', [figure('1')], { publishedAt: new Date('2026-11-20T00:00:00Z') }),
        article('new', [figure('1')], { publishedAt: new Date('2026-11-23T00:00:00Z') }),
        article('undated uses fetch time', [figure('1')], { publishedAt: null, fetchedAt: new Date('2026-11-22T00:00:00Z') }),
      ],
      expected: ['new', 'undated uses fetch time', 'old'],
    },
    {
      name: 'figure-less articles dropped when others have figures',
      articles: () => [article('empty', [], { publishedAt: new Date('2026-11-24T00:00:00Z') }), article('full', [figure('1')])],
      expected: ['full'],
    },
    {
      name: 'figure-less articles kept, newest first, when nothing has figures',
      articles: () => [article('older', [], { publishedAt: new Date('2026-11-20T00:00:00Z') }), article('newer', [], { publishedAt: new Date('2026-11-21T00:00:00Z') })],
      expected: ['newer', 'older'],
    },
    {
      name: 'only the top figuresPerStory count towards weight',
      articles: () => [article('six small', Array.from({ length: 6 }, (_, i) => figure(String(i + 1), 1))), article('five bigger', Array.from({ length: 5 }, (_, i) => figure(String(i + 1), 1.1)))],
      expected: ['five bigger', 'six small'],
    },
  ])('$name', ({ articles, expected }) => {
    expect(titles(articles())).toEqual(expected);
  });
});

describe('buildDigest with the ranker’s scores', () => {
  const summarized = (title: string, text: string, publishedAt: string): Article =>
    article(title, summarizeArticle({ title, text }).figures, { publishedAt: new Date(publishedAt) });

  it('leads with the story whose figures are likely key, not the one that merely has numbers, even when older', () => {
    const fees = summarized('Council approves 12% rise in parking fees',
      'The council approved a 12% rise in parking fees on Tuesday, which will raise £3.4m a year. About 8,000 permit holders will pay £45 more.', '2026-11-22T08:00:00Z');
    const library = summarized('Mayor opens the new library',
      'The mayor opened the new library on Saturday, two weeks late, after three short speeches and a ribbon cut by two pupils aged 10.', '2026-11-23T08:00:00Z');
    expect(fees.figures.length).toBeGreaterThan(0);
    expect(library.figures.length).toBeGreaterThan(0);
    expect(buildDigest([library, fees], OPTS).stories.map((s) => s.title)).toEqual([fees.title, library.title]);
  });

  it('reads a score as log-odds: a probability between 0 and 1, one half when a figure has none', () => {
    expect(keyProbability({ score: 0 })).toBe(0.5);
    expect(keyProbability({})).toBe(0.5);
    expect(keyProbability({ score: 3 })).toBeCloseTo(0.953, 3);
    expect(keyProbability({ score: -40 })).toBeGreaterThan(0);
  });
});

describe('buildDigest duplicates', () => {
  it.each([
    ['same title, different case and punctuation', { title: 'Ukraine: 971 soldiers captured!' }, { title: 'ukraine 971 soldiers captured' }],
    ['same link with tracking and fragment', { link: 'https://www.news.test/a/?utm_source=x#top' }, { link: 'https://news.test/a' }],
    ['accents ignored', { title: 'Café prices rise' }, { title: 'Cafe prices rise' }],
  ])('%s collapse into the better-ranked story', (_name, a, b) => {
    const strong = article('A title', [figure('1'), figure('2')], a);
    const weak = article('Another title', [figure('3')], b);
    const digest = buildDigest([weak, strong], OPTS);
    expect(digest.stories.map((s) => s.articleId)).toEqual([strong.id]);
  });

  it('collapses chains (A~B by title, B~C by link) to one story', () => {
    const a = article('Same title', [figure('1'), figure('2'), figure('3')], { link: 'https://news.test/a' });
    const b = article('Same title', [figure('1'), figure('2')], { link: 'https://news.test/b' });
    const c = article('Other title', [figure('1')], { link: 'https://news.test/b' });
    expect(buildDigest([c, b, a], OPTS).stories.map((s) => s.articleId)).toEqual([a.id]);
  });

  it('does not treat empty titles or missing links as duplicates', () => {
    const digest = buildDigest([article('', [figure('1')], { link: null }), article('', [figure('2')], { link: null })], OPTS);
    expect(digest.stories).toHaveLength(2);
  });
});

describe('buildDigest shape', () => {
  it('numbers stories 1..N, caps stories and figures, copies article fields', () => {
    const articles = Array.from({ length: 15 }, (_, i) => article(`Story ${i}`, Array.from({ length: 8 }, (_, j) => figure(String(j + 1), j)), { publishedAt: new Date(`2026-11-${String(10 + i)}T00:00:00Z`) }));
    const digest = buildDigest(articles, { ...OPTS, maxStories: 12, figuresPerStory: 3 });
    expect(digest).toMatchObject({ date: OPTS.date, timezone: OPTS.timezone, createdAt: OPTS.createdAt });
    expect(digest.stories.map((s) => s.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const first = digest.stories[0]!;
    const source = articles[14]!;
    expect(first).toMatchObject({ articleId: source.id, title: source.title, link: source.link, source: source.source, publishedAt: source.publishedAt, summary: source.summary });
    // best-scored figures first
    expect(first.figures.map((f) => f.text)).toEqual(['8', '7', '6']);
  });

  it('defaults to 10 stories of 5 figures', () => {
    const articles = Array.from({ length: 12 }, (_, i) => article(`S${i}`, Array.from({ length: 7 }, (_, j) => figure(String(j)))));
    const digest = buildDigest(articles, OPTS);
    expect(digest.stories).toHaveLength(10);
    expect(digest.stories.every((s) => s.figures.length === 5)).toBe(true);
  });

  it('an empty input gives an empty digest; bad limits are refused', () => {
    expect(buildDigest([], OPTS).stories).toEqual([]);
    expect(() => buildDigest([], { ...OPTS, maxStories: 0 })).toThrow(RangeError);
    expect(() => buildDigest([], { ...OPTS, figuresPerStory: 1.5 })).toThrow(/figuresPerStory/);
  });

  it('is pure: input articles are not mutated', () => {
    const articles = [article('x', [figure('1', 1), figure('2', 2)])];
    const before = structuredClone(articles);
    buildDigest(articles, OPTS);
    expect(articles).toEqual(before);
  });

  it('storyFromArticle keeps every figure, ranked', () => {
    const a = article('x', Array.from({ length: 9 }, (_, j) => figure(String(j), j)));
    expect(storyFromArticle(a, 4)).toMatchObject({ number: 4, articleId: a.id });
    expect(storyFromArticle(a, 4).figures.map((f) => f.text)).toEqual(['8', '7', '6', '5', '4', '3', '2', '1', '0']);
  });
});

describe('normalizers', () => {
  it.each([
    ['  Ukraine — 971 Soldiers! ', 'ukraine 971 soldiers'],
    ['Réunion', 'reunion'],
    ['“Quoted”', 'quoted'],
  ])('normalizeTitle(%j) → %j', (input, expected) => expect(normalizeTitle(input)).toBe(expected));

  it.each([
    ['https://WWW.News.test/a/?utm_medium=rss&id=3#x', 'news.test/a?id=3'],
    ['not a url ', 'not a url'],
  ])('storyLinkKey(%j) → %j', (input, expected) => expect(storyLinkKey(input)).toBe(expected));
});
