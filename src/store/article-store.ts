/** Articles with their ranked figures. */
import type { Article, Figure } from '../domain/types.js';

/** An article about to be stored (the store assigns the id). */
export type NewArticle = Omit<Article, 'id'>;

/** Where a figure came from: the article it belongs to, without the article's text. */
export type FigureSource = Pick<Article, 'id' | 'feedId' | 'title' | 'link' | 'source' | 'publishedAt' | 'fetchedAt'>;

/** Which stored articles a digest takes: first seen since, and published since; null = no bound. */
export interface ArticleWindow {
  fetchedSince: Date | null;
  publishedSince: Date | null;
}

/** Articles: stored once by key, picked for digests by time window. */
export interface ArticleStore {
  /** Store an article with its figures; returns null when its key is already stored. */
  saveArticle(article: NewArticle): Promise<Article | null>;
  /**
   * Articles for a digest: first seen at or after `fetchedSince`, and published (when the feed
   * says) at or after `publishedSince` — so a newly added feed's back catalogue stays out.
   * With `{ bodies: false }` each text is '' (as after retention): a digest shows titles, summaries
   * and figures, never bodies, and a day's bodies are most of what the window would read.
   */
  articlesForDigest(window: ArticleWindow, opts?: { bodies?: boolean }): Promise<Article[]>;
  /** One article with its figures, or null. */
  getArticle(id: number): Promise<Article | null>;
  /**
   * Several articles with their figures in one call (two queries, whatever their number: a page
   * of results costs the same round trips as one article), in the order of `ids`; ids not stored
   * are left out. With `{ bodies: false }` each text is '' (a caller that never shows bodies).
   */
  getArticles(ids: readonly number[], opts?: { bodies?: boolean }): Promise<Article[]>;
  /**
   * A word search, newest first seen first: articles first seen since `since` whose title, summary
   * or text mention every word or phrase as whole words (any case and accents; "rate" does not find
   * "rates"), through the database's full-text index; with `feedIds`, only those feeds' articles.
   * A word without letters or digits matches nothing. Light: text '' and figures empty (a caller
   * reads the few articles it shows with getArticles). Articles retention reached are not searched
   * (dropArticleBodies): /search looks back 30 days, and retention never less.
   */
  searchArticles(words: readonly string[], since: Date, limit: number, opts?: { feedIds?: readonly number[] | null }): Promise<Article[]>;
  /**
   * Figures of articles first seen since `since` whose value (or range top) is one of `values`,
   * or whose text, without separators, contains `digits`; newest article first.
   */
  findFigures(query: { values: readonly number[]; digits: string }, since: Date, limit: number): Promise<Array<{ figure: Figure; article: FigureSource }>>;
  /**
   * Retention: empty the text of up to `limit` articles first seen before `before` (oldest first)
   * and take them out of word search, keeping title, summary, link and every figure with its
   * sentence (series, /why, /story). Word search then holds only recent articles, however long
   * the history (searchArticles). Returns how many were retired; call again until 0 to catch up.
   */
  dropArticleBodies(before: Date, limit: number): Promise<number>;
  /** Counts for operators. */
  articleStats(): Promise<{ articles: number; figures: number; lastFetchedAt: Date | null }>;
}
