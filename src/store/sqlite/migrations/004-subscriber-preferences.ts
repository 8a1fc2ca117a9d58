/**
 * Migration 4: what each chat chose to receive (feeds, topics) and the bot's per-chat memory
 * (the stories it last showed, searches to page through, broadcasts awaiting confirmation).
 * Shipped: never edit once filled.
 */
export const subscriberPreferences = `
  -- 'all': every public feed plus the chat's extra feeds (chat_feeds); 'only': exactly chat_feeds.
  CREATE TABLE IF NOT EXISTS chat_feed_choice (
    chat_id INTEGER PRIMARY KEY,
    mode TEXT NOT NULL CHECK (mode IN ('all', 'only'))
  );
  CREATE TABLE IF NOT EXISTS chat_feeds (
    chat_id INTEGER NOT NULL,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    PRIMARY KEY (chat_id, feed_id)
  );
  -- Feeds a subscriber added with /subscribe <url>: they reach only the chats that chose them.
  CREATE TABLE IF NOT EXISTS user_feeds (
    feed_id INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
    added_by_chat INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS chat_topics (
    chat_id INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('include', 'exclude')),
    phrase TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (chat_id, kind, phrase)
  );
  -- The stories a chat was last shown, so /story N and /why refer to what the chat saw.
  CREATE TABLE IF NOT EXISTS chat_views (
    chat_id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    stories_json TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS chat_searches (
    id INTEGER PRIMARY KEY,
    chat_id INTEGER NOT NULL,
    query TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS broadcasts (
    id INTEGER PRIMARY KEY,
    admin_id INTEGER NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'cancelled')),
    decided_at TEXT
  );
`;
