/** /digest: the latest digest, now, in this chat. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';

/**
 * Reply with every part of the current digest, in order, link previews off.
 * @example bot.command('digest', (ctx) => handleDigest(ctx, deps))
 */
export async function handleDigest(ctx: Context, deps: BotDeps): Promise<void> {
  await ctx.sendChatAction('typing').catch(() => undefined);
  const parts = await deps.currentDigestParts();
  for (const part of parts) {
    await ctx.reply(part, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
  }
}
