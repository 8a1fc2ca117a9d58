/**
 * The outbox: one row per (digest, chat, part) and how its delivery stands. Senders claim rows
 * with leases, so two senders on one database (the bot and `keyfigures deliver`, or two bots)
 * never send the same part; a sender that dies stops heartbeating and its leases become free.
 */

import type { Story } from '../domain/types.js';

/**
 * What a group of chats is shown of an edition, as data: the outbox renders its messages when it
 * sends them (src/delivery/digest-view.ts). The language is the chats' when the edition was
 * queued: the number of outbox rows, one per message, follows from rendering it then.
 */
export interface DigestView {
  /** The edition's date (YYYY-MM-DD) and the zone its story times are shown in. */
  date: string;
  timezone: string;
  /** The stories shown, numbered as the chats see them. */
  stories: Story[];
  /** The chats have stories beyond these (a "more" button). */
  more: boolean;
  /** The edition's picture card goes first. */
  card: boolean;
  /** The language the messages are rendered in. */
  locale: string;
}

/** One message to one chat — a part of a digest, or an operator's broadcast — and how its delivery stands. */
export interface Delivery {
  id: number;
  /** The digest this row sends a part of; null for a broadcast row. */
  digestId: number | null;
  /** The broadcast this row sends (part 0); null for a digest part. */
  broadcastId: number | null;
  chatId: number;
  part: number;
  state: 'pending' | 'sent' | 'failed' | 'cancelled';
  attempts: number;
  /** Before this time the delivery must not be tried again (rate limits, backoff). */
  notBefore: Date | null;
  lastError: string | null;
  messageId: number | null;
  sentAt: Date | null;
}

/** A delivery claimed by a sender, with the message it sends. */
export interface ClaimedDelivery extends Delivery {
  /** The view this part renders (its `part`-th message); null for a row queued before views were stored, or when it is gone. */
  view: DigestView | null;
  /** A row queued before views were stored (migration 18): the HTML it was queued with; else null. */
  html: string | null;
  /** A broadcast row: the operator's text (plain, escaped when sent); else null. */
  broadcast: string | null;
  /** A previous sender started sending this row and died before recording the outcome. */
  uncertain: boolean;
  /** The chat's digest topic as the row is claimed (read then, so a changed or dropped topic applies to every part still pending); null: General. */
  threadId: number | null;
}

/** A running sender, as its heartbeat shows it. */
export interface DeliveryWorker {
  owner: string;
  /** 'bot' for the running bot, 'cli' for `keyfigures deliver`. */
  kind: string;
  pid: number;
  heartbeatAt: Date;
  /** The process table `pid` belongs to (see src/delivery/pid-space.ts); null when unknown. */
  pidSpace: string | null;
}

/** Options of {@link DeliveryStore.claimDeliveries}. */
export interface ClaimOptions {
  now: Date;
  limit: number;
  /** How long the lease lasts (it is renewed right before each send). */
  leaseMs: number;
  /** Leases of workers whose last heartbeat is older than this are free. */
  staleBefore: Date;
}

/** Deliveries: queue, lease out what is due, record outcomes. */
export interface DeliveryStore {
  /** Cancel every pending row of a chat (e.g. it blocked the bot). */
  cancelPending(chatId: number, reason: string): Promise<number>;
  deliveryCounts(digestId?: number): Promise<Record<Delivery['state'], number>>;

  /**
   * Queue an edition for every group of chats in ONE transaction, all or nothing: each group's
   * `view` is kept and its `messages` (how many the view renders to) queued for its chats that
   * have nothing of this digest yet (`view: null`: nothing to send, e.g. no story matches their
   * topics), and `givenAt` (unless null) becomes every listed chat's last digest. Returns rows added.
   */
  enqueueEdition(digestId: number, groups: ReadonlyArray<{ view: DigestView | null; messages: number; chatIds: number[] }>, givenAt: Date | null): Promise<number>;
  /**
   * Decide a pending broadcast 'sent' and queue it for every active chat, in ONE transaction: the
   * outbox sends it like a digest (leased, paced, retried). Null when it was no longer pending (a
   * second tap, or another admin decided first), so it is queued once. Returns the text and rows queued.
   */
  queueBroadcast(broadcastId: number, at: Date): Promise<{ text: string; queued: number } | null>;
  /**
   * Lease due rows to `owner`: pending, past not_before, not leased by a live worker, and the
   * chat's first pending row (a chat's messages go out one after another, in the order queued).
   */
  claimDeliveries(owner: string, opts: ClaimOptions): Promise<ClaimedDelivery[]>;
  /** Fence before the HTTP call: renew the lease and mark the send started. False when the lease was lost. */
  startSending(id: number, owner: string, leaseUntil: Date, now: Date): Promise<boolean>;
  /** Record that Telegram accepted the message; releases the lease. */
  completeDelivery(id: number, owner: string, messageId: number, at: Date): Promise<void>;
  /**
   * Record a failed send and release the lease: retry after `notBefore` (pending), or give up
   * (`final`). `countAttempt: false` for Telegram pacing us (429), which is not the message's fault.
   */
  failDelivery(id: number, owner: string, opts: { error: string; notBefore: Date | null; final: boolean; countAttempt: boolean }): Promise<void>;
  /** Give back leases without an attempt (shutdown, or a row not sent); all of the owner's when `ids` is omitted. */
  releaseLeases(owner: string, ids?: number[]): Promise<number>;
  /** Register or refresh a running sender (`pidSpace`: where its pid can be checked; default unknown). */
  heartbeat(worker: { owner: string; kind: string; pid: number; pidSpace?: string | null }, at: Date): Promise<void>;
  /** Forget a sender that stopped cleanly, or died: its leases are free at once. */
  removeWorker(owner: string): Promise<void>;
  /** Senders that heartbeated at or after `since` (null: every registered sender, however stale), optionally of one kind. */
  liveWorkers(since: Date | null, kind?: string): Promise<DeliveryWorker[]>;
}
