/**
 * Where series meet the store: each new article's figures become points, linked to the best
 * earlier point of the same thread and meaning (see src/series), or starting a series of their own;
 * and a digest's figures get the change since their series' earlier points.
 */
import type { Article } from '../domain/types.js';
import type { NewSeriesPoint, SeriesPoint, Store } from '../store/store.js';
import { DEFAULT_MIN_CONFIDENCE, linkConfidence, linkable, type LinkOptions } from '../series/link-figures.js';
import { sameThread, threadSignature } from '../series/story-thread.js';
import { changeText, seriesChange, type ChangePoint } from '../series/series-change.js';

/** Series settings (SERIES_MIN_CONFIDENCE, SERIES_LOOKBACK_DAYS). */
export interface SeriesSettings {
  /** A change is shown only when every link it rests on is at least this confident. */
  minConfidence: number;
  /** How far back an earlier point may be. */
  lookbackDays: number;
  /** Links weaker than this are not stored at all (default 0.3). */
  linkFloor?: number;
  match?: LinkOptions;
}

/** Defaults of SERIES_MIN_CONFIDENCE and SERIES_LOOKBACK_DAYS (config.ts). */
export const DEFAULT_SERIES_SETTINGS: SeriesSettings = { minConfidence: DEFAULT_MIN_CONFIDENCE, lookbackDays: 120 };

/** Articles compared per new article, newest first. */
const MAX_CANDIDATE_ARTICLES = 5000;

function dateOf(article: Pick<Article, 'publishedAt' | 'fetchedAt'>): Date {
  const d = article.publishedAt ?? article.fetchedAt;
  return Number.isNaN(d.getTime()) ? article.fetchedAt : d;
}

/**
 * Store an article's figures as series points: each joins the series of the most confident
 * earlier figure of the same thread and meaning, one point per series per article.
 * @example await recordSeries(store, savedArticle, { minConfidence: 0.5, lookbackDays: 120 })
 */
export async function recordSeries(store: Store, article: Article, settings: SeriesSettings): Promise<{ points: number; linked: number }> {
  const date = dateOf(article);
  const thread = threadSignature(article);
  const since = new Date(date.getTime() - settings.lookbackDays * 86_400_000);
  const threadmates = (await store.seriesArticlesSince(since, MAX_CANDIDATE_ARTICLES)).filter(
    (a) => a.articleId !== article.id && a.date.getTime() <= date.getTime() && sameThread(thread, a.thread, settings.match?.thread),
  );
  const candidates = await store.seriesPointsOfArticles(threadmates.map((a) => a.articleId));
  const threadOf = new Map(threadmates.map((a) => [a.articleId, a.thread]));
  const floor = settings.linkFloor ?? 0.3;
  const proposals = article.figures.map((figure) => {
    const mine = linkable(article, figure, thread);
    let best: { point: SeriesPoint; confidence: number } | null = null;
    for (const c of candidates) {
      const confidence = linkConfidence(mine, { value: c.figure.value, meaning: c.meaning, thread: threadOf.get(c.articleId)! }, settings.match);
      if (confidence >= floor && (best === null || confidence > best.confidence)) best = { point: c, confidence };
    }
    return { figure, meaning: mine.meaning, best };
  });
  // One point per series per article: the most confident figure keeps the link, the others start their own.
  const taken = new Map<number, number>();
  proposals.forEach((p, i) => {
    if (p.best === null) return;
    const j = taken.get(p.best.point.seriesId);
    if (j === undefined || proposals[j]!.best!.confidence < p.best.confidence) taken.set(p.best.point.seriesId, i);
  });
  const winners = new Set(taken.values());
  const points: NewSeriesPoint[] = proposals.map((p, i) => {
    const link = winners.has(i) ? p.best : null;
    const { text, value, kind, unit, label, sentence, start, end, approx, valueMax } = p.figure;
    return {
      articleId: article.id,
      seriesId: link?.point.seriesId ?? null,
      figure: { text, value, kind, unit, label, sentence, start, end, approx, ...(valueMax !== undefined ? { valueMax } : {}) },
      meaning: p.meaning,
      date,
      confidence: link?.confidence ?? 1,
      linkedTo: link?.point.id ?? null,
    };
  });
  await store.saveSeriesArticle({ articleId: article.id, date, thread }, points);
  return { points: points.length, linked: winners.size };
}

function changePoint(p: SeriesPoint): ChangePoint {
  return { articleId: p.articleId, value: p.figure.value, kind: p.figure.kind, unit: p.figure.unit, date: p.date, phase: p.meaning.phase, phaseCount: p.meaning.phaseCount ?? null, month: p.meaning.month, confidence: p.confidence };
}

/**
 * The articles with `change` set on every figure whose series moved confidently since an earlier
 * day ("total 1,000 since 23 May (+303 since 24 May)", "was 2.8% in October"). Figures are copied.
 * @example const articles = await withSeriesChanges(store, await store.articlesForDigest(window), settings, 'Europe/Kyiv')
 */
export async function withSeriesChanges(store: Store, articles: readonly Article[], settings: Pick<SeriesSettings, 'minConfidence'>, timezone: string): Promise<Article[]> {
  const changes = await seriesChangeTexts(store, articles.map((a) => a.id), settings, timezone);
  if (changes.size === 0) return [...articles];
  return articles.map((a) => ({ ...a, figures: figuresWithChanges(a.id, a.figures, changes) }));
}

/**
 * An article's figures with the change texts of `changes` (keyed `articleId:figureStart`, as
 * seriesChangeTexts gives them) set on those that have one; the same array when none has.
 */
export function figuresWithChanges<F extends { start: number }>(articleId: number, figures: F[], changes: ReadonlyMap<string, string>): F[] {
  if (!figures.some((f) => changes.has(`${articleId}:${f.start}`))) return figures;
  return figures.map((f) => {
    const change = changes.get(`${articleId}:${f.start}`);
    return change === undefined ? f : { ...f, change };
  });
}

/**
 * The change text of every figure of these articles whose series moved confidently, keyed
 * `articleId:figureStart`: what withSeriesChanges sets, for callers that apply it to stories.
 * @example (await seriesChangeTexts(store, [12], settings, 'UTC')).get('12:40') // "was 2.8% in October"
 */
export async function seriesChangeTexts(store: Store, articleIds: readonly number[], settings: Pick<SeriesSettings, 'minConfidence'>, timezone: string): Promise<Map<string, string>> {
  const own = await store.seriesPointsOfArticles(articleIds);
  const all = await store.seriesPoints([...new Set(own.map((p) => p.seriesId))]);
  const bySeries = new Map<number, ChangePoint[]>();
  const asChange = new Map<number, ChangePoint>();
  for (const p of all) {
    const c = changePoint(p);
    asChange.set(p.id, c);
    bySeries.set(p.seriesId, [...(bySeries.get(p.seriesId) ?? []), c]);
  }
  const changes = new Map<string, string>();
  for (const p of own) {
    const current = asChange.get(p.id);
    if (current === undefined) continue;
    const change = seriesChange(bySeries.get(p.seriesId) ?? [], current, { minConfidence: settings.minConfidence, timezone });
    if (change !== null) changes.set(`${p.articleId}:${p.figure.start}`, changeText(change, p.date, timezone));
  }
  return changes;
}
