/**
 * The bot's digest planner: every SCHEDULE_CHECK_SECONDS it re-reads the schedule from the
 * database (an operator may change it at run time), queues the current digest for the chats whose
 * local digest time has come, and wakes the outbox.
 */
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import type { Metrics } from '../ops/metrics.js';
import type { DigestSettings } from '../app/make-digest.js';
import { effectiveSchedule, type EffectiveSchedule } from '../jobs/schedule-settings.js';
import { queueDueDigests } from '../delivery/queue-digests.js';
import type { FeedCycles } from './start-feed-cycles.js';

/** The schedule in force, read by every part that needs it, replaced by the planner when it changes. */
export interface CurrentSchedule {
  current: EffectiveSchedule;
}

/** A running planner. */
export interface DigestPlanner {
  /** Plan now (unless a plan is running). */
  tick(): void;
  /** Stop ticking and wait for a plan running. */
  stop(): Promise<void>;
}

/**
 * Start ticking (the first tick only when asked: `tick()`).
 * @example const planner = startDigestPlanner({ config, store, logger, settings, schedule, feeds, onQueued: () => outbox.wake() })
 */
export function startDigestPlanner(deps: {
  config: Config;
  store: Store;
  logger: Logger;
  settings: DigestSettings;
  schedule: CurrentSchedule;
  /** Rescheduled when the fetch schedule changes. */
  feeds: Pick<FeedCycles, 'reschedule'>;
  /** Digests were queued. */
  onQueued: () => void;
  defaults: { fetchCron: string; digest: string; timezone: string };
  metrics?: Metrics | undefined;
}): DigestPlanner {
  const { config, store, logger, settings, schedule, metrics } = deps;
  const plan = async () => {
    const next = await effectiveSchedule(store, deps.defaults);
    const was = schedule.current;
    if (next.fetchCron !== was.fetchCron || next.timezone !== was.timezone) await deps.feeds.reschedule(next);
    if (next.fetchCron !== was.fetchCron || next.digest !== was.digest || next.timezone !== was.timezone) {
      logger.info({ fetch: next.fetchCron, digest: next.digest, timezone: next.timezone }, 'schedule changed; applied');
    }
    schedule.current = next;
    // Never wait for a fetch cycle: a digest slot goes out on time with the stories stored so far
    // (a cycle with slow feeds can take minutes; the rest of its stories make the next edition).
    const result = await queueDueDigests({ store, logger, settings, schedule: next, maxAgeMs: config.missedDigestMaxAgeHours * 3_600_000, ...(metrics ? { metrics } : {}) });
    if (result.queued > 0) deps.onQueued();
  };
  let planning: Promise<unknown> | null = null;
  const tick = () => {
    planning ??= plan()
      .catch((err) => logger.error({ err: (err as Error).message }, 'digest planner failed'))
      .finally(() => (planning = null));
  };
  const timer = setInterval(tick, config.scheduleCheckSeconds * 1000);
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await planning;
    },
  };
}
