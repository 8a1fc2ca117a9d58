/**
 * The Store over Kysely: every query module, written once, put together for one connection.
 * The SQLite and PostgreSQL adapters open the database, migrate it and call this.
 */
import type { Store } from '../store.js';
import type { Sql } from './dialect.js';
import { sqlFeedStore } from './feeds.js';
import { sqlArticleStore } from './articles.js';
import { sqlDigestStore } from './digests.js';
import { sqlSubscriberStore } from './subscribers.js';
import { sqlDeliveryStore } from './deliveries.js';
import { sqlPreferenceStore } from './preferences.js';
import { sqlSettingsStore, WRITE_PROBE_KEY } from './settings.js';
import { sqlChatStateStore } from './chat-state.js';
import { sqlSeriesStore } from './series.js';
import { sqlLlmStore } from './llm.js';
import { sqlLeaseStore } from './leases.js';
import { sqlSendSlotStore } from './send-slots.js';
import { sqlChatDeliveryStore } from './chat-delivery.js';

/** Thrown inside the write probe's transaction to roll it back. */
const ROLLBACK = Symbol('rollback');

/** What only the adapter knows: its health checks, its size, how it closes. */
export type AdapterParts = Pick<Store, 'checkIntegrity' | 'sizeBytes' | 'close'>;

/**
 * Every part of the Store over one Kysely connection, plus the adapter's own parts.
 * @example const store = sqlStore({ db, d: POSTGRES }, { close: () => db.destroy(), … })
 */
export function sqlStore(conn: Sql, adapter: AdapterParts): Store {
  const { db, d } = conn;
  return {
    ...sqlFeedStore(conn),
    ...sqlArticleStore(conn),
    ...sqlDigestStore(conn),
    ...sqlSubscriberStore(conn),
    ...sqlDeliveryStore(conn),
    ...sqlPreferenceStore(conn),
    ...sqlSettingsStore(conn),
    ...sqlChatStateStore(conn),
    ...sqlSeriesStore(conn),
    ...sqlLlmStore(conn),
    ...sqlLeaseStore(conn),
    ...sqlSendSlotStore(conn),
    ...sqlChatDeliveryStore(conn),
    async checkWritable() {
      // A read-only file, a full disk or a lock held too long fail here; nothing is kept.
      try {
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('settings')
            .values({ key: WRITE_PROBE_KEY, value: '1', updated_at: d.time(new Date()) })
            .onConflict((oc) => oc.column('key').doUpdateSet({ value: '1' }))
            .execute();
          throw ROLLBACK;
        });
      } catch (err) {
        if (err !== ROLLBACK) throw err;
      }
    },
    ...adapter,
  };
}
