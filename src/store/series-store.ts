/** Figures over time: each article's thread signature and its figures as points of series. */
import type { Figure } from '../domain/types.js';
import type { FigureMeaning } from '../series/figure-meaning.js';
import type { ThreadSignature } from '../series/story-thread.js';
import type { FigureSource } from './article-store.js';

/** The figure fields a series point keeps (enough to show it and trace it to its sentence). */
export type PointFigure = Pick<Figure, 'text' | 'value' | 'kind' | 'unit' | 'label' | 'sentence' | 'start' | 'end' | 'approx'> & { valueMax?: number };

/** An article as the series matcher remembers it. */
export interface SeriesArticle {
  articleId: number;
  /** Published, else first seen. */
  date: Date;
  thread: ThreadSignature;
}

/** A point about to be stored: `seriesId` null starts a new series. */
export interface NewSeriesPoint {
  articleId: number;
  seriesId: number | null;
  figure: PointFigure;
  meaning: FigureMeaning;
  date: Date;
  /** Confidence of the link to `linkedTo` (1 when it starts a series). */
  confidence: number;
  linkedTo: number | null;
}

/** A stored point with its article. */
export interface SeriesPoint extends Omit<NewSeriesPoint, 'seriesId'> {
  id: number;
  seriesId: number;
  article: FigureSource;
}

/** Series storage: points per article, series by id, and a word search for /trend. */
export interface SeriesStore {
  /** Articles (with their thread signatures) dated at or after `since`, newest first, at most `limit`. */
  seriesArticlesSince(since: Date, limit: number): Promise<SeriesArticle[]>;
  /** Store an article's signature and its points in one transaction (again: replaced). */
  saveSeriesArticle(article: SeriesArticle, points: readonly NewSeriesPoint[]): Promise<void>;
  /** The points of these articles. */
  seriesPointsOfArticles(articleIds: readonly number[]): Promise<SeriesPoint[]>;
  /** Every point of these series, oldest first. */
  seriesPoints(seriesIds: readonly number[]): Promise<SeriesPoint[]>;
  /**
   * Series with at least two points whose points' labels, sentences or article titles contain every
   * word (case-insensitive substring; ASCII words narrow the query), most recently updated first.
   */
  searchSeries(words: readonly string[], limit: number): Promise<number[]>;
}
