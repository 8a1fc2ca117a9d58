/**
 * The SendPacer for a fleet: every process sending on one token books its slots in the shared
 * database (SendSlotStore), so together they keep Telegram's global and per-chat limits, and a
 * retry_after seen by one process holds back all of them.
 *
 * Per process it keeps what needs no agreement, in the same RetryAfterBook as the in-memory
 * FloodLimiter: the retry_after deadlines it has seen (sharing them is asynchronous), the slowdown
 * after repeated 429s, and the detection of a global flood (several chats refused within a second).
 * If the database cannot be reached it falls back to an in-memory limiter on that same book for
 * that message, so sending never stops — at worst the fleet paces per process for a while (logged).
 */
import type { SendSlotStore } from '../store/send-slot-store.js';
import type { Logger } from '../support/logger.js';
import { sleepUnlessAborted, type SendPacer } from '../delivery/send-pacer.js';
import { FloodLimiter, type FloodLimits } from '../delivery/flood-limiter.js';
import { RetryAfterBook } from '../delivery/retry-after.js';

/** The most a booking is moved ahead for the database's round trip (see acquire). */
const MAX_LEAD_MS = 250;

export class SharedSendPacer implements SendPacer {
  private readonly retries = new RetryAfterBook();
  private readonly fallback: FloodLimiter;
  private degradedSince: number | null = null;
  /** Smoothed time a booking takes, measured. */
  private roundTripMs = 5;
  /**
   * Per chat, the earliest next send after this process's last send to it finished (see
   * SendPacer.sent). Kept per process: a chat's messages are sent by one process at a time in
   * the usual case, and sharing it would cost a round trip per message.
   */
  private readonly chatAfter = new Map<number, number>();

  constructor(
    private readonly slots: SendSlotStore,
    private readonly limits: FloodLimits,
    private readonly logger: Pick<Logger, 'warn' | 'info'>,
  ) {
    this.fallback = new FloodLimiter(limits, this.retries);
  }

  get ratePerSecond(): number {
    return this.limits.globalPerSecond / this.retries.slowdown;
  }

  async acquire(chatId: number, signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) return false;
      const held = this.retries.heldUntil(chatId) - Date.now();
      if (held > 0) {
        if (!(await sleepUnlessAborted(held, signal))) return false;
        continue;
      }
      this.retries.settle(chatId, Date.now());
      this.retries.relax(Date.now());
      let slot: { booked: boolean; at: Date };
      try {
        // A free slot is booked at "now", but the message can only go once the answer is back: book
        // it one (typical) round trip ahead, or the next message to the chat, sent exactly on its
        // booked time, would follow this one by less than the chat's interval.
        const asked = Date.now();
        const earliest = Math.max(asked + Math.min(MAX_LEAD_MS, this.roundTripMs), this.chatAfter.get(chatId) ?? 0);
        slot = await this.slots.reserveSendSlot(chatId, new Date(earliest), this.spacing(chatId));
        this.roundTripMs = this.roundTripMs * 0.7 + (Date.now() - asked) * 0.3;
        if (this.degradedSince !== null) {
          this.logger.info({ seconds: Math.round((Date.now() - this.degradedSince) / 1000) }, 'shared send pacing restored');
          this.degradedSince = null;
        }
      } catch (err) {
        if (this.degradedSince === null) {
          this.degradedSince = Date.now();
          this.logger.warn({ err: (err as Error).message }, 'shared send pacing unavailable; pacing this process alone until the database answers');
        }
        return this.fallback.acquire(chatId, signal);
      }
      if (!(await sleepUnlessAborted(slot.at.getTime() - Date.now(), signal))) return false;
      // A retry_after that arrived while we waited voids the slot: ask again after it.
      if (slot.booked && Date.now() >= this.retries.heldUntil(chatId)) return true;
    }
  }

  reportRetryAfter(chatId: number, retryAfterSec: number): void {
    const { until, globalFlood } = this.retries.report(chatId, retryAfterSec, Date.now());
    this.fallback.holdChat(chatId, until);
    const hold = async () => {
      await this.slots.holdSends(chatId, new Date(until));
      if (globalFlood) await this.slots.holdSends(null, new Date(until));
    };
    hold().catch((err) => this.logger.warn({ chat: chatId, err: (err as Error).message }, 'could not share a retry_after with the fleet'));
  }

  sent(chatId: number): void {
    const now = Date.now();
    const after = now + this.spacing(chatId).chatIntervalMs;
    this.fallback.holdChat(chatId, after);
    // Forget chats whose interval has passed, so the map holds only the chats being sent to.
    if (this.chatAfter.size >= 10_000) for (const [id, at] of this.chatAfter) if (at <= now) this.chatAfter.delete(id);
    this.chatAfter.set(chatId, after);
  }

  /** Spacing for one send to `chatId`: groups 20 a minute, private chats one a second. */
  private spacing(chatId: number): { globalIntervalMs: number; chatIntervalMs: number } {
    const group = chatId < 0;
    return {
      globalIntervalMs: (1000 / this.limits.globalPerSecond) * this.retries.slowdown,
      chatIntervalMs: group ? Math.max(this.limits.groupIntervalMs ?? 1000, 60_000 / this.limits.groupPerMinute) : this.limits.privateIntervalMs,
    };
  }
}
