/**
 * Three instances, one database, 200 due feeds: every feed is fetched once per cycle, and every
 * new item is stored once. Each "instance" is its own store (its own connection pool on
 * PostgreSQL, its own connection on SQLite) running the real feed cycle at the same moment against
 * feeds served over loopback HTTP — what three `keyfigures bot` processes do on each fetch tick.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import { ADAPTERS, PG_SKIP, type TestDatabase } from '../store/adapters.js';
import { startFixtureServer, type FixtureServer } from '../support/http-fixture-server.js';
import { runFeedCycle, type FeedCycleReport } from '../../src/app/run-feed-cycle.js';
import { createLogger } from '../../src/support/logger.js';
import type { Store } from '../../src/store/store.js';

const FEEDS = 200;
const INSTANCES = 3;
const logger = createLogger({ level: 'silent' });
const T0 = new Date('2026-11-24T08:00:00Z');

let server: FixtureServer;

function rss(feed: number): string {
  const item = `<item><guid>urn:f${feed}</guid><title>Feed ${feed} news</title>
    <pubDate>${new Date(T0.getTime() - 60_000).toUTCString()}</pubDate>
    <description>Port traffic at feed ${feed} rose 12% to 4,100 ships.</description></item>`;
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire ${feed}</title><link>https://wire${feed}.example/</link>${item}</channel></rss>`;
}

beforeAll(async () => {
  server = await startFixtureServer();
  for (let f = 0; f < FEEDS; f++) {
    // A few milliseconds on the wire, so the three cycles overlap as they would over a network.
    server.route(`/feed-${f}`, async (_req, res) => {
      await new Promise((r) => setTimeout(r, 3));
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(f));
    });
  }
});
afterAll(() => server.close());

for (const adapter of ADAPTERS) {
  describe.skipIf(adapter.skip)(adapter.skip ? PG_SKIP : `${INSTANCES} instances, ${FEEDS} due feeds — ${adapter.name}`, { timeout: 60_000 }, () => {
    let database: TestDatabase;
    let instances: Store[];
    beforeEach(async () => {
      database = await adapter.fresh();
      instances = [];
      for (let i = 0; i < INSTANCES; i++) instances.push(await database.open());
      for (let f = 0; f < FEEDS; f++) await instances[0]!.addFeed(`${server.url}/feed-${f}`);
      server.requests.length = 0;
    });
    afterEach(() => database.dispose());

    const cycleAt = (clock: Date) =>
      Promise.all(
        instances.map((store) =>
          runFeedCycle({
            store,
            logger,
            fetch: { timeoutMs: 10_000, maxBytes: 1_000_000, minIntervalMinutes: 15, maxIntervalMinutes: 24 * 60 },
            topFigures: 5,
            fullText: false,
            backlogHours: null,
            now: () => clock,
          }),
        ),
      );

    const fetchesPerFeed = () => {
      const counts = new Map<string, number>();
      for (const r of server.requests) counts.set(r.path, (counts.get(r.path) ?? 0) + 1);
      return counts;
    };
    const sum = (reports: FeedCycleReport[], key: 'due' | 'parsed' | 'newArticles') => reports.reduce((n, r) => n + r[key], 0);

    it('fetches each feed once per cycle across the fleet, shares the work, and stores each item once', async () => {
      const reports = await cycleAt(T0);
      console.log(`${adapter.name}: feeds fetched per instance ${reports.map((r) => r.due).join('/')}`);
      expect(reports.flatMap((r) => r.failed)).toEqual([]);
      expect(sum(reports, 'due'), 'feeds claimed across the fleet').toBe(FEEDS);
      expect(sum(reports, 'parsed')).toBe(FEEDS);
      expect(sum(reports, 'newArticles'), 'items stored').toBe(FEEDS);
      for (const r of reports) expect(r.due, 'every instance takes a share').toBeGreaterThan(0);
      const counts = fetchesPerFeed();
      expect(counts.size).toBe(FEEDS);
      expect([...counts.entries()].filter(([, n]) => n !== 1), 'feeds fetched more than once').toEqual([]);
      // Not due again yet: the next tick, five minutes later, fetches nothing anywhere.
      const idle = await cycleAt(new Date(T0.getTime() + 5 * 60_000));
      expect(sum(idle, 'due')).toBe(0);
      expect(server.requests.length).toBe(FEEDS);
    });
  });
}
