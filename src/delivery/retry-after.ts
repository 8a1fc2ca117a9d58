/**
 * What Telegram's 429 answers tell a sender, kept in one place for both SendPacers (FloodLimiter
 * in memory, SharedSendPacer for a fleet):
 * - retry_after is honoured exactly: no message to a refused chat before it has elapsed, and when
 *   several chats are refused within a second — a global flood, which Telegram does not label —
 *   no message to any chat;
 * - repeated 429s slow the global rate: a second one within 10 s stretches the spacing by half
 *   again (up to 4×; a burst answered together is one step), relaxing a step after 15 s of calm.
 */

/** 429s this close together count as "repeating". */
export const REPEAT_WINDOW_MS = 10_000;
/** Calm this long after the last 429 before relaxing a step. */
export const CALM_MS = 15_000;
export const MAX_SLOWDOWN = 4;
/** At most one slowdown step per this many ms. */
export const STEP_GAP_MS = 1000;
/** 429s for this many distinct chats within GLOBAL_FLOOD_WINDOW_MS mean a global flood. */
export const GLOBAL_FLOOD_CHATS = 3;
export const GLOBAL_FLOOD_WINDOW_MS = 1000;
/** Added to every retry_after: our clock and Telegram's answer time differ by the response's flight. */
export const RETRY_MARGIN_MS = 20;

/**
 * The 429 bookkeeping of one process: holds per chat and for all, and the global slowdown.
 * @example const until = book.report(chatId, 3, Date.now()).until
 */
export class RetryAfterBook {
  private factor = 1;
  private lastRateLimit = -Infinity;
  private lastChange = -Infinity;
  private readonly holds = new Map<number, number>();
  private globalHold = 0;
  private recent429: Array<{ chatId: number; at: number }> = [];

  /** Current global slowdown (1 = the configured rate; 2 = half of it). */
  get slowdown(): number {
    return this.factor;
  }

  /** Time (ms) before which nothing may go to the chat: its retry_after, or a global flood's. */
  heldUntil(chatId: number): number {
    return Math.max(this.globalHold, this.holds.get(chatId) ?? 0);
  }

  /** Forget the chat's hold once it has passed. */
  settle(chatId: number, now: number): void {
    if ((this.holds.get(chatId) ?? Infinity) <= now) this.holds.delete(chatId);
  }

  /**
   * Telegram answered 429 with `retryAfterSec` for `chatId` at `now`: hold the chat (and every
   * chat, in a global flood) until `until`, and slow down if 429s repeat.
   */
  report(chatId: number, retryAfterSec: number, now: number): { until: number; globalFlood: boolean } {
    const until = now + retryAfterSec * 1000 + RETRY_MARGIN_MS;
    this.holds.set(chatId, Math.max(this.holds.get(chatId) ?? 0, until));
    this.recent429 = [...this.recent429.filter((r) => r.at > now - GLOBAL_FLOOD_WINDOW_MS), { chatId, at: now }];
    const globalFlood = new Set(this.recent429.map((r) => r.chatId)).size >= GLOBAL_FLOOD_CHATS;
    if (globalFlood) this.globalHold = Math.max(this.globalHold, until);
    this.rateLimited(now);
    return { until, globalFlood };
  }

  /**
   * A 429 arrived: a second one within 10 s slows every chat down by half again (up to 4×). A
   * burst of 429s answered together (one flood, many chats) is one step, not one per chat.
   */
  rateLimited(now: number): void {
    if (now - this.lastRateLimit < REPEAT_WINDOW_MS && now - this.lastChange >= STEP_GAP_MS) {
      this.factor = Math.min(MAX_SLOWDOWN, this.factor * 1.5);
      this.lastChange = now;
    }
    this.lastRateLimit = now;
  }

  /** After CALM_MS without a 429, relax the slowdown a step. */
  relax(now: number): void {
    if (this.factor > 1 && now - this.lastRateLimit > CALM_MS && now - this.lastChange > CALM_MS) {
      this.factor = Math.max(1, this.factor / 1.25);
      this.lastChange = now;
    }
  }
}
