/**
 * The hot queries use their indexes, on both databases: word search through FTS5 / GIN, /why and
 * the digest window through a window of recent ids or times, status counts without counting.
 * Plans are read for the exact queries the store runs (its builders, compiled), on a database of
 * 3,000 articles over 300 days (analyzed, so the planner sees a history, not an empty table).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { ADAPTERS, PG_SKIP, type TestDatabase } from './adapters.js';
import { bodiesToDropQuery, digestWindowQuery, figureQuery, searchQuery, windowStartQuery } from '../../src/store/sql/articles.js';
import { dueChatsQuery, schedulesQuery, subscriberCountsQuery } from '../../src/store/sql/subscribers.js';

/** 3,000 articles, ten a day from 1 Jan 2026 (the last on 28 Oct), three figures each; every 500th mentions zeppelins. */
const SEED = {
  sqlite: `
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
    INSERT INTO articles (key, title, source, published_at, fetched_at, text, summary)
    SELECT 'k' || i, 'Story ' || i || CASE WHEN i % 500 = 0 THEN ' about zeppelins' ELSE ' about rates' END, 'Wire',
      strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i * 144) || ' minutes'),
      strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i * 144) || ' minutes'),
      'Officials counted ' || i || ' ballots in the city.', 'Officials counted ballots.'
    FROM n;
    INSERT INTO figures (article_id, rank, text, value, kind, label, sentence, start, "end")
    SELECT a.id, r.rank, CAST(a.id * 10 + r.rank AS TEXT), a.id * 10 + r.rank, 'count', 'ballots', 'Officials counted ballots.', 0, 3
    FROM articles a, (SELECT 0 AS rank UNION ALL SELECT 1 UNION ALL SELECT 2) r;
    INSERT INTO subscribers (chat_id, chat_type, active, subscribed_at, timezone, digest_time, paused, last_digest_at)
    SELECT i, 'private', i % 10 <> 0, '2026-01-01T00:00:00.000Z', CASE WHEN i % 3 = 0 THEN NULL ELSE 'Europe/Kyiv' END,
      CASE WHEN i % 2 = 0 THEN NULL ELSE '07:' || (10 + i % 40) END, i % 17 = 0, '2026-10-27T06:00:00.000Z'
    FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) SELECT i FROM n);
    ANALYZE;`,
  postgres: `
    INSERT INTO articles (key, title, source, published_at, fetched_at, text, summary)
    SELECT 'k' || i, 'Story ' || i || CASE WHEN i % 500 = 0 THEN ' about zeppelins' ELSE ' about rates' END, 'Wire',
      timestamptz '2026-01-01 00:00Z' + i * interval '144 minutes', timestamptz '2026-01-01 00:00Z' + i * interval '144 minutes',
      'Officials counted ' || i || ' ballots in the city.', 'Officials counted ballots.'
    FROM generate_series(1, 3000) AS i;
    INSERT INTO figures (article_id, rank, text, value, kind, label, sentence, start, "end")
    SELECT a.id, r.rank, (a.id * 10 + r.rank)::text, a.id * 10 + r.rank, 'count', 'ballots', 'Officials counted ballots.', 0, 3
    FROM articles a, generate_series(0, 2) AS r(rank);
    INSERT INTO subscribers (chat_id, chat_type, active, subscribed_at, timezone, digest_time, paused, last_digest_at)
    SELECT i, 'private', i % 10 <> 0, timestamptz '2026-01-01 00:00Z', CASE WHEN i % 3 = 0 THEN NULL ELSE 'Europe/Kyiv' END,
      CASE WHEN i % 2 = 0 THEN NULL ELSE '07:' || (10 + i % 40) END, i % 17 = 0, timestamptz '2026-10-27 06:00Z'
    FROM generate_series(1, 3000) AS i;`,
};

