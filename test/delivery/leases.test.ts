/** The outbox's store contract: leases, heartbeats, the crash window, renditions and the planner's queueing. */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { splitPart } from '../../src/delivery/digest-part.js';
import { publishDigest } from '../../src/delivery/publish-digest.js';
import { queueDueDigests } from '../../src/delivery/queue-digests.js';
import { createLogger } from '../../src/support/logger.js';
import type { Story } from '../../src/domain/types.js';
import { messageOf, textView, titleIn, viewGroup } from '../support/digest-views.js';
import { drainOutbox } from '../../src/delivery/outbox.js';
import { FloodLimiter } from '../../src/delivery/flood-limiter.js';
import { translator } from '../../src/i18n/translator.js';

let store: SqliteStore;
beforeEach(() => {
  store = openSqliteStore(':memory:');
});
afterEach(() => store.close());

const T = (s: number) => new Date(Date.UTC(2026, 10, 24, 8, 0, s)).toISOString();
const D = (s: number) => new Date(T(s));
const claimOpts = (now: number, staleBefore = now - 5) => ({ now: D(now), limit: 10, leaseMs: 30_000, staleBefore: D(staleBefore) });

async function queued(chats: number[], parts = ['alpha', 'bravo']) {
  for (const chatId of chats) await store.subscribe({ chatId, chatType: 'private', title: null }, D(0));
  const digest = await store.saveDigest({ date: '2026-11-24', createdAt: D(0), timezone: 'UTC', stories: [] });
  await store.enqueueEdition(digest.id, [viewGroup(textView(parts), chats)], null);
  return digest;
}

describe('outbox leases', () => {
  it('a live worker\'s rows are not claimable by another; a chat\'s next part waits for the previous', async () => {
    await queued([1, 2]);
    await store.heartbeat({ owner: 'A', kind: 'bot', pid: 1 }, D(10));
    await store.heartbeat({ owner: 'B', kind: 'bot', pid: 2 }, D(10));
    const a = await store.claimDeliveries('A', claimOpts(10));
    expect(a.map((r) => [r.chatId, r.part, titleIn(messageOf(r)!, ['alpha', 'bravo'])])).toEqual([[1, 0, 'alpha'], [2, 0, 'alpha']]);
    expect(await store.claimDeliveries('B', claimOpts(11))).toEqual([]);
    await store.startSending(a[0]!.id, 'A', D(40), D(11));
    await store.completeDelivery(a[0]!.id, 'A', 77, D(11));
    expect((await store.claimDeliveries('B', claimOpts(12))).map((r) => [r.chatId, r.part])).toEqual([[1, 1]]);
  });

  it('a worker that stopped heartbeating loses its leases; a row cut off mid-send comes back marked uncertain', async () => {
    await queued([1]);
    await store.heartbeat({ owner: 'A', kind: 'bot', pid: 1 }, D(10));
    const [row] = await store.claimDeliveries('A', claimOpts(10));
    expect(await store.startSending(row!.id, 'A', D(40), D(10))).toBe(true);
    // A is killed: no more heartbeats. Within 5 s its lease still holds; after that it is free.
    await store.heartbeat({ owner: 'B', kind: 'bot', pid: 2 }, D(16));
    expect(await store.claimDeliveries('B', claimOpts(14, 9))).toEqual([]);
    const [again] = await store.claimDeliveries('B', claimOpts(16, 11));
    expect(again).toMatchObject({ id: row!.id, uncertain: true });
    // A's fence now fails: it can never send the row B owns.
    expect(await store.startSending(row!.id, 'A', D(50), D(17))).toBe(false);
    expect(await store.liveWorkers(D(11))).toEqual([expect.objectContaining({ owner: 'B', kind: 'bot', pid: 2 })]);
  });

  it('releasing leases makes rows claimable at once; a 429 defers without counting an attempt', async () => {
    await queued([1, 2]);
    await store.heartbeat({ owner: 'A', kind: 'bot', pid: 1 }, D(10));
    const rows = await store.claimDeliveries('A', claimOpts(10));
    await store.failDelivery(rows[0]!.id, 'A', { error: 'Too Many Requests: retry after 5', notBefore: D(15), final: false, countAttempt: false });
    expect(await store.releaseLeases('A')).toBe(1);
    await store.heartbeat({ owner: 'B', kind: 'bot', pid: 2 }, D(11));
    const b = await store.claimDeliveries('B', claimOpts(11));
    expect(b.map((r) => r.chatId)).toEqual([2]);
    await store.heartbeat({ owner: 'B', kind: 'bot', pid: 2 }, D(15));
    const later = await store.claimDeliveries('B', claimOpts(15));
    expect(later).toEqual([expect.objectContaining({ chatId: 1, attempts: 0, uncertain: false })]);
  });
});

