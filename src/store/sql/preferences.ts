/** PreferenceStore in SQL (both dialects): chat_feed_choice, chat_feeds (opted in or out), user_feeds, chat_topics. */
import { sql, type Kysely } from 'kysely';
import type { ChatPreferences, FeedChoice, PreferenceStore } from '../preference-store.js';
import { receivedFeedIds } from '../../domain/feed-choice.js';
import type { Tables } from './schema.js';
import type { Sql } from './dialect.js';

/**
 * PreferenceStore over a Kysely connection.
 * @example const preferences = sqlPreferenceStore({ db, d: SQLITE })
 */
export function sqlPreferenceStore({ db }: Sql): PreferenceStore {
  /** Public and private feed ids, with the feed-list fingerprint they were read at. */
  let feedList: { fingerprint: string; publicIds: number[]; privateIds: number[] } | null = null;
  return {
    async getPreferences(chatId: number): Promise<ChatPreferences> {
      // One round trip per chat (a digest personalizes for every chat): its topics, feed choice
      // and chosen feeds, and a fingerprint of the feed list that says whether the cached list
      // of public and private feeds is still the one in the database.
      const { rows } = await sql<{ part: string; a: string | null; n: number | string | null; m: number | string | null }>`
        SELECT 'topic:' || kind AS part, phrase AS a, CAST(position AS BIGINT) AS n, CAST(NULL AS BIGINT) AS m FROM chat_topics WHERE chat_id = ${chatId}
        UNION ALL SELECT 'mode', mode, NULL, NULL FROM chat_feed_choice WHERE chat_id = ${chatId}
        UNION ALL SELECT 'feed', opted, feed_id, NULL FROM chat_feeds WHERE chat_id = ${chatId}
        UNION ALL SELECT 'feeds', NULL, COUNT(*), COALESCE(MAX(id), 0) FROM feeds
        UNION ALL SELECT 'user_feeds', NULL, COUNT(*), COALESCE(SUM(feed_id), 0) FROM user_feeds`.execute(db);
      const topics = (kind: string) => rows.filter((r) => r.part === `topic:${kind}`).sort((x, y) => Number(x.n) - Number(y.n)).map((r) => String(r.a));
      const include = topics('include');
      const exclude = topics('exclude');
      const chosen = (opted: string) => rows.filter((r) => r.part === 'feed' && r.a === opted).map((r) => Number(r.n));
      const choice: FeedChoice = { mode: rows.some((r) => r.part === 'mode' && r.a === 'only') ? 'only' : 'all', optIns: chosen('in'), optOuts: chosen('out') };
      const users = rows.find((r) => r.part === 'user_feeds')!;
      // Every feed, as most chats choose: no need to know which feeds there are.
      if (choice.mode === 'all' && choice.optOuts.length === 0 && Number(users.n) === 0) return { feedIds: null, include, exclude };
      const feeds = rows.find((r) => r.part === 'feeds')!;
      const fingerprint = `${feeds.n}:${feeds.m}:${users.n}:${users.m}`;
      if (feedList?.fingerprint !== fingerprint) feedList = { fingerprint, ...(await publicAndPrivateFeedIds(db)) };
      return { feedIds: receivedFeedIds(choice, feedList), include, exclude };
    },

    async getFeedChoice(chatId: number): Promise<FeedChoice> {
      const row = await db.selectFrom('chat_feed_choice').select('mode').where('chat_id', '=', chatId).executeTakeFirst();
      const feeds = await db.selectFrom('chat_feeds').select(['feed_id', 'opted']).where('chat_id', '=', chatId).orderBy('feed_id').execute();
      const ids = (opted: string) => feeds.filter((f) => f.opted === opted).map((f) => Number(f.feed_id));
      return { mode: row?.mode === 'only' ? 'only' : 'all', optIns: ids('in'), optOuts: ids('out') };
    },

    async setFeedChoice(chatId: number, choice: FeedChoice): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('chat_feed_choice')
          .values({ chat_id: chatId, mode: choice.mode })
          .onConflict((oc) => oc.column('chat_id').doUpdateSet((eb) => ({ mode: eb.ref('excluded.mode') })))
          .execute();
        await trx.deleteFrom('chat_feeds').where('chat_id', '=', chatId).execute();
        const optIns = [...new Set(choice.optIns)];
        // "Only these" has no opt-outs; a feed both in and out is in.
        const optOuts = choice.mode === 'only' ? [] : [...new Set(choice.optOuts)].filter((id) => !optIns.includes(id));
        for (const [opted, ids] of [['in', optIns], ['out', optOuts]] as const) {
          if (ids.length === 0) continue;
          // Only feeds that exist (a removed feed's id is dropped, not an error).
          await trx
            .insertInto('chat_feeds')
            .columns(['chat_id', 'feed_id', 'opted'])
            .expression((eb) =>
              eb.selectFrom('feeds').select([sql<number>`CAST(${chatId} AS BIGINT)`.as('chat_id'), 'id', sql<string>`CAST(${opted} AS TEXT)`.as('opted')]).where('id', 'in', ids),
            )
            .execute();
        }
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

/** Ids of public feeds (operators') and private ones (subscribers'), ascending. */
async function publicAndPrivateFeedIds(db: Kysely<Tables>): Promise<{ publicIds: number[]; privateIds: number[] }> {
  const rows = await db
    .selectFrom('feeds')
    .leftJoin('user_feeds', 'user_feeds.feed_id', 'feeds.id')
    .select(['feeds.id', 'user_feeds.feed_id as own'])
    .orderBy('feeds.id')
    .execute();
  return { publicIds: rows.filter((r) => r.own === null).map((r) => Number(r.id)), privateIds: rows.filter((r) => r.own !== null).map((r) => Number(r.id)) };
}
