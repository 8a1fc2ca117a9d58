/** SubscriberStore in SQL (both dialects): chats that receive digests, active or not. */
import { sql } from 'kysely';
import type { ChatType, Subscriber } from '../../domain/types.js';
import type { StoredSchedule, SubscriberCounts, SubscriberStore, SubscribeResult } from '../subscriber-store.js';
import { type Sql, toBool, toDate, toDateOrNull, strOrNull } from './dialect.js';

/** Per-chat tables whose rows follow a group that became a supergroup (when the new chat has its own, they win as a whole). */
const CHAT_TABLES = ['chat_feed_choice', 'chat_feeds', 'chat_topics', 'chat_views', 'chat_searches', 'chat_delivery'] as const;

/** A schedule as the due chats' index keys it (migration 21): no zone or time of its own reads as ''. */
const scheduleKey = (column: 'timezone' | 'digest_time') => sql<string>`COALESCE(${sql.ref(column)}, '')`;

/**
 * The distinct schedules of active, unpaused chats, read from the subscribers_due index alone
 * ('' where the chats follow the default; exported so that tests can read its plan).
 * @example await schedulesQuery({ db, d }).execute()
 */
export function schedulesQuery({ db, d }: Sql) {
  return db
    .selectFrom('subscribers')
    .select([scheduleKey('timezone').as('timezone'), scheduleKey('digest_time').as('digest_time')])
    .distinct()
    .where('active', '=', d.flag(true))
    .where('paused', '=', d.flag(false));
}

/** A due chat as the query returns it: `schedule` is the index of its schedule in the slots asked for. */
interface DueChatRow {
  chat_id: number | string;
  language: string | null;
  schedule: number | string;
}

/**
 * The planner's due chats for these schedules and their slots, in one statement: the schedules
 * are one parameter (SQLite: a JSON array read by json_each; PostgreSQL: arrays unnested), each
 * joined to subscribers_due by its zone, time and "given before the slot" range — a seek per
 * schedule that reads the chats that are due and no others (exported so that tests can read its plan).
 * Given before the slot: the last digest or, before the first, the subscription; and subscribed
 * before it (a chat re-subscribed later is not due for the slot).
 * @example await dueChatsQuery({ db, d }, [{ timezone: null, digestTime: '07:30', slot }]).execute()
 */
export function dueChatsQuery({ db, d }: Sql, slots: ReadonlyArray<StoredSchedule & { slot: Date }>) {
  const query =
    d.name === 'sqlite'
      ? // CROSS JOIN: SQLite keeps the schedules as the outer loop, whatever it guesses of their number.
        sql<DueChatRow>`SELECT s.chat_id, s.language, j.key AS schedule
          FROM json_each(${JSON.stringify(slots.map((x) => [x.timezone ?? '', x.digestTime ?? '', d.time(x.slot)]))}) AS j
          CROSS JOIN subscribers AS s
          WHERE s.active = 1 AND s.paused = 0
            AND COALESCE(s.timezone, '') = j.value ->> 0 AND COALESCE(s.digest_time, '') = j.value ->> 1
            AND COALESCE(s.last_digest_at, s.subscribed_at) < j.value ->> 2 AND s.subscribed_at < j.value ->> 2`
      : sql<DueChatRow>`SELECT s.chat_id, s.language, u.n - 1 AS schedule
          FROM unnest(${slots.map((x) => x.timezone ?? '')}::text[], ${slots.map((x) => x.digestTime ?? '')}::text[], ${slots.map((x) => x.slot)}::timestamptz[]) WITH ORDINALITY AS u(tz, t, slot, n)
          JOIN subscribers AS s ON s.active AND NOT s.paused
            AND COALESCE(s.timezone, '') = u.tz AND COALESCE(s.digest_time, '') = u.t
            AND COALESCE(s.last_digest_at, s.subscribed_at) < u.slot AND s.subscribed_at < u.slot`;
  return { compile: () => query.compile(db), execute: async () => (await query.execute(db)).rows };
}

/**
 * The operators' subscriber counts, kept by triggers (migration 17); exported so that tests can read its plan.
 * @example await subscriberCountsQuery({ db }).execute()
 */
export function subscriberCountsQuery({ db }: Pick<Sql, 'db'>) {
  return db.selectFrom('row_counts').select(['name', 'n']).where('name', 'in', ['subscribers_active', 'subscribers_paused', 'subscribers_groups', 'subscribers_own_time']);
}

/**
 * SubscriberStore over a Kysely connection.
 * @example const subscribers = sqlSubscriberStore({ db, d: SQLITE })
 */
