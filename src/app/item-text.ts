/**
 * The plain text of a feed item: its full content when the feed carries it, else the article
 * page through a reader view — figures live in the body, not in a 200-character snippet.
 */
import type { FeedItem } from '../domain/types.js';
import type { Logger } from '../support/logger.js';
import { htmlToText, extractArticle } from '../pipeline/extract-text.js';
import { decodeBody } from '../pipeline/decode-body.js';
import { fetchUrl } from '../pipeline/fetch-url.js';
import type { FetchOptions } from './read-feed-source.js';

/** Below this many words a feed's text is a teaser, and the page is worth fetching. */
export const SNIPPET_WORDS = 120;

/**
 * Best available text of an item; falls back to the feed's text when the page fails.
 * @example await itemText(item, { fetchPages: true, fetch: config.fetch, logger })
 */
export async function itemText(
  item: FeedItem,
  opts: { fetchPages: boolean; fetch: FetchOptions; logger: Logger },
): Promise<string> {
  const fromFeed = htmlToText(item.contentHtml ?? item.snippet ?? '');
  if (!opts.fetchPages || !item.link || countWords(fromFeed) >= SNIPPET_WORDS) return fromFeed;
  try {
    const page = await fetchUrl(item.link, { ...opts.fetch, accept: 'text/html,application/xhtml+xml' });
    const article = extractArticle(decodeBody(page.body, page.contentType), page.url);
    if (article && countWords(article.text) > countWords(fromFeed)) return article.text;
  } catch (err) {
    opts.logger.debug({ link: item.link, err: (err as Error).message }, 'article page unavailable; using feed text');
  }
  return fromFeed;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
