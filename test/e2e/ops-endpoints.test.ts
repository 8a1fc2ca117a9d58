/**
 * Health and metrics of the real running bot: `keyfigures bot` with HTTP_PORT against the fake
 * Bot API and a feed on 127.0.0.1. /healthz answers 200; /metrics shows the fetch cycle, the
 * stored articles and figures, a failing feed, the digest build and the delivered messages.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { startFixtureServer, type FixtureServer } from '../support/http-fixture-server.js';
import { serveSampleNews, SAMPLE } from '../support/sample-news.js';
import { freePort, parsePrometheus, startBotProcess, type BotProcess, botEnv } from '../support/bot-process.js';

const USER = { id: 7001, type: 'private' as const, first_name: 'Taras' };

let api: FakeBotApi;
let news: FixtureServer;
let dir: string;
let bot: BotProcess;
let ops: string;
let feedUrl: string;
let brokenUrl: string;

beforeAll(async () => {
  api = await FakeBotApi.start();
  news = await startFixtureServer();
  feedUrl = serveSampleNews(news);
  news.route('/gone.xml', { status: 404, body: 'no such feed' });
  brokenUrl = `${news.url}/gone.xml`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-ops-e2e-'));
  const port = await freePort();
  ops = `http://127.0.0.1:${port}`;
  bot = startBotProcess(
    botEnv(api, dir, {
      FEEDS: `${feedUrl} ${brokenUrl}`,
      FETCH_CRON: '0 3 * * *',
      DIGEST_CRON: '*/2 * * * * *',
      SCHEDULE_CHECK_SECONDS: '1',
      HTTP_PORT: String(port),
      ALLOW_PRIVATE_FEEDS: 'true', // the article pages are on loopback: the operator trusts the network
    }),
    dir,
  );
  await bot.waitForOutput(/ops endpoints/);
}, 30_000);

afterAll(async () => {
  await bot?.stop();
  await api?.close();
  await news?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the running bot with HTTP_PORT', { timeout: 60_000 }, () => {
  it('answers /healthz 200 once polling and the first fetch cycle are done', async () => {
    await bot.waitForOutput(/fetch cycle done/);
    await waitUntil(() => api.calls('getUpdates').length > 0, 10_000);
    const res = await fetch(`${ops}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok', reasons: [] });
    expect(res.status).toBe(200);
  });

  it('counts the fetch cycle, the failing feed, the digest build and the messages sent in /metrics', async () => {
    const before = parsePrometheus(await (await fetch(`${ops}/metrics`)).text());
    expect(before.get('keyfigures_messages_sent_total')).toBe(0);

    api.sendText(USER, '/start');
    await api.waitFor((m) => m.chat_id === USER.id && m.text.includes('Subscribed'), 15_000);
    const digest = await api.waitFor((m) => m.chat_id === USER.id && m.text.startsWith('KeyFigures ·'), 20_000);
    expect(digest.text).toContain(SAMPLE.fullTitle);
    await bot.waitForOutput(/delivery run done/, 10_000);

    const res = await fetch(`${ops}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const m = parsePrometheus(await res.text());
    expect(m.get('keyfigures_articles_stored_total')).toBe(2);
    expect(m.get('keyfigures_figures_stored_total')).toBeGreaterThanOrEqual(SAMPLE.figures.length);
    expect(m.get(`keyfigures_feed_fetch_duration_seconds_count{feed="${feedUrl}"}`)).toBe(1);
    expect(m.get(`keyfigures_feed_fetch_errors_total{feed="${brokenUrl}"}`)).toBe(1);
    expect(m.has(`keyfigures_feed_fetch_errors_total{feed="${feedUrl}"}`)).toBe(false);
    expect(m.get('keyfigures_digest_build_duration_seconds_count')).toBe(1);
    expect(m.get('keyfigures_messages_sent_total')).toBe(api.sent(USER.id).filter((s) => s.text.startsWith('KeyFigures ·')).length);
    expect(m.get('keyfigures_outbox_backlog')).toBe(0);
    expect(m.get('keyfigures_messages_failed_total{reason="rate_limited"}')).toBe(0);
    expect(m.get('keyfigures_messages_failed_total{reason="chat_gone"}')).toBe(0);
    expect(m.get('keyfigures_last_fetch_cycle_timestamp_seconds')).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(m.get('keyfigures_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('logs a line per fetch cycle and per delivery run, and never the token', async () => {
    expect(bot.output()).toMatch(/fetch cycle done/);
    expect(bot.output()).toMatch(/"sent":1.*delivery run done|delivery run done.*"sent":1/);
    expect(await bot.stop()).toBe(0);
    expect(bot.output()).not.toContain(api.token);
  });
});

async function waitUntil(probe: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
