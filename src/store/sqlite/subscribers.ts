/** SQLite implementation of SubscriberStore. Subscribers: chats that receive digests, active or not. */
import type Database from 'better-sqlite3';
import type { Subscriber } from '../../domain/types.js';
import type { SubscriberStore, SubscribeResult } from '../subscriber-store.js';

type Row = Record<string, unknown>;

/**
 * SubscriberStore over an open better-sqlite3 connection.
 * @example const subscribers = sqliteSubscriberStore(db)
 */
export function sqliteSubscriberStore(db: Database.Database): SubscriberStore {
  return {
    async subscribe(chat: { chatId: number; chatType: string; title: string | null }, at: string): Promise<SubscribeResult> {
      return db.transaction((): SubscribeResult => {
        const before = db.prepare('SELECT * FROM subscribers WHERE chat_id = ?').get(chat.chatId) as Row | undefined;
        db
          .prepare(
            `INSERT INTO subscribers (chat_id, chat_type, title, active, subscribed_at) VALUES (?, ?, ?, 1, ?)
             ON CONFLICT (chat_id) DO UPDATE SET chat_type = excluded.chat_type, title = excluded.title,
               active = 1, deactivated_reason = NULL`,
          )
          .run(chat.chatId, chat.chatType, chat.title, at);
        const subscriber = toSubscriber(db.prepare('SELECT * FROM subscribers WHERE chat_id = ?').get(chat.chatId) as Row);
        const change = !before ? 'new' : before.active ? 'unchanged' : 'reactivated';
        return { subscriber, change };
      })();
    },

    async deactivate(chatId: number, reason: string): Promise<boolean> {
      return (
        db
          .prepare('UPDATE subscribers SET active = 0, deactivated_reason = ? WHERE chat_id = ? AND active = 1')
          .run(reason, chatId).changes > 0
      );
    },

    async getSubscriber(chatId: number): Promise<Subscriber | null> {
      const row = db.prepare('SELECT * FROM subscribers WHERE chat_id = ?').get(chatId) as Row | undefined;
      return row ? toSubscriber(row) : null;
    },

    async listSubscribers(): Promise<Subscriber[]> {
      return (db.prepare('SELECT * FROM subscribers ORDER BY subscribed_at, chat_id').all() as Row[]).map(toSubscriber);
    },

    async activeSubscribers(): Promise<Subscriber[]> {
      return (db.prepare('SELECT * FROM subscribers WHERE active = 1 ORDER BY chat_id').all() as Row[]).map(toSubscriber);
    },

    async migrateChat(fromChatId: number, toChatId: number): Promise<void> {
      db.transaction(() => {
        const target = db.prepare('SELECT 1 FROM subscribers WHERE chat_id = ?').get(toChatId);
        if (target) db.prepare('DELETE FROM subscribers WHERE chat_id = ?').run(fromChatId);
        else db.prepare("UPDATE subscribers SET chat_id = ?, chat_type = 'supergroup' WHERE chat_id = ?").run(toChatId, fromChatId);
        db.prepare('UPDATE OR IGNORE deliveries SET chat_id = ? WHERE chat_id = ?').run(toChatId, fromChatId);
        // The chat's choices and memory move with it (rows the new chat already has win).
        for (const table of ['chat_feed_choice', 'chat_feeds', 'chat_topics', 'chat_views', 'chat_searches']) {
          db.prepare(`UPDATE OR IGNORE ${table} SET chat_id = ? WHERE chat_id = ?`).run(toChatId, fromChatId);
          db.prepare(`DELETE FROM ${table} WHERE chat_id = ?`).run(fromChatId);
        }
        db.prepare('UPDATE user_feeds SET added_by_chat = ? WHERE added_by_chat = ?').run(toChatId, fromChatId);
      })();
    },

    async setSchedule(chatId: number, schedule: { digestTime?: string | null; timezone?: string | null }): Promise<boolean> {
      const sets: string[] = [];
      const params: Array<string | null> = [];
      if (schedule.digestTime !== undefined) (sets.push('digest_time = ?'), params.push(schedule.digestTime));
      if (schedule.timezone !== undefined) (sets.push('timezone = ?'), params.push(schedule.timezone));
      if (sets.length === 0) return db.prepare('SELECT 1 FROM subscribers WHERE chat_id = ?').get(chatId) !== undefined;
      return db.prepare(`UPDATE subscribers SET ${sets.join(', ')} WHERE chat_id = ?`).run(...params, chatId).changes > 0;
    },

    async setPaused(chatId: number, paused: boolean): Promise<boolean> {
      return db.prepare('UPDATE subscribers SET paused = ? WHERE chat_id = ?').run(paused ? 1 : 0, chatId).changes > 0;
    },

    async markDigestGiven(chatId: number, at: string): Promise<void> {
      db.prepare('UPDATE subscribers SET last_digest_at = ? WHERE chat_id = ?').run(at, chatId);
    },
  };
}

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
function toSubscriber(r: Row): Subscriber {
  return {
    chatId: Number(r.chat_id),
    chatType: str(r.chat_type),
    title: strOrNull(r.title),
    active: Boolean(r.active),
    subscribedAt: str(r.subscribed_at),
    deactivatedReason: strOrNull(r.deactivated_reason),
    timezone: strOrNull(r.timezone),
    digestTime: strOrNull(r.digest_time),
    paused: Boolean(r.paused),
    lastDigestAt: strOrNull(r.last_digest_at),
  };
}
