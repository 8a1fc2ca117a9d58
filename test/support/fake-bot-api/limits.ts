/** Flood-control limits; Telegram documents ~30 msg/s overall, ~1 msg/s per chat, 20 msg/min per group. */
export interface FloodLimits {
  /** Messages per second across all chats. */
  globalPerSecond: number;
  /** Sustained messages per second to one private chat. */
  privatePerSecond: number;
  /** Messages a private chat may receive back-to-back before the 1/s rate applies. */
  privateBurst: number;
  /** Messages per minute to one group/supergroup/channel. */
  groupPerMinute: number;
}

/** Telegram-like defaults (the private burst is an estimate: Telegram tolerates short bursts). */
export const DEFAULT_FLOOD_LIMITS: FloodLimits = {
  globalPerSecond: 30,
  privatePerSecond: 1,
  privateBurst: 3,
  groupPerMinute: 20,
};

class Bucket {
  private tokens: number;
  private last: number;
  constructor(private readonly capacity: number, private readonly perMs: number, now: number) {
    this.tokens = capacity;
    this.last = now;
  }
  /** Milliseconds until one token is available (0 = available now). */
  waitMs(now: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.perMs);
    this.last = now;
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.perMs;
  }
  take(): void {
    this.tokens -= 1;
  }
}

/** Token buckets for the global and per-chat limits; a refused message consumes nothing. */
export class FloodControl {
  private readonly global: Bucket;
  private readonly chats = new Map<number, Bucket>();

  constructor(private readonly limits: FloodLimits, private readonly now: () => number = () => performance.now()) {
    this.global = new Bucket(limits.globalPerSecond, limits.globalPerSecond / 1000, now());
  }

  /** Returns 0 and counts the message, or the retry_after (whole seconds, ≥ 1) Telegram would send. */
  admit(chatId: number, isPrivate: boolean): number {
    const t = this.now();
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = isPrivate
        ? new Bucket(this.limits.privateBurst, this.limits.privatePerSecond / 1000, t)
        : new Bucket(this.limits.groupPerMinute, this.limits.groupPerMinute / 60_000, t);
      this.chats.set(chatId, chat);
    }
    const wait = Math.max(this.global.waitMs(t), chat.waitMs(t));
    if (wait > 0) return Math.max(1, Math.ceil(wait / 1000));
    this.global.take();
    chat.take();
    return 0;
  }
}

// Shared with the seeded training-article draw (src/eval/pick-train-articles.ts).
export { seededRandom } from '../../../src/support/seeded-random.js';
