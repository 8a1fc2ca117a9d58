/** SQLite implementation of PreferenceStore. */
import type Database from 'better-sqlite3';
import { NO_PREFERENCES, type PreferenceStore } from '../preference-store.js';

/**
 * PreferenceStore over an open better-sqlite3 connection.
 * @example const preferences = sqlitePreferenceStore(db)
 */
export function sqlitePreferenceStore(_db: Database.Database): PreferenceStore {
  return {
    // Until the commands that set preferences exist, every chat receives everything.
    async getPreferences() {
      return { ...NO_PREFERENCES };
    },
  };
}
