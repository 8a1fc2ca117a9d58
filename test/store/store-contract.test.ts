/**
 * The Store contract: one suite, run against every adapter (SQLite always; PostgreSQL when PG_URL
 * is set). Each test gets a fresh database.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import type { NewArticle, Store } from '../../src/store/store.js';
import { describeEachStore, type TestDatabase } from './adapters.js';
import { textView } from '../support/digest-views.js';

/** A Telegram supergroup id: beyond 32 bits, as real ones are. */
const SUPERGROUP = -1001234567890;

function article(key: string, over: Partial<NewArticle> = {}): NewArticle {
  return {
    feedId: null,
    key,
    link: `https://news.example/${key}`,
    title: `Story ${key}`,
    source: 'Example News',
    publishedAt: new Date('2026-11-24T06:00:00.000Z'),
    fetchedAt: new Date('2026-11-24T07:00:00.000Z'),
    text: 'Officials counted 971 ballots.',
    summary: 'Officials counted 971 ballots.',
    figures: [
      { text: '971', value: 971, kind: 'count', unit: null, label: 'ballots', sentence: 'Officials counted 971 ballots.', start: 18, end: 21, approx: null, score: 3.5 },
    ],
    ...over,
  };
}

const T = (minute: number) => new Date(Date.UTC(2026, 10, 24, 8, minute));

