/**
 * Composition root of the running service: config → database → bot + scheduler + outbox.
 * The only place (with cli/) that constructs Telegraf, the database and cron tasks.
 *
 * Digests: a planner tick (every SCHEDULE_CHECK_SECONDS) re-reads the schedule from the
 * database, queues the current digest for the chats whose local digest time has come, and wakes
 * the outbox worker, which sends continuously within Telegram's limits.
 */
import { Telegram } from 'telegraf';
import type { Config } from './config.js';
import type { Logger } from './support/logger.js';
import { describeDatabase, openStore } from './store/open-store.js';
import { createBot, registerCommands } from './bot/create-bot.js';
import { TelegrafSender } from './delivery/telegraf-sender.js';
import { OutboxWorker } from './delivery/outbox.js';
import { queueDueDigests } from './delivery/queue-digests.js';
import { startJobs } from './jobs/scheduler.js';
import { effectiveSchedule, type EffectiveSchedule } from './jobs/schedule-settings.js';
import { runFeedCycle } from './app/run-feed-cycle.js';
import type { DigestSettings } from './app/make-digest.js';
import { createBotDeps, floodLimiter } from './bot/bot-deps.js';
import { UpdateLanes } from './bot/update-lanes.js';
import { seedFeeds } from './app/seed-feeds.js';
import { createMetrics } from './ops/metrics.js';
import { startOpsServer, type OpsServer } from './ops/ops-server.js';
import { botHealth, watchPolling } from './ops/bot-health.js';
import { launchOptions } from './bot/webhook-options.js';
import { followLeadership, type Leadership } from './fleet/leadership.js';
import { chooseSendPacer } from './fleet/choose-send-pacer.js';

/** The lease that makes one process of a fleet the one that long-polls Telegram. */
export const POLLING_LEASE = 'telegram-polling';

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

export { floodLimiter };

/**
 * Run the bot until SIGINT/SIGTERM: long polling, scheduled fetch, per-chat digests, outbox
 * delivery. On a signal: stop taking updates, stop the schedules, finish the sends on the wire,
 * give back the rest of the leased work, close the database. Resolves after that.
 * @example await runBot(parseConfig(process.env), logger, token)
 */
