/** ArticleStore in SQL (both dialects): articles and their ranked figures. */
import { sql, type Kysely } from 'kysely';
import type { Article, Figure } from '../../domain/types.js';
import type { ArticleStore, ArticleWindow, FigureSource, NewArticle } from '../article-store.js';
import type { Tables } from './schema.js';
import { type Sql, toIso, toIsoOrNull, strOrNull, numOrNull } from './dialect.js';
import { likeAnywhere, LIKE_ESCAPE } from './like.js';


/**
 * ArticleStore over a Kysely connection.
 * @example const articles = sqlArticleStore({ db, d: SQLITE })
 */
export function sqlArticleStore({ db, d }: Sql): ArticleStore {
  return {
    async saveArticle(article: NewArticle): Promise<Article | null> {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('articles')
          .values({
            feed_id: article.feedId,
            key: article.key,
            link: article.link,
            title: article.title,
            source: article.source,
            published_at: article.publishedAt === null ? null : d.time(article.publishedAt),
            fetched_at: d.time(article.fetchedAt),
            text: article.text,
            summary: article.summary,
          })
          .onConflict((oc) => oc.column('key').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!row) return null;
        const id = Number(row.id);
        const figures = article.figures.map((f, rank) => ({
                article_id: id,
                rank,
                text: f.text,
                value: f.value,
                value_max: f.valueMax ?? null,
                kind: f.kind,
                unit: f.unit,
                label: f.label,
                sentence: f.sentence,
                start: f.start,
                end: f.end,
                approx: f.approx,
                score: f.score ?? null,
        }));
        // 13 values a row: 500 rows stay far below SQLite's bound-parameter limit.
        for (let i = 0; i < figures.length; i += 500) await trx.insertInto('figures').values(figures.slice(i, i + 500)).execute();
        return { ...article, id };
      });
    },

    async articlesForDigest(window: ArticleWindow): Promise<Article[]> {
      let q = db.selectFrom('articles').selectAll().orderBy('id');
      if (window.fetchedSince !== null) q = q.where('fetched_at', '>=', d.time(window.fetchedSince));
      if (window.publishedSince !== null) {
        const since = d.time(window.publishedSince);
        q = q.where((eb) => eb.or([eb('published_at', 'is', null), eb('published_at', '>=', since)]));
      }
      return withFigures(db, await q.execute());
    },

    async getArticle(id: number): Promise<Article | null> {
      const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? (await withFigures(db, [row]))[0]! : null;
    },

    async searchArticles(words: readonly string[], sinceIso: string, limit: number): Promise<Article[]> {
      // LIKE/ILIKE fold ASCII case only, so only ASCII words narrow the query here.
      const ascii = words.filter((w) => /^[\x20-\x7e]+$/.test(w));
      const haystack = sql<string>`(title || ' ' || summary || ' ' || text)`;
      const like = d.name === 'postgres' ? sql`ILIKE` : sql`LIKE`;
      let q = db.selectFrom('articles').selectAll().where('fetched_at', '>=', d.time(sinceIso));
      for (const w of ascii) q = q.where(sql<boolean>`${haystack} ${like} ${likeAnywhere(w)} ${LIKE_ESCAPE}`);
      const rows = await q
        .orderBy(sql`COALESCE(published_at, fetched_at)`, 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return withFigures(db, rows);
    },

    async findFigures(query: { values: readonly number[]; digits: string }, sinceIso: string, limit: number) {
      if (query.values.length === 0 && !query.digits) return [];
      const rows = await db
        .selectFrom('figures as f')
        .innerJoin('articles as a', 'a.id', 'f.article_id')
        .selectAll('f')
        .select(['a.id as a_id', 'a.feed_id as a_feed_id', 'a.title as a_title', 'a.link as a_link', 'a.source as a_source', 'a.published_at as a_published_at', 'a.fetched_at as a_fetched_at'])
        .where('a.fetched_at', '>=', d.time(sinceIso))
        .where((eb) => {
          const near = query.values.map((v) =>
            eb.or([
              sql<boolean>`ABS(f.value - ${v}) <= ${Math.abs(v) * 1e-9}`,
              sql<boolean>`ABS(COALESCE(f.value_max, f.value) - ${v}) <= ${Math.abs(v) * 1e-9}`,
            ]),
          );
          const digits = query.digits
            ? [sql<boolean>`REPLACE(REPLACE(REPLACE(f.text, ',', ''), ' ', ''), ${'\u00a0'}, '') LIKE ${likeAnywhere(query.digits)} ${LIKE_ESCAPE}`]
            : [];
          return eb.or([...near, ...digits]);
        })
        .orderBy('a.id', 'desc')
        .orderBy('f.rank')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        figure: toFigure(r),
        article: toFigureSource(r, Number(r.a_id)),
      }));
    },

    async articleStats() {
      const row = await db
        .selectNoFrom((eb) => [
          eb.selectFrom('articles').select(eb.fn.countAll<number>().as('n')).as('articles'),
          eb.selectFrom('figures').select(eb.fn.countAll<number>().as('n')).as('figures'),
          eb.selectFrom('articles').select((e) => e.fn.max('fetched_at').as('m')).as('last'),
        ])
        .executeTakeFirstOrThrow();
      return { articles: Number(row.articles), figures: Number(row.figures), lastFetchedAt: toIsoOrNull(row.last) };
    },
  };
}

