/** The digest one chat asked for: its window, its feeds and topics, numbered as it will see it. */
import type { Digest, Story, Subscriber } from '../domain/types.js';
import type { BotDeps } from './bot-deps.js';
import type { DigestWindow } from '../app/make-digest.js';
import { buildDigest } from '../digest/build-digest.js';
import { chatDigestView, storyMatchText, type ChatDigestView } from '../app/personalize-digest.js';
import { localDate } from '../jobs/time-zone.js';
import { chatTimezone } from './chat-schedule.js';
import { DEFAULT_SERIES_SETTINGS, figuresWithChanges, seriesChangeTexts } from '../app/record-series.js';
import { minuteFloor } from './recent-digests.js';

/** How far back "since your last digest" may reach. */
const MAX_LOOKBACK_MS = 7 * 24 * 3_600_000;

/**
 * Stories of `window` personalized for the chat: ranked over every article first, then filtered,
 * then cut to `maxStories` (chatDigestView, the scheduled digest's rule too).
 * @example const { page, more } = await chatDigest(deps, chatId, subscriber, { fetchedSince, publishedSince })
 */
export async function chatDigest(deps: BotDeps, chatId: number, subscriber: Subscriber | null, window: DigestWindow): Promise<ChatDigestView> {
  const all = await windowDigest(deps, window, chatTimezone(deps, subscriber), deps.now());
  return chatDigestView(all, await deps.store.getPreferences(chatId), deps.settings.maxStories);
}

/**
 * "The last `windowHours`" as asked at `at`, to the minute: chats asking within one minute share
 * one window, and its ranking (see recent-digests.ts).
 * @example lastHoursWindow(deps, new Date()) // { fetchedSince: <24 h ago, to the minute>, publishedSince: <the same> }
 */
export function lastHoursWindow(deps: Pick<BotDeps, 'settings'>, at: Date): DigestWindow {
  const since = minuteFloor(new Date(at.getTime() - deps.settings.windowHours * 3_600_000));
  return { fetchedSince: since, publishedSince: since };
}

/**
 * Rank the last-hours window of the minute `at` falls in before anyone asks (dated in each of
 * `timezones`), so that the first /figures or /digest of that minute finds it built: the bot calls
 * this after each fetch cycle and shortly before each minute turns. Asks in other zones pay only
 * their cheap dated copy.
 * @example await prepareWindow(deps, nextMinute, ['UTC'])
 */
export async function prepareWindow(deps: BotDeps, at: Date, timezones: readonly string[]): Promise<void> {
  for (const tz of timezones) await windowDigest(deps, lastHoursWindow(deps, at), tz, at);
}

/** Every story of `window`, ranked once for every time zone, then dated and its series changes worded in `tz` (both builds shared, see recent-digests.ts). */
async function windowDigest(deps: BotDeps, window: DigestWindow, tz: string, now: Date): Promise<Digest> {
  const date = localDate(now, tz);
  // The article counts and newest fetch change with every article or figure stored or removed: a build never outlives them.
  const stats = await deps.store.articleStats();
  const key = [window.fetchedSince?.toISOString(), window.publishedSince?.toISOString(), stats.articles, stats.figures, stats.lastFetchedAt?.toISOString()].join('|');
  // Every article of the window, ranked and clustered once for every time zone (none of that
  // depends on the zone; bodies are not read, a digest never shows them) ...
  const ranked = await deps.recentDigests.get(key, now, async () => {
    const articles = await deps.store.articlesForDigest(window, { bodies: false });
    const digest = buildDigest(articles, { date, timezone: tz, createdAt: now, maxStories: Math.max(1, articles.length), figuresPerStory: deps.settings.topFigures });
    // Each story's match text made with the ranking (kept by story, see storyMatchText): else the
    // first chat with topics to ask normalized every story of the window (19-35 ms at 800 stories).
    for (const s of digest.stories) storyMatchText(s);
    return digest;
  });
  // ... then dated, and its figures' series changes worded, in the chat's zone.
  return deps.recentDigests.get(`${key}|${tz}|${date}`, now, async () => {
    const changes = await seriesChangeTexts(deps.store, ranked.stories.map((s) => s.articleId).filter((id): id is number => id !== null), deps.settings.series ?? DEFAULT_SERIES_SETTINGS, tz);
    return { ...ranked, date, timezone: tz, stories: ranked.stories.map((s) => withChanges(s, changes)) };
  });
}

/** The story with each figure's series change (keyed `articleId:start`, as seriesChangeTexts gives them); the same story when none. */
function withChanges(story: Story, changes: ReadonlyMap<string, string>): Story {
  if (changes.size === 0 || story.articleId === null) return story;
  const figures = figuresWithChanges(story.articleId, story.figures, changes);
  return figures === story.figures ? story : { ...story, figures };
}

/**
 * The window of /digest: since the chat's last digest (at most a week back), else the last
 * `windowHours`; `fallback` is the plain last-hours window.
 */
export function digestWindows(deps: BotDeps, subscriber: Subscriber | null): { since: DigestWindow; fallback: DigestWindow } {
  const fallback = lastHoursWindow(deps, deps.now());
  const dayAgo = fallback.fetchedSince!;
  const floor = new Date(deps.now().getTime() - MAX_LOOKBACK_MS);
  const last = subscriber?.lastDigestAt ?? null;
  const since = last ? (last < floor ? floor : last) : dayAgo;
  return {
    since: { fetchedSince: since, publishedSince: since < dayAgo ? since : dayAgo },
    fallback,
  };
}
