/**
 * Migration 20: a broadcast goes out through the outbox, as digests do. An outbox row sends either
 * a part of a digest (`digest_id`) or an operator's broadcast (`broadcast_id`, part 0), never both;
 * the broadcast's text stays in `broadcasts` and is rendered when the row is sent.
 * SQLite cannot drop the NOT NULL of `deliveries.digest_id` in place, so the table is rebuilt with
 * the same rows, ids and indexes. Shipped: never edit; add a new migration instead.
 */
export const broadcastOutbox = `
  CREATE TABLE deliveries_new (
    id INTEGER PRIMARY KEY,
    digest_id INTEGER REFERENCES digests(id) ON DELETE CASCADE,
    broadcast_id INTEGER REFERENCES broadcasts(id) ON DELETE CASCADE,
    chat_id INTEGER NOT NULL,
    part INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before TEXT,
    last_error TEXT,
    message_id INTEGER,
    sent_at TEXT,
    lease_owner TEXT,
    lease_until TEXT,
    sending_since TEXT,
    rendition_id INTEGER,
    view_id INTEGER,
    CHECK ((digest_id IS NULL) <> (broadcast_id IS NULL)),
    UNIQUE (digest_id, chat_id, part),
    UNIQUE (broadcast_id, chat_id, part)
  );
  INSERT INTO deliveries_new (id, digest_id, chat_id, part, state, attempts, not_before, last_error, message_id, sent_at, lease_owner, lease_until, sending_since, rendition_id, view_id)
    SELECT id, digest_id, chat_id, part, state, attempts, not_before, last_error, message_id, sent_at, lease_owner, lease_until, sending_since, rendition_id, view_id FROM deliveries;
  DROP TABLE deliveries;
  ALTER TABLE deliveries_new RENAME TO deliveries;
  CREATE INDEX deliveries_due ON deliveries(state, not_before);
  CREATE INDEX deliveries_chat_pending ON deliveries(chat_id, state, digest_id, part);
  CREATE INDEX deliveries_state_id ON deliveries(state, id);
`;

/** Migration 20 for PostgreSQL. */
export const broadcastOutboxPostgres = `
  ALTER TABLE deliveries ALTER COLUMN digest_id DROP NOT NULL;
  ALTER TABLE deliveries ADD COLUMN broadcast_id BIGINT REFERENCES broadcasts(id) ON DELETE CASCADE;
  ALTER TABLE deliveries ADD CONSTRAINT deliveries_digest_or_broadcast CHECK ((digest_id IS NULL) <> (broadcast_id IS NULL));
  ALTER TABLE deliveries ADD CONSTRAINT deliveries_broadcast_chat_part UNIQUE (broadcast_id, chat_id, part);
`;
