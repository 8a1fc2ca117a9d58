/** A chat's digest schedule in words, in the chat's language: its own time and zone, or the default schedule. */
import type { Subscriber } from '../domain/types.js';
import type { Translator } from '../i18n/translator.js';
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

/**
 * "25 Nov, 08:00 (UTC+3)": describeTime in the reader's language, with the zone as people write it.
 * @example describeLocal(at, 'Etc/GMT-3', 'uk') // '25 листопада о 08:00 (UTC+3)'
 */
export function describeLocal(at: Date, tz: string, locale: string): string {
  return describeTime(at, tz, locale).replace(`(${tz})`, `(${timeZoneLabel(tz)})`);
}

/**
 * "daily at 07:30 (Europe/Kyiv)" or "on the default schedule — next 25 Nov, 08:00 (UTC)" (no "next" while paused).
 * @example describeSchedule(deps, subscriber, chatTr(ctx))
 */
export function describeSchedule(deps: Pick<BotDeps, 'schedule' | 'now'>, subscriber: Subscriber | null, tr: Translator): string {
  const tz = chatTimezone(deps, subscriber);
  if (subscriber?.digestTime) return tr.t('schedule-daily', { time: subscriber.digestTime, zone: timeZoneLabel(tz) });
  // A paused chat has no next digest to promise.
  const next = subscriber?.paused ? null : nextDigestAt(deps, subscriber);
  return next ? tr.t('schedule-default-next', { when: describeLocal(next, tz, tr.locale) }) : tr.t('schedule-default');
}

/**
 * "25 Nov, 08:00 (Europe/Kyiv)": the chat's next digest in its own zone and language, or null when none is scheduled.
 * @example describeNextDigest(deps, subscriber, chatTr(ctx))
 */
export function describeNextDigest(deps: Pick<BotDeps, 'schedule' | 'now'>, subscriber: Subscriber | null, tr: Translator): string | null {
  const next = nextDigestAt(deps, subscriber);
  return next ? describeLocal(next, chatTimezone(deps, subscriber), tr.locale) : null;
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
