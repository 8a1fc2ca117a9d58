/** /pause: keep the subscription, stop the daily digest until /resume. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { replyText } from '../reply.js';
import { chatTr } from '../chat-language.js';

/**
 * Pause the chat's digests.
 * @example handlePause(ctx, input, deps)
 */
export async function handlePause(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  if (!(await requireChatAdmin(ctx, input, deps))) return;
  const { t } = chatTr(ctx);
  const sub = await deps.store.getSubscriber(input.chat.id);
  if (!sub?.active) return replyText(ctx, t('not-subscribed'));
  if (sub.paused) return replyText(ctx, t('pause-already'));
  await deps.store.setPaused(input.chat.id, true);
  await replyText(ctx, t('pause-done'));
}
