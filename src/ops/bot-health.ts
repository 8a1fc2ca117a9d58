/**
 * Where the running bot meets the health rules: it records when Telegram last answered a poll,
 * probes the database with a real (rolled back) write, and knows how often fetch cycles are due.
 * `checkHealth` (health.ts) judges; this file only gathers.
 */
import type { Telegram } from 'telegraf';
import type { Store } from '../store/store.js';
import { nextRun } from '../jobs/next-run.js';
import { checkHealth, type HealthReport } from './health.js';

/**
 * How often a cron fires: the time between its next two runs (minute resolution), or 8 days when
 * it does not fire twice within that.
 * @example fetchIntervalMs('*\/30 * * * *', 'UTC', new Date()) // 1_800_000
 */
export function fetchIntervalMs(cron: string, timezone: string, from: Date = new Date()): number {
  const week = 8 * 24 * 3_600_000;
  const first = nextRun(cron, timezone, from);
  const second = first && nextRun(cron, timezone, new Date(first.getTime() + 60_000));
  return first && second ? second.getTime() - first.getTime() : week;
}

/**
 * Call `onAlive` each time a getUpdates call succeeds (an empty long poll counts: Telegram answered).
 * @example watchPolling(bot.telegram, (at) => (pollingAliveAt = at))
 */
export function watchPolling(telegram: Telegram, onAlive: (at: Date) => void): void {
  const callApi = telegram.callApi.bind(telegram);
  const watched = async (...args: Parameters<typeof callApi>) => {
    const result = await callApi(...args);
    if (args[0] === 'getUpdates') onAlive(new Date());
    return result;
  };
  telegram.callApi = watched as typeof telegram.callApi;
}

/** What the bot tells the health check, read at each request. */
export interface BotHealthSources {
  store: Pick<Store, 'checkWritable'>;
  startedAt: Date;
  /** Last successful getUpdates, or (webhook mode) now while the webhook server listens. */
  pollingAliveAt: () => Date | null;
  lastFetchCycleAt: () => Date | null;
  /** The fetch schedule in force now (it can change at run time). */
  fetchSchedule: () => { cron: string; timezone: string };
  now?: () => Date;
  pollingGraceMs?: number;
}

/**
 * Gather the health inputs and judge them: the function /healthz calls.
 * @example startOpsServer({ port, health: botHealth({ store, startedAt, pollingAliveAt, lastFetchCycleAt, fetchSchedule }), registry })
 */
export function botHealth(src: BotHealthSources): () => Promise<HealthReport> {
  return async () => {
    const now = src.now?.() ?? new Date();
    let databaseError: string | undefined;
    try {
      await src.store.checkWritable();
    } catch (err) {
      databaseError = (err as Error).message;
    }
    const { cron, timezone } = src.fetchSchedule();
    return checkHealth({
      now,
      startedAt: src.startedAt,
      pollingAliveAt: src.pollingAliveAt(),
      databaseWritable: databaseError === undefined,
      ...(databaseError ? { databaseError } : {}),
      lastFetchCycleAt: src.lastFetchCycleAt(),
      fetchIntervalMs: fetchIntervalMs(cron, timezone, now),
      ...(src.pollingGraceMs ? { pollingGraceMs: src.pollingGraceMs } : {}),
    });
  };
}
