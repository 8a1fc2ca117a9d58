/**
 * One fetch cycle: due feeds → conditional GET → parse → new items only → article text → figures
 * → store; then each feed's next check. This is where the pure pipeline meets HTTP and the
 * database. A failing feed is recorded on the feed (and backs off) and the cycle moves on.
 */
import type { Feed, FeedItem } from '../domain/types.js';
import { FetchError } from '../domain/errors.js';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import { decodeBody } from '../feeds/decode-body.js';
import { parseFeed } from '../feeds/parse-feed.js';
import { itemKey } from '../feeds/item-key.js';
import { summarizeArticle } from '../figures/summarize.js';
import { nextCheckAfterError, nextCheckAfterSuccess, type PollBounds } from '../feeds/poll-schedule.js';
import { readFeedSource, isUrl, type FetchOptions } from './read-feed-source.js';
import { itemText, type PageCache } from './item-text.js';
import { createFetchLimiter, type FetchLimiter } from './fetch-limiter.js';
import { mapLimit } from '../support/map-limit.js';
import type { Metrics } from '../ops/metrics.js';
import { publicOnly, type Lookup, type PublicOnly } from '../net/ssrf-guard.js';
import { DEFAULT_SERIES_SETTINGS, recordSeries, type SeriesSettings } from './record-series.js';
import { hostOf } from '../net/host-of.js';

/** What a cycle needs from the outside world. */
export interface FeedCycleDeps {
  store: Store;
  logger: Logger;
  /** Fetch settings and polling bounds (Config.fetch). */
  fetch: FetchOptions;
  topFigures: number;
  /** Fetch article pages when the feed carries only a snippet (off for offline runs). */
  fullText: boolean;
  now?: () => Date;
  /** Feeds processed at once (parse, summarize); HTTP is bounded by fetch.concurrency/perHost. Default fetch.concurrency. */
  concurrency?: number;
  /** Fetch every feed now, due or not (conditional GET still applies). */
  force?: boolean;
  /**
   * On a URL feed's first successful fetch, items published more than this many hours ago, or
   * undated, are remembered as seen but not stored, so a new feed does not flood the next digest
   * with its history. Default 24; null stores everything (one-shot digests).
   */
  backlogHours?: number | null;
  /**
   * ALLOW_PRIVATE_FEEDS: when false (the default), feeds that subscribers added themselves are
   * fetched — feed and article pages, redirects included — only from public addresses, checked
   * on every fetch (a host may resolve elsewhere later than when it was added).
   */
  allowPrivateFeeds?: boolean;
  /** The resolver guarded fetches connect with (tests inject one); default the system's. */
  resolve?: Lookup;
  /**
   * Backfill (`keyfigures backfill --since 7d`): every feed is read in full (no conditional GET)
   * and its items published at or after this time are stored even when they had been remembered
   * as a new feed's history; older and undated items are remembered, not stored. Use with `force`.
   */
  backfillSince?: Date;
  /** Called as each feed is done, failed or not (a progress bar). */
  onFeedDone?: (url: string) => void;
  /** Figures over time (SERIES_*): each stored article's figures join their series. Default: DEFAULT_SERIES_SETTINGS. */
  series?: SeriesSettings;
  /** Prometheus metrics to record (the running bot's); omitted by one-shot CLI runs. */
  metrics?: Pick<Metrics, 'fetchDuration' | 'fetchErrors' | 'articlesStored' | 'figuresStored' | 'lastFetchCycle'>;
}

/** Counts for one cycle, and the feeds that failed with their reason. */
export interface FeedCycleReport {
  /** Feeds in the store. */
  feeds: number;
  /** Feeds fetched this cycle (the due ones). */
  due: number;
  /** Due feeds that answered 304 Not Modified (nothing parsed). */
  notModified: number;
  /** Feeds whose document was parsed. */
  parsed: number;
  failed: Array<{ url: string; error: string }>;
  newArticles: number;
  /** Items of new feeds remembered as history, not stored. */
  backlog: number;
  figures: number;
  /** Items skipped without failing their feed (e.g. a store error on one item), with why. */
  skipped: Array<{ url: string; item: string; error: string }>;
  /** Article pages refused by the SSRF guard (their item keeps the feed's text). */
  pagesRefused: number;
  /** Due feeds not started because the cycle ran out of its budget (they stay due). */
  deferred: number;
  ms: number;
}

