/**
 * The SendPacer for a fleet: every process sending on one token books its slots in the shared
 * database (SendSlotStore), so together they keep Telegram's global and per-chat limits, and a
 * retry_after seen by one process holds back all of them.
 *
 * Per process it keeps what needs no agreement: the slowdown after repeated 429s, and the
 * detection of a global flood (several chats refused within a second). If the database cannot
 * be reached it falls back to its in-memory limiter for that message, so sending never stops —
 * at worst the fleet paces per process for a while (logged).
 */
import type { SendSlotStore } from '../store/send-slot-store.js';
import type { Logger } from '../support/logger.js';
import { sleepUnlessAborted, type SendPacer } from '../delivery/send-pacer.js';
import {
  FloodLimiter,
  type FloodLimits,
  REPEAT_WINDOW_MS,
  CALM_MS,
  MAX_SLOWDOWN,
  STEP_GAP_MS,
  GLOBAL_FLOOD_CHATS,
  GLOBAL_FLOOD_WINDOW_MS,
  RETRY_MARGIN_MS,
} from '../delivery/flood-limiter.js';

/** The most a booking is moved ahead for the database's round trip (see acquire). */
const MAX_LEAD_MS = 250;

export class SharedSendPacer implements SendPacer {
  private factor = 1;
  private lastRateLimit = -Infinity;
  private lastChange = -Infinity;
  private recent429: Array<{ chatId: number; at: number }> = [];
  private readonly fallback: FloodLimiter;
  private degradedSince: number | null = null;
  /** Smoothed time a booking takes, measured. */
  private roundTripMs = 5;
  /** retry_after deadlines this process has seen, kept here too: sharing them is asynchronous. */
  private readonly holds = new Map<number, number>();
  private globalHold = 0;

  constructor(
    private readonly slots: SendSlotStore,
    private readonly limits: FloodLimits,
    private readonly logger: Pick<Logger, 'warn' | 'info'>,
  ) {
    this.fallback = new FloodLimiter(limits);
  }

  get ratePerSecond(): number {
    return this.limits.globalPerSecond / this.factor;
  }

  async acquire(chatId: number, signal?: AbortSignal): Promise<boolean> {
    for (;;) {
      if (signal?.aborted) return false;
      const held = Math.max(this.globalHold, this.holds.get(chatId) ?? 0) - Date.now();
      if (held > 0) {
        if (!(await sleepUnlessAborted(held, signal))) return false;
        continue;
      }
      this.holds.delete(chatId);
      this.relax(Date.now());
      let slot: { booked: boolean; at: Date };
      try {
        // A free slot is booked at "now", but the message can only go once the answer is back: book
        // it one (typical) round trip ahead, or the next message to the chat, sent exactly on its
        // booked time, would follow this one by less than the chat's interval.
        const asked = Date.now();
        slot = await this.slots.reserveSendSlot(chatId, new Date(asked + Math.min(MAX_LEAD_MS, this.roundTripMs)), this.spacing(chatId));
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
      if (slot.booked && Date.now() >= Math.max(this.globalHold, this.holds.get(chatId) ?? 0)) return true;
    }
  }

  reportRetryAfter(chatId: number, retryAfterSec: number): void {
    const now = Date.now();
    const until = new Date(now + retryAfterSec * 1000 + RETRY_MARGIN_MS);
    this.fallback.reportRetryAfter(chatId, retryAfterSec);
    this.recent429 = [...this.recent429.filter((r) => r.at > now - GLOBAL_FLOOD_WINDOW_MS), { chatId, at: now }];
    const globalFlood = new Set(this.recent429.map((r) => r.chatId)).size >= GLOBAL_FLOOD_CHATS;
    this.holds.set(chatId, Math.max(this.holds.get(chatId) ?? 0, until.getTime()));
    if (globalFlood) this.globalHold = Math.max(this.globalHold, until.getTime());
    if (now - this.lastRateLimit < REPEAT_WINDOW_MS && now - this.lastChange >= STEP_GAP_MS) {
      this.factor = Math.min(MAX_SLOWDOWN, this.factor * 1.5);
      this.lastChange = now;
    }
    this.lastRateLimit = now;
    const hold = async () => {
      await this.slots.holdSends(chatId, until);
      if (globalFlood) await this.slots.holdSends(null, until);
    };
    hold().catch((err) => this.logger.warn({ chat: chatId, err: (err as Error).message }, 'could not share a retry_after with the fleet'));
  }

  /** Spacing for one send to `chatId`: groups 20 a minute, private chats one a second. */
  private spacing(chatId: number): { globalIntervalMs: number; chatIntervalMs: number } {
    const group = chatId < 0;
    return {
      globalIntervalMs: (1000 / this.limits.globalPerSecond) * this.factor,
      chatIntervalMs: group ? Math.max(this.limits.groupIntervalMs ?? 1000, 60_000 / this.limits.groupPerMinute) : this.limits.privateIntervalMs,
    };
  }

  private relax(now: number): void {
    if (this.factor > 1 && now - this.lastRateLimit > CALM_MS && now - this.lastChange > CALM_MS) {
      this.factor = Math.max(1, this.factor / 1.25);
      this.lastChange = now;
    }
  }
}
