/** Polite polling over real HTTP and a real SQLite file: 304s, next checks, backoff, dedup, backlog, caps, concurrency. */
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFixtureServer, type FixtureServer } from '../support/http-fixture-server.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runFeedCycle, type FeedCycleDeps } from '../../src/app/run-feed-cycle.js';
import { createLogger } from '../../src/support/logger.js';

const logger = createLogger({ level: 'silent' });
const T0 = new Date('2026-11-24T08:00:00Z');
let server: FixtureServer;
let dir: string;
let store: SqliteStore;
let clock: Date;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-poll-'));
  store = openSqliteStore(path.join(dir, 'kf.db'));
  clock = T0;
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cycle = (over: Partial<FeedCycleDeps> = {}) =>
  runFeedCycle({
    store,
    logger,
    fetch: { timeoutMs: 5000, maxBytes: 10_000_000, minIntervalMinutes: 15, maxIntervalMinutes: 24 * 60 },
    topFigures: 5,
    fullText: false,
    now: () => clock,
    ...over,
  });
const minutesLater = (m: number) => new Date(clock.getTime() + m * 60_000);
const feedNamed = async (url: string) => (await store.listFeeds()).find((f) => f.url === url)!;
let routeCounter = 0;
const unique = (name: string) => `/${name}-${++routeCounter}`;

interface Item {
  guid?: string;
  link?: string;
  title: string;
  body?: string;
  date?: Date | null;
}
function rss(items: Item[], extra = ''): string {
  const entries = items.map((i) => `<item>
    <title>${i.title}</title>${i.link ? `<link>${i.link}</link>` : ''}${i.guid ? `<guid>${i.guid}</guid>` : ''}
    ${i.date === null ? '' : `<pubDate>${(i.date ?? new Date(T0.getTime() - 3_600_000)).toUTCString()}</pubDate>`}
    <description>${i.body ?? `${i.title}: revenue rose 12% to $4bn.`}</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Poll Wire</title><link>https://poll.example/</link>${extra}${entries.join('')}</channel></rss>`;
}

describe('conditional GET and next check', () => {
  it('sends the validators back; a 304 parses nothing and counts as a success', async () => {
    const p = unique('etag');
    server.route(p, { body: rss([{ guid: 'urn:a', title: 'A' }]), etag: '"v1"', lastModified: 'Mon, 23 Nov 2026 07:00:00 GMT' });
    await store.addFeed(`${server.url}${p}`);
    const first = await cycle();
    expect(first).toMatchObject({ due: 1, parsed: 1, notModified: 0, newArticles: 1 });
    const stored = await feedNamed(`${server.url}${p}`);
    expect(stored).toMatchObject({ etag: '"v1"', lastModified: 'Mon, 23 Nov 2026 07:00:00 GMT', lastSuccessAt: T0, nextCheckAt: minutesLater(15) });

    clock = minutesLater(16);
    const second = await cycle();
    expect(second).toMatchObject({ due: 1, parsed: 0, notModified: 1, newArticles: 0, failed: [] });
    const seen = server.requests.filter((r) => r.path === p);
    expect(seen.at(-1)!.headers['if-none-match']).toBe('"v1"');
    expect(seen.at(-1)!.headers['if-modified-since']).toBe('Mon, 23 Nov 2026 07:00:00 GMT');
    const after = await feedNamed(`${server.url}${p}`);
    expect(after).toMatchObject({ etag: '"v1"', lastSuccessAt: clock, nextCheckAt: minutesLater(15), errorCount: 0 });
  });

  it('does not fetch a feed that is not due (unless forced)', async () => {
    const p = unique('due');
    server.route(p, { body: rss([{ guid: 'urn:due', title: 'Due' }]) });
    await store.addFeed(`${server.url}${p}`);
    await cycle();
    const before = server.requests.filter((r) => r.path === p).length;
    expect(await cycle()).toMatchObject({ feeds: 1, due: 0, parsed: 0 });
    expect(server.requests.filter((r) => r.path === p).length).toBe(before);
    expect(await cycle({ force: true })).toMatchObject({ due: 1, parsed: 1, newArticles: 0 });
  });

  it.each([
    ['RSS <ttl>', { body: rss([{ guid: 'urn:t', title: 'T' }], '<ttl>60</ttl>') }, 60],
    ['Cache-Control max-age', { body: rss([{ guid: 'urn:m', title: 'M' }]), headers: { 'cache-control': 'max-age=7200' } }, 120],
    ['Expires', { body: rss([{ guid: 'urn:e', title: 'E' }]), headers: { expires: 'Tue, 24 Nov 2026 11:00:00 GMT' } }, 180],
    ['a max-age beyond the maximum', { body: rss([{ guid: 'urn:x', title: 'X' }]), headers: { 'cache-control': 'max-age=999999' } }, 24 * 60],
  ])('schedules the next check from %s', async (_name, spec, minutes) => {
    const p = unique('hint');
    server.route(p, spec);
    await store.addFeed(`${server.url}${p}`);
    await cycle();
    expect((await feedNamed(`${server.url}${p}`)).nextCheckAt).toEqual(minutesLater(minutes));
  });
});

describe('errors back off per feed', () => {
  it('doubles the wait with each failure, honours Retry-After, and resets on success', async () => {
    const p = unique('flaky');
    const url = `${server.url}${p}`;
    server.route(p, { status: 503, body: 'down' });
    await store.addFeed(url);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const report = await cycle();
      expect(report.failed).toHaveLength(1);
      const f = await feedNamed(url);
      expect(f.errorCount).toBe(i + 1);
      expect(f.lastError).toContain('503');
      waits.push((f.nextCheckAt!.getTime() - clock.getTime()) / 60_000);
      expect(await cycle()).toMatchObject({ due: 0 }); // not due in between
      clock = f.nextCheckAt!;
    }
    expect(waits).toEqual([15, 30, 60, 120]);

    server.route(p, { status: 429, body: 'slow down', headers: { 'retry-after': '36000' } });
    await cycle();
    expect((await feedNamed(url)).nextCheckAt!.getTime() - clock.getTime()).toBe(600 * 60_000);
    clock = (await feedNamed(url)).nextCheckAt!;

    server.route(p, { body: rss([{ guid: 'urn:back', title: 'Back' }]) });
    expect(await cycle()).toMatchObject({ failed: [], parsed: 1 });
    expect(await feedNamed(url)).toMatchObject({ errorCount: 0, lastError: null, lastErrorAt: null, nextCheckAt: minutesLater(15) });
  });

  it('a broken feed, an empty body and an HTML page each fail alone; the good feed is processed', async () => {
    const good = unique('good');
    server.route(good, { body: rss([{ guid: 'urn:g', title: 'G' }]) });
    const bad = [unique('xml'), unique('empty'), unique('html')];
    server.route(bad[0]!, { body: '<rss version="2.0"><channel><item><title>x</title>' });
    server.route(bad[1]!, { body: '' });
    server.route(bad[2]!, { body: '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head></html>', headers: { 'content-type': 'text/html' } });
    for (const p of [good, ...bad]) await store.addFeed(`${server.url}${p}`);
    const report = await cycle();
    expect(report.newArticles).toBe(1);
    expect(report.failed.map((f) => f.error)).toEqual(expect.arrayContaining([expect.stringMatching(/Unclosed root tag/), 'parse: the document is empty', expect.stringMatching(/HTML page/)]));
  });
});

