/**
 * Telegram's flood limits as a scheduler: when the next message to a chat may go. Limits: a
 * global rate (Telegram allows ~30 msg/s; we default lower), 1 msg/s per private chat, 20 msg/min
 * per group. Global slots are spaced evenly (1/rate apart) rather than allowed in bursts, so a
 * token bucket on Telegram's side never runs dry. Repeated 429s stretch the spacing (slow down
 * globally); it relaxes back once they stop. `reserve` is pure bookkeeping over timestamps the
 * caller provides; `acquire`/`reportRetryAfter` make it the in-memory SendPacer (real clock).
 *
 * retry_after is honoured exactly: a chat refused with 429 gets no slot before it has elapsed (a
 * slot booked earlier is re-checked after its wait), and when several chats are refused within a
 * second — a global flood, which Telegram does not label — no chat gets one.
 */
import { sleepUnlessAborted, type SendPacer } from './send-pacer.js';

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
 * Reserve send slots. `reserve` returns the time at which the caller may send, and books it.
 * @example const at = limiter.reserve(chatId, Date.now()); await sleep(at - Date.now());
 */
export class FloodLimiter implements SendPacer {
  /** Booked global send times, ascending. */
  private booked: number[] = [];
  private readonly chatNext = new Map<number, number>();
  private readonly groupSends = new Map<number, number[]>();
  private lastRateLimit = -Infinity;
  private lastChange = -Infinity;
  private factor = 1;
  /** retry_after deadlines per chat, and for all chats (global flood). */
  private readonly holds = new Map<number, number>();
  private globalHold = 0;
  private recent429: Array<{ chatId: number; at: number }> = [];

  constructor(private readonly limits: FloodLimits = DEFAULT_LIMITS) {}

  /** Current global slowdown (1 = the configured rate; 2 = half of it). */
  get slowdown(): number {
    return this.factor;
  }

  /** The global rate in force now (the configured rate divided by the slowdown). */
  get ratePerSecond(): number {
    return this.limits.globalPerSecond / this.factor;
  }

  /** Book the earliest slot ≥ now for `chatId` (groups have negative ids) and return it. */
  reserve(chatId: number, now: number): number {
    this.relax(now);
    const isGroup = chatId < 0;
    let at = Math.max(now, this.chatNext.get(chatId) ?? 0);
    if (isGroup) at = Math.max(at, this.groupSlot(chatId, at));
    at = this.globalSlot(at, now);
    this.chatNext.set(chatId, at + (isGroup ? (this.limits.groupIntervalMs ?? 1000) : this.limits.privateIntervalMs));
    if (isGroup) this.groupSends.get(chatId)!.push(at);
    return at;
  }

  async acquire(chatId: number, signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      const held = this.heldUntil(chatId) - Date.now();
      if (held > 0) {
        if (!(await sleepUnlessAborted(held, signal))) return false;
        continue;
      }
      const now = Date.now();
      if (!(await sleepUnlessAborted(this.reserve(chatId, now) - now, signal))) return false;
      // a 429 that arrived while we waited voids the slot
      if (Date.now() >= this.heldUntil(chatId)) {
        if (this.holds.has(chatId)) this.holds.delete(chatId);
        return true;
      }
    }
  }

  reportRetryAfter(chatId: number, retryAfterSec: number): void {
    const now = Date.now();
    const until = now + retryAfterSec * 1000 + RETRY_MARGIN_MS;
    this.holds.set(chatId, Math.max(this.holds.get(chatId) ?? 0, until));
    this.holdChat(chatId, until);
    this.rateLimited(now);
    this.recent429 = [...this.recent429.filter((r) => r.at > now - GLOBAL_FLOOD_WINDOW_MS), { chatId, at: now }];
    if (new Set(this.recent429.map((r) => r.chatId)).size >= GLOBAL_FLOOD_CHATS) this.globalHold = Math.max(this.globalHold, until);
  }

  /** Time before which nothing may go to the chat (its retry_after, or a global flood's). */
  private heldUntil(chatId: number): number {
    return Math.max(this.globalHold, this.holds.get(chatId) ?? 0);
  }

  /** Telegram said wait: nothing more to this chat until `until`. */
  holdChat(chatId: number, until: number): void {
    this.chatNext.set(chatId, Math.max(this.chatNext.get(chatId) ?? 0, until));
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

  private relax(now: number): void {
    if (this.factor > 1 && now - this.lastRateLimit > CALM_MS && now - this.lastChange > CALM_MS) {
      this.factor = Math.max(1, this.factor / 1.25);
      this.lastChange = now;
    }
  }

  /** Earliest time ≥ at at least one interval away from every booked send; books it. */
  private globalSlot(at: number, now: number): number {
    const interval = (1000 / this.limits.globalPerSecond) * this.factor;
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
