/** A database as an earlier release left it, for migration tests. */
import { MIGRATIONS } from '../../src/store/migrations.js';
import type { TestDatabase } from './adapters.js';

/** Apply the shipped migrations up to `version` by hand, as an earlier release did. */
export async function legacyDatabase(db: TestDatabase, version: number): Promise<void> {
  if (db.adapter === 'postgres') {
    // The test schema is the connection's search_path; the store would create it on open.
    await db.exec(`DO $$ BEGIN EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I', current_setting('search_path')); END $$`);
    await db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
  }
  for (let v = 0; v < version; v++) {
    const m = MIGRATIONS[v]!;
    await db.exec(db.adapter === 'sqlite' ? `${m.sqlite}; PRAGMA user_version = ${v + 1};` : `${m.postgres}; INSERT INTO schema_migrations (version, name) VALUES (${v + 1}, '${m.name}');`);
  }
}
