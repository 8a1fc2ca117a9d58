/** /timezone <IANA | city | UTC±h | default>: the chat's time zone. */
import type { Context } from 'telegraf';
import type { BotDeps } from '../bot-deps.js';
import type { CommandInput } from '../command-input.js';
import { requireChatAdmin } from '../guards/chat-admin.js';
import { chatTimezoneLabel, describeSchedule } from '../chat-schedule.js';
import { resolveTimeZone } from '../time-zone-input.js';
import { replyText } from '../reply.js';
import { chatTr } from '../chat-language.js';

/**
 * Set or reset the chat's time zone.
 * @example handleTimezone(ctx, { ...input, args: 'Kyiv' }, deps)
 */
export async function handleTimezone(ctx: Context, input: CommandInput, deps: BotDeps): Promise<void> {
  const tr = chatTr(ctx);
  if (input.args === '') {
    const sub = await deps.store.getSubscriber(input.chat.id);
    return replyText(ctx, sub?.timezone ? tr.t('timezone-current', { zone: chatTimezoneLabel(deps, sub) }) : tr.t('timezone-current-default', { zone: chatTimezoneLabel(deps, sub) }));
  }
  const reset = /^(default|reset)$/i.test(input.args);
  const zone = reset ? null : resolveTimeZone(input.args);
  if (!reset && zone === null) {
    return replyText(ctx, tr.t('timezone-unknown', { input: input.args.slice(0, 40) }));
  }
  if (!(await requireChatAdmin(ctx, input, deps))) return;
  const sub = await deps.store.getSubscriber(input.chat.id);
  if (!sub?.active) return replyText(ctx, tr.t('not-subscribed'));
  await deps.store.setSchedule(input.chat.id, { timezone: zone });
  const next = { ...sub, timezone: zone };
  await replyText(ctx, tr.t(sub.paused ? 'timezone-done-paused' : 'timezone-done', { zone: chatTimezoneLabel(deps, next), schedule: describeSchedule(deps, next, tr) }));
}
