/** Migration 'delivery-counts' on both databases: the outbox's counters start from the rows already there. */
import { describe, it, expect, afterEach } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { ADAPTERS, PG_SKIP, type TestDatabase } from './adapters.js';
import { legacyDatabase } from './legacy-database.js';

const BEFORE = MIGRATIONS.findIndex((m) => m.name === 'delivery-counts');

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.dispose();
  db = undefined;
});

describe.each(ADAPTERS)('delivery-counts migration ($name)', ({ fresh, skip }) => {
  it.skipIf(skip)(skip ? PG_SKIP : 'counts the deliveries queued before it, and keeps counting after', async () => {
    expect(BEFORE).toBeGreaterThan(0);
    db = await fresh();
    await legacyDatabase(db, BEFORE);
    await db.exec(`
      INSERT INTO digests (id, date, created_at, timezone, stories_json, parts_json) VALUES (1, '2026-11-24', '2026-11-24T06:00:00.000Z', 'UTC', '[]', '[]');
      INSERT INTO deliveries (id, digest_id, chat_id, part, state) VALUES (1, 1, 10, 0, 'sent'), (2, 1, 11, 0, 'sent'), (3, 1, 12, 0, 'failed'), (4, 1, 13, 0, 'pending');
    `);
    if (db.adapter === 'postgres') await db.exec(`SELECT setval(pg_get_serial_sequence('deliveries', 'id'), 4)`);
    const store = await db.open();
    expect(await store.deliveryCounts()).toEqual({ pending: 1, sent: 2, failed: 1, cancelled: 0 });
    expect(await store.cancelPending(13, 'blocked')).toBe(1);
    expect(await store.deliveryCounts()).toEqual({ pending: 0, sent: 2, failed: 1, cancelled: 1 });
  });
});