describe('dedup across polls', () => {
  it('stores each item once; an edited item is not re-pushed; a new one is', async () => {
    const p = unique('dedup');
    const url = `${server.url}${p}`;
    const a = { guid: 'urn:dedup:a', title: 'Port strike ends', body: 'Workers won a 9% pay rise.' };
    const b = { link: 'https://poll.example/b?utm_source=rss', title: 'Ferry fares rise', body: 'Fares rise 4%.' };
    server.route(p, { body: rss([a, b]) });
    await store.addFeed(url);
    expect((await cycle()).newArticles).toBe(2);
    clock = minutesLater(20);
    // Edited body and title, and the same link with other tracking tags: nothing new.
    server.route(p, { body: rss([{ ...a, title: 'Port strike ends (updated)', body: 'Workers won a 9.5% pay rise.' }, { ...b, link: 'https://poll.example/b?utm_medium=x#top' }]) });
    expect(await cycle()).toMatchObject({ parsed: 1, newArticles: 0 });
    clock = minutesLater(20);
    server.route(p, { body: rss([{ guid: 'urn:dedup:c', title: 'New story' }, a, b]) });
    expect((await cycle()).newArticles).toBe(1);
    const articles = await store.articlesForDigest({ fetchedSince: null, publishedSince: null });
    expect(articles.map((x) => x.title).sort()).toEqual(['Ferry fares rise', 'New story', 'Port strike ends']);
    expect(articles.find((x) => x.title === 'Port strike ends')!.text).toContain('9%');
  });

  it('a new feed does not flood the digest: old and undated items are remembered, not stored', async () => {
    const p = unique('history');
    const url = `${server.url}${p}`;
    const old = Array.from({ length: 30 }, (_, i) => ({ guid: `urn:h:${i}`, title: `Old ${i}`, date: new Date(T0.getTime() - (i + 2) * 86_400_000) }));
    const undated = [{ guid: 'urn:h:u1', title: 'Undated 1', date: null }, { guid: 'urn:h:u2', title: 'Undated 2', date: null }];
    server.route(p, { body: rss([{ guid: 'urn:h:fresh', title: 'Fresh' }, ...old, ...undated]) });
    await store.addFeed(url);
    const first = await cycle();
    expect(first).toMatchObject({ newArticles: 1, backlog: 32 });
    // On later polls, a new undated item is news.
    clock = minutesLater(20);
    server.route(p, { body: rss([{ guid: 'urn:h:u3', title: 'Undated 3', date: null }, { guid: 'urn:h:fresh', title: 'Fresh' }, ...old, ...undated]) });
    expect(await cycle()).toMatchObject({ newArticles: 1, backlog: 0 });
    const titles = (await store.articlesForDigest({ fetchedSince: null, publishedSince: null })).map((x) => x.title);
    expect(titles.sort()).toEqual(['Fresh', 'Undated 3']);
  });
});

