/** ChatDeliveryStore in SQL (both dialects): a chat's digest topic and picture-card choice. */
import { DEFAULT_DELIVERY, type ChatDeliveryOptions, type ChatDeliveryStore } from '../chat-delivery-store.js';
import { type Sql, toBool, numOrNull } from './dialect.js';

/**
 * ChatDeliveryStore over a Kysely connection.
 * @example const delivery = sqlChatDeliveryStore({ db, d: SQLITE })
 */
export function sqlChatDeliveryStore({ db, d }: Sql): ChatDeliveryStore {
  return {
    async getDeliveryOptions(chatId: number): Promise<ChatDeliveryOptions> {
      const row = await db.selectFrom('chat_delivery').selectAll().where('chat_id', '=', chatId).executeTakeFirst();
      return row ? { digestTopic: numOrNull(row.digest_thread_id), pictureCard: toBool(row.picture_card) } : { ...DEFAULT_DELIVERY };
    },

    async setDigestTopic(chatId: number, threadId: number | null): Promise<void> {
      await db
        .insertInto('chat_delivery')
        .values({ chat_id: chatId, digest_thread_id: threadId, picture_card: d.flag(false) })
        .onConflict((oc) => oc.column('chat_id').doUpdateSet({ digest_thread_id: threadId }))
        .execute();
    },

    async dropDigestTopic(chatId: number, threadId: number): Promise<boolean> {
      const result = await db
        .updateTable('chat_delivery')
        .set({ digest_thread_id: null })
        .where('chat_id', '=', chatId)
        .where('digest_thread_id', '=', threadId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async setPictureCard(chatId: number, on: boolean): Promise<void> {
      await db
        .insertInto('chat_delivery')
        .values({ chat_id: chatId, digest_thread_id: null, picture_card: d.flag(on) })
        .onConflict((oc) => oc.column('chat_id').doUpdateSet({ picture_card: d.flag(on) }))
        .execute();
    },

    async pictureCardChats(chatIds: readonly number[]): Promise<Set<number>> {
      const on = new Set<number>();
      for (let i = 0; i < chatIds.length; i += 500) {
        const rows = await db
          .selectFrom('chat_delivery')
          .select('chat_id')
          .where('chat_id', 'in', chatIds.slice(i, i + 500))
          .where('picture_card', '=', d.flag(true))
          .execute();
        for (const r of rows) on.add(Number(r.chat_id));
      }
      return on;
    },
  };
}
