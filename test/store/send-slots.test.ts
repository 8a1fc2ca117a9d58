/**
 * One flood budget for a fleet: several stores on one database (several processes) book send
 * slots at the same time, and together they keep the global spacing, each chat's spacing and
 * every hold. SQLite (connections to one file) and PostgreSQL when PG_URL is set.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ADAPTERS, PG_SKIP, type TestDatabase } from './adapters.js';

const NOW = new Date('2026-11-24T08:00:00.000Z');
const SPACING = { globalIntervalMs: 40, chatIntervalMs: 1000 };

for (const adapter of ADAPTERS) {
  describe.skipIf(adapter.skip)(adapter.skip ? PG_SKIP : `send slots across processes — ${adapter.name}`, { timeout: 60_000 }, () => {
    let database: TestDatabase;
    let stores: Store[];
    beforeEach(async () => {
      database = await adapter.fresh();
      stores = await Promise.all([database.open(), database.open(), database.open()]);
    });
    afterEach(async () => {
      await database.dispose();
    });

    it('three processes booking 150 sends at once: every two sends ≥ the global interval apart, each chat ≥ its interval', async () => {
      const chats = [101, 102, 103, 104, 105, -2001];
      const booked: Array<{ chat: number; at: number }> = [];
      await Promise.all(
        stores.map(async (store, p) => {
          // Each process sends its 50 in turn, asking again when a chat is not ready (as the sender does).
          let now = NOW.getTime();
          for (let i = 0; i < 50; i++) {
            const chat = chats[(i + p) % chats.length]!;
            for (;;) {
              const slot = await store.reserveSendSlot(chat, new Date(now), SPACING);
              now = Math.max(now, slot.at.getTime());
              if (!slot.booked) continue;
              booked.push({ chat, at: slot.at.getTime() });
              break;
            }
          }
        }),
      );
      expect(booked).toHaveLength(150);
      const times = booked.map((b) => b.at).sort((a, b) => a - b);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(SPACING.globalIntervalMs);
      for (const chat of chats) {
        const own = booked.filter((b) => b.chat === chat).map((b) => b.at).sort((a, b) => a - b);
        for (let i = 1; i < own.length; i++) expect(own[i]! - own[i - 1]!).toBeGreaterThanOrEqual(SPACING.chatIntervalMs);
      }
      // Nothing booked in the past.
      expect(times[0]).toBeGreaterThanOrEqual(NOW.getTime());
    });

    it('a retry_after seen by one process holds the chat — or, global, every chat — for all of them', async () => {
      const [a, b] = stores as [Store, Store];
      const chatHold = new Date(NOW.getTime() + 7_000);
      await a.holdSends(555, chatHold);
      expect(await b.reserveSendSlot(555, NOW, SPACING)).toEqual({ booked: false, at: chatHold });
      // Other chats are not held back by one chat's hold, and the held chat booked nothing.
      expect(await b.reserveSendSlot(556, NOW, SPACING)).toEqual({ booked: true, at: NOW });
      expect(await b.reserveSendSlot(555, chatHold, SPACING)).toEqual({ booked: true, at: chatHold });

      const globalHold = new Date(NOW.getTime() + 30_000);
      await b.holdSends(null, globalHold);
      expect(await a.reserveSendSlot(777, NOW, SPACING)).toEqual({ booked: true, at: globalHold });
      // A shorter hold later never shortens a longer one.
      await a.holdSends(null, new Date(NOW.getTime() + 1_000));
      expect((await b.reserveSendSlot(778, NOW, SPACING)).at.getTime()).toBeGreaterThan(globalHold.getTime());
    });
  });
}
