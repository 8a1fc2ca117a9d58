/** /digest: this chat's digest now — stories since its last digest (or the last 24 h), personalized. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { chatDigest, digestWindows } from '../chat-digest.js';
import { renderTelegram } from '../../render/render-telegram.js';
import { digestButtons } from '../keyboards/story-buttons.js';
import { replyHtml, replyText } from '../reply.js';
import { hiddenByTopicsText } from '../../app/personalize-digest.js';
import { localDate } from '../../jobs/time-zone.js';
import { chatTimezone } from '../chat-schedule.js';
import { chatTr } from '../chat-language.js';

/**
 * Reply with the chat's digest (link previews off, story buttons and "more" under the last part)
 * and remember every story it would see, so /story N and the buttons refer to what the chat saw
 * and "more" can page on.
 * @example handleDigest(ctx, input, deps)
 */
export async function handleDigest(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  await ctx.sendChatAction('typing').catch(() => undefined);
  const tr = chatTr(ctx);
  const chatId = input.chat.id;
  const subscriber = await deps.store.getSubscriber(chatId);
  const windows = digestWindows(deps, subscriber);
  let view = await chatDigest(deps, chatId, subscriber, windows.since);
  let heading: string | undefined;
  if (view.page.stories.length === 0 && subscriber?.lastDigestAt) {
    view = await chatDigest(deps, chatId, subscriber, windows.fallback);
    if (view.page.stories.length > 0) heading = tr.t('digest-nothing-new', { hours: deps.settings.windowHours });
  }
  if (view.page.stories.length === 0) {
    // "No new stories" would be wrong when there are stories the chat's topics hid: say so.
    const hidden = hiddenByTopicsText(view.hidden, await deps.store.getPreferences(chatId), tr);
    if (hidden) return replyText(ctx, tr.t('digest-all-hidden', { hidden }));
  }
  const parts = renderTelegram(view.page, { locale: tr.locale, ...(heading ? { heading } : {}) });
  await replyHtml(ctx, parts, digestButtons(view.page.stories, view.more ? 2 : null, tr));
  if (view.page.stories.length > 0) {
    const at = deps.now();
    await deps.store.saveChatView(chatId, { at, stories: view.all });
    await deps.store.markDigestGiven(chatId, at);
  }
}

/**
 * Page `page` (2, 3, …) of the chat's last digest, as a new message with its story buttons and
 * "more" while stories remain. False when the chat has no such page any more.
 * @example await showDigestPage(ctx, deps, chatId, 2)
 */
export async function showDigestPage(ctx: Context, deps: BotDeps, chatId: number, page: number): Promise<boolean> {
  const view = await deps.store.getChatView(chatId);
  const size = deps.settings.maxStories;
  const stories = view?.stories.slice((page - 1) * size, page * size) ?? [];
  if (!view || stories.length === 0) return false;
  const tz = chatTimezone(deps, await deps.store.getSubscriber(chatId));
  const tr = chatTr(ctx);
  const first = stories[0]!.number;
  const last = first + stories.length - 1;
  // "3 of 3", not "3–3 of 3", for a last page of one story.
  const heading = tr.t('digest-more-heading', { numbers: first === last ? String(first) : `${first}–${last}`, total: view.stories.length });
  const digest = { date: localDate(view.at, tz), timezone: tz, createdAt: view.at, stories };
  const more = view.stories.length > page * size ? page + 1 : null;
  await replyHtml(ctx, renderTelegram(digest, { heading, locale: tr.locale }), digestButtons(stories, more, tr));
  return true;
}
