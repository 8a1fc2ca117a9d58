/**
 * Choose and open the Store adapter: PostgreSQL for a `postgres://` DATABASE_URL, else the
 * embedded SQLite file. The only place that knows both adapters.
 */
import type { Store } from './store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { DatabaseLocation } from './database-location.js';

export { databaseLocation, describeDatabase, isPostgresUrl, type DatabaseLocation } from './database-location.js';

/**
 * Open the store at `location`; `readOnly` for commands that only read (nothing is written,
 * not even a WAL switch or a migration).
 * @example const store = await openStore(config.database)
 */
export async function openStore(location: DatabaseLocation, opts: { readOnly?: boolean } = {}): Promise<Store> {
  if (location.kind === 'sqlite') return openSqliteStore(location.path, opts);
  // Loaded only when used: SQLite users never pay for pg's start-up.
  const { openPostgresStore } = await import('./postgres/postgres-store.js');
  const { url, schema } = splitSchema(location.url);
  return openPostgresStore(url, { ...opts, ...(schema ? { schema } : {}) });
}

/**
 * `postgres://…/db?schema=kf` keeps KeyFigures' tables in schema `kf` (created if missing), so
 * several installations or test runs can share one database. pg itself does not know `schema`.
 * @example splitSchema('postgres://h/db?schema=kf') // { url: 'postgres://h/db', schema: 'kf' }
 */
export function splitSchema(raw: string): { url: string; schema: string | null } {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return { url: raw, schema: null };
  }
  const schema = parsed.searchParams.get('schema');
  if (schema === null) return { url: raw, schema: null };
  parsed.searchParams.delete('schema');
  return { url: parsed.toString(), schema };
}
