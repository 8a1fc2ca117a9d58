/**
 * Migration 14: the planner's tick reads only the chats that are due, not every subscriber. Its
 * query (sql/subscribers.ts dueChatsQuery) asks, for each schedule (time zone and digest time, as
 * stored) whose slot has come, the active unpaused chats given their last digest before that
 * slot: equalities on the first four columns and a range on when the chat was last given one
 * (its subscription time before its first), so it reads the due chats and nothing else. The
 * same index, read from its first two columns alone, lists the schedules in use.
 * Shipped: never edit; add a new migration instead.
 */
export const dueChats = `
  CREATE INDEX subscribers_due ON subscribers(active, paused, timezone, digest_time, (COALESCE(last_digest_at, subscribed_at)));
`;

/** Migration 14 for PostgreSQL (the same index). */
export const dueChatsPostgres = dueChats;
