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
  return openPostgresStore(location.url, opts);
}
