/**
 * When to poll a feed next. Pure: the fetch outcome and the server's caching hints in, a date out.
 * A success waits as long as the publisher asks (RSS <ttl>, Cache-Control max-age, Expires,
 * Retry-After), within the operator's bounds; a failure backs off exponentially, capped at 24 h.
 */

/** The operator's bounds on how often one feed is polled. */
export interface PollBounds {
  minIntervalMinutes: number;
  maxIntervalMinutes: number;
}

/** The longest a failing feed waits between attempts. */
export const MAX_BACKOFF_MINUTES = 24 * 60;

const MINUTE = 60_000;

/**
 * The next check after a fetch that worked (200 or 304).
 * @example nextCheckAfterSuccess(now, { 'cache-control': 'max-age=3600' }, null, { minIntervalMinutes: 15, maxIntervalMinutes: 1440 }) // now + 60 min
 */
export function nextCheckAfterSuccess(
  now: Date,
  headers: Record<string, string>,
  ttlMinutes: number | null | undefined,
  bounds: PollBounds,
): Date {
  const hints = [
    ttlMinutes ?? null,
    maxAgeMinutes(headers['cache-control']),
    untilMinutes(headers['expires'], now),
    retryAfterMinutes(headers['retry-after'], now),
  ].filter((m): m is number => m !== null && Number.isFinite(m));
  const wanted = hints.length ? Math.max(...hints) : bounds.minIntervalMinutes;
  return new Date(now.getTime() + clamp(wanted, bounds.minIntervalMinutes, bounds.maxIntervalMinutes) * MINUTE);
}

/**
 * The next check after the `errorCount`-th failure in a row: min × 2^(n−1), at least any Retry-After, at most 24 h.
 * @example nextCheckAfterError(now, 3, null, bounds) // now + 60 min with a 15-minute minimum
 */
export function nextCheckAfterError(now: Date, errorCount: number, retryAfter: string | null | undefined, bounds: PollBounds): Date {
  const exponent = Math.min(Math.max(errorCount, 1) - 1, 20);
  const backoff = bounds.minIntervalMinutes * 2 ** exponent;
  const asked = retryAfterMinutes(retryAfter ?? undefined, now) ?? 0;
  const cap = Math.max(MAX_BACKOFF_MINUTES, bounds.minIntervalMinutes);
  return new Date(now.getTime() + clamp(Math.max(backoff, asked), bounds.minIntervalMinutes, cap) * MINUTE);
}

/** `max-age` (or `s-maxage`) of a Cache-Control header, in minutes; null when absent or `no-cache`-like. */
export function maxAgeMinutes(cacheControl: string | undefined): number | null {
  if (!cacheControl) return null;
  const match = /(?:^|,)\s*(?:s-maxage|max-age)\s*=\s*"?(\d+)/i.exec(cacheControl);
  return match ? Number(match[1]) / 60 : null;
}

/** Minutes from `now` until an HTTP date (Expires); null when absent, invalid or past. */
function untilMinutes(httpDate: string | undefined, now: Date): number | null {
  if (!httpDate) return null;
  const at = Date.parse(httpDate);
  if (Number.isNaN(at) || at <= now.getTime()) return null;
  return (at - now.getTime()) / MINUTE;
}

/** Retry-After is either delta-seconds or an HTTP date. */
function retryAfterMinutes(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) / 60;
  return untilMinutes(value, now);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
