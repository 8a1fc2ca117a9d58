/**
 * The digest archive: index.md kept up to date as editions are archived, `keyfigures archive
 * list` (text and --json), and `archive rebuild` regenerating the very same files from the database.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { archiveDigest } from '../../src/app/archive-digest.js';
import { summarizeArticle } from '../../src/figures/summarize.js';
import type { Digest, Story } from '../../src/domain/types.js';

const BIN = path.resolve(__dirname, '../../src/bin.mjs');
let dir: string;
let digests: string;
const originals = new Map<string, Buffer>();

function run(...args: string[]) {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH, HOME: dir, DATABASE_PATH: path.join(dir, 'kf.db'), DIGESTS_DIR: digests, LOG_LEVEL: 'warn' },
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

function story(number: number, title: string, text: string): Story {
  const s = summarizeArticle({ title, text }, { topK: 3 });
  return { number, articleId: number, title, link: `https://news.example/${number}`, source: 'Example News', publishedAt: new Date('2026-11-22T06:00:00Z'), summary: s.summary, figures: s.figures };
}

const BRIDGE = story(1, 'Bridge reopens after $48m repairs', 'The bridge reopened after repairs costing $48m. About 1,350 lorries a day used it.');
const TALKS = story(2, 'Talks free 412 prisoners', 'Negotiators freed 412 prisoners in a 206-for-206 exchange.');
const RATES = story(1, 'Bank holds rates at 4.5%', 'The central bank kept its rate at 4.5% for the third month.');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-archive-'));
  digests = path.join(dir, 'digests');
  const store = openSqliteStore(path.join(dir, 'kf.db'));
  const editions: Digest[] = [
    { date: '2026-11-22', createdAt: new Date('2026-11-22T06:00:00Z'), timezone: 'Europe/Kyiv', stories: [BRIDGE] },
    { date: '2026-11-22', createdAt: new Date('2026-11-22T18:00:00Z'), timezone: 'Europe/Kyiv', stories: [BRIDGE, TALKS] },
    { date: '2026-11-23', createdAt: new Date('2026-11-23T06:00:00Z'), timezone: 'Europe/Kyiv', stories: [RATES] },
  ];
  // As the bot does: save the edition, archive the draft.
  for (const d of editions) {
    await store.saveDigest(d);
    await archiveDigest(digests, d);
  }
  await store.close();
  for (const f of fs.readdirSync(digests)) originals.set(f, fs.readFileSync(path.join(digests, f)));
}, 30_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('digests/index.md', () => {
  it('lists every edition newest first with its counts and a link, after each archiving', () => {
    const index = originals.get('index.md')!.toString('utf8');
    const rows = index.split('\n').filter((l) => l.startsWith('| ['));
    const figures = (s: Story[]) => s.reduce((n, x) => n + x.figures.length, 0);
    expect(rows).toEqual([
      `| [23 Nov 2026](2026-11-23.md) | 1 | ${figures([RATES])} |`,
      `| [22 Nov 2026](2026-11-22.md) | 2 | ${figures([BRIDGE, TALKS])} |`,
    ]);
    expect(index).toMatch(/^# KeyFigures archive/);
    // the edition's own front matter carries the same counts
    // … and shows the day's picture card, written beside it
    expect(originals.get('2026-11-22.md')!.toString('utf8')).toContain('![The day in numbers](2026-11-22.png)');
    expect(originals.get('2026-11-22.md')!.toString('utf8')).toMatch(/^---\ndate: "2026-11-22"\n[\s\S]*stories: 2\nfigures: \d+\n---/);
  });
});

describe('keyfigures archive', { timeout: 30_000 }, () => {
  it('list prints a table newest first, and --json the same entries', () => {
    const r = run('archive', 'list');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^date\s+stories\s+figures\s+file$/);
    expect(lines[1]).toMatch(/^2026-11-23\s+1\s+\d+\s+2026-11-23\.md$/);
    expect(lines[2]).toMatch(/^2026-11-22\s+2\s+\d+\s+2026-11-22\.md$/);
    const json = JSON.parse(run('archive', 'list', '--json').out);
    expect(json.map((e: { date: string; stories: number }) => [e.date, e.stories])).toEqual([['2026-11-23', 1], ['2026-11-22', 2]]);
    expect(json[1]).toMatchObject({ created: '2026-11-22T18:00:00.000Z', file: '2026-11-22.md' });
  });

  it('rebuild regenerates every file and index.md from the database, identical to the originals, with progress', () => {
    fs.rmSync(digests, { recursive: true });
    const r = run('archive', 'rebuild');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Rebuilt 2 edition(s)');
    expect(r.err).toContain('rebuild: 2/2');
    expect(r.err).toMatch(/rebuild: done in .* 2 edition\(s\) from 3 stored digest\(s\)/);
    expect(fs.readdirSync(digests).sort()).toEqual([...originals.keys()].sort());
    // The picture cards too: the same PNG bytes.
    expect([...originals.keys()].filter((f) => f.endsWith('.png')).sort()).toEqual(['2026-11-22.png', '2026-11-23.png']);
    for (const [file, bytes] of originals) expect(fs.readFileSync(path.join(digests, file)).equals(bytes), file).toBe(true);
  });

  it('explains itself and refuses unknown actions', () => {
    const help = run('archive', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: keyfigures archive list [--json] | rebuild');
    const bad = run('archive', 'burn');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('say list or rebuild');
  });

  it('list says where editions come from when there are none', () => {
    const res = spawnSync(process.execPath, [BIN, 'archive', 'list'], {
      cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir, DIGESTS_DIR: path.join(dir, 'none'), DATABASE_PATH: path.join(dir, 'kf.db') },
    });
    expect(res.stdout).toContain('No editions');
    expect(JSON.parse(spawnSync(process.execPath, [BIN, 'archive', 'list', '--json'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir, DIGESTS_DIR: path.join(dir, 'none') } }).stdout)).toEqual([]);
  });
});
