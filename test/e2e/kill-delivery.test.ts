/**
 * Crash safety, on real parts: an operator's `keyfigures deliver --now` to 150 subscribers (three
 * different views of the edition, five chats that blocked the bot) while the real `keyfigures bot`
 * runs against the fake Bot API (Telegram's flood limits on). The command and the bot are killed
 * with SIGKILL the moment the first row of the edition is visible in the database, then the bot
 * is killed at random moments while it sends, again and again, and restarted.
 * - Queuing is all or nothing: when any chat has the edition, every chat has it.
 * - Nothing is lost: every reachable subscriber gets every part of its view, in order.
 * - Duplicates are bounded: at each kill at most MAX_IN_FLIGHT rows were on the wire, and the
 *   messages repeated overall are at most MAX_IN_FLIGHT per kill.
 * Heavier variants: KF_KILLS / KF_SUBSCRIBERS / KF_API_LATENCY_MS (default 60) environment variables.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { botEnv } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { MAX_IN_FLIGHT } from '../../src/delivery/outbox.js';
import { seededRandom } from '../support/fake-bot-api/limits.js';
import type { Story } from '../../src/domain/types.js';

const BIN = path.resolve(__dirname, '../../src/bin.mjs');
const SUBSCRIBERS = Number(process.env.KF_SUBSCRIBERS ?? 150);
const KILLS = Number(process.env.KF_KILLS ?? 8);
const PARTS = ['<b>KeyFigures</b> · part 1', 'part 2 of the digest'];
const BLOCKED = 5;
/** Round trip of the fake Bot API: sends take time on the wire, as they do over a network. */
const LATENCY_MS = Number(process.env.KF_API_LATENCY_MS ?? 60);

let api: FakeBotApi;
let dir: string;
let env: NodeJS.ProcessEnv;
let log = '';
const chats = Array.from({ length: SUBSCRIBERS }, (_, i) => 7000 + i);
const blocked = new Set(chats.slice(0, BLOCKED).map((c) => c + 1)); // 7001…7005: one of each view and more
const reachable = chats.filter((c) => !blocked.has(c));

const story = (number: number, title: string): Story => ({
  number, articleId: number, feedId: null, title, link: `https://news.example/${number}`, source: 'Wire',
  publishedAt: new Date().toISOString(), summary: title, figures: [],
});

beforeAll(async () => {
  api = await FakeBotApi.start({ latencyMs: LATENCY_MS });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-kill-'));
  env = botEnv(api, dir, { DIGEST_CRON: '0 0 1 1 *', FETCH_CRON: '0 0 1 1 *' });
  const store = openSqliteStore(env.DATABASE_PATH!);
  for (const [i, id] of chats.entries()) {
    api.addChat({ id, type: 'private', first_name: `U${id}` });
    await store.subscribe({ chatId: id, chatType: 'private', title: null }, new Date(Date.now() - 3_600_000).toISOString());
    // three views of one edition: both stories (the edition's two parts), only the port story, only the rail story
    if (i % 3 === 1) await store.setTopics(id, { include: ['port'], exclude: [] });
    if (i % 3 === 2) await store.setTopics(id, { include: [], exclude: ['port'] });
  }
  for (const id of blocked) api.blockChat(id);
  // No article in the window: deliver --now sends the latest saved edition.
  await store.saveDigest(
    { date: '2026-11-24', createdAt: new Date(Date.now() - 3_600_000).toISOString(), timezone: 'UTC', stories: [story(1, 'Port strike ends'), story(2, 'Rail line reopens')] },
    PARTS,
  );
  await store.close();
});