for (const adapter of ADAPTERS) {
  describe.skipIf(adapter.skip)(adapter.skip ? PG_SKIP : `query plans — ${adapter.name}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await adapter.fresh();
      await database.open();
      await database.exec(SEED[adapter.name]);
      // As autovacuum would after a bulk load: statistics, and GIN's pending list merged into the index.
      if (adapter.name === 'postgres') await database.exec('VACUUM ANALYZE articles, figures, subscribers');
    });
    afterAll(async () => {
      await database.dispose();
    });

    /** Every step of a PostgreSQL plan that reads a whole table (sequential scans are priced out, so none unless unavoidable). */
    const fullScans = (plan: string) => plan.split('\n').filter((l) => /Seq Scan|^SCAN (?!articles_fts)/.test(l.trim()));

    it('searches words through the full-text index, only its recent rows, newest first with the LIMIT in the database, no bodies', async () => {
      const query = searchQuery(database.builder, ['Zeppelin'], new Date('2026-10-01T00:00:00.000Z'), 300, [1, 2])!.compile();
      expect(query.sql).toMatch(/ limit \?$| limit \$\d+$/);
      expect(query.sql).not.toMatch(/"text"/);
      const plan = await database.plan(query);
      expect(fullScans(plan)).toEqual([]);
      if (adapter.name === 'sqlite') {
        // FTS5 with MATCH and a rowid bound (">"), then each hit by primary key, in key order (no sort of the hits).
        expect(plan).toMatch(/SCAN articles_fts VIRTUAL TABLE INDEX \d+:M\d*>/);
        expect(plan).toContain('SEARCH articles USING INTEGER PRIMARY KEY');
        expect(plan).not.toContain('TEMP B-TREE');
      } else {
        // The matches from the GIN index of searchable articles, the newest 300 kept: never the primary key walked backwards testing each row.
        expect(plan).toMatch(/^Limit/);
        expect(plan).toContain('Bitmap Index Scan on articles_search_recent');
        expect(plan).not.toContain('Index Scan Backward');
        expect(plan).not.toContain('articles_searchable');
      }
      // When the window is no help (a young database: all of it is recent), the words are.
      const young = await database.plan(searchQuery(database.builder, ['Zeppelin'], new Date('2025-01-01T00:00:00.000Z'), 300)!.compile());
      expect(young).toContain(adapter.name === 'sqlite' ? 'articles_fts VIRTUAL TABLE' : 'Bitmap Index Scan on articles_search_recent');
    });

    it('reads /why figures from a window of recent ids, never all figures', async () => {
      const since = new Date('2026-10-21T00:00:00.000Z');
      // The window's first id comes from the time index, not from walking ids from the oldest.
      const start = await database.plan(windowStartQuery(database.builder, since).compile());
      expect(fullScans(start)).toEqual([]);
      expect(start).not.toMatch(/articles_pkey|INTEGER PRIMARY KEY/);
      expect(start).toMatch(adapter.name === 'sqlite' ? /COVERING INDEX articles_fetched_at \(fetched_at>\?\)/ : /Index Only Scan using articles_fetched_id/);
      const plan = await database.plan(figureQuery(database.builder, { values: [29_990], digits: '29990' }, 50, 2_930).compile());
      expect(fullScans(plan)).toEqual([]);
      expect(plan).toMatch(/figures_article/);
      if (adapter.name === 'postgres') expect(plan).toMatch(/^Limit/);
      if (adapter.name === 'sqlite') {
        // Led by the figures, newest first from the index, so the LIMIT stops the walk: the window's
        // articles are not walked by time with every match sorted before the cut.
        expect(plan).toMatch(/^SEARCH f USING INDEX figures_article \(article_id>\?\)/);
        expect(plan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
        expect(plan).not.toContain('BLOOM FILTER');
      }
    });

    it('reads a digest window by first-seen time', async () => {
      const since = new Date('2026-10-27T00:00:00.000Z');
      const plan = await database.plan(digestWindowQuery(database.builder, { fetchedSince: since, publishedSince: since }).compile());
      expect(fullScans(plan)).toEqual([]);
      expect(plan).toMatch(adapter.name === 'sqlite' ? /SEARCH articles USING INDEX articles_fetched_at \(fetched_at>\?\)/ : /Index Scan using articles_fetched_id/);
    });

    it("plans a tick from the due chats' index: the schedules in use, then one statement seeking each schedule", async () => {
      const schedules = await database.plan(schedulesQuery(database.builder).compile());
      expect(fullScans(schedules)).toEqual([]);
      // PostgreSQL picks an index-only, plain or bitmap scan of the same index by its statistics of the
      // moment (a bitmap scan was seen on a loaded machine): each is led by the index; none scans the table.
      expect(schedules).toMatch(adapter.name === 'sqlite' ? /COVERING INDEX subscribers_due \(active=\? AND paused=\?\)/ : /(Index Only Scan using|Index Scan using|Bitmap Index Scan on) subscribers_due/);
      const slot = new Date('2026-10-28T05:10:00.000Z');
      const plan = await database.plan(
        dueChatsQuery(database.builder, [
          { timezone: 'Europe/Kyiv', digestTime: '07:11', slot },
          { timezone: null, digestTime: null, slot },
        ]).compile(),
      );
      if (adapter.name === 'sqlite') {
        // The schedules (json_each) outside, and for each a seek: its zone and time, and "given before the slot" as a range.
        expect(plan.split('\n').filter((l) => /^SCAN/.test(l.trim())).map((l) => l.trim().replace(/ INDEX \d+:$/, ''))).toEqual(['SCAN j VIRTUAL TABLE']);
        expect(plan).toMatch(/SEARCH s USING INDEX subscribers_due \(active=\? AND paused=\? AND <expr>=\? AND <expr>=\? AND <expr><\?\)/);
      } else {
        expect(fullScans(plan)).toEqual([]);
        // The schedules (unnest) outside; for each a plain or bitmap scan of the index, by the statistics of the moment.
        expect(plan).toMatch(/Nested Loop[\s\S]*Function Scan on u[\s\S]*(Bitmap Index Scan on|Index Scan using) subscribers_due/);
        expect(plan).toMatch(/Index Cond: .*COALESCE\(timezone, ''::text\) = u\.tz.*COALESCE\(last_digest_at, subscribed_at\) < u\.slot/);
      }
    });

    it('reads the subscriber counts from their counters, never the subscribers', async () => {
      const plan = await database.plan(subscriberCountsQuery(database.builder).compile());
      expect(plan).not.toMatch(/(on|SCAN|SEARCH) subscribers\b/);
      expect(plan).toMatch(/row_counts/);
    });

    it('finds the next old bodies to drop in the index of articles still in word search', async () => {
      const plan = await database.plan(bodiesToDropQuery(database.builder, new Date('2026-02-01T00:00:00.000Z'), 5000).compile());
      expect(fullScans(plan)).toEqual([]);
      expect(plan).toMatch(/articles_searchable/);
    });
  });
}
