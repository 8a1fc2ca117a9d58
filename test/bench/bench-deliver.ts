/**
 * Delivery throughput: one digest to N subscribers through the fake Bot API enforcing Telegram's
 * 30 msg/s global limit (and 1 msg/s per chat), sent by the real outbox worker from a SQLite file.
 * Prints achieved msg/s as a share of the configured rate (goal ≥ 95%), 429s received (goal 0)
 * and CPU ms per message (this process: worker + SQLite + telegraf + the fake server itself, so
 * an upper bound for the worker alone).
 *
 *   npm run bench:deliver -- --subscribers 10000 [--rate 25] [--parts 1]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Telegram } from 'telegraf';
import { FakeBotApi } from '../support/fake-bot-api.js';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { OutboxWorker } from '../../src/delivery/outbox.js';
import { FloodLimiter } from '../../src/delivery/flood-limiter.js';
import { TelegrafSender } from '../../src/delivery/telegraf-sender.js';
import { createLogger } from '../../src/support/logger.js';

const { values } = parseArgs({ options: { subscribers: { type: 'string' }, rate: { type: 'string' }, parts: { type: 'string' } } });
const n = Number(values.subscribers ?? 10_000);
const rate = Number(values.rate ?? 25);
const partCount = Number(values.parts ?? 1);

const api = await FakeBotApi.start({ floodLimits: { globalPerSecond: 30 } });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-bench-'));
const store = openSqliteStore(path.join(dir, 'kf.db'));
try {
  const chats = Array.from({ length: n }, (_, i) => 100_000 + i);
  const at = new Date().toISOString();
  // Bulk setup through a second connection to the file: thousands of subscribe() calls would time the setup, not delivery.
  const raw = new Database(path.join(dir, 'kf.db'));
  raw.transaction(() => {
    const insert = raw.prepare("INSERT INTO subscribers (chat_id, chat_type, active, subscribed_at) VALUES (?, 'private', 1, ?)");
    for (const id of chats) insert.run(id, at);
  })();
  raw.close();
  for (const id of chats) api.addChat({ id, type: 'private', first_name: 'B' });
  const parts = Array.from({ length: partCount }, (_, i) => `<b>KeyFigures</b> · 24 Nov 2026 — part ${i + 1}\n${'• 240 detainees freed\n'.repeat(40)}`);
  const digest = await store.saveDigest({ date: '2026-11-24', createdAt: at, timezone: 'UTC', stories: [] }, parts);
  await store.enqueueRendition(digest.id, await store.saveRendition(digest.id, parts), parts.length, chats, at);

  const worker = new OutboxWorker({
    store,
    sender: new TelegrafSender(new Telegram(api.token, { apiRoot: api.apiRoot })),
    logger: createLogger({ level: 'warn' }),
    limiter: new FloodLimiter({ globalPerSecond: rate, privateIntervalMs: 1000, groupPerMinute: 20 }),
    kind: 'bench',
  });
  process.stderr.write(`bench:deliver — ${n} subscribers × ${partCount} part(s) at ${rate} msg/s (fake API enforces 30/s): ~${Math.ceil((n * partCount) / rate)} s\n`);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await worker.start();
  await worker.run({ untilIdle: true, until: async () => (await store.deliveryCounts(digest.id)).pending === 0 });
  await worker.stop();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);

  const sent = api.sent();
  const span = (sent[sent.length - 1]!.at - sent[0]!.at) / 1000;
  const achieved = (sent.length - 1) / span;
  const tooMany = api.rejected().filter((r) => r.error_code === 429).length;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const result = {
    subscribers: n,
    messages: sent.length,
    expected: n * partCount,
    configuredRate: rate,
    achievedPerSecond: Number(achieved.toFixed(2)),
    shareOfLimit: `${((achieved / rate) * 100).toFixed(1)}%`,
    received429: tooMany,
    cpuMsPerMessage: Number((cpuMs / sent.length).toFixed(3)),
    wallSeconds: Number((wall / 1000).toFixed(1)),
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (sent.length !== n * partCount) process.exitCode = 1;
} finally {
  await store.close();
  await api.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
