/**
 * Composition root of the running service: config → database → bot + scheduler + outbox.
 * The only place (with cli.ts) that constructs Telegraf, the database and cron tasks.
 */
import type { Config } from './config.js';
import type { Logger } from './support/logger.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';
import { createBot, registerCommands } from './bot/create-bot.js';
import { TelegrafSender } from './delivery/telegraf-sender.js';
import { FloodLimiter } from './delivery/flood-limiter.js';
import { drainOutbox } from './delivery/outbox.js';
import { publishDigest } from './delivery/publish-digest.js';
import { startJobs } from './jobs/scheduler.js';
import { runFeedCycle } from './app/run-feed-cycle.js';
import { makeDigest, type DigestSettings } from './app/make-digest.js';
import { createBotDeps } from './bot/bot-deps.js';
import { seedFeeds } from './app/seed-feeds.js';

/** How often the outbox is checked for retries that have come due. */
const OUTBOX_POLL_MS = 2_000;

/** Digest settings from config. */
export function digestSettings(config: Config): DigestSettings {
  return {
    timezone: config.timezone,
    maxStories: config.maxStories,
    topFigures: config.topFigures,
    windowHours: config.digestWindowHours,
    digestsDir: config.digestsDir,
  };
}

/**
 * Run the bot until SIGINT/SIGTERM: long polling, scheduled fetch and digest, outbox delivery.
 * Resolves after a clean shutdown.
 * @example await runBot(parseConfig(process.env), logger)
 */
export async function runBot(config: Config, logger: Logger, token: string): Promise<void> {
  const store = openSqliteStore(config.databasePath);
  await seedFeeds(store, config.seedFeeds, logger);
  const settings = digestSettings(config);

  const bot = createBot({ token, apiRoot: config.telegram.apiRoot }, createBotDeps({ config, store, logger, settings }));

  const outbox = { store, sender: new TelegrafSender(bot.telegram), logger, limiter: new FloodLimiter({ globalPerSecond: config.sendRatePerSecond, privateIntervalMs: 1000, groupPerMinute: 20 }) };
  let draining: Promise<unknown> | null = null;
  const drain = () => (draining ??= drainOutbox(outbox).finally(() => (draining = null)));

  const fetchCycle = () =>
    runFeedCycle({ store, logger, fetch: config.fetch, topFigures: config.topFigures, fullText: true });
  const digestRun = async () => {
    const digest = await makeDigest({ store, logger, settings });
    if (!digest) return;
    const queued = await publishDigest(store, digest);
    logger.info({ digest: digest.id, queued }, 'digest queued for subscribers');
    await drain();
  };

  const stopJobs = startJobs(
    [
      { name: 'fetch', cron: config.fetchCron, timezone: config.timezone, run: fetchCycle },
      { name: 'digest', cron: config.digestCron, timezone: config.timezone, run: digestRun },
    ],
    logger,
  );
  const outboxTimer = setInterval(() => void drain().catch((err) => logger.error({ err: (err as Error).message }, 'outbox failed')), OUTBOX_POLL_MS);

  await registerCommands(bot);
  const polling = bot.launch({ dropPendingUpdates: false }, () =>
    logger.info({ bot: bot.botInfo?.username, database: config.databasePath, digest: config.digestCron, timezone: config.timezone }, 'bot started'),
  );
  // The first cycle runs now so a fresh install has articles before the first digest.
  void fetchCycle().catch((err) => logger.error({ err: (err as Error).message }, 'initial fetch failed'));

  await new Promise<void>((resolve, reject) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      bot.stop(signal);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
    polling.catch(reject);
  });
  clearInterval(outboxTimer);
  await stopJobs();
  await draining;
  await store.close();
  logger.info('stopped');
}
