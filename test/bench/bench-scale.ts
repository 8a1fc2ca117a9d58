/**
 * Scale proof: does anything slow down as history and audience grow? Builds a database step by
 * step (10k → 100k → 1M articles by default) with 1,000 feeds and 100,000 subscribers (mixed time
 * zones, digest times, topics and feed choices), and at each step measures, through the real
 * handlers and store (replies go to the fake Bot API over loopback HTTP):
 *   - p50/p99 of /search, /figures <words>, /why <number>, /story N, /admin stats (the bot's status);
 *   - one edition's build and its picture card (drawn as the outbox does), and personalization for every active chat (preferences a batch at a time + filter);
 *   - the due-chat planner for one tick (findDueChats, as queueDueDigests runs it: the schedules in use, then the due chats by index);
 *   - a retention pass (bodies older than 30 days emptied), and peak RSS;
 * then prints each measure's growth from the step before (flat ≈ 1.0×).
 *
 * Data: the 2,003 BBC corpus articles (../shared/corpus, read at run time) re-dated (1,000 a day,
 * one per feed, ids growing with time) and re-titled; figures from their own sentences (numbers
 * found by a light regular expression, not the figure engine: building a million through it
 * would take hours). As with RETENTION_DAYS=30, bodies are kept for the last 30 days only; older
 * articles keep title, summary and figures, and are out of word search (as retention leaves them). One delivered outbox
 * row per article stands for the digests sent over the same days (what /admin stats counts). Bulk inserts go through a second connection, in
 * transactions, with the schema's triggers and indexes in place.
 *
 *   npm run bench:scale -- [--articles 1000000] [--database-url postgres://…] [--subscribers 100000] [--samples 200] [--passes 3] [--ticks 15]
 *
 * Latencies are the median over 3 passes (commands interleaved) of each pass's p50 and p99, with the
 * p99s' spread: a p99 of 200 samples is the 3rd slowest, which one GC or checkpoint moves (see PASSES).
 *
 * BENCH_RSS_TRACE=1 prints RSS and the heap after each pass of the measured commands (what makes the peak).
 * Each step is measured in a child process run with the node flags of `npm start` (package.json);
 * to measure a kept step again by hand, give them too: `node --import tsx --expose-gc
 * --heap-growing-percent=30 test/bench/bench-scale.ts --measure <dir>/step-N.json`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Context, Telegram } from 'telegraf';
import type { Chat, Update } from 'telegraf/types';
import Database from 'better-sqlite3';
import pg from 'pg';
import { FakeBotApi } from '../support/fake-bot-api.js';
import type { Store } from '../../src/store/store.js';
import { eachChatPreferences } from '../../src/store/preference-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createBotDeps, type BotDeps } from '../../src/bot/bot-deps.js';
import type { CommandInput } from '../../src/bot/command-input.js';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/support/logger.js';
import { currentDigest } from '../../src/app/make-digest.js';
import { personalizeDigest } from '../../src/app/personalize-digest.js';
import { findDueChats, lastSlot } from '../../src/jobs/due-chats.js';
import { handleSearch } from '../../src/bot/commands/search.js';
import { handleFigures } from '../../src/bot/commands/figures.js';
import { prepareWindow } from '../../src/bot/chat-digest.js';
import { handleWhy } from '../../src/bot/commands/why.js';
import { handleStory, prepareStories } from '../../src/bot/commands/story.js';
import { handleAdmin } from '../../src/bot/commands/admin.js';
import { zonesToPrepare } from '../../src/service/start-window-preparation.js';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string' },
    'database-url': { type: 'string' },
    subscribers: { type: 'string' },
    feeds: { type: 'string' },
    'per-day': { type: 'string' },
    samples: { type: 'string' },
    passes: { type: 'string' },
    ticks: { type: 'string' },
    /** Keep the database and each step's spec afterwards: profile a step again with `--measure <spec>` (e.g. under node --cpu-prof). */
    keep: { type: 'boolean' },
    /** Measure one step in this process, from the spec file the bench wrote (what the bench's child processes run). */
    measure: { type: 'string' },
  },
});
const TOTAL = Number(args.articles ?? 1_000_000);
const SUBSCRIBERS = Number(args.subscribers ?? 100_000);
const FEEDS = Number(args.feeds ?? 1_000);
const PER_DAY = Number(args['per-day'] ?? 1_000);
/** 200 a command by default: p99 is then the 3rd slowest sample, not the slowest of 50 (one stall). */
const SAMPLES = Number(args.samples ?? 200);
/**
 * Each command is sampled in 3 passes of SAMPLES, and the table gives the median of the passes'
 * p50 and p99 with the spread of the p99s. Why: a p99 of 200 samples is the 3rd slowest one, and on
 * a shared 2-core machine one collection, checkpoint or neighbour's burst in a pass moves it by
 * ±50% from run to run (single-pass growths of 1.3-1.6× from that alone). The median of 3 passes
 * needs two of them spoiled to move.
 */
