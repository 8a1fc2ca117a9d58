/**
 * Migration 12: each chat's language ("en", "uk"), set from the user's Telegram language when the
 * chat first talks to the bot and changed with /language; NULL for chats from before it (they get
 * it on their next message, and the operator's LANGUAGE meanwhile).
 * Shipped: never edit; add a new migration instead.
 */
export const chatLanguage = `
  ALTER TABLE subscribers ADD COLUMN language TEXT;
`;

/** Migration 12 for PostgreSQL (the same column). */
export const chatLanguagePostgres = chatLanguage;
