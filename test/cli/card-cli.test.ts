/** `keyfigures card`: the picture card of a stored edition, written where asked, with clear refusals. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { CARD_DIGEST } from '../render/card/card-digest.js';

const BIN = path.resolve(__dirname, '../../src/bin.mjs');
let dir: string;

function run(args: string[], db = 'kf.db') {
  const res = spawnSync(process.execPath, [BIN, 'card', ...args], {
    cwd: dir,
    timeout: 60_000,
    env: { PATH: process.env.PATH, HOME: dir, DATABASE_PATH: path.join(dir, db), DIGESTS_DIR: path.join(dir, 'digests'), LOG_LEVEL: 'warn' },
  });
  return { code: res.status, out: res.stdout, err: res.stderr.toString('utf8') };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-card-'));
  const store = openSqliteStore(path.join(dir, 'kf.db'));
  await store.saveDigest({ ...CARD_DIGEST, date: '2026-11-23', stories: CARD_DIGEST.stories.slice(0, 2) });
  await store.saveDigest(CARD_DIGEST);
  await store.saveDigest({ ...CARD_DIGEST, date: '2026-11-25', stories: CARD_DIGEST.stories.map((s) => ({ ...s, figures: [] })) });
  await store.close();
}, 30_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('keyfigures card', { timeout: 60_000 }, () => {
  it('--edition DATE --out FILE writes that edition\'s 1080×1350 PNG', () => {
    const r = run(['--edition', '2026-11-23', '--out', 'day.png']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.toString()).toMatch(/^Wrote day\.png \(1080×1350, \d+ KB: 4 figure\(s\) of the 2026-11-23 edition\)\n$/);
    const png = PNG.sync.read(fs.readFileSync(path.join(dir, 'day.png')));
    expect([png.width, png.height]).toEqual([1080, 1350]);
  });

  it('--out - writes the PNG to stdout, for pipes', () => {
    const r = run(['--edition', '2026-11-24', '--out', '-']);
    expect(r.code).toBe(0);
    expect(r.out.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(r.err).toContain('6 figure(s) of the 2026-11-24 edition');
  });

  it('refuses an edition without figures, saying so (the latest, 25th, has none)', () => {
    const latest = run([]);
    expect(latest.code).toBe(1);
    expect(latest.err).toContain('the edition of 2026-11-25 has no figures');
  });

  it('refuses a date without an edition, naming the latest ones', () => {
    const missing = run(['--edition', '2026-12-01']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no edition on 2026-12-01; the latest: 2026-11-25, 2026-11-24, 2026-11-23');
  });

  it('refuses a malformed date or language as a usage error (exit 2)', () => {
    const malformed = run(['--edition', 'yesterday']);
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain('--edition takes a date like 2026-11-24, got "yesterday"');
    const language = run(['--lang', 'fr']);
    expect(language.code).toBe(2);
    expect(language.err).toContain('--lang takes one of en, uk, got "fr"');
  });

  it('says where editions come from when the database has none', () => {
    const empty = run([], 'empty.db');
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('no editions in the database yet');
  });
});
