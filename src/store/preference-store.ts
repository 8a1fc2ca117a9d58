/** What each chat chose to receive: which feeds, which topics. */
import type { FeedChoice } from '../domain/feed-choice.js';

export type { FeedChoice } from '../domain/feed-choice.js';

/** A chat's content preferences. */
export interface ChatPreferences {
  /** Feed ids the chat receives; null means every feed. */
  feedIds: number[] | null;
  /** Keywords or phrases a story must mention (any of them); empty means no filter. */
  include: string[];
  /** Keywords or phrases that drop a story. */
  exclude: string[];
}

/** No filtering: every feed, every topic. */
export const NO_PREFERENCES: ChatPreferences = { feedIds: null, include: [], exclude: [] };

/** Preferences: read and set per chat. */
export interface PreferenceStore {
  /**
   * The chat's preferences, its feed choice applied to the feeds as they are now (a feed added
   * since reaches it unless it chose "only these"); NO_PREFERENCES when it set none (and no
   * subscriber added a private feed).
   */
  getPreferences(chatId: number): Promise<ChatPreferences>;
  /** getPreferences for many chats at once (a round trip per few hundred chats), by chat id. */
  getPreferencesMany(chatIds: readonly number[]): Promise<Map<number, ChatPreferences>>;
  /** The chat's feed choice as stored (feeds removed since are gone from it); EVERY_FEED when it made none. */
  getFeedChoice(chatId: number): Promise<FeedChoice>;
  /** Replace the chat's feed choice (ids of feeds that no longer exist are dropped). */
  setFeedChoice(chatId: number, choice: FeedChoice): Promise<void>;
  /** Ids of feeds that subscribers (not operators) added: not public, reach only chats that chose them. */
  userFeedIds(): Promise<number[]>;
  /** Replace the chat's include/exclude topics (order kept). */
  setTopics(chatId: number, topics: { include: string[]; exclude: string[] }): Promise<void>;
}

/**
 * Each chat's preferences, in the order of `chatIds`, read `batch` chats per round trip: what a
 * digest for many chats walks instead of one query per chat (and never all of them in memory).
 * @example for await (const [chatId, prefs] of eachChatPreferences(store, chatIds)) personalizeDigest(digest, prefs)
 */
export async function* eachChatPreferences(store: Pick<PreferenceStore, 'getPreferencesMany'>, chatIds: readonly number[], batch = 500): AsyncGenerator<[number, ChatPreferences]> {
  for (let i = 0; i < chatIds.length; i += batch) {
    const ids = chatIds.slice(i, i + batch);
    const prefs = await store.getPreferencesMany(ids);
    for (const id of ids) yield [id, prefs.get(id) ?? NO_PREFERENCES];
  }
}
