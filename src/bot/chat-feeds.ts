/** The feeds a chat can see (public ones and the ones it added), numbered, and which it gets. */
import type { Feed } from '../domain/types.js';
import type { BotDeps } from './bot-deps.js';

/** A feed as /sources numbers it. */
export interface NumberedFeed {
  number: number;
  feed: Feed;
  /** True when the chat receives it. */
  chosen: boolean;
}

/**
 * Feeds visible to the chat, numbered from 1 in feed-id order: every public feed plus the
 * private feeds it chose (feeds other subscribers added stay hidden).
 * @example const feeds = await chatFeeds(deps, chatId)
 */
export async function chatFeeds(deps: BotDeps, chatId: number): Promise<NumberedFeed[]> {
  const [feeds, userFeeds, choice, prefs] = await Promise.all([
    deps.store.listFeeds(),
    deps.store.userFeedIds(),
    deps.store.getFeedChoice(chatId),
    deps.store.getPreferences(chatId),
  ]);
  const privateIds = new Set(userFeeds);
  return feeds
    .filter((f) => !privateIds.has(f.id) || choice.feedIds.includes(f.id))
    .map((feed, i) => ({ number: i + 1, feed, chosen: prefs.feedIds === null || prefs.feedIds.includes(feed.id) }));
}

/**
 * Make the chat receive (or stop receiving) a feed, keeping "every public feed" when it can.
 * @example await chooseFeed(deps, chatId, 3, true)
 */
export async function chooseFeed(deps: BotDeps, chatId: number, feedId: number, receive: boolean): Promise<void> {
  const choice = await deps.store.getFeedChoice(chatId);
  const userFeeds = new Set(await deps.store.userFeedIds());
  if (choice.mode === 'all' && receive) {
    if (userFeeds.has(feedId)) await deps.store.setFeedChoice(chatId, { mode: 'all', feedIds: [...new Set([...choice.feedIds, feedId])] });
    return;
  }
  if (choice.mode === 'all') {
    // Leaving one feed turns "everything" into an explicit list of everything else.
    const visible = (await chatFeeds(deps, chatId)).filter((f) => f.chosen && f.feed.id !== feedId).map((f) => f.feed.id);
    await deps.store.setFeedChoice(chatId, { mode: 'only', feedIds: visible });
    return;
  }
  const ids = receive ? [...new Set([...choice.feedIds, feedId])] : choice.feedIds.filter((id) => id !== feedId);
  await deps.store.setFeedChoice(chatId, { mode: 'only', feedIds: ids });
}
