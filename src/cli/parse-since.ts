/** The `--since` of `keyfigures backfill`: a period back from now ("7d", "48h", "2w") or a date. */
import { UsageError } from '../domain/errors.js';

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * The moment `text` points back to from `now`.
 * @example parseSince('7d', new Date('2026-11-24T12:00:00Z')) // 2026-11-17T12:00:00Z
 */
export function parseSince(text: string | undefined, now: Date = new Date()): Date {
  if (!text) throw new UsageError('say how far back: --since 7d (or 48h, 2w, or a date such as 2026-11-01)');
  const period = /^(\d+)\s*([hdw])$/i.exec(text.trim());
  if (period) return new Date(now.getTime() - Number(period[1]) * UNIT_MS[period[2]!.toLowerCase()]!);
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(text.trim())) {
    const at = new Date(text.trim());
    if (!Number.isNaN(at.getTime()) && at <= now) return at;
  }
  throw new UsageError(`--since "${text}" is neither a period (7d, 48h, 2w) nor a past date (2026-11-01)`);
}
