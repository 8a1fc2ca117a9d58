import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/domain/errors.js';
import { fetchUrl } from '../../src/net/fetch-url.js';
import { publicOnly, type PublicOnly } from '../../src/net/ssrf-guard.js';
import { bigBody, startFixtureServer, type FixtureServer } from '../support/http-fixture-server.js';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>';

let srv: FixtureServer;
beforeAll(async () => {
  srv = await startFixtureServer();
});
afterAll(() => srv.close());

/** The FetchError a promise rejects with (fails the test if it resolves or throws anything else). */
async function failure(p: Promise<unknown>): Promise<FetchError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

describe('fetchUrl', () => {
  it('returns body, headers and validators on 200', async () => {
    srv.route('/ok', { body: RSS, headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'x-extra': 'yes' }, etag: '"v1"', lastModified: 'Tue, 10 Mar 2026 10:00:00 GMT' });
    const r = await fetchUrl(`${srv.url}/ok`, { userAgent: 'KF-test' });
    expect(r).toMatchObject({ url: `${srv.url}/ok`, status: 200, notModified: false, contentType: 'application/rss+xml; charset=utf-8', etag: '"v1"', lastModified: 'Tue, 10 Mar 2026 10:00:00 GMT' });
    expect(r.body.toString()).toBe(RSS);
    expect(r.headers['x-extra']).toBe('yes');
    expect(srv.requests.at(-1)?.headers['user-agent']).toBe('KF-test');
  });

  it('sends If-None-Match and reports 304 as notModified with an empty body', async () => {
    srv.route('/etag', { body: RSS, etag: '"abc"' });
    const r = await fetchUrl(`${srv.url}/etag`, { etag: '"abc"' });
    expect(r).toMatchObject({ status: 304, notModified: true, etag: '"abc"' });
    expect(r.body.length).toBe(0);
    expect(srv.requests.at(-1)?.headers['if-none-match']).toBe('"abc"');
  });

  it('sends If-Modified-Since and reports 304 as notModified', async () => {
    const lm = 'Wed, 11 Mar 2026 08:00:00 GMT';
    srv.route('/lm', { body: RSS, lastModified: lm });
    expect((await fetchUrl(`${srv.url}/lm`)).notModified).toBe(false);
    const r = await fetchUrl(`${srv.url}/lm`, { lastModified: lm });
    expect(r).toMatchObject({ status: 304, notModified: true, lastModified: lm });
    expect(srv.requests.at(-1)?.headers['if-modified-since']).toBe(lm);
  });

  it('follows a relative redirect and reports the final URL', async () => {
    srv.route('/old/feed', { redirect: '../new/feed', redirectStatus: 301 });
    srv.route('/new/feed', { body: RSS });
    const r = await fetchUrl(`${srv.url}/old/feed`);
    expect(r.url).toBe(`${srv.url}/new/feed`);
    expect(r.body.toString()).toBe(RSS);
  });

  it('follows a chain of 5 redirects and refuses a 6th', async () => {
    for (let i = 0; i < 6; i++) srv.route(`/hop${i}`, { redirect: `/hop${i + 1}`, redirectStatus: i % 2 ? 307 : 302 });
    srv.route('/hop6', { body: RSS });
    const ok = await fetchUrl(`${srv.url}/hop1`);
    expect(ok.url).toBe(`${srv.url}/hop6`);
    const err = await failure(fetchUrl(`${srv.url}/hop0`));
    expect(err.code).toBe('too_many_redirects');
    expect(err.message).toMatch(/more than 5 redirects/);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    srv.route('/to-file', { redirect: 'file:///etc/passwd' });
    expect((await failure(fetchUrl(`${srv.url}/to-file`))).code).toBe('bad_redirect'); // the feed's fault, not the input's
  });

  it('rejects a declared Content-Length above maxBytes before reading', async () => {
    srv.route('/big', { body: bigBody(2000) });
    const err = await failure(fetchUrl(`${srv.url}/big`, { maxBytes: 1000 }));
    expect(err.code).toBe('too_large');
    expect(err.message).toMatch(/Content-Length says 2000 bytes/);
  });

  it('stops a chunked body once it passes maxBytes', async () => {
    srv.route('/endless', { body: bigBody(64 * 1024), chunked: { chunkBytes: 4096 } });
    const err = await failure(fetchUrl(`${srv.url}/endless`, { maxBytes: 10_000 }));
    expect(err.code).toBe('too_large');
    expect(err.message).toMatch(/10000-byte limit/);
  });

  it('accepts a body exactly at maxBytes', async () => {
    srv.route('/exact', { body: bigBody(1000), chunked: { chunkBytes: 300 } });
    expect((await fetchUrl(`${srv.url}/exact`, { maxBytes: 1000 })).body.length).toBe(1000);
  });

  it('times out a server that does not answer', async () => {
    srv.route('/silent', { body: RSS, delayMs: 2000 });
    const err = await failure(fetchUrl(`${srv.url}/silent`, { timeoutMs: 150 }));
    expect(err.code).toBe('timeout');
    expect(err.message).toBe('fetch: no complete response within 150 ms');
  });

  it('times out a body that trickles in (the timeout covers the body read)', async () => {
    srv.route('/trickle', { body: bigBody(100), chunked: { chunkBytes: 10, chunkDelayMs: 100 } });
    expect((await failure(fetchUrl(`${srv.url}/trickle`, { timeoutMs: 250 }))).code).toBe('timeout');
  });

  it('decompresses a gzip body and checks the cap after decompression', async () => {
    srv.route('/gz', { body: RSS, gzip: true, headers: { 'content-type': 'text/xml' } });
    expect((await fetchUrl(`${srv.url}/gz`)).body.toString()).toBe(RSS);
    srv.route('/gzbomb', { body: bigBody(200_000), gzip: true });
    expect((await failure(fetchUrl(`${srv.url}/gzbomb`, { maxBytes: 50_000 }))).code).toBe('too_large');
  });

  it.each([
    [404, 'fetch: 404 Not Found'],
    [500, 'fetch: 500 Internal Server Error'],
    [403, 'fetch: 403 Forbidden'],
  ])('turns status %i into http_status "%s"', async (status, message) => {
    srv.route(`/status${status}`, { status, body: 'nope' });
    const err = await failure(fetchUrl(`${srv.url}/status${status}`));
    expect(err).toMatchObject({ code: 'http_status', message, context: { url: `${srv.url}/status${status}`, status } });
  });

  it('reports a refused connection as a network error with the cause', async () => {
    const gone = await startFixtureServer();
    await gone.close();
    const err = await failure(fetchUrl(`${gone.url}/feed`, { timeoutMs: 2000 }));
    expect(err.code).toBe('network');
    expect(err.message).toMatch(/^fetch: .*ECONNREFUSED/);
  });

  it('asks the guard about every hop, so a redirect cannot lead where the first URL could not', async () => {
    srv.route('/hop', { redirect: '/private' });
    srv.route('/private', { body: RSS });
    const asked: string[] = [];
    const guard: PublicOnly = {
      assertPublicUrl: async (url: string) => {
        asked.push(url);
        if (url.endsWith('/private')) throw new FetchError('blocked_address', 'fetch: refused', { url });
      },
      connectLookup: publicOnly().connectLookup,
    };
    const err = await failure(fetchUrl(`${srv.url}/hop`, { guard }));
    expect(err.code).toBe('blocked_address');
    expect(asked).toEqual([`${srv.url}/hop`, `${srv.url}/private`]);
    expect(srv.requests.some((r) => r.path === '/private')).toBe(false);
  });

  it('keeps Retry-After on an error status', async () => {
    srv.route('/busy', { status: 503, headers: { 'retry-after': '120' } });
    expect((await failure(fetchUrl(`${srv.url}/busy`))).context).toMatchObject({ status: 503, retryAfter: '120' });
  });

  it.each(['ftp://example.com/feed', 'not a url', 'javascript:alert(1)'])('refuses %s as bad_url', async (url) => {
    expect((await failure(fetchUrl(url))).code).toBe('bad_url');
  });
});
