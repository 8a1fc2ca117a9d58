/** /stop: unsubscribe this chat; it stays known so /start brings it back. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { replyText } from '../reply.js';
import { chatTr } from '../chat-language.js';

/**
 * Deactivate the chat and cancel anything still queued for it (group admins only in groups).
 * @example handleStop(ctx, input, deps)
 */
export async function handleStop(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  if (!(await requireChatAdmin(ctx, input, deps))) return;
  const chatId = input.chat.id;
  const wasActive = await deps.store.deactivate(chatId, 'unsubscribed with /stop');
  await deps.store.cancelPending(chatId, 'unsubscribed with /stop');
  deps.logger.info({ chat: chatId, wasActive }, 'unsubscribe');
  const { t } = chatTr(ctx);
  await replyText(ctx, wasActive ? t('stop-done') : t('stop-not-subscribed'));
}
