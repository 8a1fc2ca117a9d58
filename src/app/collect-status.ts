/** Everything an operator checks at a glance, gathered from the store and config. */
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import { describeDatabase } from '../store/database-location.js';
import { nextRun } from '../jobs/next-run.js';
import { localDate } from '../jobs/time-zone.js';
import type { LlmUsage } from '../store/store.js';

/** The status report behind `keyfigures status`. */
export interface StatusReport {
  at: Date;
  feeds: { total: number; ok: number; failing: Array<{ url: string; errors: number; lastError: string }>; neverFetched: number };
  subscribers: { active: number; paused: number; inactive: number };
  digests: { last: { date: string; createdAt: Date; stories: number } | null; next: Date | null };
  outbox: { pending: number; sent: number; failed: number; cancelled: number };
  /** Where the data lives, how big it is, and what the integrity check found (empty when healthy). */
  database: { path: string; bytes: number | null; problems: string[] };
  /** Optional LLM summaries: off, or today's and all-time counters (rejected = a number not in the sources). */
  llm: { enabled: false } | { enabled: true; model: string; today: LlmUsage; total: LlmUsage; maxTokensPerDay: number };
}

/**
 * Gather the status report.
 * @example const report = await collectStatus(store, config)
 */
export async function collectStatus(store: Store, config: Config, now = new Date()): Promise<StatusReport> {
  const feeds = await store.listFeeds();
  const subscribers = await store.listSubscribers();
  const last = await store.latestDigest();
  const next = nextRun(config.digestCron, config.timezone, now);
  return {
    at: now,
    feeds: {
      total: feeds.length,
      ok: feeds.filter((f) => f.lastFetchedAt && !f.lastError).length,
      failing: feeds.filter((f) => f.lastError).map((f) => ({ url: f.url, errors: f.errorCount, lastError: f.lastError! })),
      neverFetched: feeds.filter((f) => !f.lastFetchedAt).length,
    },
    subscribers: {
      active: subscribers.filter((s) => s.active && !s.paused).length,
      paused: subscribers.filter((s) => s.active && s.paused).length,
      inactive: subscribers.filter((s) => !s.active).length,
    },
    digests: {
      last: last ? { date: last.date, createdAt: last.createdAt, stories: last.stories.length } : null,
      next,
    },
    outbox: await store.deliveryCounts(),
    database: { path: describeDatabase(config.database), bytes: await store.sizeBytes(), problems: await store.checkIntegrity() },
    llm: config.llm
      ? { enabled: true, model: config.llm.model, today: await store.llmUsage(localDate(now, config.timezone)), total: await store.llmUsageTotal(), maxTokensPerDay: config.llm.maxTokensPerDay }
      : { enabled: false },
  };
}
