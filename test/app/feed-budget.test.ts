/**
 * A feed whose article pages dribble bytes must not cost a full fetch timeout per page: the feed
 * has a total budget, is recorded as failing when it runs over, and keeps what it read in time.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { startFixtureServer, type FixtureServer } from '../support/http-fixture-server.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runFeedCycle } from '../../src/app/run-feed-cycle.js';
import { createLogger } from '../../src/support/logger.js';

const logger = createLogger({ level: 'silent' });
let server: FixtureServer;
const dribbling = new Set<ServerResponse>();

beforeAll(async () => {
  server = await startFixtureServer();
  // Article pages that send one byte every 200 ms and never end.
  for (let i = 0; i < 5; i++) {
    server.route(`/slow-page-${i}`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      dribbling.add(res);
      const timer = setInterval(() => res.write(' '), 200);
      res.on('close', () => (clearInterval(timer), dribbling.delete(res)));
    });
  }
  const items = Array.from({ length: 5 }, (_, i) =>
    `<item><guid>slow-${i}</guid><title>Story ${i}: 3,400 workers strike</title><link>${server.url}/slow-page-${i}</link>` +
    `<pubDate>${new Date(Date.now() - 600_000).toUTCString()}</pubDate><description>About 3,400 workers walked out.</description></item>`,
  ).join('');
  server.route('/slow.xml', { headers: { 'content-type': 'application/rss+xml' }, body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow Wire</title>${items}</channel></rss>` });
});
afterAll(async () => {
  for (const res of dribbling) res.destroy();
  await server.close();
});

describe('feed budget', () => {
  it('gives up dribbling pages when the feed’s budget is spent, records the feed as failing, keeps its items', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-budget-'));
    const store = openSqliteStore(path.join(dir, 'kf.db'));
    try {
      await store.addFeed(`${server.url}/slow.xml`);
      // each page alone could take a minute; the feed may take one second
      const report = await runFeedCycle({
        store, logger, topFigures: 5, fullText: true, allowPrivateFeeds: true,
        fetch: { timeoutMs: 60_000, maxBytes: 1_000_000, perHost: 5, feedBudgetMs: 1000 },
      });
      expect(report.failed).toEqual([{ url: `${server.url}/slow.xml`, error: expect.stringContaining('FEED_BUDGET_SECONDS') }]);
      expect(report.newArticles).toBe(5); // with the feed's own text
      const [feed] = await store.listFeeds();
      expect(feed).toMatchObject({ errorCount: 1, lastError: expect.stringContaining('took longer than 1 s') });
      expect(server.requests.filter((r) => r.path.startsWith('/slow-page-')).length).toBeGreaterThan(0); // pages were asked for (4 items at a time)…
      // …and given up: the client closed every one (the server hears of it a moment later)
      for (let i = 0; i < 100 && dribbling.size > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(dribbling.size).toBe(0);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
