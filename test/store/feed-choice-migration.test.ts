/**
 * Migration 'feed-choices' on both databases: the feed lists that leaving a feed used to copy
 * ("only" every other feed) become what the chat chose — opt-outs — so feeds an operator adds
 * later reach it.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { ADAPTERS, PG_SKIP, type TestDatabase } from './adapters.js';
import { legacyDatabase } from './legacy-database.js';

/** The schema version just before feed choices: what a database of the last release has. */
const BEFORE = MIGRATIONS.findIndex((m) => m.name === 'feed-choices');

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.dispose();
  db = undefined;
});

describe.each(ADAPTERS)('feed-choices migration ($name)', ({ name, fresh, skip }) => {
  it.skipIf(skip)(skip ? PG_SKIP : 'turns copied feed lists into opt-outs: feeds added since reach the chat, feeds it left stay left', async () => {
    expect(BEFORE).toBeGreaterThan(0);
    db = await fresh();
    await legacyDatabase(db, BEFORE);
    const at = (day: number) => `'2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z'`;
    await db.exec(`
      INSERT INTO feeds (id, url, added_at) VALUES
        (1, 'https://a.example/rss', ${at(1)}), (2, 'https://b.example/rss', ${at(1)}), (3, 'https://c.example/rss', ${at(1)}),
        (4, 'https://own.example/rss', ${at(2)}), (5, 'https://d.example/rss', ${at(20)});
      INSERT INTO user_feeds (feed_id, added_by_chat) VALUES (4, 10);
      INSERT INTO subscribers (chat_id, chat_type, subscribed_at) VALUES (10, 'private', ${at(5)}), (11, 'private', ${at(5)}), (13, 'group', ${at(5)});
      INSERT INTO chat_feed_choice (chat_id, mode) VALUES (10, 'only'), (11, 'only'), (12, 'all'), (13, 'only');
      -- 10 left B (copy: A, C and its own feed); D came after. 11 left C, the newest feed it had
      -- seen (added before it subscribed). 12 chose every feed and its own one. 13 left everything.
      INSERT INTO chat_feeds (chat_id, feed_id) VALUES (10, 1), (10, 3), (10, 4), (11, 1), (11, 2), (12, 4);
    `);
    // Rows written with explicit ids: PostgreSQL's identity must continue after them.
    if (db.adapter === 'postgres') await db.exec(`SELECT setval(pg_get_serial_sequence('feeds', 'id'), 5)`);
    const store = await db.open();
    expect(await store.getFeedChoice(10)).toEqual({ mode: 'all', optIns: [4], optOuts: [2] });
    expect(await store.getFeedChoice(11)).toEqual({ mode: 'all', optIns: [], optOuts: [3] });
    expect(await store.getFeedChoice(12)).toEqual({ mode: 'all', optIns: [4], optOuts: [] });
    expect(await store.getFeedChoice(13)).toEqual({ mode: 'all', optIns: [], optOuts: [1, 2, 3] });
    expect((await store.getPreferences(10)).feedIds).toEqual([1, 3, 4, 5]);
    expect((await store.getPreferences(11)).feedIds).toEqual([1, 2, 5]);
    expect((await store.getPreferences(12)).feedIds).toEqual([1, 2, 3, 4, 5]);
    expect((await store.getPreferences(13)).feedIds).toEqual([5]);
    // From now on every feed an operator adds reaches them.
    const e = (await store.addFeed('https://e.example/rss')).feed;
    expect((await store.getPreferences(10)).feedIds).toEqual([1, 3, 4, 5, e.id]);
    expect((await store.getPreferences(11)).feedIds).toEqual([1, 2, 5, e.id]);
  });
});
