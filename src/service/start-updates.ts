/**
 * How the bot takes Telegram's updates. Webhook mode: every instance takes them. Long polling:
 * one leader at a time polls (two getUpdates on one token conflict); the others stand by and take
 * over within ~8 s of its death (src/fleet/leadership.ts).
 */
import type { Telegraf } from 'telegraf';
import type { Config } from '../config.js';
import type { LeaseStore } from '../store/lease-store.js';
import type { Logger } from '../support/logger.js';
import { registerCommands } from '../bot/create-bot.js';
import { launchOptions } from '../bot/webhook-options.js';
import { followLeadership, type Leadership } from '../fleet/leadership.js';
import { skipRedundantOffsetSync } from '../fleet/skip-redundant-offset-sync.js';

/** The lease that makes one process of a fleet the one that long-polls Telegram. */
export const POLLING_LEASE = 'telegram-polling';

/** Updates being taken. */
export interface Updates {
  /** True while this process waits for another to stop leading the polling. */
  standingBy(): boolean;
  /** Step down from polling (a standby takes over at once) and stop the bot. */
  stop(reason: string): Promise<void>;
}

/**
 * Register the command list, then launch the webhook or follow the polling lease. Failing to reach
 * Telegram (now or when polling dies later) is handed to `onFailure`, once per failure.
 * @example const updates = await startUpdates({ bot, config, leases: store, holder: outbox.owner, logger, onLaunched, onFailure })
 */
export async function startUpdates(deps: {
  bot: Telegraf;
  config: Pick<Config, 'webhook'>;
  leases: Pick<LeaseStore, 'acquireLease' | 'releaseLease'>;
  /** Who this process is in the polling lease. */
  holder: string;
  logger: Logger;
  /** The bot is taking updates (called by Telegraf once launched). */
  onLaunched: () => void;
  onFailure: (err: unknown) => void;
}): Promise<Updates> {
  const { bot, config, logger } = deps;
  let failed = false;
  const fail = (err: unknown) => ((failed = true), deps.onFailure(err));
  await registerCommands(bot).catch(fail);
  let leadership: Leadership | null = null;
  if (config.webhook) {
    bot.launch(launchOptions(config), deps.onLaunched).catch(fail);
  } else if (!failed) {
    // Stepping down (or shutting down) mid-poll must not send a getUpdates that only ends the aborted one with 409.
    skipRedundantOffsetSync(bot.telegram);
    let polling: Promise<void> | null = null;
    leadership = followLeadership({
      leases: deps.leases,
      name: POLLING_LEASE,
      holder: deps.holder,
      logger,
      onChange: async (leading) => {
        if (leading) {
          polling = bot.launch(launchOptions(config), deps.onLaunched).catch(fail);
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
  return {
    standingBy: () => leadership !== null && !leadership.leading(),
    async stop(reason) {
      // Stepping down releases the polling lease, so a standby takes over at once.
      await leadership?.stop();
      try {
        bot.stop(reason);
      } catch {
        // not running (standby, or never launched): nothing to stop
      }
    },
  };
}
