/**
 * The bot's feed fetching: a cycle on the fetch schedule (one at a time: a tick while one runs
 * joins it), each followed by RETENTION_DAYS' emptying of old article bodies.
 */
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import type { Metrics } from '../ops/metrics.js';
import type { EffectiveSchedule } from '../jobs/schedule-settings.js';
import { startJobs } from '../jobs/scheduler.js';
import { runFeedCycle } from '../app/run-feed-cycle.js';

/** Old bodies emptied per cycle at most, so a long history catches up over a few cycles. */
const RETENTION_BATCH = 5_000;

/** The scheduled fetch cycles of a running bot. */
export interface FeedCycles {
  /** Run a cycle now, or join the one running. */
  run(): Promise<unknown>;
  /** When the last cycle finished; null before the first. */
  lastCycleAt(): Date | null;
  /** Follow a changed fetch schedule (or time zone). */
  reschedule(schedule: Pick<EffectiveSchedule, 'fetchCron' | 'timezone'>): Promise<void>;
  /** Stop the schedule (a cycle running goes on: see finish). */
  stop(): Promise<void>;
  /** Wait up to `timeoutMs` for a cycle still running. */
  finish(timeoutMs: number): Promise<void>;
}

/**
 * Schedule fetch cycles (the first runs only when asked: `run()`).
 * @example const feeds = startFeedCycles({ config, store, logger, schedule })
 */
export function startFeedCycles(deps: {
  config: Config;
  store: Store;
  logger: Logger;
  schedule: Pick<EffectiveSchedule, 'fetchCron' | 'timezone'>;
  metrics?: Metrics | undefined;
  /** Called after each cycle (its articles stored, old bodies emptied). */
  afterCycle?: () => void;
}): FeedCycles {
  const { config, store, logger, metrics } = deps;
  let running: Promise<unknown> | null = null;
  let lastCycleAt: Date | null = null;

  const dropOldBodies = async () => {
    if (config.retentionDays === null) return;
    try {
      const dropped = await store.dropArticleBodies(new Date(Date.now() - config.retentionDays * 86_400_000), RETENTION_BATCH);
      if (dropped > 0) logger.info({ dropped, retentionDays: config.retentionDays }, 'old article bodies emptied');
    } catch (err) {
      logger.error({ err: (err as Error).message }, 'retention failed');
    }
  };
  const run = () =>
    (running ??= runFeedCycle({ store, logger, fetch: config.fetch, topFigures: config.topFigures, fullText: true, allowPrivateFeeds: config.allowPrivateFeeds, series: config.series, ...(metrics ? { metrics } : {}) })
      .then((report) => ((lastCycleAt = new Date()), report))
      .then(async (report) => (await dropOldBodies(), deps.afterCycle?.(), report))
      .finally(() => (running = null)));
  const schedule = (s: Pick<EffectiveSchedule, 'fetchCron' | 'timezone'>) => startJobs([{ name: 'fetch', cron: s.fetchCron, timezone: s.timezone, run }], logger);
  let stopJob = schedule(deps.schedule);

  return {
    run,
    lastCycleAt: () => lastCycleAt,
    async reschedule(next) {
      await stopJob();
      stopJob = schedule(next);
    },
    stop: () => stopJob(),
    async finish(timeoutMs) {
      const cycle = running as Promise<unknown> | null;
      await Promise.race([cycle?.catch(() => undefined), new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    },
  };
}
