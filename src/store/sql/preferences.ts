/** PreferenceStore in SQL (both dialects): chat_feed_choice, chat_feeds, user_feeds, chat_topics. */
import { sql, type Kysely } from 'kysely';
import type { ChatPreferences, FeedChoice, PreferenceStore } from '../preference-store.js';
import type { Tables } from './schema.js';
import type { Sql } from './dialect.js';

/**
 * PreferenceStore over a Kysely connection.
 * @example const preferences = sqlPreferenceStore({ db, d: SQLITE })
 */
export function sqlPreferenceStore({ db }: Sql): PreferenceStore {
  return {
    async getPreferences(chatId: number): Promise<ChatPreferences> {
      const topics = await db.selectFrom('chat_topics').select(['kind', 'phrase']).where('chat_id', '=', chatId).orderBy('position').execute();
      const include = topics.filter((t) => t.kind === 'include').map((t) => t.phrase);
      const exclude = topics.filter((t) => t.kind === 'exclude').map((t) => t.phrase);
      const choice = await feedChoice(db, chatId);
      if (choice.mode === 'only') return { feedIds: choice.feedIds, include, exclude };
      const hasUserFeeds = (await db.selectFrom('user_feeds').select('feed_id').limit(1).executeTakeFirst()) !== undefined;
      if (!hasUserFeeds) return { feedIds: null, include, exclude };
      // Every public feed, plus the private feeds this chat chose.
      const publicIds = (
        await db
          .selectFrom('feeds')
          .select('id')
          .where('id', 'not in', db.selectFrom('user_feeds').select('feed_id'))
          .orderBy('id')
          .execute()
      ).map((r) => Number(r.id));
      const feedIds = [...new Set([...publicIds, ...choice.feedIds])].sort((a, b) => a - b);
      return { feedIds, include, exclude };
    },

    async getFeedChoice(chatId: number): Promise<FeedChoice> {
      return feedChoice(db, chatId);
    },

    async setFeedChoice(chatId: number, choice: FeedChoice): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('chat_feed_choice')
          .values({ chat_id: chatId, mode: choice.mode })
          .onConflict((oc) => oc.column('chat_id').doUpdateSet((eb) => ({ mode: eb.ref('excluded.mode') })))
          .execute();
        await trx.deleteFrom('chat_feeds').where('chat_id', '=', chatId).execute();
        const ids = [...new Set(choice.feedIds)];
        if (ids.length === 0) return;
        // Only feeds that exist (a removed feed's id is dropped, not an error).
        await trx
          .insertInto('chat_feeds')
          .columns(['chat_id', 'feed_id'])
          .expression((eb) => eb.selectFrom('feeds').select([sql<number>`CAST(${chatId} AS BIGINT)`.as('chat_id'), 'id']).where('id', 'in', ids))
          .execute();
      });
    },

    async userFeedIds(): Promise<number[]> {
      return (await db.selectFrom('user_feeds').select('feed_id').orderBy('feed_id').execute()).map((r) => Number(r.feed_id));
    },

    async setTopics(chatId: number, topics: { include: string[]; exclude: string[] }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('chat_topics').where('chat_id', '=', chatId).execute();
        const rows = [
          ...topics.include.map((phrase, position) => ({ chat_id: chatId, kind: 'include', phrase, position })),
          ...topics.exclude.map((phrase, position) => ({ chat_id: chatId, kind: 'exclude', phrase, position })),
        ];
        if (rows.length) await trx.insertInto('chat_topics').values(rows).onConflict((oc) => oc.doNothing()).execute();
      });
    },
  };
}

async function feedChoice(db: Kysely<Tables>, chatId: number): Promise<FeedChoice> {
  const row = await db.selectFrom('chat_feed_choice').select('mode').where('chat_id', '=', chatId).executeTakeFirst();
  const feedIds = (await db.selectFrom('chat_feeds').select('feed_id').where('chat_id', '=', chatId).orderBy('feed_id').execute()).map((r) => Number(r.feed_id));
  return { mode: row?.mode === 'only' ? 'only' : 'all', feedIds };
}
