/**
 * Hostile content inside feeds, through the real cycle (loopback HTTP, a real SQLite file):
 * an operator's feed whose item links point at 127.0.0.1 (their pages are refused and counted,
 * the items keep the feed's text), the page cache never lending a page an unguarded fetch read to
 * a guarded one, and items whose numbers are too big to be figures (the rest of the feed is stored
 * and reaches the digest).
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFixtureServer, type FixtureServer } from '../support/http-fixture-server.js';
import { serveSampleNews, SAMPLE } from '../support/sample-news.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runFeedCycle } from '../../src/app/run-feed-cycle.js';
import { itemText, type PageCache } from '../../src/app/item-text.js';
import { currentDigest } from '../../src/app/make-digest.js';
import { publicOnly } from '../../src/net/ssrf-guard.js';
import { createLogger } from '../../src/support/logger.js';

const logger = createLogger({ level: 'silent' });
const fetch = { timeoutMs: 5000, maxBytes: 1_000_000 };
let server: FixtureServer;
let dir: string;
let store: SqliteStore;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-hostile-'));
  store = openSqliteStore(path.join(dir, 'kf.db'));
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const pageRequests = () => server.requests.filter((r) => r.path.startsWith('/articles/')).length;

describe('article pages linked from an operator feed', () => {
  it('are refused on private addresses (recorded), the feed itself still read by the operator’s choice', async () => {
    await store.addFeed(serveSampleNews(server)); // an operator's feed, on loopback: trusted as a feed URL only
    const before = pageRequests();
    const report = await runFeedCycle({ store, logger, fetch, topFigures: 5, fullText: true });
    expect(report).toMatchObject({ failed: [], newArticles: 2, pagesRefused: 2 }); // both items are short enough to want their page
    expect(pageRequests()).toBe(before); // the 127.0.0.1 page was never requested
    const teaser = (await store.articlesForDigest({ fetchedSince: null, publishedSince: null })).find((a) => a.title === SAMPLE.teaserTitle)!;
    expect(teaser.text).toBe('Negotiators freed prisoners on Monday.'); // the feed's own text
  });

  it('keep guarded and unguarded fetches apart in the page cache', async () => {
    serveSampleNews(server);
    const cache: PageCache = new Map();
    const item = { title: SAMPLE.teaserTitle, link: `${server.url}/articles/prisoners`, snippet: 'Teaser.', contentHtml: null, publishedAt: null, guid: null } as never;
    const trusted = await itemText(item, { fetchPages: true, fetch, logger, cache });
    expect(trusted).toContain('206-for-206');
    let refused = 0;
    const guarded = await itemText(item, { fetchPages: true, fetch, logger, cache, guard: publicOnly(), onPageRefused: () => refused++ });
    expect(guarded).toBe('Teaser.');
    expect(refused).toBe(1);
  });
});

describe('numbers too big to be figures', () => {
  it('never fail their feed: the other items are stored and reach the digest', async () => {
    const huge = '$1,000,000,000,000,000,000,000 trillion';
    const digits400 = '9'.repeat(400);
    const item = (guid: string, title: string, body: string) =>
      `<item><guid>${guid}</guid><title>${title}</title><pubDate>${new Date(Date.now() - 600_000).toUTCString()}</pubDate><description>${body}</description></item>`;
    server.route('/numbers.xml', {
      headers: { 'content-type': 'application/rss+xml' },
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Numbers Wire</title>
        ${item('n1', 'Fund claims a huge sum', `The fund said it holds ${huge} in assets, a claim 12 analysts doubted.`)}
        ${item('n2', 'A very long number', `The figure was ${digits400} units, said the 3 authors.`)}
        ${item('n3', 'Port strike ends after 12 days', 'About 3,400 workers had walked out over pay, the union said.')}
      </channel></rss>`,
    });
    await store.addFeed(`${server.url}/numbers.xml`);
    const report = await runFeedCycle({ store, logger, fetch, topFigures: 5, fullText: false });
    expect(report.failed).toEqual([]);
    expect(report.newArticles + report.skipped.length).toBe(3);
    const articles = await store.articlesForDigest({ fetchedSince: null, publishedSince: null });
    for (const a of articles) for (const f of a.figures) expect(Number.isFinite(f.value)).toBe(true);
    expect((await store.listFeeds())[0]).toMatchObject({ errorCount: 0, lastError: null });
    const digest = await currentDigest({ store, logger, settings: { timezone: 'UTC', maxStories: 10, topFigures: 5, windowHours: 24, digestsDir: path.join(dir, 'digests') } });
    expect(digest!.stories.map((s) => s.title)).toContain('Port strike ends after 12 days');
  });
});
