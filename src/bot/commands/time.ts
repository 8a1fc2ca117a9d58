/** /time HH:MM: the chat's daily digest time (in its time zone); /time default restores the schedule. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { describeSchedule } from '../chat-schedule.js';
import { replyText, replyUsage } from '../reply.js';
import { chatTr } from '../chat-language.js';

/**
 * "7:30" → "07:30"; null when not a time of day.
 * @example parseDigestTime('7:30') // '07:30'
 */
export function parseDigestTime(text: string): string | null {
  const m = /^([01]?\d|2[0-3])[:.h]([0-5]\d)$/i.exec(text.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
}

/**
 * Set or reset the chat's digest time.
 * @example handleTime(ctx, { ...input, args: '07:30' }, deps)
 */
export async function handleTime(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const tr = chatTr(ctx);
  const reset = /^(default|reset|off)$/i.test(input.args);
  const time = reset ? null : parseDigestTime(input.args);
  if (!reset && time === null) {
    const sub = await deps.store.getSubscriber(input.chat.id);
    if (input.args === '' && sub?.active) return replyText(ctx, tr.t(sub.paused ? 'time-current-paused' : 'time-current', { schedule: describeSchedule(deps, sub, tr) }));
    return replyUsage(ctx, 'time');
  }
  if (!(await requireChatAdmin(ctx, input, deps))) return;
  const sub = await deps.store.getSubscriber(input.chat.id);
  if (!sub?.active) return replyText(ctx, tr.t('not-subscribed'));
  await deps.store.setSchedule(input.chat.id, { digestTime: time });
  // A paused chat gets nothing at the new time: say so rather than promise a digest.
  await replyText(ctx, tr.t(sub.paused ? 'time-done-paused' : 'time-done', { schedule: describeSchedule(deps, { ...sub, digestTime: time }, tr) }));
}
