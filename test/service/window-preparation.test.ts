/** The window preparation: the minute's /figures window ranked, and dated in every zone chats use, before anyone asks. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_PREPARED_ZONES, startWindowPreparation, zonesToPrepare } from '../../src/service/start-window-preparation.js';
import { createLogger } from '../../src/support/logger.js';
import { BRIDGE, KURSK, PRIVATE, seedArticle, startHarness, type Harness } from '../bot/bot-harness.js';

describe('zonesToPrepare', () => {
  it('puts the default zone first, then each zone of the chats once, at most MAX_PREPARED_ZONES', () => {
    expect(zonesToPrepare('UTC', [{ timezone: 'Asia/Tokyo' }, { timezone: null }, { timezone: 'UTC' }, { timezone: 'Asia/Tokyo' }])).toEqual(['UTC', 'Asia/Tokyo']);
    const many = Array.from({ length: 40 }, (_, i) => ({ timezone: `Etc/GMT+${i % 12}` }));
    expect(zonesToPrepare('UTC', many)).toHaveLength(Math.min(MAX_PREPARED_ZONES, 13));
  });
});

describe('startWindowPreparation', () => {
  let h: Harness | undefined;
  afterEach(async () => h?.stop());

  it("leaves a chat in its own zone's first /figures only its own rows to read: no articles, no series", async () => {
    h = await startHarness();
    const feed = (await h.store.addFeed('https://world.test/rss')).feed;
    await seedArticle(h.store, { ...KURSK, feedId: feed.id });
    await h.store.subscribe({ chatId: PRIVATE.id, chatType: 'private', title: null }, new Date());
    await h.store.setSchedule(PRIVATE.id, { timezone: 'Asia/Tokyo' });
    const now = new Date();
    h.deps.now = () => now;
    const preparation = startWindowPreparation({ deps: h.deps, logger: createLogger({ level: 'warn' }), timezone: () => 'UTC' });
    preparation.now();
    await preparation.stop();
    const reads: string[] = [];
    for (const name of ['articlesForDigest', 'seriesPointsOfArticles', 'seriesPoints'] as const) {
      const original = (h.store[name] as (...args: unknown[]) => Promise<unknown>).bind(h.store);
      (h.store as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => (reads.push(name), original(...args));
    }
    const [reply] = await h.say(PRIVATE, '/figures');
    expect(reply!.text).toContain('971');
    expect(reads).toEqual([]);
  });

  it("has every story's match text made with the ranking, so a chat's topics only compare words at its first ask", async () => {
    h = await startHarness();
    const feed = (await h.store.addFeed('https://world.test/rss')).feed;
    await seedArticle(h.store, { ...KURSK, feedId: feed.id });
    await seedArticle(h.store, { ...BRIDGE, feedId: feed.id });
    await h.store.subscribe({ chatId: PRIVATE.id, chatType: 'private', title: null }, new Date());
    await h.store.setTopics(PRIVATE.id, { include: ['ukraine'], exclude: [] });
    await h.say(PRIVATE, '/figures ukraine'); // the topic word's own normalization, made once per process
    const now = new Date(Date.now() + 120_000);
    h.deps.now = () => now;
    const preparation = startWindowPreparation({ deps: h.deps, logger: createLogger({ level: 'warn' }), timezone: () => 'UTC' });
    preparation.now();
    await preparation.stop();
    // Text is normalized (accents split off) only to make a story's match text: none is made in the ask.
    const normalize = vi.spyOn(String.prototype, 'normalize');
    const [reply] = await h.say(PRIVATE, '/figures');
    const calls = normalize.mock.calls.length;
    normalize.mockRestore();
    expect(reply!.text).toContain('971');
    expect(reply!.text).not.toContain('$48m');
    expect(calls).toBe(0);
  });
});
