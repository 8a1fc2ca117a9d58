/** The running bot's health inputs: write probe on a real SQLite file, fetch interval from cron, polling watch. */
import { describe, it, expect, afterEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Telegraf } from 'telegraf';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { botHealth, fetchIntervalMs, watchPolling } from '../../src/ops/bot-health.js';
import { FakeBotApi } from '../support/fake-bot-api.js';

let store: SqliteStore | null = null;
let dir: string | null = null;
afterEach(async () => {
  await store?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  store = null;
  dir = null;
});

function openStore(): SqliteStore {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-health-'));
  store = openSqliteStore(path.join(dir, 'kf.db'));
  return store;
}

const now = new Date('2026-11-24T12:00:00Z');
const healthy = (s: SqliteStore) => ({
  store: s,
  startedAt: new Date(now.getTime() - 3_600_000),
  pollingAliveAt: () => new Date(now.getTime() - 5_000),
  lastFetchCycleAt: () => new Date(now.getTime() - 10 * 60_000),
  fetchSchedule: () => ({ cron: '*/30 * * * *', timezone: 'UTC' }),
  now: () => now,
});

describe('fetchIntervalMs', () => {
  it.each([
    ['*/30 * * * *', 30 * 60_000],
    ['0 * * * *', 3_600_000],
    ['0 8 * * *', 24 * 3_600_000],
    ['*/2 * * * * *', 60_000],
  ])('%s → %d ms', (cron, ms) => {
    expect(fetchIntervalMs(cron, 'Europe/Kyiv', now)).toBe(ms);
  });
});

describe('botHealth', () => {
  it('is healthy with a writable database, recent polling and a recent fetch cycle — and the probe keeps nothing', async () => {
    const s = openStore();
    expect(await botHealth(healthy(s))()).toEqual({ ok: true, reasons: [] });
    expect(await s.getSettings()).toEqual({});
  });

  it('reports a database that cannot be written, with SQLite\'s reason', async () => {
    openStore();
    const s = openSqliteStore(path.join(dir!, 'kf.db'), { readOnly: true });
    const report = await botHealth(healthy(s))().finally(() => s.close());
    expect(report.ok).toBe(false);
    expect(report.reasons).toEqual([expect.stringMatching(/^database is not writable: .*readonly/)]);
  });

  it('reports silent polling and a fetch cycle older than twice the cron interval', async () => {
    const s = openStore();
    const report = await botHealth({
      ...healthy(s),
      pollingAliveAt: () => new Date(now.getTime() - 5 * 60_000),
      lastFetchCycleAt: () => new Date(now.getTime() - 61 * 60_000),
    })();
    expect(report).toEqual({ ok: false, reasons: ['Telegram polling silent for 300 s', 'last fetch cycle 61 min ago (limit 60 min)'] });
    // the same cycle age is fine when fetches are hourly
    const hourly = await botHealth({ ...healthy(s), lastFetchCycleAt: () => new Date(now.getTime() - 61 * 60_000), fetchSchedule: () => ({ cron: '0 * * * *', timezone: 'UTC' }) })();
    expect(hourly.ok).toBe(true);
  });
});

describe('watchPolling', () => {
  it('records each getUpdates answer from Telegram, not other calls', async () => {
    const api = await FakeBotApi.start();
    try {
      const bot = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
      const seen: Date[] = [];
      watchPolling(bot.telegram, (at) => seen.push(at));
      await bot.telegram.getMe();
      expect(seen).toHaveLength(0);
      await bot.telegram.callApi('getUpdates', { timeout: 0 });
      expect(seen).toHaveLength(1);
    } finally {
      await api.close();
    }
  });
});
