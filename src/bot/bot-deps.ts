/** What the bot's handlers receive: explicit dependencies, no globals. */
import type { Config } from '../config.js';
import type { Feed } from '../domain/types.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import type { DigestSettings } from '../app/make-digest.js';
import { addFeed } from '../app/add-feed.js';
import { MessageSender } from '../delivery/message-sender.js';
import { FloodLimiter } from '../delivery/flood-limiter.js';
import type { SendPacer } from '../delivery/send-pacer.js';
import { BackgroundJobs } from './background-jobs.js';
import { EditionCards } from '../delivery/edition-cards.js';
import { RecentDigests } from './recent-digests.js';

/**
 * Add a feed by URL (a page URL is followed to its feed); throws FetchError with a message a user
 * can read. `allowPrivate: false` keeps the SSRF guard on (users), unless ALLOW_PRIVATE_FEEDS says otherwise.
 */
export type AddFeed = (url: string, opts: { allowPrivate: boolean; addedByChat?: number }) => Promise<{ feed: Feed; created: boolean; discoveredFrom: string | null }>;

/** Dependencies shared by every command handler. */
export interface BotDeps {
  store: Store;
  logger: Logger;
  /** Digest building settings; `timezone` is the default for chats without their own. */
  settings: DigestSettings;
  /** The default schedule (DIGEST_CRON) for chats without their own time, as configured. */
  digestCron: string;
  /** The fetch schedule (FETCH_CRON), shown to operators, as configured. */
  fetchCron: string;
  /**
   * The default digest schedule and time zone in force now: config overlaid with an operator's
   * run-time change (the running bot refreshes it every planner tick).
   */
  schedule: () => { digest: string; timezone: string };
  /** Telegram user ids allowed to use /admin (ADMIN_IDS). */
  adminIds: readonly number[];
  addFeed: AddFeed;
  /** The clock (tests may pin it). */
  now: () => Date;
  /** Every message the bot sends goes through it (paced, in order per chat, never dropped quietly). */
  sender: MessageSender;
  /** Slow work started by a command and answered later. */
  jobs: BackgroundJobs;
  /** Editions' picture cards, rendered once per edition and language (shared with the outbox). */
  cards: EditionCards;
  /** Window builds of the last minute, shared by chats asking for the same window. */
  recentDigests: RecentDigests;
}

/**
 * The flood limits from config: the global rate is configurable; Telegram's per-chat (1/s) and
 * per-group (20/min) limits are fixed.
 * @example const pacer = floodLimiter(config) // shared by the bot's replies and the outbox
 */
export function floodLimiter(config: Pick<Config, 'sendRatePerSecond'>): FloodLimiter {
  return new FloodLimiter({ globalPerSecond: config.sendRatePerSecond, privateIntervalMs: 1000, groupPerMinute: 20 });
}

/**
 * The sender of the bot's messages: a chat that blocked the bot is deactivated (and its queued
 * digests cancelled), a migrated group followed.
 * @example createMessageSender(store, logger, floodLimiter(config))
 */
export function createMessageSender(store: Store, logger: Logger, pacer: SendPacer): MessageSender {
  return new MessageSender({
    pacer,
    logger,
    onChatGone: async (chatId, reason) => {
      await store.deactivate(chatId, reason);
      await store.cancelPending(chatId, reason);
    },
    onMigrated: (from, to) => store.migrateChat(from, to),
  });
}

/**
 * Wire the handlers' dependencies from config and the store (called by main).
 * @example createBot({ token, apiRoot }, createBotDeps({ config, store, logger, settings }))
 */
export function createBotDeps(deps: {
  config: Config;
  store: Store;
  logger: Logger;
  settings: DigestSettings;
  /** The schedule in force; defaults to config's. */
  schedule?: () => { digest: string; timezone: string };
  /** Flood control shared with the outbox; defaults to one from config. */
  pacer?: SendPacer;
}): BotDeps {
  const { config, store, logger, settings } = deps;
  return {
    store,
    logger,
    settings,
    digestCron: config.digestCron,
    fetchCron: config.fetchCron,
    schedule: deps.schedule ?? (() => ({ digest: config.digestCron, timezone: config.timezone })),
    adminIds: config.adminIds,
    addFeed: (url, opts) => addFeed(store, url, { allowPrivate: opts.allowPrivate || config.allowPrivateFeeds, fetch: config.fetch, logger, addedByChat: opts.addedByChat }),
    now: () => new Date(),
    sender: createMessageSender(store, logger, deps.pacer ?? floodLimiter(config)),
    jobs: new BackgroundJobs(logger),
    cards: new EditionCards(store),
    recentDigests: new RecentDigests(),
  };
}
