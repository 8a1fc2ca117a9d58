import { describe, it, expect } from 'vitest';
import { dueChats, findDueChats, lastSlot, nextDigestAt } from '../../src/jobs/due-chats.js';
import { sqliteDatabase } from '../store/adapters.js';
import { zonedTime } from '../../src/jobs/time-zone.js';
import type { Subscriber } from '../../src/domain/types.js';

const H = 3_600_000;
const defaults = { timezone: 'UTC', digest: '08:00', maxAgeMs: 12 * H };

function chat(over: Partial<Subscriber> & { chatId: number }): Subscriber {
  return {
    chatType: 'private', title: null, active: true, subscribedAt: new Date('2026-01-01T00:00:00.000Z'), deactivatedReason: null,
    timezone: null, digestTime: null, paused: false, lastDigestAt: null, language: null, ...over,
  };
}
const due = (subs: Subscriber[], now: string, d = defaults) => dueChats(subs, new Date(now), d).map((c) => [c.chatId, c.slot.toISOString()]);

describe('zonedTime', () => {
  it.each([
    ['2026-11-24', 8, 0, 'Europe/Kyiv', '2026-11-24T06:00:00.000Z'], // EET +2
    ['2026-07-01', 8, 0, 'Europe/Kyiv', '2026-07-01T05:00:00.000Z'], // EEST +3
    ['2026-11-24', 8, 0, 'America/New_York', '2026-11-24T13:00:00.000Z'], // EST -5
    ['2026-07-01', 8, 0, 'America/New_York', '2026-07-01T12:00:00.000Z'], // EDT -4
    ['2026-11-24', 8, 0, 'Asia/Kolkata', '2026-11-24T02:30:00.000Z'], // IST +5:30, no DST
    ['2026-03-08', 2, 30, 'America/New_York', '2026-03-08T07:30:00.000Z'], // skipped by spring-forward → 03:30 EDT
    ['2026-11-01', 1, 30, 'America/New_York', '2026-11-01T05:30:00.000Z'], // twice in fall-back → the first (EDT)
    ['2026-03-29', 3, 30, 'Europe/Kyiv', '2026-03-29T01:30:00.000Z'], // Kyiv gap 03:00→04:00 → 04:30 EEST
  ])('%s %d:%d in %s is %s', (date, h, m, tz, iso) => {
    expect(zonedTime(date, h, m, tz).toISOString()).toBe(iso);
  });
});

describe('dueChats', () => {
  const kyiv = chat({ chatId: 1, timezone: 'Europe/Kyiv' });
  const ny = chat({ chatId: 2, timezone: 'America/New_York' });
  const kolkata = chat({ chatId: 3, timezone: 'Asia/Kolkata', digestTime: '07:15' });

  it('finds each chat at its own local time', () => {
    const subs = [kyiv, ny, kolkata];
    expect(due(subs, '2026-11-24T01:44:00Z')).toEqual([]);
    expect(due(subs, '2026-11-24T01:45:00Z')).toEqual([[3, '2026-11-24T01:45:00.000Z']]);
    expect(due(subs, '2026-11-24T06:00:00Z').map(([id]) => id)).toEqual([1, 3]);
    expect(due(subs, '2026-11-24T13:00:00Z').map(([id]) => id)).toEqual([1, 2, 3]);
  });

  it('does not repeat a digest already given for the slot', () => {
    const given = { ...kyiv, lastDigestAt: new Date('2026-11-24T06:00:30Z') };
    expect(due([given], '2026-11-24T12:00:00Z')).toEqual([]);
    expect(due([given], '2026-11-25T06:00:00Z')).toEqual([[1, '2026-11-25T06:00:00.000Z']]);
  });

  it('follows the chat across a daylight-saving change (Kyiv, 29 Mar 2026)', () => {
    const before = { ...kyiv, lastDigestAt: new Date('2026-03-28T06:00:10Z') }; // 08:00 EET on the 28th
    expect(due([before], '2026-03-29T04:59:00Z')).toEqual([]); // 07:59 EEST
    expect(due([before], '2026-03-29T05:00:00Z')).toEqual([[1, '2026-03-29T05:00:00.000Z']]); // 08:00 EEST
  });

  it('follows the chat across a daylight-saving change (New York, 1 Nov 2026)', () => {
    const before = { ...ny, lastDigestAt: new Date('2026-10-31T12:00:10Z') }; // 08:00 EDT
    expect(due([before], '2026-11-01T12:30:00Z')).toEqual([]); // 07:30 EST
    expect(due([before], '2026-11-01T13:00:00Z')).toEqual([[2, '2026-11-01T13:00:00.000Z']]); // 08:00 EST
  });

  it('after downtime delivers the latest missed slot once, and none older than the limit', () => {
    const down = { ...kyiv, lastDigestAt: new Date('2026-11-20T06:00:05Z') }; // four slots missed
    expect(due([down], '2026-11-24T09:00:00Z')).toEqual([[1, '2026-11-24T06:00:00.000Z']]);
    expect(due([down], '2026-11-24T19:00:00Z')).toEqual([]); // 13 h late > 12 h limit
    expect(due([down], '2026-11-24T19:00:00Z', { ...defaults, maxAgeMs: 24 * H })).toHaveLength(1);
  });

  it('skips paused and inactive chats, and chats that subscribed after the slot', () => {
    const subs = [
      chat({ chatId: 4, paused: true }),
      chat({ chatId: 5, active: false }),
      chat({ chatId: 6, subscribedAt: new Date('2026-11-24T09:00:00Z') }),
      chat({ chatId: 7 }),
    ];
    expect(due(subs, '2026-11-24T10:00:00Z').map(([id]) => id)).toEqual([7]);
  });

  it('takes a cron expression as the default schedule, in the chat\'s time zone', () => {
    const d = { ...defaults, digest: '30 7 * * 1-5' }; // weekdays 07:30
    expect(due([kyiv], '2026-11-24T05:31:00Z', d)).toEqual([[1, '2026-11-24T05:30:00.000Z']]); // Tuesday
    expect(due([kyiv], '2026-11-29T05:31:00Z', d)).toEqual([]); // Sunday: Friday's slot is > 12 h old
  });
});

