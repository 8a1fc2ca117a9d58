/** A chat's digest schedule in words: its own time and zone, or the default schedule. */
import type { Subscriber } from '../domain/types.js';
import { describeTime } from '../jobs/next-run.js';
import { nextDigestAt as nextSlot } from '../jobs/due-chats.js';
import type { BotDeps } from './bot-deps.js';
import { timeZoneLabel } from './time-zone-input.js';

/** The chat's time zone: its own, else the configured default. */
export function chatTimezone(deps: Pick<BotDeps, 'schedule'>, subscriber: Subscriber | null): string {
  return subscriber?.timezone ?? deps.schedule().timezone;
}

/**
 * The chat's time zone as people write it ("UTC+3", "Europe/Kyiv").
 * @example chatTimezoneLabel(deps, { ...sub, timezone: 'Etc/GMT-3' }) // 'UTC+3'
 */
export function chatTimezoneLabel(deps: Pick<BotDeps, 'schedule'>, subscriber: Subscriber | null): string {
  return timeZoneLabel(chatTimezone(deps, subscriber));
}

/** "25 Nov, 08:00 (UTC+3)": describeTime with the zone as people write it. */
function describeLocal(at: Date, tz: string): string {
  return describeTime(at, tz).replace(`(${tz})`, `(${timeZoneLabel(tz)})`);
}

/**
 * "daily at 07:30 (Europe/Kyiv)" or "on the default schedule — next 25 Nov, 08:00 (UTC)".
 * @example describeSchedule(deps, subscriber)
 */
export function describeSchedule(deps: Pick<BotDeps, 'schedule' | 'now'>, subscriber: Subscriber | null): string {
  const tz = chatTimezone(deps, subscriber);
  if (subscriber?.digestTime) return `daily at ${subscriber.digestTime} (${timeZoneLabel(tz)})`;
  const next = nextDigestAt(deps, subscriber);
  return next ? `on the default schedule — next ${describeLocal(next, tz)}` : 'on the default schedule';
}

/**
 * "25 Nov, 08:00 (Europe/Kyiv)": the chat's next digest in its own zone, or null when none is scheduled.
 * @example describeNextDigest(deps, subscriber)
 */
export function describeNextDigest(deps: Pick<BotDeps, 'schedule' | 'now'>, subscriber: Subscriber | null): string | null {
  const next = nextDigestAt(deps, subscriber);
  return next ? describeLocal(next, chatTimezone(deps, subscriber)) : null;
}

/** When the chat's next digest is due, or null when the schedule never fires. */
export function nextDigestAt(deps: Pick<BotDeps, 'schedule' | 'now'>, subscriber: Subscriber | null): Date | null {
  // The same rule the delivery planner follows, so what we promise is what happens.
  try {
    return nextSlot({ timezone: subscriber?.timezone ?? null, digestTime: subscriber?.digestTime ?? null }, deps.schedule(), deps.now());
  } catch {
    return null;
  }
}
