/**
 * Delivery throughput against the fake Bot API enforcing Telegram's limits (30 msg/s for the bot,
 * 1 msg/s per chat). Prints achieved msg/s as a share of the configured rate (goal ≥ 95%) and the
 * 429s received (goal 0).
 *
 * In process (default): one digest to N subscribers sent by the real outbox worker from a SQLite
 * file, in this process; also CPU ms per message (worker + SQLite + telegraf + the fake server
 * itself, so an upper bound for the worker alone).
 *
 *   npm run bench:deliver -- --subscribers 10000 [--rate 25] [--parts 1]
 *
 * A fleet (`--instances N`): real `keyfigures bot` processes on one database and one token, and an
 * operator's `keyfigures deliver --now`; run once with 1 instance and once with N, each on a fresh
 * database, so the fleet's msg/s has its peer next to it. Several instances need PostgreSQL (on
 * SQLite each process paces itself alone); each run gets its own schema, dropped afterwards.
 *
 *   npm run bench:deliver -- --instances 3 --database-url postgres://postgres@127.0.0.1:5432/test [--subscribers 1000] [--latency 60]
 *
 * `--in-flight N` sets SEND_IN_FLIGHT (default 1: one send on the wire per process, so a crash
 * repeats at most one message) to see what more sends in flight buy on a slow link.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Telegram } from 'telegraf';
import pg from 'pg';
import { FakeBotApi } from '../support/fake-bot-api.js';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { openStore, isPostgresUrl, splitSchema } from '../../src/store/open-store.js';
import type { DatabaseLocation } from '../../src/store/database-location.js';
import { OutboxWorker } from '../../src/delivery/outbox.js';
import { FloodLimiter } from '../../src/delivery/flood-limiter.js';
import { TelegrafSender } from '../../src/delivery/telegraf-sender.js';
import { createLogger } from '../../src/support/logger.js';
import { botEnv, runCli, startBotProcess, type BotProcess } from '../support/bot-process.js';
import { longStory, textView, viewGroup } from '../support/digest-views.js';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string' },
    rate: { type: 'string' },
    parts: { type: 'string' },
    instances: { type: 'string' },
    'database-url': { type: 'string' },
    latency: { type: 'string' },
    'in-flight': { type: 'string' },
  },
});
const fleetMode = values.instances !== undefined || values['database-url'] !== undefined;
const n = Number(values.subscribers ?? (fleetMode ? 1_000 : 10_000));
const rate = Number(values.rate ?? 25);
const partCount = Number(values.parts ?? 1);
const instances = Number(values.instances ?? 1);
const databaseUrl = values['database-url'];
const latencyMs = Number(values.latency ?? (fleetMode ? 60 : 0));
const inFlight = Number(values['in-flight'] ?? 1);

/** One long story per message: the edition renders to `partCount` messages per chat. */
const titles = Array.from({ length: partCount }, (_, i) => `24 Nov 2026 — part ${i + 1}`);
const stories = titles.map((title, i) => longStory(i + 1, title));
const chats = Array.from({ length: n }, (_, i) => 100_000 + i);

/** What one run measured, from the fake API's clock. */
function measure(api: FakeBotApi, wallMs: number) {
  const sent = api.sent();
  const span = (sent[sent.length - 1]!.at - sent[0]!.at) / 1000;
  const achieved = (sent.length - 1) / span;
  return {
    subscribers: n,
    messages: sent.length,
    expected: n * partCount,
    configuredRate: rate,
    sendsInFlight: inFlight,
    achievedPerSecond: Number(achieved.toFixed(2)),
    shareOfLimit: `${((achieved / rate) * 100).toFixed(1)}%`,
    received429: api.rejected().filter((r) => r.error_code === 429).length,
    wallSeconds: Number((wallMs / 1000).toFixed(1)),
  };
}

/** Subscribers in bulk through a second connection: thousands of subscribe() calls would time the setup, not delivery. */
async function addSubscribers(location: DatabaseLocation, at: string): Promise<void> {
  if (location.kind === 'sqlite') {
    const raw = new Database(location.path);
    raw.transaction(() => {
      const insert = raw.prepare("INSERT INTO subscribers (chat_id, chat_type, active, subscribed_at) VALUES (?, 'private', 1, ?)");
      for (const id of chats) insert.run(id, at);
    })();
    raw.close();
    return;
  }
  const { url, schema } = splitSchema(location.url);
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  try {
    await client.query("INSERT INTO subscribers (chat_id, chat_type, active, subscribed_at) SELECT i, 'private', TRUE, $3 FROM generate_series($1::bigint, $2::bigint) AS i", [chats[0], chats.at(-1), at]);
  } finally {
    await client.end();
  }
}

