/** When a cron expression fires next, for telling subscribers when their digest arrives. */
import cron from 'node-cron';

/**
 * The next minute at or after `from` matching `expression` in `timezone` (searching 8 days), or null.
 * @example nextRun('0 8 * * *', 'Europe/Kyiv', new Date('2026-11-24T12:00:00Z')) // 2026-11-25T06:00:00Z
 */
export function nextRun(expression: string, timezone: string, from: Date = new Date()): Date | null {
  const start = Math.ceil(from.getTime() / 60_000) * 60_000;
  return firstCronMatch(expression, timezone, { start, stepMs: 60_000, end: start + 8 * 24 * 3_600_000 });
}

/**
 * The first of `start`, `start + stepMs`, … (a negative step walks back in time) before `end` at
 * which `expression` fires in `timezone`, or null: the one walk over a cron expression that every
 * "when does it run next / when did it last run" question takes (node-cron only tells whether an
 * instant matches).
 * @example firstCronMatch('0 8 * * *', 'UTC', { start: Date.parse('2026-11-24T12:00Z'), stepMs: -60_000, end: Date.parse('2026-11-23T12:00Z') }) // 2026-11-24T08:00:00Z
 */
export function firstCronMatch(expression: string, timezone: string, walk: { start: number; stepMs: number; end: number }): Date | null {
  const task = cron.createTask(expression, () => undefined, { timezone });
  try {
    const before = (t: number) => (walk.stepMs > 0 ? t < walk.end : t > walk.end);
    for (let t = walk.start; before(t); t += walk.stepMs) {
      if (task.match(new Date(t))) return new Date(t);
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