describe('big feeds and concurrency', () => {
  it('handles a 20,000-item feed by processing only the newest FEED_MAX_ITEMS', async () => {
    const p = unique('huge');
    const items = Array.from({ length: 20_000 }, (_, i) => ({ guid: `urn:huge:${i}`, title: `Item ${i}`, body: 'x', date: new Date(T0.getTime() - (20_000 - i) * 60_000) }));
    server.route(p, { body: rss(items) });
    await store.addFeed(`${server.url}${p}`);
    const started = Date.now();
    const report = await cycle({ fetch: { timeoutMs: 20_000, maxBytes: 20_000_000, maxItemsPerFeed: 50 }, backlogHours: null });
    expect(report).toMatchObject({ parsed: 1, newArticles: 50, failed: [] });
    expect(Date.now() - started).toBeLessThan(20_000);
    const titles = (await store.articlesForDigest({ fetchedSince: null, publishedSince: null })).map((a) => a.title);
    expect(titles).toContain('Item 19999');
    expect(titles).toContain('Item 19950');
    expect(titles).not.toContain('Item 19949');
  }, 30_000);

  it('keeps at most FETCH_PER_HOST requests in flight to one host', async () => {
    let inFlight = 0;
    let peak = 0;
    const paths = Array.from({ length: 6 }, () => unique('slow'));
    for (const [i, p] of paths.entries()) {
      server.route(p, async (_req, res) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 80));
        inFlight--;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss([{ guid: `urn:slow:${i}`, title: `S${i}` }]));
      });
      await store.addFeed(`${server.url}${p}`);
    }
    const report = await cycle({ fetch: { timeoutMs: 5000, maxBytes: 1_000_000, concurrency: 10, perHost: 2 } });
    expect(report).toMatchObject({ parsed: 6, failed: [] });
    expect(peak).toBe(2);
  });

  it('fetches an article page once even when two items (in two feeds) link it', async () => {
    const page = unique('page');
    const paragraphs = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i}: the council approved 1,200 new homes and a budget of $35m for roads, schools and parks across the district this year.</p>`).join('');
    server.route(page, { body: `<!doctype html><html><head><title>Homes</title></head><body><article><h1>Homes</h1>${paragraphs}</article></body></html>`, headers: { 'content-type': 'text/html' } });
    const f1 = unique('f1');
    const f2 = unique('f2');
    server.route(f1, { body: rss([{ guid: 'urn:p1', title: 'Homes approved', link: `${server.url}${page}`, body: 'Teaser.' }]) });
    server.route(f2, { body: rss([{ guid: 'urn:p2', title: 'Council homes', link: `${server.url}${page}?utm_source=x`, body: 'Teaser.' }]) });
    await store.addFeed(`${server.url}${f1}`);
    await store.addFeed(`${server.url}${f2}`);
    const report = await cycle({ fullText: true, allowPrivateFeeds: true }); // pages on loopback: the operator trusts the network
    expect(report.newArticles).toBe(2);
    expect(server.requests.filter((r) => r.path.startsWith(page)).length).toBe(1);
    const texts = (await store.articlesForDigest({ fetchedSince: null, publishedSince: null })).map((a) => a.text);
    for (const text of texts) expect(text).toContain('1,200 new homes');
  });

  it('decodes a windows-1251 feed by its HTTP charset', async () => {
    const p = unique('cp1251');
    const xml = rss([{ guid: 'urn:ru', title: 'Цены выросли на 5%', body: 'Инфляция 5%.' }]).replace('Poll Wire', 'Лента');
    const cp1251 = encode1251(xml);
    server.route(p, { body: cp1251, headers: { 'content-type': 'application/rss+xml; charset=windows-1251' } });
    await store.addFeed(`${server.url}${p}`);
    await cycle();
    expect((await feedNamed(`${server.url}${p}`)).title).toBe('Лента');
    const [article] = await store.articlesForDigest({ fetchedSince: null, publishedSince: null });
    expect(article!.title).toBe('Цены выросли на 5%');
  });
});

/** Cyrillic → windows-1251 bytes (А..я are 0xC0..0xFF; Ё/ё 0xA8/0xB8). */
function encode1251(text: string): Buffer {
  return Buffer.from(
    Array.from(text).map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      if (c === 0x401) return 0xa8;
      if (c === 0x451) return 0xb8;
      return 0x3f;
    }),
  );
}
