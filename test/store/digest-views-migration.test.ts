/**
 * Migration 'digest-views' on both databases: rows queued before it (when messages were stored
 * rendered) still send the HTML they were queued with — those that sent the edition's own parts
 * as well as those of a rendition — while new rows carry views (test/delivery/leases.test.ts).
 */
import { describe, it, expect, afterEach } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { ADAPTERS, PG_SKIP, type TestDatabase } from './adapters.js';
import { legacyDatabase } from './legacy-database.js';

const BEFORE = MIGRATIONS.findIndex((m) => m.name === 'digest-views');

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.dispose();
  db = undefined;
});

describe.each(ADAPTERS)('digest-views migration ($name)', ({ fresh, skip }) => {
  it.skipIf(skip)(skip ? PG_SKIP : 'rows queued before it send the HTML they were queued with, in order', async () => {
    expect(BEFORE).toBeGreaterThan(0);
    db = await fresh();
    await legacyDatabase(db, BEFORE);
    const at = `'2026-11-24T06:00:00.000Z'`;
    await db.exec(`
      INSERT INTO digests (id, date, created_at, timezone, stories_json, parts_json) VALUES (1, '2026-11-24', ${at}, 'UTC', '[]', '["<b>edition</b> one","edition two"]');
      INSERT INTO digest_renditions (id, digest_id, hash, parts_json) VALUES (1, 1, 'h', '["topic view"]');
      INSERT INTO subscribers (chat_id, chat_type, subscribed_at) VALUES (10, 'private', ${at}), (11, 'private', ${at}), (12, 'private', ${at});
      -- 10: the edition's own two parts; 11: a rendition; 12: already sent (left as it was)
      INSERT INTO deliveries (id, digest_id, chat_id, part, rendition_id) VALUES (1, 1, 10, 0, NULL), (2, 1, 10, 1, NULL), (3, 1, 11, 0, 1);
      INSERT INTO deliveries (id, digest_id, chat_id, part, rendition_id, state) VALUES (4, 1, 12, 0, NULL, 'sent');
    `);
    if (db.adapter === 'postgres') {
      await db.exec(`SELECT setval(pg_get_serial_sequence('digests', 'id'), 1); SELECT setval(pg_get_serial_sequence('deliveries', 'id'), 4); SELECT setval(pg_get_serial_sequence('digest_renditions', 'id'), 1)`);
    }
    const store = await db.open();
    const claim = () => store.claimDeliveries('w', { now: new Date('2026-11-24T07:00:00.000Z'), limit: 10, leaseMs: 60_000, staleBefore: new Date('2026-11-24T06:59:00.000Z') });
    const first = await claim();
    expect(first.map((r) => [r.chatId, r.part, r.html, r.view])).toEqual([[10, 0, '<b>edition</b> one', null], [11, 0, 'topic view', null]]);
    for (const r of first) await store.completeDelivery(r.id, 'w', 1, new Date('2026-11-24T07:00:01.000Z'));
    expect((await claim()).map((r) => [r.chatId, r.part, r.html])).toEqual([[10, 1, 'edition two']]);
  });
});
