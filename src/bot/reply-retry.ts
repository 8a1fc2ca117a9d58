/**
 * Replies that survive Telegram's flood control: a reply answered 429 is sent again after
 * `retry_after` (when that wait is short), instead of being lost. Only the bot's own Telegram
 * client is wrapped; the outbox uses its own client and its own limiter, which need to see 429s.
 */
import { TelegramError, type Telegram } from 'telegraf';

/**
 * Make `telegram.callApi` wait out short 429s and try again (up to `attempts` tries in all).
 * @example retryRepliesOn429(bot.telegram, { maxWaitSec: 10, attempts: 3 })
 */
export function retryRepliesOn429(telegram: Telegram, opts: { maxWaitSec: number; attempts: number }): void {
  const callApi = telegram.callApi.bind(telegram);
  const patched = async (...args: Parameters<typeof callApi>) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await callApi(...args);
      } catch (err) {
        const wait = err instanceof TelegramError && err.code === 429 ? (err.parameters?.retry_after ?? 1) : null;
        if (wait === null || wait > opts.maxWaitSec || attempt >= opts.attempts) throw err;
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      }
    }
  };
  telegram.callApi = patched as typeof telegram.callApi;
}
