/** /resume: digests arrive again after /pause. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { describeSchedule } from '../chat-schedule.js';
import { replyText } from '../reply.js';
import { NOT_SUBSCRIBED } from './pause.js';

/**
 * Resume the chat's digests.
 * @example handleResume(ctx, input, deps)
 */
export async function handleResume(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  if (!(await requireChatAdmin(ctx, input, deps))) return;
  const sub = await deps.store.getSubscriber(input.chat.id);
  if (!sub?.active) return replyText(ctx, NOT_SUBSCRIBED);
  if (!sub.paused) return replyText(ctx, `Digests are not paused: they arrive ${describeSchedule(deps, sub)}.`);
  await deps.store.setPaused(input.chat.id, false);
  await replyText(ctx, `Resumed: your digest arrives ${describeSchedule(deps, { ...sub, paused: false })}.`);
}
