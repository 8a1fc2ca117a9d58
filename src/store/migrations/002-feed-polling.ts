/**
 * Migration 2: feed polling state (conditional GET validators, next check, success/error times,
 * the site link) and the keys of items seen but not stored as articles (a new feed's back
 * catalogue). Shipped: never edit once released; add a new migration instead.
 */
export const feedPolling = `
  ALTER TABLE feeds ADD COLUMN etag TEXT;
  ALTER TABLE feeds ADD COLUMN last_modified TEXT;
  ALTER TABLE feeds ADD COLUMN next_check_at TEXT;
  ALTER TABLE feeds ADD COLUMN last_success_at TEXT;
  ALTER TABLE feeds ADD COLUMN last_error_at TEXT;
  ALTER TABLE feeds ADD COLUMN site_url TEXT;
  UPDATE feeds SET last_success_at = last_fetched_at WHERE last_error IS NULL AND last_fetched_at IS NOT NULL;
  CREATE INDEX feeds_next_check ON feeds(next_check_at);
  CREATE TABLE seen_items (
    key TEXT PRIMARY KEY,
    feed_id INTEGER REFERENCES feeds(id) ON DELETE CASCADE,
    seen_at TEXT NOT NULL
  );
`;

/** Migration 2 for PostgreSQL. */
export const feedPollingPostgres = `
  ALTER TABLE feeds ADD COLUMN etag TEXT;
  ALTER TABLE feeds ADD COLUMN last_modified TEXT;
  ALTER TABLE feeds ADD COLUMN next_check_at TIMESTAMPTZ;
  ALTER TABLE feeds ADD COLUMN last_success_at TIMESTAMPTZ;
  ALTER TABLE feeds ADD COLUMN last_error_at TIMESTAMPTZ;
  ALTER TABLE feeds ADD COLUMN site_url TEXT;
  UPDATE feeds SET last_success_at = last_fetched_at WHERE last_error IS NULL AND last_fetched_at IS NOT NULL;
  CREATE INDEX feeds_next_check ON feeds(next_check_at);
  CREATE TABLE seen_items (
    key TEXT PRIMARY KEY,
    feed_id BIGINT REFERENCES feeds(id) ON DELETE CASCADE,
    seen_at TIMESTAMPTZ NOT NULL
  );
`;
