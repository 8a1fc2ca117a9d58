/**
 * The embedded Store: one SQLite file through better-sqlite3, WAL mode, migrations on open.
 * better-sqlite3 is synchronous; the async signatures exist for the Store contract.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Article, Digest, Feed, Figure, Subscriber } from '../../domain/types.js';
import type { Delivery, NewArticle, Store, StoredDigest, SubscribeResult } from '../store.js';
import { MIGRATIONS } from './migrations.js';

type Row = Record<string, unknown>;

/**
 * Open (creating if needed) the database at `file`; ':memory:' for a throwaway store.
 * @example const store = openSqliteStore('./data/keyfigures.db')
 */
export function openSqliteStore(file: string): SqliteStore {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return new SqliteStore(db);
}

/** Apply the migrations this file has not seen yet, each in its own transaction. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length - current;
}

/** Store backed by SQLite. */
export class SqliteStore implements Store {
  constructor(readonly db: Database.Database) {}

  async addFeed(url: string): Promise<{ feed: Feed; created: boolean }> {
    const existing = this.db.prepare('SELECT * FROM feeds WHERE url = ?').get(url) as Row | undefined;
    if (existing) return { feed: toFeed(existing), created: false };
    const info = this.db.prepare('INSERT INTO feeds (url, added_at) VALUES (?, ?)').run(url, new Date().toISOString());
    return { feed: toFeed(this.db.prepare('SELECT * FROM feeds WHERE id = ?').get(info.lastInsertRowid) as Row), created: true };
  }

  async listFeeds(): Promise<Feed[]> {
    return (this.db.prepare('SELECT * FROM feeds ORDER BY id').all() as Row[]).map(toFeed);
  }

  async removeFeed(idOrUrl: number | string): Promise<boolean> {
    const column = typeof idOrUrl === 'number' ? 'id' : 'url';
    return this.db.prepare(`DELETE FROM feeds WHERE ${column} = ?`).run(idOrUrl).changes > 0;
  }

  async recordFeedSuccess(feedId: number, update: { title: string | null; at: string }): Promise<void> {
    this.db
      .prepare('UPDATE feeds SET title = COALESCE(?, title), last_fetched_at = ?, last_error = NULL, error_count = 0 WHERE id = ?')
      .run(update.title, update.at, feedId);
  }

  async recordFeedError(feedId: number, message: string, at: string): Promise<void> {
    this.db
      .prepare('UPDATE feeds SET last_fetched_at = ?, last_error = ?, error_count = error_count + 1 WHERE id = ?')
      .run(at, message, feedId);
  }

  async hasArticle(key: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM articles WHERE key = ?').get(key) !== undefined;
  }

  async saveArticle(article: NewArticle): Promise<Article | null> {
    const insertArticle = this.db.prepare(`
      INSERT OR IGNORE INTO articles (feed_id, key, link, title, source, published_at, fetched_at, text, summary)
      VALUES (@feedId, @key, @link, @title, @source, @publishedAt, @fetchedAt, @text, @summary)`);
    const insertFigure = this.db.prepare(`
      INSERT INTO figures (article_id, rank, text, value, value_max, kind, unit, label, sentence, start, "end", approx, score)
      VALUES (@articleId, @rank, @text, @value, @valueMax, @kind, @unit, @label, @sentence, @start, @end, @approx, @score)`);
    return this.db.transaction(() => {
      const info = insertArticle.run(article);
      if (info.changes === 0) return null;
      const id = Number(info.lastInsertRowid);
      article.figures.forEach((f, rank) =>
        insertFigure.run({ ...f, articleId: id, rank, valueMax: f.valueMax ?? null, score: f.score ?? null }),
      );
      return { ...article, id };
    })();
  }

  async articlesForDigest(window: { fetchedSince: string; publishedSince: string }): Promise<Article[]> {
    const rows = this.db
      .prepare(
        `SELECT * FROM articles WHERE fetched_at >= ? AND (published_at IS NULL OR published_at >= ?) ORDER BY id`,
      )
      .all(window.fetchedSince, window.publishedSince) as Row[];
    const figuresOf = this.db.prepare('SELECT * FROM figures WHERE article_id = ? ORDER BY rank');
    return rows.map((row) => toArticle(row, (figuresOf.all(row.id) as Row[]).map(toFigure)));
  }

