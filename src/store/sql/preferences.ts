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
  /** Public feed ids (not added by a subscriber), with the feed-list fingerprint they were read at. */
  let publicFeeds: { fingerprint: string; ids: number[] } | null = null;
  return {
    async getPreferences(chatId: number): Promise<ChatPreferences> {
      // One round trip per chat (a digest personalizes for every chat): its topics, feed choice
      // and chosen feeds, and a fingerprint of the feed list that says whether the cached list
      // of public feeds is still the one in the database.
      const { rows } = await sql<{ part: string; a: string | null; n: number | string | null; m: number | string | null }>`
        SELECT 'topic:' || kind AS part, phrase AS a, CAST(position AS BIGINT) AS n, CAST(NULL AS BIGINT) AS m FROM chat_topics WHERE chat_id = ${chatId}
        UNION ALL SELECT 'mode', mode, NULL, NULL FROM chat_feed_choice WHERE chat_id = ${chatId}
        UNION ALL SELECT 'feed', NULL, feed_id, NULL FROM chat_feeds WHERE chat_id = ${chatId}
        UNION ALL SELECT 'feeds', NULL, COUNT(*), COALESCE(MAX(id), 0) FROM feeds
        UNION ALL SELECT 'user_feeds', NULL, COUNT(*), COALESCE(SUM(feed_id), 0) FROM user_feeds`.execute(db);
      const topics = (kind: string) => rows.filter((r) => r.part === `topic:${kind}`).sort((x, y) => Number(x.n) - Number(y.n)).map((r) => String(r.a));
      const include = topics('include');
      const exclude = topics('exclude');
      const chosen = rows.filter((r) => r.part === 'feed').map((r) => Number(r.n)).sort((x, y) => x - y);
      if (rows.some((r) => r.part === 'mode' && r.a === 'only')) return { feedIds: chosen, include, exclude };
      const users = rows.find((r) => r.part === 'user_feeds')!;
      if (Number(users.n) === 0) return { feedIds: null, include, exclude };
      const feeds = rows.find((r) => r.part === 'feeds')!;
      const fingerprint = `${feeds.n}:${feeds.m}:${users.n}:${users.m}`;
      if (publicFeeds?.fingerprint !== fingerprint) publicFeeds = { fingerprint, ids: await publicFeedIds(db) };
      // Every public feed, plus the private feeds this chat chose.
      const feedIds = [...new Set([...publicFeeds.ids, ...chosen])].sort((x, y) => x - y);
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

async function publicFeedIds(db: Kysely<Tables>): Promise<number[]> {
  const rows = await db.selectFrom('feeds').select('id').where('id', 'not in', db.selectFrom('user_feeds').select('feed_id')).orderBy('id').execute();
  return rows.map((r) => Number(r.id));
}

async function feedChoice(db: Kysely<Tables>, chatId: number): Promise<FeedChoice> {
  const row = await db.selectFrom('chat_feed_choice').select('mode').where('chat_id', '=', chatId).executeTakeFirst();
  const feedIds = (await db.selectFrom('chat_feeds').select('feed_id').where('chat_id', '=', chatId).orderBy('feed_id').execute()).map((r) => Number(r.feed_id));
  return { mode: row?.mode === 'only' ? 'only' : 'all', feedIds };
}
