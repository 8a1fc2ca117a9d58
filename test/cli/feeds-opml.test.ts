/** OPML import/export against a real SQLite file and feeds served on 127.0.0.1; `feeds` CLI as a real process. */
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFixtureServer, type FixtureServer } from '../support/http-fixture-server.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { exportOpml, importOpml } from '../../src/cli/feeds-opml.js';
import { parseOpml } from '../../src/feeds/opml.js';
import { createLogger } from '../../src/support/logger.js';
import { startProgress } from '../../src/support/progress.js';

const logger = createLogger({ level: 'silent' });
const fetch = { timeoutMs: 5000, maxBytes: 1_000_000 };
const rss = (title: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://${title.toLowerCase()}.example/</link></channel></rss>`;
let server: FixtureServer;
let dir: string;
let store: SqliteStore;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/a.xml', { body: rss('Alpha') });
  server.route('/b.xml', { body: rss('Beta') });
  server.route('/gone.xml', { status: 404, body: 'no' });
});
afterAll(() => server.close());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-opml-'));
  store = openSqliteStore(path.join(dir, 'kf.db'));
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const opml = (base: string) => `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
  <outline text="Tech"><outline type="rss" text="Alpha" xmlUrl="${base}/a.xml"/><outline type="rss" text="Beta &amp; Co" xmlUrl="${base}/b.xml" htmlUrl="https://beta.example/"/></outline>
  <outline type="rss" text="Gone" xmlUrl="${base}/gone.xml"/>
  <outline type="rss" text="Nowhere"/>
</body></opml>`;

describe('OPML import and export', () => {
  it('imports with one line per feed and a summary; bad entries are reported, the others kept', async () => {
    const lines: string[] = [];
    const summary = await importOpml(store, opml(server.url), { verify: true, fetch, logger, out: (l) => lines.push(l) });
    expect(summary).toEqual({ added: 2, existing: 0, failed: 2 });
    expect(lines.join('')).toMatch(/failed: "Nowhere" has no xmlUrl/);
    expect(lines.join('')).toMatch(/\[\d\/3\] failed: .*gone\.xml — fetch: 404/);
    expect(lines.at(-1)).toBe('4 entries: 2 added, 0 already there, 2 failed\n');
    expect((await store.listFeeds()).map((f) => f.title).sort()).toEqual(['Alpha', 'Beta']);
    // Importing again adds nothing.
    expect(await importOpml(store, opml(server.url), { verify: false, fetch, logger, out: () => {} })).toMatchObject({ added: 1, existing: 2 });
  });

  it('on a terminal shows a progress bar with counts instead of a line per added feed', async () => {
    const lines: string[] = [];
    let bar = '';
    const stream = { isTTY: true, write: (chunk: string) => (bar += chunk) };
    const summary = await importOpml(store, opml(server.url), {
      verify: true, fetch, logger, out: (l) => lines.push(l), progress: (total) => startProgress('import', total, { stream }),
    });
    expect(summary).toEqual({ added: 2, existing: 0, failed: 2 });
    expect(bar).toMatch(/\rimport \[#+\.*\] 1\/3/);
    expect(bar).toMatch(/\rimport \[#{24}\] 3\/3/);
    expect(bar).toMatch(/import: done in .* — 2 added\n$/);
    // failures and the summary still reach stdout; the successes are in the bar
    expect(lines.join('')).not.toMatch(/ added: /);
    expect(lines.join('')).toMatch(/failed: .*gone\.xml/);
    expect(lines.at(-1)).toBe('4 entries: 2 added, 0 already there, 2 failed\n');
  });

  it('round-trips: export → import into an empty store → export gives the same feeds', async () => {
    await importOpml(store, opml(server.url), { verify: true, fetch, logger, out: () => {} });
    const exported = await exportOpml(store, new Date('2026-11-24T08:00:00Z'));
    const other = openSqliteStore(path.join(dir, 'other.db'));
    try {
      await importOpml(other, exported, { verify: false, fetch, logger, out: () => {} });
      const again = await exportOpml(other, new Date('2026-11-24T08:00:00Z'));
      expect(again).toBe(exported);
      expect(parseOpml(exported).feeds).toEqual([
        { url: `${server.url}/a.xml`, title: 'Alpha', siteUrl: 'https://alpha.example/' },
        { url: `${server.url}/b.xml`, title: 'Beta', siteUrl: 'https://beta.example/' },
      ]);
    } finally {
      await other.close();
    }
  });
});

describe('keyfigures feeds (process)', { timeout: 60_000 }, () => {
  const BIN = path.resolve(__dirname, '../../src/bin.mjs');
  /** Async on purpose: the fixture server lives in this process and must keep answering. */
  const run = (args: string[]) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'feeds', ...args], {
        cwd: dir,
        env: { PATH: process.env.PATH, HOME: dir, DATABASE_PATH: path.join(dir, 'cli.db'), LOG_LEVEL: 'warn' },
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => resolve({ code, out, err }));
    });

  it('adds (verifying, private allowed for operators), imports, exports and lists with status', async () => {
    expect(await run(['add', `${server.url}/a.xml`])).toMatchObject({ code: 0, out: expect.stringContaining(`added: 1\t${server.url}/a.xml\tAlpha`) });
    const failed = await run(['add', `${server.url}/gone.xml`]);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('fetch: 404');
    const file = path.join(dir, 'in.opml');
    fs.writeFileSync(file, opml(server.url));
    const imported = await run(['import', file]);
    expect(imported.code).toBe(1);
    expect(imported.out).toContain('4 entries: 1 added, 1 already there, 2 failed');
    const out = path.join(dir, 'out.opml');
    expect((await run(['export', out])).out).toContain('exported 2 feeds');
    expect(parseOpml(fs.readFileSync(out, 'utf8')).feeds.map((f) => f.url)).toEqual([`${server.url}/a.xml`, `${server.url}/b.xml`]);
    const listed = await run(['list']);
    expect(listed.out).toMatch(/^1\tnew\tdue now\t.*\/a\.xml\tAlpha$/m);
    const json = JSON.parse((await run(['list', '--json'])).out);
    expect(json[0]).toMatchObject({ url: `${server.url}/a.xml`, errorCount: 0, nextCheckAt: null, lastError: null });
  });
});
