/**
 * Crash safety, on real parts: the real `keyfigures bot` process sends a digest to 200
 * subscribers through the fake Bot API (Telegram's flood limits on) and is killed with SIGKILL at
 * random moments, again and again, then restarted. Every subscriber must get every part, in
 * order; duplicates (a part accepted by Telegram but not yet committed when the kill came) are
 * counted: at most one per kill. Heavier variants: KF_KILLS / KF_SUBSCRIBERS environment variables.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { botEnv } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { seededRandom } from '../support/fake-bot-api/limits.js';

const BIN = path.resolve(__dirname, '../../src/bin.mjs');
const SUBSCRIBERS = Number(process.env.KF_SUBSCRIBERS ?? 200);
const KILLS = Number(process.env.KF_KILLS ?? 10);
const PARTS = ['<b>KeyFigures</b> · part 1', 'part 2 of the digest'];

let api: FakeBotApi;
let dir: string;
let env: NodeJS.ProcessEnv;
let log = '';
const chats = Array.from({ length: SUBSCRIBERS }, (_, i) => 7000 + i);

beforeAll(async () => {
  api = await FakeBotApi.start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-kill-'));
  env = botEnv(api, dir, {
    DIGEST_CRON: '0 0 1 1 *',
    FETCH_CRON: '0 0 1 1 *',
  });
  const store = openSqliteStore(env.DATABASE_PATH!);
  for (const id of chats) {
    api.addChat({ id, type: 'private', first_name: `U${id}` });
    await store.subscribe({ chatId: id, chatType: 'private', title: null }, new Date().toISOString());
  }
  const digest = await store.saveDigest({ date: '2026-11-24', createdAt: new Date().toISOString(), timezone: 'UTC', stories: [] }, PARTS);
  await store.enqueueRendition(digest.id, await store.saveRendition(digest.id, PARTS), PARTS.length, chats, new Date().toISOString());
  await store.close();
});

afterAll(async () => {
  await api?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function startBot(): ChildProcess {
  const child = spawn(process.execPath, [BIN, 'bot'], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  return child;
}
const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const total = SUBSCRIBERS * PARTS.length;

describe(`kill -9 during delivery (${SUBSCRIBERS} subscribers, ${KILLS} kills)`, { timeout: 120_000 }, () => {
  it('loses nothing and duplicates at most one message per kill', async () => {
    const random = seededRandom(42);
    let kills = 0;
    for (; kills < KILLS && api.sent().length < total; kills++) {
      const bot = startBot();
      const before = api.sent().length;
      // wait for this process to start sending, then kill it at a random moment within the next ~40 messages
      const target = before + 1 + Math.floor(random() * 40);
      await api.waitFor(() => api.sent().length >= Math.min(target, total), 20_000).catch(() => undefined);
      await sleep(Math.floor(random() * 60));
      bot.kill('SIGKILL');
      await exited(bot);
    }
    // a graceful stop mid-delivery: in-flight sends finish, leases are given back, exit 0
    const duplicatesSoFar = () => api.sent().length - new Set(api.sent().map((m) => `${m.chat_id}:${m.html}`)).size;
    const resendsSoFar = () => (log.match(/re-sending a part whose earlier send was cut off/g) ?? []).length;
    const dupsBeforeTerm = duplicatesSoFar();
    const resendsBeforeTerm = resendsSoFar();
    const termed = startBot();
    const atTerm = api.sent().length;
    await api.waitFor(() => api.sent().length >= Math.min(atTerm + 10, total), 20_000).catch(() => undefined);
    termed.kill('SIGTERM');
    expect(await exited(termed)).toBe(0);
    // The only duplicates allowed here are the last kill's in-flight part, re-sent (and logged as
    // such) when this process started; the graceful stop itself must add none.
    expect(duplicatesSoFar() - dupsBeforeTerm).toBeLessThanOrEqual(resendsSoFar() - resendsBeforeTerm);

    const bot = startBot();
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && new Set(api.sent().map((m) => `${m.chat_id}:${m.html}`)).size < total) await sleep(100);
    bot.kill('SIGTERM');
    expect(await exited(bot)).toBe(0);

    const accepted = api.sent();
    const unique = new Set(accepted.map((m) => `${m.chat_id}:${m.html}`));
    const duplicates = accepted.length - unique.size;
    const resent = (log.match(/re-sending a part whose earlier send was cut off/g) ?? []).length;
    console.log(`kill test: ${SUBSCRIBERS} subscribers × ${PARTS.length} parts, ${kills} kills, ${accepted.length} accepted, ${duplicates} duplicate(s), ${resent} uncertain re-send(s), ${api.rejected().length} 4xx`);
    for (const chat of chats) {
      const got = api.sent(chat).map((m) => m.html);
      expect(new Set(got), `chat ${chat}`).toEqual(new Set(PARTS));
      // in order: the first occurrence of each part follows the previous part
      expect(got.indexOf(PARTS[0]!)).toBeLessThan(got.indexOf(PARTS[1]!));
    }
    expect(kills).toBeGreaterThanOrEqual(Math.min(KILLS, 10));
    expect(duplicates).toBeLessThanOrEqual(kills);
    expect(api.rejected().filter((r) => r.error_code === 429)).toEqual([]);
  });
});
