/**
 * Composition root of the running service, read in order: config → database → the bot →
 * the outbox → fetch cycles and the digest planner → updates (webhook, or polling by one leader
 * of the fleet) and the ops endpoints; then, on a signal, the same parts stopped in reverse.
 * Each part is made by a small factory in src/service/; this file only wires them. The only
 * place (with cli/) that constructs Telegraf, the database and cron tasks.
 */
import type { Config } from './config.js';
import type { Logger } from './support/logger.js';
import { describeDatabase, openStore } from './store/open-store.js';
import { effectiveSchedule } from './jobs/schedule-settings.js';
import type { DigestSettings } from './app/make-digest.js';
import { seedFeeds } from './app/seed-feeds.js';
import { createMetrics } from './ops/metrics.js';
import { chooseSendPacer } from './fleet/choose-send-pacer.js';
import { createTelegramBot } from './service/create-telegram-bot.js';
import { startOutbox } from './service/start-outbox.js';
import { startFeedCycles } from './service/start-feed-cycles.js';
import { startWindowPreparation } from './service/start-window-preparation.js';
import { startDigestPlanner, type CurrentSchedule } from './service/start-digest-planner.js';
import { startOps } from './service/start-ops.js';
import { startUpdates, type Updates } from './service/start-updates.js';

/** Digest settings from config. */
export function digestSettings(config: Config): DigestSettings {
  return {
    timezone: config.timezone,
    maxStories: config.maxStories,
    topFigures: config.topFigures,
    windowHours: config.digestWindowHours,
    digestsDir: config.digestsDir,
    series: config.series,
    llm: config.llm,
    language: config.language,
  };
}

/** The schedule config gives, before the database's overrides. */
export function scheduleDefaults(config: Config): { fetchCron: string; digest: string; timezone: string } {
  return { fetchCron: config.fetchCron, digest: config.digestCron, timezone: config.timezone };
}

/**
 * Run the bot until SIGINT/SIGTERM: updates, scheduled fetch, per-chat digests, outbox delivery.
 * On a signal: stop taking updates, stop the schedules, answer the updates already taken, finish
 * the sends on the wire, give back the rest of the leased work, close the database. Resolves
 * after that. Failing to reach Telegram at start (or polling dying later) ends the process
 * through the same shutdown, and is then rethrown.
 * @example await runBot(parseConfig(process.env), logger, token)
 */
export async function runBot(config: Config, logger: Logger, token: string): Promise<void> {
  const startedAt = new Date();
  const store = await openStore(config.database);
  await seedFeeds(store, config.seedFeeds, logger);
  const settings = digestSettings(config);
  // Metrics are recorded only when someone can read them (HTTP_PORT).
  const metrics = config.http ? createMetrics({ outboxBacklog: async () => (await store.deliveryCounts()).pending }) : undefined;
  const schedule: CurrentSchedule = { current: await effectiveSchedule(store, scheduleDefaults(config)) };
  // One pacer for everything the process sends: replies, edits, broadcasts and the outbox's digests
  // (on PostgreSQL shared with every other process on the token).
  const pacer = chooseSendPacer(config, store, logger);

  const telegram = createTelegramBot({ token, config, store, logger, settings, pacer, schedule: () => schedule.current });
  const outbox = await startOutbox({ token, config, store, logger, pacer, cards: telegram.deps.cards, metrics });
  const window = startWindowPreparation({ deps: telegram.deps, logger, timezone: () => schedule.current.timezone });
  const feeds = startFeedCycles({ config, store, logger, schedule: schedule.current, metrics, afterCycle: window.now });
  const planner = startDigestPlanner({ config, store, logger, settings, schedule, feeds, onQueued: outbox.wake, defaults: scheduleDefaults(config), metrics });

  let updates: Updates | null = null;
  const ops = await startOps({
    config,
    metrics,
    store,
    bot: telegram.bot,
    logger,
    startedAt,
    pollingAliveAt: telegram.pollingAliveAt,
    standingBy: () => updates?.standingBy() ?? false,
    lastFetchCycleAt: feeds.lastCycleAt,
    fetchSchedule: () => ({ cron: schedule.current.fetchCron, timezone: schedule.current.timezone }),
  });
  const failure = failureLatch();
  const launched = () =>
    logger.info(
      {
        bot: telegram.bot.botInfo?.username,
        database: describeDatabase(config.database),
        digest: schedule.current.digest,
        timezone: schedule.current.timezone,
        worker: outbox.owner,
        updates: config.webhook ? `webhook ${config.webhook.url} (listening on ${config.webhook.host}:${config.webhook.port})` : 'long polling',
      },
      'bot started',
    );
  updates = await startUpdates({ bot: telegram.bot, config, leases: store, holder: outbox.owner, logger, onLaunched: launched, onFailure: failure.fail });

  // The first cycle runs now so a fresh install has articles; the first tick delivers digests
  // missed while the bot was down (once, and only if recent enough).
  void feeds.run().catch((err) => logger.error({ err: (err as Error).message }, 'initial fetch failed'));
  planner.tick();

  await Promise.race([signalled(logger), failure.happened]);

  await updates.stop(failure.err() ? 'failure' : 'shutdown');
  await planner.stop();
  await feeds.stop();
  await window.stop();
  // Updates already taken from Telegram are answered (and started jobs finished) before the store closes.
  await Promise.race([telegram.idle(), new Promise((r) => setTimeout(r, 10_000).unref())]);
  const report = await outbox.stop();
  await feeds.finish(5_000);
  await ops?.close();
  await store.close();
  logger.info({ sent: report.sent, retried: report.retried, failed: report.failed }, 'stopped');
  const err = failure.err();
  if (err) throw err.cause;
}

/** Resolves on the first SIGINT or SIGTERM. */
function signalled(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

/** The first failure of the bot's updates: `happened` resolves then, `err()` holds it. */
function failureLatch() {
  let first: { cause: unknown } | null = null;
  let resolve: () => void = () => undefined;
  const happened = new Promise<void>((r) => (resolve = r));
  return {
    happened,
    fail: (cause: unknown) => {
      first ??= { cause };
      resolve();
    },
    err: () => first,
  };
}
