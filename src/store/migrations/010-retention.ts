/**
 * Migration 10: retention (RETENTION_DAYS) empties old article bodies. The partial index holds
 * only articles that still have one, by first-seen time, so each pass reads the oldest bodies
 * left, never the history already emptied.
 * Shipped: never edit; add a new migration instead.
 */
export const retention = `
  CREATE INDEX articles_with_body ON articles(fetched_at) WHERE text <> '';
`;

/** Migration 10 for PostgreSQL (the same index). */
export const retentionPostgres = retention;
