/** The feed list operators manage, with each feed's health and polling state. */
import type { Feed } from '../domain/types.js';

/** What a fetch that worked (200 or 304) leaves on the feed. */
export interface FeedSuccess {
  title: string | null;
  at: string;
  /** Validators for the next conditional GET; undefined keeps the stored ones (a 304). */
  etag?: string | null;
  lastModified?: string | null;
  /** When to poll again (ISO); undefined leaves it due. */
  nextCheckAt?: string;
  siteUrl?: string | null;
}

/** Feeds: add, list, remove, pick the due ones, and record how each fetch went. */
export interface FeedStore {
  /** Add a feed once by URL; `title`/`siteUrl` (known after discovery) fill an empty record. */
  addFeed(url: string, details?: { title?: string | null; siteUrl?: string | null }): Promise<{ feed: Feed; created: boolean }>;
  listFeeds(): Promise<Feed[]>;
  /** Feeds whose next check is at or before `now` (ISO), or never set; soonest first. */
  dueFeeds(now: string): Promise<Feed[]>;
  /** Remove by id or URL; true when something was removed. */
  removeFeed(idOrUrl: number | string): Promise<boolean>;
  recordFeedSuccess(feedId: number, update: FeedSuccess): Promise<void>;
  /** One more failure in a row: count, message, and when to try again (ISO; undefined leaves it due). */
  recordFeedError(feedId: number, message: string, at: string, nextCheckAt?: string): Promise<void>;
  /** The keys among `keys` already known: stored as articles or marked seen (`storedOnly`: stored as articles). */
  knownItemKeys(keys: readonly string[], opts?: { storedOnly?: boolean }): Promise<Set<string>>;
  /** Remember item keys without storing articles (a new feed's back catalogue). */
  markItemsSeen(feedId: number, keys: readonly string[], at: string): Promise<void>;
}
