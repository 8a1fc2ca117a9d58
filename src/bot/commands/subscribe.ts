/**
 * /subscribe <n|url|only n…|all>: get feed n of /sources, or add a feed by URL (through the SSRF
 * guard); `only 2 5` gets just those feeds (feeds added later do not arrive), `all` every feed
 * again (those added later too). Adding
 * by URL can take a while (discovery fetches pages), so it answers "checking…" at once and edits
 * that message when the job is done: the chat, and the bot, keep answering meanwhile.
 */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { FetchError } from '../../domain/errors.js';
import { chatFeeds, chooseFeed, noSuchFeed } from '../chat-feeds.js';
import { everyFeed, onlyFeeds } from '../../domain/feed-choice.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { replyText, replyUsage } from '../reply.js';
import { escapeHtml } from '../../render/escape-html.js';
import { chatTr } from '../chat-language.js';
import type { Translator } from '../../i18n/translator.js';

/**
 * Subscribe the chat to a listed feed, or add a new one: a user's feed reaches only the chats
 * that choose it.
 * @example handleSubscribe(ctx, { ...input, args: 'https://example.org/feed.xml' }, deps)
 */
export async function handleSubscribe(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const arg = input.args;
  const tr = chatTr(ctx);
  const only = /^only((?:\s+\d{1,6}){1,50})$/i.exec(arg);
  if (only) return subscribeOnly(ctx, input, deps, only[1]!.trim().split(/\s+/));
  if (/^all$/i.test(arg)) {
    if (!(await requireChatAdmin(ctx, input, deps))) return;
    await deps.store.setFeedChoice(input.chat.id, everyFeed(await deps.store.getFeedChoice(input.chat.id), await deps.store.userFeedIds()));
    return replyText(ctx, tr.t('subscribe-all'));
  }
  if (/^\d{1,6}$/.test(arg)) {
    if (!(await requireChatAdmin(ctx, input, deps))) return;
    const feeds = await chatFeeds(deps, input.chat.id);
    const entry = feeds.find((f) => f.number === Number(arg));
    if (!entry) return replyText(ctx, feeds.length ? noSuchFeed(feeds, arg, tr) : tr.t('feeds-none'));
    const name = entry.feed.title || entry.feed.url;
    if (entry.chosen) return replyText(ctx, tr.t('subscribe-already', { name }));
    await chooseFeed(deps, input.chat.id, entry.feed.id, true);
    return replyText(ctx, tr.t('subscribe-done', { name }));
  }
  if (!/^https?:\/\/\S+$/i.test(arg) || arg.length > 2000) return replyUsage(ctx, 'subscribe');
  if (!(await requireChatAdmin(ctx, input, deps))) return;
  await subscribeByUrlJob(ctx, deps, input.chat.id, arg);
}

/** `/subscribe only 2 5`: exactly these feeds of /sources, none added later. */
async function subscribeOnly(ctx: Context, input: CommandInput, deps: BotDeps, asked: string[]): Promise<void> {
  if (!(await requireChatAdmin(ctx, input, deps))) return;
  const tr = chatTr(ctx);
  const feeds = await chatFeeds(deps, input.chat.id);
  const unknown = asked.find((n) => !feeds.some((f) => f.number === Number(n)));
  if (unknown !== undefined) return replyText(ctx, feeds.length ? noSuchFeed(feeds, unknown, tr) : tr.t('feeds-none'));
  const chosen = feeds.filter((f) => asked.includes(String(f.number)));
  await deps.store.setFeedChoice(input.chat.id, onlyFeeds(chosen.map((f) => f.feed.id)));
  const names = chosen.map((f) => f.feed.title || f.feed.url).join(', ');
  return replyText(ctx, tr.t('subscribe-only', { names }));
}

/**
 * Say "Checking <url>…" now, then discover and add the feed as a background job and edit that
 * message with the outcome (used by /subscribe <url> and by the button offered under a pasted link).
 * @example await subscribeByUrlJob(ctx, deps, chatId, 'https://example.org/')
 */
export async function subscribeByUrlJob(ctx: Context, deps: BotDeps, chatId: number, arg: string): Promise<void> {
  const tr = chatTr(ctx);
  const checking = await ctx.telegram.sendMessage(chatId, escapeHtml(tr.t('subscribe-checking', { url: arg.slice(0, 200) })), { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
  deps.jobs.run('subscribe', async () => {
    const outcome = await subscribeByUrl(deps, chatId, arg, tr);
    await ctx.telegram
      .editMessageText(chatId, checking.message_id, undefined, escapeHtml(outcome), { parse_mode: 'HTML', link_preview_options: { is_disabled: true } })
      // the "checking…" message was deleted meanwhile: say it in a new one
      .catch(async (err: Error) => {
        if (!/not found/i.test(err.message)) throw err;
        await ctx.telegram.sendMessage(chatId, escapeHtml(outcome), { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
      });
  });
}

/** Discover and add the feed, choose it for the chat; the line to tell the user. */
async function subscribeByUrl(deps: BotDeps, chatId: number, url: string, tr: Translator): Promise<string> {
  let added: Awaited<ReturnType<BotDeps['addFeed']>>;
  try {
    added = await deps.addFeed(url, { allowPrivate: false, addedByChat: chatId });
  } catch (err) {
    // The fetcher's reason is in its own words (English): translated errors would need a message per FetchError code.
    const reason = err instanceof FetchError ? err.message : tr.t('subscribe-unreadable');
    deps.logger.info({ chat: chatId, err: (err as Error).message }, 'subscribe by URL refused');
    return tr.t('subscribe-failed', { reason: reason.slice(0, 300) });
  }
  await chooseFeed(deps, chatId, added.feed.id, true);
  const name = added.feed.title || added.feed.url;
  if (!added.created) return tr.t('subscribe-done', { name });
  return added.discoveredFrom ? tr.t('subscribe-added-found', { name }) : tr.t('subscribe-added', { name });
}
