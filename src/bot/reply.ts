/** Sending replies: Telegram HTML, link previews off, one message per part, in the chat's language. */
import type { Context } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { escapeHtml } from '../render/escape-html.js';
import { COMMANDS } from './command-list.js';
import { chatTr } from './chat-language.js';

/**
 * Send HTML parts in order; the keyboard (if any) goes under the last part.
 * @example await replyHtml(ctx, ['<b>hi</b>'])
 */
export async function replyHtml(ctx: Context, parts: readonly string[], keyboard?: InlineKeyboardMarkup): Promise<void> {
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    await ctx.reply(part, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(last && keyboard && keyboard.inline_keyboard.length > 0 ? { reply_markup: keyboard } : {}),
    });
  }
}

/**
 * Reply with one plain line of text (escaped, sent as HTML like every other reply).
 * @example await replyText(ctx, chatTr(ctx).t('pause-done'))
 */
export async function replyText(ctx: Context, text: string): Promise<void> {
  await replyHtml(ctx, [escapeHtml(text)]);
}

/**
 * The one-line usage reply for a command given bad arguments, in the chat's language.
 * @example await replyUsage(ctx, 'time') // "Usage: /time HH:MM — …"
 */
export async function replyUsage(ctx: Context, command: string): Promise<void> {
  const { t } = chatTr(ctx);
  const id = COMMANDS.find((c) => c.command === command)?.usage;
  await replyText(ctx, t('usage', { usage: id ? t(id) : ADMIN_USAGE }));
}

/** The usage of /admin (not in the public menu; operators' tools stay in English, like the CLI). */
export const ADMIN_USAGE =
  '/admin feeds list|add <url>|remove <id> · export (OPML file; send an .opml file to import) · schedule · stats · preview · broadcast <text>';