/** Articles rows with their figures in rank order (one query for all of them). */
async function withFigures(db: Kysely<Tables>, rows: Array<Record<string, unknown>>): Promise<Article[]> {
  if (rows.length === 0) return [];
  const byArticle = new Map<number, Figure[]>();
  const ids = rows.map((r) => Number(r.id));
  for (let i = 0; i < ids.length; i += 500) {
    const figures = await db.selectFrom('figures').selectAll().where('article_id', 'in', ids.slice(i, i + 500)).orderBy('article_id').orderBy('rank').execute();
    for (const f of figures) {
      const list = byArticle.get(Number(f.article_id)) ?? [];
      list.push(toFigure(f));
      byArticle.set(Number(f.article_id), list);
    }
  }
  return rows.map((r) => toArticle(r, byArticle.get(Number(r.id)) ?? []));
}

/** An article's `a_`-prefixed columns (joined to a figure or a series point) as a FigureSource. */
export function toFigureSource(r: Record<string, unknown>, id: number): FigureSource {
  return {
    id,
    feedId: numOrNull(r.a_feed_id),
    title: String(r.a_title),
    link: strOrNull(r.a_link),
    source: String(r.a_source),
    publishedAt: toIsoOrNull(r.a_published_at),
    fetchedAt: toIso(r.a_fetched_at),
  };
}

function toFigure(r: Record<string, unknown>): Figure {
  const figure: Figure = {
    text: String(r.text),
    value: Number(r.value),
    kind: r.kind as Figure['kind'],
    unit: strOrNull(r.unit),
    label: String(r.label),
    sentence: String(r.sentence),
    start: Number(r.start),
    end: Number(r.end),
    approx: strOrNull(r.approx),
  };
  if (r.value_max !== null && r.value_max !== undefined) figure.valueMax = Number(r.value_max);
  if (r.score !== null && r.score !== undefined) figure.score = Number(r.score);
  return figure;
}

function toArticle(r: Record<string, unknown>, figures: Figure[]): Article {
  return {
    id: Number(r.id),
    feedId: numOrNull(r.feed_id),
    key: String(r.key),
    link: strOrNull(r.link),
    title: String(r.title),
    source: String(r.source),
    publishedAt: toIsoOrNull(r.published_at),
    fetchedAt: toIso(r.fetched_at),
    text: String(r.text),
    summary: String(r.summary),
    figures,
  };
}
