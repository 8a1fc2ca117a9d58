/**
 * Build today's digest from the stored articles, keep it (database + archive) and return it.
 * Its messages are rendered per chat view when they are sent (src/delivery/digest-view.ts).
 */
import { createHash } from 'node:crypto';
import type { Digest } from '../domain/types.js';
import type { ArticleWindow, Store, StoredDigest } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import { buildDigest } from '../digest/build-digest.js';
import { localDate } from '../jobs/time-zone.js';
import { archiveDigest } from './archive-digest.js';
import type { Metrics } from '../ops/metrics.js';
import { withLlmSummaries, type LlmSettings } from './llm-summaries.js';
import { DEFAULT_SERIES_SETTINGS, withSeriesChanges, type SeriesSettings } from './record-series.js';

/** Settings a digest is built with. */
export interface DigestSettings {
  timezone: string;
  maxStories: number;
  topFigures: number;
  /** How far back an article may have been published to count. */
  windowHours: number;
  digestsDir: string;
  /** Figures over time: the confidence a change is shown at (default DEFAULT_SERIES_SETTINGS). */
  series?: Pick<SeriesSettings, 'minConfidence'>;
  /** Optional LLM summaries for new editions (LLM_*); null or absent = extractive only. */
  llm?: LlmSettings | null;
  /** The archive's language (LANGUAGE); English when absent. */
  language?: string;
}

/**
 * The digest to deliver now: the stories of the last `windowHours` (a rolling window, so a chat
 * whose morning comes later in the day sees the same news, not only what arrived since an
 * earlier time zone's edition). When they are the stories of the latest saved digest, that digest
 * is reused (archived once); otherwise a new edition is saved. Null when there are none.
 * @example const digest = await currentDigest({ store, logger, settings })
 */
export async function currentDigest(deps: {
  store: Store;
  logger: Logger;
  settings: DigestSettings;
  now?: Date;
  /** Records the build time of each new edition (build, render, save, archive). */
  metrics?: Pick<Metrics, 'digestBuildSeconds'> & Partial<Pick<Metrics, 'llmSummaries' | 'llmTokens'>>;
}): Promise<StoredDigest | null> {
  const timer = deps.metrics?.digestBuildSeconds.startTimer();
  const now = deps.now ?? new Date();
  const windowStart = new Date(now.getTime() - deps.settings.windowHours * 3_600_000);
  let draft = await previewDigest({ ...deps, now, window: { fetchedSince: windowStart, publishedSince: windowStart } });
  const latest = await deps.store.latestDigest();
  if (draft.stories.length === 0) return null;
  const llm = deps.settings.llm;
  if (llm) {
    // Cached per story, so an unchanged window gives the same edition; never later than llm.deadlineMs.
    const m = deps.metrics;
    const metrics = m?.llmSummaries && m.llmTokens ? { llmSummaries: m.llmSummaries, llmTokens: m.llmTokens } : undefined;
    draft = (await withLlmSummaries(draft, { store: deps.store, logger: deps.logger, settings: llm, timezone: deps.settings.timezone, ...(metrics ? { metrics } : {}) })).digest;
  }
  if (latest && JSON.stringify(latest.stories) === JSON.stringify(draft.stories)) return latest;
  // Keyed by content: when another process built the same edition a moment ago, that one is
  // returned (created: false) and archived already; an edition is built once across the fleet.
  const stored = await deps.store.saveDigest(draft, { key: editionKey(draft) });
  if (!stored.created) return stored;
  const files = await archiveDigest(deps.settings.digestsDir, draft, deps.settings.language);
  timer?.();
  deps.logger.info({ digest: stored.id, stories: draft.stories.length, file: files.markdown }, 'digest built');
  return stored;
}

/** An edition's identity: its stories (what subscribers are sent), not when it was built. */
function editionKey(digest: Digest): string {
  return `stories:${createHash('sha256').update(JSON.stringify(digest.stories)).digest('hex')}`;
}

/** Which stored articles a digest takes: first seen since, and published since (null: no bound). */
export type DigestWindow = ArticleWindow;

/** Every article, whenever fetched or published: for one-shot digests of given feeds. */
export const WHOLE_HISTORY: DigestWindow = { fetchedSince: null, publishedSince: null };

/** Articles new since the previous digest, published within the last `windowHours`. */
async function defaultWindow(store: Store, settings: DigestSettings, now: Date): Promise<DigestWindow> {
  const windowStart = new Date(now.getTime() - settings.windowHours * 3_600_000);
  const last = await store.latestDigest();
  const lastAt = last?.createdAt ?? null;
  const fetchedSince = lastAt && lastAt > windowStart ? lastAt : windowStart;
  return { fetchedSince, publishedSince: windowStart };
}

/**
 * Build (without saving) the digest of articles since the last digest, bounded by the window.
 * @example const draft = await previewDigest({ store, settings })
 */
export async function previewDigest(deps: {
  store: Store;
  settings: DigestSettings;
  now?: Date;
  window?: DigestWindow;
}): Promise<Digest> {
  const now = deps.now ?? new Date();
  // A digest shows no bodies: the window is read without them.
  const stored = await deps.store.articlesForDigest(deps.window ?? (await defaultWindow(deps.store, deps.settings, now)), { bodies: false });
  const articles = await withSeriesChanges(deps.store, stored, deps.settings.series ?? DEFAULT_SERIES_SETTINGS, deps.settings.timezone);
  return buildDigest(articles, {
    date: localDate(now, deps.settings.timezone),
    timezone: deps.settings.timezone,
    createdAt: now,
    maxStories: deps.settings.maxStories,
    figuresPerStory: deps.settings.topFigures,
  });
}
