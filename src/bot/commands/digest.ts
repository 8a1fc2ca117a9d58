/** /digest: this chat's digest now — stories since its last digest (or the last 24 h), personalized. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { chatDigest, digestWindows } from '../chat-digest.js';
import { renderTelegram } from '../../render/render-telegram.js';
import { storyButtons } from '../keyboards/story-buttons.js';
import { replyHtml } from '../reply.js';

/**
 * Reply with the chat's digest (link previews off, story buttons under the last part) and
 * remember it, so /story N and the buttons refer to what the chat saw.
 * @example handleDigest(ctx, input, deps)
 */
export async function handleDigest(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  await ctx.sendChatAction('typing').catch(() => undefined);
  const chatId = input.chat.id;
  const subscriber = await deps.store.getSubscriber(chatId);
  const windows = digestWindows(deps, subscriber);
  let digest = await chatDigest(deps, chatId, subscriber, windows.since);
  let heading: string | undefined;
  if (digest.stories.length === 0 && subscriber?.lastDigestAt) {
    digest = await chatDigest(deps, chatId, subscriber, windows.fallback);
    if (digest.stories.length > 0) heading = `Nothing new since your last digest — the last ${deps.settings.windowHours} h`;
  }
  const parts = renderTelegram(digest, heading ? { heading } : {});
  await replyHtml(ctx, parts, storyButtons(digest.stories));
  if (digest.stories.length > 0) {
    const at = deps.now().toISOString();
    await deps.store.saveChatView(chatId, { at, stories: digest.stories });
    await deps.store.markDigestGiven(chatId, at);
  }
}
