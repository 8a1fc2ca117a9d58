/**
 * Read-only commands on a database that cannot be written (issue 15): `status`, `feeds list` and
 * `subscribers list` work and write nothing; a write names the file; `status` warns when the
 * integrity check fails. As root (CI), the commands run as `nobody` so file permissions apply.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { damageSqliteFile } from '../store/adapters.js';

const BIN = path.resolve(__dirname, '../../src/bin.mjs');
const asRoot = process.getuid?.() === 0;
/** As root, `nobody` must be able to run the CLI from this checkout (not so in a clone under /root). */
const canRunAsNobody =
  !asRoot ||
  spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', `for (const f of ${JSON.stringify([BIN, path.resolve(__dirname, '../../node_modules/tsx/package.json')])}) require('fs').accessSync(f)`]).status === 0;
let dir: string;

function run(file: string, ...args: string[]) {
  return runAs(asRoot, file, ...args);
}

/** The CLI on `file`; `nobody`: as user nobody (so root obeys file permissions). */
function runAs(nobody: boolean, file: string, ...args: string[]) {
  const env = { PATH: process.env.PATH, HOME: dir, DATABASE_PATH: file, TIMEZONE: 'UTC', LOG_LEVEL: 'warn' };
  const [cmd, argv] = nobody
    ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args]]
    : [process.execPath, [BIN, ...args]];
  const res = spawnSync(cmd, argv, { cwd: dir, encoding: 'utf8', timeout: 60_000, env });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-ro-'));
  const store = openSqliteStore(path.join(dir, 'kf.db'));
  await store.addFeed('https://a.example/rss');
  await store.subscribe({ chatId: 1, chatType: 'private', title: 'ann' }, new Date('2026-11-20T00:00:00.000Z'));
  await store.close();
  fs.chmodSync(path.join(dir, 'kf.db'), 0o444);
  fs.chmodSync(dir, 0o555);
}, 30_000);
afterAll(() => {
  fs.chmodSync(dir, 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!canRunAsNobody)(canRunAsNobody ? 'a read-only database' : 'a read-only database — skipped: running as root and user nobody cannot read this checkout (setpriv missing or a private folder)', { timeout: 240_000 }, () => {
  it('status, feeds list and subscribers list work and change nothing', () => {
    const file = path.join(dir, 'kf.db');
    const before = fs.readFileSync(file);
    const status = run(file, 'status');
    expect(status.err).toBe('');
    expect(status.code).toBe(0);
    expect(status.out).toContain('Feeds        1 (0 ok, 0 failing, 1 not fetched yet)');
    expect(status.out).not.toContain('integrity');
    const feeds = run(file, 'feeds', 'list');
    expect(feeds.code).toBe(0);
    expect(feeds.out).toContain('https://a.example/rss');
    const subscribers = run(file, 'subscribers', 'list', '--json');
    expect(subscribers.code).toBe(0);
    expect(JSON.parse(subscribers.out).map((s: { chatId: number }) => s.chatId)).toEqual([1]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['kf.db']);
  });

  it('a command that writes fails with the file named', () => {
    const r = run(path.join(dir, 'kf.db'), 'feeds', 'add', 'https://b.example/rss', '--no-verify');
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(path.join(dir, 'kf.db'));
  });
});

describe('keyfigures status on a damaged file', { timeout: 240_000 }, () => {
  it('warns that the integrity check failed and says what to do', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-damaged-'));
    try {
      const file = path.join(work, 'kf.db');
      const store = openSqliteStore(file);
      const { feed } = await store.addFeed('https://a.example/rss');
      await store.markItemsSeen(feed.id, Array.from({ length: 400 }, (_, i) => `key-${i}-${'x'.repeat(200)}`), new Date('2026-11-24T00:00:00.000Z'));
      await store.close();
      await damageSqliteFile(file);
      const r = runAs(false, file, 'status');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/⚠ integrity check failed: .+ — restore the latest backup/);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});
