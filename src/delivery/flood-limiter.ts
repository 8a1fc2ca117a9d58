/**
 * Telegram's flood limits as a scheduler: how long to wait before the next message to a chat.
 * Limits: a global rate (Telegram allows ~30 msg/s; we default lower), ~1 msg/s per private
 * chat, 20 msg/min per group. Pure bookkeeping over timestamps the caller provides.
 */

/** Limits the limiter enforces. */
export interface FloodLimits {
  globalPerSecond: number;
  privateIntervalMs: number;
  groupPerMinute: number;
}

/** Default limits, a little under Telegram's published ones. */
export const DEFAULT_LIMITS: FloodLimits = { globalPerSecond: 25, privateIntervalMs: 1000, groupPerMinute: 20 };

/**
 * Reserve send slots. `reserve` returns the time at which the caller may send, and books it.
 * @example const at = limiter.reserve(chatId, Date.now()); await sleep(at - Date.now());
 */
export class FloodLimiter {
  /** Sends booked per wall-clock second; a held chat's far-future slot must not block others. */
  private readonly perSecond = new Map<number, number>();
  private readonly chatNext = new Map<number, number>();
  private readonly groupSends = new Map<number, number[]>();

  constructor(private readonly limits: FloodLimits = DEFAULT_LIMITS) {}

  /** Book the earliest slot ≥ now for `chatId` (groups have negative ids) and return it. */
  reserve(chatId: number, now: number): number {
    const isGroup = chatId < 0;
    let at = Math.max(now, this.chatNext.get(chatId) ?? 0);
    if (isGroup) at = Math.max(at, this.groupSlot(chatId, at));
    at = this.globalSlot(at);
    this.forgetBefore(now);
    this.chatNext.set(chatId, at + (isGroup ? 1000 : this.limits.privateIntervalMs));
    if (isGroup) this.groupSends.get(chatId)!.push(at);
    return at;
  }

  /** Telegram said wait: nothing more to this chat until `until`. */
  holdChat(chatId: number, until: number): void {
    this.chatNext.set(chatId, Math.max(this.chatNext.get(chatId) ?? 0, until));
  }

  /** Earliest time ≥ at in a second that still has global budget; books it. */
  private globalSlot(at: number): number {
    let second = Math.floor(at / 1000);
    while ((this.perSecond.get(second) ?? 0) >= this.limits.globalPerSecond) second++;
    this.perSecond.set(second, (this.perSecond.get(second) ?? 0) + 1);
    return Math.max(at, second * 1000);
  }

  private forgetBefore(now: number): void {
    const current = Math.floor(now / 1000);
    for (const second of this.perSecond.keys()) if (second < current) this.perSecond.delete(second);
  }

  /** Earliest time ≥ at when the group has sent fewer than groupPerMinute in the past minute. */
  private groupSlot(chatId: number, at: number): number {
    const sends = (this.groupSends.get(chatId) ?? []).filter((t) => t > at - 60_000);
    this.groupSends.set(chatId, sends);
    if (sends.length < this.limits.groupPerMinute) return at;
    return sends[sends.length - this.limits.groupPerMinute]! + 60_000;
  }
}
