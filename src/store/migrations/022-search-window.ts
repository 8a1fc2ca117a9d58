/**
 * Migration 22: word search holds only what retention has not reached, so a search reads the
 * same amount at a million articles as at a hundred thousand. Before, every article ever stored
 * stayed in the full-text index by its title and summary; at 1M articles a common word's GIN
 * entry listed 65,000 articles, of which /search (30 days back) wanted the newest 6,000, and
 * PostgreSQL read the whole entry every time (bench:scale, EXPLAIN ANALYZE: 63-84 ms of the
 * query's 92 ms at load 12). /search looks back 30 days and RETENTION_DAYS is at least 30, so nothing it
 * can find is lost.
 * - `searchable`: the article is in word search. Retention clears it with the body
 *   (dropArticleBodies); articles that retention already passed (text emptied and first seen
 *   before the oldest body kept) leave search here.
 * - SQLite: the FTS5 triggers index searchable articles only (leaving search is one 'delete',
 *   and no longer a delete plus a re-insert of the title and summary).
 * - PostgreSQL: the GIN index is partial (searchable articles only); retention's UPDATE no longer
 *   writes GIN entries.
 * - Retention walks the searchable articles by first-seen time (articles_searchable replaces
 *   articles_with_body), so an article first stored without a body leaves search too. Its
 *   condition is `searchable IS TRUE`, not the GIN index's `searchable`: PostgreSQL would otherwise
 *   take it for the search's window too, and test every row's tsvector (read from TOAST) instead of
 *   asking the GIN index (bench:scale at 100k articles: 'government' 1,146 ms against 35 ms).
 * Shipped: never edit; add a new migration instead.
 */
export const searchWindow = `
  ALTER TABLE articles ADD COLUMN searchable INTEGER NOT NULL DEFAULT 1;
  DROP TRIGGER articles_fts_insert;
  DROP TRIGGER articles_fts_delete;
  DROP TRIGGER articles_fts_update;
  CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles WHEN new.searchable BEGIN
    INSERT INTO articles_fts(rowid, title, summary, text) VALUES (new.id, new.title, new.summary, new.text);
  END;
  CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles WHEN old.searchable BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, summary, text) VALUES ('delete', old.id, old.title, old.summary, old.text);
  END;
  CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, summary, text, searchable ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, summary, text) SELECT 'delete', old.id, old.title, old.summary, old.text WHERE old.searchable;
    INSERT INTO articles_fts(rowid, title, summary, text) SELECT new.id, new.title, new.summary, new.text WHERE new.searchable;
  END;
  UPDATE articles SET searchable = 0 WHERE text = '' AND fetched_at < (SELECT MIN(fetched_at) FROM articles WHERE text <> '');
  CREATE INDEX articles_searchable ON articles(fetched_at) WHERE searchable IS TRUE;
  DROP INDEX articles_with_body;
`;

/** Migration 22 for PostgreSQL. */
export const searchWindowPostgres = `
  ALTER TABLE articles ADD COLUMN searchable BOOLEAN NOT NULL DEFAULT true;
  UPDATE articles SET searchable = false WHERE text = '' AND fetched_at < (SELECT MIN(fetched_at) FROM articles WHERE text <> '');
  CREATE INDEX articles_search_recent ON articles USING GIN (search) WHERE searchable;
  DROP INDEX articles_search;
  CREATE INDEX articles_searchable ON articles(fetched_at) WHERE searchable IS TRUE;
  DROP INDEX articles_with_body;
`;
