/**
 * The embedded Store: one SQLite file through better-sqlite3, WAL mode, migrations on open.
 * Each concern's queries live in their own file (feeds.ts, articles.ts, …); this file opens the
 * database and puts them together. better-sqlite3 is synchronous; the async signatures exist for
 * the Store contract.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../store.js';
import { MIGRATIONS } from './migrations.js';
import { sqliteFeedStore } from './feeds.js';
import { sqliteArticleStore } from './articles.js';
import { sqliteDigestStore } from './digests.js';
import { sqliteSubscriberStore } from './subscribers.js';
import { sqliteDeliveryStore } from './deliveries.js';
import { sqlitePreferenceStore } from './preferences.js';
import { sqliteSettingsStore } from './settings.js';
import { sqliteChatStateStore } from './chat-state.js';
import { sqliteSeriesStore } from './series.js';
import { sqliteLlmStore } from './llm.js';

/** Thrown inside the write probe's transaction to roll it back. */
const ROLLBACK = Symbol('rollback');

/** The Store, plus the connection for tests and maintenance commands. */
export type SqliteStore = Store & { readonly db: Database.Database };

/**
 * Open (creating if needed) the database at `file`; ':memory:' for a throwaway store.
 * @example const store = openSqliteStore('./data/keyfigures.db')
 */
export function openSqliteStore(file: string): SqliteStore {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return {
    db,
    ...sqliteFeedStore(db),
    ...sqliteArticleStore(db),
    ...sqliteDigestStore(db),
    ...sqliteSubscriberStore(db),
    ...sqliteDeliveryStore(db),
    ...sqlitePreferenceStore(db),
    ...sqliteSettingsStore(db),
    ...sqliteChatStateStore(db),
    ...sqliteSeriesStore(db),
    ...sqliteLlmStore(db),
    async checkWritable() {
      // A read-only file, a full disk or a lock held too long fail here; nothing is kept.
      const probe = db.transaction(() => {
        db.prepare("INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('_write_probe', '1', '')").run();
        throw ROLLBACK;
      });
      try {
        probe.immediate();
      } catch (err) {
        if (err !== ROLLBACK) throw err;
      }
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

/** Apply the migrations this file has not seen yet, each in its own transaction. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length - current;
}
