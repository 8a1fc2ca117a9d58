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
import { chatTr } from './chat-language.js';
import { LOCALES, translator } from '../i18n/translator.js';

/** Callback data of the "Subscribe" button under an offer; the URL is read back from the offer's text. */
export const SUBSCRIBE_OFFER = 'sub:offer';
/** The offer's words before the URL, in every language (an offer is read back whatever language it was sent in). */
const OFFER_PREFIXES = LOCALES.map((l) => translator(l).t('offer-subscribe', { url: '' }));

/**
 * Answer a private chat's plain text; `hinted` remembers the chats that already had the hint.
 * @example await handlePlainText(ctx, ctx.message, deps, hinted)
 */
export async function handlePlainText(ctx: Context, msg: Message.TextMessage, deps: BotDeps, hinted: Set<number>): Promise<void> {
  if (msg.chat.type !== 'private') return;
  const { t } = chatTr(ctx);
  const url = pastedUrl(msg.text);
  if (url) {
    await replyHtml(ctx, [escapeHtml(t('offer-subscribe', { url }))], { inline_keyboard: [[{ text: t('button-subscribe'), callback_data: SUBSCRIBE_OFFER }]] });
    return;
  }
  if (!firstTime(hinted, msg.chat.id)) return;
  deps.logger.debug({ chat: msg.chat.id }, 'plain text: hint given');
  await replyText(ctx, t('plain-text-hint'));
}

/** How many chats the hint remembers; past that the longest-ago hinted may get it once more (memory stays bounded). */
const HINTED_MAX = 100_000;

/**
 * True the first time `chatId` is seen (and remembers it), false after; keeps at most `max` ids,
 * forgetting the oldest.
 * @example firstTime(seen, 42) // true, then false
 */
export function firstTime(seen: Set<number>, chatId: number, max = HINTED_MAX): boolean {
  if (seen.has(chatId)) return false;
  seen.add(chatId);
  // a Set iterates in insertion order: the first is the oldest
  if (seen.size > max) seen.delete(seen.values().next().value!);
  return true;
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
  const prefix = OFFER_PREFIXES.find((p) => offerText.startsWith(p));
  return prefix === undefined ? null : pastedUrl(offerText.slice(prefix.length));
}
