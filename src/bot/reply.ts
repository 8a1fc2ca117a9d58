/** Sending replies: Telegram HTML, link previews off, one message per part. */
import type { Context } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { escapeHtml } from '../render/escape-html.js';
import { COMMANDS } from './command-list.js';

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
 * @example await replyText(ctx, 'Paused.')
 */
export async function replyText(ctx: Context, text: string): Promise<void> {
  await replyHtml(ctx, [escapeHtml(text)]);
}

/**
 * The one-line usage reply for a command given bad arguments.
 * @example await replyUsage(ctx, 'time') // "Usage: /time HH:MM — …"
 */
export async function replyUsage(ctx: Context, command: string): Promise<void> {
  const usage = COMMANDS.find((c) => c.command === command)?.usage ?? ADMIN_USAGE;
  await replyText(ctx, `Usage: ${usage}`);
}

/** The usage of /admin (not in the public menu). */
export const ADMIN_USAGE =
  '/admin feeds list|add <url>|remove <id> · export (OPML file; send an .opml file to import) · schedule · stats · preview · broadcast <text>';
