/**
 * Work claimed, not assumed: two stores on one database (two processes) race for the same work
 * and each piece goes to exactly one of them. Runs on SQLite (two connections to one file) and on
 * PostgreSQL when PG_URL is set (two connection pools: real concurrency, row locks).
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ADAPTERS, PG_SKIP, type TestDatabase } from './adapters.js';
import { textView } from '../support/digest-views.js';

const NOW = new Date('2026-11-24T08:00:00.000Z');
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000).toISOString();
const atDate = (seconds: number) => new Date(at(seconds));

/** Claim in rounds from both stores at once until neither gets anything; what each got. */
async function drain<T>(stores: Store[], claim: (store: Store, who: string) => Promise<T[]>): Promise<T[][]> {
  const got: T[][] = stores.map(() => []);
  for (let round = 0; round < 1000; round++) {
    const results = await Promise.all(stores.map((s, i) => claim(s, `w${i}`)));
    results.forEach((r, i) => got[i]!.push(...r));
    if (results.every((r) => r.length === 0)) return got;
  }
  throw new Error('claims never ran out');
}

for (const adapter of ADAPTERS) {
  describe.skipIf(adapter.skip)(adapter.skip ? PG_SKIP : `claims under concurrency — ${adapter.name}`, { timeout: 60_000 }, () => {
    let database: TestDatabase;
    let a: Store;
    let b: Store;
    beforeEach(async () => {
      database = await adapter.fresh();
      a = await database.open();
      b = await database.open();
    });
    afterEach(async () => {
      await database.dispose();
    });

    it('due feeds: each feed goes to one fetcher; a claim keeps it from others until released or expired', async () => {
      for (let i = 0; i < 200; i++) await a.addFeed(`https://f${i}.example/rss`);
      const got = await drain([a, b], (s, who) => s.claimDueFeeds(who, { now: atDate(0), leaseMs: 60_000, limit: 7 }));
      const ids = got.flat().map((f) => f.id);
      expect(ids).toHaveLength(200);
      expect(new Set(ids).size).toBe(200);
      expect(got[0]!.length).toBeGreaterThan(0);
      expect(got[1]!.length).toBeGreaterThan(0);
      // Outcomes release claims: a fetched feed is due again only at its next check.
      const [first, second] = [got[0]![0]!, got[1]![0]!];
      await a.recordFeedSuccess(first.id, { title: null, at: atDate(1), nextCheckAt: atDate(600) });
      await b.recordFeedError(second.id, 'fetch: 503', atDate(1));
      expect((await a.claimDueFeeds('w2', { now: atDate(2), leaseMs: 60_000 })).map((f) => f.id)).toEqual([second.id]);
      // Fetchers that died: their claims expire (all but the feed checked until at(600)).
      expect((await b.claimDueFeeds('w3', { now: atDate(120), leaseMs: 60_000 })).length).toBe(199);
      expect(await a.claimDueFeeds('w4', { now: atDate(121), leaseMs: 60_000 })).toEqual([]);
      // Given back (a cycle that stopped early): free at once.
      expect(await b.releaseFeedClaims('w3')).toBe(199);
      expect((await a.claimDueFeeds('w4', { now: atDate(121), leaseMs: 60_000, limit: 500 })).length).toBe(199);
    });

    it('outbox parts: every part goes to exactly one sender, in order per chat', async () => {
      const digest = await a.saveDigest({ date: '2026-11-24', createdAt: atDate(0), timezone: 'UTC', stories: [] });
      const chats = Array.from({ length: 150 }, (_, i) => 1000 + i);
      expect(await a.enqueueEdition(digest.id, [{ view: textView(['p0', 'p1']), messages: 2, chatIds: chats }], null)).toBe(300);
      await a.heartbeat({ owner: 'w0', kind: 'bot', pid: 1 }, atDate(0));
      await b.heartbeat({ owner: 'w1', kind: 'bot', pid: 2 }, atDate(0));
      const opts = { now: atDate(1), limit: 9, leaseMs: 60_000, staleBefore: atDate(-10) };
      const got = await drain([a, b], async (s, who) => {
        const rows = await s.claimDeliveries(who, opts);
        for (const r of rows) await s.completeDelivery(r.id, who, r.id, atDate(1));
        return rows;
      });
      const ids = got.flat().map((r) => r.id);
      expect(ids).toHaveLength(300);
      expect(new Set(ids).size).toBe(300);
      expect(got[0]!.length).toBeGreaterThan(0);
      expect(got[1]!.length).toBeGreaterThan(0);
      expect(await a.deliveryCounts(digest.id)).toEqual({ pending: 0, sent: 300, failed: 0, cancelled: 0 });
    });

    it('an edition is built once: the same key from two builders gives one stored digest', async () => {
      const draft = (createdAt: Date) => ({ date: '2026-11-24', createdAt, timezone: 'UTC', stories: [] });
      const [x, y] = await Promise.all([a.saveDigest(draft(atDate(0)), { key: 'k1' }), b.saveDigest(draft(atDate(1)), { key: 'k1' })]);
      expect(x.id).toBe(y.id);
      expect([x.created, y.created].sort()).toEqual([false, true]);
      expect((await a.listDigests()).length).toBe(1);
      const z = await a.saveDigest(draft(atDate(2)), { key: 'k2' });
      expect(z.created).toBe(true);
      expect(z.id).not.toBe(x.id);
      // Without a key every save is a new edition.
      expect((await a.saveDigest(draft(atDate(3)))).created).toBe(true);
    });

    it('a named lease has one holder at a time; it is renewed by its holder and taken over once expired', async () => {
      const tries = await Promise.all([a, b, a, b].map((s, i) => s.acquireLease('poller', `p${i}`, { now: atDate(0), ttlMs: 10_000 })));
      expect(tries.filter(Boolean)).toHaveLength(1);
      const holder = `p${tries.indexOf(true)}`;
      const other = holder === 'p0' ? 'p1' : 'p0';
      expect(await b.acquireLease('poller', holder, { now: atDate(5), ttlMs: 10_000 })).toBe(true);
      expect(await b.acquireLease('poller', other, { now: atDate(14), ttlMs: 10_000 })).toBe(false);
      const takeover = await Promise.all([a.acquireLease('poller', 'p2', { now: atDate(16), ttlMs: 10_000 }), b.acquireLease('poller', 'p3', { now: atDate(16), ttlMs: 10_000 })]);
      expect(takeover.filter(Boolean)).toHaveLength(1);
      const next = takeover[0] ? 'p2' : 'p3';
      expect(await a.releaseLease('poller', 'p0')).toBe(false);
      expect(await a.releaseLease('poller', next)).toBe(true);
      expect(await b.acquireLease('poller', other, { now: atDate(17), ttlMs: 10_000 })).toBe(true);
    });
  });
}
