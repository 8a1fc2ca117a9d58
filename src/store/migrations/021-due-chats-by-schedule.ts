/**
 * Migration 21: the planner's tick finds every schedule's due chats in one statement — the
 * schedules whose slot has come are one parameter (a JSON array in SQLite, arrays in PostgreSQL)
 * joined to the chats — instead of a statement of ~200 OR branches per 200 schedules, whose
 * compiling and planning cost more than reading the due chats. A join matches by equality, and a
 * chat on the default zone or time stores NULL, which no equality matches; so the due chats'
 * index keys a chat by its schedule with NULL read as '' (no zone or time is empty), and the join
 * seeks it once per schedule, as migration 14's index was sought once per OR branch.
 * Shipped: never edit; add a new migration instead.
 */
export const dueChatsBySchedule = `
  DROP INDEX subscribers_due;
  CREATE INDEX subscribers_due ON subscribers(active, paused, (COALESCE(timezone, '')), (COALESCE(digest_time, '')), (COALESCE(last_digest_at, subscribed_at)));
`;

/** Migration 21 for PostgreSQL (the same index). */
export const dueChatsBySchedulePostgres = dueChatsBySchedule;
