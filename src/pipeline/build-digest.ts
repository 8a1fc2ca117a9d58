/**
 * Articles in, one ranked and numbered digest out. Pure: no clock, no store.
 */
import type { Article, Digest, Figure, Story } from '../domain/types.js';
import { normalizeLink } from './item-key.js';

/** Options of {@link buildDigest}. */
export interface BuildDigestOptions {
  /** Edition date in the digest timezone, YYYY-MM-DD. */
  date: string;
  timezone: string;
  /** ISO timestamp; passed in so the function stays pure. */
  createdAt: string;
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

/** Weight of an article: sum of its top figures' scores, a figure without a score counting 1. */
function weight(article: Article, figuresPerStory: number): number {
  return rankedFigures(article.figures)
    .slice(0, figuresPerStory)
    .reduce((sum, f) => sum + (f.score ?? 1), 0);
}

function time(article: Article): number {
  const t = Date.parse(article.publishedAt ?? article.fetchedAt);
  return Number.isNaN(t) ? -Infinity : t;
}

function positiveInt(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`buildDigest: ${name} must be a positive integer, got ${value}`);
  return value;
}

/**
 * The digest of `articles`: ranked by figure weight then recency, duplicates (same normalized
 * title or link) collapsed into the better-ranked one, numbered 1..N. Articles without figures
 * appear only when no article has any, since a thin digest beats none.
 * @example buildDigest(articles, { date: '2026-11-24', timezone: 'Europe/Kyiv', createdAt: new Date().toISOString() })
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

  // Walking in rank order means the first of each duplicate group is the one we keep.
  const seen = new Set<string>();
  const kept: Article[] = [];
  for (const article of ranked) {
    const keys = [`t:${normalizeTitle(article.title)}`];
    if (article.link) keys.push(`l:${storyLinkKey(article.link)}`);
    const duplicate = keys.some((k) => k !== 't:' && seen.has(k));
    keys.forEach((k) => seen.add(k));
    if (!duplicate) kept.push(article);
    if (kept.length === maxStories) break;
  }

  return {
    date: opts.date,
    createdAt: opts.createdAt,
    timezone: opts.timezone,
    stories: kept.map((article, i) => storyFromArticle(article, i + 1, figuresPerStory)),
  };
}
