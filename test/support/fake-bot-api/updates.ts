import { ApiError, TG } from './wording.js';

/** A Bot API Update: update_id plus exactly one payload field (message, callback_query, ...). */
export type Update = { update_id: number } & Record<string, unknown>;

// Telegram leaves these out unless they are listed explicitly in allowed_updates.
const OPT_IN_TYPES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

interface Held {
  limit: number;
  resolve: (updates: Update[]) => void;
  reject: (err: ApiError) => void;
  timer: NodeJS.Timeout;
  /** Aborted when the client went away (telegraf's bot.stop aborts its long poll). */
  signal: AbortSignal;
}

/**
 * How long a held poll that a newer one terminates waits before it is answered 409: a client that
 * aborts its long poll and at once sends another (telegraf's bot.stop confirming its offset) closes the
 * first socket a moment before the server hears it. Telegram's 409 would never reach that client, so the
 * fake must not log it as a refusal the bot received.
 */
const CLOSE_GRACE_MS = 50;

/** Options of one getUpdates call, already coerced to numbers. */
export interface PollOptions {
  offset?: number;
  limit?: number;
  timeout?: number;
  allowedUpdates?: string[];
}

/** Pending updates and the (single) long-polling getUpdates request. */
export class UpdateQueue {
  private queue: Update[] = [];
  private nextId = 100_000_001;
  private allowed: string[] = [];
  private held: Held | undefined;
  private closed = false;

  /** Appends an update (update_id assigned here) and wakes a held getUpdates. */
  push(payload: Record<string, unknown>): Update {
    const update = { update_id: this.nextId++, ...payload } as Update;
    this.queue.push(update);
    const held = this.held;
    if (held) {
      const ready = this.deliverable(held.limit);
      if (ready.length > 0) this.release(held, ready);
    }
    return update;
  }

  /** Number of updates not yet confirmed (getWebhookInfo.pending_update_count). */
  pendingCount(): number {
    return this.queue.length;
  }

  /** Forgets every pending update (drop_pending_updates). */
  dropPending(): void {
    this.queue = [];
  }

  /**
   * Implements getUpdates: confirms updates below `offset`, returns at once if any are
   * deliverable, else holds for `timeout` seconds. A newer call terminates a held one with
   * 409 — that is what Telegram's "terminated by other getUpdates request" means.
   */
  poll(opts: PollOptions, signal: AbortSignal): Promise<Update[]> {
    const offset = opts.offset ?? 0;
    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    else if (offset < 0) this.queue = this.queue.slice(offset);
    if (opts.allowedUpdates) this.allowed = opts.allowedUpdates;
    const limit = Math.min(100, Math.max(1, opts.limit ?? 100));

    if (this.held) {
      const previous = this.held;
      this.held = undefined;
      clearTimeout(previous.timer);
      setTimeout(() => {
        if (previous.signal.aborted) previous.resolve([]);
        else previous.reject(ApiError.of(TG.conflictGetUpdates));
      }, CLOSE_GRACE_MS);
    }
    const ready = this.deliverable(limit);
    const timeout = Math.max(0, opts.timeout ?? 0);
    if (ready.length > 0 || timeout === 0 || this.closed) return Promise.resolve(ready);

    return new Promise<Update[]>((resolve, reject) => {
      const held: Held = {
        limit,
        resolve,
        reject,
        timer: setTimeout(() => this.release(held, []), timeout * 1000),
        signal,
      };
      this.held = held;
      // a client that gave up (telegraf's bot.stop aborts the fetch) must not count as a poller
      signal.addEventListener('abort', () => {
        if (this.held === held) {
          clearTimeout(held.timer);
          this.held = undefined;
        }
      });
    });
  }

  /** Answers a held request with [] so server shutdown is immediate. */
  close(): void {
    this.closed = true;
    if (this.held) this.release(this.held, []);
  }

  private release(held: Held, updates: Update[]): void {
    if (this.held === held) this.held = undefined;
    clearTimeout(held.timer);
    held.resolve(updates);
  }

  private deliverable(limit: number): Update[] {
    // updates of a type the bot did not ask for are discarded, as Telegram does
    this.queue = this.queue.filter((u) => this.isAllowed(u));
    return this.queue.slice(0, limit);
  }

  private isAllowed(update: Update): boolean {
    const type = Object.keys(update).find((k) => k !== 'update_id') ?? '';
    return this.allowed.length > 0 ? this.allowed.includes(type) : !OPT_IN_TYPES.has(type);
  }
}
