/**
 * The one way a message reaches a chat while the bot runs: command replies, callback follow-ups,
 * edits and broadcasts. Each chat has a lane — its messages go one at a time, in the order they
 * were given — and every send waits for a slot from the shared SendPacer (per-chat, per-group and
 * global limits; retry_after). Nothing is dropped quietly: a 429 waits out retry_after and sends
 * again, a server or network error is retried with backoff, a chat that blocked the bot is
 * deactivated, and a message Telegram rejects (400) is given up with a log line. The outbox's
 * digests take their slots from the same pacer.
 */
import type { Logger } from '../support/logger.js';
import type { SendPacer } from './send-pacer.js';
import { sleepUnlessAborted } from './send-pacer.js';
import { classifySendError } from './telegraf-sender.js';

/** What the sender needs. */
export interface MessageSenderDeps {
  pacer: SendPacer;
  logger: Logger;
  /** The chat blocked the bot, left, or was deleted: stop sending it anything (deactivate it). */
  onChatGone?: (chatId: number, reason: string) => Promise<void>;
  /** A group became a supergroup: move its records to the new id. */
  onMigrated?: (from: number, to: number) => Promise<void>;
  /** Tries for a message failing with server or network errors. Default 8. */
  maxAttempts?: number;
  /** Wait before try n+1 after a transient error. Default 1 s doubling, at most 30 s. */
  backoffMs?: (attempt: number) => number;
}

/** Counts since start. */
export interface SenderCounts {
  sent: number;
  /** 429 answers waited out. */
  rateLimited: number;
  /** Transient failures retried. */
  retried: number;
  /** Messages given up: rejected by Telegram (400), or transient failures past maxAttempts. */
  failed: number;
  /** Messages not sent because the chat is gone (403). */
  gone: number;
}

/** How `perform` should send this try. */
export interface SendTry {
  /**
   * The forum topic the message was meant for is gone (deleted): send it without
   * message_thread_id, to General, rather than lose it.
   */
  withoutThread: boolean;
}

/**
 * Send a message-producing API call to a chat through the chat's lane. `perform` gets the chat id
 * to use (it changes when a group migrates) and how to send this try, and must be safe to call again.
 * @example await sender.send(chatId, (to) => telegram.sendMessage(to, 'Hi'))
 */
export class MessageSender {
  readonly counts: SenderCounts = { sent: 0, rateLimited: 0, retried: 0, failed: 0, gone: 0 };
  private readonly lanes = new Map<number, Promise<unknown>>();

  constructor(private readonly deps: MessageSenderDeps) {}

  /**
   * Queue one call behind every earlier one to the chat; resolves with its result once sent.
   * Rejects with Telegram's error when the chat is gone (403) or the message was rejected (400).
   */
  send<T>(chatId: number, perform: (chatId: number, how: SendTry) => Promise<T>): Promise<T> {
    const previous = this.lanes.get(chatId) ?? Promise.resolve();
    const result = previous.then(() => this.deliver(chatId, perform));
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.lanes.set(chatId, tail);
    void tail.then(() => {
      if (this.lanes.get(chatId) === tail) this.lanes.delete(chatId);
    });
    return result;
  }

  /** True while messages to the chat are queued or on the wire. */
  busy(chatId: number): boolean {
    return this.lanes.has(chatId);
  }

  /** Resolves once every message queued so far has been sent or given up. */
  async idle(): Promise<void> {
    while (this.lanes.size > 0) await Promise.all([...this.lanes.values()]);
  }

  private async deliver<T>(chatId: number, perform: (chatId: number, how: SendTry) => Promise<T>): Promise<T> {
    const { pacer, logger } = this.deps;
    let to = chatId;
    const how: SendTry = { withoutThread: false };
    for (let attempt = 1; ; ) {
      await pacer.acquire(to);
      try {
        const result = await perform(to, { ...how }).finally(() => pacer.sent(to));
        this.counts.sent++;
        return result;
      } catch (err) {
        const failure = classifySendError(err);
        switch (failure.kind) {
          case 'rate_limited':
            // Telegram pacing us is not a failed try: wait it out, keep the chat's order.
            this.counts.rateLimited++;
            pacer.reportRetryAfter(to, failure.details.retryAfterSec ?? 1);
            logger.warn({ chat: to, retryAfter: failure.details.retryAfterSec }, 'rate limited by Telegram; will send after retry_after');
            continue;
          case 'migrated':
            await this.deps.onMigrated?.(to, failure.details.migrateTo!);
            logger.info({ from: to, to: failure.details.migrateTo }, 'group migrated to supergroup; sending there');
            to = failure.details.migrateTo!;
            continue;
          case 'transient': {
            const max = this.deps.maxAttempts ?? 8;
            if (attempt >= max) {
              this.counts.failed++;
              logger.error({ chat: to, attempts: attempt, err: failure.message }, 'message given up after repeated server errors');
              throw err;
            }
            this.counts.retried++;
            await sleepUnlessAborted(this.deps.backoffMs?.(attempt) ?? Math.min(1000 * 2 ** (attempt - 1), 30_000));
            attempt++;
            continue;
          }
          case 'thread_gone':
            if (!how.withoutThread) {
              how.withoutThread = true;
              logger.info({ chat: to, err: failure.message }, 'forum topic gone; sending to General');
              continue;
            }
            this.counts.failed++;
            throw err;
          case 'chat_gone':
            this.counts.gone++;
            logger.info({ chat: to, reason: failure.message }, 'chat gone; deactivated');
            await this.deps.onChatGone?.(to, failure.message).catch((e: unknown) => logger.warn({ chat: to, err: (e as Error).message }, 'could not deactivate chat'));
            throw err;
          case 'rejected':
            this.counts.failed++;
            // an edit to identical content is routine (a button pressed twice), not a fault
            if (/not modified/i.test(failure.message)) logger.debug({ chat: to, err: failure.message }, 'edit not needed');
            else logger.warn({ chat: to, err: failure.message }, 'Telegram rejected a message; given up');
            throw err;
        }
      }
    }
  }
}
