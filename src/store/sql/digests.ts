/** DigestStore in SQL (both dialects): each edition as data. */
import type { Digest } from '../../domain/types.js';
import type { DigestStore, SavedDigest, StoredDigest } from '../digest-store.js';
import { type Sql, toDate } from './dialect.js';
import { storiesFromJson } from './stories-json.js';

/**
 * DigestStore over a Kysely connection.
 * @example const digests = sqlDigestStore({ db, d: SQLITE })
 */
export function sqlDigestStore({ db, d }: Sql): DigestStore {
  return {
    async saveDigest(digest: Digest, opts: { key?: string } = {}): Promise<SavedDigest> {
      const key = opts.key ?? null;
      // Insert-or-get on the unique key: of two builders, one inserts and the other reads its edition.
      const row = await db
        .insertInto('digests')
        .values({
          date: digest.date,
          created_at: d.time(digest.createdAt),
          timezone: digest.timezone,
          stories_json: JSON.stringify(digest.stories),
          // nothing rendered is stored (migration 18); the column holds the HTML of older editions
          parts_json: '[]',
          edition_key: key,
        })
        .onConflict((oc) => oc.column('edition_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) return { ...digest, id: Number(row.id), created: true };
      const stored = await db.selectFrom('digests').selectAll().where('edition_key', '=', key!).executeTakeFirstOrThrow();
      return { ...toDigest(stored), created: false };
    },

    async latestDigest(): Promise<StoredDigest | null> {
      const row = await db.selectFrom('digests').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row ? toDigest(row) : null;
    },

    async getDigest(id: number): Promise<StoredDigest | null> {
      const row = await db.selectFrom('digests').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toDigest(row) : null;
    },

    async listDigests() {
      const rows = await db.selectFrom('digests').select(['id', 'date', 'created_at']).orderBy('id').execute();
      return rows.map((r) => ({ id: Number(r.id), date: String(r.date), createdAt: toDate(r.created_at) }));
    },
  };
}

function toDigest(r: Record<string, unknown>): StoredDigest {
  return {
    id: Number(r.id),
    date: String(r.date),
    createdAt: toDate(r.created_at),
    timezone: String(r.timezone),
    stories: storiesFromJson(String(r.stories_json)),
  };
}
