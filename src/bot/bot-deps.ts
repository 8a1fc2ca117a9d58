/** What the bot's handlers receive: explicit dependencies, no globals. */
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import { previewDigest, type DigestSettings } from '../app/make-digest.js';
import { renderTelegram } from '../pipeline/render-telegram.js';
import { nextRun, describeTime } from '../jobs/next-run.js';

/** Dependencies shared by every command handler. */
export interface BotDeps {
  store: Store;
  logger: Logger;
  /** The latest digest's Telegram messages, or a fresh preview when none has been built yet. */
  currentDigestParts: () => Promise<string[]>;
  /** "25 Nov, 08:00 (UTC)", or null when the schedule never fires. */
  nextDigestTime: () => string | null;
}

/**
 * Wire the handlers' dependencies from config and the store (called by main).
 * @example createBot({ token, apiRoot }, createBotDeps({ config, store, logger, settings }))
 */
export function createBotDeps(deps: { config: Config; store: Store; logger: Logger; settings: DigestSettings }): BotDeps {
  const { config, store, logger, settings } = deps;
  return {
    store,
    logger,
    currentDigestParts: async () =>
      (await store.latestDigest())?.parts ?? renderTelegram(await previewDigest({ store, settings })),
    nextDigestTime: () => {
      const at = nextRun(config.digestCron, config.timezone);
      return at ? describeTime(at, config.timezone) : null;
    },
  };
}
