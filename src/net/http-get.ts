/**
 * One HTTP(S) GET on node:http, with the name lookup of the connection in the caller's hands:
 * the SSRF guard checks the address a connection is actually made to (not an earlier answer a
 * rebinding DNS server may change), and nothing is pooled, so every request resolves afresh and
 * a guarded request never reuses a socket an unguarded one opened. Bodies are decompressed
 * (gzip, deflate, br) as they stream; the caller caps their size.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';

/** A response whose body has not been read yet. */
export interface HttpResponse {
  status: number;
  statusText: string;
  /** Names lowercased; repeated headers joined with ", ". */
  headers: Headers;
  /** The decompressed body; destroy it to stop reading. */
  body: Readable;
}

/**
 * GET `url`; resolves once the status line and headers are in.
 * @example const res = await httpGet('https://example.com/feed', { headers: {}, signal, lookup });
 */
export function httpGet(url: string, opts: { headers: Record<string, string>; signal: AbortSignal; lookup?: LookupFunction }): Promise<HttpResponse> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(
      target,
      {
        headers: { 'accept-encoding': 'gzip, deflate, br', ...opts.headers },
        signal: opts.signal,
        agent: false,
        ...(opts.lookup ? { lookup: opts.lookup } : {}),
      },
      (res) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers.append(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const body = decoded(res, res.headers['content-encoding']);
        const stop = () => body.destroy(opts.signal.reason instanceof Error ? opts.signal.reason : new Error('aborted'));
        opts.signal.addEventListener('abort', stop, { once: true });
        body.once('close', () => opts.signal.removeEventListener('abort', stop));
        resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers, body });
      },
    );
    req.once('error', reject);
  });
}

/** The body with its content codings undone, last applied first; unknown codings are left as they are. */
function decoded(res: http.IncomingMessage, encoding: string | undefined): Readable {
  const codings = (encoding ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c && c !== 'identity').reverse();
  let stream: Readable = res;
  for (const coding of codings) {
    const inflate = coding === 'gzip' || coding === 'x-gzip' ? zlib.createGunzip() : coding === 'deflate' ? zlib.createInflate() : coding === 'br' ? zlib.createBrotliDecompress() : null;
    if (!inflate) break;
    stream = pipeline(stream, inflate, () => undefined);
  }
  return stream;
}
