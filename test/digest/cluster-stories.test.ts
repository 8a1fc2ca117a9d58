import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/types.js';
import { buildDigest } from '../../src/digest/build-digest.js';
import { candidatePairs, clusterStories, sameStory, storyWords, type ClusterOptions } from '../../src/digest/cluster-stories.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { renderTelegram } from '../../src/render/render-telegram.js';
import { renderText } from '../../src/render/render-text.js';
import { summarizeArticle } from '../../src/figures/summarize.js';

const OPTS = { date: '2026-11-24', timezone: 'UTC', createdAt: new Date('2026-11-24T06:00:00.000Z') };
let nextId = 1;

/** A synthetic article from one feed, summarized by the real pipeline. */
function article(source: string, title: string, text: string): Article {
  const id = nextId++;
  const s = summarizeArticle({ title, text });
  return {
    id, feedId: id, key: `k${id}`, link: `https://${source.toLowerCase().replace(/\W+/g, '')}.test/${id}`, title, source,
    publishedAt: new Date('2026-11-23T10:00:00Z'), fetchedAt: new Date('2026-11-23T11:00:00Z'), text, summary: s.summary, figures: s.figures,
  };
}

const wire = () => article('World Wire', 'Ukraine brings home 303 prisoners of war in final exchange phase',
  'Ukraine brought home 303 prisoners of war on Sunday in the final phase of a 1,000-for-1,000 exchange with Russia. The swap was agreed at talks in Turkey.');
const daily = () => article('Daily Post', 'Ukraine brings home 300 prisoners of war as exchange ends',
  'Ukraine brought home 300 prisoners of war in the last stage of the 1,000-for-1,000 exchange with Russia, officials said.');
const agency = () => article('Agency Press', 'Final phase of prisoner exchange: Ukraine brings home 303 prisoners of war',
  'Kyiv said 303 prisoners of war were brought home in the final phase of the exchange with Russia.');
const buses = () => article('City Desk', 'City votes to make buses free for under-18s',
  'Councillors voted 41 to 19 on Sunday to make city buses free for everyone under 18, a scheme expected to cost £9.5m a year.');
const flood = () => article('World Wire', 'Flood barrier holds as river peaks at 6.2 metres',
  'The river peaked at 6.2 metres on Tuesday and about 4,500 residents were evacuated from low-lying streets.');

describe('clusterStories', () => {
  const cases: Array<[string, () => Article[], number[]]> = [
    ['three sources of one story and two unrelated stories', () => [wire(), buses(), daily(), flood(), agency()], [3, 1, 1]],
    ['unrelated stories stay apart', () => [wire(), buses(), flood()], [1, 1, 1]],
    ['the same story twice from one feed is one cluster', () => [wire(), wire()], [2]],
    ['nothing in, nothing out', () => [], []],
  ];
  it.each(cases)('%s', (_name, make, sizes) => {
    expect(clusterStories(make()).map((c) => c.length)).toEqual(sizes);
  });

  it('keeps input order inside a cluster, so the first is the lead', () => {
    const [a, b] = [daily(), wire()];
    expect(clusterStories([a, b])[0]?.map((x) => x.id)).toEqual([a.id, b.id]);
  });
});

/** Clusters as comparing every pair finds them: the components of same title or sameStory. */
function everyPairClusters(articles: readonly Article[], opts: ClusterOptions): number[][] {
  const component = articles.map((_, i) => i);
  const root = (i: number): number => (component[i] === i ? i : root(component[i]!));
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const [a, b] = [articles[i]!, articles[j]!];
      if (a.title === b.title || sameStory(a, b, opts)) component[Math.max(root(i), root(j))] = Math.min(root(i), root(j));
    }
  }
  const groups = new Map<number, number[]>();
  articles.forEach((a, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), a.id]));
  return [...groups.values()];
}

