/** DeliveryStore in SQL (both dialects): the outbox, its leases, the views it renders and sender heartbeats. */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { ClaimedDelivery, ClaimOptions, Delivery, DeliveryStore, DeliveryWorker, DigestView } from '../delivery-store.js';
import type { Tables } from './schema.js';
import { type Sql, toDate, toDateOrNull, strOrNull, numOrNull } from './dialect.js';
import { storiesFromJson } from './stories-json.js';

type Db = Kysely<Tables>;

/**
 * DeliveryStore over a Kysely connection.
 * @example const deliveries = sqlDeliveryStore({ db, d: SQLITE })
 */
export function sqlDeliveryStore({ db, d }: Sql): DeliveryStore {
  return {
    async cancelPending(chatId: number, reason: string): Promise<number> {
      const result = await db
        .updateTable('deliveries')
        .set({ state: 'cancelled', last_error: reason })
        .where('chat_id', '=', chatId)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async enqueueEdition(digestId, groups, givenAt): Promise<number> {
      const at = givenAt === null ? null : d.time(givenAt);
      return db.transaction().execute(async (trx) => {
        let added = 0;
        for (const { view, messages, chatIds } of groups) {
          const viewId = view === null ? null : await saveViewIn(trx, digestId, view);
          added += await enqueueParts(trx, digestId, viewId, view === null ? 0 : messages, chatIds, at);
        }
        return added;
      });
    },

    async claimDeliveries(owner: string, opts: ClaimOptions): Promise<ClaimedDelivery[]> {
      const now = d.time(opts.now);
      const until = d.time(new Date(opts.now.getTime() + opts.leaseMs));
      return db.transaction().execute(async (trx) => {
        const ids = await trx
          .selectFrom('deliveries as d')
          .select('d.id')
          .where('d.state', '=', 'pending')
          .where((eb) => eb.or([eb('d.not_before', 'is', null), eb('d.not_before', '<=', now)]))
          .where((eb) =>
            eb.or([
              eb('d.lease_owner', 'is', null),
              eb('d.lease_until', '<', now),
              eb('d.lease_owner', 'not in', eb.selectFrom('delivery_workers').select('owner').where('heartbeat_at', '>=', d.time(opts.staleBefore))),
            ]),
          )
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('deliveries as e')
                  .select('e.id')
                  .whereRef('e.chat_id', '=', 'd.chat_id')
                  .where('e.state', '=', 'pending')
                  // Rows are queued in the order they are to be sent (a digest's parts in order, editions and broadcasts as they come).
                  .whereRef('e.id', '<', 'd.id'),
              ),
            ),
          )
          .orderBy('d.id')
          .limit(opts.limit)
          // PostgreSQL: rows another claimer holds are skipped, not waited for (SQLite's write lock already serializes claims).
          .$if(d.rowLocks, (q) => q.forUpdate('d').skipLocked())
          .execute();
        if (ids.length === 0) return [];
        const rows = await trx
          .updateTable('deliveries')
          .set({ lease_owner: owner, lease_until: until })
          .where('id', 'in', ids.map((r) => r.id))
          .returningAll()
          .execute();
        rows.sort((a, b) => Number(a.id) - Number(b.id));
        const views = await viewsOf(trx, rows);
        const legacy = await legacyPartsOf(trx, rows);
        const topics = await topicsOf(trx, rows);
        const broadcasts = await broadcastTextsOf(trx, rows);
        return rows.map((row) => ({
          ...toDelivery(row),
          view: row.view_id === null ? null : views.get(Number(row.view_id)) ?? null,
          broadcast: row.broadcast_id === null ? null : broadcasts.get(Number(row.broadcast_id)) ?? null,
          html: row.view_id === null && row.rendition_id !== null ? legacy.get(Number(row.rendition_id))?.[Number(row.part)] ?? null : null,
          uncertain: row.sending_since !== null,
          // A broadcast goes to the chat itself (General in a forum), as it always has; a digest to the chat's digest topic.
          threadId: row.broadcast_id === null ? topics.get(Number(row.chat_id)) ?? null : null,
        }));
      });
    },

    async queueBroadcast(broadcastId, at) {
      return db.transaction().execute(async (trx) => {
        // One conditional UPDATE: of two racing decisions, exactly one finds the broadcast pending.
        const decided = await trx
          .updateTable('broadcasts')
          .set({ state: 'sent', decided_at: d.time(at) })
          .where('id', '=', broadcastId)
          .where('state', '=', 'pending')
          .returning('text')
          .executeTakeFirst();
        if (!decided) return null;
        const result = await trx
          .insertInto('deliveries')
          .columns(['broadcast_id', 'chat_id', 'part'])
          // Literals, not parameters: PostgreSQL types a parameter in a SELECT list as text, not as the column it fills.
          .expression((eb) => eb.selectFrom('subscribers').select([sql.lit(Number(broadcastId)).as('broadcast_id'), 'chat_id', sql.lit(0).as('part')]).where('active', '=', d.flag(true)))
          .onConflict((oc) => oc.columns(['broadcast_id', 'chat_id', 'part']).doNothing())
          .executeTakeFirst();
        return { text: decided.text, queued: Number(result.numInsertedOrUpdatedRows ?? 0) };
      });
    },

    async startSending(id: number, owner: string, leaseUntil: Date, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('deliveries')
        .set({ lease_until: d.time(leaseUntil), sending_since: d.time(now) })
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async completeDelivery(id: number, owner: string, messageId: number, at: Date): Promise<void> {
      await db
        .updateTable('deliveries')
        .set((eb) => ({
          state: 'sent',
          message_id: messageId,
          sent_at: d.time(at),
          attempts: eb('attempts', '+', 1),
          lease_owner: null,
          lease_until: null,
          sending_since: null,
        }))
        .where('id', '=', id)
        .where((eb) => eb.or([eb('lease_owner', '=', owner), eb('lease_owner', 'is', null)]))
        .execute();
    },

    async failDelivery(id, owner, opts): Promise<void> {
      await db
        .updateTable('deliveries')
        .set((eb) => ({
          attempts: eb('attempts', '+', opts.countAttempt ? 1 : 0),
          last_error: opts.error,
          not_before: opts.notBefore === null ? null : d.time(opts.notBefore),
          state: opts.final ? 'failed' : 'pending',
          lease_owner: null,
          lease_until: null,
          sending_since: null,
        }))
        .where('id', '=', id)
        .where('state', '=', 'pending')
        .where((eb) => eb.or([eb('lease_owner', '=', owner), eb('lease_owner', 'is', null)]))
        .execute();
    },

    async releaseLeases(owner: string, ids?: number[]): Promise<number> {
      if (ids && ids.length === 0) return 0;
      let q = db.updateTable('deliveries').set({ lease_owner: null, lease_until: null }).where('lease_owner', '=', owner);
      if (ids) q = q.where('id', 'in', ids);
      return Number((await q.executeTakeFirst()).numUpdatedRows);
    },

    async heartbeat(worker, at): Promise<void> {
      await db
        .insertInto('delivery_workers')
        .values({ owner: worker.owner, kind: worker.kind, pid: worker.pid, pid_space: worker.pidSpace ?? null, started_at: d.time(at), heartbeat_at: d.time(at) })
        .onConflict((oc) => oc.column('owner').doUpdateSet((eb) => ({ heartbeat_at: eb.ref('excluded.heartbeat_at') })))
        .execute();
    },

    async removeWorker(owner: string): Promise<void> {
      await db.deleteFrom('delivery_workers').where('owner', '=', owner).execute();
    },

    async liveWorkers(since: Date | null, kind?: string): Promise<DeliveryWorker[]> {
      let q = db.selectFrom('delivery_workers').selectAll();
      if (since !== null) q = q.where('heartbeat_at', '>=', d.time(since));
      if (kind !== undefined) q = q.where('kind', '=', kind);
      const rows = await q.orderBy('started_at').execute();
      return rows.map((r) => ({ owner: r.owner, kind: r.kind, pid: Number(r.pid), heartbeatAt: toDate(r.heartbeat_at), pidSpace: strOrNull(r.pid_space) }));
    },

    async deliveryCounts(digestId?: number): Promise<Record<Delivery['state'], number>> {
      const counts = { pending: 0, sent: 0, failed: 0, cancelled: 0 };
      if (digestId === undefined) {
        // Kept by triggers (migration 23): four rows read, however many deliveries were ever made.
        const rows = await db.selectFrom('row_counts').select(['name', 'n']).where('name', 'in', Object.keys(counts).map((s) => `deliveries_${s}`)).execute();
        for (const r of rows) counts[r.name.slice('deliveries_'.length) as Delivery['state']] = Number(r.n);
        return counts;
      }
      const rows = await db.selectFrom('deliveries').select((eb) => ['state', eb.fn.countAll<number>().as('n')]).where('digest_id', '=', digestId).groupBy('state').execute();
      for (const r of rows) counts[r.state as Delivery['state']] = Number(r.n);
      return counts;
    },
  };
}

