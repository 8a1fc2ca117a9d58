/** telegraf's launch options from config: long polling, or a webhook with Telegram's secret token. */
import type { Telegraf } from 'telegraf';
import type { Config } from '../config.js';

/** What `bot.launch` takes. */
export type LaunchOptions = NonNullable<Parameters<Telegraf['launch']>[0]> & object;

/**
 * Long polling when WEBHOOK_URL is unset; otherwise telegraf sets the webhook to WEBHOOK_URL and
 * serves its path on WEBHOOK_HOST:WEBHOOK_PORT, refusing (403) any request whose
 * X-Telegram-Bot-Api-Secret-Token header is not WEBHOOK_SECRET.
 * @example launchOptions(parseConfig({ WEBHOOK_URL: 'https://bot.example.org/tg', WEBHOOK_SECRET: 's3cret' }))
 */
export function launchOptions(config: Pick<Config, 'webhook'>): LaunchOptions {
  if (!config.webhook) return { dropPendingUpdates: false };
  const url = new URL(config.webhook.url);
  return {
    dropPendingUpdates: false,
    webhook: {
      domain: url.host,
      path: `${url.pathname}${url.search}`,
      port: config.webhook.port,
      host: config.webhook.host,
      secretToken: config.webhook.secret,
    },
  };
}
