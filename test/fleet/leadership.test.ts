/**
 * One leader at a time, on a real database shared by several "processes" (stores): SQLite always,
 * PostgreSQL when PG_URL is set. Short leases keep the test quick; the defaults are 6 s / 2 s.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { followLeadership, type Leadership } from '../../src/fleet/leadership.js';
import { ADAPTERS, PG_SKIP, type TestDatabase } from '../store/adapters.js';

const TTL = 600;
const RENEW = 150;
const quiet = { info: () => undefined, warn: () => undefined };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A contender whose changes are recorded, with when each happened. */
function contender(
  store: Pick<Store, 'acquireLease' | 'releaseLease'>,
  holder: string,
  log: Array<{ holder: string; leading: boolean; at: number }>,
  timing = { ttlMs: TTL, renewMs: RENEW },
): Leadership {
  return followLeadership({ leases: store, name: 'polling', holder, logger: quiet, ...timing, onChange: (leading) => void log.push({ holder, leading, at: Date.now() }) });
}

/** Who leads at each moment, from the change log: never more than one at a time. */
function maxConcurrentLeaders(log: Array<{ holder: string; leading: boolean }>): number {
  const leading = new Set<string>();
  let max = 0;
  for (const e of log) {
    if (e.leading) leading.add(e.holder);
    else leading.delete(e.holder);
    max = Math.max(max, leading.size);
  }
  return max;
}

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(20);
  }
}

for (const adapter of ADAPTERS) {
  describe.skipIf(adapter.skip)(adapter.skip ? PG_SKIP : `leadership — ${adapter.name}`, { timeout: 30_000 }, () => {
    let database: TestDatabase;
    const running: Leadership[] = [];
    beforeEach(async () => {
      database = await adapter.fresh();
    });
    afterEach(async () => {
      for (const l of running.splice(0)) await l.stop();
      await database.dispose();
    });

    it('of three contenders exactly one leads, and a clean stop hands over at once', async () => {
      const log: Array<{ holder: string; leading: boolean; at: number }> = [];
      const stores = await Promise.all([database.open(), database.open(), database.open()]);
      const all = stores.map((s, i) => contender(s, `p${i}`, log));
      running.push(...all);
      await until(() => all.some((l) => l.leading()));
      await sleep(RENEW * 4);
      expect(all.filter((l) => l.leading())).toHaveLength(1);

      const leader = all.find((l) => l.leading())!;
      const stoppedAt = Date.now();
      await leader.stop();
      await until(() => all.filter((l) => l !== leader).some((l) => l.leading()));
      // Released, not expired: the next leader came within a renewal or two, not a whole lease.
      const next = log.find((e) => e.leading && e.at >= stoppedAt)!;
      expect(next.at - stoppedAt).toBeLessThan(TTL);
      expect(maxConcurrentLeaders(log)).toBe(1);
    });

    it('a leader that dies without a word is replaced once its lease runs out, never before', async () => {
      const log: Array<{ holder: string; leading: boolean; at: number }> = [];
      const first = await database.open();
      const second = await database.open();
      // The "dying" process: its store stops answering (as if killed), so it neither renews nor releases.
      let dead = false;
      const dying: Pick<Store, 'acquireLease' | 'releaseLease'> = {
        acquireLease: (...a) => (dead ? new Promise<boolean>(() => undefined) : first.acquireLease(...a)),
        releaseLease: (...a) => (dead ? Promise.resolve(false) : first.releaseLease(...a)),
      };
      const a = contender(dying, 'dying', log);
      await until(() => a.leading());
      const b = contender(second, 'standby', log);
      running.push(b);
      await sleep(RENEW * 3);
      expect(b.leading()).toBe(false);

      dead = true;
      const diedAt = Date.now();
      await until(() => b.leading(), TTL * 4);
      const tookOver = log.find((e) => e.holder === 'standby' && e.leading)!.at - diedAt;
      expect(tookOver).toBeGreaterThanOrEqual(TTL - RENEW * 2);
    });

    it('a leader whose store answers too slowly steps down before its lease could pass to a standby', async () => {
      // The production ratio (renewal a quarter of the lease), long enough that a busy machine's late timers stay inside its margin.
      const timing = { ttlMs: 2_400, renewMs: 600 };
      const log: Array<{ holder: string; leading: boolean; at: number }> = [];
      const store = await database.open();
      let slow = false;
      // Renewals that reach the database at once but are answered long after the lease ran out (a stalled pool, a slow link).
      const sluggish: Pick<Store, 'acquireLease' | 'releaseLease'> = {
        acquireLease: async (...a) => {
          const held = await store.acquireLease(...a);
          if (slow) await sleep(timing.ttlMs * 2);
          return held;
        },
        releaseLease: (...a) => store.releaseLease(...a),
      };
      const a = contender(sluggish, 'sluggish', log, timing);
      running.push(a);
      await until(() => a.leading());
      const b = contender(await database.open(), 'standby', log, timing);
      running.push(b);
      await sleep(timing.renewMs * 2);
      slow = true;
      await until(() => b.leading(), timing.ttlMs * 4);
      // The sluggish leader stepped down on its own clock, before the standby could take its lease.
      expect(log.filter((e) => e.holder === 'sluggish').map((e) => e.leading)).toEqual([true, false]);
      expect(maxConcurrentLeaders(log)).toBe(1);
      slow = false;
    });

    it('a leader whose timers fire before its clock says they are due still steps down when its store hangs', async () => {
      // Timers and the wall clock disagree by a little (timers may fire a millisecond early); this clock runs 5% slow to make that certain.
      const started = Date.now();
      const slowClock = () => new Date(started + (Date.now() - started) * 0.95);
      const store = await database.open();
      let hung = false;
      const hanging: Pick<Store, 'acquireLease' | 'releaseLease'> = {
        acquireLease: (...a) => (hung ? new Promise<boolean>(() => undefined) : store.acquireLease(...a)),
        releaseLease: (...a) => store.releaseLease(...a),
      };
      const changes: boolean[] = [];
      const a = followLeadership({ leases: hanging, name: 'polling', holder: 'drifting', logger: quiet, ttlMs: TTL, renewMs: RENEW, now: slowClock, onChange: (l) => void changes.push(l) });
      await until(() => a.leading());
      hung = true;
      await until(() => !a.leading(), TTL * 3);
      expect(changes).toEqual([true, false]);
    });

    it('a leader that cannot reach the database steps down before its lease could pass to another', async () => {
      const log: Array<{ holder: string; leading: boolean; at: number }> = [];
      const store = await database.open();
      let failing = false;
      const flaky: Pick<Store, 'acquireLease' | 'releaseLease'> = {
        acquireLease: (...a) => (failing ? Promise.reject(new Error('connection refused')) : store.acquireLease(...a)),
        releaseLease: (...a) => store.releaseLease(...a),
      };
      const a = contender(flaky, 'flaky', log);
      running.push(a);
      await until(() => a.leading());
      failing = true;
      const failedAt = Date.now();
      await until(() => !a.leading(), TTL * 2);
      // Stepped down while its lease still held, so no standby could have led alongside it.
      expect(log.at(-1)!.at - failedAt).toBeLessThan(TTL);
      failing = false;
      await until(() => a.leading(), TTL * 2);
    });
  });
}
