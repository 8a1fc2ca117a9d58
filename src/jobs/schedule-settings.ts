/**
 * The operator's schedule: the fetch cron, the default digest time and the default time zone.
 * Config gives the defaults; `setDefaultSchedule` (CLI `keyfigures schedule set`, bot
 * `/admin schedule`) validates a change and keeps it in the database, where the running bot
 * re-reads it every planner tick — no restart needed.
 */
import type { SettingsStore } from '../store/settings-store.js';
import { UsageError } from '../domain/errors.js';
import { isValidCron } from './scheduler.js';
import { isValidTimeZone } from './time-zone.js';
import { isDigestTime } from './due-chats.js';

/** The schedule in force. */
export interface EffectiveSchedule {
  /** Cron for fetch cycles, in `timezone`. */
  fetchCron: string;
  /** Default digest schedule: "HH:MM" local time or a cron expression. */
  digest: string;
  /** Default IANA time zone (chats without their own). */
  timezone: string;
  /** Which values come from the database (changed at run time) rather than config. */
  overridden: Array<'fetchCron' | 'digest' | 'timezone'>;
}

/** A change: a value sets, null restores the config default, undefined leaves it. */
export interface ScheduleChange {
  fetchCron?: string | null;
  digest?: string | null;
  timezone?: string | null;
}

const KEYS = { fetchCron: 'schedule.fetch_cron', digest: 'schedule.digest', timezone: 'schedule.timezone' } as const;

/**
 * Config defaults overlaid with the database's settings (an invalid stored value is ignored).
 * @example const schedule = await effectiveSchedule(store, { fetchCron: config.fetchCron, digest: config.digestCron, timezone: config.timezone })
 */
export async function effectiveSchedule(
  store: SettingsStore,
  defaults: { fetchCron: string; digest: string; timezone: string },
): Promise<EffectiveSchedule> {
  const stored = await store.getSettings();
  const result: EffectiveSchedule = { ...defaults, overridden: [] };
  for (const field of ['fetchCron', 'digest', 'timezone'] as const) {
    const value = stored[KEYS[field]];
    if (value !== undefined && scheduleProblems({ [field]: value }).length === 0) {
      result[field] = value;
      result.overridden.push(field);
    }
  }
  return result;
}

/**
 * Every problem with a change, each naming the option and the fix; empty when valid.
 * @example scheduleProblems({ timezone: 'Mars/Olympus' }) // ['--timezone "Mars/Olympus" is not an IANA time zone …']
 */
export function scheduleProblems(change: ScheduleChange): string[] {
  const problems: string[] = [];
  if (change.fetchCron != null && !isValidCron(change.fetchCron)) {
    problems.push(`--fetch "${change.fetchCron}" is not a valid cron expression (e.g. "*/30 * * * *" = every 30 minutes)`);
  }
  if (change.digest != null && !isDigestTime(change.digest) && !isValidCron(change.digest)) {
    problems.push(`--digest "${change.digest}" is neither a time HH:MM (e.g. 08:00) nor a cron expression (e.g. "0 8 * * 1-5")`);
  }
  if (change.timezone != null && !isValidTimeZone(change.timezone)) {
    problems.push(`--timezone "${change.timezone}" is not an IANA time zone (e.g. Europe/Kyiv, America/New_York, UTC)`);
  }
  return problems;
}

/**
 * Validate and persist a change of the default schedule; throws UsageError listing every problem.
 * The running bot applies it within one planner tick.
 * @example await setDefaultSchedule(store, { digest: '07:30', timezone: 'Europe/Kyiv' })
 */
export async function setDefaultSchedule(store: SettingsStore, change: ScheduleChange, now: Date = new Date()): Promise<void> {
  const problems = scheduleProblems(change);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  const values: Record<string, string | null> = {};
  for (const field of ['fetchCron', 'digest', 'timezone'] as const) {
    const value = change[field];
    if (value !== undefined) values[KEYS[field]] = value === null ? null : value.trim();
  }
  await store.putSettings(values, now);
}
