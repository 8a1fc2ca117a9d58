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

/**
 * "ok · fetched 24 Nov", "⚠ fetch: 403 forbidden (since 24 Nov, 3 failures)" or "not fetched yet".
 * @example feedHealth(feed, 'UTC')
 */
export function feedHealth(feed: Feed, timezone: string): string {
  if (feed.lastError) {
    const since = formatDate((feed as Feed & { lastErrorAt?: string | null }).lastErrorAt ?? feed.lastFetchedAt, timezone);
    const extra = [since ? `since ${since}` : '', feed.errorCount > 1 ? `${feed.errorCount} failures` : ''].filter(Boolean).join(', ');
    return `⚠ ${feed.lastError}${extra ? ` (${extra})` : ''}`;
  }
  const at = formatDate(feed.lastFetchedAt, timezone);
  return at ? `ok · fetched ${at}` : 'not fetched yet';
}

/**
 * List the chat's feeds.
 * @example handleSources(ctx, input, deps)
 */
export async function handleSources(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const [feeds, choice] = await Promise.all([chatFeeds(deps, input.chat.id), deps.store.getFeedChoice(input.chat.id)]);
  if (feeds.length === 0) return replyText(ctx, 'No feeds yet. Add one with /subscribe <url>.');
  const gets = feeds.filter((f) => f.chosen).length;
  const later = choice.mode === 'only' ? 'only these: feeds added later do not arrive' : 'feeds added later arrive too';
  const heading = [htmlLine([{ text: 'Sources', style: 'b' }, ` · you get ${gets} of ${feeds.length} · ${later}`])];
  const blocks = feeds.map(({ number, feed, chosen }) => [
    htmlLine([`${number}. ${chosen ? '✓' : '✗'} `, { text: feed.title || hostOf(feed.url), style: 'b' }], 300),
    htmlLine([{ text: `${clipUrl(feed.url)} · ${feedHealth(feed, deps.settings.timezone)}`, style: 'i' }], 400),
  ]);
  const footer = [htmlLine(['/subscribe N or /subscribe URL to add · /unsubscribe N to drop · /subscribe only N M for just those · /subscribe all for every feed'])];
  await replyHtml(ctx, packBlocks([heading, ...blocks, footer]));
}


function clipUrl(url: string): string {
  return url.length > 120 ? `${url.slice(0, 119)}…` : url;
}
