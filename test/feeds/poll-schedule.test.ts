import { describe, expect, it } from 'vitest';
import { nextCheckAfterError, nextCheckAfterSuccess, maxAgeMinutes, MAX_BACKOFF_MINUTES } from '../../src/feeds/poll-schedule.js';

const NOW = new Date('2026-11-24T08:00:00Z');
const BOUNDS = { minIntervalMinutes: 15, maxIntervalMinutes: 24 * 60 };
const minutesAfter = (d: Date) => (d.getTime() - NOW.getTime()) / 60_000;

describe('nextCheckAfterSuccess', () => {
  it.each([
    ['no hints: the minimum interval', {}, null, 15],
    ['RSS <ttl> of 60', {}, 60, 60],
    ['Cache-Control max-age=7200', { 'cache-control': 'public, max-age=7200' }, null, 120],
    ['s-maxage counts too', { 'cache-control': 's-maxage=1800' }, null, 30],
    ['Expires in 3 h', { expires: 'Tue, 24 Nov 2026 11:00:00 GMT' }, null, 180],
    ['an Expires in the past is ignored', { expires: 'Mon, 23 Nov 2026 11:00:00 GMT' }, null, 15],
    ['Retry-After in seconds', { 'retry-after': '2400' }, null, 40],
    ['the largest hint wins', { 'cache-control': 'max-age=600' }, 90, 90],
    ['max-age below the minimum is raised to it', { 'cache-control': 'max-age=60' }, null, 15],
    ['a week-long ttl is capped at the maximum', {}, 7 * 24 * 60, 24 * 60],
    ['garbage is ignored', { 'cache-control': 'no-cache', expires: '0' }, null, 15],
  ] as const)('%s', (_name, headers, ttl, minutes) => {
    expect(minutesAfter(nextCheckAfterSuccess(NOW, { ...headers }, ttl, BOUNDS))).toBe(minutes);
  });

  it('reads max-age', () => {
    expect(maxAgeMinutes('max-age=300, must-revalidate')).toBe(5);
    expect(maxAgeMinutes(undefined)).toBeNull();
  });
});

describe('nextCheckAfterError', () => {
  it('doubles with each failure in a row and stops at 24 h', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => minutesAfter(nextCheckAfterError(NOW, n, null, BOUNDS)));
    expect(delays).toEqual([15, 30, 60, 120, 240, 480, 960, MAX_BACKOFF_MINUTES, MAX_BACKOFF_MINUTES]);
  });

  it('waits at least what Retry-After asks (seconds or a date), still capped', () => {
    expect(minutesAfter(nextCheckAfterError(NOW, 1, '3600', BOUNDS))).toBe(60);
    expect(minutesAfter(nextCheckAfterError(NOW, 1, 'Tue, 24 Nov 2026 10:00:00 GMT', BOUNDS))).toBe(120);
    expect(minutesAfter(nextCheckAfterError(NOW, 1, String(30 * 24 * 3600), BOUNDS))).toBe(MAX_BACKOFF_MINUTES);
  });
});
