/** Time-zone helpers. node-cron accepts any timezone string and fails later, so we check first. */

/**
 * True when `tz` is an IANA time zone this Node knows.
 * @example isValidTimeZone('Europe/Kyiv') // true
 */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date (YYYY-MM-DD) of `at` in time zone `tz`.
 * @example localDate(new Date('2026-11-24T23:30:00Z'), 'Europe/Kyiv') // '2026-11-25'
 */
export function localDate(at: Date, tz: string): string {
  let f = dateFormatters.get(tz);
  if (!f) {
    // en-CA formats as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(tz, f);
  }
  return f.format(at);
}

// Cached per zone (a few hundred zones exist): the planner asks for hundreds of schedules a tick.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const wallFormatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields of `at` in `tz` (formatters are cached: building one costs far more than using it). */
export function wallClock(at: Date | number, tz: string): { year: number; month: number; day: number; hour: number; minute: number } {
  let f = wallFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    });
    wallFormatters.set(tz, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute! };
}

/** Minutes `tz` is ahead of UTC at the instant `at` (minute precision). */
function offsetMs(at: number, tz: string): number {
  const w = wallClock(at, tz);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(at / 60_000) * 60_000;
}

/**
 * The instant when the wall clock in `tz` shows `date` `hour:minute`. Daylight saving: a time
 * skipped by a spring-forward gap maps to the same distance after the gap (02:30 → 03:30); a time
 * that occurs twice in a fall-back overlap maps to the first occurrence.
 * @example zonedTime('2026-03-08', 2, 30, 'America/New_York') // 2026-03-08T07:30:00Z (03:30 EDT)
 */
export function zonedTime(date: string, hour: number, minute: number, tz: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  const offsets = [...new Set([-86_400_000, 0, 86_400_000].map((delta) => offsetMs(wall + delta, tz)))];
  const valid = offsets.map((o) => wall - o).filter((t) => offsetMs(t, tz) === wall - t).sort((a, b) => a - b);
  return new Date(valid[0] ?? wall - Math.min(...offsets));
}

/**
 * The calendar date `days` after `date` (both YYYY-MM-DD).
 * @example addDays('2026-03-01', -1) // '2026-02-28'
 */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
