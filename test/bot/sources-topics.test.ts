/** /sources, /subscribe, /unsubscribe and /topics through the fake Bot API; settings survive a restart. */
import { describe, it, expect, afterEach, beforeAll, afterAll, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, seedArticle, buttons, PRIVATE, KURSK, BRIDGE, type Harness } from './bot-harness.js';
import { startFixtureServer, type FixtureServer } from '../support/http-fixture-server.js';
import { sampleFeed, serveSampleNews } from '../support/sample-news.js';
import type { SentMessage } from '../support/fake-bot-api.js';

let h: Harness;
let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
/** The text a "checking…" message ends up with once its job is done. */
async function outcome(m: SentMessage): Promise<string> {
  expect(m.text).toMatch(/^Checking http/);
  let text = '';
  await vi.waitFor(() => {
    text = h.api.message(m.chat_id, m.message_id)!.text ?? '';
    expect(text).not.toMatch(/^Checking/);
  }, { timeout: 10_000 });
  return text;
}

afterEach(async () => {
  expect(h.api.rejected()).toEqual([]);
  expect(h.errors).toEqual([]);
  await h.stop();
});

describe('/sources, /subscribe, /unsubscribe', () => {
  it('lists feeds numbered with health; unsubscribing one filters the digest; subscribing brings it back', async () => {
    h = await startHarness();
    const world = (await h.store.addFeed('https://world.test/rss')).feed;
    const biz = (await h.store.addFeed('https://biz.test/rss')).feed;
    await h.store.recordFeedError(biz.id, 'fetch: 403 Forbidden', new Date());
    await seedArticle(h.store, { ...KURSK, feedId: world.id });
    await seedArticle(h.store, { ...BRIDGE, feedId: biz.id });
    await h.say(PRIVATE, '/start');
    const [sources] = await h.say(PRIVATE, '/sources');
    expect(sources!.text).toContain('you get 2 of 2');
    expect(sources!.text).toMatch(/1\. ✓ world\.test/);
    expect(sources!.text).toMatch(/2\. ✓ biz\.test[\s\S]*⚠ fetch: 403 Forbidden/);

    expect((await h.say(PRIVATE, '/unsubscribe 2'))[0]!.text).toContain('Unsubscribed from https://biz.test/rss. 1 feed left.');
    expect((await h.say(PRIVATE, '/unsubscribe 2'))[0]!.text).toContain('You were not getting');
    expect((await h.say(PRIVATE, '/unsubscribe 9'))[0]!.text).toBe('There is no feed 9: /sources lists 1, 2.');
    const [digest] = await h.say(PRIVATE, '/digest');
    expect(digest!.text).toContain('Kursk');
    expect(digest!.text).not.toContain('Harbour bridge');
    expect((await h.store.getPreferences(PRIVATE.id)).feedIds).toEqual([world.id]);

    expect((await h.say(PRIVATE, '/subscribe 2'))[0]!.text).toBe('Subscribed to https://biz.test/rss.');
    expect((await h.say(PRIVATE, '/subscribe 2'))[0]!.text).toContain('You already get');
    // back to every feed (null): feeds added later reach it too
    expect((await h.store.getPreferences(PRIVATE.id)).feedIds).toBeNull();
  });

  it('dates feed health in the chat\'s time zone', async () => {
    h = await startHarness();
    const feed = (await h.store.addFeed('https://late.test/rss')).feed;
    await h.store.recordFeedError(feed.id, 'fetch: 503 Service Unavailable', new Date('2026-12-03T22:30:00.000Z'));
    await h.say(PRIVATE, '/start');
    expect((await h.say(PRIVATE, '/sources'))[0]!.text).toMatch(/⚠ fetch: 503 Service Unavailable \(since 3 Dec/);
    await h.say(PRIVATE, '/timezone UTC+3');
    expect((await h.say(PRIVATE, '/sources'))[0]!.text).toMatch(/⚠ fetch: 503 Service Unavailable \(since 4 Dec/);
  });

  it('feeds keep their number when an operator removes another: /unsubscribe N drops the feed /sources showed as N', async () => {
    h = await startHarness();
    const [a, b, c] = [
      (await h.store.addFeed('https://a.test/rss')).feed,
      (await h.store.addFeed('https://b.test/rss')).feed,
      (await h.store.addFeed('https://c.test/rss')).feed,
    ];
    await h.say(PRIVATE, '/start');
    const [before] = await h.say(PRIVATE, '/sources');
    expect(before!.text).toMatch(new RegExp(`${c!.id}\\. ✓ c\\.test`));
    await h.store.removeFeed(a!.id);
    expect((await h.say(PRIVATE, `/unsubscribe ${c!.id}`))[0]!.text).toContain('Unsubscribed from https://c.test/rss');
    expect((await h.store.getPreferences(PRIVATE.id)).feedIds).toEqual([b!.id]);
  });

  it('/subscribe <url> goes through the SSRF guard: a loopback address is refused, nothing stored', async () => {
    h = await startHarness();
    const url = serveSampleNews(server);
    const [reply] = await h.say(PRIVATE, `/subscribe ${url}`);
    expect(await outcome(reply!)).toMatch(/^Could not add that feed: .*(loopback|private|blocked|can't be used)/i);
    expect(await h.store.listFeeds()).toEqual([]);
  });

  it('/subscribe <url> adds a subscriber’s feed that only this chat gets (private addresses allowed by config)', async () => {
    h = await startHarness({ env: { ALLOW_PRIVATE_FEEDS: 'true' } });
    await h.store.addFeed('https://world.test/rss');
    const url = serveSampleNews(server);
    const [reply] = await h.say(PRIVATE, `/subscribe ${url}`);
    expect(await outcome(reply!)).toMatch(/^Added Test Wire & Co/);
    const feeds = await h.store.listFeeds();
    expect(feeds).toHaveLength(2);
    // this chat: every public feed plus its own; another chat: the public feed only
    expect((await h.store.getPreferences(PRIVATE.id)).feedIds).toEqual(feeds.map((f) => f.id));
    expect((await h.store.getPreferences(12345)).feedIds).toEqual([feeds[0]!.id]);
    const [others] = await h.say({ id: 7777, type: 'private', first_name: 'Bo' } as never, '/sources');
    expect(others!.text).toContain('you get 1 of 1');
    expect(others!.text).not.toContain('127.0.0.1');
  });
});

describe('plain text and pasted links', () => {
  it('a pasted link is offered for subscription and added by the button; other text gets one hint, once', async () => {
    h = await startHarness({ env: { ALLOW_PRIVATE_FEEDS: 'true' } });
    const url = serveSampleNews(server);
    const [offer] = await h.say(PRIVATE, `  ${url} `);
    expect(offer!.text).toBe(`Subscribe to this feed or site? ${url}`);
    const [checking] = await h.press(PRIVATE, offer!.message_id, buttons(offer!)[0]!.callback_data!, undefined, 1);
    expect(await outcome(checking!)).toMatch(/^Added Test Wire & Co/);
    expect(await h.store.listFeeds()).toHaveLength(1);

    const other = { id: 7790, type: 'private' as const, first_name: 'Ed' };
    const [hint] = await h.say(other, 'hello there');
    expect(hint!.text).toContain('/digest');
    h.api.sendText(other, 'hello again');
    const [help] = await h.say(other, '/help'); // a second hint would have come before this answer
    expect(help!.text).toContain('/why');
    expect(h.api.sent(other.id)).toHaveLength(2);
    // in a group, members' talk is not answered
    h.api.sendText({ id: -4100, type: 'group', title: 'Talk' }, 'hello group');
    const [groupHelp] = await h.say({ id: -4100 }, '/help');
    expect(h.api.sent(-4100)).toEqual([groupHelp]);
  });
});

describe('a pasted site link', () => {
  it('a site\'s page is offered; the button finds its feed (<link rel="alternate">) and subscribes the chat to it', async () => {
    h = await startHarness({ env: { ALLOW_PRIVATE_FEEDS: 'true' } });
    const feedUrl = serveSampleNews(server);
    server.route('/news/', {
      body: `<!doctype html><html><head><title>Test Wire</title><link rel="alternate" type="application/rss+xml" href="${feedUrl}"></head><body>News</body></html>`,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    const site = `${server.url}/news/`;
    const [offer] = await h.say(PRIVATE, site);
    expect(offer!.text).toBe(`Subscribe to this feed or site? ${site}`);
    const [checking] = await h.press(PRIVATE, offer!.message_id, buttons(offer!)[0]!.callback_data!, undefined, 1);
    expect(await outcome(checking!)).toBe('Added Test Wire & Co (found on that page). Its stories appear after the next fetch.');
    const feeds = await h.store.listFeeds();
    expect(feeds.map((f) => f.url)).toEqual([feedUrl]);
    expect((await h.store.getPreferences(PRIVATE.id)).feedIds).toEqual([feeds[0]!.id]);
  });

  it('the offer\'s button goes through the SSRF guard: a loopback link is refused, nothing stored', async () => {
    h = await startHarness();
    const [offer] = await h.say(PRIVATE, serveSampleNews(server));
    const [checking] = await h.press(PRIVATE, offer!.message_id, buttons(offer!)[0]!.callback_data!, undefined, 1);
    expect(await outcome(checking!)).toMatch(/^Could not add that feed: .*(loopback|private|blocked|can't be used)/i);
    expect(await h.store.listFeeds()).toEqual([]);
  });
});

describe('a slow /subscribe blocks nobody', () => {
  it('answers "checking…" at once; the same chat and another user are answered while discovery waits on a slow server', async () => {
    h = await startHarness({ env: { ALLOW_PRIVATE_FEEDS: 'true' } });
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let slowAnswered = false;
    server.route('/slow-site', async (_req, res) => {
      await released;
      slowAnswered = true;
      res.setHeader('content-type', 'application/rss+xml; charset=utf-8');
      res.end(sampleFeed(server.url));
    });
    const [checking] = await h.say(PRIVATE, `/subscribe ${server.url}/slow-site`);
    expect(checking!.text).toBe(`Checking ${server.url}/slow-site…`);
    await vi.waitFor(() => expect(server.requests.some((r) => r.path === '/slow-site')).toBe(true));

    const other = { id: 7778, type: 'private' as const, first_name: 'Cy' };
    const [help] = await h.say(other, '/help');
    expect(help!.text).toContain('/digest');
    const [mine] = await h.say(PRIVATE, '/help');
    expect(mine!.text).toContain('/digest');
    expect(slowAnswered).toBe(false); // both answered while discovery was still waiting

    release();
    expect(await outcome(checking!)).toMatch(/^Added Test Wire & Co/);
    expect(h.api.sent(PRIVATE.id)).toHaveLength(2); // the result is an edit of "checking…", not a third message
  });
});

describe('/topics', () => {
  it('shows, adds include/exclude words and phrases, removes and clears them', async () => {
    h = await startHarness();
    expect((await h.say(PRIVATE, '/topics'))[0]!.text).toContain('No filter');
    const [set] = await h.say(PRIVATE, '/topics +ukraine -football "interest rates"');
    expect(set!.text).toContain('Include (any of): ukraine, "interest rates"');
    expect(set!.text).toContain('Exclude: football');
    expect(await h.store.getPreferences(PRIVATE.id)).toMatchObject({ include: ['ukraine', 'interest rates'], exclude: ['football'] });
    await h.say(PRIVATE, '/topics remove ukraine');
    expect((await h.store.getPreferences(PRIVATE.id)).include).toEqual(['interest rates']);
    await h.say(PRIVATE, '/topics -"interest rates"');
    expect(await h.store.getPreferences(PRIVATE.id)).toMatchObject({ include: [], exclude: ['football', 'interest rates'] });
    await h.say(PRIVATE, '/topics clear');
    expect(await h.store.getPreferences(PRIVATE.id)).toMatchObject({ include: [], exclude: [] });
  });

  it('rejects topics with nothing to match and over-long ones, with one line', async () => {
    h = await startHarness();
    expect((await h.say(PRIVATE, '/topics +!!!'))[0]!.text).toContain('has no letters or digits');
    expect((await h.say(PRIVATE, `/topics +${'a'.repeat(80)}`))[0]!.text).toContain('at most 60 characters');
    expect((await h.store.getPreferences(PRIVATE.id)).include).toEqual([]);
  });
});

describe('state lives in the database', () => {
  it('a restart loses no setting', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-bot-'));
    const file = path.join(dir, 'kf.db');
    h = await startHarness({ dbFile: file });
    const feed = (await h.store.addFeed('https://world.test/rss')).feed;
    await h.store.addFeed('https://biz.test/rss');
    await seedArticle(h.store, { ...KURSK, feedId: feed.id });
    await h.say(PRIVATE, '/start');
    await h.say(PRIVATE, '/time 07:30');
    await h.say(PRIVATE, '/timezone Kyiv');
    await h.say(PRIVATE, '/pause');
    await h.say(PRIVATE, '/topics +kursk');
    await h.say(PRIVATE, '/unsubscribe 2');
    await h.say(PRIVATE, '/digest');
    await h.stop();

    h = await startHarness({ dbFile: file });
    expect(await h.store.getSubscriber(PRIVATE.id)).toMatchObject({ digestTime: '07:30', timezone: 'Europe/Kyiv', paused: true });
    expect(await h.store.getPreferences(PRIVATE.id)).toEqual({ feedIds: [feed.id], include: ['kursk'], exclude: [] });
    const [settings] = await h.say(PRIVATE, '/settings');
    expect(settings!.text).toContain('daily at 07:30 (Europe/Kyiv)');
    expect(settings!.text).toContain('paused');
    const [story] = await h.say(PRIVATE, '/story 1');
    expect(story!.text).toContain('Kursk');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