export function sqlSubscriberStore({ db, d }: Sql): SubscriberStore {
  return {
    async subscribe(chat: { chatId: number; chatType: string; title: string | null }, at: Date): Promise<SubscribeResult> {
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('subscribers').select('active').where('chat_id', '=', chat.chatId).executeTakeFirst();
        await trx
          .insertInto('subscribers')
          .values({ chat_id: chat.chatId, chat_type: chat.chatType, title: chat.title, active: d.flag(true), subscribed_at: d.time(at) })
          .onConflict((oc) =>
            oc.column('chat_id').doUpdateSet((eb) => ({
              chat_type: eb.ref('excluded.chat_type'),
              title: eb.ref('excluded.title'),
              active: d.flag(true),
              deactivated_reason: null,
            })),
          )
          .execute();
        const row = await trx.selectFrom('subscribers').selectAll().where('chat_id', '=', chat.chatId).executeTakeFirstOrThrow();
        const change = !before ? 'new' : toBool(before.active) ? 'unchanged' : 'reactivated';
        return { subscriber: toSubscriber(row), change };
      });
    },

    async deactivate(chatId: number, reason: string): Promise<boolean> {
      const result = await db
        .updateTable('subscribers')
        .set({ active: d.flag(false), deactivated_reason: reason })
        .where('chat_id', '=', chatId)
        .where('active', '=', d.flag(true))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async getSubscriber(chatId: number): Promise<Subscriber | null> {
      const row = await db.selectFrom('subscribers').selectAll().where('chat_id', '=', chatId).executeTakeFirst();
      return row ? toSubscriber(row) : null;
    },

    async listSubscribers(): Promise<Subscriber[]> {
      return (await db.selectFrom('subscribers').selectAll().orderBy('subscribed_at').orderBy('chat_id').execute()).map(toSubscriber);
    },

    async activeSubscribers(): Promise<Subscriber[]> {
      return (await db.selectFrom('subscribers').selectAll().where('active', '=', d.flag(true)).orderBy('chat_id').execute()).map(toSubscriber);
    },

    async subscriberCounts(): Promise<SubscriberCounts> {
      // Counted by triggers as chats come, go and change (migration 17): four rows read, not every chat counted.
      const rows = await subscriberCountsQuery({ db }).execute();
      const n = (name: string) => Number(rows.find((r) => r.name === `subscribers_${name}`)?.n ?? 0);
      return { active: n('active'), paused: n('paused'), groups: n('groups'), ownTime: n('own_time') };
    },

    async schedulesInUse(): Promise<StoredSchedule[]> {
      return (await schedulesQuery({ db, d }).execute()).map((r) => ({ timezone: r.timezone || null, digestTime: r.digest_time || null }));
    },

    async chatsDue(slots: ReadonlyArray<StoredSchedule & { slot: Date }>): Promise<Array<{ chatId: number; slot: Date; language: string | null }>> {
      if (slots.length === 0) return [];
      const rows = await dueChatsQuery({ db, d }, slots).execute();
      return rows.map((r) => ({ chatId: Number(r.chat_id), slot: slots[Number(r.schedule)]!.slot, language: strOrNull(r.language) })).sort((a, b) => a.chatId - b.chatId);
    },

    async migrateChat(fromChatId: number, toChatId: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const target = await trx.selectFrom('subscribers').select('chat_id').where('chat_id', '=', toChatId).executeTakeFirst();
        if (target) await trx.deleteFrom('subscribers').where('chat_id', '=', fromChatId).execute();
        else await trx.updateTable('subscribers').set({ chat_id: toChatId, chat_type: 'supergroup' }).where('chat_id', '=', fromChatId).execute();
        // Outbox rows the new chat already has win; the old chat's copies of them go.
        await trx
          .deleteFrom('deliveries as o')
          .where('o.chat_id', '=', fromChatId)
          .where(({ exists, selectFrom }) =>
            exists(
              selectFrom('deliveries as n')
                .select('n.id')
                .where('n.chat_id', '=', toChatId)
                .whereRef('n.part', '=', 'o.part')
                // the same digest part, or the same broadcast (each row has exactly one of them)
                .where((x) => x.or([x('n.digest_id', '=', x.ref('o.digest_id')), x('n.broadcast_id', '=', x.ref('o.broadcast_id'))])),
            ),
          )
          .execute();
        await trx.updateTable('deliveries').set({ chat_id: toChatId }).where('chat_id', '=', fromChatId).execute();
        // The chat's choices and memory move with it (rows the new chat already has win).
        for (const table of CHAT_TABLES) {
          const taken = trx.selectFrom(table).select('chat_id').where('chat_id', '=', toChatId);
          if (!(await taken.executeTakeFirst())) await trx.updateTable(table).set({ chat_id: toChatId }).where('chat_id', '=', fromChatId).execute();
          await trx.deleteFrom(table).where('chat_id', '=', fromChatId).execute();
        }
        await trx.updateTable('user_feeds').set({ added_by_chat: toChatId }).where('added_by_chat', '=', fromChatId).execute();
      });
    },

    async setSchedule(chatId: number, schedule: { digestTime?: string | null; timezone?: string | null }): Promise<boolean> {
      const set: { digest_time?: string | null; timezone?: string | null } = {};
      if (schedule.digestTime !== undefined) set.digest_time = schedule.digestTime;
      if (schedule.timezone !== undefined) set.timezone = schedule.timezone;
      if (Object.keys(set).length === 0) return (await db.selectFrom('subscribers').select('chat_id').where('chat_id', '=', chatId).executeTakeFirst()) !== undefined;
      const result = await db.updateTable('subscribers').set(set).where('chat_id', '=', chatId).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async setLanguage(chatId: number, language: string | null): Promise<boolean> {
      const result = await db.updateTable('subscribers').set({ language }).where('chat_id', '=', chatId).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async setPaused(chatId: number, paused: boolean): Promise<boolean> {
      const result = await db.updateTable('subscribers').set({ paused: d.flag(paused) }).where('chat_id', '=', chatId).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async markDigestGiven(chatId: number, at: Date): Promise<void> {
      await db.updateTable('subscribers').set({ last_digest_at: d.time(at) }).where('chat_id', '=', chatId).execute();
    },
  };
}

/** A subscribers row as the domain's Subscriber. */
export function toSubscriber(r: Record<string, unknown>): Subscriber {
  return {
    chatId: Number(r.chat_id),
    chatType: String(r.chat_type) as ChatType,
    title: strOrNull(r.title),
    active: toBool(r.active),
    subscribedAt: toDate(r.subscribed_at),
    deactivatedReason: strOrNull(r.deactivated_reason),
    timezone: strOrNull(r.timezone),
    digestTime: strOrNull(r.digest_time),
    paused: toBool(r.paused),
    lastDigestAt: toDateOrNull(r.last_digest_at),
    language: strOrNull(r.language),
  };
}
