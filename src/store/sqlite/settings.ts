/** SQLite implementation of SettingsStore (table `settings`, migration 5). */
import type Database from 'better-sqlite3';
import type { SettingsStore } from '../settings-store.js';

/**
 * SettingsStore over an open better-sqlite3 connection.
 * @example await sqliteSettingsStore(db).putSettings({ fetch_cron: '*\/15 * * * *' }, new Date().toISOString())
 */
export function sqliteSettingsStore(db: Database.Database): SettingsStore {
  return {
    async getSettings(): Promise<Record<string, string>> {
      const rows = db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
    async putSettings(values: Record<string, string | null>, at: string): Promise<void> {
      const upsert = db.prepare(
        'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      );
      const remove = db.prepare('DELETE FROM settings WHERE key = ?');
      db.transaction(() => {
        for (const [key, value] of Object.entries(values)) value === null ? remove.run(key) : upsert.run(key, value, at);
      })();
    },
  };
}
