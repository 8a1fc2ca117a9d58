/** The operators' /healthz and /metrics of a running bot (HTTP_PORT), or nothing without one. */
import type { Telegraf } from 'telegraf';
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import type { Metrics } from '../ops/metrics.js';
import { startOpsServer, type OpsServer } from '../ops/ops-server.js';
import { botHealth } from '../ops/bot-health.js';

/**
 * Serve the ops endpoints when configured; null otherwise.
 * @example const ops = await startOps({ config, metrics, store, bot, startedAt, pollingAliveAt, standingBy, lastFetchCycleAt, fetchSchedule, logger })
 */
export async function startOps(deps: {
  config: Pick<Config, 'http' | 'webhook'>;
  metrics: Metrics | undefined;
  store: Store;
  bot: Telegraf;
  logger: Logger;
  startedAt: Date;
  pollingAliveAt: () => Date | null;
  /** True while another process leads the polling. */
  standingBy: () => boolean;
  lastFetchCycleAt: () => Date | null;
  fetchSchedule: () => { cron: string; timezone: string };
}): Promise<OpsServer | null> {
  const { config, metrics } = deps;
  if (!config.http || !metrics) return null;
  // In webhook mode "alive" means the webhook server is listening (updates may be rare).
  const webhookListening = () => (deps.bot as unknown as { webhookServer?: { listening: boolean } }).webhookServer?.listening === true;
  const ops = await startOpsServer({
    port: config.http.port,
    host: config.http.host,
    registry: metrics.registry,
    health: botHealth({
      store: deps.store,
      startedAt: deps.startedAt,
      // A standby is healthy while it renews its claim to lead; a leader while Telegram answers.
      pollingAliveAt: () => ((config.webhook && webhookListening()) || deps.standingBy() ? new Date() : deps.pollingAliveAt()),
      lastFetchCycleAt: deps.lastFetchCycleAt,
      fetchSchedule: deps.fetchSchedule,
    }),
  });
  deps.logger.info({ url: ops.url }, 'ops endpoints: /healthz and /metrics');
  return ops;
}
