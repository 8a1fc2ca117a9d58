/** SQLite implementation of FeedStore. Feeds: the list operators manage, with each feed's health. */
import type Database from 'better-sqlite3';
import type { Feed } from '../../domain/types.js';
import type { FeedStore } from '../feed-store.js';

type Row = Record<string, unknown>;

/**
 * FeedStore over an open better-sqlite3 connection.
 * @example const feeds = sqliteFeedStore(db)
 */
export function sqliteFeedStore(db: Database.Database): FeedStore {
  return {
    async addFeed(url: string): Promise<{ feed: Feed; created: boolean }> {
      const existing = db.prepare('SELECT * FROM feeds WHERE url = ?').get(url) as Row | undefined;
      if (existing) return { feed: toFeed(existing), created: false };
      const info = db.prepare('INSERT INTO feeds (url, added_at) VALUES (?, ?)').run(url, new Date().toISOString());
      return { feed: toFeed(db.prepare('SELECT * FROM feeds WHERE id = ?').get(info.lastInsertRowid) as Row), created: true };
    },

    async listFeeds(): Promise<Feed[]> {
      return (db.prepare('SELECT * FROM feeds ORDER BY id').all() as Row[]).map(toFeed);
    },

    async removeFeed(idOrUrl: number | string): Promise<boolean> {
      const column = typeof idOrUrl === 'number' ? 'id' : 'url';
      return db.prepare(`DELETE FROM feeds WHERE ${column} = ?`).run(idOrUrl).changes > 0;
    },

    async recordFeedSuccess(feedId: number, update: { title: string | null; at: string }): Promise<void> {
      db
        .prepare('UPDATE feeds SET title = COALESCE(?, title), last_fetched_at = ?, last_error = NULL, error_count = 0 WHERE id = ?')
        .run(update.title, update.at, feedId);
    },

    async recordFeedError(feedId: number, message: string, at: string): Promise<void> {
      db
        .prepare('UPDATE feeds SET last_fetched_at = ?, last_error = ?, error_count = error_count + 1 WHERE id = ?')
        .run(at, message, feedId);
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
  };
}
