/** /sources: the feeds this chat can get, numbered, with whether it gets them and their health. */
import type { Context } from 'telegraf';
import type { Feed } from '../../domain/types.js';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { chatFeeds } from '../chat-feeds.js';
import { formatDate } from '../../render/format-figure.js';
import { htmlLine, packBlocks } from '../html.js';
import { replyHtml, replyText } from '../reply.js';
import { hostOf } from '../../net/host-of.js';
import { chatTr } from '../chat-language.js';
import { chatTimezone } from '../chat-schedule.js';
import type { Translator } from '../../i18n/translator.js';

/**
 * "ok · fetched 24 Nov", "⚠ fetch: 403 forbidden (since 24 Nov, 3 failures)" or "not fetched yet", in
 * `tr`'s language (the error itself is the fetcher's words, in English).
 * @example feedHealth(feed, 'UTC', translator('en'))
 */
export function feedHealth(feed: Feed, timezone: string, tr: Translator): string {
  if (feed.lastError) {
    const since = formatDate(feed.lastErrorAt ?? feed.lastFetchedAt, timezone, tr.locale);
    const extra = [since ? tr.t('feed-failing-since', { date: since }) : '', feed.errorCount > 1 ? tr.t('feed-failures', { count: feed.errorCount }) : ''].filter(Boolean).join(', ');
    return `⚠ ${feed.lastError}${extra ? ` (${extra})` : ''}`;
  }
  const at = formatDate(feed.lastFetchedAt, timezone, tr.locale);
  return at ? tr.t('feed-ok', { date: at }) : tr.t('feed-not-fetched');
}

/**
 * List the chat's feeds.
 * @example handleSources(ctx, input, deps)
 */
export async function handleSources(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const tr = chatTr(ctx);
  const [feeds, choice, sub] = await Promise.all([chatFeeds(deps, input.chat.id), deps.store.getFeedChoice(input.chat.id), deps.store.getSubscriber(input.chat.id)]);
  // Dates as the chat's clock reads them, like every other date it is shown.
  const tz = chatTimezone(deps, sub);
  if (feeds.length === 0) return replyText(ctx, tr.t('feeds-none'));
  const gets = feeds.filter((f) => f.chosen).length;
  const later = choice.mode === 'only' ? tr.t('sources-only-these') : tr.t('sources-later-too');
  const heading = [htmlLine([{ text: tr.t('sources-title'), style: 'b' }, ` · ${tr.t('sources-gets', { chosen: gets, total: feeds.length })} · ${later}`])];
  const blocks = feeds.map(({ number, feed, chosen }) => [
    htmlLine([`${number}. ${chosen ? '✓' : '✗'} `, { text: feed.title || hostOf(feed.url), style: 'b' }], 300),
    htmlLine([{ text: `${clipUrl(feed.url)} · ${feedHealth(feed, tz, tr)}`, style: 'i' }], 400),
  ]);
  const footer = [htmlLine([tr.t('sources-footer')])];
  await replyHtml(ctx, packBlocks([heading, ...blocks, footer]));
}


function clipUrl(url: string): string {
  return url.length > 120 ? `${url.slice(0, 119)}…` : url;
}
