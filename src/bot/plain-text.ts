/**
 * Messages that are not commands, in private chats: a pasted link is offered for subscription
 * (a button; the usual discovery and SSRF checks run when it is pressed), any other text gets a
 * short hint — once per chat, not on every message. In groups, plain text is the members' talk.
 */
import type { Context } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { BotDeps } from './bot-deps.js';
import { escapeHtml } from '../render/escape-html.js';
import { replyHtml, replyText } from './reply.js';

/** Callback data of the "Subscribe" button under an offer; the URL is read back from the offer's text. */
export const SUBSCRIBE_OFFER = 'sub:offer';
const OFFER_PREFIX = 'Subscribe to this feed or site? ';

/**
 * Answer a private chat's plain text; `hinted` remembers the chats that already had the hint.
 * @example await handlePlainText(ctx, ctx.message, deps, hinted)
 */
export async function handlePlainText(ctx: Context, msg: Message.TextMessage, deps: BotDeps, hinted: Set<number>): Promise<void> {
  if (msg.chat.type !== 'private') return;
  const url = pastedUrl(msg.text);
  if (url) {
    await replyHtml(ctx, [escapeHtml(`${OFFER_PREFIX}${url}`)], { inline_keyboard: [[{ text: 'Subscribe', callback_data: SUBSCRIBE_OFFER }]] });
    return;
  }
  if (hinted.has(msg.chat.id)) return;
  hinted.add(msg.chat.id);
  deps.logger.debug({ chat: msg.chat.id }, 'plain text: hint given');
  await replyText(ctx, 'I answer commands: /digest for the latest stories, /why 971 to find a number, /help for all of them. Paste a feed or site link to subscribe to it.');
}

/**
 * The URL of a message that is just a link (surrounding spaces allowed), else null.
 * @example pastedUrl(' https://example.org/feed.xml ') // 'https://example.org/feed.xml'
 */
export function pastedUrl(text: string): string | null {
  const t = text.trim();
  return /^https?:\/\/\S{1,2000}$/i.test(t) ? t : null;
}

/**
 * The URL an offer message asked about (its text after the prompt), else null.
 * @example offeredUrl('Subscribe to this feed or site? https://example.org/') // 'https://example.org/'
 */
export function offeredUrl(offerText: string): string | null {
  return offerText.startsWith(OFFER_PREFIX) ? pastedUrl(offerText.slice(OFFER_PREFIX.length)) : null;
}
