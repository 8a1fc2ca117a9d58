/**
 * Migration 8: one flood budget for a fleet. `send_slots` holds, per key, the earliest time (ms
 * since the epoch) the next message may go: key 'global' for the bot as a whole, 'chat:<id>' per
 * chat. Every process sending on one token books its slots here, so together they keep
 * Telegram's limits, and a retry_after seen by one holds back all.
 * Shipped: never edit; add a new migration instead.
 */
export const sendSlots = `
  CREATE TABLE send_slots (
    key TEXT PRIMARY KEY,
    next_at INTEGER NOT NULL
  );
`;

/** Migration 8 for PostgreSQL (milliseconds need 64 bits). */
export const sendSlotsPostgres = `
  CREATE TABLE send_slots (
    key TEXT PRIMARY KEY,
    next_at BIGINT NOT NULL
  );
`;
