/** /resume: digests arrive again after /pause. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { describeSchedule } from '../chat-schedule.js';
import { replyText } from '../reply.js';
import { chatTr } from '../chat-language.js';

/**
 * Resume the chat's digests.
 * @example handleResume(ctx, input, deps)
 */
export async function handleResume(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  if (!(await requireChatAdmin(ctx, input, deps))) return;
  const tr = chatTr(ctx);
  const sub = await deps.store.getSubscriber(input.chat.id);
  if (!sub?.active) return replyText(ctx, tr.t('not-subscribed'));
  if (!sub.paused) return replyText(ctx, tr.t('resume-not-paused', { schedule: describeSchedule(deps, sub, tr) }));
  await deps.store.setPaused(input.chat.id, false);
  await replyText(ctx, tr.t('resume-done', { schedule: describeSchedule(deps, { ...sub, paused: false }, tr) }));
}
