/** ArticleStore in SQL (both dialects): articles and their ranked figures. */
import { sql, type Kysely } from 'kysely';
import type { Article, Figure } from '../../domain/types.js';
import type { ArticleStore, ArticleWindow, FigureSource, NewArticle } from '../article-store.js';
import type { Tables } from './schema.js';
import { type Sql, toDate, toDateOrNull, strOrNull, numOrNull } from './dialect.js';
import { likeAnywhere, LIKE_ESCAPE } from './like.js';
import { wordsMatch } from './word-search.js';

/** The article columns the domain reads (PostgreSQL's `search` tsvector stays in the database). */
const ARTICLE_COLUMNS = ['id', 'feed_id', 'key', 'link', 'title', 'source', 'published_at', 'fetched_at', 'text', 'summary'] as const;
/** The same without the body, for readers that never show it (toArticle gives them text ''). */
const ARTICLE_COLUMNS_NO_BODY = ARTICLE_COLUMNS.filter((c) => c !== 'text');

/** An article still in word search, written as the partial GIN index's condition (migration 22) so that PostgreSQL uses it. */
const SEARCHABLE = sql<boolean>`searchable`;
/** The same for retention, written as articles_searchable's condition (migration 22: apart, so that a search never walks that index). */
const RETIREABLE = sql<boolean>`searchable IS TRUE`;

/**
 * The first article id first seen at or after `since`: where a recent window starts in id order
 * (ids grow with first-seen time), read from the fetched_at index alone. `id + 0`, because
 * PostgreSQL would otherwise walk the primary key from the oldest row until one is recent enough
 * (its statistics do not know that ids and times grow together): all history, every time.
 */
export const windowStartId = (since: string | Date) => sql<number>`(SELECT MIN(id + 0) FROM articles WHERE fetched_at >= ${since})`;

/**
 * The /search query (exported so that tests can read its plan): the newest `limit` articles of
 * the window that mention every word, in the chat's feeds when `feedIds` is not null — ids, titles
 * and summaries, never bodies. The full-text index answers whole words (migration 16) and holds
 * only searchable articles (migration 22: what retention has not reached), so nothing is left for
 * the caller to check, and the newest-first cut is the database's.
 * @example await searchQuery({ db, d }, ['rates'], since, 300, null)?.execute()
 */
export function searchQuery({ db, d }: Sql, words: readonly string[], windowStart: Date, limit: number, feedIds: readonly number[] | null = null) {
  const since = d.time(windowStart);
  const match = wordsMatch(d, words, 'articles', windowStartId(since));
  if (!match || feedIds?.length === 0) return null;
  // `searchable` as the partial GIN index says it (migration 22): PostgreSQL's GIN index holds only those articles.
  let q = db.selectFrom('articles').select(ARTICLE_COLUMNS_NO_BODY).where(SEARCHABLE).where('fetched_at', '>=', since).where(match);
  if (feedIds) q = q.where('feed_id', 'in', feedIds);
  // Ids grow with first-seen time: newest first is the primary key backwards. PostgreSQL is given
  // `id + 0`: offered the primary key's order, it sometimes walked it backwards testing every row's
  // tsvector (read from TOAST) until 300 matched — for a rare word the whole window and then all
  // history (bench:scale, a fresh database: 458 ms p50 at 100k articles, 621 ms at 1M). Without an
  // order to walk, it reads the window's matches from the GIN index and keeps the newest 300.
  return q.orderBy(d.name === 'postgres' ? sql`id + 0` : sql.ref('id'), 'desc').limit(limit);
}

/**
 * The first article id of a window, as a query of its own (exported so that tests can read its plan).
 * @example const first = await windowStartQuery({ db, d }, since).executeTakeFirst()
 */
export function windowStartQuery({ db, d }: Sql, windowStart: Date) {
  return db.selectFrom('articles').select(sql<number | null>`MIN(id + 0)`.as('id')).where('fetched_at', '>=', d.time(windowStart));
}

/**
 * The /why query: figures of a recent window by value or digits, newest article first, from the
 * window's first article id `fromId` on. The id is a literal, read first (windowStartQuery): given
 * a subquery instead, PostgreSQL cannot tell how many figures follow it and at a million articles
 * sometimes chose to read them all (p99 ~1 s in bench:scale). Figures lead, newest first, and the
 * articles are only joined: with an inner join and a condition on their time, SQLite walked the
 * window's articles by time and sorted every match before the LIMIT (38 ms p50 at a million
 * articles), or, on a young database, built a Bloom filter from every article of the window first
 * (60-110 ms at 10,000). A CROSS JOIN keeps its left table as SQLite's outer loop (PostgreSQL plans
 * it as the inner join it is), so figures_article is read backwards and the walk stops at `limit`
 * matches; the caller drops the rare article whose id is in the range but first seen earlier.
 * Exported so that tests can read its plan.
 * @example await figureQuery({ db, d }, { values: [971], digits: '971' }, 50, firstId).execute()
 */
