/**
 * /trend <words or figure>: a figure's series over time — every point with its source and a text
 * sparkline, then the first series as a bar chart picture.
 */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import type { SeriesPoint } from '../../store/store.js';
import { figureDisplayText, formatDate } from '../../render/format-figure.js';
import { sparkline } from '../../series/series-change.js';
import { chatTimezone } from '../chat-schedule.js';
import { htmlLine, packBlocks } from '../html.js';
import { replyHtml, replyText, replyUsage } from '../reply.js';
import { splitPhrases, MAX_PHRASES } from '../query-words.js';
import { DEFAULT_SERIES_SETTINGS } from '../../app/record-series.js';
import { chatTr } from '../chat-language.js';
import type { Translator } from '../../i18n/translator.js';
import { escapeHtml } from '../../render/escape-html.js';
import { renderTrendChart } from '../../app/picture/render-trend-chart.js';
import type { TrendChartData } from '../../render/card/trend-chart-layout.js';

/** Series shown per answer, and points per series (the latest). */
const MAX_SERIES = 2;
const MAX_POINTS = 12;

/**
 * Answer with the series whose figures, labels or titles contain every word, newest first.
 * @example handleTrend(ctx, { ...input, args: 'prisoners' }, deps)
 */
export async function handleTrend(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const words = splitPhrases(input.args).map((p) => p.text).filter((w) => w.length > 0).slice(0, MAX_PHRASES);
  if (words.length === 0) return replyUsage(ctx, 'trend');
  // Only links as sure as the digest's: a weak link is kept for later evidence, not shown.
  const minConfidence = (deps.settings.series ?? DEFAULT_SERIES_SETTINGS).minConfidence;
  const found = await deps.store.searchSeries(words, MAX_SERIES * 5);
  const all = await deps.store.seriesPoints(found);
  const sure = (p: SeriesPoint) => p.linkedTo === null || p.confidence >= minConfidence;
  const ids = found.filter((id) => all.filter((p) => p.seriesId === id && sure(p)).length >= 2).slice(0, MAX_SERIES);
  const tr = chatTr(ctx);
  if (ids.length === 0) return replyText(ctx, tr.t('trend-none', { query: input.args.slice(0, 40) }));
  const tz = chatTimezone(deps, await deps.store.getSubscriber(input.chat.id));
  const shown = ids.map((id) => all.filter((p) => p.seriesId === id && sure(p)).slice(-MAX_POINTS));
  await replyHtml(ctx, packBlocks(shown.flatMap((points) => seriesBlocks(points, tz, tr))));
  const first = shown[0];
  if (first !== undefined) await replyChart(ctx, deps, trendChartData(first, tz, tr));
}

/**
 * The chart as a photo after the text; the text already holds every point and source, so a
 * chart that cannot be drawn (a font missing from the install) is logged, not an error to the user.
 */
async function replyChart(ctx: Context, deps: BotDeps, data: TrendChartData): Promise<void> {
  let png: Buffer;
  try {
    png = await renderTrendChart(data);
  } catch (err) {
    deps.logger.warn({ err: (err as Error).message }, 'trend: chart not drawn');
    return;
  }
  const caption = `<b>📈 ${escapeHtml(data.title.slice(0, 900))}</b>`;
  await ctx.replyWithPhoto({ source: png, filename: 'trend.png' }, { caption, parse_mode: 'HTML' });
}

/** What the chart of a series shows, in the reader's language and time zone. Dates drop the year when all share one. */
export function trendChartData(points: readonly SeriesPoint[], tz: string, tr: Translator): TrendChartData {
  const at = (p: SeriesPoint) => p.article.publishedAt ?? p.date;
  const years = new Set(points.map((p) => formatDate(at(p), tz, 'en')?.slice(-4)));
  const day = (p: SeriesPoint, year: boolean) => formatDate(at(p), tz, tr.locale, { year }) ?? '';
  const first = points[0];
  const last = points[points.length - 1];
  return {
    brand: tr.t('trend-chart-brand'),
    title: last?.figure.label ?? '',
    summary: first && last ? tr.t('trend-chart-summary', { first: figureDisplayText(first.figure), firstDate: day(first, true), last: figureDisplayText(last.figure), lastDate: day(last, true) }) : '',
    footer: tr.t('trend-chart-footer', {
      points: tr.t('trend-chart-points', { count: points.length }),
      sources: tr.t('trend-chart-sources', { count: new Set(points.map((p) => p.article.link ?? p.article.title)).size }),
    }),
    points: points.map((p) => ({ value: p.figure.value, text: figureDisplayText(p.figure), date: day(p, years.size > 1) })),
  };
}

/** One series: a heading with the sparkline, then a block per point (value, date, sentence, source). */
function seriesBlocks(points: readonly SeriesPoint[], tz: string, tr: Translator): string[][] {
  const latest = points[points.length - 1];
  if (latest === undefined) return [];
  const heading = [
    htmlLine([{ text: `📈 ${latest.figure.label}`, style: 'b' }]),
    htmlLine([{ text: sparkline(points.map((p) => p.figure.value)), style: 'code' }, ` ${points.map((p) => figureDisplayText(p.figure)).join(' → ')}`]),
  ];
  const rows = points.map((p) => {
    const date = formatDate(p.article.publishedAt ?? p.date, tz, tr.locale) ?? '';
    return [
      htmlLine([{ text: figureDisplayText(p.figure), style: 'b' }, ` · ${date}`]),
      htmlLine([{ text: `“${p.figure.sentence}”`, style: 'i' }]),
      htmlLine(['— ', { text: p.article.title || tr.t('story-untitled'), href: p.article.link }, ` · ${p.article.source}`]),
    ];
  });
  return [heading, ...rows];
}
