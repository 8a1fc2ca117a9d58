/** SQLite implementation of DigestStore. Digests: each edition with its rendered Telegram parts. */
import type Database from 'better-sqlite3';
import type { Digest } from '../../domain/types.js';
import type { DigestStore, StoredDigest } from '../digest-store.js';

type Row = Record<string, unknown>;

/**
 * DigestStore over an open better-sqlite3 connection.
 * @example const digests = sqliteDigestStore(db)
 */
export function sqliteDigestStore(db: Database.Database): DigestStore {
  return {
    async saveDigest(digest: Digest, parts: string[]): Promise<StoredDigest> {
      const info = db
        .prepare('INSERT INTO digests (date, created_at, timezone, stories_json, parts_json) VALUES (?, ?, ?, ?, ?)')
        .run(digest.date, digest.createdAt, digest.timezone, JSON.stringify(digest.stories), JSON.stringify(parts));
      return { ...digest, id: Number(info.lastInsertRowid), parts };
    },

    async latestDigest(): Promise<StoredDigest | null> {
      const row = db.prepare('SELECT * FROM digests ORDER BY id DESC LIMIT 1').get() as Row | undefined;
      return row ? toDigest(row) : null;
    },

    async getDigest(id: number): Promise<StoredDigest | null> {
      const row = db.prepare('SELECT * FROM digests WHERE id = ?').get(id) as Row | undefined;
      return row ? toDigest(row) : null;
    },

    async listDigests() {
      const rows = db.prepare('SELECT id, date, created_at FROM digests ORDER BY id').all() as Row[];
      return rows.map((r) => ({ id: Number(r.id), date: str(r.date), createdAt: str(r.created_at) }));
    },
  };
}

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
function toDigest(r: Row): StoredDigest {
  return {
    id: Number(r.id),
    date: str(r.date),
    createdAt: str(r.created_at),
    timezone: str(r.timezone),
    stories: JSON.parse(str(r.stories_json)),
    parts: JSON.parse(str(r.parts_json)),
  };
}
