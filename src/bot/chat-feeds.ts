/** The feeds a chat can see (public ones and the ones it added), numbered, and which it gets. */
import type { Feed } from '../domain/types.js';
import type { BotDeps } from './bot-deps.js';
import { chooseOneFeed } from '../domain/feed-choice.js';
import type { Translator } from '../i18n/translator.js';

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
    .filter((f) => !privateIds.has(f.id) || choice.optIns.includes(f.id))
    .map((feed) => ({ number: feed.id, feed, chosen: prefs.feedIds === null || prefs.feedIds.includes(feed.id) }));
}

/**
 * "There is no feed 9: /sources lists 1, 4, 7." — the ids a chat can use, at most ten of them.
 * @example noSuchFeed(feeds, '9', chatTr(ctx))
 */
export function noSuchFeed(feeds: readonly NumberedFeed[], asked: string, tr: Translator): string {
  const ids = feeds.map((f) => f.number);
  const listed = ids.length > 10 ? `${ids.slice(0, 10).join(', ')}, …` : ids.join(', ');
  return tr.t('no-such-feed', { asked, ids: listed });
}

/**
 * Make the chat receive (or stop receiving) a feed. The chat's choice is what is stored, so
 * "every feed but these" still gets the feeds operators add later.
 * @example await chooseFeed(deps, chatId, 3, true)
 */
export async function chooseFeed(deps: BotDeps, chatId: number, feedId: number, receive: boolean): Promise<void> {
  await deps.store.setFeedChoice(chatId, chooseOneFeed(await deps.store.getFeedChoice(chatId), feedId, receive));
}
