/** SQLite implementation of DeliveryStore. The outbox: one row per (digest, chat, part) and how its delivery stands. */
import type Database from 'better-sqlite3';
import type { Delivery, DeliveryStore } from '../delivery-store.js';

type Row = Record<string, unknown>;

/**
 * DeliveryStore over an open better-sqlite3 connection.
 * @example const deliveries = sqliteDeliveryStore(db)
 */
export function sqliteDeliveryStore(db: Database.Database): DeliveryStore {
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
