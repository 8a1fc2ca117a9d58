/** /why <number>: where a figure in recent digests came from — the sentence, the article, the link. */
import type { Context } from 'telegraf';
import type { Figure } from '../../domain/types.js';
import type { FigureSource } from '../../store/article-store.js';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { figureDisplayText, figureLabel, formatDate } from '../../render/format-figure.js';
import { figureMatch, parseFigureQuery } from '../figure-query.js';
import { chatTimezone } from '../chat-schedule.js';
import { htmlLine, packBlocks } from '../html.js';
import { replyHtml, replyText, replyUsage } from '../reply.js';
import { lastDigestStories } from './story.js';
import { chatTr } from '../chat-language.js';

/** How far back /why looks. */
const LOOKBACK_DAYS = 7;
const MAX_ANSWERS = 3;

/** What an answer shows of a figure's article: a story of the chat's digest has no first-seen time, and none is shown. */
type ShownSource = Omit<FigureSource, 'fetchedAt'>;

/**
 * Answer with up to three matching figures: same value (and kind, when the query names one) before
 * same digits, and within each those of the chat's last digest first; each says how it matched.
 * @example handleWhy(ctx, { ...input, args: '1,000' }, deps)
 */
export async function handleWhy(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const query = parseFigureQuery(input.args);
  if (!query) return replyUsage(ctx, 'why');
  const since = new Date(deps.now().getTime() - LOOKBACK_DAYS * 24 * 3_600_000);
  const candidates: Array<{ figure: Figure; article: ShownSource; by: 'value' | 'text' }> = [];
  const seen = new Set<string>();
  const add = (figure: Figure, article: ShownSource) => {
    const key = `${article.id}:${figure.start}:${figure.text}`;
    const by = figureMatch(figure, query);
    if (by === null || seen.has(key)) return;
    seen.add(key);
    candidates.push({ figure, article, by });
  };
  for (const story of await lastDigestStories(deps, input.chat.id)) {
    for (const figure of story.figures) {
      add(figure, { id: story.articleId ?? -story.number, feedId: story.feedId ?? null, title: story.title, link: story.link, source: story.source, publishedAt: story.publishedAt });
    }
  }
  const prefs = await deps.store.getPreferences(input.chat.id);
  for (const hit of await deps.store.findFigures(query, since, 50)) {
    if (prefs.feedIds !== null && (hit.article.feedId === null || !prefs.feedIds.includes(hit.article.feedId))) continue;
    add(hit.figure, hit.article);
  }
  // a stable sort: value matches first, each tier in the order found (the chat's digest first)
  const found = [...candidates].sort((a, b) => (a.by === b.by ? 0 : a.by === 'value' ? -1 : 1)).slice(0, MAX_ANSWERS);
  const tr = chatTr(ctx);
  const asked = input.args.trim().slice(0, 40);
  if (found.length === 0) return replyText(ctx, tr.t('why-none', { query: asked, days: LOOKBACK_DAYS }));
  const tz = chatTimezone(deps, await deps.store.getSubscriber(input.chat.id));
  const blocks = found.map(({ figure, article, by }) => {
    const label = figureLabel(figure);
    const date = formatDate(article.publishedAt, tz, tr.locale);
    return [
      htmlLine([{ text: figureDisplayText(figure), style: 'b' }, ...(label ? [` ${label}`] : []), { text: ` · ${tr.t(by === 'value' ? 'why-same-value' : 'why-same-digits', { query: asked })}`, style: 'i' }]),
      htmlLine([{ text: `“${figure.sentence}”`, style: 'i' }]),
      htmlLine(['— ', { text: article.title || tr.t('story-untitled'), href: article.link }, ` · ${article.source}${date ? ` · ${date}` : ''}`]),
    ];
  });
  await replyHtml(ctx, packBlocks(blocks));
}
