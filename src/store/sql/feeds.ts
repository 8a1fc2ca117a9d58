/** FeedStore in SQL (both dialects): the feed list, each feed's health and polling state. */
import { sql } from 'kysely';
import type { Feed } from '../../domain/types.js';
import type { FeedStore, FeedSuccess } from '../feed-store.js';
import { type Sql, toDate, toDateOrNull, strOrNull } from './dialect.js';

/** Bound parameters per IN list: SQLite allows 32766, PostgreSQL 65535; stay far below both. */
const KEY_BATCH = 500;

/**
 * FeedStore over a Kysely connection.
 * @example const feeds = sqlFeedStore({ db, d: SQLITE })
 */
export function sqlFeedStore({ db, d }: Sql): FeedStore {
  return {
    async addFeed(url, details = {}) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('feeds')
          .values({ url, added_at: d.time(new Date()), title: details.title ?? null, site_url: details.siteUrl ?? null })
          .onConflict((oc) => oc.column('url').doNothing())
          .returningAll()
          .executeTakeFirst();
        // Already there (added before, or by another process a moment ago): not ours to mark.
        if (!row) return { feed: toFeed(await trx.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirstOrThrow()), created: false };
        if (details.addedByChat !== undefined) await trx.insertInto('user_feeds').values({ feed_id: row.id, added_by_chat: details.addedByChat }).execute();
        return { feed: toFeed(row), created: true };
      });
    },

    async listFeeds(): Promise<Feed[]> {
      return (await db.selectFrom('feeds').selectAll().orderBy('id').execute()).map(toFeed);
    },

    async claimDueFeeds(owner, { now, leaseMs, limit }) {
      const at = d.time(now);
      const until = d.time(new Date(now.getTime() + leaseMs));
      return db.transaction().execute(async (trx) => {
        const due = await trx
          .selectFrom('feeds')
          .select('id')
          .where((eb) => eb.or([eb('next_check_at', 'is', null), eb('next_check_at', '<=', at)]))
          .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', at)]))
          .orderBy(sql`next_check_at IS NOT NULL`)
          .orderBy('next_check_at')
          .orderBy('id')
          .$if(limit !== undefined, (q) => q.limit(limit!))
          // PostgreSQL: feeds another fetcher is claiming right now are skipped, not waited for.
          .$if(d.rowLocks, (q) => q.forUpdate().skipLocked())
          .execute();
        if (due.length === 0) return [];
        const order = new Map(due.map((r, i) => [Number(r.id), i]));
        const rows = await trx.updateTable('feeds').set({ claimed_by: owner, claimed_until: until }).where('id', 'in', [...order.keys()]).returningAll().execute();
        return rows.map(toFeed).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      });
    },

    async releaseFeedClaims(owner: string): Promise<number> {
      const result = await db.updateTable('feeds').set({ claimed_by: null, claimed_until: null }).where('claimed_by', '=', owner).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async removeFeed(idOrUrl: number | string): Promise<boolean> {
      const q = db.deleteFrom('feeds');
      const result = await (typeof idOrUrl === 'number' ? q.where('id', '=', idOrUrl) : q.where('url', '=', idOrUrl)).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async recordFeedSuccess(feedId: number, update: FeedSuccess): Promise<void> {
      // A 304 (validators undefined) keeps the stored ones; a 200 replaces them.
      const keepValidators = update.etag === undefined && update.lastModified === undefined;
      await db
        .updateTable('feeds')
        .set((eb) => ({
          title: eb.fn.coalesce(eb.val(update.title), eb.ref('title')),
          last_fetched_at: d.time(update.at),
          last_success_at: d.time(update.at),
          last_error: null,
          last_error_at: null,
          error_count: 0,
          next_check_at: update.nextCheckAt === undefined ? null : d.time(update.nextCheckAt),
          site_url: eb.fn.coalesce(eb.val(update.siteUrl ?? null), eb.ref('site_url')),
          ...(keepValidators ? {} : { etag: update.etag ?? null, last_modified: update.lastModified ?? null }),
          claimed_by: null,
          claimed_until: null,
        }))
        .where('id', '=', feedId)
        .execute();
    },

    async recordFeedError(feedId: number, message: string, at: Date, nextCheckAt?: Date): Promise<void> {
      await db
        .updateTable('feeds')
        .set((eb) => ({
          last_fetched_at: d.time(at),
          last_error: message,
          last_error_at: d.time(at),
          error_count: eb('error_count', '+', 1),
          next_check_at: nextCheckAt === undefined ? null : d.time(nextCheckAt),
          claimed_by: null,
          claimed_until: null,
        }))
        .where('id', '=', feedId)
        .execute();
    },

    async knownItemKeys(keys: readonly string[], opts: { storedOnly?: boolean } = {}): Promise<Set<string>> {
      const known = new Set<string>();
      for (let i = 0; i < keys.length; i += KEY_BATCH) {
        const batch = keys.slice(i, i + KEY_BATCH);
        const stored = db.selectFrom('articles').select('key').where('key', 'in', batch);
        const rows = opts.storedOnly
          ? await stored.execute()
          : await stored.union(db.selectFrom('seen_items').select('key').where('key', 'in', batch)).execute();
        for (const row of rows) known.add(String(row.key));
      }
      return known;
    },

    async markItemsSeen(feedId: number, keys: readonly string[], at: Date): Promise<void> {
      if (keys.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < keys.length; i += KEY_BATCH) {
          const rows = keys.slice(i, i + KEY_BATCH).map((key) => ({ key, feed_id: feedId, seen_at: d.time(at) }));
          await trx.insertInto('seen_items').values(rows).onConflict((oc) => oc.column('key').doNothing()).execute();
        }
      });
    },
  };
}

/** A feeds row as the domain's Feed. */
export function toFeed(r: Record<string, unknown>): Feed {
  return {
    id: Number(r.id),
    url: String(r.url),
    title: strOrNull(r.title),
    addedAt: toDate(r.added_at),
    lastFetchedAt: toDateOrNull(r.last_fetched_at),
    lastError: strOrNull(r.last_error),
    errorCount: Number(r.error_count),
    etag: strOrNull(r.etag),
    lastModified: strOrNull(r.last_modified),
    nextCheckAt: toDateOrNull(r.next_check_at),
    lastSuccessAt: toDateOrNull(r.last_success_at),
    lastErrorAt: toDateOrNull(r.last_error_at),
    siteUrl: strOrNull(r.site_url),
  };
}
