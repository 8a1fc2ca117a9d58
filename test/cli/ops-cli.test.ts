/** Operators' listings: status and subscribers, as text and --json, on a real database file. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { textView } from '../support/digest-views.js';

const BIN = path.resolve(__dirname, '../../src/bin.mjs');
let dir: string;

function run(...args: string[]) {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH, HOME: dir, DATABASE_PATH: path.join(dir, 'kf.db'), TIMEZONE: 'Europe/Kyiv', DIGEST_CRON: '0 8 * * *', LOG_LEVEL: 'warn' },
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-ops-'));
  const store = openSqliteStore(path.join(dir, 'kf.db'));
  const ok = (await store.addFeed('https://ok.example/rss')).feed;
  const bad = (await store.addFeed('https://bad.example/rss')).feed;
  await store.addFeed('https://new.example/rss');
  await store.recordFeedSuccess(ok.id, { title: 'OK News', at: new Date('2026-11-24T07:00:00Z') });
  await store.recordFeedError(bad.id, 'fetch: 503 Service Unavailable', new Date('2026-11-24T07:00:00Z'));
  await store.subscribe({ chatId: 1, chatType: 'private', title: 'ann' }, new Date('2026-11-20T00:00:00Z'));
  await store.subscribe({ chatId: 2, chatType: 'private', title: 'bob' }, new Date('2026-11-21T00:00:00Z'));
  await store.subscribe({ chatId: -3, chatType: 'group', title: 'Newsroom' }, new Date('2026-11-22T00:00:00Z'));
  await store.setPaused(2, true);
  await store.deactivate(-3, 'Forbidden: bot was kicked from the group chat');
  const digest = await store.saveDigest({ date: '2026-11-24', createdAt: new Date('2026-11-24T06:00:00Z'), timezone: 'Europe/Kyiv', stories: [] });
  await store.enqueueEdition(digest.id, [{ view: textView(['p']), messages: 1, chatIds: [1, 2] }], null);
  await store.close();
}, 30_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('keyfigures status', { timeout: 30_000 }, () => {
  it('shows feeds, subscribers, digests, outbox and database at a glance', () => {
    const r = run('status');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Feeds        3 (1 ok, 1 failing, 1 not fetched yet)');
    expect(r.out).toContain('⚠ https://bad.example/rss — 1 error(s): fetch: 503 Service Unavailable');
    expect(r.out).toContain('Subscribers  1 active, 1 paused, 1 inactive');
    expect(r.out).toMatch(/last: 24 Nov, 08:00 \(Europe\/Kyiv\), 0 stories; next: \d+ \w+, 08:00 \(Europe\/Kyiv\)/);
    expect(r.out).toContain('Outbox       2 pending, 0 sent');
    expect(r.out).toMatch(/Database     .*kf\.db \(\d+\.\d KiB\)/);
  });

  it('--json gives the same facts for scripts', () => {
    const report = JSON.parse(run('status', '--json').out);
    expect(report.feeds).toMatchObject({ total: 3, ok: 1, neverFetched: 1 });
    expect(report.subscribers).toEqual({ active: 1, paused: 1, inactive: 1 });
    expect(report.outbox.pending).toBe(2);
  });
});

describe('keyfigures subscribers', { timeout: 30_000 }, () => {
  it('lists every chat with its state in a table', () => {
    const r = run('subscribers', 'list');
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^chat\s+type\s+state/);
    expect(lines).toHaveLength(4);
    expect(r.out).toMatch(/-3\s+group\s+inactive: Forbidden: bot was kicked/);
    expect(r.out).toMatch(/2\s+private\s+paused/);
  });

  it('counts by state and type, also as JSON', () => {
    expect(JSON.parse(run('subscribers', 'stats', '--json').out)).toEqual({ total: 3, active: 1, paused: 1, inactive: 1, 'type:private': 2, 'type:group': 1 });
    expect(run('subscribers', 'bogus').code).toBe(2);
  });
});
