/** SeriesStore in SQL (both dialects): thread signatures, series and their points (migration 6). */
import { sql } from 'kysely';
import type { NewSeriesPoint, SeriesArticle, SeriesPoint, SeriesStore } from '../series-store.js';
import { type Sql, toDate, numOrNull } from './dialect.js';
import { toFigureSource } from './articles.js';
import { likeAnywhere, LIKE_ESCAPE } from './like.js';

/**
 * SeriesStore over a Kysely connection. Signatures, figures and meanings are stored as JSON text.
 * @example const series = sqlSeriesStore({ db, d: SQLITE })
 */
export function sqlSeriesStore({ db, d }: Sql): SeriesStore {
  const points = () =>
    db
      .selectFrom('series_points as p')
      .innerJoin('articles as a', 'a.id', 'p.article_id')
      .selectAll('p')
      .select(['a.title as a_title', 'a.link as a_link', 'a.source as a_source', 'a.feed_id as a_feed_id', 'a.published_at as a_published_at', 'a.fetched_at as a_fetched_at']);
  return {
    async seriesArticlesSince(since: Date, limit: number): Promise<SeriesArticle[]> {
      const rows = await db.selectFrom('series_articles').selectAll().where('dated_at', '>=', d.time(since)).orderBy('dated_at', 'desc').limit(limit).execute();
      return rows.map((r) => ({ articleId: Number(r.article_id), date: toDate(r.dated_at), thread: JSON.parse(r.thread_json) }));
    },

    async saveSeriesArticle(article: SeriesArticle, newPoints: readonly NewSeriesPoint[]): Promise<void> {
      const at = d.time(article.date);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('series_points').where('article_id', '=', article.articleId).execute();
        await trx
          .insertInto('series_articles')
          .values({ article_id: article.articleId, dated_at: at, thread_json: JSON.stringify(article.thread) })
          .onConflict((oc) => oc.column('article_id').doUpdateSet((eb) => ({ dated_at: eb.ref('excluded.dated_at'), thread_json: eb.ref('excluded.thread_json') })))
          .execute();
        for (const p of newPoints) {
          let seriesId = p.seriesId;
          if (seriesId === null) {
            seriesId = Number((await trx.insertInto('series').values({ created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id);
          } else {
            // A series was updated when its newest point is dated (never moved back).
            await trx.updateTable('series').set({ updated_at: at }).where('id', '=', seriesId).where('updated_at', '<', at).execute();
          }
          await trx
            .insertInto('series_points')
            .values({
              series_id: seriesId,
              article_id: p.articleId,
              figure_json: JSON.stringify(p.figure),
              meaning_json: JSON.stringify(p.meaning),
              label: p.figure.label,
              dated_at: d.time(p.date),
              confidence: p.confidence,
              linked_to: p.linkedTo,
            })
            .execute();
        }
      });
    },

    async seriesPointsOfArticles(articleIds: readonly number[]): Promise<SeriesPoint[]> {
      if (articleIds.length === 0) return [];
      return (await points().where('p.article_id', 'in', [...articleIds]).orderBy('p.id').execute()).map(toPoint);
    },

    async seriesPoints(seriesIds: readonly number[]): Promise<SeriesPoint[]> {
      if (seriesIds.length === 0) return [];
      return (await points().where('p.series_id', 'in', [...seriesIds]).orderBy('p.dated_at').orderBy('p.id').execute()).map(toPoint);
    },

    async searchSeries(words: readonly string[], limit: number): Promise<number[]> {
      const ascii = words.filter((w) => /^[\x20-\x7e]+$/.test(w));
      const like = d.name === 'postgres' ? sql`ILIKE` : sql`LIKE`;
      let q = db
        .selectFrom('series_points as p')
        .innerJoin('articles as a', 'a.id', 'p.article_id')
        .innerJoin('series as s', 's.id', 'p.series_id')
        .select('p.series_id as id')
        .where((eb) => eb(eb.selectFrom('series_points as q').select(eb.fn.countAll().as('n')).whereRef('q.series_id', '=', 'p.series_id'), '>=', 2));
      for (const w of ascii) q = q.where(sql<boolean>`(p.label || ' ' || p.figure_json || ' ' || a.title) ${like} ${likeAnywhere(w)} ${LIKE_ESCAPE}`);
      const rows = await q
        .groupBy('p.series_id')
        .orderBy(sql`MAX(s.updated_at)`, 'desc')
        .orderBy('p.series_id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => Number(r.id));
    },
  };
}

function toPoint(r: Record<string, unknown>): SeriesPoint {
  return {
    id: Number(r.id),
    seriesId: Number(r.series_id),
    articleId: Number(r.article_id),
    figure: JSON.parse(String(r.figure_json)),
    meaning: JSON.parse(String(r.meaning_json)),
    date: toDate(r.dated_at),
    confidence: Number(r.confidence),
    linkedTo: numOrNull(r.linked_to),
    article: toFigureSource(r, Number(r.article_id)),
  };
}
