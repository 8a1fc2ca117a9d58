/**
 * Operators' delivery controls on real processes: `keyfigures schedule` (validated, persisted,
 * applied by the running bot without restart) and `keyfigures deliver --now` (sent by the running
 * bot, or by the command itself when no bot runs), against the fake Bot API.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, botEnv } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { portStrikeArticle } from '../support/sample-news.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { longStory, titleIn } from '../support/digest-views.js';

/** Two saved editions, told apart by their one story. */
const EDITIONS = ['Edition one', 'Edition two'];

const BIN = path.resolve(__dirname, '../../src/bin.mjs');
const CHATS = [8001, 8002, 8003];
let api: FakeBotApi;
let dir: string;
let env: NodeJS.ProcessEnv;
let log = '';

beforeAll(async () => {
  api = await FakeBotApi.start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-deliver-'));
  env = botEnv(api, dir, {
    DIGEST_CRON: '0 0 1 1 *',
    FETCH_CRON: '0 0 1 1 *',
    SCHEDULE_CHECK_SECONDS: '1',
  });
  const store = openSqliteStore(env.DATABASE_PATH!);
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const id of CHATS) {
    api.addChat({ id, type: 'private', first_name: `U${id}` });
    await store.subscribe({ chatId: id, chatType: 'private', title: null }, new Date(anHourAgo));
  }
  await store.saveDigest({ date: '2026-11-24', createdAt: anHourAgo, timezone: 'UTC', stories: [longStory(1, 'Edition one', { articleId: 1 })] });
  await store.close();
});

afterAll(async () => {
  await api?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** `keyfigures ARGS` in this test's environment, without blocking the servers living here. */
const cli = (...args: string[]) => runCli(args, env, dir);

describe('keyfigures schedule and deliver', { timeout: 60_000 }, () => {
  it('schedule set refuses invalid values, listing each, and changes nothing', async () => {
    const bad = await cli('schedule', 'set', '--fetch', '61 * * * *', '--timezone', 'Mars/Olympus', '--digest', '25:00');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--fetch "61 * * * *" is not a valid cron expression');
    expect(bad.stderr).toContain('--timezone "Mars/Olympus" is not an IANA time zone');
    expect(bad.stderr).toContain('--digest "25:00" is neither a time HH:MM');
    const shown = JSON.parse((await cli('schedule', 'show', '--json')).stdout);
    expect(shown).toMatchObject({ fetchCron: '0 0 1 1 *', digest: '0 0 1 1 *', timezone: 'UTC', overridden: [] });
  });

  it('deliver --now with no bot running sends from the command, once per edition', async () => {
    const first = await cli('deliver', '--now');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('No bot is running: sending from here.');
    for (const id of CHATS) expect(api.sent(id).map((m) => titleIn(m.html, EDITIONS))).toEqual(['Edition one']);
    const again = await cli('deliver', '--now');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('0 message(s) queued');
    expect(api.sent().length).toBe(CHATS.length);
  });

  it('the running bot sends deliver --now within seconds, and applies a schedule change without restart', async () => {
    const bot: ChildProcess = spawn(process.execPath, [BIN, 'bot'], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    bot.stdout!.on('data', (d) => (log += d));
    bot.stderr!.on('data', (d) => (log += d));
    try {
      const deadline = Date.now() + 20_000;
      while (!log.includes('bot started') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(log).toContain('bot started');

      // a new edition, then deliver --now for one chat: the bot (live heartbeat) sends it
      const store = openSqliteStore(env.DATABASE_PATH!);
      await store.saveDigest({ date: '2026-11-24', createdAt: new Date(), timezone: 'UTC', stories: [longStory(1, 'Edition two', { articleId: 2 })] });
      const now = await cli('deliver', '--now', '--chat', String(CHATS[0]));
      expect(now.status, now.stderr).toBe(0);
      expect(now.stdout).toMatch(/The running bot \(pid \d+\) sends it now/);
      const t0 = Date.now();
      await api.waitFor((m) => m.chat_id === CHATS[0] && titleIn(m.html, EDITIONS) === 'Edition two', 5_000);
      expect(Date.now() - t0).toBeLessThan(5_000);

      // a story arrives; the operator changes the default digest schedule (every 2 s, so it is due
      // at once): the running bot picks it up at its next check and each chat gets the new edition once
      await store.saveArticle(portStrikeArticle());
      await store.close();
      const set = await cli('schedule', 'set', '--digest', '*/2 * * * * *', '--timezone', 'UTC');
      expect(set.status, set.stderr).toBe(0);
      expect(set.stdout).toContain('digest    */2 * * * * *');
      expect(set.stdout).toContain('(database)');
      for (const id of CHATS) await api.waitFor((m) => m.chat_id === id && m.text.includes('Port strike ends'), 10_000);
      expect(log).toContain('schedule changed; applied');
      await new Promise((r) => setTimeout(r, 4_000)); // two more slots pass: same stories, nothing re-sent
      for (const id of CHATS) expect(api.sent(id).filter((m) => m.text.includes('Port strike ends'))).toHaveLength(1);

      const exited = new Promise<number | null>((r) => bot.once('exit', (code) => r(code)));
      bot.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(log).toContain('"msg":"stopped"');
      expect(api.rejected()).toEqual([]);
      const all = api.sent().map((m) => `${m.chat_id}:${m.html}`);
      expect(new Set(all).size).toBe(all.length); // nothing twice
    } finally {
      if (bot.exitCode === null) bot.kill('SIGKILL');
    }
  });
});
