/** /trend <words or figure>: a figure's series over time — every point with its source and a text sparkline. */
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
  const blocks = ids.flatMap((id) => seriesBlocks(all.filter((p) => p.seriesId === id && sure(p)).slice(-MAX_POINTS), tz, tr));
  await replyHtml(ctx, packBlocks(blocks));
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
    const date = formatDate(p.article.publishedAt ?? p.date.toISOString(), tz, tr.locale) ?? '';
    return [
      htmlLine([{ text: figureDisplayText(p.figure), style: 'b' }, ` · ${date}`]),
      htmlLine([{ text: `“${p.figure.sentence}”`, style: 'i' }]),
      htmlLine(['— ', { text: p.article.title || tr.t('story-untitled'), href: p.article.link }, ` · ${p.article.source}`]),
    ];
  });
  return [heading, ...rows];
}
