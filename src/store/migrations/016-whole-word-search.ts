/**
 * Migration 16: word search answers "whole words" in the database. Migration 9's index stemmed
 * ("rate" found "rates"), so the bot re-checked whole words on every candidate's body — reading
 * and normalizing hundreds of bodies per /search. These indexes keep each word as written (case
 * and accents folded, split at every non-letter, non-digit), the way the bot's own word match
 * splits text, so a search reads ids and titles only.
 * - SQLite: articles_fts again, with the unicode61 tokenizer alone (no Porter stems); migration 9's
 *   triggers name the table, not its tokenizer, so they keep the new one in step.
 * - PostgreSQL: `search` again, with the 'simple' configuration (no stems, no stop words) over the
 *   text with every run of punctuation and spaces made one space (so "interest-rates" and "4.5"
 *   are words apart, as the bot splits them; [:punct:] rather than "not [:alnum:]", which under a
 *   plain C locale would take every non-ASCII letter for a separator). Accents are kept, as
 *   migration 9's 'english' kept them: on PostgreSQL "cafe" does not find "café".
 * Shipped: never edit; add a new migration instead.
 */
export const wholeWordSearch = `
  DROP TABLE articles_fts;
  CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, summary, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
  );
  INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
`;

/** Migration 16 for PostgreSQL. */
export const wholeWordSearchPostgres = `
  ALTER TABLE articles DROP COLUMN search;
  ALTER TABLE articles ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', regexp_replace(title || ' ' || summary || ' ' || text, '[[:punct:][:space:]]+', ' ', 'g'))) STORED;
  CREATE INDEX articles_search ON articles USING GIN (search);
`;
