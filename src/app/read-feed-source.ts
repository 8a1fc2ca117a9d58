/**
 * Get a feed document's bytes from a URL or a local file. Files make the demo and one-shot
 * digests work offline; URLs go through the polite fetcher.
 */
import fs from 'node:fs/promises';
import { FetchError } from '../domain/errors.js';
import { fetchUrl } from '../pipeline/fetch-url.js';

/** Options for fetching a URL source. */
export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
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
): Promise<{ body: Buffer; contentType: string | null }> {
  if (isUrl(source)) {
    const res = await fetchUrl(source, { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes });
    return { body: res.body, contentType: res.contentType };
  }
  const file = source.startsWith('file://') ? new URL(source).pathname : source;
  try {
    const stat = await fs.stat(file);
    if (stat.size > opts.maxBytes) {
      throw new FetchError('too_large', `read: ${file} is ${stat.size} bytes, over the ${opts.maxBytes}-byte cap (FETCH_MAX_BYTES)`, { url: file });
    }
    return { body: await fs.readFile(file), contentType: null };
  } catch (err) {
    if (err instanceof FetchError) throw err;
    throw new FetchError('file_not_found', `read: cannot read ${file} (${(err as Error).message}) — give an http(s) URL or an existing file`, { url: file });
  }
}
