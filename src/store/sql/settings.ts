/** SettingsStore in SQL (both dialects): operator settings changed at run time. */
import type { SettingsStore } from '../settings-store.js';
import type { Sql } from './dialect.js';

/**
 * SettingsStore over a Kysely connection.
 * @example await sqlSettingsStore({ db, d: SQLITE }).putSettings({ fetch_cron: '*\/15 * * * *' }, new Date().toISOString())
 */
export function sqlSettingsStore({ db, d }: Sql): SettingsStore {
  return {
    async getSettings(): Promise<Record<string, string>> {
      const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', '<>', WRITE_PROBE_KEY).execute();
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    },
    async putSettings(values: Record<string, string | null>, at: Date): Promise<void> {
      await db.transaction().execute(async (trx) => {
        for (const [key, value] of Object.entries(values)) {
          if (value === null) await trx.deleteFrom('settings').where('key', '=', key).execute();
          else
            await trx
              .insertInto('settings')
              .values({ key, value, updated_at: d.time(at) })
              .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: eb.ref('excluded.updated_at') })))
              .execute();
        }
      });
    },
  };
}

/** The settings key the write probe writes (and rolls back). */
export const WRITE_PROBE_KEY = '_write_probe';
