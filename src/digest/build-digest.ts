/**
 * Articles in, one ranked and numbered digest out. Pure: no clock, no store.
 */
import type { Article, Digest, Figure, Story } from '../domain/types.js';
import { clusterStories, figureConflicts } from './cluster-stories.js';
import { normalizeLink } from '../feeds/item-key.js';

/** Options of {@link buildDigest}. */
export interface BuildDigestOptions {
  /** Edition date in the digest timezone, YYYY-MM-DD. */
  date: string;
  timezone: string;
  /** Passed in so the function stays pure. */
  createdAt: Date;
  /** At most this many stories (default 10). */
  maxStories?: number;
  /** At most this many figures per story (default 5). */
  figuresPerStory?: number;
}

/**
 * The article's figures, best first: by `score` when ranking set one (stable, so the extractor's
 * order breaks ties), else in the order given.
 */
export function rankedFigures(figures: readonly Figure[]): Figure[] {
  return figures
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (b.f.score ?? -Infinity) - (a.f.score ?? -Infinity) || a.i - b.i)
    .map(({ f }) => f);
}

/**
 * One article as story `number` with all its figures ranked — what `/story N` shows.
 * @example storyFromArticle(article, 1).articleId === article.id
 */
export function storyFromArticle(article: Article, number: number, figuresPerStory = Infinity): Story {
  return {
    number,
    articleId: article.id,
    feedId: article.feedId,
    title: article.title,
    link: article.link,
    source: article.source,
    publishedAt: article.publishedAt,
    summary: article.summary,
    figures: rankedFigures(article.figures).slice(0, figuresPerStory),
  };
}

/** Title identity for duplicate detection: case, accents, punctuation and spacing ignored. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A link as a story identity: the canonical link (see item-key) without scheme or "www.".
 * @example storyLinkKey('https://WWW.News.test/a/?utm_medium=rss&id=3#x') // "news.test/a?id=3"
 */
export function storyLinkKey(link: string): string {
  return normalizeLink(link).replace(/^https?:\/\/(www\.)?/i, '');
}

/**
 * Weight of an article: how many of its shown figures are likely key — the sum, over its top figures, of the ranker's
 * probability that each is key (a figure's `score` is calibrated log-odds, see train-ranker `calibrate`). A
 * probability keeps its meaning when the ranker is refitted, where a sum of raw scores would follow each fit's scale
 * (and let a negative score make a figure count against its story). A figure without a score counts one half: known
 * to be a figure, not known to be key.
 */
function weight(article: Article, figuresPerStory: number): number {
  return rankedFigures(article.figures)
    .slice(0, figuresPerStory)
    .reduce((sum, f) => sum + keyProbability(f), 0);
}

/**
 * The ranker's probability that a figure is key: the logistic of its score; one half when it has none.
 * @example keyProbability({ score: 0 }) // 0.5
 */
export function keyProbability(f: Pick<Figure, 'score'>): number {
  return f.score === undefined ? 0.5 : 1 / (1 + Math.exp(-f.score));
}

function time(article: Article): number {
  const t = (article.publishedAt ?? article.fetchedAt).getTime();
  return Number.isNaN(t) ? -Infinity : t;
}

function positiveInt(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`buildDigest: ${name} must be a positive integer, got ${value}`);
  return value;
}

/**
 * The digest of `articles`: ranked by figure weight then recency, duplicates (same normalized
 * title or link) and the same story from other feeds (see cluster-stories) collapsed into the
 * better-ranked one, which lists every source and any figure they disagree on; numbered 1..N. Articles without figures
 * appear only when no article has any, since a thin digest beats none.
 * @example buildDigest(articles, { date: '2026-11-24', timezone: 'Europe/Kyiv', createdAt: new Date() })
 */
export function buildDigest(articles: readonly Article[], opts: BuildDigestOptions): Digest {
  const maxStories = positiveInt(opts.maxStories, 10, 'maxStories');
  const figuresPerStory = positiveInt(opts.figuresPerStory, 5, 'figuresPerStory');

  const withFigures = articles.filter((a) => a.figures.length > 0);
  const pool = withFigures.length > 0 ? withFigures : [...articles];
  const ranked = pool
    .map((article) => ({ article, weight: weight(article, figuresPerStory), time: time(article) }))
    .sort((a, b) => b.weight - a.weight || b.time - a.time || a.article.id - b.article.id)
    .map(({ article }) => article);

  // Clusters keep rank order, so each one's first article is its best-ranked: the lead. Exact
  // duplicates (same normalized title or link) and the same story from other feeds join it.
  // A story several sources carry weighs a little more than its lead alone.
  const clusters = clusterStories(ranked)
    .map((members, order) => ({ members, order, weight: weight(members[0] as Article, figuresPerStory) + 0.5 * (distinctSources(members).length - 1) }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .slice(0, maxStories);

  return {
    date: opts.date,
    createdAt: opts.createdAt,
    timezone: opts.timezone,
    stories: clusters.map(({ members }, i) => storyFromCluster(members, i + 1, figuresPerStory)),
  };
}

/** One article per source name, in cluster order. */
function distinctSources(members: readonly Article[]): Article[] {
  const seen = new Set<string>();
  return members.filter((a) => !seen.has(a.source) && seen.add(a.source));
}

/**
 * A cluster of articles as one story: the lead's title, summary and figures, every source when
 * more than one reported it, and the figures they state differently.
 * @example storyFromCluster([reuters, ap, bbc], 1).sources?.length // 3
 */
export function storyFromCluster(members: readonly Article[], number: number, figuresPerStory = Infinity): Story {
  const lead = members[0];
  if (lead === undefined) throw new RangeError('storyFromCluster: empty cluster');
  const story = storyFromArticle(lead, number, figuresPerStory);
  const sources = distinctSources(members);
  if (sources.length < 2) return story;
  story.sources = sources.map((a) => ({ source: a.source, link: a.link, articleId: a.id }));
  const conflicts = figureConflicts(lead, story.figures, members);
  if (conflicts.length > 0) story.conflicts = conflicts;
  return story;
}
