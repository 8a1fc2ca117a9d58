/**
 * The one place the pipeline talks HTTP. Every outcome other than a usable body becomes a
 * FetchError with a code the feed cycle can branch on and a message that says what went wrong.
 */
import { STATUS_CODES } from 'node:http';
import { FetchError } from '../domain/errors.js';
import { httpGet, type HttpResponse } from './http-get.js';
import { CANT_USE, RefusedAddressError, type PublicOnly } from './ssrf-guard.js';

/** Options of {@link fetchUrl}; all optional. */
export interface FetchOptions {
  /** Budget for the whole exchange, redirects and body included. Default 15 000 ms. */
  timeoutMs?: number;
  /** Largest body accepted, after decompression. Default 5 MiB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  userAgent?: string;
  /** Validator from the previous fetch; sent as If-None-Match. */
  etag?: string | null;
  /** Validator from the previous fetch; sent as If-Modified-Since. */
  lastModified?: string | null;
  accept?: string;
  /** Cancels the fetch (e.g. on shutdown); reported as a 'network' error. */
  signal?: AbortSignal;
  /**
   * The SSRF guard (`publicOnly()`): every URL is checked before it is requested, redirects
   * included, and every connection's resolved address before it is made. Its failures say only
   * "this address can't be used" (no resolver or socket text: no DNS or port oracle).
   */
  guard?: PublicOnly;
}

/** What a successful fetch returns. `notModified` means a 304: `body` is empty, keep the old copy. */
export interface FetchResult {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  body: Buffer;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Response headers, names lowercased. */
  headers: Record<string, string>;
}

const DEFAULTS = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'KeyFigures/0.1 (+https://github.com/keyfigures; feed digest bot)',
  accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1',
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * GET a URL with redirects, conditional headers, a size cap and an overall timeout.
 * @example const r = await fetchUrl('https://example.com/feed.xml', { etag: prev.etag }); if (r.notModified) return;
 */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxBytes = opts.maxBytes ?? DEFAULTS.maxBytes;
  const maxRedirects = opts.maxRedirects ?? DEFAULTS.maxRedirects;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  const headers = requestHeaders(opts);
  let current = checkUrl(url, url);
  try {
    for (let hops = 0; ; hops++) {
      await opts.guard?.assertPublicUrl(current);
      const res = await httpGet(current, { headers, signal, ...(opts.guard ? { lookup: opts.guard.connectLookup } : {}) });
      const location = res.headers.get('location');
      if (REDIRECT_STATUSES.has(res.status) && location) {
        res.body.destroy();
        if (hops >= maxRedirects) {
          throw new FetchError('too_many_redirects', `fetch: more than ${maxRedirects} redirects (stopped at ${current})`, { url, status: res.status });
        }
        current = checkUrl(new URL(location, current).href, url, 'bad_redirect');
        continue;
      }
      return await readResponse(res, current, url, maxBytes);
    }
  } catch (err) {
    throw toFetchError(err, url, timeout.aborted ? timeoutMs : null, opts.guard !== undefined);
  }
}

function requestHeaders(opts: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent ?? DEFAULTS.userAgent,
    accept: opts.accept ?? DEFAULTS.accept,
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  return headers;
}

/** Only http(s): fetch would also accept data: and blob:, which a feed URL must never be. */
function checkUrl(candidate: string, original: string, code: 'bad_url' | 'bad_redirect' = 'bad_url'): string {
  let parsed: URL;
  const hop = code === 'bad_redirect' ? 'redirected to ' : '';
  try {
    parsed = new URL(candidate);
  } catch {
    throw new FetchError(code, `fetch: ${hop}not a valid URL: "${candidate}"`, { url: original });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError(code, `fetch: ${hop}${parsed.protocol} — only http and https URLs can be fetched ("${candidate}")`, { url: original });
  }
  return parsed.href;
}

async function readResponse(res: HttpResponse, finalUrl: string, url: string, maxBytes: number): Promise<FetchResult> {
  const base = {
    url: finalUrl,
    status: res.status,
    contentType: res.headers.get('content-type'),
    etag: res.headers.get('etag'),
    lastModified: res.headers.get('last-modified'),
    headers: Object.fromEntries(res.headers),
  };
  if (res.status === 304) {
    res.body.destroy();
    return { ...base, notModified: true, body: Buffer.alloc(0) };
  }
  if (res.status < 200 || res.status > 299) {
    res.body.destroy();
    const text = res.statusText || STATUS_CODES[res.status] || 'unexpected status';
    throw new FetchError('http_status', `fetch: ${res.status} ${text}`, { url, status: res.status, retryAfter: res.headers.get('retry-after') });
  }
  const declared = Number(res.headers.get('content-length'));
  // Content-Length counts encoded bytes, so it is a lower bound on what we would store.
  if (declared > maxBytes) {
    res.body.destroy();
    throw tooLarge(url, maxBytes, `Content-Length says ${declared} bytes`);
  }
  return { ...base, notModified: false, body: await readCapped(res, url, maxBytes) };
}

/** Read the (decompressed) body, stopping as soon as it passes maxBytes: a chunked response can be endless. */
async function readCapped(res: HttpResponse, url: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      res.body.destroy();
      throw tooLarge(url, maxBytes, `more than ${maxBytes} bytes received`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(url: string, maxBytes: number, detail: string): FetchError {
  return new FetchError('too_large', `fetch: body larger than the ${maxBytes}-byte limit (${detail})`, { url });
}

function toFetchError(err: unknown, url: string, timedOutAfterMs: number | null, guarded: boolean): FetchError {
  if (err instanceof FetchError) return err;
  if (timedOutAfterMs !== null) {
    return new FetchError('timeout', `fetch: no complete response within ${timedOutAfterMs} ms`, { url });
  }
  if (err instanceof RefusedAddressError) return new FetchError('blocked_address', CANT_USE, { url });
  const code = (err as { code?: unknown }).code;
  if (guarded) {
    // Resolver and socket text would tell a user which internal names exist and which ports answer.
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return new FetchError('network', CANT_USE, { url });
    return new FetchError('network', 'fetch: the server could not be reached', { url });
  }
  const reason = err instanceof Error ? err.message : String(err);
  return new FetchError('network', `fetch: ${reason}`, { url });
}
