/**
 * Migration 6: figures over time (series of points per story thread) and the optional LLM
 * summaries' counters and cache. Shipped: never edit; add a new migration instead.
 */
export const seriesAndLlm = `
  CREATE TABLE series_articles (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    dated_at TEXT NOT NULL,
    thread_json TEXT NOT NULL
  );
  CREATE INDEX series_articles_dated ON series_articles(dated_at);
  CREATE TABLE series (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE series_points (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    figure_json TEXT NOT NULL,
    meaning_json TEXT NOT NULL,
    label TEXT NOT NULL,
    dated_at TEXT NOT NULL,
    confidence REAL NOT NULL,
    linked_to INTEGER REFERENCES series_points(id) ON DELETE SET NULL
  );
  CREATE INDEX series_points_series ON series_points(series_id, dated_at);
  CREATE INDEX series_points_article ON series_points(article_id);
  CREATE TABLE llm_usage (
    day TEXT PRIMARY KEY,
    requests INTEGER NOT NULL DEFAULT 0,
    prompt_tokens INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    accepted INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE llm_summaries (
    key TEXT PRIMARY KEY,
    outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'rejected')),
    summary TEXT,
    reason TEXT,
    created_at TEXT NOT NULL
  );
`;
