/**
 * The outbox worker: sends due (digest, chat, part) rows from the store, in part order per chat,
 * within flood limits. Every outcome is written back before the next send, so a crash loses
 * nothing and repeats at most the message in flight.
 */
import type { Delivery, Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import { SendError, type ChatSender } from './chat-sender.js';
import { FloodLimiter } from './flood-limiter.js';

/** What the worker needs. */
export interface OutboxDeps {
  store: Store;
  sender: ChatSender;
  logger: Logger;
  limiter: FloodLimiter;
  /** Attempts before a transient failure is given up. */
  maxAttempts?: number;
  /** Sends in flight at once (across different chats). */
  concurrency?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Counts for one drain. */
export interface DrainReport {
  sent: number;
  retried: number;
  failed: number;
  deactivated: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Send everything due now; returns when nothing is due (later retries stay queued).
 * @example await drainOutbox({ store, sender, logger, limiter: new FloodLimiter() })
 */
export async function drainOutbox(deps: OutboxDeps): Promise<DrainReport> {
  const report: DrainReport = { sent: 0, retried: 0, failed: 0, deactivated: 0 };
  const batchSize = (deps.concurrency ?? 8) * 4;
  for (;;) {
    const due = await deps.store.dueDeliveries(new Date().toISOString(), batchSize);
    if (due.length === 0) break;
    // One in-flight row per chat: parts of one chat must not overtake each other.
    const perChat = new Map<number, Delivery>();
    for (const row of due) if (!perChat.has(row.chatId)) perChat.set(row.chatId, row);
    const rows = [...perChat.values()];
    let cursor = 0;
    const worker = async () => {
      while (cursor < rows.length) await sendOne(rows[cursor++]!, deps, report);
    };
    await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? 8, rows.length) }, worker));
  }
  if (report.sent + report.failed + report.retried > 0) deps.logger.info(report, 'delivery run done');
  return report;
}

async function sendOne(row: Delivery, deps: OutboxDeps, report: DrainReport): Promise<void> {
  const sleep = deps.sleep ?? realSleep;
  const digest = await deps.store.getDigest(row.digestId);
  const html = digest?.parts[row.part];
  if (html === undefined) {
    await deps.store.markAttemptFailed(row.id, 'digest part missing', { notBefore: null, final: true });
    report.failed++;
    return;
  }
  const at = deps.limiter.reserve(row.chatId, Date.now());
  if (at > Date.now()) await sleep(at - Date.now());
  try {
    const messageId = await deps.sender.sendHtml(row.chatId, html);
    await deps.store.markSent(row.id, messageId, new Date().toISOString());
    report.sent++;
  } catch (err) {
    await recordFailure(row, err instanceof SendError ? err : new SendError('transient', String(err)), deps, report);
  }
}

async function recordFailure(row: Delivery, err: SendError, deps: OutboxDeps, report: DrainReport): Promise<void> {
  const { store, logger } = deps;
  switch (err.kind) {
    case 'rate_limited': {
      const until = Date.now() + (err.details.retryAfterSec ?? 1) * 1000;
      deps.limiter.holdChat(row.chatId, until);
      // A 429 is Telegram pacing us, not a failed attempt of this message.
      await store.markAttemptFailed(row.id, err.message, { notBefore: new Date(until).toISOString(), final: false });
      report.retried++;
      logger.warn({ chat: row.chatId, retryAfter: err.details.retryAfterSec }, 'rate limited by Telegram');
      return;
    }
    case 'chat_gone':
      await store.deactivate(row.chatId, err.message);
      await store.cancelPending(row.chatId, err.message);
      report.deactivated++;
      logger.info({ chat: row.chatId, reason: err.message }, 'chat deactivated');
      return;
    case 'migrated':
      await store.migrateChat(row.chatId, err.details.migrateTo!);
      report.retried++;
      logger.info({ from: row.chatId, to: err.details.migrateTo }, 'group migrated to supergroup');
      return;
    case 'transient': {
      const final = row.attempts + 1 >= (deps.maxAttempts ?? 6);
      const backoffMs = Math.min(2 ** row.attempts * 2000, 10 * 60_000);
      await store.markAttemptFailed(row.id, err.message, { notBefore: new Date(Date.now() + backoffMs).toISOString(), final });
      final ? report.failed++ : report.retried++;
      logger.warn({ chat: row.chatId, attempt: row.attempts + 1, err: err.message }, final ? 'delivery gave up' : 'delivery will retry');
      return;
    }
    case 'rejected':
      await store.markAttemptFailed(row.id, err.message, { notBefore: null, final: true });
      report.failed++;
      logger.error({ chat: row.chatId, digest: row.digestId, part: row.part, err: err.message }, 'Telegram rejected a digest message');
      return;
  }
}
