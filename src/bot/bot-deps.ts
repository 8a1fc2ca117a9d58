/** What the bot's handlers receive: explicit dependencies, no globals. */
import type { Config } from '../config.js';
import type { Feed } from '../domain/types.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import type { DigestSettings } from '../app/make-digest.js';
import { addFeed } from '../app/add-feed.js';

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
  };
}
