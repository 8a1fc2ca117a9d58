/**
 * The outbox against the fake Bot API with Telegram's flood limits on: real HTTP, real SQLite
 * files, telegraf's Telegram client. Two workers on one database; 5% server errors; bursts of 429.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Telegram } from 'telegraf';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { OutboxWorker, drainOutbox } from '../../src/delivery/outbox.js';
import { FloodLimiter } from '../../src/delivery/flood-limiter.js';
import { TelegrafSender } from '../../src/delivery/telegraf-sender.js';
import { createLogger } from '../../src/support/logger.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { renderDigestView } from '../../src/delivery/digest-view.js';
import { splitPart } from '../../src/delivery/digest-part.js';
import { textView, viewGroup } from '../support/digest-views.js';

const logger = createLogger({ level: 'silent' });
let dir: string;
let api: FakeBotApi | undefined;
const stores: SqliteStore[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-outbox-'));
});
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  await api?.close();
  api = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(): SqliteStore {
  const store = openSqliteStore(path.join(dir, 'kf.db'));
  stores.push(store);
  return store;
}

/** N chats (ids 1001…; every 10th a group with a negative id) subscribed; a digest of `parts` queued for all. */
async function seed(store: SqliteStore, fake: FakeBotApi, n: number, parts: string[] = TITLES) {
  const chats: number[] = [];
  for (let i = 0; i < n; i++) {
    const id = i % 10 === 9 ? -(2000 + i) : 1000 + i;
    if (id < 0) fake.addChat({ id, type: 'group', title: `Group ${i}` });
    else fake.addChat({ id, type: 'private', first_name: `User ${i}` });
    await store.subscribe({ chatId: id, chatType: id < 0 ? 'group' : 'private', title: null }, new Date());
    chats.push(id);
  }
  const digest = await store.saveDigest({ date: '2026-11-24', createdAt: new Date(), timezone: 'UTC', stories: [] });
  await store.enqueueEdition(digest.id, [viewGroup(textView(parts), chats)], null);
  return { chats, digest };
}

const sender = (fake: FakeBotApi) => new TelegrafSender(new Telegram(fake.token, { apiRoot: fake.apiRoot }));
const limiter = (rate = 25) => new FloodLimiter({ globalPerSecond: rate, privateIntervalMs: 1000, groupPerMinute: 20 });
/** The edition's two messages (one story each) as Telegram receives them: the HTML, its buttons apart. */
const TITLES = ['Part one', 'Part two'];
const PARTS = renderDigestView(textView(TITLES)).map((part) => splitPart(part).html);

