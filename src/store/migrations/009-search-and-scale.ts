/**
 * Migration 9: nothing a command or a tick reads should slow down as history grows.
 * - Word search through the database's own engine: SQLite FTS5 over articles (an external-content
 *   table kept in step by triggers, Porter stems, case and accents folded); PostgreSQL a stored
 *   tsvector column ('english': stems, case) with a GIN index.
 * - row_counts: articles and figures counted as rows come and go (triggers), so status reads two
 *   numbers instead of counting millions of rows.
 * - PostgreSQL: a window's first article id read from the index alone (fetched_at, id).
 * Shipped: never edit; add a new migration instead.
 */
export const searchAndScale = `
  CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, summary, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
  CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, summary, text) VALUES (new.id, new.title, new.summary, new.text);
  END;
  CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, summary, text) VALUES ('delete', old.id, old.title, old.summary, old.text);
  END;
  CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, summary, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, summary, text) VALUES ('delete', old.id, old.title, old.summary, old.text);
    INSERT INTO articles_fts(rowid, title, summary, text) VALUES (new.id, new.title, new.summary, new.text);
  END;

  CREATE TABLE row_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL);
  INSERT INTO row_counts (name, n) SELECT 'articles', COUNT(*) FROM articles;
  INSERT INTO row_counts (name, n) SELECT 'figures', COUNT(*) FROM figures;
  CREATE TRIGGER articles_count_insert AFTER INSERT ON articles BEGIN
    UPDATE row_counts SET n = n + 1 WHERE name = 'articles';
  END;
  CREATE TRIGGER articles_count_delete AFTER DELETE ON articles BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'articles';
  END;
  CREATE TRIGGER figures_count_insert AFTER INSERT ON figures BEGIN
    UPDATE row_counts SET n = n + 1 WHERE name = 'figures';
  END;
  CREATE TRIGGER figures_count_delete AFTER DELETE ON figures BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'figures';
  END;
`;

/** Migration 9 for PostgreSQL. Counters move once per statement (transition tables), not once per row. */
export const searchAndScalePostgres = `
  ALTER TABLE articles ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || summary || ' ' || text)) STORED;
  CREATE INDEX articles_search ON articles USING GIN (search);
  CREATE INDEX articles_fetched_id ON articles(fetched_at, id);
  DROP INDEX articles_fetched_at;

  CREATE TABLE row_counts (name TEXT PRIMARY KEY, n BIGINT NOT NULL);
  INSERT INTO row_counts (name, n) SELECT 'articles', COUNT(*) FROM articles;
  INSERT INTO row_counts (name, n) SELECT 'figures', COUNT(*) FROM figures;
  CREATE FUNCTION row_counts_added() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE row_counts SET n = n + (SELECT COUNT(*) FROM added) WHERE name = TG_TABLE_NAME;
    RETURN NULL;
  END $$;
  CREATE FUNCTION row_counts_removed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE row_counts SET n = n - (SELECT COUNT(*) FROM removed) WHERE name = TG_TABLE_NAME;
    RETURN NULL;
  END $$;
  CREATE TRIGGER articles_count_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION row_counts_added();
  CREATE TRIGGER articles_count_delete AFTER DELETE ON articles REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION row_counts_removed();
  CREATE TRIGGER figures_count_insert AFTER INSERT ON figures REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION row_counts_added();
  CREATE TRIGGER figures_count_delete AFTER DELETE ON figures REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION row_counts_removed();
`;
