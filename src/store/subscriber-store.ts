/** Chats that receive digests. */
import type { ChatType, Subscriber } from '../domain/types.js';

/** Result of subscribing a chat. */
export interface SubscribeResult {
  subscriber: Subscriber;
  /** 'new' first time; 'reactivated' after /stop or a block; 'unchanged' when already active. */
  change: 'new' | 'reactivated' | 'unchanged';
}

/** How many chats there are, counted in the database (for operators). */
export interface SubscriberCounts {
  /** Active chats (paused ones included). */
  active: number;
  /** Active chats that paused their digests. */
  paused: number;
  /** Active groups, supergroups and channels. */
  groups: number;
  /** Active chats with their own digest time. */
  ownTime: number;
}

/** A digest schedule as chats store it: null fields follow the defaults. */
export interface StoredSchedule {
  timezone: string | null;
  digestTime: string | null;
}

/** Subscribers: subscribe, deactivate (kept, re-activated by /start), migrate. */
export interface SubscriberStore {
  subscribe(chat: { chatId: number; chatType: ChatType; title: string | null }, at: Date): Promise<SubscribeResult>;
  /** Mark a chat inactive (it stays known; /start re-activates it). True when it was active. */
  deactivate(chatId: number, reason: string): Promise<boolean>;
  getSubscriber(chatId: number): Promise<Subscriber | null>;
  activeSubscribers(): Promise<Subscriber[]>;
  /** Counts for operators, without reading every chat. */
  subscriberCounts(): Promise<SubscriberCounts>;
  /** The distinct schedules of active, unpaused chats (a few hundred at most: zones × times). */
  schedulesInUse(): Promise<StoredSchedule[]>;
  /**
   * Active, unpaused chats of these schedules that were given no digest since their schedule's
   * slot, and subscribed before it: the planner's due chats (with their language), read through
   * an index, by chat id.
   */
  chatsDue(slots: ReadonlyArray<StoredSchedule & { slot: Date }>): Promise<Array<{ chatId: number; slot: Date; language: string | null }>>;
  /** Follow a group that became a supergroup: its rows move to the new chat id. */
  migrateChat(fromChatId: number, toChatId: number): Promise<void>;
  /** Set the chat's own digest time ("HH:MM") and/or time zone; null restores the default. True when the chat exists. */
  setSchedule(chatId: number, schedule: { digestTime?: string | null; timezone?: string | null }): Promise<boolean>;
  /** Set the chat's language (a code such as "uk"; null: not chosen). True when the chat exists. */
  setLanguage(chatId: number, language: string | null): Promise<boolean>;
  /** Pause or resume the chat's digests. True when the chat exists. */
  setPaused(chatId: number, paused: boolean): Promise<boolean>;
  /** Remember that the chat was given a digest at `at`. */
  markDigestGiven(chatId: number, at: Date): Promise<void>;
  /** Every known chat, active or not, oldest first. */
  listSubscribers(): Promise<Subscriber[]>;
}