describeEachStore('Store contract', (current) => {
  let database: TestDatabase;
  let store: Store;
  beforeEach(() => {
    ({ database, store } = current());
  });

  describe('feeds', () => {
    it('adds, lists and removes feeds, once per URL', async () => {
      const first = await store.addFeed('https://a.example/rss', { title: 'A', siteUrl: 'https://a.example/' });
      const again = await store.addFeed('https://a.example/rss');
      expect(first).toMatchObject({ created: true, feed: { url: 'https://a.example/rss', title: 'A', siteUrl: 'https://a.example/', errorCount: 0 } });
      expect(again).toMatchObject({ created: false, feed: { id: first.feed.id } });
      await store.addFeed('https://b.example/rss');
      expect((await store.listFeeds()).map((f) => f.url)).toEqual(['https://a.example/rss', 'https://b.example/rss']);
      expect(await store.removeFeed(first.feed.id)).toBe(true);
      expect(await store.removeFeed('https://b.example/rss')).toBe(true);
      expect(await store.removeFeed('https://nope.example/')).toBe(false);
      expect(await store.listFeeds()).toEqual([]);
    });

    it('records errors, clears them on success, keeps validators on a 304 and replaces them on a 200', async () => {
      const { feed } = await store.addFeed('https://a.example/rss');
      await store.recordFeedError(feed.id, 'fetch: 503 Service Unavailable', T(0), T(30));
      await store.recordFeedError(feed.id, 'fetch: 503 Service Unavailable', T(30));
      expect((await store.listFeeds())[0]).toMatchObject({ errorCount: 2, lastError: 'fetch: 503 Service Unavailable', lastErrorAt: T(30), nextCheckAt: null });
      await store.recordFeedSuccess(feed.id, { title: 'A News', at: T(40), etag: '"v1"', lastModified: 'Tue, 24 Nov 2026 08:00:00 GMT', nextCheckAt: T(50) });
      expect((await store.listFeeds())[0]).toMatchObject({ errorCount: 0, lastError: null, lastErrorAt: null, title: 'A News', etag: '"v1"', lastSuccessAt: T(40), lastFetchedAt: T(40), nextCheckAt: T(50) });
      await store.recordFeedSuccess(feed.id, { title: null, at: T(50) });
      expect((await store.listFeeds())[0]).toMatchObject({ title: 'A News', etag: '"v1"', lastModified: 'Tue, 24 Nov 2026 08:00:00 GMT' });
      await store.recordFeedSuccess(feed.id, { title: null, at: T(55), etag: null, lastModified: null });
      expect((await store.listFeeds())[0]).toMatchObject({ etag: null, lastModified: null });
    });

    it('claims due feeds: never checked first, then by next check', async () => {
      const a = (await store.addFeed('https://a.example/rss')).feed;
      const b = (await store.addFeed('https://b.example/rss')).feed;
      const c = (await store.addFeed('https://c.example/rss')).feed;
      await store.recordFeedSuccess(a.id, { title: null, at: T(0), nextCheckAt: T(20) });
      await store.recordFeedSuccess(b.id, { title: null, at: T(0), nextCheckAt: T(10) });
      expect((await store.claimDueFeeds('x', { now: T(15), leaseMs: 60_000, limit: 1 })).map((f) => f.id)).toEqual([c.id]);
      expect((await store.claimDueFeeds('y', { now: T(15), leaseMs: 3_600_000 })).map((f) => f.id)).toEqual([b.id]);
      expect(await store.releaseFeedClaims('x')).toBe(1);
      expect((await store.claimDueFeeds('z', { now: T(20), leaseMs: 60_000 })).map((f) => f.id)).toEqual([c.id, a.id]);
    });

    it("adds a subscriber's feed and marks it theirs in one transaction: a failure in between leaves no operator feed (issue 15)", async () => {
      const mine = await store.addFeed('https://mine.example/rss', { addedByChat: 42 });
      expect(mine.created).toBe(true);
      expect(await store.userFeedIds()).toEqual([mine.feed.id]);
      // Again, by another chat: already there, stays the first chat's.
      expect((await store.addFeed('https://mine.example/rss', { addedByChat: 7 })).created).toBe(false);
      expect(await store.userFeedIds()).toEqual([mine.feed.id]);
      // A fault right after the feed row is written (a crash, a full disk) must take the feed with it.
      await database.exec(
        database.adapter === 'sqlite'
          ? "CREATE TRIGGER fail_user_feed BEFORE INSERT ON user_feeds BEGIN SELECT RAISE(ABORT, 'injected fault'); END;"
          : "CREATE FUNCTION fail_user_feed() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$ LANGUAGE plpgsql; CREATE TRIGGER fail_user_feed BEFORE INSERT ON user_feeds FOR EACH ROW EXECUTE FUNCTION fail_user_feed();",
      );
      await expect(store.addFeed('https://other.example/rss', { addedByChat: 42 })).rejects.toThrow(/injected fault/);
      expect((await store.listFeeds()).map((f) => f.url)).toEqual(['https://mine.example/rss']);
    });

    it('knows item keys stored as articles or marked seen', async () => {
      const { feed } = await store.addFeed('https://a.example/rss');
      await store.saveArticle(article('stored'));
      await store.markItemsSeen(feed.id, ['seen', 'seen', 'other'], T(0));
      await store.markItemsSeen(feed.id, ['seen'], T(1));
      const many = Array.from({ length: 1200 }, (_, i) => `k${i}`);
      expect(await store.knownItemKeys(['stored', 'seen', 'new', ...many])).toEqual(new Set(['stored', 'seen']));
      expect(await store.knownItemKeys(['stored', 'seen'], { storedOnly: true })).toEqual(new Set(['stored']));
      expect(await store.knownItemKeys([])).toEqual(new Set());
    });
  });

  describe('articles', () => {
    it('stores an article once, with its figures in rank order', async () => {
      const saved = await store.saveArticle(article('k1', { figures: [...article('k1').figures, { text: '20-30', value: 20, valueMax: 30, kind: 'range', unit: null, label: 'tents', sentence: 's', start: 0, end: 5, approx: 'about' }] }));
      expect(saved?.id).toBeGreaterThan(0);
      expect(await store.saveArticle(article('k1', { title: 'edited' }))).toBeNull();
      expect(await store.knownItemKeys(['k1', 'k2'], { storedOnly: true })).toEqual(new Set(['k1']));
      const loaded = await store.getArticle(saved!.id);
      expect(loaded).toEqual(saved);
      expect(loaded!.figures[1]).toEqual({ text: '20-30', value: 20, valueMax: 30, kind: 'range', unit: null, label: 'tents', sentence: 's', start: 0, end: 5, approx: 'about' });
      expect(await store.getArticle(999_999)).toBeNull();
    });

    it('reads several articles in one call, in the order asked, with their figures, bodies when asked', async () => {
      const a = (await store.saveArticle(article('a')))!;
      const b = (await store.saveArticle(article('b', { figures: [] })))!;
      const c = (await store.saveArticle(article('c', { text: 'Officials counted 972 ballots.' })))!;
      expect(await store.getArticles([c.id, 999_999, a.id, b.id])).toEqual([c, a, b]);
      const light = await store.getArticles([a.id, c.id], { bodies: false });
      expect(light).toEqual([{ ...a, text: '' }, { ...c, text: '' }]);
      expect(await store.getArticles([])).toEqual([]);
    });

    it('selects digest articles by first-seen and publication time', async () => {
      await store.saveArticle(article('new', { fetchedAt: new Date('2026-11-24T07:00:00.000Z'), publishedAt: new Date('2026-11-24T06:00:00.000Z') }));
      await store.saveArticle(article('seen', { fetchedAt: new Date('2026-11-23T07:00:00.000Z'), publishedAt: new Date('2026-11-23T06:00:00.000Z') }));
      await store.saveArticle(article('backlog', { fetchedAt: new Date('2026-11-24T07:00:00.000Z'), publishedAt: new Date('2025-01-01T00:00:00.000Z') }));
      await store.saveArticle(article('undated', { fetchedAt: new Date('2026-11-24T07:00:00.000Z'), publishedAt: null }));
      const picked = await store.articlesForDigest({ fetchedSince: new Date('2026-11-24T00:00:00.000Z'), publishedSince: new Date('2026-11-23T08:00:00.000Z') });
      expect(picked.map((a) => a.key).sort()).toEqual(['new', 'undated']);
      expect((await store.articlesForDigest({ fetchedSince: null, publishedSince: null })).map((a) => a.key)).toEqual(['new', 'seen', 'backlog', 'undated']);
    });

    it('reads a digest window without bodies when asked: every other field and figure as stored, text empty', async () => {
      const saved = await store.saveArticle(article('k1', { text: 'A long body the digest never shows.' }));
      const whole = await store.articlesForDigest({ fetchedSince: null, publishedSince: null });
      const light = await store.articlesForDigest({ fetchedSince: null, publishedSince: null }, { bodies: false });
      expect(whole).toEqual([saved]);
      expect(light).toEqual([{ ...saved, text: '' }]);
    });

    it('searches whole words through the full-text index: any case, phrases, the chosen feeds; recent only, newest first, without bodies or figures', async () => {
      const wire = (await store.addFeed('https://wire.example/rss')).feed;
      await store.saveArticle(article('a', { title: 'Interest rates rise', publishedAt: T(1) }));
      await store.saveArticle(article('b', { title: 'Rates hold at 5%', summary: 'The central bank', publishedAt: T(2), feedId: wire.id }));
      await store.saveArticle(article('c', { title: 'Old rates story', fetchedAt: new Date('2026-10-01T00:00:00.000Z'), publishedAt: new Date('2026-10-01T00:00:00.000Z') }));
      await store.saveArticle(article('d', { title: 'Growth 50_50 split', publishedAt: T(3) }));
      await store.saveArticle(article('e', { title: 'Rate cut ahead', text: 'The café on the interest-rates desk said so.', publishedAt: T(4) }));
      const since = '2026-11-20T00:00:00.000Z';
      const keys = async (words: string[], limit = 10, feedIds: number[] | null = null) => (await store.searchArticles(words, new Date(since), limit, { feedIds })).map((a) => a.key);
      expect(await keys(['RATES'])).toEqual(['e', 'b', 'a']); // e in its body, across a hyphen
      expect(await keys(['rate'])).toEqual(['e']); // whole words: "rate" is not "rates"
      expect(await keys(['rising'])).toEqual([]);
      expect(await keys(['rates', 'central'])).toEqual(['b']);
      expect(await keys(['interest rates'])).toEqual(['e', 'a']); // a phrase, in order, across punctuation
      expect(await keys(['rates interest'])).toEqual([]);
      expect(await keys(['café'])).toEqual(['e']);
      expect(await keys(['5%'])).toEqual(['b']);
      expect(await keys(['0_5'])).toEqual([]); // whole words: "0 5" is not in "50_50"
      expect(await keys(['50 50'])).toEqual(['d']);
      expect(await keys(['%'])).toEqual([]); // no letters or digits: nothing mentions it
      expect(await keys(['"rates" OR NEAR(x'])).toEqual([]); // query syntax is only words
      expect(await keys(['rates'], 1)).toEqual(['e']);
      expect(await keys(['rates'], 10, [wire.id])).toEqual(['b']);
      expect(await keys(['rates'], 10, [])).toEqual([]);
      // Light: what a result list shows, not the body or the figures (read for the page shown).
      const [b] = await store.searchArticles(['central'], new Date(since), 10);
      expect(b).toMatchObject({ key: 'b', title: 'Rates hold at 5%', summary: 'The central bank', feedId: wire.id, text: '', figures: [] });
    });

    it('keeps the search index in step with edits and deletions', async () => {
      const a = await store.saveArticle(article('a', { title: 'Harbour bridge reopens' }));
      await store.saveArticle(article('b', { title: 'Harbour ferry delayed' }));
      const since = '2026-11-20T00:00:00.000Z';
      await database.exec(`UPDATE articles SET title = 'Airport runway reopens' WHERE id = ${a!.id}`);
      expect((await store.searchArticles(['harbour'], new Date(since), 10)).map((x) => x.key)).toEqual(['b']);
      expect((await store.searchArticles(['runway'], new Date(since), 10)).map((x) => x.key)).toEqual(['a']);
      await database.exec(`DELETE FROM articles WHERE id = ${a!.id}`);
      expect(await store.searchArticles(['runway'], new Date(since), 10)).toEqual([]);
    });

    it('finds figures by value (or range top) and by digits, newest article first', async () => {
      const a = await store.saveArticle(article('a', { figures: [{ text: '1,000', value: 1000, kind: 'count', unit: null, label: 'x', sentence: 's', start: 0, end: 5, approx: null }] }));
      const b = await store.saveArticle(article('b', { figures: [{ text: '900-1,000', value: 900, valueMax: 1000, kind: 'range', unit: null, label: 'y', sentence: 's', start: 0, end: 9, approx: null }, { text: '$4.5bn', value: 4.5e9, kind: 'money', unit: 'USD', label: 'z', sentence: 's', start: 0, end: 6, approx: null }] }));
      await store.saveArticle(article('old', { fetchedAt: new Date('2026-01-01T00:00:00.000Z') }));
      const since = '2026-11-01T00:00:00.000Z';
      const byValue = await store.findFigures({ values: [1000], digits: '' }, new Date(since), 10);
      expect(byValue.map((h) => [h.article.id, h.figure.text])).toEqual([[b!.id, '900-1,000'], [a!.id, '1,000']]);
      expect(byValue[0]!.article).toMatchObject({ id: b!.id, title: 'Story b', source: 'Example News', fetchedAt: new Date('2026-11-24T07:00:00.000Z') });
      expect((await store.findFigures({ values: [4.5e9], digits: '' }, new Date(since), 10)).map((h) => h.figure.text)).toEqual(['$4.5bn']);
      expect((await store.findFigures({ values: [], digits: '1000' }, new Date(since), 10)).map((h) => h.figure.text)).toEqual(['900-1,000', '1,000']);
      expect((await store.findFigures({ values: [971], digits: '' }, new Date(since), 10))).toEqual([]);
      expect((await store.findFigures({ values: [971], digits: '' }, new Date('2025-01-01T00:00:00.000Z'), 10)).map((h) => h.figure.text)).toEqual(['971']);
      expect(await store.findFigures({ values: [], digits: '' }, new Date(since), 10)).toEqual([]);
    });

    it('retention empties old bodies, oldest first, and keeps titles, figures and their sentences', async () => {
      const old = await store.saveArticle(article('old', { title: 'Harbour bridge opens', text: 'The zeppelin hangar counted 971 ballots.', fetchedAt: new Date('2026-09-01T00:00:00.000Z') }));
      await store.saveArticle(article('older', { text: 'Older body.', fetchedAt: new Date('2026-08-01T00:00:00.000Z') }));
      const fresh = await store.saveArticle(article('fresh', { text: 'Fresh zeppelin body.', fetchedAt: new Date('2026-11-24T07:00:00.000Z') }));
      const before = new Date('2026-10-25T00:00:00.000Z');
      expect(await store.dropArticleBodies(before, 1)).toBe(1); // the oldest first
      expect(await store.dropArticleBodies(before, 10)).toBe(1);
      expect(await store.dropArticleBodies(before, 10)).toBe(0);
      const kept = await store.getArticle(old!.id);
      expect(kept).toEqual({ ...old, text: '' });
      expect(kept!.figures[0]!.sentence).toBe('Officials counted 971 ballots.');
      expect(await store.getArticle(fresh!.id)).toEqual(fresh);
      // /why still finds the old figure; word search no longer sees the old article, body or title
      // (/search looks back 30 days, retention never less), and still finds the fresh one.
      expect((await store.findFigures({ values: [971], digits: '' }, new Date('2026-01-01T00:00:00.000Z'), 10)).map((h) => h.article.id)).toContain(old!.id);
      expect((await store.searchArticles(['zeppelin'], new Date('2026-01-01T00:00:00.000Z'), 10)).map((a) => a.key)).toEqual(['fresh']);
      expect(await store.searchArticles(['harbour'], new Date('2026-01-01T00:00:00.000Z'), 10)).toEqual([]);
      // An article stored without a body leaves search when retention reaches it, once.
      await store.saveArticle(article('bare', { title: 'Harbour ferry', text: '', fetchedAt: new Date('2026-10-01T00:00:00.000Z') }));
      expect((await store.searchArticles(['ferry'], new Date('2026-01-01T00:00:00.000Z'), 10)).map((a) => a.key)).toEqual(['bare']);
      expect(await store.dropArticleBodies(before, 10)).toBe(1);
      expect(await store.dropArticleBodies(before, 10)).toBe(0);
      expect(await store.searchArticles(['ferry'], new Date('2026-01-01T00:00:00.000Z'), 10)).toEqual([]);
      // Deleting a retired article leaves the search index whole (SQLite: no 'delete' of an entry it never held).
      await database.exec(`DELETE FROM figures WHERE article_id = ${old!.id}; DELETE FROM articles WHERE id = ${old!.id}`);
      expect((await store.searchArticles(['zeppelin'], new Date('2026-01-01T00:00:00.000Z'), 10)).map((a) => a.key)).toEqual(['fresh']);
      expect(await store.articleStats()).toMatchObject({ articles: 3, figures: 3 });
    });

    it('counts articles and figures for operators', async () => {
      expect(await store.articleStats()).toEqual({ articles: 0, figures: 0, lastFetchedAt: null });
      await store.saveArticle(article('a'));
      await store.saveArticle(article('b', { fetchedAt: new Date('2026-11-24T09:00:00.000Z') }));
      expect(await store.articleStats()).toEqual({ articles: 2, figures: 2, lastFetchedAt: new Date('2026-11-24T09:00:00.000Z') });
      // Counted as rows come and go, whoever deletes them.
      await database.exec("DELETE FROM figures WHERE article_id IN (SELECT id FROM articles WHERE key = 'b'); DELETE FROM articles WHERE key = 'b'");
      expect(await store.articleStats()).toEqual({ articles: 1, figures: 1, lastFetchedAt: new Date('2026-11-24T07:00:00.000Z') });
    });
  });

  describe('digests', () => {
    it('saves editions and lists them oldest first; the latest is the newest', async () => {
      expect(await store.latestDigest()).toBeNull();
      const stories = [
        { number: 1, articleId: 1, title: 'T', link: null, source: 'S', publishedAt: T(-60), summary: 'x', figures: [] },
        { number: 2, articleId: null, title: 'U', link: null, source: 'S', publishedAt: null, summary: 'y', figures: [] },
      ];
      const one = await store.saveDigest({ date: '2026-11-24', createdAt: T(0), timezone: 'UTC', stories });
      const two = await store.saveDigest({ date: '2026-11-25', createdAt: T(5), timezone: 'Europe/Kyiv', stories: [] });
      expect(await store.getDigest(one.id)).toEqual({ id: one.id, date: '2026-11-24', createdAt: T(0), timezone: 'UTC', stories });
      expect((await store.latestDigest())!.id).toBe(two.id);
      expect(await store.listDigests()).toEqual([{ id: one.id, date: '2026-11-24', createdAt: T(0) }, { id: two.id, date: '2026-11-25', createdAt: T(5) }]);
      expect(await store.getDigest(999_999)).toBeNull();
    });
  });

  describe('subscribers', () => {
    it('subscribes, deactivates and re-activates a chat', async () => {
      const chat = { chatId: 42, chatType: 'private' as const, title: 'ann' };
      const first = await store.subscribe(chat, T(0));
      expect(first).toMatchObject({ change: 'new', subscriber: { chatId: 42, active: true, subscribedAt: T(0), paused: false } });
      expect((await store.subscribe(chat, T(1))).change).toBe('unchanged');
      expect(await store.deactivate(42, 'bot was blocked by the user')).toBe(true);
      expect(await store.deactivate(42, 'again')).toBe(false);
      expect(await store.getSubscriber(42)).toMatchObject({ active: false, deactivatedReason: 'bot was blocked by the user' });
      expect(await store.activeSubscribers()).toEqual([]);
      expect((await store.subscribe({ ...chat, title: 'Ann' }, T(2))).change).toBe('reactivated');
      expect(await store.getSubscriber(42)).toMatchObject({ active: true, deactivatedReason: null, title: 'Ann', subscribedAt: T(0) });
      expect((await store.activeSubscribers()).map((s) => s.chatId)).toEqual([42]);
    });

    it('lists every chat, oldest first, with chat ids beyond 32 bits', async () => {
      await store.subscribe({ chatId: SUPERGROUP, chatType: 'supergroup', title: 'big' }, T(1));
      await store.subscribe({ chatId: 7, chatType: 'private', title: null }, T(0));
      await store.deactivate(7, 'stopped');
      expect((await store.listSubscribers()).map((s) => s.chatId)).toEqual([7, SUPERGROUP]);
      expect((await store.activeSubscribers()).map((s) => s.chatId)).toEqual([SUPERGROUP]);
    });

    it("keeps a chat's own digest time, time zone and pause, and restores defaults with null", async () => {
      await store.subscribe({ chatId: 9, chatType: 'private', title: null }, T(0));
      expect(await store.getSubscriber(9)).toMatchObject({ timezone: null, digestTime: null, paused: false, lastDigestAt: null });
      expect(await store.setSchedule(9, { digestTime: '07:30', timezone: 'Europe/Kyiv' })).toBe(true);
      expect(await store.setPaused(9, true)).toBe(true);
      await store.markDigestGiven(9, T(30));
      expect(await store.getSubscriber(9)).toMatchObject({ timezone: 'Europe/Kyiv', digestTime: '07:30', paused: true, lastDigestAt: T(30) });
      await store.setSchedule(9, { timezone: null });
      expect(await store.getSubscriber(9)).toMatchObject({ timezone: null, digestTime: '07:30' });
      expect(await store.setSchedule(9, {})).toBe(true);
      expect(await store.setSchedule(404, {})).toBe(false);
      expect(await store.setSchedule(404, { digestTime: '08:00' })).toBe(false);
      expect(await store.setPaused(404, true)).toBe(false);
    });

    it("keeps a chat's language; null until set; it follows a migrated group", async () => {
      await store.subscribe({ chatId: -101, chatType: 'group', title: 'g' }, T(0));
      expect(await store.getSubscriber(-101)).toMatchObject({ language: null });
      expect(await store.setLanguage(-101, 'uk')).toBe(true);
      expect((await store.subscribe({ chatId: -101, chatType: 'group', title: 'g' }, T(1))).subscriber.language).toBe('uk');
      await store.migrateChat(-101, SUPERGROUP);
      expect(await store.getSubscriber(SUPERGROUP)).toMatchObject({ language: 'uk' });
      expect(await store.setLanguage(SUPERGROUP, null)).toBe(true);
      expect(await store.getSubscriber(SUPERGROUP)).toMatchObject({ language: null });
      expect(await store.setLanguage(404, 'en')).toBe(false);
    });

    it('follows a group migrated to a supergroup: outbox, choices, topics and private feeds move', async () => {
      await store.subscribe({ chatId: -100, chatType: 'group', title: 'g' }, T(0));
      const { feed } = await store.addFeed('https://a.example/rss', { addedByChat: -100 });
      await store.setFeedChoice(-100, { mode: 'only', optIns: [feed.id], optOuts: [] });
      await store.setTopics(-100, { include: ['ukraine'], exclude: ['football'] });
      const digest = await store.saveDigest({ date: '2026-11-24', createdAt: T(0), timezone: 'UTC', stories: [] });
      await store.enqueueEdition(digest.id, [{ view: textView(['p0']), messages: 1, chatIds: [-100] }], null);
      await store.migrateChat(-100, SUPERGROUP);
      expect(await store.getSubscriber(-100)).toBeNull();
      expect(await store.getSubscriber(SUPERGROUP)).toMatchObject({ chatType: 'supergroup', active: true });
      expect((await store.claimDeliveries('w', { now: T(10), limit: 10, leaseMs: 1000, staleBefore: T(10) })).map((d) => d.chatId)).toEqual([SUPERGROUP]);
      expect(await store.getPreferences(SUPERGROUP)).toEqual({ feedIds: [feed.id], include: ['ukraine'], exclude: ['football'] });
      expect(await store.getPreferences(-100)).toEqual({ feedIds: [], include: [], exclude: [] });
    });

    it('merges into a supergroup that is already known: its own rows win, the old chat is gone', async () => {
      await store.subscribe({ chatId: -100, chatType: 'group', title: 'g' }, T(0));
      await store.subscribe({ chatId: SUPERGROUP, chatType: 'supergroup', title: 'g' }, T(1));
      await store.setTopics(-100, { include: ['old'], exclude: [] });
      await store.setTopics(SUPERGROUP, { include: ['new'], exclude: [] });
      const digest = await store.saveDigest({ date: '2026-11-24', createdAt: T(0), timezone: 'UTC', stories: [] });
      await store.enqueueEdition(digest.id, [{ view: textView(['p0']), messages: 1, chatIds: [-100, SUPERGROUP] }], null);
      await store.migrateChat(-100, SUPERGROUP);
      expect((await store.listSubscribers()).map((s) => s.chatId)).toEqual([SUPERGROUP]);
      expect((await store.getPreferences(SUPERGROUP)).include).toEqual(['new']);
      expect(await store.deliveryCounts(digest.id)).toEqual({ pending: 1, sent: 0, failed: 0, cancelled: 0 });
    });
  });

  describe('subscribers at scale: counted and planned in the database', () => {
    it('counts active, paused, group and own-time chats without listing them', async () => {
      await store.subscribe({ chatId: 1, chatType: 'private', title: null }, T(0));
      await store.subscribe({ chatId: 2, chatType: 'private', title: null }, T(0));
      await store.subscribe({ chatId: SUPERGROUP, chatType: 'supergroup', title: 'g' }, T(0));
      await store.subscribe({ chatId: 4, chatType: 'private', title: null }, T(0));
      await store.setPaused(2, true);
      await store.setSchedule(SUPERGROUP, { digestTime: '07:30' });
      await store.setSchedule(4, { digestTime: '06:00' });
      await store.deactivate(4, 'blocked');
      expect(await store.subscriberCounts()).toEqual({ active: 3, paused: 1, groups: 1, ownTime: 1 });
      // Kept by triggers as chats come back, change and move: the same as counting them.
      await store.subscribe({ chatId: 4, chatType: 'private', title: null }, T(1));
      await store.setPaused(2, false);
      await store.setSchedule(1, { digestTime: '09:00' });
      await store.migrateChat(1, -1001);
      expect(await store.subscriberCounts()).toEqual({ active: 4, paused: 0, groups: 2, ownTime: 3 });
      await database.exec('DELETE FROM subscribers WHERE chat_id = 2');
      await database.exec("UPDATE subscribers SET chat_type = 'group' WHERE chat_id = 4");
      expect(await store.subscriberCounts()).toEqual({ active: 3, paused: 0, groups: 3, ownTime: 3 });
    });

    it('lists the schedules in use and finds the chats due for their slots, by chat id', async () => {
      const slot = T(30);
      const chats: Array<[number, { timezone?: string | null; digestTime?: string | null }, Date | null, Date]> = [
        // chat, schedule, last given, subscribed
        [10, {}, null, T(0)], // default schedule, never given: due
        [11, {}, T(29), T(0)], // given before the slot: due
        [12, {}, T(30), T(0)], // given at the slot: not due
        [13, {}, null, T(31)], // subscribed after the slot: not due
        [14, { timezone: 'Europe/Kyiv' }, null, T(0)], // another zone: its own slot
        [15, { timezone: 'Europe/Kyiv', digestTime: '10:30' }, T(1), T(0)],
        [16, { digestTime: '10:30' }, null, T(0)], // a schedule with no slot asked: not due
      ];
      for (const [chatId, schedule, given, at] of chats) {
        await store.subscribe({ chatId, chatType: 'private', title: null }, at);
        await store.setSchedule(chatId, schedule);
        if (given) await store.markDigestGiven(chatId, given);
      }
      await store.subscribe({ chatId: 17, chatType: 'private', title: null }, T(0));
      await store.setPaused(17, true);
      await store.subscribe({ chatId: 18, chatType: 'private', title: null }, T(0));
      await store.deactivate(18, 'blocked');
      const key = (s: { timezone: string | null; digestTime: string | null }) => `${s.timezone}/${s.digestTime}`;
      expect((await store.schedulesInUse()).map(key).sort()).toEqual(['Europe/Kyiv/10:30', 'Europe/Kyiv/null', 'null/10:30', 'null/null']);
      const later = T(45);
      const due = await store.chatsDue([
        { timezone: null, digestTime: null, slot },
        { timezone: 'Europe/Kyiv', digestTime: null, slot: later },
        { timezone: 'Europe/Kyiv', digestTime: '10:30', slot },
      ]);
      expect(due.map((d) => [d.chatId, d.slot.toISOString()])).toEqual([
        [10, slot.toISOString()],
        [11, slot.toISOString()],
        [14, later.toISOString()],
        [15, slot.toISOString()],
      ]);
      expect(await store.chatsDue([])).toEqual([]);
    });
  });

  describe('outbox', () => {
    it('queues digest parts once and hands out only the next part per chat, after its retry time', async () => {
      const digest = await store.saveDigest({ date: '2026-11-24', createdAt: T(0), timezone: 'UTC', stories: [] });
      const P = textView(['p0', 'p1']);
      expect(await store.enqueueEdition(digest.id, [{ view: P, messages: 2, chatIds: [1, 2] }], null)).toBe(4);
      expect(await store.enqueueEdition(digest.id, [{ view: P, messages: 2, chatIds: [1, 2] }], null)).toBe(0);
      const claim = (minute: number) => store.claimDeliveries('w', { now: T(minute), limit: 10, leaseMs: 1000, staleBefore: T(minute) });
      const due = await claim(1);
      expect(due.map((d) => [d.chatId, d.part, d.view, d.html])).toEqual([[1, 0, P, null], [2, 0, P, null]]);
      await store.completeDelivery(due[0]!.id, 'w', 100, T(2));
      await store.failDelivery(due[1]!.id, 'w', { error: 'Too Many Requests: retry after 5', notBefore: T(7), final: false, countAttempt: false });
      expect((await claim(3)).map((d) => [d.chatId, d.part, d.view])).toEqual([[1, 1, P]]);
      expect((await claim(8)).map((d) => [d.chatId, d.part, d.lastError])).toEqual([[1, 1, null], [2, 0, 'Too Many Requests: retry after 5']]);
      expect(await store.cancelPending(2, 'blocked')).toBe(2);
      expect(await store.deliveryCounts(digest.id)).toEqual({ pending: 1, sent: 1, failed: 0, cancelled: 2 });
      expect(await store.deliveryCounts()).toEqual({ pending: 1, sent: 1, failed: 0, cancelled: 2 });
    });

    it('counts the outbox by state from counters the database keeps: queued, sent, failed, retried, cancelled, merged away', async () => {
      const digest = await store.saveDigest({ date: '2026-11-24', createdAt: T(0), timezone: 'UTC', stories: [] });
      await store.enqueueEdition(digest.id, [{ view: textView(['p0']), messages: 1, chatIds: [1, 2, 3, 4, 5] }], null);
      const counted = async () => expect(await store.deliveryCounts()).toEqual(await store.deliveryCounts(digest.id));
      await counted();
      const due = await store.claimDeliveries('w', { now: T(1), limit: 10, leaseMs: 60_000, staleBefore: T(0) });
      await store.completeDelivery(due[0]!.id, 'w', 100, T(2));
      await store.failDelivery(due[1]!.id, 'w', { error: 'Forbidden: bot was blocked by the user', notBefore: null, final: true, countAttempt: true });
      await store.failDelivery(due[2]!.id, 'w', { error: 'Too Many Requests: retry after 5', notBefore: T(7), final: false, countAttempt: false });
      expect(await store.cancelPending(4, 'blocked')).toBe(1);
      expect(await store.deliveryCounts()).toEqual({ pending: 2, sent: 1, failed: 1, cancelled: 1 });
      await counted();
      // Chat 5 becomes chat 1 (a group turned supergroup): its copy of the part chat 1 has goes.
      await store.migrateChat(5, 1);
      expect(await store.deliveryCounts()).toEqual({ pending: 1, sent: 1, failed: 1, cancelled: 1 });
      await counted();
      // The counters, not the rows, are what is read: four numbers, however long the history.
      await database.exec("UPDATE row_counts SET n = n + 1000 WHERE name = 'deliveries_sent'");
      expect((await store.deliveryCounts()).sent).toBe(1001);
    });

    it('queues each group of parts only for chats without this digest, recording when they were given it', async () => {
      for (const chatId of [1, 2, 3]) await store.subscribe({ chatId, chatType: 'private', title: null }, T(0));
      const digest = await store.saveDigest({ date: '2026-11-24', createdAt: T(0), timezone: 'UTC', stories: [] });
      const [A, B] = [textView(['a0', 'a1']), textView(['b0'])];
      expect(await store.enqueueEdition(digest.id, [{ view: A, messages: 2, chatIds: [1, 2] }], T(5))).toBe(4);
      expect(await store.enqueueEdition(digest.id, [{ view: B, messages: 1, chatIds: [2, 3] }, { view: A, messages: 2, chatIds: [] }], T(6))).toBe(1);
      expect(await store.enqueueEdition(digest.id, [{ view: null, messages: 0, chatIds: [1] }], null)).toBe(0);
      expect((await store.getSubscriber(1))!.lastDigestAt).toEqual(T(5));
      expect((await store.getSubscriber(2))!.lastDigestAt).toEqual(T(6));
      const claimed = await store.claimDeliveries('w', { now: T(10), limit: 10, leaseMs: 30_000, staleBefore: T(9) });
      expect(claimed.map((c) => [c.chatId, c.part, c.view])).toEqual([[1, 0, A], [2, 0, A], [3, 0, B]]);
    });

    it('leases due rows to one sender, fences the send, records outcomes and frees a dead sender\'s leases', async () => {
      const digest = await store.saveDigest({ date: '2026-11-24', createdAt: T(0), timezone: 'UTC', stories: [] });
      const P = textView(['p0', 'p1']);
      await store.enqueueEdition(digest.id, [{ view: P, messages: 2, chatIds: [1, 2, 3] }], null);
      await store.heartbeat({ owner: 'A', kind: 'bot', pid: 1 }, T(10));
      await store.heartbeat({ owner: 'B', kind: 'cli', pid: 2 }, T(10));
      const opts = { now: T(10), limit: 2, leaseMs: 60_000, staleBefore: T(9) };
      const a = await store.claimDeliveries('A', opts);
      expect(a.map((r) => [r.chatId, r.part, r.view, r.uncertain])).toEqual([[1, 0, P, false], [2, 0, P, false]]);
      const b = await store.claimDeliveries('B', { ...opts, limit: 10 });
      expect(b.map((r) => [r.chatId, r.part])).toEqual([[3, 0]]);
      expect(await store.startSending(a[0]!.id, 'B', T(11), T(10))).toBe(false);
      expect(await store.startSending(a[0]!.id, 'A', T(11), T(10))).toBe(true);
      await store.completeDelivery(a[0]!.id, 'A', 555, T(10));
      await store.failDelivery(a[1]!.id, 'A', { error: 'Too Many Requests: retry after 3', notBefore: T(13), final: false, countAttempt: false });
      expect(await store.startSending(b[0]!.id, 'B', T(11), T(10))).toBe(true);
      // B dies mid-send: its heartbeat goes stale, its row is free and flagged uncertain.
      const later = { now: T(20), limit: 10, leaseMs: 60_000, staleBefore: T(15) };
      await store.heartbeat({ owner: 'A', kind: 'bot', pid: 1 }, T(20));
      const again = await store.claimDeliveries('A', later);
      expect(again.map((r) => [r.chatId, r.part, r.uncertain, r.attempts])).toEqual([[1, 1, false, 0], [2, 0, false, 0], [3, 0, true, 0]]);
      expect(await store.releaseLeases('A', [again[0]!.id])).toBe(1);
      expect(await store.releaseLeases('A', [])).toBe(0);
      expect(await store.releaseLeases('A')).toBe(2);
      expect(await store.deliveryCounts(digest.id)).toEqual({ pending: 5, sent: 1, failed: 0, cancelled: 0 });
      const final = await store.claimDeliveries('A', later);
      await store.failDelivery(final[0]!.id, 'A', { error: 'Bad Request: chat not found', notBefore: null, final: true, countAttempt: true });
      expect(await store.deliveryCounts(digest.id)).toMatchObject({ failed: 1 });
    });

    it('tracks live senders by heartbeat and forgets a stopped one', async () => {
      await store.heartbeat({ owner: 'A', kind: 'bot', pid: 1 }, T(0));
      await store.heartbeat({ owner: 'B', kind: 'cli', pid: 2, pidSpace: 'boot-1:pid:[4026531836]' }, T(1));
      await store.heartbeat({ owner: 'A', kind: 'bot', pid: 1 }, T(5));
      expect(await store.liveWorkers(T(4))).toEqual([{ owner: 'A', kind: 'bot', pid: 1, heartbeatAt: T(5), pidSpace: null }]);
      expect(await store.liveWorkers(T(0), 'cli')).toEqual([{ owner: 'B', kind: 'cli', pid: 2, heartbeatAt: T(1), pidSpace: 'boot-1:pid:[4026531836]' }]);
      expect((await store.liveWorkers(T(0), 'cli')).map((w) => w.owner)).toEqual(['B']);
      // null: every registered sender, the stale one too (what a process checks for dead pids).
      expect((await store.liveWorkers(null)).map((w) => w.owner)).toEqual(['A', 'B']);
      await store.removeWorker('A');
      expect(await store.liveWorkers(T(0))).toEqual([expect.objectContaining({ owner: 'B' })]);
    });
  });

  describe('preferences', () => {
    it('keeps feed choices (existing feeds only) and topics in order', async () => {
      const a = (await store.addFeed('https://a.example/rss')).feed;
      const b = (await store.addFeed('https://b.example/rss')).feed;
      expect(await store.getFeedChoice(1)).toEqual({ mode: 'all', optIns: [], optOuts: [] });
      await store.setFeedChoice(1, { mode: 'only', optIns: [b.id, a.id, 999_999, a.id], optOuts: [] });
      expect(await store.getFeedChoice(1)).toEqual({ mode: 'only', optIns: [a.id, b.id], optOuts: [] });
      await store.setTopics(1, { include: ['z', 'interest rates', 'a'], exclude: ['football'] });
      expect(await store.getPreferences(1)).toEqual({ feedIds: [a.id, b.id], include: ['z', 'interest rates', 'a'], exclude: ['football'] });
      await store.setTopics(1, { include: [], exclude: [] });
      expect((await store.getPreferences(1)).include).toEqual([]);
    });

    it('stores what a chat chose, applied to the feeds as they are now: opt-outs in "every feed", opt-ins in "only these"', async () => {
      const a = (await store.addFeed('https://a.example/rss')).feed;
      const b = (await store.addFeed('https://b.example/rss')).feed;
      const own = (await store.addFeed('https://own.example/rss', { addedByChat: 1 })).feed;
      await store.setFeedChoice(1, { mode: 'all', optIns: [own.id], optOuts: [a.id, 999_999] });
      await store.setFeedChoice(2, { mode: 'only', optIns: [b.id], optOuts: [a.id] });
      expect(await store.getFeedChoice(1)).toEqual({ mode: 'all', optIns: [own.id], optOuts: [a.id] });
      expect(await store.getFeedChoice(2)).toEqual({ mode: 'only', optIns: [b.id], optOuts: [] });
      expect((await store.getPreferences(1)).feedIds).toEqual([b.id, own.id]);
      const c = (await store.addFeed('https://c.example/rss')).feed;
      expect((await store.getPreferences(1)).feedIds).toEqual([b.id, own.id, c.id]);
      expect((await store.getPreferences(2)).feedIds).toEqual([b.id]);
      // A removed feed leaves every choice; nothing else moves.
      await store.removeFeed(a.id);
      await store.removeFeed(b.id);
      expect(await store.getFeedChoice(1)).toEqual({ mode: 'all', optIns: [own.id], optOuts: [] });
      expect((await store.getPreferences(1)).feedIds).toEqual([own.id, c.id]);
      expect((await store.getPreferences(2)).feedIds).toEqual([]);
    });

    it('reads many chats\' preferences at once, each as getPreferences reads it', async () => {
      const a = (await store.addFeed('https://a.example/rss')).feed;
      const b = (await store.addFeed('https://b.example/rss')).feed;
      const own = (await store.addFeed('https://own.example/rss', { addedByChat: 1 })).feed;
      await store.setFeedChoice(1, { mode: 'all', optIns: [own.id], optOuts: [a.id] });
      await store.setFeedChoice(2, { mode: 'only', optIns: [b.id], optOuts: [] });
      await store.setTopics(2, { include: ['rates', 'oil'], exclude: ['football'] });
      await store.setTopics(SUPERGROUP, { include: [], exclude: ['cricket'] });
      const chats = [SUPERGROUP, 2, 404, 1, 2];
      const many = await store.getPreferencesMany(chats);
      expect([...many.keys()].sort((x, y) => x - y)).toEqual([SUPERGROUP, 1, 2, 404]);
      for (const chatId of chats) expect(many.get(chatId), `chat ${chatId}`).toEqual(await store.getPreferences(chatId));
      expect(many.get(2)).toEqual({ feedIds: [b.id], include: ['rates', 'oil'], exclude: ['football'] });
      expect((await store.getPreferencesMany([])).size).toBe(0);
    });

    it("keeps a subscriber's own feed out of other chats' \"every feed\"", async () => {
      const pub = (await store.addFeed('https://public.example/rss')).feed;
      expect((await store.getPreferences(1)).feedIds).toBeNull();
      const own = (await store.addFeed('https://mine.example/rss', { addedByChat: 1 })).feed;
      await store.setFeedChoice(1, { mode: 'all', optIns: [own.id], optOuts: [] });
      expect(await store.userFeedIds()).toEqual([own.id]);
      expect((await store.getPreferences(1)).feedIds).toEqual([pub.id, own.id]);
      expect((await store.getPreferences(2)).feedIds).toEqual([pub.id]);
      // Feeds added or removed since, by this process or another, are seen at once.
      const later = (await store.addFeed('https://later.example/rss')).feed;
      expect((await store.getPreferences(2)).feedIds).toEqual([pub.id, later.id]);
      const other = await database.open();
      await other.removeFeed(pub.id);
      expect((await store.getPreferences(2)).feedIds).toEqual([later.id]);
    });
  });

  describe('chat state and settings', () => {
    it("keeps a chat's last view, its last 20 searches, and decides a broadcast once", async () => {
      expect(await store.getChatView(5)).toBeNull();
      const stories = [{ number: 1, articleId: 3, title: 'T', link: null, source: 'S', publishedAt: null, summary: 'x', figures: [] }];
      await store.saveChatView(5, { at: T(0), stories });
      await store.saveChatView(5, { at: T(1), stories });
      expect(await store.getChatView(5)).toEqual({ at: T(1), stories });
      const ids: number[] = [];
      for (let i = 0; i < 22; i++) ids.push(await store.saveSearch(5, `q${i}`, T(i)));
      expect(await store.getSearch(5, ids[0]!)).toBeNull();
      expect(await store.getSearch(5, ids[2]!)).toBe('q2');
      expect(await store.getSearch(6, ids[21]!)).toBeNull();
      const id = await store.createBroadcast(77, 'Hello all', T(0));
      const [first, second] = await Promise.all([store.decideBroadcast(id, 'sent', T(1)), store.decideBroadcast(id, 'cancelled', T(1))]);
      expect([first, second].filter(Boolean)).toEqual([{ id, adminId: 77, text: 'Hello all' }]);
    });

    it('sets and clears settings in one go', async () => {
      expect(await store.getSettings()).toEqual({});
      await store.putSettings({ fetch_cron: '*/15 * * * *', timezone: 'UTC' }, T(0));
      await store.putSettings({ timezone: null, digest_cron: '07:00' }, T(1));
      expect(await store.getSettings()).toEqual({ fetch_cron: '*/15 * * * *', digest_cron: '07:00' });
    });

    it('probes writability without keeping anything, passes the integrity check and knows its size', async () => {
      await store.checkWritable();
      expect(await store.getSettings()).toEqual({});
      expect(await store.checkIntegrity()).toEqual([]);
      expect(await store.sizeBytes()).toBeGreaterThan(0);
    });
  });

  describe('series and LLM usage', () => {
    it('stores an article\'s series points, replaces them when saved again, and finds series by words', async () => {
      const a1 = (await store.saveArticle(article('s1', { title: 'Grain exports rise' })))!;
      const a2 = (await store.saveArticle(article('s2', { title: 'Grain exports again' })))!;
      const figure = { text: '971', value: 971, kind: 'count' as const, unit: null, label: 'tonnes of grain', sentence: 's', start: 0, end: 3, approx: null };
      const meaning = {} as never;
      const thread = {} as never;
      const d1 = new Date('2026-11-20T00:00:00.000Z');
      const d2 = new Date('2026-11-24T00:00:00.000Z');
      await store.saveSeriesArticle({ articleId: a1.id, date: d1, thread }, [{ articleId: a1.id, seriesId: null, figure, meaning, date: d1, confidence: 1, linkedTo: null }]);
      const [first] = await store.seriesPointsOfArticles([a1.id]);
      expect(first).toMatchObject({ articleId: a1.id, date: d1, confidence: 1, linkedTo: null, figure, article: { id: a1.id, title: 'Grain exports rise' } });
      await store.saveSeriesArticle({ articleId: a2.id, date: d2, thread }, [{ articleId: a2.id, seriesId: first!.seriesId, figure: { ...figure, value: 990 }, meaning, date: d2, confidence: 0.8, linkedTo: first!.id }]);
      await store.saveSeriesArticle({ articleId: a2.id, date: d2, thread }, [{ articleId: a2.id, seriesId: first!.seriesId, figure: { ...figure, value: 995 }, meaning, date: d2, confidence: 0.8, linkedTo: first!.id }]);
      expect((await store.seriesPoints([first!.seriesId])).map((p) => p.figure.value)).toEqual([971, 995]);
      expect((await store.seriesArticlesSince(new Date('2026-11-21T00:00:00.000Z'), 10)).map((a) => a.articleId)).toEqual([a2.id]);
      expect(await store.searchSeries(['GRAIN', 'tonnes'], 10)).toEqual([first!.seriesId]);
      expect(await store.searchSeries(['wheat'], 10)).toEqual([]);
      expect(await store.seriesPoints([])).toEqual([]);
    });

    it('adds LLM usage per day and in total, and caches summaries by key', async () => {
      await store.addLlmUsage('2026-11-24', { requests: 1, promptTokens: 100, completionTokens: 20, accepted: 1 });
      await store.addLlmUsage('2026-11-24', { requests: 1, promptTokens: 50, rejected: 1 });
      await store.addLlmUsage('2026-11-25', { requests: 2, failed: 2 });
      expect(await store.llmUsage('2026-11-24')).toEqual({ requests: 2, promptTokens: 150, completionTokens: 20, accepted: 1, rejected: 1, failed: 0 });
      expect(await store.llmUsage('2026-01-01')).toEqual({ requests: 0, promptTokens: 0, completionTokens: 0, accepted: 0, rejected: 0, failed: 0 });
      expect(await store.llmUsageTotal()).toEqual({ requests: 4, promptTokens: 150, completionTokens: 20, accepted: 1, rejected: 1, failed: 2 });
      const createdAt = new Date('2026-11-24T08:00:00.000Z');
      expect(await store.getLlmSummary('k')).toBeNull();
      await store.saveLlmSummary({ key: 'k', outcome: 'rejected', summary: null, reason: '972 not in the sources', createdAt });
      await store.saveLlmSummary({ key: 'k', outcome: 'accepted', summary: 'Fine.', reason: null, createdAt });
      expect(await store.getLlmSummary('k')).toEqual({ key: 'k', outcome: 'accepted', summary: 'Fine.', reason: null, createdAt });
    });
  });

  it('sees what another connection (another process) wrote', async () => {
    const other = await database.open();
    await other.addFeed('https://c.example/');
    expect((await store.listFeeds()).map((f) => f.url)).toContain('https://c.example/');
  });
});
