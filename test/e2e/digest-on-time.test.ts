/**
 * A digest slot never waits for a fetch cycle: the real bot, whose first fetch cycle is stuck on
 * an article page that dribbles bytes, still sends the digest due at start — while that cycle runs.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { botEnv, startBotProcess } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { portStrikeArticle } from '../support/sample-news.js';
import { startFixtureServer, type FixtureServer } from '../support/http-fixture-server.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const CHAT = 9100;
let api: FakeBotApi;
let pages: FixtureServer;
let dir: string;
const dribbling = new Set<ServerResponse>();
let pageRequests = 0;

beforeAll(async () => {
  api = await FakeBotApi.start();
  pages = await startFixtureServer();
  pages.route('/slow-page', (_req, res) => {
    pageRequests++;
    res.writeHead(200, { 'content-type': 'text/html' });
    dribbling.add(res);
    const timer = setInterval(() => res.write(' '), 200);
    res.on('close', () => (clearInterval(timer), dribbling.delete(res)));
  });
  pages.route('/feed.xml', {
    headers: { 'content-type': 'application/rss+xml' },
    body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow Wire</title><item><guid>s1</guid><title>Dam repairs</title>` +
      `<link>${pages.url}/slow-page</link><pubDate>${new Date().toUTCString()}</pubDate><description>Teaser.</description></item></channel></rss>`,
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-ontime-'));
  const store = openSqliteStore(path.join(dir, 'kf.db'));
  api.addChat({ id: CHAT, type: 'private', first_name: 'Reader' });
  await store.subscribe({ chatId: CHAT, chatType: 'private', title: null }, new Date(Date.now() - 3_600_000));
  await store.addFeed(`${pages.url}/feed.xml`);
  await store.saveArticle(portStrikeArticle());
  await store.close();
});

afterAll(async () => {
  for (const res of dribbling) res.destroy();
  await pages?.close();
  await api?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('digest on time', { timeout: 60_000 }, () => {
  it('goes out while the fetch cycle is still reading a dribbling page', async () => {
    const bot = startBotProcess(
      botEnv(api, dir, {
        DIGEST_CRON: '* * * * *', // a slot every minute: one has passed since the chat subscribed
        FETCH_CRON: '0 0 1 1 *', // only the cycle at start
        SCHEDULE_CHECK_SECONDS: '1',
        ALLOW_PRIVATE_FEEDS: 'true', // the page server is on loopback
        FETCH_TIMEOUT_MS: '120000',
      }),
      dir,
    );
    try {
      // the cycle that started with the bot reaches the page, which holds it for two minutes…
      while (dribbling.size === 0 && bot.child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
      expect(pageRequests).toBe(1);
      // …and the digest due at start goes out meanwhile: it did not wait for the cycle
      const digest = await api.waitFor((m) => m.chat_id === CHAT && m.text.includes('Port strike ends'), 30_000);
      expect(digest).toBeDefined();
      expect(dribbling.size).toBe(1);
      expect(bot.output()).not.toContain('fetch cycle done');
    } finally {
      for (const res of dribbling) res.destroy();
      expect(await bot.stop()).toBe(0);
    }
  });
});