  async saveDigest(digest: Digest, parts: string[]): Promise<StoredDigest> {
    const info = this.db
      .prepare('INSERT INTO digests (date, created_at, timezone, stories_json, parts_json) VALUES (?, ?, ?, ?, ?)')
      .run(digest.date, digest.createdAt, digest.timezone, JSON.stringify(digest.stories), JSON.stringify(parts));
    return { ...digest, id: Number(info.lastInsertRowid), parts };
  }

  async latestDigest(): Promise<StoredDigest | null> {
    const row = this.db.prepare('SELECT * FROM digests ORDER BY id DESC LIMIT 1').get() as Row | undefined;
    return row ? toDigest(row) : null;
  }

  async getDigest(id: number): Promise<StoredDigest | null> {
    const row = this.db.prepare('SELECT * FROM digests WHERE id = ?').get(id) as Row | undefined;
    return row ? toDigest(row) : null;
  }

  async subscribe(chat: { chatId: number; chatType: string; title: string | null }, at: string): Promise<SubscribeResult> {
    return this.db.transaction((): SubscribeResult => {
      const before = this.db.prepare('SELECT * FROM subscribers WHERE chat_id = ?').get(chat.chatId) as Row | undefined;
      this.db
        .prepare(
          `INSERT INTO subscribers (chat_id, chat_type, title, active, subscribed_at) VALUES (?, ?, ?, 1, ?)
           ON CONFLICT (chat_id) DO UPDATE SET chat_type = excluded.chat_type, title = excluded.title,
             active = 1, deactivated_reason = NULL`,
        )
        .run(chat.chatId, chat.chatType, chat.title, at);
      const subscriber = toSubscriber(this.db.prepare('SELECT * FROM subscribers WHERE chat_id = ?').get(chat.chatId) as Row);
      const change = !before ? 'new' : before.active ? 'unchanged' : 'reactivated';
      return { subscriber, change };
    })();
  }

  async deactivate(chatId: number, reason: string): Promise<boolean> {
    return (
      this.db
        .prepare('UPDATE subscribers SET active = 0, deactivated_reason = ? WHERE chat_id = ? AND active = 1')
        .run(reason, chatId).changes > 0
    );
  }

  async getSubscriber(chatId: number): Promise<Subscriber | null> {
    const row = this.db.prepare('SELECT * FROM subscribers WHERE chat_id = ?').get(chatId) as Row | undefined;
    return row ? toSubscriber(row) : null;
  }

  async activeSubscribers(): Promise<Subscriber[]> {
    return (this.db.prepare('SELECT * FROM subscribers WHERE active = 1 ORDER BY chat_id').all() as Row[]).map(toSubscriber);
  }

  async migrateChat(fromChatId: number, toChatId: number): Promise<void> {
    this.db.transaction(() => {
      const target = this.db.prepare('SELECT 1 FROM subscribers WHERE chat_id = ?').get(toChatId);
      if (target) this.db.prepare('DELETE FROM subscribers WHERE chat_id = ?').run(fromChatId);
      else this.db.prepare("UPDATE subscribers SET chat_id = ?, chat_type = 'supergroup' WHERE chat_id = ?").run(toChatId, fromChatId);
      this.db.prepare('UPDATE OR IGNORE deliveries SET chat_id = ? WHERE chat_id = ?').run(toChatId, fromChatId);
    })();
  }

  async enqueueDigest(digestId: number, partCount: number, chatIds: number[]): Promise<number> {
    const insert = this.db.prepare('INSERT OR IGNORE INTO deliveries (digest_id, chat_id, part) VALUES (?, ?, ?)');
    return this.db.transaction(() => {
      let added = 0;
      for (const chatId of chatIds) {
        for (let part = 0; part < partCount; part++) added += insert.run(digestId, chatId, part).changes;
      }
      return added;
    })();
  }

  async dueDeliveries(nowIso: string, limit: number): Promise<Delivery[]> {
    // A chat's next part waits for its previous part: only the lowest pending part per chat is due.
    const rows = this.db
      .prepare(
        `SELECT d.* FROM deliveries d
         JOIN (SELECT digest_id, chat_id, MIN(part) AS part FROM deliveries WHERE state = 'pending' GROUP BY digest_id, chat_id) first
           ON first.digest_id = d.digest_id AND first.chat_id = d.chat_id AND first.part = d.part
         WHERE d.state = 'pending' AND (d.not_before IS NULL OR d.not_before <= ?)
         ORDER BY d.id LIMIT ?`,
      )
      .all(nowIso, limit) as Row[];
    return rows.map(toDelivery);
  }

