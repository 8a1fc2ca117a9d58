/**
 * The storage port. Everything the app keeps goes through this interface; `SqliteStore` is the
 * embedded implementation. Methods are async so a networked database (PostgreSQL) can implement
 * the same contract later without touching callers.
 */
import type { Article, Digest, Feed, Subscriber } from '../domain/types.js';

/** An article about to be stored (the store assigns the id). */
export type NewArticle = Omit<Article, 'id'>;

/** One message of one digest to one chat, and how its delivery stands. */
export interface Delivery {
  id: number;
  digestId: number;
  chatId: number;
  part: number;
  state: 'pending' | 'sent' | 'failed' | 'cancelled';
  attempts: number;
  /** ISO time before which this delivery must not be tried again (rate limits, backoff). */
  notBefore: string | null;
  lastError: string | null;
  messageId: number | null;
  sentAt: string | null;
}

/** A stored digest with the Telegram messages rendered once for every subscriber. */
export interface StoredDigest extends Digest {
  id: number;
  parts: string[];
}

/** Result of subscribing a chat. */
export interface SubscribeResult {
  subscriber: Subscriber;
  /** 'new' first time; 'reactivated' after /stop or a block; 'unchanged' when already active. */
  change: 'new' | 'reactivated' | 'unchanged';
}

/** Everything KeyFigures persists. */
export interface Store {
  // Feeds
  addFeed(url: string): Promise<{ feed: Feed; created: boolean }>;
  listFeeds(): Promise<Feed[]>;
  /** Remove by id or URL; true when something was removed. */
  removeFeed(idOrUrl: number | string): Promise<boolean>;
  recordFeedSuccess(feedId: number, update: { title: string | null; at: string }): Promise<void>;
  recordFeedError(feedId: number, message: string, at: string): Promise<void>;

  // Articles
  hasArticle(key: string): Promise<boolean>;
  /** Store an article with its figures; returns null when its key is already stored. */
  saveArticle(article: NewArticle): Promise<Article | null>;
  /**
   * Articles for a digest: first seen at or after `fetchedSince`, and published (when the feed
   * says) at or after `publishedSince` — so a newly added feed's back catalogue stays out.
   */
  articlesForDigest(window: { fetchedSince: string; publishedSince: string }): Promise<Article[]>;

  // Digests
  saveDigest(digest: Digest, parts: string[]): Promise<StoredDigest>;
  latestDigest(): Promise<StoredDigest | null>;
  getDigest(id: number): Promise<StoredDigest | null>;

  // Subscribers
  subscribe(chat: { chatId: number; chatType: string; title: string | null }, at: string): Promise<SubscribeResult>;
  /** Mark a chat inactive (it stays known; /start re-activates it). True when it was active. */
  deactivate(chatId: number, reason: string): Promise<boolean>;
  getSubscriber(chatId: number): Promise<Subscriber | null>;
  activeSubscribers(): Promise<Subscriber[]>;
  /** Follow a group that became a supergroup: its rows move to the new chat id. */
  migrateChat(fromChatId: number, toChatId: number): Promise<void>;

  // Deliveries (the outbox)
  /** Queue every part of a digest for each chat; already-queued (digest, chat, part) rows are kept. Returns rows added. */
  enqueueDigest(digestId: number, partCount: number, chatIds: number[]): Promise<number>;
  /** Pending rows due at `nowIso`, only the lowest pending part per chat (parts go out in order). */
  dueDeliveries(nowIso: string, limit: number): Promise<Delivery[]>;
  markSent(id: number, messageId: number, at: string): Promise<void>;
  /** Count a failed attempt: retry after `notBefore`, or give up (`final`). */
  markAttemptFailed(id: number, error: string, opts: { notBefore: string | null; final: boolean }): Promise<void>;
  /** Cancel every pending row of a chat (e.g. it blocked the bot). */
  cancelPending(chatId: number, reason: string): Promise<number>;
  deliveryCounts(digestId?: number): Promise<Record<Delivery['state'], number>>;

  close(): Promise<void>;
}
