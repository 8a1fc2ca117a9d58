/** How each chat wants its digest delivered: which forum topic, and whether with the picture card. */

/** A chat's delivery options. */
export interface ChatDeliveryOptions {
  /** The forum topic (message_thread_id) digests go to; null: General, or a chat without topics. */
  digestTopic: number | null;
  /** Send the edition's "day in numbers" card as a photo before the text digest. */
  pictureCard: boolean;
}

/** What a chat has when it set nothing. */
export const DEFAULT_DELIVERY: ChatDeliveryOptions = { digestTopic: null, pictureCard: false };

/** Delivery options: read and set per chat. */
export interface ChatDeliveryStore {
  /** The chat's options; DEFAULT_DELIVERY when it set none. */
  getDeliveryOptions(chatId: number): Promise<ChatDeliveryOptions>;
  /** Choose the forum topic digests go to; null sends them to General again. */
  setDigestTopic(chatId: number, threadId: number | null): Promise<void>;
  /**
   * Forget the chat's topic if it is still `threadId` (Telegram said it was deleted). True when
   * it was, false when another sender already did or an admin chose another topic meanwhile.
   */
  dropDigestTopic(chatId: number, threadId: number): Promise<boolean>;
  /** Turn the picture card on or off. */
  setPictureCard(chatId: number, on: boolean): Promise<void>;
  /** Which of `chatIds` have the picture card on (one read for a whole edition). */
  pictureCardChats(chatIds: readonly number[]): Promise<Set<number>>;
}
