/** When a cron expression fires next, for telling subscribers when their digest arrives. */
import cron from 'node-cron';

/**
 * The next minute at or after `from` matching `expression` in `timezone` (searching 8 days), or null.
 * @example nextRun('0 8 * * *', 'Europe/Kyiv', new Date('2026-11-24T12:00:00Z')) // 2026-11-25T06:00:00Z
 */
export function nextRun(expression: string, timezone: string, from: Date = new Date()): Date | null {
  const task = cron.createTask(expression, () => undefined, { timezone });
  try {
    const start = Math.ceil(from.getTime() / 60_000) * 60_000;
    for (let t = start; t < start + 8 * 24 * 3_600_000; t += 60_000) {
      const candidate = new Date(t);
      if (task.match(candidate)) return candidate;
    }
    return null;
  } finally {
    void task.destroy();
  }
}

/**
 * "25 Nov, 08:00 (Europe/Kyiv)" — a run time as a subscriber reads it, in their language
 * ("25 листопада о 08:00 (Europe/Kyiv)"); English by default.
 * @example describeTime(new Date('2026-11-25T06:00:00Z'), 'Europe/Kyiv') // '25 Nov, 08:00 (Europe/Kyiv)'
 */
export function describeTime(at: Date, timezone: string, locale = 'en'): string {
  // English keeps en-GB's "25 Nov, 08:00"; other languages write the month in full, as they say it.
  const text = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    timeZone: timezone,
    day: 'numeric',
    month: locale === 'en' ? 'short' : 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${text} (${timezone})`;
}