const PASSES = Number(args.passes ?? 3);
/** The planner's tick is timed TICKS times: the median is its measure, the slowest printed beside it. */
const TICKS = Number(args.ticks ?? 15);
const PG_URL = args['database-url'];
const STEPS = [...new Set([10_000, 100_000, 1_000_000].filter((n) => n < TOTAL).concat(TOTAL))];
const DAY = 86_400_000;
const BODY_DAYS = 30;
/** Article i is first seen at T0 + i × (a day / PER_DAY): each step ends at the same time of day. */
const T0 = Date.parse('2023-01-02T08:00:30.000Z');
const SPACING = DAY / PER_DAY;
const ADMIN_ID = 4242;
const ZONES = ['UTC', 'Europe/Kyiv', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Sao_Paulo', 'Asia/Kolkata', 'Asia/Tokyo', 'Asia/Singapore', 'Australia/Sydney'];
const TOPICS = ['ukraine', 'economy', 'football', 'election', 'bank', 'oil', 'music', 'film', 'tax', 'police', 'china', 'health', 'interest rates', 'world cup'];
const SEARCHES = ['economy', 'oil prices', 'election', 'football', 'bank', 'music', 'film', 'government', 'shares', 'interest rates', 'police', 'tax', 'china', 'mobile phone', 'champion'];

/** A deterministic PRNG (mulberry32): every run builds the same data. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(18);
/** The measures' order in each round of sampling: its own stream, so that the inputs drawn stay those of `random`. */
const order = rng(99);
/** A copy of `list` in a random order (Fisher-Yates over `order`). */
function shuffled<T>(list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(order() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

// ---------------------------------------------------------------------------------------------
// Corpus → article templates with figures from their own sentences.

interface TemplateFigure {
  text: string;
  value: number;
  kind: string;
  unit: string | null;
  label: string;
  sentence: string;
  start: number;
  end: number;
}
interface Template {
  title: string;
  text: string;
  summary: string;
  figures: TemplateFigure[];
}

const NUMBER = /([$£€])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s?(%|bn|billion|m\b|million)?/g;

function templatesFrom(file: string): Template[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const { title, text } = JSON.parse(line) as { title: string; text: string };
      const figures: TemplateFigure[] = [];
      let offset = 0;
      for (const sentence of text.split(/(?<=[.!?])\s+/)) {
        const at = text.indexOf(sentence, offset);
        offset = at + sentence.length;
        if (figures.length >= 4) continue;
        NUMBER.lastIndex = 0;
        const m = NUMBER.exec(sentence);
        if (!m || /^(19|20)\d\d$/.test(m[2]!)) continue;
        const scale = m[4] === 'bn' || m[4] === 'billion' ? 1e9 : m[4] === 'm' || m[4] === 'million' ? 1e6 : 1;
        const value = Number(`${m[2]!.replace(/,/g, '')}${m[3] ?? ''}`) * scale;
        const after = sentence.slice(m.index + m[0].length).trim().split(/\s+/).slice(0, 3).join(' ').replace(/[^\p{L}\p{N} ]/gu, '');
        figures.push({
          text: m[0].trim(),
          value,
          kind: m[4] === '%' ? 'percent' : m[1] ? 'money' : 'count',
          unit: m[1] === '$' ? 'USD' : m[1] === '£' ? 'GBP' : m[1] === '€' ? 'EUR' : m[4] === '%' ? '%' : null,
          label: after || 'things',
          sentence,
          start: at + m.index,
          end: at + m.index + m[0].trim().length,
        });
      }
      const summary = text.split(/(?<=[.!?])\s+/).slice(0, 2).join(' ').slice(0, 300);
      return { title, text, summary, figures };
    });
}

// ---------------------------------------------------------------------------------------------
// Bulk loading through a second connection (the store's own methods would time the setup).

interface Loader {
  exec(sqlText: string, params?: unknown[]): Promise<void>;
  articles(rows: ArticleRow[], figures: FigureRow[]): Promise<void>;
  rows<T>(sqlText: string, params?: unknown[]): Promise<T[]>;
  analyze(): Promise<void>;
  close(): Promise<void>;
}
/** `searchable`: 1/0, as retention leaves an article (out of word search with its body). */
type ArticleRow = [id: number, feedId: number, key: string, link: string, title: string, source: string, publishedAt: string, fetchedAt: string, text: string, summary: string, searchable: number];
type FigureRow = [articleId: number, rank: number, text: string, value: number, kind: string, unit: string | null, label: string, sentence: string, start: number, end: number, score: number];

function sqliteLoader(file: string): Loader {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  const insertArticle = db.prepare('INSERT INTO articles (id, feed_id, key, link, title, source, published_at, fetched_at, text, summary, searchable) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertFigure = db.prepare('INSERT INTO figures (article_id, rank, text, value, kind, unit, label, sentence, start, "end", score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const load = db.transaction((articles: ArticleRow[], figures: FigureRow[]) => {
    for (const a of articles) insertArticle.run(...a);
    for (const f of figures) insertFigure.run(...f);
  });
  return {
    async exec(sqlText, params) {
      if (params) db.prepare(sqlText).run(...(params as unknown[]));
      else db.exec(sqlText);
    },
    async articles(articles, figures) {
      load(articles, figures);
    },
    async rows<T>(sqlText: string, params: unknown[] = []) {
      return db.prepare(sqlText).all(...params) as T[];
    },
    async analyze() {
      db.exec('ANALYZE');
      // The bulk load's write-ahead log folded into the file, as a bot's own checkpoints keep it:
      // the measuring process should not read the steps' gigabyte of WAL.
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    async close() {
      db.close();
    },
  };
}

function postgresLoader(url: string, schema: string): Loader {
  const pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` });
  const sqlFor = (text: string) => text.replace(/\?/g, (() => { let n = 0; return () => `$${++n}`; })());
  return {
    async exec(sqlText, params) {
      await pool.query(sqlFor(sqlText), params as unknown[]);
    },
    async articles(articles, figures) {
      const col = <R extends unknown[]>(rows: R[], i: number) => rows.map((r) => r[i]);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO articles (id, feed_id, key, link, title, source, published_at, fetched_at, text, summary, searchable)
           SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::text[], $10::text[], $11::int[]::boolean[])`,
          Array.from({ length: 11 }, (_, i) => col(articles, i)),
        );
        await client.query(
          `INSERT INTO figures (article_id, rank, text, value, kind, unit, label, sentence, start, "end", score)
           SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::float8[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[], $11::float8[])`,
          Array.from({ length: 11 }, (_, i) => col(figures, i)),
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    },
    async rows<T>(sqlText: string, params: unknown[] = []) {
      return (await pool.query(sqlFor(sqlText), params)).rows as T[];
    },
    async analyze() {
      await pool.query('VACUUM (ANALYZE) articles, figures, subscribers, chat_topics, chat_feeds, chat_feed_choice, feeds, user_feeds, digests, deliveries');
      // The bulk load's dirty pages written out, as a running server's checkpoints keep them (SQLite's loader
      // folds its WAL in likewise): otherwise the checkpointer writes the step's gigabyte while the bot is timed.
      await pool.query('CHECKPOINT');
    },
    async close() {
      await pool.end();
    },
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

async function loadArticles(loader: Loader, templates: Template[], from: number, to: number, now: number): Promise<void> {
  const bodiesFrom = now - BODY_DAYS * DAY;
  for (let start = from; start < to; start += 5_000) {
    const articles: ArticleRow[] = [];
    const figures: FigureRow[] = [];
    for (let i = start; i < Math.min(to, start + 5_000); i++) {
      const t = templates[i % templates.length]!;
      const id = i + 1;
      const feedId = 1 + (i % FEEDS);
      const fetched = T0 + i * SPACING;
      const day = Math.floor(i / PER_DAY);
      const title = day % 3 === 0 ? t.title : day % 3 === 1 ? `${t.title}, day ${day}` : `Update: ${t.title}`;
      articles.push([id, feedId, `bench:${id}`, `https://news${feedId % 50}.example/${id}`, title, `Feed ${feedId}`, iso(fetched - 1_800_000), iso(fetched), fetched >= bodiesFrom ? t.text : '', t.summary, fetched >= bodiesFrom ? 1 : 0]);
      t.figures.forEach((f, rank) => figures.push([id, rank, f.text, f.value, f.kind, f.unit, f.label, f.sentence, f.start, f.end, 4 - rank]));
    }
    await loader.articles(articles, figures);
  }
}

/** 1,000 feeds (the last 20 added by subscribers), 100,000 chats with their schedules, topics and feed choices. */
async function loadAudience(loader: Loader): Promise<{ sample: number[] }> {
  for (let start = 0; start < FEEDS; start += 500) {
    const n = Math.min(500, FEEDS - start);
    const rows = Array.from({ length: n }, (_, k) => `(${start + k + 1}, 'https://feed${start + k + 1}.example/rss', 'Feed ${start + k + 1}', '${iso(T0)}')`);
    await loader.exec(`INSERT INTO feeds (id, url, title, added_at) VALUES ${rows.join(', ')}`);
  }
  const sample: number[] = [];
  for (let start = 0; start < SUBSCRIBERS; start += 2_000) {
    const subs: string[] = [];
    const topics: string[] = [];
    const choices: string[] = [];
    const chosen: string[] = [];
    for (let k = start; k < Math.min(SUBSCRIBERS, start + 2_000); k++) {
      const group = k % 20 === 0;
      const chatId = group ? -(1_000_000_000 + k) : 1_000_000_000 + k;
      const active = random() < 0.92;
      const paused = active && random() < 0.03;
      const tz = random() < 0.3 ? null : pick(ZONES);
      const time = random() < 0.4 ? null : `${String(5 + Math.floor(random() * 5)).padStart(2, '0')}:${String(5 * Math.floor(random() * 12)).padStart(2, '0')}`;
      const flag = (b: boolean) => (PG_URL ? String(b) : b ? '1' : '0');
      subs.push(`(${chatId}, '${group ? 'group' : 'private'}', ${flag(active)}, '${iso(T0)}', ${tz ? `'${tz}'` : 'NULL'}, ${time ? `'${time}'` : 'NULL'}, ${flag(paused)})`);
      if (random() < 0.3) {
        const include = [...new Set([pick(TOPICS), pick(TOPICS)].slice(0, 1 + Math.floor(random() * 2)))];
        include.forEach((p, i) => topics.push(`(${chatId}, 'include', '${p}', ${i})`));
      }
      if (random() < 0.1) topics.push(`(${chatId}, 'exclude', 'football', 0)`);
      if (random() < 0.15) {
        choices.push(`(${chatId}, 'only')`);
        const feeds = new Set(Array.from({ length: 3 + Math.floor(random() * 8) }, () => 1 + Math.floor(random() * FEEDS)));
        for (const f of feeds) chosen.push(`(${chatId}, ${f})`);
      }
      if (active && !paused && !group && sample.length < 200 && random() < 0.01) sample.push(chatId);
    }
    await loader.exec(`INSERT INTO subscribers (chat_id, chat_type, active, subscribed_at, timezone, digest_time, paused) VALUES ${subs.join(', ')}`);
    if (topics.length) await loader.exec(`INSERT INTO chat_topics (chat_id, kind, phrase, position) VALUES ${topics.join(', ')}`);
    if (choices.length) await loader.exec(`INSERT INTO chat_feed_choice (chat_id, mode) VALUES ${choices.join(', ')}`);
    if (chosen.length) await loader.exec(`INSERT INTO chat_feeds (chat_id, feed_id) VALUES ${chosen.join(', ')}`);
  }
  const userFeeds = Array.from({ length: Math.min(20, FEEDS) }, (_, k) => `(${FEEDS - k}, ${1_000_000_000 + k})`);
  await loader.exec(`INSERT INTO user_feeds (feed_id, added_by_chat) VALUES ${userFeeds.join(', ')}`);
  return { sample };
}

/**
 * The outbox's history: one delivered message per article stored (what 100,000 chats' daily digests
 * make a hundred times over), so that what counts deliveries grows with history as it would. All
 * are parts of one old edition (a chat and part each, as the outbox's unique key wants).
 */
async function loadDeliveries(loader: Loader, from: number, to: number): Promise<void> {
  if (from === 0) await loader.exec(`INSERT INTO digests (date, created_at, timezone, stories_json, parts_json) VALUES ('2023-01-01', '${iso(T0)}', 'UTC', '[]', '[]')`);
  await loader.exec(
    `INSERT INTO deliveries (digest_id, chat_id, part, state, attempts, message_id, sent_at)
     SELECT (SELECT MIN(id) FROM digests), ${1_000_000_000} + id % ${SUBSCRIBERS}, id / ${SUBSCRIBERS}, 'sent', 1, id, fetched_at FROM articles WHERE id > ${from} AND id <= ${to}`,
  );
}

/** Every chat was given its digest at its latest slot before the minute that ends at `now`: the tick finds only this minute's chats. */
async function markGiven(loader: Loader, now: number, defaults: { timezone: string; digest: string }): Promise<void> {
  const keys = await loader.rows<{ timezone: string | null; digest_time: string | null }>('SELECT DISTINCT timezone, digest_time FROM subscribers');
  for (const k of keys) {
    const slot = lastSlot(k.digest_time ?? defaults.digest, k.timezone ?? defaults.timezone, new Date(now - 60_000), 8 * DAY);
    if (!slot) continue;
    await loader.exec(
      `UPDATE subscribers SET last_digest_at = ? WHERE timezone ${k.timezone === null ? 'IS NULL' : '= ?'} AND digest_time ${k.digest_time === null ? 'IS NULL' : '= ?'}`,
      [iso(slot.getTime()), ...(k.timezone === null ? [] : [k.timezone]), ...(k.digest_time === null ? [] : [k.digest_time])],
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring.

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
/** How many samples are at or above p99 (percentile's rule): 1 of 50 (the slowest), 2 of 100, 3 of 200. */
const p99FromTop = (samples: number) => samples - Math.min(samples, Math.ceil(0.99 * samples)) + 1;
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
const rssMb = () => Math.round(process.memoryUsage().rss / 1_048_576);

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Garbage collections seen so far (start and duration, ms on performance.now()'s clock). */
const collections: Array<{ start: number; ms: number }> = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) collections.push({ start: e.startTime, ms: e.duration });
}).observe({ entryTypes: ['gc'] });

/** One sample, and what its time was made of: this process's CPU (user + system); its GC pauses are counted when summarized. */
interface Sample {
  ms: number;
  cpuMs: number;
  gcMs: number;
  start: number;
}

/** Time `fn`, with the CPU this process spent in it (wall ≫ CPU: the process waited — for the database server, or for a core on a loaded machine). */
async function sampled(fn: () => Promise<unknown>): Promise<Sample> {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, gcMs: 0, start };
}

const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 50);

/** One pass of one measure: its p50 and p99, and what its slowest sample was made of. */
interface PassSummary {
  p50: number;
  p99: number;
  slowest: Sample;
}

/** p50 and p99 of samples, and what the slowest one was made of. */
async function summarize(samples: Sample[]): Promise<PassSummary> {
  // The observer hears of collections a little later: let it catch up, then count the pauses that began inside the slowest sample.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  const ms = sorted.map((x) => x.ms);
  const last = sorted.at(-1)!;
  const gcMs = collections.filter((c) => c.start >= last.start && c.start < last.start + last.ms).reduce((sum, c) => sum + c.ms, 0);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), slowest: { ...last, gcMs } };
}

/**
 * A measure over its passes: the median pass p50 and p99 (for an even count, the lower middle), the
 * p99s' spread (min-max), and the slowest sample of all.
 */
function acrossPasses(passes: readonly PassSummary[]): Latency {
  const p99s = passes.map((p) => p.p99);
  const slowest = passes.reduce((a, b) => (b.slowest.ms > a.slowest.ms ? b : a)).slowest;
  return { p50: median(passes.map((p) => p.p50)), p99: median(p99s), p99Min: Math.min(...p99s), p99Max: Math.max(...p99s), slowest };
}

let updateId = 0;
function commandContext(telegram: Telegram, chat: Chat.PrivateChat, text: string): Context {
  const update = {
    update_id: ++updateId,
    message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat, from: { id: chat.id, is_bot: false, first_name: chat.first_name }, text },
  } as unknown as Update;
  return new Context(update, telegram, { id: 1, is_bot: true, first_name: 'KeyFigures', username: 'KeyFiguresBot' } as never);
}