describe('clusterStories at scale', () => {
  /** Titles and leads drawn from a small vocabulary (common words far more often), a few shared figures. */
  function crowd(n: number, seed: number): Article[] {
    let x = seed;
    const random = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
    const vocabulary = Array.from({ length: 60 }, (_, i) => `word${i}x`);
    const draw = (k: number) => Array.from({ length: k }, () => vocabulary[Math.floor(vocabulary.length * random() ** 2)]).join(' ');
    return Array.from({ length: n }, (_, i) => ({
      id: i + 1, feedId: 1, key: `c${i}`, link: null, title: draw(3 + Math.floor(random() * 4)), source: `S${i % 7}`,
      publishedAt: null, fetchedAt: new Date('2026-11-23T11:00:00Z'), text: '', summary: draw(Math.floor(random() * 8)),
      figures: random() < 0.5 ? [{ text: '300', value: 100 * (1 + Math.floor(random() * 3)), kind: 'count', unit: null, label: 'people', sentence: '', start: 0, end: 3, approx: null }] : [],
    }));
  }

  it.each<[string, ClusterOptions]>([
    ['default options', {}],
    ['a lower share', { threshold: 0.3, minShared: 2 }],
    ['a higher share and more words', { threshold: 0.8, minShared: 5 }],
  ])('finds the same clusters as comparing every pair (%s)', (_name, opts) => {
    const articles = crowd(250, 7);
    const clusters = clusterStories(articles, opts).map((c) => c.map((a) => a.id));
    expect(clusters).toEqual(everyPairClusters(articles, opts));
    expect(clusters.some((c) => c.length > 2)).toBe(true);
  });

  it('never pairs articles through common words alone', () => {
    // 3,000 articles that all mention "government" and otherwise nothing in common.
    const words = Array.from({ length: 3000 }, (_, i) => storyWords(`government ${Array.from({ length: 10 }, (_, k) => `w${i}k${k}`).join(' ')}`));
    expect(candidatePairs(words)).toEqual([]);
  });
});

describe('buildDigest across sources', () => {
  const digest = buildDigest([wire(), daily(), agency(), buses()], OPTS);
  const story = digest.stories.find((s) => s.sources !== undefined);

  // Which source leads is the ranker's call (its best-ranked article); these tests check what
  // follows from it, whichever it is.
  const lead = story?.source;
  const others = story?.sources?.map((s) => s.source).filter((s) => s !== lead) ?? [];

  it('makes one story of three sources and lists them, the lead first', () => {
    expect(digest.stories).toHaveLength(2);
    expect(story?.sources?.map((s) => s.source).sort()).toEqual(['Agency Press', 'Daily Post', 'World Wire']);
    expect(story?.sources?.[0]?.source).toBe(lead);
  });

  it('shows a figure the sources state differently as a conflict, the lead value first', () => {
    const [conflict] = story?.conflicts ?? [];
    expect(story?.conflicts).toHaveLength(1);
    expect(conflict!.values[0]!.source).toBe(lead);
    // 303 (World Wire, Agency Press) against 300 (Daily Post): both values, each source once.
    expect(new Set(conflict!.values.map((v) => v.text))).toEqual(new Set(['303', '300']));
    expect(conflict!.values.find((v) => v.text === '300')?.source).toBe('Daily Post');
  });

  it('gives a single-source story no sources or conflicts', () => {
    const single = digest.stories.find((s) => s.title.startsWith('City votes'));
    expect(single?.sources).toBeUndefined();
    expect(single?.conflicts).toBeUndefined();
  });

  it.each([
    ['Telegram', () => renderTelegram(digest).join('\n')],
    ['Markdown', () => renderMarkdown(digest)],
    ['text', () => renderText(digest)],
  ])('renders sources and the conflict in %s', (_name, render) => {
    const out = render();
    expect(out).toContain(`reported by 3 sources: ${[lead, ...others].join(', ')}`);
    expect(out).toMatch(/(303 vs 300|300 vs 303) prisoners of war brought home/);
  });
});
