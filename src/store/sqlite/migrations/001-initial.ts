/** Migration 1: the walking skeleton's tables. Shipped: never edit; add a new migration instead. */
export const initial = `
  CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    added_at TEXT NOT NULL,
    last_fetched_at TEXT,
    last_error TEXT,
    error_count INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
    key TEXT NOT NULL UNIQUE,
    link TEXT,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    published_at TEXT,
    fetched_at TEXT NOT NULL,
    text TEXT NOT NULL,
    summary TEXT NOT NULL
  );
  CREATE INDEX articles_fetched_at ON articles(fetched_at);
  CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    rank INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL NOT NULL,
    value_max REAL,
    kind TEXT NOT NULL,
    unit TEXT,
    label TEXT NOT NULL,
    sentence TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    approx TEXT,
    score REAL
  );
  CREATE INDEX figures_article ON figures(article_id, rank);
  CREATE TABLE digests (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    created_at TEXT NOT NULL,
    timezone TEXT NOT NULL,
    stories_json TEXT NOT NULL,
    parts_json TEXT NOT NULL
  );
  CREATE TABLE subscribers (
    chat_id INTEGER PRIMARY KEY,
    chat_type TEXT NOT NULL,
    title TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    subscribed_at TEXT NOT NULL,
    deactivated_reason TEXT
  );
  CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY,
    digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
    chat_id INTEGER NOT NULL,
    part INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before TEXT,
    last_error TEXT,
    message_id INTEGER,
    sent_at TEXT,
    UNIQUE (digest_id, chat_id, part)
  );
  CREATE INDEX deliveries_due ON deliveries(state, not_before);
`;
