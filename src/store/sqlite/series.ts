/** SQLite implementation of SeriesStore (migration 6). Signatures, figures and meanings are JSON. */
import type Database from 'better-sqlite3';
import type { NewSeriesPoint, SeriesArticle, SeriesPoint, SeriesStore } from '../series-store.js';

type Row = Record<string, unknown>;

const POINT_SELECT = `
  SELECT p.*, a.title AS a_title, a.link AS a_link, a.source AS a_source, a.feed_id AS a_feed_id,
         a.published_at AS a_published_at, a.fetched_at AS a_fetched_at
  FROM series_points p JOIN articles a ON a.id = p.article_id`;

function toPoint(r: Row): SeriesPoint {
  return {
    id: Number(r.id),
    seriesId: Number(r.series_id),
    articleId: Number(r.article_id),
    figure: JSON.parse(String(r.figure_json)),
    meaning: JSON.parse(String(r.meaning_json)),
    date: new Date(String(r.dated_at)),
    confidence: Number(r.confidence),
    linkedTo: r.linked_to === null ? null : Number(r.linked_to),
    article: {
      id: Number(r.article_id),
      feedId: r.a_feed_id === null ? null : Number(r.a_feed_id),
      title: String(r.a_title),
      link: r.a_link === null ? null : String(r.a_link),
      source: String(r.a_source),
      publishedAt: r.a_published_at === null ? null : String(r.a_published_at),
      fetchedAt: String(r.a_fetched_at),
    },
  };
}

/**
 * SeriesStore over an open better-sqlite3 connection.
 * @example const series = sqliteSeriesStore(db)
 */
export function sqliteSeriesStore(db: Database.Database): SeriesStore {
  return {
    async seriesArticlesSince(since: Date, limit: number): Promise<SeriesArticle[]> {
      const rows = db.prepare('SELECT * FROM series_articles WHERE dated_at >= ? ORDER BY dated_at DESC LIMIT ?').all(since.toISOString(), limit) as Row[];
      return rows.map((r) => ({ articleId: Number(r.article_id), date: new Date(String(r.dated_at)), thread: JSON.parse(String(r.thread_json)) }));
    },

    async saveSeriesArticle(article: SeriesArticle, points: readonly NewSeriesPoint[]): Promise<void> {
      const at = article.date.toISOString();
      db.transaction(() => {
        db.prepare('DELETE FROM series_points WHERE article_id = ?').run(article.articleId);
        db.prepare('INSERT OR REPLACE INTO series_articles (article_id, dated_at, thread_json) VALUES (?, ?, ?)').run(article.articleId, at, JSON.stringify(article.thread));
        const newSeries = db.prepare('INSERT INTO series (created_at, updated_at) VALUES (?, ?)');
        const touch = db.prepare('UPDATE series SET updated_at = MAX(updated_at, ?) WHERE id = ?');
        const insert = db.prepare(`INSERT INTO series_points (series_id, article_id, figure_json, meaning_json, label, dated_at, confidence, linked_to)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
        for (const p of points) {
          let seriesId = p.seriesId;
          if (seriesId === null) seriesId = Number(newSeries.run(at, at).lastInsertRowid);
          else touch.run(at, seriesId);
          insert.run(seriesId, p.articleId, JSON.stringify(p.figure), JSON.stringify(p.meaning), p.figure.label, p.date.toISOString(), p.confidence, p.linkedTo);
        }
      })();
    },

    async seriesPointsOfArticles(articleIds: readonly number[]): Promise<SeriesPoint[]> {
      if (articleIds.length === 0) return [];
      const rows = db.prepare(`${POINT_SELECT} WHERE p.article_id IN (${articleIds.map(() => '?').join(',')}) ORDER BY p.id`).all(...articleIds) as Row[];
      return rows.map(toPoint);
    },

    async seriesPoints(seriesIds: readonly number[]): Promise<SeriesPoint[]> {
      if (seriesIds.length === 0) return [];
      const rows = db.prepare(`${POINT_SELECT} WHERE p.series_id IN (${seriesIds.map(() => '?').join(',')}) ORDER BY p.dated_at, p.id`).all(...seriesIds) as Row[];
      return rows.map(toPoint);
    },

    async searchSeries(words: readonly string[], limit: number): Promise<number[]> {
      const ascii = words.filter((w) => /^[\x20-\x7e]+$/.test(w));
      const where = ascii.map(() => "(p.label || ' ' || p.figure_json || ' ' || a.title) LIKE ? ESCAPE '\\'").join(' AND ');
      const params = ascii.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const rows = db
        .prepare(
          `SELECT p.series_id AS id FROM series_points p JOIN articles a ON a.id = p.article_id JOIN series s ON s.id = p.series_id
           WHERE (SELECT COUNT(*) FROM series_points q WHERE q.series_id = p.series_id) >= 2${where ? ` AND ${where}` : ''}
           GROUP BY p.series_id ORDER BY MAX(s.updated_at) DESC, p.series_id DESC LIMIT ?`,
        )
        .all(...params, limit) as Row[];
      return rows.map((r) => Number(r.id));
    },
  };
}
