/** Operator settings changed at run time (e.g. `keyfigures schedule set`), kept in the database. */

/** Settings: a small key → value map; an absent key means "the configured default". */
export interface SettingsStore {
  /** Every stored setting. */
  getSettings(): Promise<Record<string, string>>;
  /** Set (string) or clear (null) settings, all in one transaction. */
  putSettings(values: Record<string, string | null>, at: Date): Promise<void>;
}