async function dropSchema(location: DatabaseLocation): Promise<void> {
  if (location.kind !== 'postgres') return;
  const { url, schema } = splitSchema(location.url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** The worker in this process, from a SQLite file. */
async function inProcess(): Promise<void> {
  const api = await FakeBotApi.start({ floodLimits: { globalPerSecond: 30 }, latencyMs });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-bench-'));
  const store = openSqliteStore(path.join(dir, 'kf.db'));
  try {
    const at = new Date().toISOString();
    await addSubscribers({ kind: 'sqlite', path: path.join(dir, 'kf.db') }, at);
    for (const id of chats) api.addChat({ id, type: 'private', first_name: 'B' });
    const digest = await store.saveDigest({ date: '2026-11-24', createdAt: new Date(at), timezone: 'UTC', stories });
    await store.enqueueEdition(digest.id, [viewGroup(textView(titles), chats)], new Date(at));

    const worker = new OutboxWorker({
      store,
      sender: new TelegrafSender(new Telegram(api.token, { apiRoot: api.apiRoot })),
      logger: createLogger({ level: 'warn' }),
      limiter: new FloodLimiter({ globalPerSecond: rate, privateIntervalMs: 1000, groupPerMinute: 20 }),
      maxInFlight: inFlight,
      kind: 'bench',
    });
    process.stderr.write(`bench:deliver — ${n} subscribers × ${partCount} part(s) at ${rate} msg/s (fake API enforces 30/s): ~${Math.ceil((n * partCount) / rate)} s\n`);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await worker.start();
    await worker.run({ untilIdle: true, until: async () => (await store.deliveryCounts(digest.id)).pending === 0 });
    await worker.stop();
    const cpu = process.cpuUsage(cpu0);
    const result = measure(api, performance.now() - t0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    process.stdout.write(`${JSON.stringify({ ...result, cpuMsPerMessage: Number((cpuMs / result.messages).toFixed(3)) }, null, 2)}\n`);
    if (result.messages !== result.expected) process.exitCode = 1;
  } finally {
    await store.close();
    await api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `count` real bot processes on a fresh database send `deliver --now`'s edition; what the fake API saw. */
async function fleetRun(count: number): Promise<ReturnType<typeof measure> & { instances: number }> {
  const api = await FakeBotApi.start({ floodLimits: { globalPerSecond: 30 }, latencyMs });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-bench-'));
  const schema = `bench_deliver_${process.pid}_${count}`;
  const location: DatabaseLocation = databaseUrl
    ? { kind: 'postgres', url: `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}schema=${schema}` }
    : { kind: 'sqlite', path: path.join(dir, 'kf.db') };
  const env = botEnv(api, dir, {
    ...(location.kind === 'postgres' ? { DATABASE_URL: location.url } : { DATABASE_PATH: location.path }),
    DIGEST_CRON: '0 0 1 1 *',
    FETCH_CRON: '0 0 1 1 *',
    SEND_RATE_PER_SECOND: String(rate),
    SEND_IN_FLIGHT: String(inFlight),
    LOG_LEVEL: 'warn',
  });
  const bots: BotProcess[] = [];
  try {
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const store = await openStore(location);
    try {
      await addSubscribers(location, at);
      // No article in the window: deliver --now sends the latest saved edition.
      await store.saveDigest({ date: '2026-11-24', createdAt: new Date(at), timezone: 'UTC', stories });
    } finally {
      await store.close();
    }
    for (const id of chats) api.addChat({ id, type: 'private', first_name: 'B' });
    for (let i = 0; i < count; i++) bots.push(startBotProcess({ ...env, LOG_LEVEL: 'info' }, dir));
    await Promise.all(bots.map((b) => b.waitForOutput(/"msg":"(leading|standing by)"/, 60_000)));
    process.stderr.write(`bench:deliver — ${count} bot process(es), ${n} subscribers × ${partCount} part(s) at ${rate} msg/s: ~${Math.ceil((n * partCount) / rate)} s\n`);
    const t0 = performance.now();
    const delivered = await runCli(['deliver', '--now'], env, dir);
    if (delivered.status !== 0) throw new Error(`deliver --now failed: ${delivered.stderr}`);
    const expected = n * partCount;
    await api.waitFor(() => api.sent().length >= expected, (expected / rate) * 1000 * 3 + 30_000).catch(() => undefined);
    return { instances: count, ...measure(api, performance.now() - t0) };
  } finally {
    await Promise.all(bots.map((b) => b.stop()));
    await api.close();
    await dropSchema(location).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function fleet(): Promise<void> {
  if (instances > 1 && !(databaseUrl && isPostgresUrl(databaseUrl))) {
    process.stderr.write('bench:deliver: --instances above 1 needs --database-url postgres://… (on SQLite each process paces itself alone)\n');
    process.exitCode = 2;
    return;
  }
  const runs = [await fleetRun(1)];
  if (instances > 1) runs.push(await fleetRun(instances));
  for (const r of runs) process.stdout.write(`${JSON.stringify(r)}\n`);
  const [one, many] = runs;
  if (many) {
    process.stdout.write(
      `fleet of ${many.instances}: ${many.achievedPerSecond} msg/s = ${many.shareOfLimit} of the ${rate} msg/s limit, ${many.received429} × 429; ` +
        `1 instance: ${one!.achievedPerSecond} msg/s = ${one!.shareOfLimit}; fleet / 1 instance = ${(many.achievedPerSecond / one!.achievedPerSecond).toFixed(2)}\n`,
    );
  }
  if (runs.some((r) => r.messages !== r.expected)) process.exitCode = 1;
}

await (fleetMode ? fleet() : inProcess());
