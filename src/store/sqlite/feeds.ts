/** SQLite implementation of FeedStore. Feeds: the list operators manage, with each feed's health. */
import type Database from 'better-sqlite3';
import type { Feed } from '../../domain/types.js';
import type { FeedStore, FeedSuccess } from '../feed-store.js';

type Row = Record<string, unknown>;

/** SQLite's default limit on bound parameters is 32766; stay far below it. */
const KEY_BATCH = 500;

/**
 * FeedStore over an open better-sqlite3 connection.
 * @example const feeds = sqliteFeedStore(db)
 */
export function sqliteFeedStore(db: Database.Database): FeedStore {
  return {
    async addFeed(url, details = {}) {
      const existing = db.prepare('SELECT * FROM feeds WHERE url = ?').get(url) as Row | undefined;
      if (existing) return { feed: toFeed(existing), created: false };
      const info = db
        .prepare('INSERT INTO feeds (url, added_at, title, site_url) VALUES (?, ?, ?, ?)')
        .run(url, new Date().toISOString(), details.title ?? null, details.siteUrl ?? null);
      return { feed: toFeed(db.prepare('SELECT * FROM feeds WHERE id = ?').get(info.lastInsertRowid) as Row), created: true };
    },

    async listFeeds(): Promise<Feed[]> {
      return (db.prepare('SELECT * FROM feeds ORDER BY id').all() as Row[]).map(toFeed);
    },

    async dueFeeds(now: string): Promise<Feed[]> {
      return (
        db.prepare('SELECT * FROM feeds WHERE next_check_at IS NULL OR next_check_at <= ? ORDER BY next_check_at IS NOT NULL, next_check_at, id').all(now) as Row[]
      ).map(toFeed);
    },

    async removeFeed(idOrUrl: number | string): Promise<boolean> {
      const column = typeof idOrUrl === 'number' ? 'id' : 'url';
      return db.prepare(`DELETE FROM feeds WHERE ${column} = ?`).run(idOrUrl).changes > 0;
    },

    async recordFeedSuccess(feedId: number, update: FeedSuccess): Promise<void> {
      const keepValidators = update.etag === undefined && update.lastModified === undefined ? 1 : 0;
      db.prepare(
        `UPDATE feeds SET title = COALESCE(@title, title), last_fetched_at = @at, last_success_at = @at,
           last_error = NULL, last_error_at = NULL, error_count = 0, next_check_at = @next,
           etag = CASE WHEN @keep THEN etag ELSE @etag END,
           last_modified = CASE WHEN @keep THEN last_modified ELSE @lastModified END,
           site_url = COALESCE(@siteUrl, site_url)
         WHERE id = @id`,
      ).run({
        id: feedId,
        title: update.title,
        at: update.at,
        next: update.nextCheckAt ?? null,
        keep: keepValidators,
        etag: update.etag ?? null,
        lastModified: update.lastModified ?? null,
        siteUrl: update.siteUrl ?? null,
      });
    },

    async recordFeedError(feedId: number, message: string, at: string, nextCheckAt?: string): Promise<void> {
      db.prepare(
        'UPDATE feeds SET last_fetched_at = ?, last_error = ?, last_error_at = ?, error_count = error_count + 1, next_check_at = ? WHERE id = ?',
      ).run(at, message, at, nextCheckAt ?? null, feedId);
    },

    async knownItemKeys(keys: readonly string[], opts: { storedOnly?: boolean } = {}): Promise<Set<string>> {
      const known = new Set<string>();
      for (let i = 0; i < keys.length; i += KEY_BATCH) {
        const batch = keys.slice(i, i + KEY_BATCH);
        const marks = batch.map(() => '?').join(',');
        const rows = (
          opts.storedOnly
            ? db.prepare(`SELECT key FROM articles WHERE key IN (${marks})`).all(...batch)
            : db.prepare(`SELECT key FROM articles WHERE key IN (${marks}) UNION SELECT key FROM seen_items WHERE key IN (${marks})`).all(...batch, ...batch)
        ) as Row[];
        for (const row of rows) known.add(String(row.key));
      }
      return known;
    },

    async markItemsSeen(feedId: number, keys: readonly string[], at: string): Promise<void> {
      const insert = db.prepare('INSERT OR IGNORE INTO seen_items (key, feed_id, seen_at) VALUES (?, ?, ?)');
      db.transaction(() => {
        for (const key of keys) insert.run(key, feedId, at);
      })();
    },
  };
}

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
function toFeed(r: Row): Feed {
  return {
    id: Number(r.id),
    url: str(r.url),
    title: strOrNull(r.title),
    addedAt: str(r.added_at),
    lastFetchedAt: strOrNull(r.last_fetched_at),
    lastError: strOrNull(r.last_error),
    errorCount: Number(r.error_count),
    etag: strOrNull(r.etag),
    lastModified: strOrNull(r.last_modified),
    nextCheckAt: strOrNull(r.next_check_at),
    lastSuccessAt: strOrNull(r.last_success_at),
    lastErrorAt: strOrNull(r.last_error_at),
    siteUrl: strOrNull(r.site_url),
  };
}