/**
 * Who claims a cycle's feeds: one owner per cycle, not per process, so two cycles that overlap in
 * one process (a scheduled one and `/admin` or CLI work) never release each other's claims.
 */
const cycleOwner = () => `cycle:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
/** How long a claim holds if its outcome is never recorded (the process died). */
const FEED_CLAIM_MS = 30 * 60_000;

/** Defaults for the optional fetch settings (they match config.ts). */
const DEFAULTS = { concurrency: 16, perHost: 2, minIntervalMinutes: 15, maxIntervalMinutes: 24 * 60, maxItemsPerFeed: 100, feedBudgetMs: 120_000, cycleBudgetMs: 600_000 };

/** What one cycle shares between feeds. */
interface CycleContext {
  deps: FeedCycleDeps;
  bounds: PollBounds;
  limiter: FetchLimiter;
  pages: PageCache;
  maxItems: number;
  now: () => Date;
  /** Feeds added by subscribers, fetched through the SSRF guard. */
  guarded: Set<number>;
  /** The SSRF guard of this cycle. */
  publicOnly: PublicOnly;
  /** Article pages are guarded whoever added the feed: a feed's links are third-party content. */
  pageGuard: PublicOnly | undefined;
  report: FeedCycleReport;
}

/**
 * Fetch every due feed once and store the new articles with their figures.
 * @example const report = await runFeedCycle({ store, logger, fetch: config.fetch, topFigures: 5, fullText: true })
 */
export async function runFeedCycle(deps: FeedCycleDeps): Promise<FeedCycleReport> {
  const started = Date.now();
  const now = () => deps.now?.() ?? new Date();
  const settings = { ...DEFAULTS, ...definedOnly(deps.fetch) };
  const guard = publicOnly(deps.resolve);
  const report: FeedCycleReport = { feeds: 0, due: 0, notModified: 0, parsed: 0, failed: [], newArticles: 0, backlog: 0, figures: 0, skipped: [], pagesRefused: 0, deferred: 0, ms: 0 };
  const ctx: CycleContext = {
    deps,
    report,
    publicOnly: guard,
    // Only ALLOW_PRIVATE_FEEDS (the operator trusting the whole network) lets pages come from private addresses.
    pageGuard: deps.allowPrivateFeeds ? undefined : guard,
    now,
    bounds: { minIntervalMinutes: settings.minIntervalMinutes, maxIntervalMinutes: Math.max(settings.maxIntervalMinutes, settings.minIntervalMinutes) },
    limiter: createFetchLimiter({ concurrency: settings.concurrency, perHost: settings.perHost }),
    pages: new Map(),
    maxItems: settings.maxItemsPerFeed,
    guarded: new Set(deps.allowPrivateFeeds ? [] : await deps.store.userFeedIds()),
  };
  const all = await deps.store.listFeeds();
  const owner = cycleOwner();
  const startedAt = now();
  const concurrency = deps.concurrency ?? settings.concurrency;
  // Due feeds are claimed, not just read, a batch at a time as workers free up: instances running
  // a cycle on the same database at once share the due feeds instead of one taking them all.
  // Each outcome releases its claim; the rest are given back at the end.
  const nextFeed = deps.force
    ? fromList(all)
    : claimInBatches(() => deps.store.claimDueFeeds(owner, { now: now(), leaseMs: FEED_CLAIM_MS, limit: concurrency }), (feed) => feed.id);
  report.feeds = all.length;
  const { metrics } = deps;
  // Budgets: a feed whose pages dribble costs at most feedBudgetMs (then it is recorded as failed,
  // keeping what it stored), and a cycle at most cycleBudgetMs (feeds not claimed stay due).
  const cycleBudget = AbortSignal.timeout(settings.cycleBudgetMs);
  await workers(Math.max(1, Math.min(concurrency, all.length)), async () => {
    if (cycleBudget.aborted) return false;
    const feed = await nextFeed();
    if (feed === undefined) return false;
    report.due++;
    await fetchOne(feed);
    return true;
  });
  // Feeds due when the cycle began that it never started (another instance may have taken some).
  if (cycleBudget.aborted) report.deferred = Math.max(0, (deps.force ? all.length : dueAt(all, startedAt)) - report.due);

  async function fetchOne(feed: Feed): Promise<void> {
    const feedBudget = AbortSignal.timeout(settings.feedBudgetMs);
    const budget = AbortSignal.any([cycleBudget, feedBudget]);
    const timer = metrics?.fetchDuration.startTimer({ feed: feed.url });
    try {
      const outcome = await ingestFeed(feed, ctx, budget);
      timer?.();
      if (outcome === 'not_modified') {
        report.notModified++;
        return;
      }
      report.newArticles += outcome.stored;
      report.figures += outcome.figures;
      report.backlog += outcome.backlog;
      metrics?.articlesStored.inc(outcome.stored);
      metrics?.figuresStored.inc(outcome.figures);
      // What it stored in time is kept (and counted); running over is still the feed's failure.
      if (budget.aborted) throw overBudget(feedBudget.aborted, settings, feed.url);
      report.parsed++;
    } catch (caught) {
      timer?.();
      metrics?.fetchErrors.inc({ feed: feed.url });
      const err = budget.aborted ? overBudget(feedBudget.aborted, settings, feed.url) : caught;
      const message = (err as Error).message;
      report.failed.push({ url: feed.url, error: message });
      const at = now();
      const retryAfter = err instanceof FetchError ? err.context.retryAfter : null;
      const next = nextCheckAfterError(at, feed.errorCount + 1, retryAfter, ctx.bounds);
      // A store that cannot write (disk full) must not end the cycle from inside its error handling.
      await deps.store.recordFeedError(feed.id, message, at, next).catch((storeErr: unknown) =>
        deps.logger.error({ feed: feed.url, err: (storeErr as Error).message }, 'feed error not recorded'),
      );
      deps.logger.warn({ feed: feed.url, err: message, errors: feed.errorCount + 1, nextCheckAt: next.toISOString() }, 'feed failed');
    } finally {
      deps.onFeedDone?.(feed.url);
    }
  }
  if (!deps.force) await deps.store.releaseFeedClaims(owner);
  report.ms = Date.now() - started;
  metrics?.lastFetchCycle.set(Date.now() / 1000);
  deps.logger.info(
    {
      feeds: report.feeds,
      due: report.due,
      notModified: report.notModified,
      failed: report.failed.length,
      newArticles: report.newArticles,
      backlog: report.backlog,
      figures: report.figures,
      skipped: report.skipped.length,
      pagesRefused: report.pagesRefused,
      deferred: report.deferred,
      ms: report.ms,
    },
    'fetch cycle done',
  );
  return report;
}

/** The error of a feed that ran out of its budget (or of the cycle's). */
function overBudget(feedOver: boolean, settings: { feedBudgetMs: number; cycleBudgetMs: number }, url: string): FetchError {
  return feedOver
    ? new FetchError('timeout', `fetch: the feed and its article pages took longer than ${settings.feedBudgetMs / 1000} s (FEED_BUDGET_SECONDS); what was read in time is kept`, { url })
    : new FetchError('timeout', `fetch: the fetch cycle ran out of time (${settings.cycleBudgetMs / 1000} s, FETCH_CYCLE_BUDGET_SECONDS) while reading this feed; what was read in time is kept`, { url });
}

/** Fetch and parse one feed, store its new items; throws on feed-level failure. */
async function ingestFeed(feed: Feed, ctx: CycleContext, signal: AbortSignal): Promise<'not_modified' | { stored: number; figures: number; backlog: number }> {
  const { deps } = ctx;
  const remote = isUrl(feed.url);
  const guard = guardFor(feed, ctx);
  const validators = deps.backfillSince ? { etag: null, lastModified: null } : { etag: feed.etag, lastModified: feed.lastModified };
  const read = () => readFeedSource(feed.url, deps.fetch, { ...validators, signal, ...(guard ? { guard } : {}) });
  const source = remote ? await ctx.limiter.run(feed.url, read) : await read();
  if (source.notModified) {
    const at = ctx.now();
    const next = nextCheckAfterSuccess(at, source.headers, null, ctx.bounds);
    await deps.store.recordFeedSuccess(feed.id, { title: null, at, nextCheckAt: next });
    deps.logger.debug({ feed: feed.url }, 'feed not modified');
    return 'not_modified';
  }
  const parsed = await parseFeed(decodeBody(source.body, source.contentType));
  const sourceName = parsed.title ?? hostOf(feed.url);
  const fresh = await newItems(parsed.items, feed, ctx);
  const at = ctx.now();
  const backlogCutoff = deps.backfillSince
    ? deps.backfillSince.getTime()
    : remote && feed.lastSuccessAt === null && deps.backlogHours !== null
      ? at.getTime() - (deps.backlogHours ?? 24) * 3_600_000
      : null;
  const history = backlogCutoff === null ? [] : fresh.filter(({ item }) => !item.publishedAt || item.publishedAt.getTime() < backlogCutoff);
  if (history.length) await deps.store.markItemsSeen(feed.id, history.map((h) => h.key), at);
  let stored = 0;
  let figures = 0;
  const current = fresh.filter((entry) => !history.includes(entry));
  // Page fetches inside are bounded by the limiter; summarizing is CPU, so a few at a time is enough.
  await mapLimit(current, 4, async ({ item, key }) => {
    let saved: number | null;
    try {
      saved = await storeItem(item, key, feed, sourceName, ctx, at, signal);
    } catch (err) {
      // One bad item never fails its feed: it is skipped, remembered as seen (not retried every
      // cycle) and recorded; the feed's other items are stored.
      const error = (err as Error).message;
      ctx.report.skipped.push({ url: feed.url, item: item.link ?? item.title, error });
      deps.logger.warn({ feed: feed.url, item: item.link ?? item.title, err: error }, 'item skipped');
      await deps.store.markItemsSeen(feed.id, [key], at).catch(() => undefined);
      return;
    }
    if (saved !== null) {
      stored++;
      figures += saved;
    }
  });
  const next = remote ? nextCheckAfterSuccess(at, source.headers, parsed.ttlMinutes, ctx.bounds) : undefined;
  await deps.store.recordFeedSuccess(feed.id, {
    title: parsed.title,
    at,
    etag: source.etag,
    lastModified: source.lastModified,
    nextCheckAt: next,
    siteUrl: parsed.link,
  });
  deps.logger.debug({ feed: feed.url, items: parsed.items.length, fresh: fresh.length, backlog: history.length, stored }, 'feed fetched');
  return { stored, figures, backlog: history.length };
}

/**
 * The items not seen before, newest first, at most `maxItems` of them: a 20,000-item feed costs
 * one parse and one batch of key lookups, and only its newest items are summarized.
 */
async function newItems(items: FeedItem[], feed: Feed, ctx: CycleContext): Promise<Array<{ item: FeedItem; key: string }>> {
  const newest = newestFirst(items).slice(0, ctx.maxItems);
  const keyed: Array<{ item: FeedItem; key: string }> = [];
  const keys = new Set<string>();
  for (const item of newest) {
    const key = itemKey(item, feed.url);
    if (keys.has(key)) continue; // the same story twice in one document
    keys.add(key);
    keyed.push({ item, key });
  }
  // A backfill takes back what a new feed's first fetch only remembered (seen, not stored).
  const known = await ctx.deps.store.knownItemKeys([...keys], ctx.deps.backfillSince ? { storedOnly: true } : undefined);
  return keyed.filter(({ key }) => !known.has(key));
}

/** Dated items by date, newest first; undated ones keep their document order (feeds list newest first) after them. */
function newestFirst(items: FeedItem[]): FeedItem[] {
  const dated = items.filter((i) => i.publishedAt).sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime());
  const undated = items.filter((i) => !i.publishedAt);
  return [...dated, ...undated];
}

/** The SSRF guard of a feed's own URL: a subscriber's feed is guarded, an operator's is trusted. */
function guardFor(feed: Feed, ctx: CycleContext): PublicOnly | undefined {
  return ctx.guarded.has(feed.id) ? ctx.publicOnly : undefined;
}

/** Summarize one item and save it; returns its figure count, or null when it was a duplicate. */
async function storeItem(item: FeedItem, key: string, feed: Feed, source: string, ctx: CycleContext, at: Date, signal: AbortSignal) {
  const { deps } = ctx;
  const text = await itemText(item, {
    fetchPages: deps.fullText && isUrl(feed.url),
    fetch: deps.fetch,
    logger: deps.logger,
    cache: ctx.pages,
    limiter: ctx.limiter,
    signal,
    ...(ctx.pageGuard ? { guard: ctx.pageGuard } : {}),
    onPageRefused: (link) => {
      ctx.report.pagesRefused++;
      deps.logger.warn({ feed: feed.url, link }, 'article page refused: not a public address');
    },
  });
  const summary = summarizeArticle({ title: item.title, text }, { topK: deps.topFigures });
  const saved = await deps.store.saveArticle({
    feedId: feed.id,
    key,
    link: item.link,
    title: item.title,
    source,
    publishedAt: item.publishedAt,
    fetchedAt: at,
    text: summary.text,
    summary: summary.summary,
    figures: summary.figures,
  });
  if (saved === null) return null;
  // A series failure costs the article its "was …" line, never the article.
  await recordSeries(deps.store, saved, deps.series ?? DEFAULT_SERIES_SETTINGS).catch((err: unknown) =>
    deps.logger.warn({ article: saved.id, err: (err as Error).message }, 'series not recorded'),
  );
  return saved.figures.length;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** How many of `feeds` are due at `at` (never checked, or their next check has come). */
function dueAt(feeds: readonly Feed[], at: Date): number {
  return feeds.filter((f) => f.nextCheckAt === null || f.nextCheckAt <= at).length;
}

/** Run `count` workers, each calling `step` until it returns false. */
async function workers(count: number, step: () => Promise<boolean>): Promise<void> {
  await Promise.all(Array.from({ length: count }, async () => {
    while (await step());
  }));
}

/** Hands out the items of a list one at a time, then undefined. */
function fromList<T>(items: readonly T[]): () => Promise<T | undefined> {
  let next = 0;
  return async () => items[next++];
}

/**
 * Hands out claimed items one at a time, claiming the next batch when the last runs out (one
 * claim in flight, shared by the workers waiting on it); undefined once a claim brings nothing new.
 * An item is handed out once per cycle: a feed whose outcome leaves it due (a local file, an
 * error that could not be recorded) is claimable again, and must not be fetched again this cycle.
 */
function claimInBatches<T>(claim: () => Promise<T[]>, idOf: (item: T) => number): () => Promise<T | undefined> {
  const buffer: T[] = [];
  const handedOut = new Set<number>();
  let pending: Promise<void> | null = null;
  let exhausted = false;
  return async () => {
    while (buffer.length === 0 && !exhausted) {
      pending ??= claim().then((batch) => {
        const fresh = batch.filter((item) => !handedOut.has(idOf(item)));
        if (fresh.length === 0) exhausted = true;
        for (const item of fresh) handedOut.add(idOf(item));
        buffer.push(...fresh);
      }).finally(() => (pending = null));
      await pending;
    }
    return buffer.shift();
  };
}
