/** Migration 3: each chat's own digest time, time zone and pause. Shipped: never edit. */
export const subscriberSchedule = `
  ALTER TABLE subscribers ADD COLUMN timezone TEXT;
  ALTER TABLE subscribers ADD COLUMN digest_time TEXT;
  ALTER TABLE subscribers ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE subscribers ADD COLUMN last_digest_at TEXT;
`;

/** Migration 3 for PostgreSQL. */
export const subscriberSchedulePostgres = `
  ALTER TABLE subscribers ADD COLUMN timezone TEXT;
  ALTER TABLE subscribers ADD COLUMN digest_time TEXT;
  ALTER TABLE subscribers ADD COLUMN paused BOOLEAN NOT NULL DEFAULT FALSE;
  ALTER TABLE subscribers ADD COLUMN last_digest_at TIMESTAMPTZ;
`;