const story = (n: number, feedId: number): Story => ({
  number: n, articleId: n, feedId, title: `Story ${n}`, link: null, source: 'Wire', publishedAt: null, summary: `Summary ${n}`,
  figures: [{ text: `${n}0`, value: n * 10, kind: 'count', unit: null, label: 'things', sentence: `There were ${n}0 things.`, start: 10, end: 12, approx: null }],
});

describe('publishDigest', () => {
  it('renders once per distinct view, queues each chat once, and records the digest as given', async () => {
    for (const chatId of [1, 2, 3, 4]) await store.subscribe({ chatId, chatType: 'private', title: null }, D(0));
    const feedA = await store.addFeed('https://a.example/feed');
    const feedB = await store.addFeed('https://b.example/feed');
    await store.setFeedChoice(3, { mode: 'only', optIns: [feedB.feed.id], optOuts: [] });
    await store.setFeedChoice(4, { mode: 'only', optIns: [feedB.feed.id], optOuts: [] });
    const digest = await store.saveDigest({ date: '2026-11-24', createdAt: D(0), timezone: 'UTC', stories: [story(1, feedA.feed.id), story(2, feedB.feed.id)] });
    const result = await publishDigest(store, digest, { givenAt: D(5) });
    expect(result).toMatchObject({ chats: 4, renditions: 2, empty: 0 });
    const again = await publishDigest(store, digest, { givenAt: D(6) });
    expect(again.queued).toBe(0);
    const rows = await store.claimDeliveries('A', { ...claimOpts(10), limit: 100 });
    expect(new Set(rows.map((r) => JSON.stringify(r.view))).size).toBe(2);
    const html = new Map(rows.map((r) => [r.chatId, splitPart(messageOf(r)!).html]));
    expect(html.get(1)).toContain('Story 1');
    expect(html.get(1)).toContain('Story 2');
    // the story buttons travel with the last part
    const keyboard = splitPart(messageOf(rows.find((r) => r.chatId === 3)!)!).keyboard!;
    expect(keyboard.inline_keyboard.flat().map((b) => b.text)).toEqual(['Story 1']);
    expect(html.get(3)).toContain('Story 2');
    expect(html.get(3)).not.toContain('Story 1');
    expect(html.get(4)).toBe(html.get(3));
    expect((await store.getSubscriber(2))!.lastDigestAt).toEqual(D(6));
  });
});

