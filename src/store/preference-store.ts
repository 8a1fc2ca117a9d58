/** What each chat chose to receive: which feeds, which topics. */

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

/** Preferences: read (and, as commands grow, set) per chat. */
export interface PreferenceStore {
  /** The chat's preferences; NO_PREFERENCES when it set none. */
  getPreferences(chatId: number): Promise<ChatPreferences>;
}
