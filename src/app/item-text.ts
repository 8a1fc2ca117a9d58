/**
 * The plain text of a feed item: its full content when the feed carries it, else the article
 * page through a reader view — figures live in the body, not in a 200-character snippet.
 * Page fetches go through the cycle's limiter (same timeouts, caps and concurrency) and a
 * per-URL cache, so two items (or two feeds) linking the same page cost one request.
 */
import type { FeedItem } from '../domain/types.js';
import { FetchError } from '../domain/errors.js';
import type { Logger } from '../support/logger.js';
import { htmlToText, extractArticle } from '../feeds/extract-text.js';
import { decodeBody } from '../feeds/decode-body.js';
import { fetchUrl } from '../net/fetch-url.js';
import { normalizeLink } from '../feeds/item-key.js';
import type { FetchOptions } from './read-feed-source.js';
import type { FetchLimiter } from './fetch-limiter.js';
import type { PublicOnly } from '../net/ssrf-guard.js';

/** Below this many words a feed's text is a teaser, and the page is worth fetching. */
export const SNIPPET_WORDS = 120;

/**
 * Article text per page URL (null: no article there); one per cycle. Keyed by whether the fetch
 * was guarded too: a page an unguarded fetch read must never answer a guarded one.
 */
export type PageCache = Map<string, Promise<string | null>>;

/**
 * Best available text of an item; falls back to the feed's text when the page fails.
 * @example await itemText(item, { fetchPages: true, fetch: config.fetch, logger, cache: new Map() })
 */
export async function itemText(
  item: FeedItem,
  opts: {
    fetchPages: boolean;
    fetch: FetchOptions;
    logger: Logger;
    cache?: PageCache;
    limiter?: FetchLimiter;
    /** The SSRF guard for the page fetch. */
    guard?: PublicOnly;
    /** Called when the guard refused the page (the item keeps the feed's text). */
    onPageRefused?: (link: string) => void;
    /** The feed's budget: when it aborts, pages not read yet are given up (the feed's text stays). */
    signal?: AbortSignal;
  },
): Promise<string> {
  const fromFeed = htmlToText(item.contentHtml ?? item.snippet ?? '');
  if (!opts.fetchPages || !item.link || countWords(fromFeed) >= SNIPPET_WORDS) return fromFeed;
  const link = item.link;
  const key = `${opts.guard ? 'public-only' : 'any-address'} ${normalizeLink(link)}`;
  let page = opts.cache?.get(key);
  if (opts.signal?.aborted) return fromFeed;
  if (!page) {
    page = readPage(link, opts);
    opts.cache?.set(key, page);
  }
  const article = await page;
  return article && countWords(article) > countWords(fromFeed) ? article : fromFeed;
}

async function readPage(
  link: string,
  opts: { fetch: FetchOptions; logger: Logger; limiter?: FetchLimiter; guard?: PublicOnly; onPageRefused?: (link: string) => void; signal?: AbortSignal },
): Promise<string | null> {
  const get = () =>
    fetchUrl(link, { timeoutMs: opts.fetch.timeoutMs, maxBytes: opts.fetch.maxBytes, accept: 'text/html,application/xhtml+xml', ...(opts.guard ? { guard: opts.guard } : {}), ...(opts.signal ? { signal: opts.signal } : {}) });
  try {
    const page = await (opts.limiter ? opts.limiter.run(link, get) : get());
    return extractArticle(decodeBody(page.body, page.contentType), page.url)?.text ?? null;
  } catch (err) {
    if (err instanceof FetchError && err.code === 'blocked_address') opts.onPageRefused?.(link);
    opts.logger.debug({ link, err: (err as Error).message }, 'article page unavailable; using feed text');
    return null;
  }
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