type Handler = (ctx: Context, input: CommandInput, deps: BotDeps) => Promise<void>;

/** A measure's p50 and p99 (medians over the passes), the spread of its passes' p99s, and its slowest sample. */
interface Latency {
  p50: number;
  p99: number;
  p99Min: number;
  p99Max: number;
  slowest: Sample;
}

interface StepResult {
  articles: number;
  commands: Record<string, Latency>;
  build: number;
  personalize: number;
  chats: number;
  /** Median of TICKS ticks, and the slowest. */
  planner: number;
  plannerSlowest: number;
  due: number;
  retention: number;
  load: number;
  peakRss: number;
}

/** What the measuring child process is told: where the database is, the step's time and its sample inputs. */
interface StepSpec {
  step: number;
  now: number;
  sqliteFile: string | null;
  pgUrl: string | null;
  schema: string | null;
  digestsDir: string;
  chats: number[];
  /** Every active, unpaused chat (what a deliver-now edition walks), in a file of its own: ids only. */
  activeFile: string;
  whyTexts: string[];
  whyQueries: Array<{ values: number[]; digits: string }>;
}

/**
 * The bench's own process: builds the data step by step (the corpus, the rows to insert) and runs
 * each step's measuring in a fresh child process (`--measure`), so that the peak RSS printed is the
 * bot's work alone — what a running bot process would hold — not the bench's data generation.
 */
