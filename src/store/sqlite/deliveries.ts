/** SQLite implementation of DeliveryStore. The outbox: one row per (digest, chat, part) and how its delivery stands. */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ClaimedDelivery, ClaimOptions, Delivery, DeliveryStore, DeliveryWorker } from '../delivery-store.js';

type Row = Record<string, unknown>;

/**
 * DeliveryStore over an open better-sqlite3 connection.
 * @example const deliveries = sqliteDeliveryStore(db)
 */
export function sqliteDeliveryStore(db: Database.Database): DeliveryStore {
  const claimable = db.prepare(
    `SELECT d.id FROM deliveries d
     WHERE d.state = 'pending' AND (d.not_before IS NULL OR d.not_before <= @now)
       AND (d.lease_owner IS NULL OR d.lease_until < @now
            OR d.lease_owner NOT IN (SELECT owner FROM delivery_workers WHERE heartbeat_at >= @stale))
       AND NOT EXISTS (SELECT 1 FROM deliveries e
                       WHERE e.chat_id = d.chat_id AND e.state = 'pending'
                         AND (e.digest_id < d.digest_id OR (e.digest_id = d.digest_id AND e.part < d.part)))
     ORDER BY d.id LIMIT @limit`,
  );
  const lease = db.prepare('UPDATE deliveries SET lease_owner = ?, lease_until = ? WHERE id = ?');
  const claimedRow = db.prepare(
    `SELECT d.*, CASE WHEN d.rendition_id IS NULL THEN json_extract(g.parts_json, '$[' || d.part || ']')
                      ELSE json_extract(r.parts_json, '$[' || d.part || ']') END AS html
     FROM deliveries d JOIN digests g ON g.id = d.digest_id LEFT JOIN digest_renditions r ON r.id = d.rendition_id
     WHERE d.id = ?`,
  );
  const claim = db.transaction((owner: string, opts: ClaimOptions): ClaimedDelivery[] => {
    const ids = claimable.all({ now: opts.now, stale: opts.staleBefore, limit: opts.limit }) as Array<{ id: number }>;
    const until = new Date(Date.parse(opts.now) + opts.leaseMs).toISOString();
    return ids.map(({ id }) => {
      lease.run(owner, until, id);
      const row = claimedRow.get(id) as Row;
      return { ...toDelivery(row), html: row.html == null ? null : String(row.html), uncertain: row.sending_since != null };
    });
  });
  const hasAny = db.prepare('SELECT 1 FROM deliveries WHERE digest_id = ? AND chat_id = ? LIMIT 1');
  const insertPart = db.prepare('INSERT OR IGNORE INTO deliveries (digest_id, chat_id, part, rendition_id) VALUES (?, ?, ?, ?)');
  const given = db.prepare('UPDATE subscribers SET last_digest_at = ? WHERE chat_id = ?');

  return {
    async enqueueDigest(digestId: number, partCount: number, chatIds: number[]): Promise<number> {
      const insert = db.prepare('INSERT OR IGNORE INTO deliveries (digest_id, chat_id, part) VALUES (?, ?, ?)');
      return db.transaction(() => {
        let added = 0;
        for (const chatId of chatIds) {
          for (let part = 0; part < partCount; part++) added += insert.run(digestId, chatId, part).changes;
        }
        return added;
      })();
    },

    async dueDeliveries(nowIso: string, limit: number): Promise<Delivery[]> {
      // A chat's next part waits for its previous part: only the lowest pending part per chat is due.
      const rows = db
        .prepare(
          `SELECT d.* FROM deliveries d
           JOIN (SELECT digest_id, chat_id, MIN(part) AS part FROM deliveries WHERE state = 'pending' GROUP BY digest_id, chat_id) first
             ON first.digest_id = d.digest_id AND first.chat_id = d.chat_id AND first.part = d.part
           WHERE d.state = 'pending' AND (d.not_before IS NULL OR d.not_before <= ?)
           ORDER BY d.id LIMIT ?`,
        )
        .all(nowIso, limit) as Row[];
      return rows.map(toDelivery);
    },

    async markSent(id: number, messageId: number, at: string): Promise<void> {
      db
        .prepare("UPDATE deliveries SET state = 'sent', message_id = ?, sent_at = ?, attempts = attempts + 1 WHERE id = ?")
        .run(messageId, at, id);
    },

    async markAttemptFailed(id: number, error: string, opts: { notBefore: string | null; final: boolean }): Promise<void> {
      db
        .prepare('UPDATE deliveries SET attempts = attempts + 1, last_error = ?, not_before = ?, state = ? WHERE id = ?')
        .run(error, opts.notBefore, opts.final ? 'failed' : 'pending', id);
    },

    async cancelPending(chatId: number, reason: string): Promise<number> {
      return db
        .prepare("UPDATE deliveries SET state = 'cancelled', last_error = ? WHERE chat_id = ? AND state = 'pending'")
        .run(reason, chatId).changes;
    },

    async saveRendition(digestId: number, parts: string[]): Promise<number> {
      const json = JSON.stringify(parts);
      const hash = createHash('sha256').update(json).digest('hex');
      db.prepare('INSERT OR IGNORE INTO digest_renditions (digest_id, hash, parts_json) VALUES (?, ?, ?)').run(digestId, hash, json);
      return Number((db.prepare('SELECT id FROM digest_renditions WHERE digest_id = ? AND hash = ?').get(digestId, hash) as Row).id);
    },

    async enqueueRendition(digestId, renditionId, partCount, chatIds, givenAt): Promise<number> {
      return db.transaction(() => {
        let added = 0;
        for (const chatId of chatIds) {
          if (!hasAny.get(digestId, chatId)) {
            for (let part = 0; part < partCount; part++) added += insertPart.run(digestId, chatId, part, renditionId).changes;
          }
          if (givenAt !== null) given.run(givenAt, chatId);
        }
        return added;
      }).immediate();
    },

    async claimDeliveries(owner: string, opts: ClaimOptions): Promise<ClaimedDelivery[]> {
      // IMMEDIATE: take the write lock before reading, so two processes cannot claim the same rows.
      return claim.immediate(owner, opts);
    },

    async startSending(id: number, owner: string, leaseUntil: string, now: string): Promise<boolean> {
      return (
        db
          .prepare("UPDATE deliveries SET lease_until = ?, sending_since = ? WHERE id = ? AND lease_owner = ? AND state = 'pending'")
          .run(leaseUntil, now, id, owner).changes > 0
      );
    },

    async completeDelivery(id: number, owner: string, messageId: number, at: string): Promise<void> {
      db
        .prepare(
          `UPDATE deliveries SET state = 'sent', message_id = ?, sent_at = ?, attempts = attempts + 1,
             lease_owner = NULL, lease_until = NULL, sending_since = NULL WHERE id = ? AND (lease_owner = ? OR lease_owner IS NULL)`,
        )
        .run(messageId, at, id, owner);
    },

    async failDelivery(id, owner, opts): Promise<void> {
      db
        .prepare(
          `UPDATE deliveries SET attempts = attempts + ?, last_error = ?, not_before = ?, state = ?,
             lease_owner = NULL, lease_until = NULL, sending_since = NULL WHERE id = ? AND state = 'pending' AND (lease_owner = ? OR lease_owner IS NULL)`,
        )
        .run(opts.countAttempt ? 1 : 0, opts.error, opts.notBefore, opts.final ? 'failed' : 'pending', id, owner);
    },

    async releaseLeases(owner: string, ids?: number[]): Promise<number> {
      const release = db.prepare('UPDATE deliveries SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ? AND id = ?');
      if (ids) return db.transaction(() => ids.reduce((n, id) => n + release.run(owner, id).changes, 0))();
      return db.prepare('UPDATE deliveries SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?').run(owner).changes;
    },

    async heartbeat(worker: { owner: string; kind: string; pid: number }, at: string): Promise<void> {
      db
        .prepare(
          `INSERT INTO delivery_workers (owner, kind, pid, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (owner) DO UPDATE SET heartbeat_at = excluded.heartbeat_at`,
        )
        .run(worker.owner, worker.kind, worker.pid, at, at);
    },

    async removeWorker(owner: string): Promise<void> {
      db.prepare('DELETE FROM delivery_workers WHERE owner = ?').run(owner);
    },

    async liveWorkers(since: string, kind?: string): Promise<DeliveryWorker[]> {
      const rows = db
        .prepare('SELECT * FROM delivery_workers WHERE heartbeat_at >= ? AND (? IS NULL OR kind = ?) ORDER BY started_at')
        .all(since, kind ?? null, kind ?? null) as Row[];
      return rows.map((r) => ({ owner: str(r.owner), kind: str(r.kind), pid: Number(r.pid), heartbeatAt: str(r.heartbeat_at) }));
    },

    async deliveryCounts(digestId?: number): Promise<Record<Delivery['state'], number>> {
      const rows = (
        digestId === undefined
          ? db.prepare('SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state').all()
          : db.prepare('SELECT state, COUNT(*) AS n FROM deliveries WHERE digest_id = ? GROUP BY state').all(digestId)
      ) as Array<{ state: Delivery['state']; n: number }>;
      const counts = { pending: 0, sent: 0, failed: 0, cancelled: 0 };
      for (const r of rows) counts[r.state] = r.n;
      return counts;
    },
  };
}

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
function toDelivery(r: Row): Delivery {
  return {
    id: Number(r.id),
    digestId: Number(r.digest_id),
    chatId: Number(r.chat_id),
    part: Number(r.part),
    state: r.state as Delivery['state'],
    attempts: Number(r.attempts),
    notBefore: strOrNull(r.not_before),
    lastError: strOrNull(r.last_error),
    messageId: r.message_id === null ? null : Number(r.message_id),
    sentAt: strOrNull(r.sent_at),
  };
}
