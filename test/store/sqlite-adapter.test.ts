/**
 * What only the SQLite adapter does: migrate files made by earlier releases (schema versions 1-5)
 * without losing data, open read-only without writing anything, and report a damaged file.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import type { Store } from '../../src/store/store.js';
import { damageSqliteFile } from './adapters.js';

let dir: string;
let file: string;
const open: Store[] = [];
const openStore = (opts?: { readOnly?: boolean }) => {
  const s = openSqliteStore(file, opts);
  open.push(s);
  return s;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-sqlite-'));
  file = path.join(dir, 'kf.db');
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A database as an earlier release left it: its migrations (the shipped SQL, unchanged) up to `version`. */
function legacyDatabase(version: number): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  for (let v = 0; v < version; v++) {
    db.exec(MIGRATIONS[v]!.sqlite);
    db.pragma(`user_version = ${v + 1}`);
  }
  return db;
}

const userVersion = () => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true });
  } finally {
    db.close();
  }
};

describe('SQLite adapter: databases of earlier releases', () => {
  it('creates a new file (and its folder) in WAL mode at the latest schema', async () => {
    file = path.join(dir, 'nested', 'kf.db');
    await openStore().listFeeds();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('migrates a schema-6 database (the last release) forward, keeping every row', async () => {
    const db = legacyDatabase(6);
    db.exec(`
      INSERT INTO feeds (id, url, title, added_at, last_fetched_at, error_count, etag, next_check_at, last_success_at)
        VALUES (3, 'https://a.example/rss', 'A', '2026-11-20T10:00:00.000Z', '2026-11-24T07:00:00.000Z', 0, '"e1"', '2026-11-24T07:30:00.000Z', '2026-11-24T07:00:00.000Z');
      INSERT INTO articles (id, feed_id, key, link, title, source, published_at, fetched_at, text, summary)
        VALUES (10, 3, 'k1', 'https://a.example/1', 'Ballots counted', 'A', '2026-11-24T06:00:00.000Z', '2026-11-24T07:00:00.000Z', 'Officials counted 971 ballots.', 'Officials counted 971 ballots.');
      INSERT INTO figures (article_id, rank, text, value, kind, unit, label, sentence, start, "end", approx, score)
        VALUES (10, 0, '971', 971, 'count', NULL, 'ballots', 'Officials counted 971 ballots.', 18, 21, NULL, 3.5);
      INSERT INTO subscribers (chat_id, chat_type, title, active, subscribed_at, timezone, digest_time, paused, last_digest_at)
        VALUES (-1001234567890, 'supergroup', 'Newsroom', 1, '2026-11-01T00:00:00.000Z', 'Europe/Kyiv', '07:30', 0, '2026-11-24T05:30:00.000Z');
      INSERT INTO digests (id, date, created_at, timezone, stories_json, parts_json) VALUES (4, '2026-11-24', '2026-11-24T08:00:00.000Z', 'UTC', '[]', '["<b>p0</b>"]');
      INSERT INTO digest_renditions (id, digest_id, hash, parts_json) VALUES (1, 4, 'h', '["<b>r0</b>"]');
      INSERT INTO deliveries (digest_id, chat_id, part, rendition_id) VALUES (4, -1001234567890, 0, 1);
      INSERT INTO user_feeds (feed_id, added_by_chat) VALUES (3, -1001234567890);
      INSERT INTO chat_topics (chat_id, kind, phrase, position) VALUES (-1001234567890, 'include', 'ukraine', 0);
      INSERT INTO settings (key, value, updated_at) VALUES ('fetch_cron', '*/15 * * * *', '2026-11-24T00:00:00.000Z');
    `);
    db.close();
    const store = openStore();
    expect(userVersion()).toBe(MIGRATIONS.length);
    expect(await store.listFeeds()).toEqual([expect.objectContaining({ id: 3, url: 'https://a.example/rss', etag: '"e1"', nextCheckAt: new Date('2026-11-24T07:30:00.000Z') })]);
    expect(await store.getArticle(10)).toMatchObject({ key: 'k1', figures: [expect.objectContaining({ text: '971', value: 971, score: 3.5 })] });
    expect(await store.getSubscriber(-1001234567890)).toMatchObject({ digestTime: '07:30', timezone: 'Europe/Kyiv', lastDigestAt: new Date('2026-11-24T05:30:00.000Z') });
    expect(await store.getPreferences(-1001234567890)).toEqual({ feedIds: [], include: ['ukraine'], exclude: [] });
    expect(await store.getSettings()).toEqual({ fetch_cron: '*/15 * * * *' });
    const claimed = await store.claimDeliveries('w', { now: new Date('2026-11-24T08:01:00.000Z'), limit: 5, leaseMs: 30_000, staleBefore: new Date('2026-11-24T08:00:00.000Z') });
    expect(claimed.map((c) => [c.chatId, c.html])).toEqual([[-1001234567890, '<b>r0</b>']]);
    // New rows continue after the old ids.
    expect((await store.addFeed('https://b.example/rss')).feed.id).toBe(4);
  });

  it('migrates a schema-1 database (the first release) through every step', async () => {
    const db = legacyDatabase(1);
    db.exec(`
      INSERT INTO feeds (url, title, added_at, last_fetched_at, error_count) VALUES ('https://a.example/rss', 'A', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 0);
      INSERT INTO subscribers (chat_id, chat_type, title, active, subscribed_at) VALUES (42, 'private', NULL, 1, '2026-01-01T00:00:00.000Z');
    `);
    db.close();
    const store = openStore();
    expect(userVersion()).toBe(MIGRATIONS.length);
    // Migration 2 derived the last success from the last fetch of a feed without errors.
    expect((await store.listFeeds())[0]).toMatchObject({ lastSuccessAt: new Date('2026-01-02T00:00:00.000Z'), nextCheckAt: null });
    expect(await store.getSubscriber(42)).toMatchObject({ active: true, paused: false, digestTime: null });
  });

  it('applies nothing twice when re-opened', async () => {
    await openStore().addFeed('https://a.example/rss');
    await openStore().addFeed('https://b.example/rss');
    expect((await openStore().listFeeds()).map((f) => f.url)).toEqual(['https://a.example/rss', 'https://b.example/rss']);
  });
});

describe('SQLite adapter: read-only opens', () => {
  it('reads without writing anything: no WAL switch, no migration, the file unchanged', async () => {
    const writer = openStore();
    await writer.addFeed('https://a.example/rss');
    await writer.close();
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = fs.readFileSync(file);
    const reader = openStore({ readOnly: true });
    expect((await reader.listFeeds()).map((f) => f.url)).toEqual(['https://a.example/rss']);
    await expect(reader.checkWritable()).rejects.toThrow(/readonly/);
    await reader.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('answers like an empty database when the file does not exist, creating nothing', async () => {
    const reader = openStore({ readOnly: true });
    expect(await reader.listFeeds()).toEqual([]);
    expect(await reader.sizeBytes()).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses a file of an older schema, naming the file and the fix', async () => {
    legacyDatabase(3).close();
    expect(() => openStore({ readOnly: true })).toThrow(new RegExp(`cannot open the database ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: its schema is version 3 and this release needs ${MIGRATIONS.length}: start the bot`));
  });

  it('names the file when it cannot be opened at all', () => {
    fs.writeFileSync(file, 'this is not a database, just text long enough to fill a header and then some more');
    expect(() => openStore()).toThrow(`cannot open the database ${file}: file is not a database`);
  });
});

describe('SQLite adapter: integrity check', () => {
  it('reports a damaged page (PRAGMA quick_check) instead of "ok"', async () => {
    const store = openStore();
    const { feed } = await store.addFeed('https://a.example/rss');
    await store.markItemsSeen(feed.id, Array.from({ length: 400 }, (_, i) => `key-${i}-${'x'.repeat(200)}`), new Date('2026-11-24T00:00:00.000Z'));
    expect(await store.checkIntegrity()).toEqual([]);
    await store.close();
    await damageSqliteFile(file);
    const damaged = openStore({ readOnly: true });
    const problems = await damaged.checkIntegrity();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).not.toBe('ok');
  });
});
