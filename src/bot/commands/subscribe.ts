/** /subscribe <n|url>: get feed n of /sources, or add a feed by URL (through the SSRF guard). */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { FetchError } from '../../domain/errors.js';
import { chatFeeds, chooseFeed } from '../chat-feeds.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { replyText, replyUsage } from '../reply.js';

/**
 * Subscribe the chat to a listed feed, or add a new one: a user's feed reaches only the chats
 * that choose it.
 * @example handleSubscribe(ctx, { ...input, args: 'https://example.org/feed.xml' }, deps)
 */
export async function handleSubscribe(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const arg = input.args;
  if (/^\d{1,6}$/.test(arg)) {
    if (!(await requireChatAdmin(ctx, input, deps))) return;
    const feeds = await chatFeeds(deps, input.chat.id);
    const entry = feeds.find((f) => f.number === Number(arg));
    if (!entry) return replyText(ctx, feeds.length ? `There is no feed ${arg}: /sources lists 1–${feeds.length}.` : 'No feeds yet. Add one with /subscribe <url>.');
    const name = entry.feed.title || entry.feed.url;
    if (entry.chosen) return replyText(ctx, `You already get ${name}.`);
    await chooseFeed(deps, input.chat.id, entry.feed.id, true);
    return replyText(ctx, `Subscribed to ${name}.`);
  }
  if (!/^https?:\/\/\S+$/i.test(arg) || arg.length > 2000) return replyUsage(ctx, 'subscribe');
  if (!(await requireChatAdmin(ctx, input, deps))) return;
  await ctx.sendChatAction('typing').catch(() => undefined);
  let added: Awaited<ReturnType<BotDeps['addFeed']>>;
  try {
    added = await deps.addFeed(arg, { allowPrivate: false, addedByChat: input.chat.id });
  } catch (err) {
    const reason = err instanceof FetchError ? err.message : 'the feed could not be read';
    deps.logger.info({ chat: input.chat.id, err: (err as Error).message }, 'subscribe by URL refused');
    return replyText(ctx, `Could not add that feed: ${reason.slice(0, 300)}`);
  }
  await chooseFeed(deps, input.chat.id, added.feed.id, true);
  const name = added.feed.title || added.feed.url;
  const found = added.discoveredFrom ? ' (found on that page)' : '';
  await replyText(ctx, added.created ? `Added ${name}${found}. Its stories appear after the next fetch.` : `Subscribed to ${name}.`);
}