async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const corpus = path.resolve(here, '../../../shared/corpus/articles/bbc.jsonl');
  const templates = templatesFrom(corpus);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-bench-scale-'));
  const schema = `bench_scale_${process.pid}`;
  const sqliteFile = path.join(tmp, 'kf.db');
  // Opening the store creates the schema (migrations); the loader writes through its own connection.
  await (PG_URL ? openPostgresStore(PG_URL, { schema }) : Promise.resolve(openSqliteStore(sqliteFile))).then((s) => s.close());
  const loader = PG_URL ? postgresLoader(PG_URL, schema) : sqliteLoader(sqliteFile);
  const config = parseConfig({ ADMIN_IDS: String(ADMIN_ID), TIMEZONE: 'UTC', DIGEST_CRON: '0 8 * * *' });
  const defaults = { timezone: 'UTC', digest: config.digestCron };
  const results: StepResult[] = [];
  const started = performance.now();
  const say = (line: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  try {
    say(`bench:scale — ${PG_URL ? 'PostgreSQL' : 'SQLite'}, steps ${STEPS.join(' → ')} articles, ${FEEDS} feeds, ${SUBSCRIBERS} subscribers, ${PER_DAY} articles a day, ${SAMPLES} samples a command`);
    const { sample } = await loadAudience(loader);
    let stored = 0;
    for (const step of STEPS) {
      const now = T0 + step * SPACING;
      const load = await timed(() => loadArticles(loader, templates, stored, step, now));
      await loadDeliveries(loader, stored, step);
      stored = step;
      // Every chat's last digest marked, then the tables vacuumed and analyzed: the state a running bot's database is in.
      await markGiven(loader, now, defaults);
      await loader.analyze();
      say(`${step} articles stored (${(load.ms / 1000).toFixed(1)} s, bench process RSS now ${rssMb()} MB, peak ${peakRssMb()} MB)`);
      // /why asks for figures of the last few days' articles.
      const recent = Array.from({ length: 50 }, () => templates[Math.floor((now - T0) / SPACING - 1 - random() * PER_DAY * 6) % templates.length]!).filter((t) => t.figures.length);
      const whyFigures = Array.from({ length: SAMPLES }, () => pick(pick(recent).figures));
      const activeFile = path.join(tmp, `active-${step}.json`);
      const active = await loader.rows<{ chat_id: number | string }>(`SELECT chat_id FROM subscribers WHERE active = ${PG_URL ? 'true' : '1'} AND paused = ${PG_URL ? 'false' : '0'} ORDER BY chat_id`);
      fs.writeFileSync(activeFile, JSON.stringify(active.map((r) => Number(r.chat_id))));
      const spec: StepSpec = {
        step,
        now,
        sqliteFile: PG_URL ? null : sqliteFile,
        pgUrl: PG_URL ?? null,
        schema: PG_URL ? schema : null,
        digestsDir: path.join(tmp, 'digests'),
        chats: sample,
        activeFile,
        whyTexts: whyFigures.map((f) => f.text),
        whyQueries: whyFigures.map((f) => ({ values: [f.value], digits: f.text.replace(/[^\d.]/g, '') })),
      };
      const specFile = path.join(tmp, `step-${step}.json`);
      fs.writeFileSync(specFile, JSON.stringify(spec));
      const result = { ...(await measureInChild(specFile)), load: load.ms };
      results.push(result);
    }
    printTable(results, PG_URL ? 'PostgreSQL' : 'SQLite', (performance.now() - started) / 1000);
  } finally {
    if (args.keep) say(`kept: ${PG_URL ? `schema ${schema} and ` : ''}${tmp} (step specs step-N.json)`);
    else if (PG_URL) await loader.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
    await loader.close();
    if (!args.keep) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The node flags `npm start` runs the bot with (package.json's start script, e.g. its heap growth):
 * the measuring child is given them, so that it weighs what the bot weighs.
 */
function botNodeFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** Runs this file with `--measure spec` in a fresh Node process (same loader flags, and the bot's), and reads its result line. */
function measureInChild(specFile: string): Promise<StepResult> {
  return new Promise((resolve, reject) => {
    // --expose-gc only to print the live heap once everything is measured.
    const flags = [...process.execArgv, ...botNodeFlags(), '--expose-gc'];
    const child = spawn(process.execPath, [...flags, fileURLToPath(import.meta.url), '--measure', specFile, '--samples', String(SAMPLES), '--passes', String(PASSES), '--ticks', String(TICKS)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`measuring child exited with ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(line) as StepResult);
    });
  });
}

/**
 * One step's measuring, as the bot process would do it: open the store, run retention, the
 * planner's tick, an edition's build and personalization, then the commands; print the result
 * as one JSON line (peak RSS is this process's own).
 */
async function measureStep(specFile: string): Promise<void> {
  const spec = JSON.parse(fs.readFileSync(specFile, 'utf8')) as StepSpec;
  const started = performance.now();
  const say = (line: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s]   ${line}\n`);
  const store: Store = spec.pgUrl ? await openPostgresStore(spec.pgUrl, { schema: spec.schema! }) : openSqliteStore(spec.sqliteFile!);
  const api = await FakeBotApi.start({ floodLimits: false });
  const telegram = new Telegram(api.token, { apiRoot: api.apiRoot });
  const config = parseConfig({ ADMIN_IDS: String(ADMIN_ID), TIMEZONE: 'UTC', DIGEST_CRON: '0 8 * * *' });
  const logger = createLogger({ level: 'warn' });
  const settings = { timezone: 'UTC', maxStories: config.maxStories, topFigures: config.topFigures, windowHours: 24, digestsDir: spec.digestsDir };
  const now = spec.now;
  // The bot's clock: `now` until the commands are sampled, then moved on a minute before each minute's first /figures
  // (below), so that every command asks within the minute the bot last prepared, as in a running bot.
  let clock = now;
  const deps: BotDeps = { ...createBotDeps({ config, store, logger, settings }), now: () => new Date(clock) };
  const defaults = { timezone: 'UTC', digest: config.digestCron, maxAgeMs: config.missedDigestMaxAgeHours * 3_600_000 };
  try {
    const chats = spec.chats.map((id) => api.addChat({ id, type: 'private', first_name: 'Reader' }) as unknown as Chat.PrivateChat);
    const admin = api.addChat({ id: ADMIN_ID, type: 'private', first_name: 'Ops' }) as unknown as Chat.PrivateChat;
    // Retention as the bot runs it after a fetch cycle, until caught up (bodies that aged out since the last step).
    const retention = await timed(async () => {
      let total = 0;
      for (let n = -1; n !== 0; total += n) n = await store.dropArticleBodies(new Date(now - BODY_DAYS * DAY), 5_000);
      return total;
    });
    say(`retention emptied ${retention.value} bodies in ${retention.ms.toFixed(0)} ms; peak RSS ${peakRssMb()} MB`);

    // A running bot ticked a minute ago (its first tick of the day works out each schedule's slot: timed apart).
    const firstTick = await timed(() => findDueChats(store, new Date(now - 60_000), defaults));
    const ticks: number[] = [];
    let due = 0;
    for (let k = 0; k < TICKS; k++) {
      const tick = await timed(() => findDueChats(store, new Date(now), defaults));
      ticks.push(tick.ms);
      due = tick.value.length;
    }

    const peakAfterTick = peakRssMb();
    const build = await timed(() => currentDigest({ store, logger, settings, now: new Date(now) }));
    if (!build.value) throw new Error('no digest built: the window has no stories');
    const digest = build.value;
    // The outbox draws the edition's picture card once per edition and language before its first photo: as the bot does it.
    const card = await timed(() => deps.cards.card(digest.id, 'en'));
    if (!card.value) throw new Error('no card drawn for the edition');
    const peakAfterBuild = peakRssMb();
    // Every active, unpaused chat, as publishDigest walks the ids it is given: preferences a batch at a time.
    const personalize = await timed(async () => {
      const active = JSON.parse(fs.readFileSync(spec.activeFile, 'utf8')) as number[];
      let stories = 0;
      for await (const [, prefs] of eachChatPreferences(store, active)) stories += personalizeDigest(digest, prefs).stories.length;
      return active.length;
    });
    // The running bot reads the new edition's stories for /story ahead of the asks (start-window-preparation.ts): untimed.
    const preparedStories = await timed(() => prepareStories(deps));
    say(`edition of ${digest.stories.length} stories built in ${build.ms.toFixed(0)} ms, its card drawn in ${card.ms.toFixed(0)} ms; personalized for ${personalize.value} chats in ${(personalize.ms / 1000).toFixed(1)} s; planner tick median ${median(ticks).toFixed(0)} ms, slowest ${Math.max(...ticks).toFixed(0)} ms of ${TICKS} (${due} due); its stories read for /story in ${preparedStories.ms.toFixed(0)} ms; peak RSS after the tick ${peakAfterTick} MB, after the build and card ${peakAfterBuild} MB, after personalizing ${peakRssMb()} MB`);

    let why = 0;
    let minute = 0;
    // The zones the bot dates each minute's window in ahead of the asks (start-window-preparation.ts).
    const zones = zonesToPrepare(settings.timezone, await store.schedulesInUse());
    // Each: name, handler, input, and what the bot did before the ask (untimed; the deps it answers with).
    const commands: Array<[string, Handler, () => { chat: Chat.PrivateChat; args: string }, (() => Promise<BotDeps>)?]> = [
      ['/search', handleSearch, () => ({ chat: pick(chats), args: pick(SEARCHES) })],
      ['/figures <words>', handleFigures, () => ({ chat: pick(chats), args: pick(TOPICS) })],
      // The first /figures of each minute: the bot ranked that minute's window ahead of it and dated
      // it in the chats' zones (start-window-preparation.ts, 10 s before each minute turns), so the ask finds it built.
      // Each sample is a new minute of the hour after `now` (cycling: the 24-hour window keeps ≥ 23 hours of articles);
      // the other commands, interleaved with it, ask within that minute and share its prepared window.
      [
        '/figures, first in its minute',
        handleFigures,
        () => ({ chat: pick(chats), args: pick(TOPICS) }),
        async () => {
          clock = now + (1 + (minute++ % 60)) * 60_000;
          await prepareWindow(deps, new Date(clock), zones);
          return deps;
        },
      ],
      ['/why <number>', handleWhy, () => ({ chat: pick(chats), args: spec.whyTexts[why++ % spec.whyTexts.length]! })],
      ['/story N', handleStory, () => ({ chat: pick(chats), args: String(1 + Math.floor(random() * 3)) })],
      ['/status (/admin stats)', handleAdmin, () => ({ chat: admin, args: 'stats' })],
    ];
    // The store's part of those commands, alone: what history could make slower.
    let whyQuery = 0;
    const queries: Array<[string, () => Promise<unknown>]> = [
      ['store: searchArticles (30 days, 300)', () => store.searchArticles([pick(SEARCHES)], new Date(now - 30 * DAY), 300)],
      ['store: findFigures (7 days, 50)', () => store.findFigures(spec.whyQueries[whyQuery++ % spec.whyQueries.length]!, new Date(now - 7 * DAY), 50)],
      // As the edition build and the /figures window read it: without bodies (with them, this loop alone
      // made the measuring process's peak RSS: 50 reads of a day's bodies, ~150 MB of heap between collections).
      ['store: articlesForDigest (24 h, no bodies)', () => store.articlesForDigest({ fetchedSince: new Date(now - DAY), publishedSince: new Date(now - DAY) }, { bodies: false })],
      ['store: articleStats', () => store.articleStats()],
      ['store: getPreferences', () => store.getPreferences(pick(chats).id)],
    ];
    // Each measure (store query or command) as one sampling call; the commands called once first, untimed.
    const measures: Array<[string, () => Promise<Sample>]> = queries.map(([name, run]) => [name, () => sampled(run)]);
    const firstCalls: string[] = [];
    for (const [name, handler, input, before] of commands) {
      const command = name.split(' ')[0]!.slice(1);
      const call = async () => {
        const d = before ? await before() : deps;
        const { chat, args: text } = input();
        const ctx = commandContext(telegram, chat, `/${command} ${text}`);
        return sampled(() => handler(ctx, { name: command, args: text, chat, fromId: chat.id, senderChatId: null }, d));
      };
      // One untimed call first, as a running bot has answered before: what a process does once
      // (/story loads the sentence tagger) is not a command's latency. Printed apart.
      firstCalls.push(`${name} ${(await call()).ms.toFixed(0)} ms`);
      measures.push([name, call]);
    }
    // PASSES passes of SAMPLES samples each, the measures interleaved (one sample of each per round,
    // in a new order each round): a burst of load from the machine's other work hits every measure
    // alike rather than the one being timed, and a pass it spoils is outvoted by the others.
    const passes = new Map<string, PassSummary[]>(measures.map(([name]) => [name, []]));
    for (let pass = 0; pass < PASSES; pass++) {
      const samples = new Map<string, Sample[]>(measures.map(([name]) => [name, []]));
      for (let k = 0; k < SAMPLES; k++) {
        for (const [name, call] of shuffled(measures)) samples.get(name)!.push(await call());
      }
      for (const [name] of measures) passes.get(name)!.push(await summarize(samples.get(name)!));
      if (process.env.BENCH_RSS_TRACE) say(`pass ${pass + 1}: RSS ${rssMb()} MB, heap total ${Math.round(process.memoryUsage().heapTotal / 1_048_576)} used ${Math.round(process.memoryUsage().heapUsed / 1_048_576)} MB, external ${Math.round(process.memoryUsage().external / 1_048_576)} MB`);
    }
    const latencies: StepResult['commands'] = Object.fromEntries([...passes].map(([name, list]) => [name, acrossPasses(list)]));
    say(`first calls (untimed): ${firstCalls.join('; ')}; first tick of the process ${firstTick.ms.toFixed(0)} ms`);
    say(`bot process RSS now ${rssMb()} MB, peak ${peakRssMb()} MB; commands: ${Object.entries(latencies).map(([n, l]) => `${n} p50 ${l.p50.toFixed(1)} / p99 ${l.p99.toFixed(1)} ms`).join('; ')}`);
    // What each slowest sample was made of: its own CPU and GC against its wall time.
    say(`slowest samples (wall / own CPU / GC ms, load ${os.loadavg()[0]!.toFixed(1)}): ${Object.entries(latencies).map(([n, l]) => `${n} ${l.slowest.ms.toFixed(0)} / ${l.slowest.cpuMs.toFixed(0)} / ${l.slowest.gcMs.toFixed(0)}`).join('; ')}`);
    // What the peak is made of: the heap still live after a full collection, against the RSS.
    (globalThis as { gc?: () => void }).gc?.();
    say(`after a full GC: heap used ${Math.round(process.memoryUsage().heapUsed / 1_048_576)} MB, external ${Math.round(process.memoryUsage().external / 1_048_576)} MB, RSS ${rssMb()} MB`);
    const result: Omit<StepResult, 'load'> = { articles: spec.step, commands: latencies, build: build.ms, personalize: personalize.ms, chats: personalize.value, planner: median(ticks), plannerSlowest: Math.max(...ticks), due, retention: retention.value ? (retention.ms * 1000) / retention.value : 0, peakRss: peakRssMb() };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await api.close();
    await store.close();
  }
}

function printTable(results: StepResult[], adapter: string, seconds: number): void {
  // Each row: label, value, unit, and (p99 rows) the spread of the passes' values, printed after the median.
  type Row = [string, (r: StepResult) => number, string, ((r: StepResult) => [number, number])?];
  const rows: Row[] = [];
  const names = Object.keys(results[0]!.commands);
  for (const name of names.filter((n) => !n.startsWith('store:')).concat(names.filter((n) => n.startsWith('store:')))) {
    rows.push([`${name} p50`, (r) => r.commands[name]!.p50, 'ms']);
    rows.push([`${name} p99`, (r) => r.commands[name]!.p99, 'ms', (r) => [r.commands[name]!.p99Min, r.commands[name]!.p99Max]]);
  }
  rows.push(['digest build (one edition)', (r) => r.build, 'ms']);
  rows.push([`personalize all chats (${results[0]!.chats})`, (r) => r.personalize, 'ms']);
  rows.push(['build + personalize', (r) => r.build + r.personalize, 'ms']);
  rows.push([`planner tick (${SUBSCRIBERS} chats), median of ${TICKS}`, (r) => r.planner, 'ms']);
  rows.push([`planner tick, slowest of ${TICKS}`, (r) => r.plannerSlowest, 'ms']);
  rows.push(['retention, per 1,000 bodies emptied', (r) => r.retention, 'ms']);
  rows.push(['peak RSS of the bot process', (r) => r.peakRss, 'MB']);
  const head = ['measure', ...results.map((r) => `${r.articles.toLocaleString('en')} art.`), ...results.slice(1).map((r, i) => `×${results[i]!.articles / 1000}k→${r.articles / 1000}k`)];
  const lines = rows.map(([label, get, unit, spread]) => [
    `${label} (${unit})`,
    ...results.map((r) => `${get(r).toFixed(unit === 'MB' ? 0 : 1)}${spread ? ` (${spread(r).map((v) => v.toFixed(1)).join('–')})` : ''}`),
    // Nothing to compare with (no retention work at the first step): no ratio.
    ...results.slice(1).map((r, i) => (get(results[i]!) > 0 ? `${(get(r) / get(results[i]!)).toFixed(2)}×` : '—')),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(`\nbench:scale — ${adapter}, ${FEEDS} feeds, ${SUBSCRIBERS} subscribers, ${PER_DAY} articles a day (bodies kept ${BODY_DAYS} days), ${PASSES} passes of ${SAMPLES} samples a command; ${seconds.toFixed(0)} s in all, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const top = p99FromTop(SAMPLES);
  const rank = top === 1 ? 'the slowest sample' : `the ${top}${top === 2 ? 'nd' : top === 3 ? 'rd' : 'th'} slowest sample`;
  console.log(`p99 = ${rank} of a pass's ${SAMPLES}${top === 1 ? ' (one stall makes it)' : ` (the ${top - 1} slower left out)`}; one collection, checkpoint or burst of the machine's other work moves it, so each cell is the median over ${PASSES} passes (commands interleaved), p99s with the passes' min–max; p50 the median of the passes' p50s; growth = median ÷ median`);
  console.log(fmt(head));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const l of lines) console.log(fmt(l));
}

if (args.measure) await measureStep(args.measure);
else await main();
