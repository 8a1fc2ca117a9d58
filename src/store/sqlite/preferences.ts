/** SQLite implementation of PreferenceStore: chat_feed_choice, chat_feeds, user_feeds, chat_topics (migration 4). */
import type Database from 'better-sqlite3';
import type { ChatPreferences, FeedChoice, PreferenceStore } from '../preference-store.js';

/**
 * PreferenceStore over an open better-sqlite3 connection.
 * @example const preferences = sqlitePreferenceStore(db)
 */
export function sqlitePreferenceStore(db: Database.Database): PreferenceStore {
  const feedChoice = (chatId: number): FeedChoice => {
    const row = db.prepare('SELECT mode FROM chat_feed_choice WHERE chat_id = ?').get(chatId) as { mode: string } | undefined;
    const feedIds = (db.prepare('SELECT feed_id FROM chat_feeds WHERE chat_id = ? ORDER BY feed_id').all(chatId) as Array<{ feed_id: number }>).map(
      (r) => r.feed_id,
    );
    return { mode: row?.mode === 'only' ? 'only' : 'all', feedIds };
  };

  return {
    async getPreferences(chatId: number): Promise<ChatPreferences> {
      const topics = db.prepare('SELECT kind, phrase FROM chat_topics WHERE chat_id = ? ORDER BY position').all(chatId) as Array<{
        kind: string;
        phrase: string;
      }>;
      const include = topics.filter((t) => t.kind === 'include').map((t) => t.phrase);
      const exclude = topics.filter((t) => t.kind === 'exclude').map((t) => t.phrase);
      const choice = feedChoice(chatId);
      if (choice.mode === 'only') return { feedIds: choice.feedIds, include, exclude };
      const hasUserFeeds = db.prepare('SELECT 1 FROM user_feeds LIMIT 1').get() !== undefined;
      if (!hasUserFeeds) return { feedIds: null, include, exclude };
      // Every public feed, plus the private feeds this chat chose.
      const publicIds = (
        db.prepare('SELECT id FROM feeds WHERE id NOT IN (SELECT feed_id FROM user_feeds) ORDER BY id').all() as Array<{ id: number }>
      ).map((r) => r.id);
      const feedIds = [...new Set([...publicIds, ...choice.feedIds])].sort((a, b) => a - b);
      return { feedIds, include, exclude };
    },

    async getFeedChoice(chatId: number): Promise<FeedChoice> {
      return feedChoice(chatId);
    },

    async setFeedChoice(chatId: number, choice: FeedChoice): Promise<void> {
      db.transaction(() => {
        db.prepare(
          'INSERT INTO chat_feed_choice (chat_id, mode) VALUES (?, ?) ON CONFLICT (chat_id) DO UPDATE SET mode = excluded.mode',
        ).run(chatId, choice.mode);
        db.prepare('DELETE FROM chat_feeds WHERE chat_id = ?').run(chatId);
        const insert = db.prepare('INSERT OR IGNORE INTO chat_feeds (chat_id, feed_id) SELECT ?, id FROM feeds WHERE id = ?');
        for (const id of choice.feedIds) insert.run(chatId, id);
      })();
    },

    async userFeedIds(): Promise<number[]> {
      return (db.prepare('SELECT feed_id FROM user_feeds ORDER BY feed_id').all() as Array<{ feed_id: number }>).map((r) => r.feed_id);
    },

    async markUserFeed(feedId: number, chatId: number): Promise<void> {
      db.prepare('INSERT OR IGNORE INTO user_feeds (feed_id, added_by_chat) VALUES (?, ?)').run(feedId, chatId);
    },

    async setTopics(chatId: number, topics: { include: string[]; exclude: string[] }): Promise<void> {
      db.transaction(() => {
        db.prepare('DELETE FROM chat_topics WHERE chat_id = ?').run(chatId);
        const insert = db.prepare('INSERT OR IGNORE INTO chat_topics (chat_id, kind, phrase, position) VALUES (?, ?, ?, ?)');
        topics.include.forEach((p, i) => insert.run(chatId, 'include', p, i));
        topics.exclude.forEach((p, i) => insert.run(chatId, 'exclude', p, i));
      })();
    },
  };
}
