/**
 * The outbox worker: leases due (digest, chat, part) rows from the store and sends them within
 * flood limits, one message per chat at a time, in part order. Each outcome is committed right
 * after its send, so a crash (kill -9) loses nothing and can repeat only the messages whose HTTP
 * call was in flight: at most `maxInFlight` per worker (default 1), whatever the rate or latency,
 * because a send goes on the wire only while fewer than that are (test/e2e/kill-delivery.test.ts
 * measures it at every kill). One send at a time caps a worker at one message per round trip
 * (~16/s at 60 ms); a fleet adds its workers' rounds up, and an operator on a slow link may allow
 * more (SEND_IN_FLIGHT) at the price of as many possible duplicates per crash. A second sender (the bot and
 * `keyfigures deliver`, or two bots) on the same database never sends the same part: rows are
 * leased, the lease is re-checked right before each send, and a sender that stops heartbeating
 * loses its leases within `staleMs` (at once when it ran on this machine and its process is gone).
 */
import { randomUUID } from 'node:crypto';
import type { ClaimedDelivery, Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import { SendError, type ChatSender } from './chat-sender.js';
import type { SendPacer } from './send-pacer.js';
import { pidSpace, processGone } from './pid-space.js';
import { parseCardPart, splitPart } from './digest-part.js';
import { EditionCards } from './edition-cards.js';
import { viewPart } from './digest-view.js';
import { escapeHtml } from '../render/escape-html.js';
import { translator } from '../i18n/translator.js';
import type { Metrics } from '../ops/metrics.js';

/**
 * Sends on the wire at once per worker unless told otherwise, and so the most messages one kill -9
 * can repeat: a row is marked "sending" right before its HTTP call and its outcome committed right
 * after. Issue 14 asks for at most one duplicate per kill.
 */
export const DEFAULT_IN_FLIGHT = 1;

/** What the worker needs. */
export interface OutboxDeps {
  store: Store;
  sender: ChatSender;
  logger: Logger;
  /** Flood control shared with every other sender of the process (the bot's replies too). */
  limiter: SendPacer;
  /** Lease owner id; default a fresh UUID (one per worker). */
  owner?: string;
  /** Worker kind shown in heartbeats: 'bot' or 'cli'. Default 'bot'. */
  kind?: string;
  /** Attempts before a transient failure (5xx, network) is given up. Default 8. */
  maxAttempts?: number;
  /** Lease length; renewed right before each send. Default 30 s. */
  leaseMs?: number;
  /** A worker silent this long is dead and its leases are free. Default 5 s. */
  staleMs?: number;
  /** Heartbeat period. Default 1 s. */
  heartbeatMs?: number;
  /** How often to look for new work when idle. Default 500 ms. */
  pollMs?: number;
  /** Seconds of sending to lease ahead. Default 1.5. */
  lookaheadSec?: number;
  /** Sends on the wire at once, and so the most a crash repeats (SEND_IN_FLIGHT). Default DEFAULT_IN_FLIGHT. */
  maxInFlight?: number;
  /** Cap of the transient-error backoff. Default 5 min. */
  maxBackoffMs?: number;
  /** The language of the notes the outbox writes to a chat without its own (LANGUAGE); English by default. */
  language?: string;
  /** Editions' picture cards, for card parts (shared with /card); default a cache of the worker's own. */
  cards?: EditionCards;
  /** Prometheus counters to record sends and failures in (failures labelled by SendError kind). */
  metrics?: Pick<Metrics, 'messagesSent' | 'messagesFailed'>;
}

/** Counts for one run. */
export interface DrainReport {
  sent: number;
  retried: number;
  failed: number;
  deactivated: number;
  /** 429 answers received. */
  rateLimited: number;
  /** Rows re-sent after a sender died mid-send (possible duplicates: the crash window). */
  uncertain: number;
}

const emptyReport = (): DrainReport => ({ sent: 0, retried: 0, failed: 0, deactivated: 0, rateLimited: 0, uncertain: 0 });

/**
 * A long-running sender. `start()` registers its heartbeat, `run()` sends until stopped (or idle),
 * `wake()` nudges it after new rows were queued, `stop()` finishes in-flight sends and gives back
 * the rest.
 * @example const worker = new OutboxWorker(deps); await worker.start(); void worker.run(); … await worker.stop();
 */
export class OutboxWorker {
  readonly owner: string;
  readonly report: DrainReport = emptyReport();
  private readonly tasks = new Map<number, Promise<void>>();
  private readonly aborts = new Map<number, AbortController>();
  private stopping = false;
  private wakeUp: (() => void) | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private running: Promise<DrainReport> | null = null;
  private lastClaim = 0;
  /** Places on the wire taken: from booking a slot to the send's committed outcome. */
  private onWire = 0;
  private readonly wireWaiters = new Set<() => void>();
  /** The report at the end of the previous burst of work, to log each burst's counts once. */
  private loggedUpTo: DrainReport = emptyReport();

  private readonly cards: EditionCards;

  constructor(private readonly deps: OutboxDeps) {
    this.owner = deps.owner ?? randomUUID();
    this.cards = deps.cards ?? new EditionCards(deps.store);
  }

  /**
   * Register with the store and keep heartbeating until stop(). With each heartbeat, senders of this
   * machine (same pid space) whose process is gone are forgotten, so their leased rows are free at
   * once — a bot restarted after kill -9 resumes its predecessor's work without waiting `staleMs`.
   */
  async start(): Promise<void> {
    const space = pidSpace();
    const beat = async () => {
      await this.deps.store.heartbeat({ owner: this.owner, kind: this.deps.kind ?? 'bot', pid: process.pid, pidSpace: space }, new Date());
      if (space !== null) await this.forgetDead(space);
    };
    await beat();
    this.heartbeatTimer = setInterval(() => {
      beat().catch((err) => this.deps.logger.warn({ err: (err as Error).message }, 'outbox heartbeat failed'));
    }, this.deps.heartbeatMs ?? 1000);
    this.heartbeatTimer.unref();
  }

  /** Forget the senders in `space` whose process no longer runs (their leases become free). */
  private async forgetDead(space: string): Promise<void> {
    const workers = await this.deps.store.liveWorkers(null);
    for (const w of workers) {
      if (w.owner === this.owner || w.pidSpace !== space || w.pid === process.pid || !processGone(w.pid)) continue;
      await this.deps.store.removeWorker(w.owner);
      this.deps.logger.info({ owner: w.owner, pid: w.pid, kind: w.kind }, 'outbox: a sender on this machine died; its rows are free now');
    }
  }

  /** New rows were queued: look now instead of at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  /**
   * Send until stop() — or, with `untilIdle`, until nothing is due and nothing is in flight (and
   * `until()`, when given, says done).
   */
  run(opts: { untilIdle?: boolean; until?: () => Promise<boolean> } = {}): Promise<DrainReport> {
    this.running ??= this.loop(opts).finally(() => (this.running = null));
    return this.running;
  }

  private async loop(opts: { untilIdle?: boolean; until?: () => Promise<boolean> }): Promise<DrainReport> {
    const pollMs = this.deps.pollMs ?? 500;
    while (!this.stopping) {
      const target = Math.max(4, Math.ceil(this.deps.limiter.ratePerSecond * (this.deps.lookaheadSec ?? 1.5)));
      let claimed = 0;
      const now = Date.now();
      if (this.tasks.size < target && (this.tasks.size <= target / 2 || now - this.lastClaim >= 200)) {
        this.lastClaim = now;
        const rows = await this.deps.store.claimDeliveries(this.owner, {
          now: new Date(now),
          limit: target - this.tasks.size,
          leaseMs: this.deps.leaseMs ?? 30_000,
          staleBefore: new Date(now - (this.deps.staleMs ?? 5_000)),
        });
        claimed = rows.length;
        // (a row of ours already in flight can come back only if our heartbeat stalled; never twice)
        for (const row of rows) if (!this.tasks.has(row.id)) this.launch(row);
      }
      if (this.tasks.size === 0 && claimed === 0 && !opts.untilIdle) this.logBurst();
      if (this.tasks.size === 0 && claimed === 0 && opts.untilIdle && (!opts.until || (await opts.until()))) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.tasks.size > 0 ? 200 : pollMs);
        this.wakeUp = () => (clearTimeout(timer), resolve());
      });
      this.wakeUp = null;
    }
    return this.report;
  }

  /** The long-running worker went idle: one 'delivery run done' line with what this burst did. */
  private logBurst(): void {
    const burst = Object.fromEntries(
      Object.entries(this.report).map(([k, v]) => [k, v - this.loggedUpTo[k as keyof DrainReport]]),
    ) as unknown as DrainReport;
    if (burst.sent + burst.failed + burst.retried + burst.deactivated === 0) return;
    this.loggedUpTo = { ...this.report };
    this.deps.logger.info(burst, 'delivery run done');
  }

  /**
   * Stop taking work, let sends already on the wire finish (up to `timeoutMs`), give back every
   * other lease and leave the heartbeat table.
   */
  async stop(timeoutMs = 10_000): Promise<DrainReport> {
    this.stopping = true;
    this.wake();
    for (const abort of this.aborts.values()) abort.abort();
    const settled = Promise.allSettled([...this.tasks.values()]);
    await Promise.race([settled, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    await this.running?.catch(() => undefined);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    try {
      await this.deps.store.releaseLeases(this.owner);
      await this.deps.store.removeWorker(this.owner);
    } catch (err) {
      this.deps.logger.warn({ err: (err as Error).message }, 'outbox: could not release leases');
    }
    return this.report;
  }

  private launch(row: ClaimedDelivery): void {
    const abort = new AbortController();
    this.aborts.set(row.id, abort);
    const task = this.process(row, abort.signal)
      .catch(async (err) => {
        this.deps.logger.error({ err: (err as Error).message, delivery: row.id }, 'outbox: delivery bookkeeping failed');
        await this.deps.store.releaseLeases(this.owner, [row.id]).catch(() => undefined);
      })
      .finally(() => {
        this.tasks.delete(row.id);
        this.aborts.delete(row.id);
        this.wakeUp?.();
      });
    this.tasks.set(row.id, task);
  }

  private async process(row: ClaimedDelivery, signal: AbortSignal): Promise<void> {
    const { store } = this.deps;
    // A view is rendered now, in the language it was queued in; a row from before views were stored sends its HTML.
    const html = row.broadcast !== null ? broadcastHtml(row.broadcast) : row.view ? viewPart(row.view, row.part) : row.html;
    if (html === null) {
      await store.failDelivery(row.id, this.owner, { error: 'digest part missing', notBefore: null, final: true, countAttempt: true });
      this.report.failed++;
      this.deps.metrics?.messagesFailed.inc({ reason: 'missing' });
      return;
    }
    // A card is rendered (once per edition and language) before taking a slot, not while holding one.
    const card = row.digestId === null ? null : parseCardPart(html);
    if (card) await this.cards.card(row.digestId!, card.locale).catch(() => null);
    if (!(await this.takeWire(signal))) {
      await store.releaseLeases(this.owner, [row.id]);
      return;
    }
    try {
      if (!(await this.deps.limiter.acquire(row.chatId, signal))) {
        await store.releaseLeases(this.owner, [row.id]);
        return;
      }
      await this.send(row, html);
    } finally {
      this.onWire--;
      for (const wake of [...this.wireWaiters]) wake();
    }
  }

  /**
   * Take one of the worker's places on the wire, waiting while all are taken; false when aborted.
   * The place is taken before the flood-limit slot, not after: a slot booked while the wire is
   * full would pass unused and be lost to the whole fleet (with one send at a time and a 60 ms
   * round trip, every other slot was). The price: a message whose chat must wait (a group's next
   * part, ~3 s after the last) holds its place meanwhile; a chat's next part is claimed only once the
   * previous one is sent, behind ~1.5 s of other chats' work, so for private chats the wait has
   * mostly passed by then.
   */
  private async takeWire(signal: AbortSignal): Promise<boolean> {
    const bound = this.deps.maxInFlight ?? DEFAULT_IN_FLIGHT;
    while (this.onWire >= bound) if (!(await this.wireFreed(signal))) return false;
    this.onWire++;
    return true;
  }

  /** Resolves true when a send on the wire finishes, false when `signal` aborts. */
  private wireFreed(signal: AbortSignal): Promise<boolean> {
    if (signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (freed: boolean) => {
        this.wireWaiters.delete(wake);
        signal.removeEventListener('abort', onAbort);
        resolve(freed);
      };
      const wake = () => done(true);
      const onAbort = () => done(false);
      this.wireWaiters.add(wake);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Fence, send, commit the outcome. */
  private async send(row: ClaimedDelivery, html: string): Promise<void> {
    const { store, logger } = this.deps;
    const now = Date.now();
    // Fence: if our lease was taken over meanwhile, someone else sends this row.
    if (!(await store.startSending(row.id, this.owner, new Date(now + (this.deps.leaseMs ?? 30_000)), new Date(now)))) {
      logger.warn({ delivery: row.id }, 'outbox: lease lost before sending; skipped');
      return;
    }
    if (row.uncertain) {
      this.report.uncertain++;
      logger.warn({ chat: row.chatId, digest: row.digestId, part: row.part }, 'outbox: re-sending a part whose earlier send was cut off (may duplicate)');
    }
    let messageId: number;
    try {
      const card = row.digestId === null ? null : parseCardPart(html);
      if (card) {
        messageId = await this.sendCard(row, row.digestId!, card.locale);
      } else {
        const part = splitPart(html);
        messageId = await this.deps.sender.sendHtml(row.chatId, part.html, { keyboard: part.keyboard ?? undefined, threadId: row.threadId });
      }
    } catch (err) {
      this.deps.limiter.sent(row.chatId);
      await this.recordFailure(row, err instanceof SendError ? err : new SendError('transient', String(err)));
      return;
    }
    this.deps.limiter.sent(row.chatId);
    await store.completeDelivery(row.id, this.owner, messageId, new Date());
    this.report.sent++;
    this.deps.metrics?.messagesSent.inc();
  }

  /**
   * Send the edition's picture card as a photo: by the file_id of an earlier upload when there is
   * one (1,000 chats, one upload), else the PNG. A photo takes a send slot like any message.
   */
  private async sendCard(row: ClaimedDelivery, digestId: number, locale: string): Promise<number> {
    const card = await this.cards.card(digestId, locale);
    if (!card) throw new SendError('rejected', 'the edition has no picture card');
    const opts = { captionHtml: card.caption, threadId: row.threadId };
    // A 400 for a file_id means Telegram no longer takes it: upload instead (anything else is this row's outcome).
    const stale = (err: unknown) => err instanceof SendError && err.kind === 'rejected';
    return this.cards.sendWith(card, (photo) => this.deps.sender.sendPhoto(row.chatId, photo, opts), stale);
  }

  /**
   * The chat's digest topic was deleted: tell the group in General, forget the topic, and send the
   * part again — with the topic gone from the chat's options, the row is claimed for General, and
   * so are the chat's parts still pending. The note goes out before the topic is forgotten, so a
   * crash in between repeats the note rather than losing it.
   */
  private async topicGone(row: ClaimedDelivery, err: SendError): Promise<void> {
    const { store, sender, limiter, logger } = this.deps;
    if (row.threadId !== null && (await store.getDeliveryOptions(row.chatId)).digestTopic === row.threadId) {
      try {
        await limiter.acquire(row.chatId);
        const language = (await store.getSubscriber(row.chatId))?.language ?? this.deps.language;
        await sender.sendHtml(row.chatId, escapeHtml(translator(language).t('digest-topic-gone'))).finally(() => limiter.sent(row.chatId));
      } catch (noteErr) {
        logger.warn({ chat: row.chatId, err: (noteErr as Error).message }, 'outbox: could not tell the group its digest topic is gone');
      }
      await store.dropDigestTopic(row.chatId, row.threadId);
      logger.info({ chat: row.chatId, topic: row.threadId }, 'digest topic deleted; digests now go to General');
    }
    await store.failDelivery(row.id, this.owner, { error: err.message, notBefore: null, final: false, countAttempt: false });
    this.report.retried++;
  }

  private async recordFailure(row: ClaimedDelivery, err: SendError): Promise<void> {
    const { store, logger, limiter } = this.deps;
    const owner = this.owner;
    this.deps.metrics?.messagesFailed.inc({ reason: err.kind });
    switch (err.kind) {
      case 'rate_limited': {
        const until = Date.now() + (err.details.retryAfterSec ?? 1) * 1000;
        limiter.reportRetryAfter(row.chatId, err.details.retryAfterSec ?? 1);
        // A 429 is Telegram pacing us, not a failed attempt of this message.
        await store.failDelivery(row.id, owner, { error: err.message, notBefore: new Date(until), final: false, countAttempt: false });
        this.report.rateLimited++;
        this.report.retried++;
        logger.warn({ chat: row.chatId, retryAfter: err.details.retryAfterSec, rate: limiter.ratePerSecond }, 'rate limited by Telegram');
        return;
      }
      case 'chat_gone':
        await store.deactivate(row.chatId, err.message);
        await store.cancelPending(row.chatId, err.message);
        this.report.deactivated++;
        logger.info({ chat: row.chatId, reason: err.message }, 'chat deactivated');
        return;
      case 'migrated':
        await store.migrateChat(row.chatId, err.details.migrateTo!);
        await store.failDelivery(row.id, owner, { error: err.message, notBefore: null, final: false, countAttempt: false });
        // Rows that could not move (the new chat already had them) must not be retried to the old id.
        await store.cancelPending(row.chatId, err.message);
        this.report.retried++;
        logger.info({ from: row.chatId, to: err.details.migrateTo }, 'group migrated to supergroup');
        return;
      case 'transient': {
        const final = row.attempts + 1 >= (this.deps.maxAttempts ?? 8);
        const backoffMs = Math.min(1000 * 2 ** row.attempts, this.deps.maxBackoffMs ?? 5 * 60_000) * (0.8 + Math.random() * 0.4);
        await store.failDelivery(row.id, owner, { error: err.message, notBefore: new Date(Date.now() + backoffMs), final, countAttempt: true });
        final ? this.report.failed++ : this.report.retried++;
        logger.warn({ chat: row.chatId, attempt: row.attempts + 1, err: err.message }, final ? 'delivery gave up' : 'delivery will retry');
        return;
      }
      case 'thread_gone':
        await this.topicGone(row, err);
        return;
      case 'rejected':
        await store.failDelivery(row.id, owner, { error: err.message, notBefore: null, final: true, countAttempt: true });
        this.report.failed++;
        logger.error({ chat: row.chatId, digest: row.digestId, broadcast: row.broadcastId, part: row.part, err: err.message }, 'Telegram rejected an outbox message');
        return;
    }
  }
}

/**
 * An operator's broadcast as the HTML the outbox sends: the text shown as typed (no markup to get
 * wrong), without NULs, which mark a part's card or keyboard (digest-part.ts).
 * @example broadcastHtml('Maintenance at 22:00 <UTC>') // 'Maintenance at 22:00 &lt;UTC&gt;'
 */
export function broadcastHtml(text: string): string {
  return escapeHtml(text.replaceAll('\u0000', ''));
}

/**
 * Send everything due now with a one-off worker; returns when nothing is due and nothing is in
 * flight (later retries stay queued).
 * @example await drainOutbox({ store, sender, logger, limiter: new FloodLimiter() })
 */
export async function drainOutbox(deps: OutboxDeps): Promise<DrainReport> {
  const worker = new OutboxWorker({ pollMs: 0, ...deps });
  await worker.start();
  try {
    const report = await worker.run({ untilIdle: true });
    if (report.sent + report.failed + report.retried > 0) deps.logger.info(report, 'delivery run done');
    return report;
  } finally {
    await worker.stop();
  }
}
