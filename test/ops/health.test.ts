import { describe, it, expect } from 'vitest';
import { checkHealth } from '../../src/ops/health.js';

const now = new Date('2026-11-24T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const healthy = { now, pollingAliveAt: ago(5_000), databaseWritable: true, lastFetchCycleAt: ago(60_000), fetchIntervalMs: 1_800_000, startedAt: ago(3_600_000) };

describe('checkHealth', () => {
  it('is ok when polling, the database and fetching are fine', () => {
    expect(checkHealth(healthy)).toEqual({ ok: true, reasons: [] });
  });

  it.each([
    ['polling silent', { pollingAliveAt: ago(300_000) }, /polling silent for 300 s/],
    ['polling never started', { pollingAliveAt: null }, /polling has not started/],
    ['database read-only', { databaseWritable: false }, /database is not writable/],
    ['fetch cycle overdue', { lastFetchCycleAt: ago(61 * 60_000) }, /last fetch cycle 61 min ago \(limit 60 min\)/],
    ['no fetch cycle yet', { lastFetchCycleAt: null, startedAt: ago(61 * 60_000) }, /no fetch cycle has finished in 61 min/],
  ])('is unhealthy when %s', (_name, change, reason) => {
    const report = checkHealth({ ...healthy, ...change });
    expect(report.ok).toBe(false);
    expect(report.reasons.join('; ')).toMatch(reason);
  });

  it('gives a fresh process time to start polling and fetching', () => {
    expect(checkHealth({ ...healthy, startedAt: ago(10_000), pollingAliveAt: null, lastFetchCycleAt: null }).ok).toBe(true);
  });

  it('lists every reason at once', () => {
    expect(checkHealth({ ...healthy, databaseWritable: false, pollingAliveAt: ago(600_000) }).reasons).toHaveLength(2);
  });
});
