/** SQLite implementation of ChatStateStore: chat_views, chat_searches, broadcasts (migration 4). */
import type Database from 'better-sqlite3';
import type { ChatStateStore, ChatView, PendingBroadcast } from '../chat-state-store.js';

/**
 * ChatStateStore over an open better-sqlite3 connection.
 * @example const chatState = sqliteChatStateStore(db)
 */
export function sqliteChatStateStore(db: Database.Database): ChatStateStore {
  return {
    async saveChatView(chatId: number, view: ChatView): Promise<void> {
      db.prepare(
        `INSERT INTO chat_views (chat_id, at, stories_json) VALUES (?, ?, ?)
         ON CONFLICT (chat_id) DO UPDATE SET at = excluded.at, stories_json = excluded.stories_json`,
      ).run(chatId, view.at, JSON.stringify(view.stories));
    },

    async getChatView(chatId: number): Promise<ChatView | null> {
      const row = db.prepare('SELECT at, stories_json FROM chat_views WHERE chat_id = ?').get(chatId) as
        | { at: string; stories_json: string }
        | undefined;
      return row ? { at: row.at, stories: JSON.parse(row.stories_json) } : null;
    },

    async saveSearch(chatId: number, query: string, at: string): Promise<number> {
      const info = db.prepare('INSERT INTO chat_searches (chat_id, query, at) VALUES (?, ?, ?)').run(chatId, query, at);
      // Keep the last 20 searches per chat: older page buttons simply expire.
      db.prepare(
        'DELETE FROM chat_searches WHERE chat_id = ? AND id NOT IN (SELECT id FROM chat_searches WHERE chat_id = ? ORDER BY id DESC LIMIT 20)',
      ).run(chatId, chatId);
      return Number(info.lastInsertRowid);
    },

    async getSearch(chatId: number, id: number): Promise<string | null> {
      const row = db.prepare('SELECT query FROM chat_searches WHERE id = ? AND chat_id = ?').get(id, chatId) as { query: string } | undefined;
      return row?.query ?? null;
    },

    async createBroadcast(adminId: number, text: string, at: string): Promise<number> {
      return Number(db.prepare('INSERT INTO broadcasts (admin_id, text, created_at) VALUES (?, ?, ?)').run(adminId, text, at).lastInsertRowid);
    },

    async decideBroadcast(id: number, decision: 'sent' | 'cancelled', at: string): Promise<PendingBroadcast | null> {
      return db.transaction((): PendingBroadcast | null => {
        const row = db.prepare("SELECT id, admin_id, text FROM broadcasts WHERE id = ? AND state = 'pending'").get(id) as
          | { id: number; admin_id: number; text: string }
          | undefined;
        if (!row) return null;
        db.prepare('UPDATE broadcasts SET state = ?, decided_at = ? WHERE id = ?').run(decision, at, id);
        return { id: row.id, adminId: row.admin_id, text: row.text };
      })();
    },
  };
}
