/** SQLite implementation of ArticleStore. Articles and their ranked figures. */
import type Database from 'better-sqlite3';
import type { Article, Figure } from '../../domain/types.js';
import type { ArticleStore, FigureSource, NewArticle } from '../article-store.js';

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

    async getArticle(id: number): Promise<Article | null> {
      const row = db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as Row | undefined;
      if (!row) return null;
      return toArticle(row, (db.prepare('SELECT * FROM figures WHERE article_id = ? ORDER BY rank').all(id) as Row[]).map(toFigure));
    },

    async searchArticles(words: readonly string[], sinceIso: string, limit: number): Promise<Article[]> {
      // LIKE is case-insensitive for ASCII only, so only ASCII words narrow the query here.
      const ascii = words.filter((w) => /^[\x20-\x7e]+$/.test(w));
      const where = ascii.map(() => "(title || ' ' || summary || ' ' || text) LIKE ? ESCAPE '\\'").join(' AND ');
      const params = ascii.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const rows = db
        .prepare(`SELECT * FROM articles WHERE fetched_at >= ?${where ? ` AND ${where}` : ''} ORDER BY COALESCE(published_at, fetched_at) DESC, id DESC LIMIT ?`)
        .all(sinceIso, ...params, limit) as Row[];
      const figuresOf = db.prepare('SELECT * FROM figures WHERE article_id = ? ORDER BY rank');
      return rows.map((row) => toArticle(row, (figuresOf.all(row.id) as Row[]).map(toFigure)));
    },

    async findFigures(query: { values: readonly number[]; digits: string }, sinceIso: string, limit: number) {
      const near = query.values.map(() => '(ABS(f.value - ?) <= 1e-9 * ABS(?) OR ABS(COALESCE(f.value_max, f.value) - ?) <= 1e-9 * ABS(?))');
      const conditions = [...near];
      const params: Array<string | number> = query.values.flatMap((v) => [v, v, v, v]);
      if (query.digits) {
        conditions.push("REPLACE(REPLACE(REPLACE(f.text, ',', ''), ' ', ''), '\u00a0', '') LIKE ? ESCAPE '\\'");
        params.push(`%${query.digits.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      }
      if (conditions.length === 0) return [];
      const rows = db
        .prepare(
          `SELECT f.*, a.id AS a_id, a.feed_id AS a_feed_id, a.title AS a_title, a.link AS a_link, a.source AS a_source,
                  a.published_at AS a_published_at, a.fetched_at AS a_fetched_at
           FROM figures f JOIN articles a ON a.id = f.article_id
           WHERE a.fetched_at >= ? AND (${conditions.join(' OR ')})
           ORDER BY a.id DESC, f.rank LIMIT ?`,
        )
        .all(sinceIso, ...params, limit) as Row[];
      return rows.map((r) => ({
        figure: toFigure(r),
        article: {
          id: Number(r.a_id),
          feedId: r.a_feed_id === null ? null : Number(r.a_feed_id),
          title: str(r.a_title),
          link: strOrNull(r.a_link),
          source: str(r.a_source),
          publishedAt: strOrNull(r.a_published_at),
          fetchedAt: str(r.a_fetched_at),
        } satisfies FigureSource,
      }));
    },

    async articleStats() {
      const row = db
        .prepare('SELECT (SELECT COUNT(*) FROM articles) AS articles, (SELECT COUNT(*) FROM figures) AS figures, (SELECT MAX(fetched_at) FROM articles) AS last')
        .get() as Row;
      return { articles: Number(row.articles), figures: Number(row.figures), lastFetchedAt: strOrNull(row.last) };
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