/** Keep one view of a digest (deduplicated by content hash); its id. */
async function saveViewIn(db: Db, digestId: number, view: DigestView): Promise<number> {
  const json = JSON.stringify(view);
  const hash = createHash('sha256').update(json).digest('hex');
  await db.insertInto('digest_views').values({ digest_id: digestId, hash, view_json: json }).onConflict((oc) => oc.columns(['digest_id', 'hash']).doNothing()).execute();
  const row = await db.selectFrom('digest_views').select('id').where('digest_id', '=', digestId).where('hash', '=', hash).executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * Queue `partCount` messages of a view for each chat that has no row of this digest yet, inside the
 * caller's transaction `trx`; `givenAt` (when set, as the column stores it) becomes each listed chat's last digest time.
 */
async function enqueueParts(
  trx: Db,
  digestId: number,
  viewId: number | null,
  partCount: number,
  chatIds: number[],
  givenAt: string | Date | null,
): Promise<number> {
  let added = 0;
  for (let i = 0; i < chatIds.length; i += 200) {
    const listed = chatIds.slice(i, i + 200);
    const has = new Set(
      (await trx.selectFrom('deliveries').select('chat_id').distinct().where('digest_id', '=', digestId).where('chat_id', 'in', listed).execute()).map((r) => Number(r.chat_id)),
    );
    const chats = listed.filter((c) => !has.has(c));
    const rows = chats.flatMap((chatId) => Array.from({ length: partCount }, (_, part) => ({ digest_id: digestId, chat_id: chatId, part, view_id: viewId })));
    for (let j = 0; j < rows.length; j += 500) {
      const result = await trx
        .insertInto('deliveries')
        .values(rows.slice(j, j + 500))
        .onConflict((oc) => oc.columns(['digest_id', 'chat_id', 'part']).doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    if (givenAt !== null && chatIds.length) {
      await trx.updateTable('subscribers').set({ last_digest_at: givenAt }).where('chat_id', 'in', chatIds.slice(i, i + 200)).execute();
    }
  }
  return added;
}

/** The digest topic of each of the rows' chats that chose one (/digest_here). */
async function topicsOf(db: Db, rows: Array<{ chat_id: number }>): Promise<Map<number, number>> {
  const chatIds = [...new Set(rows.map((r) => Number(r.chat_id)))];
  const topics = new Map<number, number>();
  if (chatIds.length === 0) return topics;
  const found = await db.selectFrom('chat_delivery').select(['chat_id', 'digest_thread_id']).where('chat_id', 'in', chatIds).where('digest_thread_id', 'is not', null).execute();
  for (const r of found) topics.set(Number(r.chat_id), Number(r.digest_thread_id));
  return topics;
}

/** The text of each broadcast the rows send, by id. */
async function broadcastTextsOf(db: Db, rows: Array<{ broadcast_id: number | null }>): Promise<Map<number, string>> {
  const ids = [...new Set(rows.filter((r) => r.broadcast_id !== null).map((r) => Number(r.broadcast_id)))];
  const texts = new Map<number, string>();
  if (ids.length === 0) return texts;
  for (const r of await db.selectFrom('broadcasts').select(['id', 'text']).where('id', 'in', ids).execute()) texts.set(Number(r.id), r.text);
  return texts;
}

/** The views the rows render, by id. */
async function viewsOf(db: Db, rows: Array<{ view_id: number | null }>): Promise<Map<number, DigestView>> {
  const ids = [...new Set(rows.filter((r) => r.view_id !== null).map((r) => Number(r.view_id)))];
  const views = new Map<number, DigestView>();
  if (ids.length === 0) return views;
  for (const r of await db.selectFrom('digest_views').select(['id', 'view_json']).where('id', 'in', ids).execute()) views.set(Number(r.id), viewFromJson(r.view_json));
  return views;
}

/** A stored view, its stories' times Dates again. */
function viewFromJson(json: string): DigestView {
  const view = JSON.parse(json) as DigestView;
  return { ...view, stories: storiesFromJson(JSON.stringify(view.stories)) };
}

/** The HTML of rows queued before views were stored (migration 18), by rendition id. */
async function legacyPartsOf(db: Db, rows: Array<{ view_id: number | null; rendition_id: number | null }>): Promise<Map<number, string[]>> {
  const ids = [...new Set(rows.filter((r) => r.view_id === null && r.rendition_id !== null).map((r) => Number(r.rendition_id)))];
  const parts = new Map<number, string[]>();
  if (ids.length === 0) return parts;
  for (const r of await db.selectFrom('digest_renditions').select(['id', 'parts_json']).where('id', 'in', ids).execute()) parts.set(Number(r.id), JSON.parse(r.parts_json));
  return parts;
}

function toDelivery(r: Record<string, unknown>): Delivery {
  return {
    id: Number(r.id),
    digestId: numOrNull(r.digest_id),
    broadcastId: numOrNull(r.broadcast_id),
    chatId: Number(r.chat_id),
    part: Number(r.part),
    state: r.state as Delivery['state'],
    attempts: Number(r.attempts),
    notBefore: toDateOrNull(r.not_before),
    lastError: strOrNull(r.last_error),
    messageId: numOrNull(r.message_id),
    sentAt: toDateOrNull(r.sent_at),
  };
}
