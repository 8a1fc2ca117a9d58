import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import type { NewArticle } from '../../src/store/store.js';

let dir: string;
let store: SqliteStore;

function article(key: string, over: Partial<NewArticle> = {}): NewArticle {
  return {
    feedId: null,
    key,
    link: `https://news.example/${key}`,
    title: `Story ${key}`,
    source: 'Example News',
    publishedAt: '2026-11-24T06:00:00.000Z',
    fetchedAt: '2026-11-24T07:00:00.000Z',
    text: 'Officials counted 971 ballots.',
    summary: 'Officials counted 971 ballots.',
    figures: [
      { text: '971', value: 971, kind: 'count', unit: null, label: 'ballots', sentence: 'Officials counted 971 ballots.', start: 18, end: 21, approx: null, score: 3.5 },
    ],
    ...over,
  };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-store-'));
  store = openSqliteStore(path.join(dir, 'nested', 'kf.db'));
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('SqliteStore', () => {
  it('creates the file in WAL mode with every migration applied', () => {
    expect(fs.existsSync(path.join(dir, 'nested', 'kf.db'))).toBe(true);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  });

  it('re-opening an existing database applies nothing twice and keeps data', async () => {
    await store.addFeed('https://a.example/rss');
    await store.close();
    store = openSqliteStore(path.join(dir, 'nested', 'kf.db'));
    expect((await store.listFeeds()).map((f) => f.url)).toEqual(['https://a.example/rss']);
  });

  it('adds, lists and removes feeds, once per URL', async () => {
    const first = await store.addFeed('https://a.example/rss');
    const again = await store.addFeed('https://a.example/rss');
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, feed: { id: first.feed.id } });
    await store.addFeed('https://b.example/rss');
    expect(await store.removeFeed(first.feed.id)).toBe(true);
    expect(await store.removeFeed('https://b.example/rss')).toBe(true);
    expect(await store.removeFeed('https://nope.example/')).toBe(false);
    expect(await store.listFeeds()).toEqual([]);
  });

  it('records feed errors and clears them on success', async () => {
    const { feed } = await store.addFeed('https://a.example/rss');
    await store.recordFeedError(feed.id, 'fetch: 503 Service Unavailable', '2026-11-24T07:00:00Z');
    await store.recordFeedError(feed.id, 'fetch: 503 Service Unavailable', '2026-11-24T07:30:00Z');
    expect((await store.listFeeds())[0]).toMatchObject({ errorCount: 2, lastError: 'fetch: 503 Service Unavailable' });
    await store.recordFeedSuccess(feed.id, { title: 'A News', at: '2026-11-24T08:00:00Z' });
    expect((await store.listFeeds())[0]).toMatchObject({ errorCount: 0, lastError: null, title: 'A News' });
  });

  it('stores an article once, with its figures in rank order', async () => {
    const saved = await store.saveArticle(article('k1'));
    expect(saved?.id).toBeGreaterThan(0);
    expect(await store.saveArticle(article('k1', { title: 'edited' }))).toBeNull();
    expect(await store.hasArticle('k1')).toBe(true);
    const [loaded] = await store.articlesForDigest({ fetchedSince: '', publishedSince: '' });
    expect(loaded!.title).toBe('Story k1');
    expect(loaded!.figures).toEqual(article('k1').figures);
  });

  it('selects digest articles by first-seen and publication time', async () => {
    await store.saveArticle(article('new', { fetchedAt: '2026-11-24T07:00:00Z', publishedAt: '2026-11-24T06:00:00Z' }));
    await store.saveArticle(article('seen', { fetchedAt: '2026-11-23T07:00:00Z', publishedAt: '2026-11-23T06:00:00Z' }));
    await store.saveArticle(article('backlog', { fetchedAt: '2026-11-24T07:00:00Z', publishedAt: '2025-01-01T00:00:00Z' }));
    await store.saveArticle(article('undated', { fetchedAt: '2026-11-24T07:00:00Z', publishedAt: null }));
    const picked = await store.articlesForDigest({ fetchedSince: '2026-11-24T00:00:00Z', publishedSince: '2026-11-23T08:00:00Z' });
    expect(picked.map((a) => a.key).sort()).toEqual(['new', 'undated']);
  });

  it('subscribes, deactivates and re-activates a chat', async () => {
    const chat = { chatId: 42, chatType: 'private', title: 'ann' };
    expect((await store.subscribe(chat, '2026-11-24T00:00:00Z')).change).toBe('new');
    expect((await store.subscribe(chat, '2026-11-24T00:00:00Z')).change).toBe('unchanged');
    expect(await store.deactivate(42, 'bot was blocked by the user')).toBe(true);
    expect(await store.deactivate(42, 'again')).toBe(false);
    expect(await store.getSubscriber(42)).toMatchObject({ active: false, deactivatedReason: 'bot was blocked by the user' });
    expect(await store.activeSubscribers()).toEqual([]);
    expect((await store.subscribe(chat, '2026-11-25T00:00:00Z')).change).toBe('reactivated');
    expect((await store.activeSubscribers()).map((s) => s.chatId)).toEqual([42]);
  });

  it('queues digest parts once and hands out only the next part per chat', async () => {
    const digest = await store.saveDigest({ date: '2026-11-24', createdAt: '2026-11-24T08:00:00Z', timezone: 'UTC', stories: [] }, ['p0', 'p1']);
    expect(await store.enqueueDigest(digest.id, 2, [1, 2])).toBe(4);
    expect(await store.enqueueDigest(digest.id, 2, [1, 2])).toBe(0);
    const due = await store.dueDeliveries('2026-11-24T08:00:01Z', 10);
    expect(due.map((d) => [d.chatId, d.part])).toEqual([[1, 0], [2, 0]]);
    await store.markSent(due[0]!.id, 100, '2026-11-24T08:00:02Z');
    await store.markAttemptFailed(due[1]!.id, 'Too Many Requests: retry after 5', { notBefore: '2026-11-24T08:00:07Z', final: false });
    const next = await store.dueDeliveries('2026-11-24T08:00:03Z', 10);
    expect(next.map((d) => [d.chatId, d.part])).toEqual([[1, 1]]);
    expect((await store.dueDeliveries('2026-11-24T08:00:08Z', 10)).map((d) => [d.chatId, d.part])).toEqual([[1, 1], [2, 0]]);
    expect(await store.cancelPending(2, 'blocked')).toBe(2);
    expect(await store.deliveryCounts(digest.id)).toEqual({ pending: 1, sent: 1, failed: 0, cancelled: 2 });
  });

  it('follows a group migrated to a supergroup', async () => {
    await store.subscribe({ chatId: -100, chatType: 'group', title: 'g' }, '2026-11-24T00:00:00Z');
    const digest = await store.saveDigest({ date: '2026-11-24', createdAt: '2026-11-24T08:00:00Z', timezone: 'UTC', stories: [] }, ['p0']);
    await store.enqueueDigest(digest.id, 1, [-100]);
    await store.migrateChat(-100, -1001234567890);
    expect(await store.getSubscriber(-100)).toBeNull();
    expect(await store.getSubscriber(-1001234567890)).toMatchObject({ chatType: 'supergroup', active: true });
    expect((await store.dueDeliveries('2026-11-25T00:00:00Z', 10))[0]!.chatId).toBe(-1001234567890);
  });

  it('moves a migrated group\'s topics with it', async () => {
    await store.subscribe({ chatId: -200, chatType: 'group', title: 'g' }, '2026-11-24T00:00:00Z');
    await store.setTopics(-200, { include: ['ukraine'], exclude: ['football'] });
    await store.migrateChat(-200, -1009876543210);
    expect(await store.getPreferences(-1009876543210)).toMatchObject({ include: ['ukraine'], exclude: ['football'] });
    expect(await store.getPreferences(-200)).toMatchObject({ include: [], exclude: [] });
  });

  it('keeps data written by another connection (a second process) visible', async () => {
    const other = new Database(path.join(dir, 'nested', 'kf.db'));
    other.prepare("INSERT INTO feeds (url, added_at) VALUES ('https://c.example/', '2026-11-24')").run();
    other.close();
    expect((await store.listFeeds()).map((f) => f.url)).toContain('https://c.example/');
  });
});

describe('SqliteStore subscriber schedule', () => {
  it('keeps a chat\'s own digest time, time zone and pause, and restores defaults with null', async () => {
    await store.subscribe({ chatId: 9, chatType: 'private', title: null }, '2026-11-24T00:00:00Z');
    expect(await store.getSubscriber(9)).toMatchObject({ timezone: null, digestTime: null, paused: false, lastDigestAt: null });
    expect(await store.setSchedule(9, { digestTime: '07:30', timezone: 'Europe/Kyiv' })).toBe(true);
    expect(await store.setPaused(9, true)).toBe(true);
    await store.markDigestGiven(9, '2026-11-24T05:30:00Z');
    expect(await store.getSubscriber(9)).toMatchObject({ timezone: 'Europe/Kyiv', digestTime: '07:30', paused: true, lastDigestAt: '2026-11-24T05:30:00Z' });
    await store.setSchedule(9, { timezone: null });
    expect(await store.getSubscriber(9)).toMatchObject({ timezone: null, digestTime: '07:30' });
    expect(await store.setSchedule(404, { digestTime: '08:00' })).toBe(false);
    expect(await store.setPaused(404, true)).toBe(false);
  });
});
