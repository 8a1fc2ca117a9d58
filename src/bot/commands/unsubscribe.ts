/** /unsubscribe <id>: stop getting the feed /sources shows with that id. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { chatFeeds, chooseFeed, noSuchFeed } from '../chat-feeds.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { replyText, replyUsage } from '../reply.js';
import { chatTr } from '../chat-language.js';

/**
 * Drop one feed from the chat's digest.
 * @example handleUnsubscribe(ctx, { ...input, args: '2' }, deps)
 */
export async function handleUnsubscribe(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  if (!/^\d{1,6}$/.test(input.args)) return replyUsage(ctx, 'unsubscribe');
  if (!(await requireChatAdmin(ctx, input, deps))) return;
  const tr = chatTr(ctx);
  const feeds = await chatFeeds(deps, input.chat.id);
  const entry = feeds.find((f) => f.number === Number(input.args));
  if (!entry) return replyText(ctx, feeds.length ? noSuchFeed(feeds, input.args, tr) : tr.t('feeds-none-short'));
  const name = entry.feed.title || entry.feed.url;
  if (!entry.chosen) return replyText(ctx, tr.t('unsubscribe-not-getting', { name }));
  await chooseFeed(deps, input.chat.id, entry.feed.id, false);
  const left = feeds.filter((f) => f.chosen).length - 1;
  await replyText(ctx, left > 0 ? tr.t('unsubscribe-done', { name, left }) : tr.t('unsubscribe-done-none', { name }));
}
