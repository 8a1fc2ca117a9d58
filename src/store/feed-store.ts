/** The feed list operators manage, with each feed's health and polling state. */
import type { Feed } from '../domain/types.js';

/** What a fetch that worked (200 or 304) leaves on the feed. */
export interface FeedSuccess {
  title: string | null;
  at: Date;
  /** Validators for the next conditional GET; undefined keeps the stored ones (a 304). */
  etag?: string | null;
  lastModified?: string | null;
  /** When to poll again; undefined leaves it due. */
  nextCheckAt?: Date;
  siteUrl?: string | null;
}

/** Feeds: add, list, remove, pick the due ones, and record how each fetch went. */
export interface FeedStore {
  /**
   * Add a feed once by URL; `title`/`siteUrl` (known after discovery) fill an empty record.
   * `addedByChat`: a subscriber's feed (/subscribe <url>), recorded as theirs in the same
   * transaction, so a crash never leaves it looking like an operator's (public) feed.
   */
  addFeed(url: string, details?: { title?: string | null; siteUrl?: string | null; addedByChat?: number }): Promise<{ feed: Feed; created: boolean }>;
  listFeeds(): Promise<Feed[]>;
  /**
   * Claim the feeds due at `now` (next check passed or never set) that no other fetcher holds,
   * soonest first, for `owner` until `now + leaseMs`: two processes never fetch the same feed at
   * once. Recording the outcome (success or error) releases the claim.
   */
  claimDueFeeds(owner: string, opts: { now: Date; leaseMs: number; limit?: number }): Promise<Feed[]>;
  /** Give back `owner`'s claims that no outcome released (a cycle that stopped early); how many. */
  releaseFeedClaims(owner: string): Promise<number>;
  /** Remove by id or URL; true when something was removed. */
  removeFeed(idOrUrl: number | string): Promise<boolean>;
  /** Record a fetch that worked; releases the feed's claim. */
  recordFeedSuccess(feedId: number, update: FeedSuccess): Promise<void>;
  /** One more failure in a row: count, message, and when to try again (undefined leaves it due); releases the claim. */
  recordFeedError(feedId: number, message: string, at: Date, nextCheckAt?: Date): Promise<void>;
  /** The keys among `keys` already known: stored as articles or marked seen (`storedOnly`: stored as articles). */
  knownItemKeys(keys: readonly string[], opts?: { storedOnly?: boolean }): Promise<Set<string>>;
  /** Remember item keys without storing articles (a new feed's back catalogue). */
  markItemsSeen(feedId: number, keys: readonly string[], at: Date): Promise<void>;
}
