/**
 * One flood budget for processes sharing a database: pacers on separate stores (separate
 * "processes") hand out slots that together keep the global rate and each chat's spacing, and a
 * retry_after reported to one holds the others. SQLite always; PostgreSQL when PG_URL is set.
 */
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { SharedSendPacer } from '../../src/fleet/shared-send-pacer.js';
import { ADAPTERS, PG_SKIP, type TestDatabase } from '../store/adapters.js';
import type { SendSlotStore } from '../../src/store/send-slot-store.js';

const LIMITS = { globalPerSecond: 50, privateIntervalMs: 300, groupPerMinute: 20 };
const quiet = { info: () => undefined, warn: () => undefined };
/**
 * Where a check must use the moment the test sees a send, it allows for a busy event loop: a timer
 * that runs late makes the wait look longer, never shorter, but it can shorten the gap to the next
 * send, so such gaps get a third of the interval as slack (unpaced sends would be ~0 ms apart).
 */
const SLACK_MS = 100;

/**
 * The store as the pacer sees it, recording each slot it booked: the shared booking is what a fleet
 * agrees on, exactly, whatever the load; when a send is actually seen varies with the machine.
 */
function recordingSlots(store: SendSlotStore, booked: Array<{ chat: number; at: number }>, latest: Map<number, number>): SendSlotStore {
  return {
    reserveSendSlot: async (chatId, now, spacing) => {
      const slot = await store.reserveSendSlot(chatId, now, spacing);
      if (slot.booked) {
        booked.push({ chat: chatId, at: slot.at.getTime() });
        latest.set(chatId, slot.at.getTime());
      }
      return slot;
    },
    holdSends: (chatId, until) => store.holdSends(chatId, until),
  };
}

for (const adapter of ADAPTERS) {
  describe.skipIf(adapter.skip)(adapter.skip ? PG_SKIP : `shared send pacing — ${adapter.name}`, { timeout: 60_000 }, () => {
    let database: TestDatabase;
    beforeEach(async () => {
      database = await adapter.fresh();
    });
    afterEach(async () => {
      await database.dispose();
    });

    it('two processes sending to the same chats keep the fleet rate and each chat spacing', async () => {
      const warnings: unknown[] = [];
      const logger = { info: () => undefined, warn: (...a: unknown[]) => void warnings.push(a) };
      // better-sqlite3 is synchronous: two connections in one thread would wait on each other's
      // lock while blocking the thread, so on SQLite the two pacers share a connection (separate
      // processes on one file do not have that problem); on PostgreSQL each has its own pool.
      const first = await database.open();
      const second = adapter.name === 'sqlite' ? first : await database.open();
      const booked: Array<{ chat: number; at: number }> = [];
      const pacers = [first, second].map((store) => {
        const latest = new Map<number, number>();
        return { latest, pacer: new SharedSendPacer(recordingSlots(store, booked, latest), LIMITS, logger) };
      });
      const chats = [11, 12, 13, 14];
      const early: Array<{ chat: number; slot: number; sentAt: number }> = [];
      await Promise.all(
        pacers.flatMap(({ pacer, latest }) =>
          chats.map(async (chat) => {
            for (let i = 0; i < 5; i++) {
              expect(await pacer.acquire(chat)).toBe(true);
              const sentAt = Date.now();
              // This loop alone asks this pacer for `chat`, so the pacer's latest booking for it is this send's.
              // (A timer may run a millisecond early by the wall clock: 2 ms of leeway.)
              const slot = latest.get(chat)!;
              if (sentAt < slot - 2) early.push({ chat, slot, sentAt });
            }
          }),
        ),
      );
      // Every send had a booked slot that had come when it went.
      expect(booked).toHaveLength(40);
      expect(early).toEqual([]);
      // Every slot came from the database (no fallback to pacing alone).
      expect(warnings).toEqual([]);
      // The bookings, fleet-wide: 1/rate apart, and each chat's its interval apart (to the millisecond).
      const times = booked.map((s) => s.at).sort((a, b) => a - b);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000 / LIMITS.globalPerSecond - 1);
      for (const chat of chats) {
        const own = booked.filter((s) => s.chat === chat).map((s) => s.at).sort((a, b) => a - b);
        for (let i = 1; i < own.length; i++) expect(own[i]! - own[i - 1]!).toBeGreaterThanOrEqual(LIMITS.privateIntervalMs - 1);
      }
    });

    it("a retry_after seen by one process holds that chat in the other until it has passed", async () => {
      const a = new SharedSendPacer(await database.open(), LIMITS, quiet);
      const b = new SharedSendPacer(await database.open(), LIMITS, quiet);
      expect(await a.acquire(42)).toBe(true);
      const refusedAt = Date.now();
      a.reportRetryAfter(42, 1);
      // Let the hold reach the database (sharing is asynchronous; the reporter holds itself at once).
      await new Promise((r) => setTimeout(r, 100));
      expect(await b.acquire(42)).toBe(true);
      expect(Date.now() - refusedAt).toBeGreaterThanOrEqual(1000 - SLACK_MS);
      // Another chat was not held.
      const before = Date.now();
      expect(await b.acquire(43)).toBe(true);
      expect(Date.now() - before).toBeLessThan(1000);
    });

    it("books a chat's next slot an interval after its last send finished, when that send was slow", async () => {
      const booked: Array<{ chat: number; at: number }> = [];
      const latest = new Map<number, number>();
      const pacer = new SharedSendPacer(recordingSlots(await database.open(), booked, latest), LIMITS, quiet);
      expect(await pacer.acquire(21)).toBe(true);
      const started = latest.get(21)!;
      await new Promise((r) => setTimeout(r, LIMITS.privateIntervalMs)); // an upload as long as the interval
      const finished = Date.now();
      pacer.sent(21);
      expect(await pacer.acquire(21)).toBe(true);
      expect(finished - started).toBeGreaterThanOrEqual(LIMITS.privateIntervalMs - 2);
      // booked from the end of the slow send; from its start it would have been due already
      expect(latest.get(21)! - finished).toBeGreaterThanOrEqual(LIMITS.privateIntervalMs - 1);
    });

    it('a wait can be abandoned: an aborted acquire takes no slot', async () => {
      const a = new SharedSendPacer(await database.open(), LIMITS, quiet);
      a.reportRetryAfter(77, 30);
      const abort = new AbortController();
      const pending = a.acquire(77, abort.signal);
      abort.abort();
      expect(await pending).toBe(false);
    });
  });
}

describe('shared send pacing without the database', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps one 429 book: repeated 429s slow it, and its fallback pacer honours the retry_after seen before', async () => {
    const down: SendSlotStore = {
      reserveSendSlot: () => Promise.reject(new Error('connection refused')),
      holdSends: () => Promise.reject(new Error('connection refused')),
    };
    const pacer = new SharedSendPacer(down, LIMITS, quiet);
    // A 429 1.5 s ago (the clock set back for it), then one now: they repeat, so the rate steps down.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 1_500);
    pacer.reportRetryAfter(5, 0.2);
    vi.useRealTimers();
    pacer.reportRetryAfter(6, 0.2);
    expect(pacer.ratePerSecond).toBe(LIMITS.globalPerSecond / 1.5);
    // The database is down: the fallback paces this process, on the same book (chat 6 is held ~200 ms).
    const before = Date.now();
    expect(await pacer.acquire(6)).toBe(true);
    expect(Date.now() - before).toBeGreaterThanOrEqual(150);
  });
});
