/**
 * Word search in each database's own engine, kept inside the adapter: SQLite FTS5 (`articles_fts`)
 * and PostgreSQL `tsvector` (GIN index), both over words as written — case folded, no stems
 * (migration 16) — so the database answers the bot's "mentions every word, whole words" itself.
 * Words are reduced to the letters and digits the bot's whole-word check sees, so nothing a user
 * types becomes query syntax.
 */
import { sql, type RawBuilder } from 'kysely';
import type { SqlDialect } from './dialect.js';

/**
 * The letter-and-digit tokens of a typed word or phrase (lower case; accents dropped unless
 * `keepAccents`), the way the bot's whole-word match splits text.
 * @example searchTokens('Interest-Rates') // ['interest', 'rates']
 */
export function searchTokens(word: string, keepAccents = false): string[] {
  const letters = keepAccents ? word.normalize('NFC') : word.normalize('NFKD').replace(/\p{M}/gu, '');
  return letters
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean);
}

/**
 * A condition "the article mentions every word (each a phrase of its tokens, whole words)" on `articles`
 * (aliased `alias`), through the full-text index; null when a word has no letters or digits
 * (nothing can mention it as a whole word). `fromId` bounds the FTS5 lookup to recent rows
 * (FTS5 seeks by rowid; a GIN index has no order to seek in).
 * @example wordsMatch(SQLITE, ['interest rates', 'bank'], 'articles', sql`1`)
 */
export function wordsMatch(d: SqlDialect, words: readonly string[], alias: string, fromId: RawBuilder<unknown>): RawBuilder<boolean> | null {
  const phrases = words.map((w) => searchTokens(w));
  if (phrases.length === 0 || phrases.some((p) => p.length === 0)) return null;
  if (d.name === 'postgres') {
    // Accents kept on this side too: the 'simple' index keeps them (migration 16).
    const queries = words.map((w) => sql`phraseto_tsquery('simple', ${searchTokens(w, true).join(' ')})`);
    return sql<boolean>`${sql.ref(`${alias}.search`)} @@ (${sql.join(queries, sql` && `)})`;
  }
  // FTS5 query text: each word a quoted phrase of bare tokens (no operators can get in).
  const match = phrases.map((p) => `"${p.join(' ')}"`).join(' AND ');
  return sql<boolean>`${sql.ref(`${alias}.id`)} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${match} AND rowid >= ${fromId})`;
}
