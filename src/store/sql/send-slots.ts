/** SendSlotStore in SQL (both dialects): table `send_slots` (migration 8). */
import type { Kysely, Transaction } from 'kysely';
import type { SendSlotStore } from '../send-slot-store.js';
import type { Tables } from './schema.js';
import type { Sql } from './dialect.js';

const GLOBAL = 'global';
const chatKey = (chatId: number) => `chat:${chatId}`;

/**
 * SendSlotStore over a Kysely connection. A reservation is one short transaction whose first
 * statements are writes (an upsert that leaves the value as it is): on PostgreSQL they lock the
 * rows, on SQLite they take the write lock at once — so concurrent bookers queue up instead of
 * reading the same slot twice.
 * @example const slots = sqlSendSlotStore({ db, d: SQLITE })
 */
export function sqlSendSlotStore({ db }: Sql): SendSlotStore {
  return {
    async reserveSendSlot(chatId, now, { globalIntervalMs, chatIntervalMs }) {
      return db.transaction().execute(async (trx) => {
        const global = await lockSlot(trx, GLOBAL);
        const chat = await lockSlot(trx, chatKey(chatId));
        if (chat > Math.max(now.getTime(), global) + globalIntervalMs) return { booked: false, at: new Date(chat) };
        const at = Math.max(now.getTime(), global, chat);
        await setSlot(trx, GLOBAL, at + globalIntervalMs);
        await setSlot(trx, chatKey(chatId), at + chatIntervalMs);
        return { booked: true, at: new Date(at) };
      });
    },

    async holdSends(chatId, until) {
      const key = chatId === null ? GLOBAL : chatKey(chatId);
      await db
        .insertInto('send_slots')
        .values({ key, next_at: until.getTime() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ next_at: until.getTime() }).where('send_slots.next_at', '<', until.getTime()))
        .execute();
    },
  };
}

/** The key's next free time (0 when new), with the row locked for this transaction. */
async function lockSlot(trx: Transaction<Tables> | Kysely<Tables>, key: string): Promise<number> {
  const row = await trx
    .insertInto('send_slots')
    .values({ key, next_at: 0 })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ next_at: eb.ref('send_slots.next_at') })))
    .returning('next_at')
    .executeTakeFirstOrThrow();
  return Number(row.next_at);
}

async function setSlot(trx: Transaction<Tables>, key: string, nextAt: number): Promise<void> {
  await trx.updateTable('send_slots').set({ next_at: nextAt }).where('key', '=', key).execute();
}
