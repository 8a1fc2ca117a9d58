/** Articles with their ranked figures. */
import type { Article } from '../domain/types.js';

/** An article about to be stored (the store assigns the id). */
export type NewArticle = Omit<Article, 'id'>;

/** Articles: stored once by key, picked for digests by time window. */
export interface ArticleStore {
  hasArticle(key: string): Promise<boolean>;
  /** Store an article with its figures; returns null when its key is already stored. */
  saveArticle(article: NewArticle): Promise<Article | null>;
  /**
   * Articles for a digest: first seen at or after `fetchedSince`, and published (when the feed
   * says) at or after `publishedSince` — so a newly added feed's back catalogue stays out.
   */
  articlesForDigest(window: { fetchedSince: string; publishedSince: string }): Promise<Article[]>;
}
