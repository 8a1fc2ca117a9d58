/**
 * Migration 13: how a chat wants its digest delivered. `digest_thread_id` is the forum topic
 * (message_thread_id) chosen with /digest_here, NULL for General or a chat without topics;
 * `picture_card` sends the edition's "day in numbers" card as a photo before the text.
 * A table of its own: most chats never set either, and a row follows a migrated group like the
 * other per-chat tables.
 * Shipped: never edit; add a new migration instead.
 */
export const chatDelivery = `
  CREATE TABLE chat_delivery (
    chat_id INTEGER PRIMARY KEY,
    digest_thread_id INTEGER,
    picture_card INTEGER NOT NULL DEFAULT 0
  );
`;

/** Migration 13 for PostgreSQL (chat ids need 64 bits; the flag is a boolean). */
export const chatDeliveryPostgres = `
  CREATE TABLE chat_delivery (
    chat_id BIGINT PRIMARY KEY,
    digest_thread_id BIGINT,
    picture_card BOOLEAN NOT NULL DEFAULT false
  );
`;
