/**
 * The bot's Telegram side: its command handlers' dependencies, the Telegraf instance that
 * answers updates (in per-chat lanes) and the watch on its polling, for /healthz.
 */
import type { Telegraf } from 'telegraf';
import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import type { DigestSettings } from '../app/make-digest.js';
import type { SendPacer } from '../delivery/send-pacer.js';
import { createBot } from '../bot/create-bot.js';
import { createBotDeps, type BotDeps } from '../bot/bot-deps.js';
import { UpdateLanes } from '../bot/update-lanes.js';
import { watchPolling } from '../ops/bot-health.js';

/** The bot, what its handlers share, and when Telegram last answered its polling. */
export interface TelegramBot {
  bot: Telegraf;
  deps: BotDeps;
  /** Last successful getUpdates; null before the first. */
  pollingAliveAt(): Date | null;
  /** Resolves once the updates already taken are answered, started jobs done and replies sent. */
  idle(): Promise<void>;
}

/**
 * Build the bot (not launched: see startUpdates).
 * @example const telegram = createTelegramBot({ token, config, store, logger, settings, pacer, schedule: () => schedule.current })
 */
export function createTelegramBot(deps: {
  token: string;
  config: Config;
  store: Store;
  logger: Logger;
  settings: DigestSettings;
  /** Flood control shared with the outbox. */
  pacer: SendPacer;
  /** The default digest schedule in force now. */
  schedule: () => { digest: string; timezone: string };
}): TelegramBot {
  const { token, config } = deps;
  const botDeps = createBotDeps(deps);
  const lanes = new UpdateLanes();
  const bot = createBot({ token, apiRoot: config.telegram.apiRoot }, botDeps, lanes);
  let aliveAt: Date | null = null;
  watchPolling(bot.telegram, (at) => (aliveAt = at));
  // Webhook mode: replies go through the API (not the webhook's HTTP answer), so they get message ids and 429 retries.
  if (config.webhook) bot.telegram.webhookReply = false;
  return {
    bot,
    deps: botDeps,
    pollingAliveAt: () => aliveAt,
    async idle() {
      await lanes.idle();
      await botDeps.jobs.idle();
      await botDeps.sender.idle();
    },
  };
}