afterAll(async () => {
  await api?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function start(args: string[]): ChildProcess {
  const child = spawn(process.execPath, [BIN, ...args], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  return child;
}
const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A read-only look at the outbox, as it stands on disk; `onWire`: rows whose send started since `since` and has no outcome. */
function outbox(since = '') {
  const db = new Database(env.DATABASE_PATH!, { readonly: true });
  try {
    return {
      chatsQueued: (db.prepare('SELECT COUNT(DISTINCT chat_id) AS n FROM deliveries').get() as { n: number }).n,
      onWire: (db.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE state = 'pending' AND sending_since >= ?").get(since) as { n: number }).n,
      rows: db.prepare('SELECT chat_id AS chatId, state FROM deliveries').all() as Array<{ chatId: number; state: string }>,
    };
  } finally {
    db.close();
  }
}

const key = (m: { chat_id: number; html: string }) => `${m.chat_id}:${m.html}`;
const duplicatesSoFar = () => api.sent().length - new Set(api.sent().map(key)).size;
const resendsSoFar = () => (log.match(/re-sending a part whose earlier send was cut off/g) ?? []).length;

describe(`kill -9 during deliver --now (${SUBSCRIBERS} subscribers, ${KILLS} kills)`, { timeout: 150_000 }, () => {
  it('queues every chat or none, loses nothing, and repeats at most MAX_IN_FLIGHT messages per kill', async () => {
    const random = seededRandom(42);
    const onWireAtKill: number[] = [];
    let kills = 0;

    // The bot runs; the operator asks for the edition now; both die as soon as any of it is queued.
    let startedAt = new Date().toISOString();
    let bot = start(['bot']);
    while (!log.includes('bot started')) {
      expect(bot.exitCode, log).toBeNull();
      await sleep(50);
    }
    const command = start(['deliver', '--now']);
    while (outbox().chatsQueued === 0 && command.exitCode === null) await sleep(2);
    command.kill('SIGKILL');
    bot.kill('SIGKILL');
    await Promise.all([exited(command), exited(bot)]);
    kills++;
    onWireAtKill.push(outbox(startedAt).onWire);
    expect.soft(outbox().chatsQueued, 'chats holding the edition right after the kill').toBe(SUBSCRIBERS);

    // The bot restarts and is killed at a random moment within its next ~40 messages, again and again.
    const total = () => new Set(outbox().rows.filter((r) => !blocked.has(r.chatId)).map((r) => r.chatId)).size;
    expect(total()).toBe(reachable.length);
    const expectedMessages = outbox().rows.filter((r) => !blocked.has(r.chatId)).length;
    for (; kills < KILLS && new Set(api.sent().map(key)).size < expectedMessages; kills++) {
      startedAt = new Date().toISOString();
      bot = start(['bot']);
      const target = new Set(api.sent().map(key)).size + 1 + Math.floor(random() * 40);
      await api.waitFor(() => new Set(api.sent().map(key)).size >= Math.min(target, expectedMessages), 20_000).catch(() => undefined);
      await sleep(Math.floor(random() * 60));
      bot.kill('SIGKILL');
      await exited(bot);
      onWireAtKill.push(outbox(startedAt).onWire);
    }
    console.log(`kill test: sends on the wire at each kill [${onWireAtKill.join(',')}] (bound ${MAX_IN_FLIGHT})`);

    // A graceful stop mid-delivery: sends on the wire finish, leases are given back, exit 0, and the
    // only repeats are the previous kill's cut-off sends (logged as such when this process took them).
    const dupsBeforeTerm = duplicatesSoFar();
    const resendsBeforeTerm = resendsSoFar();
    const logFrom = log.length;
    const termed = start(['bot']);
    const atTerm = api.sent().length;
    await api.waitFor(() => api.sent().length >= Math.min(atTerm + 10, expectedMessages), 20_000).catch(() => undefined);
    while (!log.slice(logFrom).includes('bot started') && termed.exitCode === null) await sleep(50);
    termed.kill('SIGTERM');
    expect(await exited(termed)).toBe(0);
    expect(duplicatesSoFar() - dupsBeforeTerm).toBeLessThanOrEqual(resendsSoFar() - resendsBeforeTerm);

    const lastFrom = log.length;
    bot = start(['bot']);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && outbox().rows.some((r) => r.state === 'pending')) await sleep(100);
    // With nothing left pending the loop ends at once: a SIGTERM before the bot has its handlers
    // (still loading, on a busy machine) would kill it with the default action, exit code null.
    while (!log.slice(lastFrom).includes('bot started') && bot.exitCode === null) await sleep(50);
    bot.kill('SIGTERM');
    expect(await exited(bot)).toBe(0);

    const accepted = api.sent();
    const duplicates = duplicatesSoFar();
    console.log(
      `kill test: ${LATENCY_MS} ms round trip, ${SUBSCRIBERS} subscribers (${reachable.length} reachable), ${kills} kills, ` +
        `${accepted.length} accepted, ${duplicates} duplicate(s), ${resendsSoFar()} uncertain re-send(s), ${api.rejected().length} 4xx`,
    );
    const rows = outbox().rows;
    const lost = reachable.filter((chat) => rows.some((r) => r.chatId === chat && r.state !== 'sent'));
    expect.soft(lost, 'reachable subscribers without the whole edition').toEqual([]);
    for (const [i, chat] of chats.entries()) {
      if (blocked.has(chat)) {
        expect(api.sent(chat)).toEqual([]);
        continue;
      }
      const got = api.sent(chat).map((m) => m.html);
      expect(new Set(got).size, `chat ${chat}`).toBe(rows.filter((r) => r.chatId === chat).length);
      if (i % 3 === 0) {
        expect(new Set(got), `chat ${chat}`).toEqual(new Set(PARTS));
        expect(got.indexOf(PARTS[0]!)).toBeLessThan(got.indexOf(PARTS[1]!)); // in order
      } else {
        expect(got[0], `chat ${chat}`).toContain(i % 3 === 1 ? 'Port strike ends' : 'Rail line reopens');
      }
    }
    expect(kills).toBeGreaterThanOrEqual(Math.min(KILLS, 10));
    for (const n of onWireAtKill) expect.soft(n).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    expect(duplicates).toBeLessThanOrEqual(MAX_IN_FLIGHT * kills);
    expect(api.rejected().filter((r) => r.error_code === 429)).toEqual([]);
  });
});
