/**
 * Where the schedule meets the outbox: queue the current digest for the chats whose time has come
 * (the bot's planner tick), or for everyone / one chat now (`keyfigures deliver --now`).
 */
import type { Store } from '../store/store.js';
import type { Logger } from '../support/logger.js';
import { currentDigest, previewDigest, type DigestSettings } from '../app/make-digest.js';
import type { Digest } from '../domain/types.js';
import { findDueChats } from '../jobs/due-chats.js';
import type { EffectiveSchedule } from '../jobs/schedule-settings.js';
import { publishDigest, type PublishResult } from './publish-digest.js';
import type { Metrics } from '../ops/metrics.js';

/** What queuing did: the digest used and the publish counts; null digest when there was nothing to send. */
export interface QueueResult extends PublishResult {
  digestId: number | null;
  /** Chats that were due (scheduled run) or asked for (deliver --now). */
  due: number;
}

/**
 * Queue the current digest for every chat whose local digest time has passed and that has not
 * been given it (see dueChats; findDueChats asks the database for exactly those). A chat due while there is no story stays due until there is one,
 * or until its slot is older than `maxAgeMs`.
 * @example await queueDueDigests({ store, logger, settings, schedule, maxAgeMs: 12 * 3600e3 })
 */
export async function queueDueDigests(deps: {
  store: Store;
  logger: Logger;
  settings: DigestSettings;
  schedule: Pick<EffectiveSchedule, 'digest' | 'timezone'>;
  maxAgeMs: number;
  now?: Date;
  metrics?: Pick<Metrics, 'digestBuildSeconds'>;
}): Promise<QueueResult> {
  const now = deps.now ?? new Date();
  const due = await findDueChats(deps.store, now, { timezone: deps.schedule.timezone, digest: deps.schedule.digest, maxAgeMs: deps.maxAgeMs });
  const none: QueueResult = { digestId: null, due: due.length, chats: 0, queued: 0, renditions: 0, empty: 0, repeats: 0 };
  if (due.length === 0) return none;
  const digest = await currentDigest({
    store: deps.store,
    logger: deps.logger,
    settings: { ...deps.settings, timezone: deps.schedule.timezone },
    now,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
  });
  if (!digest) {
    deps.logger.debug({ due: due.length }, 'digest due but there are no stories yet');
    return none;
  }
  const settings = { ...deps.settings, timezone: deps.schedule.timezone };
  const candidates = await candidateStories(deps.store, settings, now);
  const result = await publishDigest(deps.store, digest, {
    chatIds: due.map((d) => d.chatId),
    givenAt: now,
    candidates,
    maxStories: settings.maxStories,
    languages: new Map(due.map((d) => [d.chatId, d.language])),
    ...(settings.language ? { language: settings.language } : {}),
  });
  deps.logger.info({ digest: digest.id, due: due.length, ...result }, 'scheduled digest queued');
  return { digestId: digest.id, due: due.length, ...result };
}

/**
 * Make the current digest due now for every active, unpaused subscriber, or for one chat.
 * Falls back to the latest saved digest when the window has no stories. A chat that already
 * has this edition is not sent it again.
 * @example await queueDigestNow({ store, logger, settings, chatId: 12345 })
 */
export async function queueDigestNow(deps: { store: Store; logger: Logger; settings: DigestSettings; chatId?: number; now?: Date }): Promise<QueueResult> {
  const now = deps.now ?? new Date();
  const digest = (await currentDigest({ ...deps, now })) ?? (await deps.store.latestDigest());
  const chatIds = deps.chatId !== undefined ? [deps.chatId] : undefined;
  if (!digest) return { digestId: null, due: chatIds?.length ?? 0, chats: 0, queued: 0, renditions: 0, empty: 0, repeats: 0 };
  const candidates = await candidateStories(deps.store, deps.settings, now);
  const result = await publishDigest(deps.store, digest, {
    ...(chatIds ? { chatIds } : {}),
    givenAt: now,
    candidates,
    maxStories: deps.settings.maxStories,
    ...(deps.settings.language ? { language: deps.settings.language } : {}),
  });
  return { digestId: digest.id, due: result.chats, ...result };
}

/**
 * Every ranked story of the current edition's window (the rolling `windowHours`), uncut: what
 * each chat's view is filtered from before the story limit applies, as /digest does.
 */
async function candidateStories(store: Store, settings: DigestSettings, now: Date): Promise<Digest> {
  const windowStart = new Date(now.getTime() - settings.windowHours * 3_600_000);
  return previewDigest({ store, settings: { ...settings, maxStories: ALL_STORIES }, now, window: { fetchedSince: windowStart, publishedSince: windowStart } });
}

/** A story limit no window reaches. */
const ALL_STORIES = 1_000_000;
