/**
 * The port every outgoing message waits on: Telegram's flood limits and its `retry_after`
 * answers, kept in one place for all senders (replies, edits, broadcasts, digests). The in-memory
 * adapter is FloodLimiter; a fleet of bots would share one over Redis or PostgreSQL, behind this
 * same interface.
 */

/** Flood control shared by every sender in the process (or the fleet). */
export interface SendPacer {
  /**
   * Wait for the next slot to send one message to `chatId` and take it. Resolves true when the
   * caller may send now; false when `signal` aborted the wait (no slot taken).
   */
  acquire(chatId: number, signal?: AbortSignal): Promise<boolean>;
  /**
   * Telegram answered 429 with `retry_after` for `chatId`: no slot for that chat before it has
   * elapsed — and, when many chats are refused together (a global flood), for any chat.
   */
  reportRetryAfter(chatId: number, retryAfterSec: number): void;
  /**
   * A send to `chatId` has just finished (answered, or failed after reaching the wire): the chat's
   * next slot is at least one chat interval from now. Slots are booked by when a send starts, but
   * Telegram counts a message when it has received it — after a slow upload (a photo) that is
   * well after the start, and the next message, started one interval after the first one's start,
   * would reach Telegram less than an interval after it.
   */
  sent(chatId: number): void;
  /** The global rate in force now (messages per second), for sizing batches of work. */
  readonly ratePerSecond: number;
}

/**
 * Sleep `ms`; resolves false at once when `signal` aborts, true otherwise.
 * @example if (!(await sleepUnlessAborted(500, signal))) return;
 */
export function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => (signal?.removeEventListener('abort', onAbort), resolve(true)), ms);
    const onAbort = () => (clearTimeout(timer), resolve(false));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
