/** SQLite implementation of ArticleStore. Articles and their ranked figures. */
import type Database from 'better-sqlite3';
import type { Article, Figure } from '../../domain/types.js';
import type { ArticleStore, NewArticle } from '../article-store.js';

type Row = Record<string, unknown>;

/**
 * ArticleStore over an open better-sqlite3 connection.
 * @example const articles = sqliteArticleStore(db)
 */
export function sqliteArticleStore(db: Database.Database): ArticleStore {
  return {
    async hasArticle(key: string): Promise<boolean> {
      return db.prepare('SELECT 1 FROM articles WHERE key = ?').get(key) !== undefined;
    },

    async saveArticle(article: NewArticle): Promise<Article | null> {
      const insertArticle = db.prepare(`
        INSERT OR IGNORE INTO articles (feed_id, key, link, title, source, published_at, fetched_at, text, summary)
        VALUES (@feedId, @key, @link, @title, @source, @publishedAt, @fetchedAt, @text, @summary)`);
      const insertFigure = db.prepare(`
        INSERT INTO figures (article_id, rank, text, value, value_max, kind, unit, label, sentence, start, "end", approx, score)
        VALUES (@articleId, @rank, @text, @value, @valueMax, @kind, @unit, @label, @sentence, @start, @end, @approx, @score)`);
      return db.transaction(() => {
        const info = insertArticle.run(article);
        if (info.changes === 0) return null;
        const id = Number(info.lastInsertRowid);
        article.figures.forEach((f, rank) =>
          insertFigure.run({ ...f, articleId: id, rank, valueMax: f.valueMax ?? null, score: f.score ?? null }),
        );
        return { ...article, id };
      })();
    },

    async articlesForDigest(window: { fetchedSince: string; publishedSince: string }): Promise<Article[]> {
      const rows = db
        .prepare(
          `SELECT * FROM articles WHERE fetched_at >= ? AND (published_at IS NULL OR published_at >= ?) ORDER BY id`,
        )
        .all(window.fetchedSince, window.publishedSince) as Row[];
      const figuresOf = db.prepare('SELECT * FROM figures WHERE article_id = ? ORDER BY rank');
      return rows.map((row) => toArticle(row, (figuresOf.all(row.id) as Row[]).map(toFigure)));
    },
  };
}

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
function toFigure(r: Row): Figure {
  const figure: Figure = {
    text: str(r.text),
    value: Number(r.value),
    kind: r.kind as Figure['kind'],
    unit: strOrNull(r.unit),
    label: str(r.label),
    sentence: str(r.sentence),
    start: Number(r.start),
    end: Number(r.end),
    approx: strOrNull(r.approx),
  };
  if (r.value_max !== null) figure.valueMax = Number(r.value_max);
  if (r.score !== null) figure.score = Number(r.score);
  return figure;
}

function toArticle(r: Row, figures: Figure[]): Article {
  return {
    id: Number(r.id),
    feedId: r.feed_id === null ? null : Number(r.feed_id),
    key: str(r.key),
    link: strOrNull(r.link),
    title: str(r.title),
    source: str(r.source),
    publishedAt: strOrNull(r.published_at),
    fetchedAt: str(r.fetched_at),
    text: str(r.text),
    summary: str(r.summary),
    figures,
  };
}
