/**
 * Migration 7: work claimed, not assumed (several processes on one database).
 * - feeds.claimed_by / claimed_until: a fetcher leases the due feeds it fetches, so two processes
 *   never fetch the same feed at once; recording the outcome releases the claim.
 * - digests.edition_key (unique): an edition is inserted once by its key; a second builder gets
 *   the stored one instead of a twin. Older editions keep NULL (NULLs never collide).
 * - leases: named, expiring locks (a leader, a singleton job); once_claims: keys claimed once
 *   (a cron tick fires once across the fleet).
 * Shipped: never edit; add a new migration instead.
 */
export const claims = `
  ALTER TABLE feeds ADD COLUMN claimed_by TEXT;
  ALTER TABLE feeds ADD COLUMN claimed_until TEXT;
  ALTER TABLE digests ADD COLUMN edition_key TEXT;
  CREATE UNIQUE INDEX digests_edition_key ON digests(edition_key);
  CREATE TABLE leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until TEXT NOT NULL,
    acquired_at TEXT NOT NULL
  );
  CREATE TABLE once_claims (
    key TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    claimed_at TEXT NOT NULL
  );
`;

/** Migration 7 for PostgreSQL. */
export const claimsPostgres = `
  ALTER TABLE feeds ADD COLUMN claimed_by TEXT;
  ALTER TABLE feeds ADD COLUMN claimed_until TIMESTAMPTZ;
  ALTER TABLE digests ADD COLUMN edition_key TEXT;
  CREATE UNIQUE INDEX digests_edition_key ON digests(edition_key);
  CREATE TABLE leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    until TIMESTAMPTZ NOT NULL,
    acquired_at TIMESTAMPTZ NOT NULL
  );
  CREATE TABLE once_claims (
    key TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL
  );
`;
