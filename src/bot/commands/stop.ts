/** /stop: unsubscribe this chat; it stays known so /start brings it back. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';

/**
 * Deactivate the chat and cancel anything still queued for it.
 * @example bot.command('stop', (ctx) => handleStop(ctx, deps))
 */
export async function handleStop(ctx: Context, deps: BotDeps): Promise<void> {
  const chatId = ctx.chat!.id;
  const wasActive = await deps.store.deactivate(chatId, 'unsubscribed with /stop');
  await deps.store.cancelPending(chatId, 'unsubscribed with /stop');
  deps.logger.info({ chat: chatId, wasActive }, 'unsubscribe');
  await ctx.reply(
    wasActive ? 'Unsubscribed. No more digests will arrive. Send /start to subscribe again.' : 'You were not subscribed. Send /start to subscribe.',
  );
}