export async function runBot(config: Config, logger: Logger, token: string): Promise<void> {
  const store = await openStore(config.database);
  await seedFeeds(store, config.seedFeeds, logger);
  const settings = digestSettings(config);
  const startedAt = new Date();
  // Metrics are recorded only when someone can read them (HTTP_PORT).
  const metrics = config.http ? createMetrics({ outboxBacklog: async () => (await store.deliveryCounts()).pending }) : undefined;

  let schedule: EffectiveSchedule = await effectiveSchedule(store, scheduleDefaults(config));
  // One pacer for everything the process sends: replies, edits, broadcasts and the outbox's digests
  // (on PostgreSQL shared with every other process on the token).
  const pacer = chooseSendPacer(config, store, logger);
  const botDeps = createBotDeps({ config, store, logger, settings, schedule: () => schedule, pacer });
  const lanes = new UpdateLanes();
  const bot = createBot({ token, apiRoot: config.telegram.apiRoot }, botDeps, lanes);
  let pollingAliveAt: Date | null = null;
  watchPolling(bot.telegram, (at) => (pollingAliveAt = at));
  if (config.webhook) {
    // Replies go through the API (not the webhook's HTTP answer), so they get message ids and 429 retries.
    bot.telegram.webhookReply = false;
  }
  // The outbox keeps its durable retry bookkeeping (each 429 and error recorded on the row), so it
  // sends with a plain client, taking its slots from the same pacer as the bot's replies.
  const sender = new TelegrafSender(new Telegram(token, { apiRoot: config.telegram.apiRoot }));
  const worker = new OutboxWorker({ store, sender, logger, limiter: pacer, maxInFlight: config.sendInFlight, kind: 'bot', language: config.language, cards: botDeps.cards, ...(metrics ? { metrics } : {}) });
  await worker.start();
  const sending = worker.run().catch((err) => logger.error({ err: (err as Error).message }, 'outbox worker failed'));

  let fetching: Promise<unknown> | null = null;
  let lastFetchCycleAt: Date | null = null;
  const fetchCycle = () =>
    (fetching ??= runFeedCycle({ store, logger, fetch: config.fetch, topFigures: config.topFigures, fullText: true, allowPrivateFeeds: config.allowPrivateFeeds, series: config.series, ...(metrics ? { metrics } : {}) })
      .then((report) => ((lastFetchCycleAt = new Date()), report))
      .then(async (report) => (await dropOldBodies(), report))
      .finally(() => (fetching = null)));
  // RETENTION_DAYS: at most 5,000 old bodies a cycle, so a long history catches up over a few cycles.
  const dropOldBodies = async () => {
    if (config.retentionDays === null) return;
    try {
      const dropped = await store.dropArticleBodies(new Date(Date.now() - config.retentionDays * 86_400_000), 5_000);
      if (dropped > 0) logger.info({ dropped, retentionDays: config.retentionDays }, 'old article bodies emptied');
    } catch (err) {
      logger.error({ err: (err as Error).message }, 'retention failed');
    }
  };

  const fetchJob = (s: EffectiveSchedule) => startJobs([{ name: 'fetch', cron: s.fetchCron, timezone: s.timezone, run: fetchCycle }], logger);
  let stopFetchJob = fetchJob(schedule);

  let planning: Promise<unknown> | null = null;
  const plan = async () => {
    const next = await effectiveSchedule(store, scheduleDefaults(config));
    if (next.fetchCron !== schedule.fetchCron || next.timezone !== schedule.timezone) {
      await stopFetchJob();
      stopFetchJob = fetchJob(next);
    }
    if (next.fetchCron !== schedule.fetchCron || next.digest !== schedule.digest || next.timezone !== schedule.timezone) {
      logger.info({ fetch: next.fetchCron, digest: next.digest, timezone: next.timezone }, 'schedule changed; applied');
    }
    schedule = next;
    // Never wait for a fetch cycle: a digest slot goes out on time with the stories stored so far
    // (a cycle with slow feeds can take minutes; the rest of its stories make the next edition).
    const result = await queueDueDigests({ store, logger, settings, schedule, maxAgeMs: config.missedDigestMaxAgeHours * 3_600_000, ...(metrics ? { metrics } : {}) });
    if (result.queued > 0) worker.wake();
  };
  const tick = () => {
    planning ??= plan()
      .catch((err) => logger.error({ err: (err as Error).message }, 'digest planner failed'))
      .finally(() => (planning = null));
  };
  const plannerTimer = setInterval(tick, config.scheduleCheckSeconds * 1000);

  let leadership: Leadership | null = null;
  const standingBy = () => leadership !== null && !leadership.leading();
  let ops: OpsServer | null = null;
  if (config.http && metrics) {
    // In webhook mode "alive" means the webhook server is listening (updates may be rare).
    const webhookListening = () => (bot as unknown as { webhookServer?: { listening: boolean } }).webhookServer?.listening === true;
    ops = await startOpsServer({
      port: config.http.port,
      host: config.http.host,
      registry: metrics.registry,
      health: botHealth({
        store,
        startedAt,
        // A standby is healthy while it renews its claim to lead; a leader while Telegram answers.
        pollingAliveAt: () => ((config.webhook && webhookListening()) || standingBy() ? new Date() : pollingAliveAt),
        lastFetchCycleAt: () => lastFetchCycleAt,
        fetchSchedule: () => ({ cron: schedule.fetchCron, timezone: schedule.timezone }),
      }),
    });
    logger.info({ url: ops.url }, 'ops endpoints: /healthz and /metrics');
  }

  // Failing to reach Telegram at start (or polling dying later) ends the process through the same
  // shutdown as a signal — never schedules left running without a bot — and is then rethrown.
  let failure: { err: unknown } | null = null;
  let failed: (err: unknown) => void = () => undefined;
  const failedOnce = new Promise<void>((resolve) => (failed = (err) => ((failure ??= { err }), resolve())));
  const started = () =>
    logger.info(
      {
        bot: bot.botInfo?.username,
        database: describeDatabase(config.database),
        digest: schedule.digest,
        timezone: schedule.timezone,
        worker: worker.owner,
        updates: config.webhook ? `webhook ${config.webhook.url} (listening on ${config.webhook.host}:${config.webhook.port})` : 'long polling',
      },
      'bot started',
    );
  await registerCommands(bot).catch(failed);
  // Webhook mode: every instance takes updates. Long polling: one leader at a time polls (two
  // getUpdates on one token conflict); the others stand by and take over within ~8 s of its death.
  if (config.webhook) {
    bot.launch(launchOptions(config), started).catch(failed);
  } else if (!failure) {
    let polling: Promise<void> | null = null;
    leadership = followLeadership({
      leases: store,
      name: POLLING_LEASE,
      holder: worker.owner,
      logger,
      onChange: async (leading) => {
        if (leading) {
          polling = bot.launch(launchOptions(config), started).catch(failed);
          return;
        }
        // Launch may still be between getMe and its first poll: wait until there is polling to stop.
        for (let tries = 0; polling && tries < 100; tries++) {
          try {
            bot.stop('standby');
            break;
          } catch {
            await new Promise((r) => setTimeout(r, 50));
          }
        }
        await polling;
        polling = null;
      },
    });
  }
  // The first cycle runs now so a fresh install has articles; the first tick delivers digests
  // missed while the bot was down (once, and only if recent enough).
  void fetchCycle().catch((err) => logger.error({ err: (err as Error).message }, 'initial fetch failed'));
  tick();

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
    void failedOnce.then(resolve);
  });
  // Stepping down releases the polling lease, so a standby takes over at once.
  await leadership?.stop();
  try {
    bot.stop(failure ? 'failure' : 'shutdown');
  } catch {
    // not running (standby, or never launched): nothing to stop
  }
  clearInterval(plannerTimer);
  await stopFetchJob();
  await planning;
  // Updates already taken from Telegram are answered (and started jobs finished) before the store closes.
  await Promise.race([
    (async () => {
      await lanes.idle();
      await botDeps.jobs.idle();
      await botDeps.sender.idle();
    })(),
    new Promise((r) => setTimeout(r, 10_000).unref()),
  ]);
  const report = await worker.stop();
  await sending;
  const inFlightFetch = fetching as Promise<unknown> | null;
  await Promise.race([inFlightFetch?.catch(() => undefined), new Promise((r) => setTimeout(r, 5_000).unref())]);
  await ops?.close();
  await store.close();
  logger.info({ sent: report.sent, retried: report.retried, failed: report.failed }, 'stopped');
  if (failure) throw (failure as { err: unknown }).err;
}
