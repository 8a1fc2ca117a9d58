/**
 * The digest planner, pure: which chats' local digest time has passed and have not been given
 * that digest yet. Called every tick by the running bot; after downtime the latest missed slot
 * counts once (never once per missed slot), and not at all when it is older than `maxAgeMs`.
 */
import type { Subscriber } from '../domain/types.js';
import type { SubscriberStore } from '../store/subscriber-store.js';
import { addDays, localDate, zonedTime } from './time-zone.js';
import { firstCronMatch, nextRun } from './next-run.js';

/** The defaults a chat without its own schedule follows. */
export interface ScheduleDefaults {
  /** IANA time zone. */
  timezone: string;
  /** Default digest schedule: "HH:MM" local time, or a cron expression (in the chat's time zone). */
  digest: string;
  /** A slot older than this is skipped, not delivered late. */
  maxAgeMs: number;
}

/** A chat whose digest is due, and the slot it is due for. */
export interface DueChat {
  chatId: number;
  slot: Date;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * True for a daily local time "HH:MM" (00:00–23:59).
 * @example isDigestTime('08:00') // true
 */
export function isDigestTime(text: string): boolean {
  return HH_MM.test(text);
}

/**
 * Active, unpaused chats whose latest digest slot is in (lastDigestAt or subscribedAt, now] and
 * at most `maxAgeMs` old.
 * @example dueChats(await store.activeSubscribers(), new Date(), { timezone: 'UTC', digest: '08:00', maxAgeMs: 12 * 3600e3 })
 */
export function dueChats(subscribers: readonly Subscriber[], now: Date, defaults: ScheduleDefaults): DueChat[] {
  const slots = new Map<string, Date | null>();
  const due: DueChat[] = [];
  for (const s of subscribers) {
    if (!s.active || s.paused) continue;
    const tz = s.timezone ?? defaults.timezone;
    const schedule = s.digestTime ?? defaults.digest;
    const key = `${schedule}\u0000${tz}`;
    if (!slots.has(key)) slots.set(key, lastSlot(schedule, tz, now, defaults.maxAgeMs));
    const slot = slots.get(key);
    if (!slot || now.getTime() - slot.getTime() > defaults.maxAgeMs) continue;
    const given = Math.max(s.lastDigestAt?.getTime() || 0, s.subscribedAt.getTime() || 0);
    if (slot.getTime() > given) due.push({ chatId: s.chatId, slot });
  }
  return due;
}

/**
 * What dueChats finds, with the database doing the reading: the schedules in use (a few hundred
 * at most), a slot for each, then only the chats given no digest since their slot, through an
 * index. A tick costs the same with 100 chats or 100,000.
 * @example await findDueChats(store, new Date(), { timezone: 'UTC', digest: '08:00', maxAgeMs: 12 * 3600e3 })
 */
export async function findDueChats(store: Pick<SubscriberStore, 'schedulesInUse' | 'chatsDue'>, now: Date, defaults: ScheduleDefaults): Promise<Array<DueChat & { language: string | null }>> {
  const slots = [];
  for (const s of await store.schedulesInUse()) {
    const slot = rememberedLastSlot(s.digestTime ?? defaults.digest, s.timezone ?? defaults.timezone, now, defaults.maxAgeMs);
    if (slot && now.getTime() - slot.getTime() <= defaults.maxAgeMs) slots.push({ ...s, slot });
  }
  return slots.length > 0 ? store.chatsDue(slots) : [];
}

/** The last slot each cron schedule was found to have, and when: the next tick walks back only to then. */
const slotMemo = new Map<string, { at: number; slot: Date | null }>();

/**
 * lastSlot, remembering a cron schedule's answer: walking a cron expression back minute by
 * minute costs ~1,400 matches a day's lookback, per zone, each tick; from the previous tick it
 * is one or two.
 */
function rememberedLastSlot(schedule: string, tz: string, now: Date, lookbackMs: number): Date | null {
  if (HH_MM.test(schedule)) return lastSlot(schedule, tz, now, lookbackMs);
  const key = `${schedule}\u0000${tz}\u0000${lookbackMs}`;
  const t = now.getTime();
  const memo = slotMemo.get(key);
  let slot: Date | null;
  if (memo && memo.at <= t && t - memo.at < 3_600_000) {
    // A later slot can only be among the instants since the memo; else the memo's stands, while
    // it is within the lookback lastSlot would have searched.
    const floor = t - Math.min(lookbackMs, schedule.trim().split(/\s+/).length === 6 ? 3_600_000 : 8 * 86_400_000);
    slot = lastSlot(schedule, tz, now, t - memo.at) ?? (memo.slot && memo.slot.getTime() >= floor ? memo.slot : null);
  } else {
    slot = lastSlot(schedule, tz, now, lookbackMs);
  }
  if (slotMemo.size > 10_000) slotMemo.clear();
  slotMemo.set(key, { at: t, slot });
  return slot;
}

/** A daily time's slots on a local date and the day before it, by schedule, zone and date. */
const dailyMemo = new Map<string, { today: Date; yesterday: Date }>();

/**
 * The last slot of a daily `hour`:`minute`, remembering the local date's two candidate instants: placing
 * a wall-clock time in a zone costs several time-zone conversions, and a tick asks for hundreds of
 * schedules whose slots change only when their local date does.
 */
function dailySlot(h: number, m: number, tz: string, now: Date): Date {
  const today = localDate(now, tz);
  const key = `${h}:${m}\u0000${tz}\u0000${today}`;
  let memo = dailyMemo.get(key);
  if (!memo) {
    memo = { today: zonedTime(today, h, m, tz), yesterday: zonedTime(addDays(today, -1), h, m, tz) };
    if (dailyMemo.size > 10_000) dailyMemo.clear();
    dailyMemo.set(key, memo);
  }
  return memo.today <= now ? memo.today : memo.yesterday;
}

/**
 * The latest instant ≤ now at which `schedule` ("HH:MM" or cron) fires in `tz`, looking back at
 * most `lookbackMs` for a cron expression; null when none.
 * @example lastSlot('08:00', 'Europe/Kyiv', new Date('2026-11-24T12:00:00Z'), 864e5) // 2026-11-24T06:00:00Z
 */
export function lastSlot(schedule: string, tz: string, now: Date, lookbackMs: number): Date | null {
  const hm = HH_MM.exec(schedule);
  if (hm) return dailySlot(Number(hm[1]), Number(hm[2]), tz, now);
  const withSeconds = schedule.trim().split(/\s+/).length === 6;
  const step = withSeconds ? 1000 : 60_000;
  const limit = now.getTime() - Math.min(lookbackMs, withSeconds ? 3_600_000 : 8 * 86_400_000);
  return firstCronMatch(schedule, tz, { start: Math.floor(now.getTime() / step) * step, stepMs: -step, end: limit - 1 });
}

/**
 * When the chat's next digest is due, for telling the subscriber ("Next digest: …").
 * @example nextDigestAt(subscriber, defaults, new Date())
 */
export function nextDigestAt(subscriber: Pick<Subscriber, 'timezone' | 'digestTime'>, defaults: Omit<ScheduleDefaults, 'maxAgeMs'>, from: Date = new Date()): Date | null {
  const tz = subscriber.timezone ?? defaults.timezone;
  const schedule = subscriber.digestTime ?? defaults.digest;
  const hm = HH_MM.exec(schedule);
  if (hm) {
    const today = localDate(from, tz);
    const at = zonedTime(today, Number(hm[1]), Number(hm[2]), tz);
    return at > from ? at : zonedTime(addDays(today, 1), Number(hm[1]), Number(hm[2]), tz);
  }
  // Strictly after `from`: the next whole minute on.
  return nextRun(schedule, tz, new Date(Math.floor(from.getTime() / 60_000) * 60_000 + 60_000));
}
