/**
 * Migration 5: outbox leases, per-content renditions, worker heartbeats and runtime settings.
 * Shipped: never edit; add a new migration instead.
 *
 * - deliveries.lease_owner / lease_until: a sender claims rows before sending them; a lease whose
 *   owner stopped heartbeating is free again, so a crash (kill -9) never strands a row.
 * - deliveries.sending_since: set just before the HTTP call, cleared on any outcome; a pending row
 *   that still has it after a crash is the one message whose fate is unknown (the duplicate window).
 * - deliveries.rendition_id: which rendered content the row sends (chats with the same
 *   preferences share one rendition); NULL = the digest's own parts.
 * - delivery_workers: one row per running sender, refreshed every second.
 * - settings: operator overrides of the schedule (fetch cron, default digest time, time zone).
 */
export const deliveryLeases = `
  ALTER TABLE deliveries ADD COLUMN lease_owner TEXT;
  ALTER TABLE deliveries ADD COLUMN lease_until TEXT;
  ALTER TABLE deliveries ADD COLUMN sending_since TEXT;
  ALTER TABLE deliveries ADD COLUMN rendition_id INTEGER;
  CREATE INDEX deliveries_chat_pending ON deliveries(chat_id, state, digest_id, part);
  CREATE INDEX deliveries_state_id ON deliveries(state, id);
  CREATE TABLE digest_renditions (
    id INTEGER PRIMARY KEY,
    digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
    hash TEXT NOT NULL,
    parts_json TEXT NOT NULL,
    UNIQUE (digest_id, hash)
  );
  CREATE TABLE delivery_workers (
    owner TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    pid INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL
  );
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
`;
