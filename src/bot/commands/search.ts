/** /search <words>: recent stories mentioning every word, newest first, five per page with buttons. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { rankedFigures } from '../../digest/build-digest.js';
import { figureDisplayText, figureLabel, sourceLine } from '../../render/format-figure.js';
import { chatTimezone } from '../chat-schedule.js';
import { htmlLine, packBlocks } from '../html.js';
import { MAX_PHRASE, MAX_PHRASES, splitPhrases } from '../query-words.js';
import { searchButtons } from '../keyboards/search-buttons.js';
import { replyHtml, replyText, replyUsage } from '../reply.js';
import { chatTr } from '../chat-language.js';
import type { Translator } from '../../i18n/translator.js';

/** Results per page, days searched, results counted at most. */
const PAGE_SIZE = 5;
const LOOKBACK_DAYS = 30;
const CANDIDATES = 300;

/**
 * One page of a search in `tr`'s language: its message and buttons, or null when nothing matches.
 * `searchId` may still be on its way (the search being saved): it is awaited with the chat's
 * preferences and subscriber row, all three at once — on PostgreSQL each read is a round trip.
 */
export async function searchPage(
  deps: BotDeps,
  chatId: number,
  searchId: number | Promise<number>,
  query: string,
  page: number,
  tr: Translator,
): Promise<{ html: string; page: number; keyboard: ReturnType<typeof searchButtons> } | null> {
  const words = splitPhrases(query).map((w) => w.text);
  const since = new Date(deps.now().getTime() - LOOKBACK_DAYS * 24 * 3_600_000);
  const [prefs, subscriber, id] = await Promise.all([deps.store.getPreferences(chatId), deps.store.getSubscriber(chatId), searchId]);
  // The database matches whole words and the chat's feeds: ids, titles and summaries come back.
  const hits = await deps.store.searchArticles(words, since, CANDIDATES, { feedIds: prefs.feedIds });
  if (hits.length === 0) return null;
  const pages = Math.ceil(hits.length / PAGE_SIZE);
  const p = Math.min(Math.max(0, page), pages - 1);
  const tz = chatTimezone(deps, subscriber);
  // The page's articles with their figures in one call (no bodies: a result never shows them); one gone meanwhile shows as found.
  const found = hits.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE);
  const read = new Map((await deps.store.getArticles(found.map((a) => a.id), { bodies: false })).map((a) => [a.id, a]));
  const onPage = found.map((a) => read.get(a.id) ?? a);
  const shown = onPage.map((a, i) => ({ article: a, number: p * PAGE_SIZE + i + 1 }));
  const heading = [
    htmlLine([{ text: tr.t('search-heading', { query }), style: 'b' }], 200),
    htmlLine([`${tr.t('stories-count', { count: hits.length })} · ${tr.t('search-page', { page: p + 1, pages })}`]),
  ];
  const blocks = shown.map(({ article, number }) => {
    const top = rankedFigures(article.figures)[0];
    const label = top ? figureLabel(top) : '';
    return [
      htmlLine([{ text: `${number}. ${article.title || tr.t('story-untitled')}`, style: 'b' }], 200),
      htmlLine([{ text: sourceLine(article, tz, tr), style: 'i' }], 100),
      ...(top ? [htmlLine(['• ', { text: figureDisplayText(top), style: 'b' }, ...(label ? [` ${label}`] : [])], 200)] : []),
      ...(article.link && article.link.length <= 200 ? [htmlLine([{ text: tr.t('story-link'), href: article.link }], 250)] : []),
    ];
  });
  // One message: a heading ≤ 300 units and five blocks ≤ 750 units each.
  const html = packBlocks([heading, ...blocks])[0] ?? '';
  return { html, page: p, keyboard: searchButtons(id, p, pages, shown.map(({ article, number }) => ({ number, articleId: article.id })), tr) };
}

/**
 * /search <words>.
 * @example handleSearch(ctx, { ...input, args: 'interest rates' }, deps)
 */
export async function handleSearch(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const words = splitPhrases(input.args);
  if (words.length === 0 || words.length > MAX_PHRASES || words.some((w) => w.text.length > MAX_PHRASE)) return replyUsage(ctx, 'search');
  const query = words.map((w) => (w.text.includes(' ') ? `"${w.text}"` : w.text)).join(' ');
  const tr = chatTr(ctx);
  // Saved while the page's first reads run (searchPage awaits it with them): one round trip, not two.
  const page = await searchPage(deps, input.chat.id, deps.store.saveSearch(input.chat.id, query, deps.now()), query, 0, tr);
  if (!page) return replyText(ctx, tr.t('search-none', { days: LOOKBACK_DAYS, query: query.slice(0, 80) }));
  await replyHtml(ctx, [page.html], page.keyboard);
}
