/** The feed list operators manage, with each feed's health. */
import type { Feed } from '../domain/types.js';

/** Feeds: add, list, remove, and record how each fetch went. */
export interface FeedStore {
  addFeed(url: string): Promise<{ feed: Feed; created: boolean }>;
  listFeeds(): Promise<Feed[]>;
  /** Remove by id or URL; true when something was removed. */
  removeFeed(idOrUrl: number | string): Promise<boolean>;
  recordFeedSuccess(feedId: number, update: { title: string | null; at: string }): Promise<void>;
  recordFeedError(feedId: number, message: string, at: string): Promise<void>;
}
