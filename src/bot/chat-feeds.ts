/** The feeds a chat can see (public ones and the ones it added), numbered, and which it gets. */
import type { Feed } from '../domain/types.js';
import type { BotDeps } from './bot-deps.js';

/** A feed as /sources numbers it. */
export interface NumberedFeed {
  /** The feed's stable short id (its database id): it never shifts when other feeds come or go. */
  number: number;
  feed: Feed;
  /** True when the chat receives it. */
  chosen: boolean;
}

/**
 * Feeds visible to the chat, in feed-id order, each numbered by its id — so "/unsubscribe 7" means
 * the same feed after an operator removes another: every public feed plus the private feeds it
 * chose (feeds other subscribers added stay hidden).
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
    .map((feed) => ({ number: feed.id, feed, chosen: prefs.feedIds === null || prefs.feedIds.includes(feed.id) }));
}

/**
 * "There is no feed 9: /sources lists 1, 4, 7." — the ids a chat can use, at most ten of them.
 * @example noSuchFeed(feeds, '9')
 */
export function noSuchFeed(feeds: readonly NumberedFeed[], asked: string): string {
  const ids = feeds.map((f) => f.number);
  const listed = ids.length > 10 ? `${ids.slice(0, 10).join(', ')}, …` : ids.join(', ');
  return `There is no feed ${asked}: /sources lists ${listed}.`;
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
