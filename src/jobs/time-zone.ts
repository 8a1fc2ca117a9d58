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
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