describe('one stored edition, each chat in its language', () => {
  it('keeps data, not messages, and a chat whose language is uk gets its digest in Ukrainian, rendered when sent', async () => {
    for (const chatId of [1, 2]) await store.subscribe({ chatId, chatType: 'private', title: null }, D(0));
    await store.setLanguage(2, 'uk');
    const feed = await store.addFeed('https://a.example/feed');
    const digest = await store.saveDigest({ date: '2026-11-24', createdAt: D(0), timezone: 'UTC', stories: [story(1, feed.feed.id), story(2, feed.feed.id)] });
    await publishDigest(store, digest, { givenAt: D(5) });
    // What is stored is the edition's stories and each view's choices: no HTML anywhere.
    const rows = await store.claimDeliveries('probe', { ...claimOpts(10), limit: 100 });
    expect(rows.map((r) => [r.chatId, r.view?.locale, r.html])).toEqual([[1, 'en', null], [2, 'uk', null]]);
    expect(rows[1]!.view!.stories).toEqual(rows[0]!.view!.stories);
    expect(JSON.stringify(rows.map((r) => r.view))).not.toMatch(/<b>|<a /);
    await store.releaseLeases('probe');

    const sent = new Map<number, string>();
    const sender = {
      sendHtml: async (chatId: number, html: string) => (sent.set(chatId, html), sent.size),
      sendPhoto: async () => ({ messageId: 0, fileId: null }),
    };
    const limiter = new FloodLimiter({ globalPerSecond: 10_000, privateIntervalMs: 0, groupPerMinute: 10_000 });
    expect(await drainOutbox({ store, sender, logger: createLogger({ level: 'silent' }), limiter })).toMatchObject({ sent: 2 });
    for (const [chatId, locale, other] of [[1, 'en', 'uk'], [2, 'uk', 'en']] as const) {
      expect(sent.get(chatId), `chat ${chatId}`).toContain(translator(locale).t('stories-count', { count: 2 }));
      expect(sent.get(chatId), `chat ${chatId}`).not.toContain(translator(other).t('stories-count', { count: 2 }));
    }
  });
});

describe('queueDueDigests', () => {
  it('queues the current digest for due chats only, once, and not without stories', async () => {
    const logger = createLogger({ level: 'silent' });
    const settings = { timezone: 'UTC', maxStories: 10, topFigures: 5, windowHours: 24, digestsDir: `/tmp/kf-digests-${process.pid}` };
    await store.subscribe({ chatId: 1, chatType: 'private', title: null }, new Date('2026-11-23T00:00:00Z'));
    await store.subscribe({ chatId: 2, chatType: 'private', title: null }, new Date('2026-11-23T00:00:00Z'));
    await store.setSchedule(2, { digestTime: '20:00' });
    const schedule = { digest: '08:00', timezone: 'UTC' };
    const now = new Date('2026-11-24T08:00:30Z');
    const empty = await queueDueDigests({ store, logger, settings, schedule, maxAgeMs: 12 * 3_600_000, now });
    expect(empty).toMatchObject({ due: 1, digestId: null, queued: 0 });
    expect((await store.getSubscriber(1))!.lastDigestAt).toBeNull(); // still due when stories arrive

    const feed = await store.addFeed('https://a.example/feed');
    await store.saveArticle({
      feedId: feed.feed.id, key: 'k1', link: 'https://a.example/1', title: 'Port strike ends', source: 'Wire', publishedAt: new Date('2026-11-24T07:00:00Z'),
      fetchedAt: new Date('2026-11-24T07:05:00Z'), text: 'About 3,400 workers walked out.', summary: 'About 3,400 workers walked out.',
      figures: [{ text: '3,400', value: 3400, kind: 'count', unit: null, label: 'workers', sentence: 'About 3,400 workers walked out.', start: 6, end: 11, approx: 'About' }],
    });
    const first = await queueDueDigests({ store, logger, settings, schedule, maxAgeMs: 12 * 3_600_000, now: new Date('2026-11-24T08:01:00Z') });
    expect(first).toMatchObject({ due: 1, queued: 1, renditions: 1 });
    expect(first.digestId).not.toBeNull();
    const second = await queueDueDigests({ store, logger, settings, schedule, maxAgeMs: 12 * 3_600_000, now: new Date('2026-11-24T08:02:00Z') });
    expect(second).toMatchObject({ due: 0, queued: 0 });
    // chat 2 at its own 20:00 gets the same edition (same stories): reused, not rebuilt
    const evening = await queueDueDigests({ store, logger, settings, schedule, maxAgeMs: 12 * 3_600_000, now: new Date('2026-11-24T20:00:00Z') });
    expect(evening).toMatchObject({ due: 1, queued: 1, digestId: first.digestId });
    fs.rmSync(settings.digestsDir, { recursive: true, force: true });
  });
});
