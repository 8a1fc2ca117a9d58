/**
 * Telegram's flood limits as a scheduler: when the next message to a chat may go. Limits: a
 * global rate (Telegram allows ~30 msg/s; we default lower), 1 msg/s per private chat, 20 msg/min
 * per group. Global slots are spaced evenly (1/rate apart) rather than allowed in bursts, so a
 * token bucket on Telegram's side never runs dry. `reserve` is pure bookkeeping over timestamps
 * the caller provides; `acquire`/`reportRetryAfter` make it the in-memory SendPacer (real clock).
 * What 429s tell us — retry_after holds, a global flood, the slowdown after repeated 429s — is kept
 * by a RetryAfterBook (retry-after.ts), the same one the fleet's SharedSendPacer uses.
 */
import { sleepUnlessAborted, type SendPacer } from './send-pacer.js';
import { RetryAfterBook } from './retry-after.js';

/** Limits the limiter enforces. */
export interface FloodLimits {
  globalPerSecond: number;
  privateIntervalMs: number;
  groupPerMinute: number;
  /** Spacing between two messages to one group (default 1 s); the per-minute cap applies too. */
  groupIntervalMs?: number;
}

/** Default limits, a little under Telegram's published ones. */
export const DEFAULT_LIMITS: FloodLimits = { globalPerSecond: 25, privateIntervalMs: 1000, groupPerMinute: 20 };

/** The least time between two messages to one chat: groups have negative ids. */
export function chatIntervalMs(limits: FloodLimits, chatId: number): number {
  return chatId < 0 ? (limits.groupIntervalMs ?? 1000) : limits.privateIntervalMs;
}

/**
 * Reserve send slots. `reserve` returns the time at which the caller may send, and books it.
 * @example const at = limiter.reserve(chatId, Date.now()); await sleep(at - Date.now());
 */
export class FloodLimiter implements SendPacer {
  /** Booked global send times, ascending. */
  private booked: number[] = [];
  private readonly chatNext = new Map<number, number>();
  private readonly groupSends = new Map<number, number[]>();

  /** `retries`: the 429 bookkeeping, given when another pacer shares it (SharedSendPacer's fallback). */
  constructor(
    private readonly limits: FloodLimits = DEFAULT_LIMITS,
    private readonly retries: RetryAfterBook = new RetryAfterBook(),
  ) {}

  /** Current global slowdown (1 = the configured rate; 2 = half of it). */
  get slowdown(): number {
    return this.retries.slowdown;
  }

  /** The global rate in force now (the configured rate divided by the slowdown). */
  get ratePerSecond(): number {
    return this.limits.globalPerSecond / this.retries.slowdown;
  }

  /** Book the earliest slot ≥ now for `chatId` (groups have negative ids) and return it. */
  reserve(chatId: number, now: number): number {
    this.retries.relax(now);
    const isGroup = chatId < 0;
    let at = Math.max(now, this.chatNext.get(chatId) ?? 0);
    if (isGroup) at = Math.max(at, this.groupSlot(chatId, at));
    at = this.globalSlot(at, now);
    this.chatNext.set(chatId, at + chatIntervalMs(this.limits, chatId));
    if (isGroup) this.groupSends.get(chatId)!.push(at);
    return at;
  }

  async acquire(chatId: number, signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      const held = this.retries.heldUntil(chatId) - Date.now();
      if (held > 0) {
        if (!(await sleepUnlessAborted(held, signal))) return false;
        continue;
      }
      const now = Date.now();
      if (!(await sleepUnlessAborted(this.reserve(chatId, now) - now, signal))) return false;
      // a 429 that arrived while we waited voids the slot
      if (Date.now() >= this.retries.heldUntil(chatId)) {
        this.retries.settle(chatId, Date.now());
        return true;
      }
    }
  }

  reportRetryAfter(chatId: number, retryAfterSec: number): void {
    this.holdChat(chatId, this.retries.report(chatId, retryAfterSec, Date.now()).until);
  }

  sent(chatId: number): void {
    this.holdChat(chatId, Date.now() + chatIntervalMs(this.limits, chatId));
  }

  /** Telegram said wait: nothing more to this chat until `until`. */
  holdChat(chatId: number, until: number): void {
    this.chatNext.set(chatId, Math.max(this.chatNext.get(chatId) ?? 0, until));
  }

  /** A 429 arrived (see RetryAfterBook.rateLimited). */
  rateLimited(now: number): void {
    this.retries.rateLimited(now);
  }

  /** Earliest time ≥ at at least one interval away from every booked send; books it. */
  private globalSlot(at: number, now: number): number {
    const interval = (1000 / this.limits.globalPerSecond) * this.retries.slowdown;
    let drop = 0;
    while (drop < this.booked.length && this.booked[drop]! <= now - interval) drop++;
    if (drop > 0) this.booked = this.booked.slice(drop);
    let slot = at;
    let i = 0;
    for (; i < this.booked.length; i++) {
      const b = this.booked[i]!;
      if (b <= slot - interval) continue;
      if (b >= slot + interval) break;
      slot = b + interval;
    }
    this.booked.splice(i, 0, slot);
    return slot;
  }

  /** Earliest time ≥ at when the group has sent fewer than groupPerMinute in the past minute. */
  private groupSlot(chatId: number, at: number): number {
    const sends = (this.groupSends.get(chatId) ?? []).filter((t) => t > at - 60_000);
    this.groupSends.set(chatId, sends);
    if (sends.length < this.limits.groupPerMinute) return at;
    return sends[sends.length - this.limits.groupPerMinute]! + 60_000;
  }
}
