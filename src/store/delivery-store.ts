/** The outbox: one row per (digest, chat, part) and how its delivery stands. */

/** One message of one digest to one chat, and how its delivery stands. */
export interface Delivery {
  id: number;
  digestId: number;
  chatId: number;
  part: number;
  state: 'pending' | 'sent' | 'failed' | 'cancelled';
  attempts: number;
  /** ISO time before which this delivery must not be tried again (rate limits, backoff). */
  notBefore: string | null;
  lastError: string | null;
  messageId: number | null;
  sentAt: string | null;
}

/** Deliveries: queue, hand out what is due, record outcomes. */
export interface DeliveryStore {
  /** Queue every part of a digest for each chat; already-queued (digest, chat, part) rows are kept. Returns rows added. */
  enqueueDigest(digestId: number, partCount: number, chatIds: number[]): Promise<number>;
  /** Pending rows due at `nowIso`, only the lowest pending part per chat (parts go out in order). */
  dueDeliveries(nowIso: string, limit: number): Promise<Delivery[]>;
  markSent(id: number, messageId: number, at: string): Promise<void>;
  /** Count a failed attempt: retry after `notBefore`, or give up (`final`). */
  markAttemptFailed(id: number, error: string, opts: { notBefore: string | null; final: boolean }): Promise<void>;
  /** Cancel every pending row of a chat (e.g. it blocked the bot). */
  cancelPending(chatId: number, reason: string): Promise<number>;
  deliveryCounts(digestId?: number): Promise<Record<Delivery['state'], number>>;
}
