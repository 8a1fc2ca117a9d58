/**
 * Get a feed document's bytes from a URL or a local file. Files make the demo and one-shot
 * digests work offline; URLs go through the polite fetcher (conditional GET when validators are given).
 */
import fs from 'node:fs/promises';
import { FetchError } from '../domain/errors.js';
import { fetchUrl } from '../net/fetch-url.js';
import type { PublicOnly } from '../net/ssrf-guard.js';

/** How feeds and pages are fetched (Config.fetch); the polling fields are read by the fetch cycle. */
export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Requests in flight at once overall. Default 16. */
  concurrency?: number;
  /** Requests in flight at once per host. Default 2. */
  perHost?: number;
  /** Bounds on a feed's polling interval, minutes. Defaults 15 and 1440. */
  minIntervalMinutes?: number;
  maxIntervalMinutes?: number;
  /** Items of one feed processed per fetch, newest first. Default 100. */
  maxItemsPerFeed?: number;
  /** Budget of one feed in a cycle, its document and article pages together, ms. Default 120 000. */
  feedBudgetMs?: number;
  /** Budget of a whole fetch cycle, ms; feeds not started by then wait for the next cycle. Default 600 000. */
  cycleBudgetMs?: number;
}

/** A feed source read: bytes and what the server said about them. `notModified`: a 304, no body. */
export interface FeedSourceResult {
  body: Buffer;
  contentType: string | null;
  notModified: boolean;
  etag: string | null;
  lastModified: string | null;
  /** Response headers, names lowercased (empty for files). */
  headers: Record<string, string>;
}

/** True when `source` is an http(s) URL rather than a file path. */
export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/**
 * Read a feed (URL or file path) into bytes plus the Content-Type the server gave, if any.
 * @example await readFeedSource('src/demo/feeds/world.xml', { timeoutMs: 15000, maxBytes: 5e6 })
 */
export async function readFeedSource(
  source: string,
  opts: FetchOptions,
  validators: { etag?: string | null; lastModified?: string | null; guard?: PublicOnly; signal?: AbortSignal } = {},
): Promise<FeedSourceResult> {
  if (isUrl(source)) {
    const res = await fetchUrl(source, { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, ...validators });
    return { body: res.body, contentType: res.contentType, notModified: res.notModified, etag: res.etag, lastModified: res.lastModified, headers: res.headers };
  }
  const file = source.startsWith('file://') ? new URL(source).pathname : source;
  try {
    const stat = await fs.stat(file);
    if (stat.size > opts.maxBytes) {
      throw new FetchError('too_large', `read: ${file} is ${stat.size} bytes, over the ${opts.maxBytes}-byte cap (FETCH_MAX_BYTES)`, { url: file });
    }
    return { body: await fs.readFile(file), contentType: null, notModified: false, etag: null, lastModified: null, headers: {} };
  } catch (err) {
    if (err instanceof FetchError) throw err;
    throw new FetchError('file_not_found', `read: cannot read ${file} (${(err as Error).message}) — give an http(s) URL or an existing file`, { url: file });
  }
}
