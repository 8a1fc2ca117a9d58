/**
 * Prometheus metrics (prom-client), one registry per process. Components record what happened;
 * the /metrics endpoint renders it. Names follow Prometheus conventions: keyfigures_*_total for
 * counters, *_seconds for durations.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Every metric KeyFigures exposes. */
export interface Metrics {
  registry: Registry;
  fetchDuration: Histogram<'feed'>;
  fetchErrors: Counter<'feed'>;
  articlesStored: Counter;
  figuresStored: Counter;
  messagesSent: Counter;
  messagesFailed: Counter<'reason'>;
  outboxBacklog: Gauge;
  digestBuildSeconds: Histogram;
  lastFetchCycle: Gauge;
  llmSummaries: Counter<'outcome'>;
  llmTokens: Counter;
}

/**
 * Create a fresh registry with every metric registered (and Node's default process metrics).
 * @example const metrics = createMetrics(); metrics.messagesSent.inc();
 */
export function createMetrics(opts: {
  defaultMetrics?: boolean;
  /** Read at each scrape for keyfigures_outbox_backlog (e.g. the store's pending deliveries). */
  outboxBacklog?: () => Promise<number> | number;
} = {}): Metrics {
  const backlog = opts.outboxBacklog;
  const registry = new Registry();
  if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'keyfigures_' });
  const registers = [registry];
  const metrics: Metrics = {
    registry,
    fetchDuration: new Histogram({
      name: 'keyfigures_feed_fetch_duration_seconds',
      help: 'Time to fetch and parse one feed',
      labelNames: ['feed'],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    fetchErrors: new Counter({ name: 'keyfigures_feed_fetch_errors_total', help: 'Failed feed fetches', labelNames: ['feed'], registers }),
    articlesStored: new Counter({ name: 'keyfigures_articles_stored_total', help: 'New articles stored', registers }),
    figuresStored: new Counter({ name: 'keyfigures_figures_stored_total', help: 'Key figures stored with new articles', registers }),
    messagesSent: new Counter({ name: 'keyfigures_messages_sent_total', help: 'Digest messages Telegram accepted', registers }),
    messagesFailed: new Counter({
      name: 'keyfigures_messages_failed_total',
      help: 'Digest message send failures by reason (rate_limited = 429, chat_gone = 403/not found, transient, rejected)',
      labelNames: ['reason'],
      registers,
    }),
    outboxBacklog: new Gauge({
      name: 'keyfigures_outbox_backlog',
      help: 'Digest messages waiting to be sent',
      registers,
      ...(backlog ? { async collect(this: Gauge) { this.set(await backlog()); } } : {}),
    }),
    digestBuildSeconds: new Histogram({
      name: 'keyfigures_digest_build_duration_seconds',
      help: 'Time to build, render and archive a digest',
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5],
      registers,
    }),
    lastFetchCycle: new Gauge({ name: 'keyfigures_last_fetch_cycle_timestamp_seconds', help: 'When the last fetch cycle finished (Unix time)', registers }),
    llmSummaries: new Counter({
      name: 'keyfigures_llm_summaries_total',
      help: 'LLM story summaries by outcome: accepted, rejected (a number not in the sources), timeout, rate_limited, malformed, unreachable, http, budget, deadline',
      labelNames: ['outcome'],
      registers,
    }),
    llmTokens: new Counter({ name: 'keyfigures_llm_tokens_total', help: 'Tokens (prompt + completion) the LLM endpoint reported', registers }),
  };
  for (const outcome of ['accepted', 'rejected']) metrics.llmSummaries.inc({ outcome }, 0);
  // Every failure reason is exported from the start (at 0), so rate() and alerts see a series before the first failure.
  for (const reason of FAILURE_REASONS) metrics.messagesFailed.inc({ reason }, 0);
  return metrics;
}

/** The labels of keyfigures_messages_failed_total: SendError kinds, and `missing` (a digest part lost). */
const FAILURE_REASONS = ['rate_limited', 'chat_gone', 'migrated', 'transient', 'rejected', 'missing'] as const;
