/**
 * Telegram's flood limits as a scheduler: when the next message to a chat may go. Limits: a
 * global rate (Telegram allows ~30 msg/s; we default lower), 1 msg/s per private chat, 20 msg/min
 * per group. Global slots are spaced evenly (1/rate apart) rather than allowed in bursts, so a
 * token bucket on Telegram's side never runs dry. Repeated 429s stretch the spacing (slow down
 * globally); it relaxes back once they stop. Pure bookkeeping over timestamps the caller provides.
 */

/** Limits the limiter enforces. */
export interface FloodLimits {
  globalPerSecond: number;
  privateIntervalMs: number;
  groupPerMinute: number;
}

/** Default limits, a little under Telegram's published ones. */
export const DEFAULT_LIMITS: FloodLimits = { globalPerSecond: 25, privateIntervalMs: 1000, groupPerMinute: 20 };

/** 429s this close together count as "repeating". */
const REPEAT_WINDOW_MS = 10_000;
/** Calm this long after the last 429 before relaxing a step. */
const CALM_MS = 15_000;
const MAX_SLOWDOWN = 4;

/**
 * Reserve send slots. `reserve` returns the time at which the caller may send, and books it.
 * @example const at = limiter.reserve(chatId, Date.now()); await sleep(at - Date.now());
 */
export class FloodLimiter {
  /** Booked global send times, ascending. */
  private booked: number[] = [];
  private readonly chatNext = new Map<number, number>();
  private readonly groupSends = new Map<number, number[]>();
  private lastRateLimit = -Infinity;
  private lastChange = -Infinity;
  private factor = 1;

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
    this.chatNext.set(chatId, at + (isGroup ? 1000 : this.limits.privateIntervalMs));
    if (isGroup) this.groupSends.get(chatId)!.push(at);
    return at;
  }

  /** Telegram said wait: nothing more to this chat until `until`. */
  holdChat(chatId: number, until: number): void {
    this.chatNext.set(chatId, Math.max(this.chatNext.get(chatId) ?? 0, until));
  }

  /** A 429 arrived: a second one within 10 s slows every chat down by half again (up to 4×). */
  rateLimited(now: number): void {
    if (now - this.lastRateLimit < REPEAT_WINDOW_MS) {
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
