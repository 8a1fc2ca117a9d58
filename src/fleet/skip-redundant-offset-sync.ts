/**
 * When Telegraf stops long polling it aborts the held getUpdates and at once sends one more
 * (`{ offset, limit: 1 }`) to confirm the updates it handled. Telegram takes that second call as a
 * new poller on the token and ends the first with 409 Conflict — before it has noticed that the
 * first one's client hung up, when the two arrive close together (as they do under load). That
 * call confirms nothing when the aborted poll already carried the same offset (no update was
 * handled since it was sent), which is the case whenever a poll was held at the stop; it only
 * conflicts. Such a sync is answered here, without a call; a sync that confirms updates handled
 * after the last poll (stopped while answering them: no poll was held then) still goes out.
 */
import type { Telegram } from 'telegraf';

/**
 * Make `telegram` answer Telegraf's offset sync itself when the last long poll already carried that offset.
 * @example skipRedundantOffsetSync(bot.telegram) // before bot.launch() in polling mode
 */
export function skipRedundantOffsetSync(telegram: Telegram): void {
  const callApi = telegram.callApi.bind(telegram);
  /** The highest offset a long poll was sent with: Telegram has confirmed every update below it. */
  let carried = 0;
  const synced = (method: string, payload: Record<string, unknown>, opts?: Parameters<typeof callApi>[2]) => {
    if (method === 'getUpdates') {
      const offset = typeof payload.offset === 'number' ? payload.offset : 0;
      const longPoll = typeof payload.timeout === 'number' && payload.timeout > 0;
      if (longPoll) carried = Math.max(carried, offset);
      else if (offset <= carried) return Promise.resolve([]);
    }
    return callApi(method as never, payload as never, opts);
  };
  telegram.callApi = synced as typeof telegram.callApi;
}