  async markSent(id: number, messageId: number, at: string): Promise<void> {
    this.db
      .prepare("UPDATE deliveries SET state = 'sent', message_id = ?, sent_at = ?, attempts = attempts + 1 WHERE id = ?")
      .run(messageId, at, id);
  }

  async markAttemptFailed(id: number, error: string, opts: { notBefore: string | null; final: boolean }): Promise<void> {
    this.db
      .prepare('UPDATE deliveries SET attempts = attempts + 1, last_error = ?, not_before = ?, state = ? WHERE id = ?')
      .run(error, opts.notBefore, opts.final ? 'failed' : 'pending', id);
  }

  async cancelPending(chatId: number, reason: string): Promise<number> {
    return this.db
      .prepare("UPDATE deliveries SET state = 'cancelled', last_error = ? WHERE chat_id = ? AND state = 'pending'")
      .run(reason, chatId).changes;
  }

  async deliveryCounts(digestId?: number): Promise<Record<Delivery['state'], number>> {
    const rows = (
      digestId === undefined
        ? this.db.prepare('SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state').all()
        : this.db.prepare('SELECT state, COUNT(*) AS n FROM deliveries WHERE digest_id = ? GROUP BY state').all(digestId)
    ) as Array<{ state: Delivery['state']; n: number }>;
    const counts = { pending: 0, sent: 0, failed: 0, cancelled: 0 };
    for (const r of rows) counts[r.state] = r.n;
    return counts;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function toFeed(r: Row): Feed {
  return {
    id: Number(r.id),
    url: str(r.url),
    title: strOrNull(r.title),
    addedAt: str(r.added_at),
    lastFetchedAt: strOrNull(r.last_fetched_at),
    lastError: strOrNull(r.last_error),
    errorCount: Number(r.error_count),
  };
}

function toFigure(r: Row): Figure {
  const figure: Figure = {
    text: str(r.text),
    value: Number(r.value),
    kind: r.kind as Figure['kind'],
    unit: strOrNull(r.unit),
    label: str(r.label),
    sentence: str(r.sentence),
    start: Number(r.start),
    end: Number(r.end),
    approx: strOrNull(r.approx),
  };
  if (r.value_max !== null) figure.valueMax = Number(r.value_max);
  if (r.score !== null) figure.score = Number(r.score);
  return figure;
}

function toArticle(r: Row, figures: Figure[]): Article {
  return {
    id: Number(r.id),
    feedId: r.feed_id === null ? null : Number(r.feed_id),
    key: str(r.key),
    link: strOrNull(r.link),
    title: str(r.title),
    source: str(r.source),
    publishedAt: strOrNull(r.published_at),
    fetchedAt: str(r.fetched_at),
    text: str(r.text),
    summary: str(r.summary),
    figures,
  };
}

function toDigest(r: Row): StoredDigest {
  return {
    id: Number(r.id),
    date: str(r.date),
    createdAt: str(r.created_at),
    timezone: str(r.timezone),
    stories: JSON.parse(str(r.stories_json)),
    parts: JSON.parse(str(r.parts_json)),
  };
}

function toSubscriber(r: Row): Subscriber {
  return {
    chatId: Number(r.chat_id),
    chatType: str(r.chat_type),
    title: strOrNull(r.title),
    active: Boolean(r.active),
    subscribedAt: str(r.subscribed_at),
    deactivatedReason: strOrNull(r.deactivated_reason),
  };
}

function toDelivery(r: Row): Delivery {
  return {
    id: Number(r.id),
    digestId: Number(r.digest_id),
    chatId: Number(r.chat_id),
    part: Number(r.part),
    state: r.state as Delivery['state'],
    attempts: Number(r.attempts),
    notBefore: strOrNull(r.not_before),
    lastError: strOrNull(r.last_error),
    messageId: r.message_id === null ? null : Number(r.message_id),
    sentAt: strOrNull(r.sent_at),
  };
}
