import { describe, it, expect } from 'vitest';
import { nextRun, describeTime } from '../../src/jobs/next-run.js';
import { isValidTimeZone, localDate } from '../../src/jobs/time-zone.js';

describe('nextRun', () => {
  it.each([
    ['0 8 * * *', 'Europe/Kyiv', '2026-11-24T12:00:00Z', '2026-11-25T06:00:00.000Z'],
    ['0 8 * * *', 'America/New_York', '2026-11-24T12:00:00Z', '2026-11-24T13:00:00.000Z'],
    ['30 7 * * *', 'Asia/Kolkata', '2026-11-24T12:00:00Z', '2026-11-25T02:00:00.000Z'],
    // Across the DST change: New York leaves summer time on 1 Nov 2026.
    ['0 8 * * *', 'America/New_York', '2026-10-31T13:00:00Z', '2026-11-01T13:00:00.000Z'],
    ['0 8 * * 1', 'UTC', '2026-11-24T12:00:00Z', '2026-11-30T08:00:00.000Z'],
  ])('%s in %s after %s', (expr, tz, from, expected) => {
    expect(nextRun(expr, tz, new Date(from))?.toISOString()).toBe(expected);
  });

  it('describes a time in the subscriber\'s zone', () => {
    expect(describeTime(new Date('2026-11-25T06:00:00Z'), 'Europe/Kyiv')).toBe('25 Nov, 08:00 (Europe/Kyiv)');
  });
});

describe('time zones', () => {
  it('knows real zones and refuses invented ones', () => {
    expect(isValidTimeZone('Europe/Kyiv')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
  it('dates an edition in its zone', () => {
    expect(localDate(new Date('2026-11-24T23:30:00Z'), 'Europe/Kyiv')).toBe('2026-11-25');
    expect(localDate(new Date('2026-11-24T23:30:00Z'), 'UTC')).toBe('2026-11-24');
  });
});
