/** The digest one chat asked for: its window, its feeds and topics, numbered as it will see it. */
import type { Story, Subscriber } from '../domain/types.js';
import type { BotDeps } from './bot-deps.js';
import type { DigestWindow } from '../app/make-digest.js';
import { buildDigest } from '../digest/build-digest.js';
import { chatDigestView, type ChatDigestView } from '../app/personalize-digest.js';
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
  const now = deps.now();
  const tz = chatTimezone(deps, subscriber);
  const date = localDate(now, tz);
  // The article counts and newest fetch change with every article or figure stored or removed: a build never outlives them.
  const stats = await deps.store.articleStats();
  const key = [window.fetchedSince?.toISOString(), window.publishedSince?.toISOString(), stats.articles, stats.figures, stats.lastFetchedAt?.toISOString()].join('|');
  // Every article of the window, ranked and clustered once for every time zone (none of that
  // depends on the zone; bodies are not read, a digest never shows them) ...
  const ranked = await deps.recentDigests.get(key, now, async () => {
    const articles = await deps.store.articlesForDigest(window, { bodies: false });
    return buildDigest(articles, { date, timezone: tz, createdAt: now, maxStories: Math.max(1, articles.length), figuresPerStory: deps.settings.topFigures });
  });
  // ... then dated, and its figures' series changes worded, in the chat's zone.
  const all = await deps.recentDigests.get(`${key}|${tz}|${date}`, now, async () => {
    const changes = await seriesChangeTexts(deps.store, ranked.stories.map((s) => s.articleId).filter((id): id is number => id !== null), deps.settings.series ?? DEFAULT_SERIES_SETTINGS, tz);
    return { ...ranked, date, timezone: tz, stories: ranked.stories.map((s) => withChanges(s, changes)) };
  });
  return chatDigestView(all, await deps.store.getPreferences(chatId), deps.settings.maxStories);
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
  const now = deps.now().getTime();
  // To the minute: chats asking within one minute share the build (see recent-digests.ts).
  const dayAgo = minuteFloor(new Date(now - deps.settings.windowHours * 3_600_000));
  const floor = new Date(now - MAX_LOOKBACK_MS);
  const last = subscriber?.lastDigestAt ?? null;
  const since = last ? (last < floor ? floor : last) : dayAgo;
  return {
    since: { fetchedSince: since, publishedSince: since < dayAgo ? since : dayAgo },
    fallback: { fetchedSince: dayAgo, publishedSince: dayAgo },
  };
}