export function figureQuery({ db }: Pick<Sql, 'db'>, query: { values: readonly number[]; digits: string }, limit: number, fromId: number) {
  return db
    .selectFrom('figures as f')
    .crossJoin('articles as a')
    .whereRef('a.id', '=', 'f.article_id')
    .selectAll('f')
    .select(['a.id as a_id', 'a.feed_id as a_feed_id', 'a.title as a_title', 'a.link as a_link', 'a.source as a_source', 'a.published_at as a_published_at', 'a.fetched_at as a_fetched_at'])
    // The window as an id range: figures are read from the figures_article index, history never.
    .where('f.article_id', '>=', fromId)
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
    .orderBy('f.article_id', 'desc')
    .orderBy('f.rank')
    .limit(limit);
}

/**
 * Retention: the oldest articles first seen before `before` still in word search (with their
 * body, or stored without one). The partial index articles_searchable (migration 22) holds only
 * those, so a pass never re-reads the history already retired (exported so that tests can read its plan).
 * @example await bodiesToDropQuery({ db, d }, before, 5000).execute()
 */
export function bodiesToDropQuery({ db, d }: Sql, before: Date, limit: number) {
  return db.selectFrom('articles').select('id').where(RETIREABLE).where('fetched_at', '<', d.time(before)).orderBy('fetched_at').limit(limit);
}

/**
 * The digest window query (exported so that tests can read its plan).
 * @example await digestWindowQuery({ db, d }, { fetchedSince, publishedSince }).execute()
 */
export function digestWindowQuery({ db, d }: Sql, window: ArticleWindow, opts: { bodies?: boolean } = {}) {
  let q = db.selectFrom('articles').select(opts.bodies === false ? ARTICLE_COLUMNS_NO_BODY : ARTICLE_COLUMNS).orderBy('id');
  if (window.fetchedSince !== null) q = q.where('fetched_at', '>=', d.time(window.fetchedSince));
  if (window.publishedSince !== null) {
    const since = d.time(window.publishedSince);
    q = q.where((eb) => eb.or([eb('published_at', 'is', null), eb('published_at', '>=', since)]));
  }
  return q;
}

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

    async articlesForDigest(window: ArticleWindow, opts: { bodies?: boolean } = {}): Promise<Article[]> {
      return withFigures(db, await digestWindowQuery({ db, d }, window, opts).execute());
    },

    async getArticle(id: number): Promise<Article | null> {
      return (await articlesById(db, [id]))[0] ?? null;
    },

    getArticles: (ids: readonly number[], opts: { bodies?: boolean } = {}) => articlesById(db, ids, opts),

    async searchArticles(words: readonly string[], since: Date, limit: number, opts: { feedIds?: readonly number[] | null } = {}): Promise<Article[]> {
      const q = searchQuery({ db, d }, words, since, limit, opts.feedIds ?? null);
      return q ? (await q.execute()).map((r) => toArticle(r, [])) : [];
    },

    async findFigures(query: { values: readonly number[]; digits: string }, since: Date, limit: number) {
      if (query.values.length === 0 && !query.digits) return [];
      const first = await windowStartQuery({ db, d }, since).executeTakeFirst();
      if (first?.id === null || first?.id === undefined) return [];
      const rows = await figureQuery({ db }, query, limit, Number(first.id)).execute();
      // Ids grow with first-seen time, all but always: an article stored late by a slower cycle is not of the window.
      return rows.filter((r) => toDate(r.a_fetched_at) >= since).map((r) => ({
        figure: toFigure(r),
        article: toFigureSource(r, Number(r.a_id)),
      }));
    },

    async dropArticleBodies(before: Date, limit: number): Promise<number> {
      const ids = bodiesToDropQuery({ db, d }, before, limit);
      // Out of word search with the body: /search looks back 30 days, retention never less (migration 22).
      const result = await db.updateTable('articles').set({ text: '', searchable: d.flag(false) }).where('id', 'in', db.selectFrom(ids.as('old')).select('old.id')).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async articleStats() {
      // Counted by triggers as rows come and go (migration 9): two rows read, not millions counted.
      const counts = await db.selectFrom('row_counts').select(['name', 'n']).execute();
      const last = await db.selectFrom('articles').select((e) => e.fn.max('fetched_at').as('m')).executeTakeFirst();
      const n = (name: string) => Number(counts.find((c) => c.name === name)?.n ?? 0);
      return { articles: n('articles'), figures: n('figures'), lastFetchedAt: toDateOrNull(last?.m) };
    },
  };
}

/** Articles by id with their figures, in the order of `ids` (missing ones left out): one query for the rows, one for the figures. */
async function articlesById(db: Kysely<Tables>, ids: readonly number[], opts: { bodies?: boolean } = {}): Promise<Article[]> {
  const rows: Array<Record<string, unknown>> = [];
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(...(await db.selectFrom('articles').select(opts.bodies === false ? ARTICLE_COLUMNS_NO_BODY : ARTICLE_COLUMNS).where('id', 'in', ids.slice(i, i + 500)).execute()));
  }
  const byId = new Map((await withFigures(db, rows)).map((a) => [a.id, a]));
  return ids.flatMap((id) => byId.get(id) ?? []);
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
    publishedAt: toDateOrNull(r.a_published_at),
    fetchedAt: toDate(r.a_fetched_at),
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
    publishedAt: toDateOrNull(r.published_at),
    fetchedAt: toDate(r.fetched_at),
    text: r.text === undefined ? '' : String(r.text),
    summary: String(r.summary),
    figures,
  };
}
