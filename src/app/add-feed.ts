/**
 * Add a feed the way a person gives it: a feed URL, or a site's URL whose page advertises its
 * feed. The URL is checked (http/https; public addresses only unless allowed), fetched, the feed
 * discovered from <link rel="alternate"> when the answer is an HTML page, verified to parse, and
 * stored. Used by the CLI (operators: private addresses allowed) and the bot (users: refused).
 */
import type { Feed, ParsedFeed } from '../domain/types.js';
import { FetchError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import { fetchUrl } from '../net/fetch-url.js';
import { decodeBody } from '../feeds/decode-body.js';
import { parseFeed } from '../feeds/parse-feed.js';
import { discoverFeeds } from '../feeds/discover-feed.js';
import { publicOnly } from '../net/ssrf-guard.js';
import type { FetchOptions } from './read-feed-source.js';

/** Feed links on a page tried at most, in page order. */
const MAX_CANDIDATES = 3;

/**
 * Validate, discover, verify and store a feed; `created` is false when it was already there.
 * Throws FetchError: 'bad_url', 'blocked_address', 'not_a_feed' (with what the page offered), or the fetch's own codes.
 * @example const { feed, discoveredFrom } = await addFeed(store, 'https://example.com', { allowPrivate: false, fetch: config.fetch, logger })
 */
export async function addFeed(
  store: Store,
  input: string,
  /** `addedByChat`: a subscriber's feed, stored as theirs in the same transaction. */
  opts: { allowPrivate: boolean; fetch: FetchOptions; logger: Logger; addedByChat?: number },
): Promise<{ feed: Feed; created: boolean; discoveredFrom: string | null }> {
  const url = normalizeInput(input);
  const guard = opts.allowPrivate ? undefined : publicOnly();
  await guard?.assertPublicUrl(url);
  const existing = (await store.listFeeds()).find((f) => f.url === url);
  if (existing) return { feed: existing, created: false, discoveredFrom: null };

  const fetchOpts = { timeoutMs: opts.fetch.timeoutMs, maxBytes: opts.fetch.maxBytes, ...(guard ? { guard } : {}) };
  const page = await fetchUrl(url, fetchOpts);
  const text = decodeBody(page.body, page.contentType);
  const direct = await tryParse(text);
  if (direct.feed) return save(store, url, direct.feed, null, opts.addedByChat);

  const candidates = discoverFeeds(text, page.url).slice(0, MAX_CANDIDATES);
  if (candidates.length === 0) throw direct.error;
  const failures: string[] = [];
  for (const candidate of candidates) {
    try {
      const res = await fetchUrl(candidate, fetchOpts);
      const parsed = await parseFeed(decodeBody(res.body, res.contentType));
      opts.logger.info({ page: url, feed: candidate }, 'feed discovered');
      return save(store, candidate, parsed, url, opts.addedByChat);
    } catch (err) {
      if (err instanceof FetchError && err.code === 'blocked_address') throw err;
      failures.push(`${candidate}: ${(err as Error).message}`);
    }
  }
  throw new FetchError('not_a_feed', `add: ${url} is a page whose feed links do not work (${failures.join('; ')})`, { url });
}

/** "example.com/feed" → "https://example.com/feed"; anything but http(s) is refused. */
function normalizeInput(input: string): string {
  const trimmed = input.trim();
  // "host:8080/x" is a host and port, not a scheme.
  const withScheme = /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new FetchError('bad_url', `add: not a valid URL: "${input}"`, { url: input });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError('bad_url', `add: only http and https feeds can be added, not ${parsed.protocol} ("${input}")`, { url: input });
  }
  if (parsed.username || parsed.password) {
    throw new FetchError('bad_url', `add: URLs with a user name or password are not accepted ("${parsed.host}")`, { url: input });
  }
  parsed.hash = '';
  return parsed.href;
}

async function tryParse(text: string): Promise<{ feed: ParsedFeed; error?: never } | { feed?: never; error: Error }> {
  try {
    return { feed: await parseFeed(text) };
  } catch (err) {
    return { error: err as Error };
  }
}

async function save(store: Store, url: string, parsed: ParsedFeed, discoveredFrom: string | null, addedByChat?: number) {
  const { feed, created } = await store.addFeed(url, { title: parsed.title, siteUrl: parsed.link, addedByChat });
  return { feed, created, discoveredFrom };
}
