/**
 * `keyfigures backfill --since` and `keyfigures digest --preview` as real processes on a real
 * database, with a feed served on 127.0.0.1 whose items are 1 hour, 3 days and 10 days old.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFixtureServer, type FixtureServer } from '../support/http-fixture-server.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { WHOLE_HISTORY } from '../../src/app/make-digest.js';
import { parseSince } from '../../src/cli/parse-since.js';

const BIN = path.resolve(__dirname, '../../src/bin.mjs');
const HOUR = 3_600_000;
let dir: string;
let news: FixtureServer;
let feedUrl: string;

const ITEMS = [
  { guid: 'fresh', title: 'Port handles 2.4 million containers', ageMs: HOUR, text: 'The port handled 2.4 million containers last year, up 12% on the year before, the authority said on Monday.' },
  { guid: 'recent', title: 'City plants 18,000 trees', ageMs: 3 * 24 * HOUR, text: 'The city planted 18,000 trees this autumn and will plant 25,000 more by 2028, the mayor said.' },
  { guid: 'old', title: 'Museum draws 640,000 visitors', ageMs: 10 * 24 * HOUR, text: 'The museum drew 640,000 visitors in its first year, twice the 320,000 it had forecast.' },
];

function feed(): string {
  const items = ITEMS.map(
    (i) => `<item><title>${i.title}</title><link>${news.url}/a/${i.guid}</link><guid>${i.guid}</guid>
<pubDate>${new Date(Date.now() - i.ageMs).toUTCString()}</pubDate><description>${i.text}</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Backfill Wire</title><link>${news.url}/</link>${items.join('')}</channel></rss>`;
}

/** The CLI as a child process (async: the feed server lives in this process). */
function cli(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: dir, DATABASE_PATH: path.join(dir, 'kf.db'), DIGESTS_DIR: path.join(dir, 'digests'), LOG_LEVEL: 'warn', TIMEZONE: 'UTC' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (err += d));
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

async function storedTitles(): Promise<string[]> {
  const store = openSqliteStore(path.join(dir, 'kf.db'));
  try {
    return (await store.articlesForDigest(WHOLE_HISTORY)).map((a) => a.title).sort();
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-backfill-'));
  news = await startFixtureServer();
  news.route('/feed.xml', { body: feed(), headers: { 'content-type': 'application/rss+xml' }, etag: '"v1"' });
  feedUrl = `${news.url}/feed.xml`;
  expect((await cli('feeds', 'add', '--no-verify', feedUrl)).code).toBe(0);
}, 30_000);
afterAll(async () => {
  await news?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('parseSince', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  it.each([
    ['7d', '2026-11-17T12:00:00.000Z'],
    ['48h', '2026-11-22T12:00:00.000Z'],
    ['2w', '2026-11-10T12:00:00.000Z'],
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
  ])('%s → %s', (text, iso) => expect(parseSince(text, now).toISOString()).toBe(iso));
  it.each(['', 'yesterday', '7y', '2027-01-01'])('refuses %j with the accepted forms', (text) => {
    expect(() => parseSince(text, now)).toThrow(/7d|--since/);
  });
});

describe('keyfigures backfill and digest --preview', { timeout: 60_000 }, () => {
  it('a first fetch stores only the last day; the rest is remembered, not stored', async () => {
    expect((await cli('fetch')).code).toBe(0);
    expect(await storedTitles()).toEqual([ITEMS[0]!.title]);
  });

  it('digest --preview prints the next digest from the database without fetching or archiving', async () => {
    const before = news.requests.length;
    const r = await cli('digest', '--preview');
    expect(r.code).toBe(0);
    expect(r.out).toContain(ITEMS[0]!.title);
    expect(r.out).toContain('2.4 million');
    expect(news.requests.length).toBe(before);
    expect(fs.existsSync(path.join(dir, 'digests'))).toBe(false);
    const json = JSON.parse((await cli('digest', '--preview', '--json')).out);
    expect(json.stories.map((s: { title: string }) => s.title)).toEqual([ITEMS[0]!.title]);
    expect((await cli('digest', '--preview', '--feed', feedUrl)).code).toBe(2);
  });

  it('backfill --since 7d stores what the first fetch only remembered within the period, with progress and a summary', async () => {
    const r = await cli('backfill', '--since', '7d');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Backfill since \S+: 1 feeds \(1 ok, 0 failed\), 1 new articles, \d+ figures, 1 older or undated items skipped/);
    expect(r.err).toContain('backfill: 1/1');
    expect(r.err).toMatch(/backfill: done in .* — 1 new articles/);
    expect(await storedTitles()).toEqual([ITEMS[1]!.title, ITEMS[0]!.title].sort());
    // a full GET even though the feed's ETag was stored: a 304 would have found nothing
    const last = news.requests.filter((q) => q.path === '/feed.xml').at(-1)!;
    expect(last.headers['if-none-match']).toBeUndefined();
  });

  it('a second backfill finds nothing new; --json gives the summary for scripts', async () => {
    const summary = JSON.parse((await cli('backfill', '--since', '30d', '--json')).out);
    expect(summary).toMatchObject({ feeds: 1, failed: [], newArticles: 1 });
    expect(await storedTitles()).toEqual(ITEMS.map((i) => i.title).sort());
    const again = JSON.parse((await cli('backfill', '--since', '30d', '--json')).out);
    expect(again).toMatchObject({ newArticles: 0 });
  });

  it('says how to use --since when it is missing or wrong', async () => {
    const missing = await cli('backfill');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--since 7d');
    expect((await cli('backfill', '--since', 'soon')).code).toBe(2);
    const help = await cli('backfill', '--help');
    expect(help.out).toContain('Usage: keyfigures backfill --since');
  });
});