describe('outbox through the fake Bot API', { timeout: 60_000 }, () => {
  it('two workers on one database send every part exactly once, in order, with no 429', async () => {
    api = await FakeBotApi.start();
    const { chats, digest } = await seed(open(), api, 60);
    const workers = [open(), open()].map((store) => new OutboxWorker({ store, sender: sender(api!), logger, limiter: limiter(12), pollMs: 50 }));
    await Promise.all(workers.map((w) => w.start()));
    const runs = workers.map((w) => w.run({ untilIdle: true }));
    const reports = await Promise.all(runs);
    await Promise.all(workers.map((w) => w.stop()));

    expect(reports[0]!.sent + reports[1]!.sent).toBe(chats.length * PARTS.length);
    expect(reports[0]!.sent).toBeGreaterThan(0);
    expect(reports[1]!.sent).toBeGreaterThan(0); // both really worked
    for (const chat of chats) expect(api.sent(chat).map((m) => m.html)).toEqual(PARTS);
    expect(api.rejected()).toEqual([]);
    expect(await stores[0]!.deliveryCounts(digest.id)).toMatchObject({ sent: 120, pending: 0 });
  });

  it('survives 5% server errors and bursts of 429: all delivered, retry_after respected, blocked chats deactivated, migrations followed', async () => {
    api = await FakeBotApi.start({ faults: { rate: 0.05, seed: 7, methods: ['sendMessage'] } });
    const store = open();
    const { chats } = await seed(store, api, 50);
    const blocked = [1001, 1002, 1003];
    api.blockChat(1001, 'blocked');
    api.blockChat(1002, 'deactivated');
    api.blockChat(1003, 'kicked');
    api.migrateChat(-2009, -1002009);
    api.addChat({ id: -1002009, type: 'supergroup', title: 'Upgraded' });
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 2', retry_after: 2, count: 4 });
    const worker = new OutboxWorker({ store, sender: sender(api), logger, limiter: limiter(), pollMs: 50, maxBackoffMs: 2_000 });
    await worker.start();
    const burst = setTimeout(() => api!.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1, count: 3 }), 1_500);
    const report = await worker.run({ untilIdle: true, until: async () => (await store.deliveryCounts()).pending === 0 });
    clearTimeout(burst);
    await worker.stop();

    const live = chats.filter((c) => !blocked.includes(c) && c !== -2009);
    for (const chat of live) expect(api.sent(chat).map((m) => m.html), `chat ${chat}`).toEqual(PARTS);
    expect(api.sent(-1002009).map((m) => m.html)).toEqual(PARTS);
    for (const chat of blocked) {
      expect(api.sent(chat)).toEqual([]);
      expect(await store.getSubscriber(chat)).toMatchObject({ active: false });
    }
    expect(report.deactivated).toBe(3);
    expect(report.rateLimited).toBeGreaterThanOrEqual(7);
    expect(api.calls('sendMessage').filter((c) => c.status >= 500).length).toBeGreaterThan(0);

    // No send to a chat before its retry_after elapsed.
    const calls = api.calls('sendMessage');
    for (const [i, call] of calls.entries()) {
      const retryAfter = call.parameters?.retry_after;
      if (call.status !== 429 || retryAfter === undefined) continue;
      const chat = Number(call.params.chat_id);
      const next = calls.slice(i + 1).find((c) => Number(c.params.chat_id) === chat);
      expect(next, `a retry to chat ${chat}`).toBeDefined();
      expect(next!.at - call.at, `chat ${chat} retried too early`).toBeGreaterThanOrEqual(retryAfter * 1000 - 5);
    }
    // No duplicates anywhere.
    const accepted = api.sent().map((m) => `${m.chat_id}:${m.html}`);
    expect(new Set(accepted).size).toBe(accepted.length);
  });

  it('records sends and failures by reason in the Prometheus counters', async () => {
    api = await FakeBotApi.start({ floodLimits: false });
    const store = open();
    const { chats } = await seed(store, api, 3, ['only part']);
    api.blockChat(chats[1]!);
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    const metrics = createMetrics({ defaultMetrics: false });
    await drainOutbox({ store, sender: sender(api), logger, limiter: limiter(), metrics, pollMs: 50 });
    const values = async (name: string) => Object.fromEntries((await metrics.registry.getSingleMetric(name)!.get()).values.map((v) => [v.labels.reason ?? '', v.value]));
    // the 429'd message waits out retry_after: a drain now leaves it queued, the next one sends it
    expect(await values('keyfigures_messages_sent_total')).toEqual({ '': 1 });
    await new Promise((r) => setTimeout(r, 1_100));
    await drainOutbox({ store, sender: sender(api), logger, limiter: limiter(), metrics, pollMs: 50 });
    expect(await values('keyfigures_messages_sent_total')).toEqual({ '': 2 });
    expect(await values('keyfigures_messages_failed_total')).toMatchObject({ rate_limited: 1, chat_gone: 1, transient: 0, rejected: 0 });
  });

  it('gives back unsent leases on stop, and another worker takes them over at once', async () => {
    api = await FakeBotApi.start();
    const first = open();
    const { chats } = await seed(first, api, 30);
    const a = new OutboxWorker({ store: first, sender: sender(api), logger, limiter: limiter(10), pollMs: 50 });
    await a.start();
    void a.run();
    await api.waitFor(() => api!.sent().length >= 10, 10_000);
    await a.stop();
    const sentByA = api.sent().length;
    expect(sentByA).toBeLessThan(60);
    const report = await drainOutbox({ store: open(), sender: sender(api), logger, limiter: limiter(25), pollMs: 50 });
    expect(sentByA + report.sent).toBe(60);
    for (const chat of chats) expect(api.sent(chat).map((m) => m.html)).toEqual(PARTS);
  });
});
