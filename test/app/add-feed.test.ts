/** addFeed over real HTTP (127.0.0.1) and SQLite: direct feeds, discovery from a page, verification, SSRF refusals. */
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFixtureServer, type FixtureServer } from '../support/http-fixture-server.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { addFeed } from '../../src/app/add-feed.js';
import { FetchError } from '../../src/domain/errors.js';
import { createLogger } from '../../src/support/logger.js';

const logger = createLogger({ level: 'silent' });
const fetch = { timeoutMs: 5000, maxBytes: 1_000_000 };
const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>Site News</title><link>https://site.example/</link><item><title>a</title><guid>urn:a</guid></item></channel></rss>';
const page = (links: string) => `<!doctype html><html><head><title>Site</title>${links}</head><body><p>Welcome</p></body></html>`;
let server: FixtureServer;
let dir: string;
let store: SqliteStore;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/feed.xml', { body: RSS, headers: { 'content-type': 'application/rss+xml' } });
  server.route('/', { body: page('<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml">'), headers: { 'content-type': 'text/html' } });
  server.route('/broken-links', { body: page('<link rel="alternate" type="application/atom+xml" href="/missing.atom">'), headers: { 'content-type': 'text/html' } });
  server.route('/plain-page', { body: page(''), headers: { 'content-type': 'text/html' } });
  server.route('/moved', { redirect: '/feed.xml', redirectStatus: 301 });
});
afterAll(() => server.close());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-add-'));
  store = openSqliteStore(path.join(dir, 'kf.db'));
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const add = (input: string, allowPrivate = true) => addFeed(store, input, { allowPrivate, fetch, logger });
async function failure(p: Promise<unknown>): Promise<FetchError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

describe('addFeed', () => {
  it('stores a feed URL after checking that it parses, with its title and site', async () => {
    const result = await add(`${server.url}/feed.xml`);
    expect(result).toMatchObject({ created: true, discoveredFrom: null, feed: { url: `${server.url}/feed.xml`, title: 'Site News', siteUrl: 'https://site.example/' } });
    expect(await add(`${server.url}/feed.xml`)).toMatchObject({ created: false, feed: { id: result.feed.id } });
  });

  it('discovers the feed of a site page from <link rel="alternate">', async () => {
    const result = await add(`${server.url}/`);
    expect(result).toMatchObject({ created: true, discoveredFrom: `${server.url}/`, feed: { url: `${server.url}/feed.xml`, title: 'Site News' } });
    expect((await store.listFeeds()).map((f) => f.url)).toEqual([`${server.url}/feed.xml`]);
  });

  it('follows redirects and keeps the URL as given', async () => {
    expect((await add(`${server.url}/moved`)).feed.url).toBe(`${server.url}/moved`);
  });

  it('explains a page without feed links, and a page whose feed links are broken', async () => {
    expect(await failure(add(`${server.url}/plain-page`))).toMatchObject({ code: 'not_a_feed', message: expect.stringMatching(/HTML page, not a feed/) });
    const broken = await failure(add(`${server.url}/broken-links`));
    expect(broken.code).toBe('not_a_feed');
    expect(broken.message).toContain(`${server.url}/missing.atom: fetch: 404`);
    expect(await store.listFeeds()).toEqual([]);
  });

  it.each(['ftp://files.example/feed', 'javascript:alert(1)', 'http://user:pw@feeds.example/rss', 'http://exa mple.com/'])('refuses %s as bad_url', async (input) => {
    expect((await failure(add(input))).code).toBe('bad_url');
  });

  it('refuses loopback for users, without contacting the server, and names the fix', async () => {
    const before = server.requests.length;
    const err = await failure(add(`${server.url}/feed.xml`, false));
    expect(err.code).toBe('blocked_address');
    expect(err.message).toContain('ALLOW_PRIVATE_FEEDS=true');
    expect(server.requests.length).toBe(before);
    expect(await store.listFeeds()).toEqual([]);
  });

  it.each([
    'http://localhost/feed',
    'localhost:8080/rss',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/feed',
    'http://[fd00:ec2::254]/',
    'http://192.168.1.1/rss',
    'http://100.100.100.200/',
    'http://0.0.0.0:80/',
  ])('refuses %s for users', async (input) => {
    expect((await failure(add(input, false))).code).toBe('blocked_address');
  });
});
