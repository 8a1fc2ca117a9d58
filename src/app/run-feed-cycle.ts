/**
 * One fetch cycle: every feed → parse → new items only → article text → figures → store.
 * This is where the pure pipeline meets HTTP and the database. A failing feed is recorded on
 * the feed and the cycle moves on.
 */
import type { Feed, FeedItem } from '../domain/types.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import { decodeBody } from '../pipeline/decode-body.js';
import { parseFeed } from '../pipeline/parse-feed.js';
import { itemKey } from '../pipeline/item-key.js';
import { summarizeArticle } from '../pipeline/summarize.js';
import { readFeedSource, isUrl, type FetchOptions } from './read-feed-source.js';
import { itemText } from './item-text.js';
import { mapLimit } from '../support/map-limit.js';

/** What a cycle needs from the outside world. */
export interface FeedCycleDeps {
  store: Store;
  logger: Logger;
  fetch: FetchOptions;
  topFigures: number;
  /** Fetch article pages when the feed carries only a snippet (off for offline runs). */
  fullText: boolean;
  now?: () => Date;
  /** Feeds fetched at once. */
  concurrency?: number;
}

/** Counts for one cycle, and the feeds that failed with their reason. */
export interface FeedCycleReport {
  feeds: number;
  failed: Array<{ url: string; error: string }>;
  newArticles: number;
  figures: number;
  ms: number;
}

/**
 * Fetch every feed in the store once and store the new articles with their figures.
 * @example const report = await runFeedCycle({ store, logger, fetch: config.fetch, topFigures: 5, fullText: true })
 */
export async function runFeedCycle(deps: FeedCycleDeps): Promise<FeedCycleReport> {
  const started = Date.now();
  const feeds = await deps.store.listFeeds();
  const report: FeedCycleReport = { feeds: feeds.length, failed: [], newArticles: 0, figures: 0, ms: 0 };
  await mapLimit(feeds, deps.concurrency ?? 4, async (feed) => {
    try {
      const { stored, figures } = await ingestFeed(feed, deps);
      report.newArticles += stored;
      report.figures += figures;
    } catch (err) {
      const message = (err as Error).message;
      report.failed.push({ url: feed.url, error: message });
      await deps.store.recordFeedError(feed.id, message, (deps.now?.() ?? new Date()).toISOString());
      deps.logger.warn({ feed: feed.url, err: message }, 'feed failed');
    }
  });
  report.ms = Date.now() - started;
  deps.logger.info(
    { feeds: report.feeds, failed: report.failed.length, newArticles: report.newArticles, figures: report.figures, ms: report.ms },
    'fetch cycle done',
  );
  return report;
}

/** Fetch and parse one feed, store its new items; throws on feed-level failure. */
async function ingestFeed(feed: Feed, deps: FeedCycleDeps): Promise<{ stored: number; figures: number }> {
  const now = () => (deps.now?.() ?? new Date()).toISOString();
  const { body, contentType } = await readFeedSource(feed.url, deps.fetch);
  const parsed = await parseFeed(decodeBody(body, contentType));
  const source = parsed.title ?? hostOf(feed.url);
  let stored = 0;
  let figures = 0;
  for (const item of parsed.items) {
    const key = itemKey(item, feed.url);
    if (await deps.store.hasArticle(key)) continue;
    const saved = await storeItem(item, key, feed, source, deps, now());
    if (saved) {
      stored++;
      figures += saved;
    }
  }
  await deps.store.recordFeedSuccess(feed.id, { title: parsed.title, at: now() });
  deps.logger.debug({ feed: feed.url, items: parsed.items.length, stored }, 'feed fetched');
  return { stored, figures };
}

/** Summarize one item and save it; returns its figure count, or null when it was a duplicate. */
async function storeItem(item: FeedItem, key: string, feed: Feed, source: string, deps: FeedCycleDeps, at: string) {
  const text = await itemText(item, {
    fetchPages: deps.fullText && isUrl(feed.url),
    fetch: deps.fetch,
    logger: deps.logger,
  });
  const summary = summarizeArticle({ title: item.title, text }, { topK: deps.topFigures });
  const saved = await deps.store.saveArticle({
    feedId: feed.id,
    key,
    link: item.link,
    title: item.title,
    source,
    publishedAt: item.publishedAt ? item.publishedAt.toISOString() : null,
    fetchedAt: at,
    text: summary.text,
    summary: summary.summary,
    figures: summary.figures,
  });
  return saved ? saved.figures.length : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.split('/').pop() ?? url;
  }
}
