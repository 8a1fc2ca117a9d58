/**
 * The whole product, end to end, on real parts: the real `keyfigures bot` process, a feed served
 * over HTTP on 127.0.0.1, the SQLite file, and the fake Telegram Bot API. A subscriber sends
 * /start, an operator adds a feed from the CLI (a second process on the same database), and the
 * scheduled digest must arrive unprompted.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, botEnv } from '../support/bot-process.js';
import { FakeBotApi } from '../support/fake-bot-api.js';
import { startFixtureServer, type FixtureServer } from '../support/http-fixture-server.js';
import { serveSampleNews, SAMPLE } from '../support/sample-news.js';

const BIN = path.resolve(__dirname, '../../src/bin.mjs');
const USER = { id: 5001, type: 'private' as const, first_name: 'Olena' };

let api: FakeBotApi;
let news: FixtureServer;
let dir: string;
let env: NodeJS.ProcessEnv;
let bot: ChildProcess;
let botLog = '';

beforeAll(async () => {
  api = await FakeBotApi.start();
  news = await startFixtureServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-e2e-'));
  env = botEnv(api, dir, {
    FETCH_CRON: '*/2 * * * * *',
    DIGEST_CRON: '*/3 * * * * *',
    SCHEDULE_CHECK_SECONDS: '1',
    TIMEZONE: 'Europe/Kyiv',
    ALLOW_PRIVATE_FEEDS: 'true', // the article pages are on loopback: the operator trusts the network
  });
});

afterAll(async () => {
  if (bot && bot.exitCode === null) bot.kill('SIGKILL');
  await api?.close();
  await news?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** `keyfigures ARGS` in this test's environment, without blocking the servers living here. */
const cli = (...args: string[]) => runCli(args, env, dir);

describe('keyfigures bot, end to end', { timeout: 60_000 }, () => {
  it('subscribes with /start and registers the command menu', async () => {
    bot = spawn(process.execPath, [BIN, 'bot'], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    bot.stdout!.on('data', (d) => (botLog += d));
    bot.stderr!.on('data', (d) => (botLog += d));
    api.sendText(USER, '/start');
    const welcome = await api.waitFor((m) => m.chat_id === USER.id, 20_000).catch((err) => {
      throw new Error(`${err.message}\n--- bot log ---\n${botLog}`);
    });
    expect(welcome.text).toContain('Subscribed');
    expect(welcome.text).toMatch(/Next digest: .*\(Europe\/Kyiv\)/);
    expect(api.myCommands().map((c) => c.command)).toEqual(expect.arrayContaining(['start', 'stop', 'digest', 'help']));
  });

  it('delivers the scheduled digest unprompted once an operator adds a feed', async () => {
    const feedUrl = serveSampleNews(news);
    const added = await cli('feeds', 'add', feedUrl);
    expect(added.stdout).toContain('added');
    const digest = await api.waitFor((m) => m.chat_id === USER.id && m.text.startsWith('KeyFigures ·'), 25_000).catch((err) => {
      throw new Error(`${err.message}\n--- bot log ---\n${botLog}`);
    });
    // Both stories arrive, with their figures; the teaser's figures came from its article page.
    expect(digest.text).toContain(SAMPLE.fullTitle);
    expect(digest.text).toContain(SAMPLE.teaserTitle);
    for (const figure of SAMPLE.figures) expect(digest.text).toContain(figure);
    // Page chrome and reading time are not figures.
    expect(digest.text).not.toContain('50,000');
    expect(digest.text).not.toMatch(/3 min/);
    expect(digest.parse_mode).toBe('HTML');
    expect(api.rejected()).toEqual([]);
    // The archive has the edition in both forms.
    const files = fs.readdirSync(path.join(dir, 'digests'));
    expect(files.some((f) => /^\d{4}-\d{2}-\d{2}\.md$/.test(f))).toBe(true);
    expect(files.some((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))).toBe(true);
  });

  it('answers /digest, /help and /stop', async () => {
    const before = api.sent(USER.id).length;
    api.sendText(USER, '/digest');
    const again = await api.waitFor((m) => m.chat_id === USER.id && api.sent(USER.id).indexOf(m) >= before, 10_000);
    expect(again.text).toContain(SAMPLE.teaserTitle);

    // one private chat takes ~1 msg/s (burst 3): pace the commands like a person would
    await new Promise((r) => setTimeout(r, 1_100));
    const beforeHelp = api.sent(USER.id).length;
    api.sendText(USER, '/help');
    const help = await api.waitFor((m) => m.chat_id === USER.id && api.sent(USER.id).indexOf(m) >= beforeHelp && m.text.includes('/digest'), 10_000);
    expect(help.text).toContain('/stop');

    await new Promise((r) => setTimeout(r, 1_100));
    api.sendText(USER, '/stop');
    const bye = await api.waitFor((m) => m.chat_id === USER.id && m.text.startsWith('Unsubscribed'), 10_000);
    expect(bye).toBeDefined();
    expect(api.rejected()).toEqual([]);
  });

  it('shuts down cleanly on SIGTERM and never logs the token', async () => {
    const exited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
    bot.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(botLog).toContain('fetch cycle done');
    expect(botLog).not.toContain(api.token);
  });
});
