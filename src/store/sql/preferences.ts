/** PreferenceStore in SQL (both dialects): chat_feed_choice, chat_feeds (opted in or out), user_feeds, chat_topics. */
import { sql, type Kysely } from 'kysely';
import type { ChatPreferences, FeedChoice, PreferenceStore } from '../preference-store.js';
import { EVERY_FEED, receivedFeedIds } from '../../domain/feed-choice.js';
import type { Tables } from './schema.js';
import type { Sql } from './dialect.js';

/** Chats per preferences query: three lists of ids, far below either database's parameter limit. */
const CHATS_PER_QUERY = 500;

/**
 * PreferenceStore over a Kysely connection.
 * @example const preferences = sqlPreferenceStore({ db, d: SQLITE })
 */
export function sqlPreferenceStore({ db }: Sql): PreferenceStore {
  /**
   * Public and private feed ids, with the feed-list fingerprint they were read at, and what a chat
   * that chose nothing receives: one frozen list shared by all such chats (a digest for 100,000
   * chats would otherwise build 100,000 copies of the same list).
   */
  let feedList: { fingerprint: string; publicIds: number[]; privateIds: number[]; everyFeed: number[] } | null = null;

  /**
   * One round trip for a batch of chats (a digest personalizes for every chat): their topics,
   * feed choices and chosen feeds, and a fingerprint of the feed list that says whether the
   * cached list of public and private feeds is still the one in the database.
   */
  async function preferencesOf(chatIds: readonly number[]): Promise<Map<number, ChatPreferences>> {
    const ids = sql.join(chatIds);
    const { rows } = await sql<{ chat: number | string | null; part: string; a: string | null; n: number | string | null; m: number | string | null }>`
      SELECT chat_id AS chat, 'topic:' || kind AS part, phrase AS a, CAST(position AS BIGINT) AS n, CAST(NULL AS BIGINT) AS m FROM chat_topics WHERE chat_id IN (${ids})
      UNION ALL SELECT chat_id, 'mode', mode, NULL, NULL FROM chat_feed_choice WHERE chat_id IN (${ids})
      UNION ALL SELECT chat_id, 'feed', opted, feed_id, NULL FROM chat_feeds WHERE chat_id IN (${ids})
      UNION ALL SELECT NULL, 'feeds', NULL, COUNT(*), COALESCE(MAX(id), 0) FROM feeds
      UNION ALL SELECT NULL, 'user_feeds', NULL, COUNT(*), COALESCE(SUM(feed_id), 0) FROM user_feeds`.execute(db);
    const byChat = new Map<number, typeof rows>(chatIds.map((id) => [id, []]));
    for (const r of rows) if (r.chat !== null) byChat.get(Number(r.chat))?.push(r);
    const users = rows.find((r) => r.part === 'user_feeds')!;
    const feeds = rows.find((r) => r.part === 'feeds')!;
    const fingerprint = `${feeds.n}:${feeds.m}:${users.n}:${users.m}`;
    const out = new Map<number, ChatPreferences>();
    for (const [chatId, own] of byChat) {
      const topics = (kind: string) => own.filter((r) => r.part === `topic:${kind}`).sort((x, y) => Number(x.n) - Number(y.n)).map((r) => String(r.a));
      const include = topics('include');
      const exclude = topics('exclude');
      const chosen = (opted: string) => own.filter((r) => r.part === 'feed' && r.a === opted).map((r) => Number(r.n));
      const choice: FeedChoice = { mode: own.some((r) => r.part === 'mode' && r.a === 'only') ? 'only' : 'all', optIns: chosen('in'), optOuts: chosen('out') };
      // Every feed, as most chats choose: no need to know which feeds there are.
      if (choice.mode === 'all' && choice.optOuts.length === 0 && Number(users.n) === 0) {
        out.set(chatId, { feedIds: null, include, exclude });
        continue;
      }
      if (feedList?.fingerprint !== fingerprint) {
        const lists = await publicAndPrivateFeedIds(db);
        feedList = { fingerprint, ...lists, everyFeed: Object.freeze(receivedFeedIds(EVERY_FEED, lists)) as number[] };
      }
      const choseNothing = choice.mode === 'all' && choice.optIns.length === 0 && choice.optOuts.length === 0;
      out.set(chatId, { feedIds: choseNothing ? feedList.everyFeed : receivedFeedIds(choice, feedList), include, exclude });
    }
    return out;
  }

  return {
    async getPreferences(chatId: number): Promise<ChatPreferences> {
      return (await preferencesOf([chatId])).get(chatId)!;
    },

    async getPreferencesMany(chatIds: readonly number[]): Promise<Map<number, ChatPreferences>> {
      const out = new Map<number, ChatPreferences>();
      const ids = [...new Set(chatIds)];
      for (let i = 0; i < ids.length; i += CHATS_PER_QUERY) for (const [id, prefs] of await preferencesOf(ids.slice(i, i + CHATS_PER_QUERY))) out.set(id, prefs);
      return out;
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
