/** The cycle and the digest over real HTTP and a real SQLite file: dedupe, errors, windows. */
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFixtureServer, type FixtureServer } from '../support/http-fixture-server.js';
import { serveSampleNews, SAMPLE } from '../support/sample-news.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runFeedCycle } from '../../src/app/run-feed-cycle.js';
import { currentDigest } from '../../src/app/make-digest.js';
import { createLogger } from '../../src/support/logger.js';

const logger = createLogger({ level: 'silent' });
let server: FixtureServer;
let dir: string;
let store: SqliteStore;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-app-'));
  store = openSqliteStore(path.join(dir, 'kf.db'));
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// The fixture server is on loopback: ALLOW_PRIVATE_FEEDS (the operator trusting the network) lets article pages come from it.
const cycle = () => runFeedCycle({ store, logger, fetch: { timeoutMs: 5000, maxBytes: 1_000_000 }, topFigures: 5, fullText: true, allowPrivateFeeds: true });
const settings = () => ({ timezone: 'UTC', maxStories: 10, topFigures: 5, windowHours: 24, digestsDir: path.join(dir, 'digests') });

describe('feed cycle → digest', () => {
  it('stores each article once across polls, with the teaser completed from its page', async () => {
    await store.addFeed(serveSampleNews(server));
    const first = await cycle();
    expect(first).toMatchObject({ feeds: 1, newArticles: 2, failed: [] });
    expect(first.figures).toBeGreaterThan(3);
    const second = await cycle();
    expect(second.newArticles).toBe(0);
    const articles = await store.articlesForDigest({ fetchedSince: null, publishedSince: null });
    const teaser = articles.find((a) => a.title === SAMPLE.teaserTitle)!;
    expect(teaser.text).toContain('206-for-206');
    expect(teaser.text).not.toContain('help us reach');
    expect(teaser.source).toBe('Test Wire & Co');
    for (const a of articles) for (const f of a.figures) expect(a.text.slice(f.start, f.end)).toBe(f.text);
  });

  it('records a failing feed and still processes the others', async () => {
    const good = serveSampleNews(server);
    server.route('/broken.xml', { status: 503, body: 'down' });
    server.route('/page.html', { body: '<!doctype html><html><body><p>Not a feed</p></body></html>', headers: { 'content-type': 'text/html' } });
    await store.addFeed(good);
    await store.addFeed(`${server.url}/broken.xml`);
    await store.addFeed(`${server.url}/page.html`);
    const report = await cycle();
    expect(report.newArticles).toBe(2);
    expect(report.failed.map((f) => f.url).sort()).toEqual([`${server.url}/broken.xml`, `${server.url}/page.html`]);
    const feeds = await store.listFeeds();
    expect(feeds.find((f) => f.url.endsWith('broken.xml'))).toMatchObject({ errorCount: 1, lastError: expect.stringContaining('503') });
    expect(feeds.find((f) => f.url.endsWith('page.html'))!.lastError).toMatch(/not a feed/i);
  });

  it('builds a digest of the window once, archives it, and reuses it while nothing changes', async () => {
    await store.addFeed(serveSampleNews(server));
    await cycle();
    const digest = await currentDigest({ store, logger, settings: settings() });
    expect(digest!.stories.map((s) => s.title).sort()).toEqual([SAMPLE.fullTitle, SAMPLE.teaserTitle].sort());
    expect(fs.existsSync(path.join(dir, 'digests', `${digest!.date}.md`))).toBe(true);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'digests', `${digest!.date}.json`), 'utf8'));
    expect(json.stories).toHaveLength(2);
    // Nothing new since: the same edition, not a second one.
    await cycle();
    expect((await currentDigest({ store, logger, settings: settings() }))!.id).toBe(digest!.id);
    expect(await store.listDigests()).toHaveLength(1);
  });

  it('fetches a feed a subscriber added only from public addresses, checked at every fetch', async () => {
    await store.addFeed(serveSampleNews(server), { addedByChat: 42 });
    const guarded = await runFeedCycle({ store, logger, fetch: { timeoutMs: 5000, maxBytes: 1_000_000 }, topFigures: 5, fullText: true });
    expect(guarded.newArticles).toBe(0);
    expect(guarded.failed[0]!.error).toMatch(/ALLOW_PRIVATE_FEEDS/);
    const allowed = await runFeedCycle({ store, logger, fetch: { timeoutMs: 5000, maxBytes: 1_000_000 }, topFigures: 5, fullText: true, allowPrivateFeeds: true, force: true });
    expect(allowed.newArticles).toBe(2);
  });
});
