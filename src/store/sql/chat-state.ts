/** ChatStateStore in SQL (both dialects): chat_views, chat_searches, broadcasts. */
import type { ChatStateStore, ChatView, PendingBroadcast } from '../chat-state-store.js';
import { type Sql, toDate } from './dialect.js';
import { storiesFromJson } from './stories-json.js';

/** Searches kept per chat: older page buttons simply expire. */
const SEARCHES_KEPT = 20;

/**
 * ChatStateStore over a Kysely connection.
 * @example const chatState = sqlChatStateStore({ db, d: SQLITE })
 */
export function sqlChatStateStore({ db, d }: Sql): ChatStateStore {
  return {
    async saveChatView(chatId: number, view: ChatView): Promise<void> {
      await db
        .insertInto('chat_views')
        .values({ chat_id: chatId, at: d.time(view.at), stories_json: JSON.stringify(view.stories) })
        .onConflict((oc) => oc.column('chat_id').doUpdateSet((eb) => ({ at: eb.ref('excluded.at'), stories_json: eb.ref('excluded.stories_json') })))
        .execute();
    },

    async getChatView(chatId: number): Promise<ChatView | null> {
      const row = await db.selectFrom('chat_views').select(['at', 'stories_json']).where('chat_id', '=', chatId).executeTakeFirst();
      return row ? { at: toDate(row.at), stories: storiesFromJson(row.stories_json) } : null;
    },

    async saveSearch(chatId: number, query: string, at: Date): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('chat_searches').values({ chat_id: chatId, query, at: d.time(at) }).returning('id').executeTakeFirstOrThrow();
        const keep = trx.selectFrom('chat_searches').select('id').where('chat_id', '=', chatId).orderBy('id', 'desc').limit(SEARCHES_KEPT);
        // PostgreSQL refuses LIMIT inside IN (...) directly; a derived table works on both.
        await trx
          .deleteFrom('chat_searches')
          .where('chat_id', '=', chatId)
          .where('id', 'not in', trx.selectFrom(keep.as('k')).select('k.id'))
          .execute();
        return Number(row.id);
      });
    },

    async getSearch(chatId: number, id: number): Promise<string | null> {
      const row = await db.selectFrom('chat_searches').select('query').where('id', '=', id).where('chat_id', '=', chatId).executeTakeFirst();
      return row?.query ?? null;
    },

    async createBroadcast(adminId: number, text: string, at: Date): Promise<number> {
      const row = await db.insertInto('broadcasts').values({ admin_id: adminId, text, created_at: d.time(at) }).returning('id').executeTakeFirstOrThrow();
      return Number(row.id);
    },

    async decideBroadcast(id: number, decision: 'sent' | 'cancelled', at: Date): Promise<PendingBroadcast | null> {
      // One conditional UPDATE: of two racing decisions, exactly one finds the broadcast pending.
      const row = await db
        .updateTable('broadcasts')
        .set({ state: decision, decided_at: d.time(at) })
        .where('id', '=', id)
        .where('state', '=', 'pending')
        .returning(['id', 'admin_id', 'text'])
        .executeTakeFirst();
      return row ? { id: Number(row.id), adminId: Number(row.admin_id), text: row.text } : null;
    },
  };
}