describe('lastSlot and nextDigestAt', () => {
  it('lastSlot of a daily time is today once passed, else yesterday', () => {
    expect(lastSlot('08:00', 'Asia/Kolkata', new Date('2026-11-24T02:00:00Z'), 24 * H)!.toISOString()).toBe('2026-11-23T02:30:00.000Z');
    expect(lastSlot('08:00', 'Asia/Kolkata', new Date('2026-11-24T03:00:00Z'), 24 * H)!.toISOString()).toBe('2026-11-24T02:30:00.000Z');
  });
  it('nextDigestAt is the next local time across a DST change', () => {
    const at = nextDigestAt({ timezone: 'America/New_York', digestTime: '08:00' }, defaults, new Date('2026-03-07T14:00:00Z'));
    expect(at!.toISOString()).toBe('2026-03-08T12:00:00.000Z'); // 08:00 EDT, the day clocks went forward
  });
});

describe('findDueChats (the database reads only the due chats)', () => {
  it.each([
    ['an HH:MM default', '08:00'],
    ['a cron default (its slot remembered from tick to tick)', '0 8 * * *'],
  ])('finds what dueChats finds over every chat, tick after tick for a day (%s)', async (_name, digest) => {
    const database = await sqliteDatabase();
    try {
      const store = await database.open();
      const zones = [null, 'Europe/Kyiv', 'America/New_York', 'Asia/Kolkata'];
      const times = [null, '06:45', '08:00', '13:30'];
      for (let i = 0; i < 48; i++) {
        await store.subscribe({ chatId: 100 + i, chatType: 'private', title: null }, new Date(Date.UTC(2026, 10, 23, i % 3 === 0 ? 23 : 0, i)));
        await store.setSchedule(100 + i, { timezone: zones[i % 4]!, digestTime: times[Math.floor(i / 4) % 4]! });
        if (i % 11 === 0) await store.setPaused(100 + i, true);
        if (i % 13 === 0) await store.deactivate(100 + i, 'blocked');
      }
      const d = { timezone: 'Europe/London', digest, maxAgeMs: 6 * H };
      let found = 0;
      for (let t = Date.parse('2026-11-24T00:00:00Z'); t < Date.parse('2026-11-25T00:00:00Z'); t += 23 * 60_000) {
        const now = new Date(t);
        const expected = dueChats(await store.activeSubscribers(), now, d);
        const actual = await findDueChats(store, now, d);
        expect(actual.map((c) => [c.chatId, c.slot.toISOString()])).toEqual(expected.map((c) => [c.chatId, c.slot.toISOString()]));
        found += actual.length;
        // Most due chats are given their digest; every third stays due until a later tick.
        for (const c of actual) if (c.chatId % 3 !== 0 || t % 2 === 0) await store.markDigestGiven(c.chatId, now);
      }
      expect(found).toBeGreaterThan(20);
    } finally {
      await database.dispose();
    }
  });
});
