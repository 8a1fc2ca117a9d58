/** /pause: keep the subscription, stop the daily digest until /resume. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { replyText } from '../reply.js';

/** The reply for a chat that has not subscribed. */
export const NOT_SUBSCRIBED = 'This chat is not subscribed yet. Send /start first.';

/**
 * Pause the chat's digests.
 * @example handlePause(ctx, input, deps)
 */
export async function handlePause(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  if (!(await requireChatAdmin(ctx, input, deps))) return;
  const sub = await deps.store.getSubscriber(input.chat.id);
  if (!sub?.active) return replyText(ctx, NOT_SUBSCRIBED);
  if (sub.paused) return replyText(ctx, 'Already paused. Send /resume to get digests again.');
  await deps.store.setPaused(input.chat.id, true);
  await replyText(ctx, 'Paused: no digests until you send /resume. /digest still works any time.');
}
