/** LeaseStore in SQL (both dialects): table `leases` (migration 6). */
import type { LeaseStore } from '../lease-store.js';
import type { Sql } from './dialect.js';

/**
 * LeaseStore over a Kysely connection. Each operation is one statement, so it is atomic on both
 * databases without a transaction.
 * @example const leases = sqlLeaseStore({ db, d: POSTGRES })
 */
export function sqlLeaseStore({ db, d }: Sql): LeaseStore {
  return {
    async acquireLease(name, holder, { now, ttlMs }) {
      const at = d.time(now);
      const until = d.time(new Date(now.getTime() + ttlMs));
      // Insert, or take over only when the lease is ours already or has run out.
      const row = await db
        .insertInto('leases')
        .values({ name, holder, until, acquired_at: at })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet((eb) => ({
              holder: eb.ref('excluded.holder'),
              until: eb.ref('excluded.until'),
              acquired_at: eb.case().when('leases.holder', '=', eb.ref('excluded.holder')).then(eb.ref('leases.acquired_at')).else(eb.ref('excluded.acquired_at')).end(),
            }))
            .where((eb) => eb.or([eb('leases.holder', '=', eb.ref('excluded.holder')), eb('leases.until', '<=', eb.ref('excluded.acquired_at'))])),
        )
        .returning('holder')
        .executeTakeFirst();
      return row?.holder === holder;
    },

    async releaseLease(name, holder) {
      const result = await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
