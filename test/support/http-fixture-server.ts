/**
 * A real HTTP server on 127.0.0.1 (random port) whose routes a test sets, so fetch code is tested
 * against sockets, headers and timing rather than a mocked fetch.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** A hand-written route: full control over the response. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A declarative route; covers the common cases without writing a handler. */
export interface RouteSpec {
  /** Default 200. */
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Gzip the body and send Content-Encoding: gzip. */
  gzip?: boolean;
  /** Wait this long before sending anything. */
  delayMs?: number;
  /** Send the body in pieces of `chunkBytes`, `chunkDelayMs` apart, without Content-Length (chunked). */
  chunked?: { chunkBytes: number; chunkDelayMs?: number };
  /** Send an ETag; answer 304 when If-None-Match matches. */
  etag?: string;
  /** Send Last-Modified; answer 304 when If-Modified-Since equals it. */
  lastModified?: string;
  /** Answer with this status (default 302) and Location header. */
  redirect?: string;
  redirectStatus?: number;
}

/** One request the server saw, for assertions on what the client sent. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

/** A running fixture server. */
export interface FixtureServer {
  /** Base URL without trailing slash, e.g. "http://127.0.0.1:41234". */
  url: string;
  /** Set (or replace) what a path answers. Unknown paths answer 404. */
  route(path: string, handler: RouteHandler | RouteSpec): void;
  /** Requests received so far, oldest first. */
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * Start a server for one test file; close it in afterAll.
 * @example const srv = await startFixtureServer(); srv.route('/feed', { body: '<rss/>', etag: '"v1"' });
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, RouteHandler>();
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such route');
      return;
    }
    Promise.resolve(handler(req, res)).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route(path, handler) {
      routes.set(path, typeof handler === 'function' ? handler : fromSpec(handler));
    },
    close() {
      // Slow routes keep sockets open; drop them so close() does not wait for them.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A body of `bytes` ASCII bytes, for size-cap tests. */
export function bigBody(bytes: number): Buffer {
  return Buffer.alloc(bytes, 'a');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function fromSpec(spec: RouteSpec): RouteHandler {
  return async (req, res) => {
    if (spec.delayMs) await sleep(spec.delayMs);
    if (spec.redirect !== undefined) {
      res.writeHead(spec.redirectStatus ?? 302, { location: spec.redirect }).end();
      return;
    }
    const headers: Record<string, string> = { ...spec.headers };
    if (spec.etag) headers['etag'] = spec.etag;
    if (spec.lastModified) headers['last-modified'] = spec.lastModified;
    const etagHit = spec.etag !== undefined && req.headers['if-none-match'] === spec.etag;
    const dateHit = spec.lastModified !== undefined && req.headers['if-modified-since'] === spec.lastModified;
    if (etagHit || dateHit) {
      res.writeHead(304, headers).end();
      return;
    }
    let body = typeof spec.body === 'string' ? Buffer.from(spec.body) : (spec.body ?? Buffer.alloc(0));
    if (spec.gzip) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    if (!spec.chunked) {
      headers['content-length'] = String(body.length);
      res.writeHead(spec.status ?? 200, headers).end(body);
      return;
    }
    res.writeHead(spec.status ?? 200, headers);
    for (let i = 0; i < body.length && !res.destroyed; i += spec.chunked.chunkBytes) {
      res.write(body.subarray(i, i + spec.chunked.chunkBytes));
      if (spec.chunked.chunkDelayMs) await sleep(spec.chunked.chunkDelayMs);
    }
    res.end();
  };
}
